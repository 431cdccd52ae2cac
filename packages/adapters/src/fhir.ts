/**
 * `fhirRepository`: plans on a FHIR R4 server, written as transaction
 * Bundles of the resources `toFhirBundle` produces.
 */
import {
  ConflictError,
  NetworkError,
  NotFoundError,
  matchesListQuery,
  parsePlan,
  type DeleteOptions,
  type ListQuery,
  type Plan,
  type PlanRepository,
  type RequestOptions,
  type SaveOptions,
} from '@sip-kit/core';
import { settleMismatch } from './conflict.js';
import { FHIR_EXTENSIONS, FHIR_TAGS, fromFhirBundle, toFhirBundle, type FhirBundle, type FhirResource } from './fhir-mapping.js';
import { contractError, parseJson, pathSegment, send, type HttpAnswer, type HttpCall, type HttpOptions } from './http.js';

/** Options for {@link fhirRepository}: `baseUrl` is the FHIR base, e.g. `https://fhir.example.se/R4`. */
export type FhirRepositoryOptions = HttpOptions;

/** Resource types a plan is written as (besides its CarePlan). */
const TYPES = ['Patient', 'Organization', 'CareTeam', 'Condition', 'Goal', 'Appointment', 'Encounter', 'Consent', 'Task'] as const;
/** Search page size: one plan has at most a few thousand resources of a type. */
const COUNT = 5000;

type J = Record<string, unknown>;
const obj = (v: unknown): J | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as J) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function resourceOf(answer: HttpAnswer, type: string): J {
  const body = obj(parseJson(answer));
  if (body?.resourceType !== type) throw contractError(`Expected a ${type}, got ${String(body?.resourceType)}`, ['resourceType']);
  return body;
}

function planVersionOf(carePlan: J): number | undefined {
  for (const e of arr(carePlan.extension)) if (obj(e)?.url === FHIR_EXTENSIONS.planVersion) return obj(e)?.valueInteger as number;
  return undefined;
}

/**
 * A {@link PlanRepository} on a FHIR R4 server (mapping: docs/fhir-mapping.md).
 *
 * - `save` reads the stored CarePlan, checks the plan version in its
 *   `plan-version` extension, and writes one transaction Bundle whose CarePlan
 *   entry carries `If-Match` with the CarePlan's `meta.versionId`, so a save
 *   racing ours makes the server refuse the whole transaction (412). Items
 *   removed from the plan are deleted in the same transaction.
 * - `load` reads the CarePlan and the plan's other resources (found by their
 *   `plan` tag) and maps them back with `fromFhirBundle`, which validates.
 * - `history` rebuilds each saved version from the resources' own histories,
 *   using the `plan-version` tag every resource is written with.
 * Idempotent calls (GET, DELETE, the conditional transaction) are retried on
 * `NetworkError` like the REST adapter's.
 */
export function fhirRepository(options: FhirRepositoryOptions): PlanRepository {
  const get = (path: string, signal?: AbortSignal) => send(options, { method: 'GET', path, idempotent: true, signal });
  const call = (c: HttpCall) => send(options, { contentType: 'application/fhir+json', ...c, headers: { Accept: 'application/fhir+json', ...(c.headers ?? {}) } });

  async function readCarePlan(id: string, signal?: AbortSignal): Promise<J | undefined> {
    const answer = await get(`CarePlan/${pathSegment(id)}`, signal);
    if (answer.status === 404 || answer.status === 410) return undefined;
    if (answer.status !== 200) throw contractError(`Unexpected answer ${answer.status} reading CarePlan/${id}`);
    const carePlan = resourceOf(answer, 'CarePlan');
    if (carePlan.id !== id) throw contractError(`Asked for CarePlan/${id}, got ${String(carePlan.id)}`, ['id']);
    return carePlan;
  }

  /** The plan's current resources other than the CarePlan, found by tag. */
  async function readResources(id: string, signal?: AbortSignal): Promise<FhirResource[]> {
    const tag = encodeURIComponent(`${FHIR_TAGS.plan}|${id}`);
    const pages = await Promise.all(
      TYPES.map(async (type) => {
        const answer = await get(`${type}?_tag=${tag}&_count=${COUNT}`, signal);
        if (answer.status !== 200) throw contractError(`Unexpected answer ${answer.status} searching ${type}`);
        const bundle = resourceOf(answer, 'Bundle');
        return arr(bundle.entry)
          .map((e) => obj(obj(e)?.resource))
          .filter((r): r is FhirResource => r?.resourceType === type);
      }),
    );
    return pages.flat();
  }

  async function readCurrent(id: string, signal?: AbortSignal): Promise<{ carePlan: J; resources: FhirResource[] } | undefined> {
    const carePlan = await readCarePlan(id, signal);
    if (!carePlan) return undefined;
    return { carePlan, resources: await readResources(id, signal) };
  }

  const asPlan = (carePlan: J, resources: FhirResource[]): Plan =>
    fromFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [carePlan, ...resources].map((resource) => ({ resource })) });

  async function load(id: string, opts: RequestOptions = {}): Promise<Plan> {
    const current = await readCurrent(id, opts.signal);
    if (!current) throw new NotFoundError(id);
    return asPlan(current.carePlan, current.resources);
  }

  async function save(plan: Plan, opts: SaveOptions = {}): Promise<Plan> {
    const ours = parsePlan(plan);
    const expected = opts.expectedVersion ?? ours.version;
    const current = await readCurrent(ours.id, opts.signal);
    if (!current && expected > 0) throw new NotFoundError(ours.id);
    if (current) {
      const stored = planVersionOf(current.carePlan);
      if (stored !== expected) return settleMismatch(asPlan(current.carePlan, current.resources), ours, expected);
    } else if (expected !== 0) {
      throw new NotFoundError(ours.id);
    }
    const next: Plan = { ...ours, version: expected + 1 };
    const bundle = toFhirBundle(next);
    const entries = bundle.entry ?? [];
    const first = entries[0];
    const versionId = current ? obj(current.carePlan.meta)?.versionId : undefined;
    if (first?.request && typeof versionId === 'string') first.request.ifMatch = `W/"${versionId}"`;
    // Items removed from the plan: delete their resources in the same transaction.
    const kept = new Set(entries.map((e) => e.request?.url));
    for (const r of current?.resources ?? []) {
      const url = `${r.resourceType}/${String(r.id)}`;
      if (!kept.has(url)) entries.push({ request: { method: 'DELETE', url } });
    }
    // With If-Match the transaction is idempotent and retried; a create has no precondition FHIR
    // servers agree on (medplum ignores If-None-Match on update), so it is not retried blindly:
    // the caller's next save finds it applied and settles it without writing twice.
    const idempotent = typeof versionId === 'string';
    const answer = await call({ method: 'POST', path: '', body: { ...bundle, entry: entries }, idempotent, signal: opts.signal });
    if (answer.status === 412 || answer.status === 409) {
      const now = await readCurrent(ours.id, opts.signal);
      if (!now) {
        // A conflict answer, yet nothing is stored: bogus when creating, a deleted plan otherwise.
        if (expected === 0) throw new NetworkError(`The server reported a conflict creating ${ours.id}, but holds no such plan`);
        throw new NotFoundError(ours.id);
      }
      return settleMismatch(asPlan(now.carePlan, now.resources), ours, expected);
    }
    if (answer.status !== 200) {
      if (answer.status === 400 || answer.status === 422) throw contractError(`The FHIR server refused the plan's resources (${answer.status}): ${answer.text.slice(0, 500)}`);
      throw contractError(`Unexpected answer ${answer.status} to the transaction`);
    }
    const response = resourceOf(answer, 'Bundle') as FhirBundle;
    const results = arr(response.entry);
    if (response.type !== 'transaction-response' || results.length !== entries.length) {
      throw contractError('The transaction answer is not a transaction-response for our entries', ['type']);
    }
    for (const [i, r] of results.entries()) {
      const status = String(obj(obj(r)?.response)?.status ?? '');
      if (!/^2\d\d/.test(status)) throw new NetworkError(`Transaction entry ${i} answered ${status}`);
    }
    return next;
  }

  async function list(query: ListQuery = {}, opts: RequestOptions = {}): Promise<Plan[]> {
    const answer = await get(`CarePlan?_tag=${encodeURIComponent(`${FHIR_TAGS.format}|sip-kit-plan`)}&_count=${COUNT}`, opts.signal);
    if (answer.status !== 200) throw contractError(`Unexpected answer ${answer.status} searching CarePlan`);
    let ids = arr(resourceOf(answer, 'Bundle').entry)
      .map((e) => obj(obj(e)?.resource)?.id)
      .filter((id): id is string => typeof id === 'string');
    if (query.personId !== undefined) {
      // Narrow by the person's identifier on the server: only their plans are loaded.
      const token = query.personIdSystem === undefined ? query.personId : `${query.personIdSystem}|${query.personId}`;
      const found = await get(`Patient?identifier=${encodeURIComponent(token)}&_count=${COUNT}`, opts.signal);
      if (found.status !== 200) throw contractError(`Unexpected answer ${found.status} searching Patient`);
      const planIds = new Set(
        arr(resourceOf(found, 'Bundle').entry).flatMap((e) =>
          arr(obj(obj(obj(e)?.resource)?.meta)?.tag)
            .map(obj)
            .filter((t) => t?.system === FHIR_TAGS.plan)
            .map((t) => String(t?.code)),
        ),
      );
      ids = ids.filter((id) => planIds.has(id));
    }
    // The filters need the whole plan (identifiers, follow-ups), so each is loaded and filtered here.
    const plans = await Promise.all(ids.map((id) => load(id, opts).catch((e: unknown) => (NotFoundError.is(e) ? undefined : Promise.reject(e)))));
    return plans.filter((p): p is Plan => p !== undefined && matchesListQuery(p, query));
  }

  async function historyOf(ref: string, signal?: AbortSignal): Promise<J[]> {
    const answer = await get(`${ref}/_history?_count=${COUNT}`, signal);
    if (answer.status === 404 || answer.status === 410) return [];
    if (answer.status !== 200) throw contractError(`Unexpected answer ${answer.status} reading ${ref}/_history`);
    return arr(resourceOf(answer, 'Bundle').entry)
      .map((e) => obj(obj(e)?.resource))
      .filter((r): r is J => r !== undefined);
  }

  async function history(id: string, opts: RequestOptions = {}): Promise<Plan[]> {
    const carePlans = await historyOf(`CarePlan/${pathSegment(id)}`, opts.signal);
    if (!carePlans.length) throw new NotFoundError(id);
    const byVersion = new Map<number, J>();
    for (const cp of carePlans) {
      const v = planVersionOf(cp);
      if (typeof v === 'number' && !byVersion.has(v)) byVersion.set(v, cp);
    }
    // Every resource a version refers to, read once with its whole history.
    const refs = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (obj(value)) {
        for (const [k, v] of Object.entries(value as J)) {
          if (k === 'reference' && typeof v === 'string' && /^[A-Z][A-Za-z]+\/[A-Za-z0-9.-]+$/.test(v)) refs.add(v);
          else collect(v);
        }
      }
    };
    for (const cp of byVersion.values()) collect(cp);
    refs.delete(`CarePlan/${id}`);
    const histories = new Map<string, J[]>();
    await Promise.all([...refs].map(async (ref) => histories.set(ref, await historyOf(ref, opts.signal))));
    // A version also refers to its CareTeam's, Encounters' and Tasks' references: collect one level more.
    const more = new Set<string>();
    for (const versions of histories.values()) for (const r of versions) collect(r);
    for (const ref of refs) more.delete(ref);
    await Promise.all([...more].filter((r) => !histories.has(r) && r !== `CarePlan/${id}`).map(async (ref) => histories.set(ref, await historyOf(ref, opts.signal))));
    const atVersion = (resources: J[], v: number) =>
      resources.find((r) => arr(obj(r.meta)?.tag).some((t) => obj(t)?.system === FHIR_TAGS.planVersion && obj(t)?.code === String(v)));
    return [...byVersion.entries()]
      .sort(([a], [b]) => a - b)
      .map(([v, cp]) => {
        const resources = [...histories.values()].map((h) => atVersion(h, v)).filter((r): r is J => r !== undefined) as FhirResource[];
        return asPlan(cp, resources);
      });
  }

  async function remove(id: string, opts: DeleteOptions = {}): Promise<void> {
    const current = await readCurrent(id, opts.signal);
    if (!current) throw new NotFoundError(id);
    if (opts.expectedVersion !== undefined && planVersionOf(current.carePlan) !== opts.expectedVersion) {
      const theirs = asPlan(current.carePlan, current.resources);
      throw new ConflictError(theirs, theirs, opts.expectedVersion, `Plan ${id} changed since version ${opts.expectedVersion}; not deleted`);
    }
    const versionId = obj(current.carePlan.meta)?.versionId;
    const entry = [
      { request: { method: 'DELETE', url: `CarePlan/${id}`, ...(typeof versionId === 'string' ? { ifMatch: `W/"${versionId}"` } : {}) } },
      ...current.resources.map((r) => ({ request: { method: 'DELETE', url: `${r.resourceType}/${String(r.id)}` } })),
    ];
    const answer = await call({ method: 'POST', path: '', body: { resourceType: 'Bundle', type: 'transaction', entry }, idempotent: true, signal: opts.signal });
    if (answer.status === 412 || answer.status === 409) {
      const now = await readCurrent(id, opts.signal);
      if (!now) return;
      const theirs = asPlan(now.carePlan, now.resources);
      throw new ConflictError(theirs, theirs, opts.expectedVersion ?? theirs.version);
    }
    if (answer.status !== 200) throw contractError(`Unexpected answer ${answer.status} deleting ${id}`);
  }

  return { load, save, list, history, delete: remove };
}


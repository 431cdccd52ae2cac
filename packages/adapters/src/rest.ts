/**
 * `restRepository`: plans in a vendor's back end over the plain JSON REST
 * contract of docs/rest-api.md. The reference server in
 * `test/support/reference-rest-server.ts` implements the same contract.
 */
import {
  ConflictError,
  NetworkError,
  NotFoundError,
  SipValidationError,
  parsePlan,
  type DeleteOptions,
  type ListQuery,
  type Plan,
  type PlanRepository,
  type RequestOptions,
  type SaveOptions,
} from '@sip-kit/core';
import { settleMismatch } from './conflict.js';
import { contractError, parseJson, pathSegment, send, type HttpAnswer, type HttpOptions } from './http.js';

/** Options for {@link restRepository}. */
export type RestRepositoryOptions = HttpOptions;

/** The `ETag` for a plan version: the version number as a strong entity tag, e.g. `"3"`. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/** Reads a plan from a body, prefixing issue paths with `at` so the error says where. */
function planFrom(value: unknown, at: (string | number)[] = []): Plan {
  try {
    return parsePlan(value);
  } catch (error) {
    if (SipValidationError.is(error) && at.length) {
      throw new SipValidationError(error.issues.map((x) => ({ ...x, path: [...at, ...x.path] })));
    }
    throw error;
  }
}

function planList(answer: HttpAnswer, key: 'plans' | 'versions'): Plan[] {
  const body = parseJson(answer);
  const items = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(items)) throw contractError(`The server's answer has no "${key}" list`, [key]);
  return items.map((item, i) => planFrom(item, [key, i]));
}

/** The body's `current` plan on a 409/412 answer, or undefined when it has none that parses. */
function currentFrom(answer: HttpAnswer): Plan | undefined {
  try {
    const body = JSON.parse(answer.text) as unknown;
    if (body && typeof body === 'object' && 'current' in body) return parsePlan((body as { current: unknown }).current);
  } catch {
    // A conflict answer without a usable plan: the caller asks for the current plan instead.
  }
  return undefined;
}

function unexpected(answer: HttpAnswer, what: string): SipValidationError {
  return contractError(`Unexpected answer ${answer.status} to ${what}`);
}

/**
 * A {@link PlanRepository} over the JSON REST contract in docs/rest-api.md.
 *
 * - Versions travel as `ETag` / `If-Match` (`"3"`); creating uses `If-None-Match: *`.
 * - Every attempt has a timeout (`timeoutMs`); the caller's `AbortSignal` cancels.
 * - GET, DELETE and PUT are retried with exponential backoff and jitter on
 *   `NetworkError`: a conditional PUT is idempotent for its version, and a
 *   retry that finds its own earlier attempt applied is recognised as success.
 * - Every plan in every answer goes through `parsePlan`; an answer that is not
 *   a plan is a `SipValidationError`, never stored or shown.
 */
export function restRepository(options: RestRepositoryOptions): PlanRepository {
  const path = (id: string, suffix = '') => `plans/${pathSegment(id)}${suffix}`;

  async function load(id: string, opts: RequestOptions = {}): Promise<Plan> {
    const answer = await send(options, { method: 'GET', path: path(id), idempotent: true, signal: opts.signal });
    if (answer.status === 404) throw new NotFoundError(id);
    if (answer.status !== 200) throw unexpected(answer, `GET ${path(id)}`);
    const plan = planFrom(parseJson(answer));
    if (plan.id !== id) throw contractError(`Asked for plan ${id}, got ${plan.id}`, ['id']);
    return plan;
  }

  async function save(plan: Plan, opts: SaveOptions = {}): Promise<Plan> {
    const ours = parsePlan(plan);
    const expected = opts.expectedVersion ?? ours.version;
    const precondition: Record<string, string> = expected === 0 ? { 'If-None-Match': '*' } : { 'If-Match': versionTag(expected) };
    const answer = await send(options, {
      method: 'PUT',
      path: path(ours.id),
      headers: precondition,
      body: { ...ours, version: expected },
      idempotent: true,
      signal: opts.signal,
    });
    if (answer.status === 200 || answer.status === 201) {
      const saved = planFrom(parseJson(answer));
      if (saved.id !== ours.id || saved.version !== expected + 1) {
        throw contractError(`Saving ${ours.id} at version ${expected} answered ${saved.id} version ${saved.version}`, ['version']);
      }
      return saved;
    }
    if (answer.status === 409 || answer.status === 412) {
      const current = currentFrom(answer) ?? (await load(ours.id, opts).catch((e: unknown) => (NotFoundError.is(e) ? undefined : Promise.reject(e))));
      if (current === undefined) {
        // A conflict answer, yet nothing is stored: bogus when creating, a deleted plan otherwise.
        if (expected === 0) throw new NetworkError(`The server reported a conflict creating ${ours.id}, but holds no such plan`);
        throw new NotFoundError(ours.id);
      }
      return settleMismatch(current, ours, expected);
    }
    if (answer.status === 404) throw new NotFoundError(ours.id);
    if (answer.status === 400 || answer.status === 422) throw refused(answer);
    throw unexpected(answer, `PUT ${path(ours.id)}`);
  }

  async function list(query: ListQuery = {}, opts: RequestOptions = {}): Promise<Plan[]> {
    const params = new URLSearchParams();
    if (query.personId !== undefined) params.append('personId', query.personId);
    if (query.personIdSystem !== undefined) params.append('personIdSystem', query.personIdSystem);
    if (query.status !== undefined) for (const s of typeof query.status === 'string' ? [query.status] : query.status) params.append('status', s);
    if (query.dueBefore !== undefined) params.append('dueBefore', query.dueBefore);
    const qs = params.toString();
    const answer = await send(options, { method: 'GET', path: `plans${qs ? `?${qs}` : ''}`, idempotent: true, signal: opts.signal });
    if (answer.status !== 200) throw unexpected(answer, 'GET plans');
    return planList(answer, 'plans');
  }

  async function history(id: string, opts: RequestOptions = {}): Promise<Plan[]> {
    const answer = await send(options, { method: 'GET', path: path(id, '/history'), idempotent: true, signal: opts.signal });
    if (answer.status === 404) throw new NotFoundError(id);
    if (answer.status !== 200) throw unexpected(answer, `GET ${path(id, '/history')}`);
    const versions = planList(answer, 'versions');
    if (versions.some((v) => v.id !== id)) throw contractError(`History of ${id} holds another plan`, ['versions']);
    return versions;
  }

  async function remove(id: string, opts: DeleteOptions = {}): Promise<void> {
    const headers = opts.expectedVersion === undefined ? undefined : { 'If-Match': versionTag(opts.expectedVersion) };
    const answer = await send(options, { method: 'DELETE', path: path(id), headers, idempotent: true, signal: opts.signal });
    if (answer.status === 204 || answer.status === 200) return;
    if (answer.status === 404) {
      // After a retry, 404 means our own earlier attempt got through: the plan is gone either way.
      if (answer.attempt > 0) return;
      throw new NotFoundError(id);
    }
    if (answer.status === 412 || answer.status === 409) {
      const current = currentFrom(answer) ?? (await load(id, opts));
      if (current.version === opts.expectedVersion) throw new NetworkError(`The server refused to delete ${id} at version ${current.version} without reason`);
      throw new ConflictError(current, current, opts.expectedVersion ?? current.version, `Plan ${id} changed since version ${opts.expectedVersion}; not deleted`);
    }
    throw unexpected(answer, `DELETE ${path(id)}`);
  }

  return { load, save, list, history, delete: remove };
}

/** A 400/422 answer: the server refused our plan; its issues (if any) are passed on. */
function refused(answer: HttpAnswer): SipValidationError {
  try {
    const body = JSON.parse(answer.text) as { issues?: unknown };
    if (Array.isArray(body.issues)) {
      const issues = body.issues
        .filter((x): x is { path: unknown; code: unknown; message: unknown } => !!x && typeof x === 'object')
        .slice(0, 100)
        .map((x) => ({
          path: Array.isArray(x.path) ? x.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number') : [],
          code: typeof x.code === 'string' ? x.code : 'invalid-value',
          message: typeof x.message === 'string' ? x.message : 'Refused by the server',
        }));
      if (issues.length) return new SipValidationError(issues);
    }
  } catch {
    // Fall through to a generic refusal.
  }
  return contractError(`The server refused the plan (${answer.status})`);
}

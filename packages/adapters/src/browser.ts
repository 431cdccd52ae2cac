/**
 * `browserRepository`: plans in the browser's IndexedDB — the embedded
 * default when the host gives no repository. Every saved version is kept.
 */
import {
  ConflictError,
  NotFoundError,
  SipValidationError,
  matchesListQuery,
  parsePlan,
  type DeleteOptions,
  type ListQuery,
  type Plan,
  type PlanRepository,
  type RequestOptions,
  type SaveOptions,
} from '@sip-kit/core';
import { connection, done, request } from './idb.js';

/** Options for {@link browserRepository}. */
export interface BrowserRepositoryOptions {
  /** IndexedDB database name (default `sip-kit`); use one per app or per test. */
  dbName?: string;
}

/** A {@link PlanRepository} in IndexedDB, with `close()` to release the database. */
export interface BrowserRepository extends PlanRepository {
  /** Closes the database connection; later calls reopen it. */
  close(): void;
}

const DB_VERSION = 1;
const PLANS = 'plans';
const VERSIONS = 'versions';

/** Validates what storage gave back: another script or a broken disk may have changed it. */
function stored(value: unknown, at: (string | number)[]): Plan {
  try {
    return parsePlan(value);
  } catch (error) {
    if (SipValidationError.is(error)) throw new SipValidationError(error.issues.map((x) => ({ ...x, path: [...at, ...x.path] })));
    throw error;
  }
}

function aborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason;
}

/**
 * Plans in IndexedDB. `save` checks the version and writes the plan and its
 * history entry in one transaction, so two tabs saving at once cannot both
 * win: the second gets a {@link ConflictError}. Everything read back is
 * validated with `parsePlan`.
 */
export function browserRepository(options: BrowserRepositoryOptions = {}): BrowserRepository {
  const name = options.dbName ?? 'sip-kit';
  const db = connection(name, DB_VERSION, (d) => {
    if (!d.objectStoreNames.contains(PLANS)) d.createObjectStore(PLANS, { keyPath: 'id' });
    if (!d.objectStoreNames.contains(VERSIONS)) d.createObjectStore(VERSIONS, { keyPath: ['id', 'version'] });
  });
  const open = db.open;
  const versionsOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);

  async function load(id: string, opts: RequestOptions = {}): Promise<Plan> {
    aborted(opts.signal);
    const tx = (await open()).transaction(PLANS, 'readonly');
    const value = await request(tx.objectStore(PLANS).get(id));
    if (value === undefined) throw new NotFoundError(id);
    return stored(value, []);
  }

  async function save(plan: Plan, opts: SaveOptions = {}): Promise<Plan> {
    aborted(opts.signal);
    const ours = parsePlan(plan);
    const expected = opts.expectedVersion ?? ours.version;
    const tx = (await open()).transaction([PLANS, VERSIONS], 'readwrite');
    const committed = done(tx);
    const plans = tx.objectStore(PLANS);
    const raw = await request(plans.get(ours.id));
    const current = raw === undefined ? undefined : stored(raw, []);
    const fail = (error: Error): never => {
      tx.abort();
      committed.catch(() => undefined);
      throw error;
    };
    if (current === undefined && expected > 0) fail(new NotFoundError(ours.id));
    if (current !== undefined && current.version !== expected) fail(new ConflictError(current, ours, expected));
    const saved: Plan = { ...ours, version: expected + 1 };
    plans.put(saved);
    tx.objectStore(VERSIONS).put(saved);
    await committed;
    return saved;
  }

  async function list(query: ListQuery = {}, opts: RequestOptions = {}): Promise<Plan[]> {
    aborted(opts.signal);
    const tx = (await open()).transaction(PLANS, 'readonly');
    const all = await request(tx.objectStore(PLANS).getAll());
    return all.map((value, i) => stored(value, [i])).filter((plan) => matchesListQuery(plan, query));
  }

  async function history(id: string, opts: RequestOptions = {}): Promise<Plan[]> {
    aborted(opts.signal);
    const tx = (await open()).transaction(VERSIONS, 'readonly');
    const all = await request(tx.objectStore(VERSIONS).getAll(versionsOf(id)));
    if (!all.length) throw new NotFoundError(id);
    return all.map((value, i) => stored(value, [i]));
  }

  async function remove(id: string, opts: DeleteOptions = {}): Promise<void> {
    aborted(opts.signal);
    const tx = (await open()).transaction([PLANS, VERSIONS], 'readwrite');
    const committed = done(tx);
    const raw = await request(tx.objectStore(PLANS).get(id));
    const fail = (error: Error): never => {
      tx.abort();
      committed.catch(() => undefined);
      throw error;
    };
    if (raw === undefined) fail(new NotFoundError(id));
    const current = stored(raw, []);
    if (opts.expectedVersion !== undefined && current.version !== opts.expectedVersion) fail(new ConflictError(current, current, opts.expectedVersion));
    tx.objectStore(PLANS).delete(id);
    tx.objectStore(VERSIONS).delete(versionsOf(id));
    await committed;
  }

  return { load, save, list, history, delete: remove, close: db.close };
}

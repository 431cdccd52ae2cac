/**
 * Plan repositories: where plans are loaded from and saved to.
 *
 * Every adapter in `@sip-kit/adapters` (browser storage, REST, FHIR) and every
 * adapter a vendor writes implements {@link PlanRepository} and throws only the
 * typed errors below, so components and the store can handle a conflict, a
 * network failure or a missing plan the same way whatever the back end is.
 * @module
 */
import type { IsoDate } from './dates.js';
import type { Plan, PlanStatus } from './model/plan.js';

/** Options for {@link PlanRepository.save}. */
export interface SaveOptions {
  /**
   * The version the edit was based on: `0` for a plan never saved, otherwise
   * the `version` of the plan as it was loaded. Defaults to `plan.version`.
   * The save succeeds only when the stored plan still has this version.
   */
  expectedVersion?: number;
  /** Cancels the save; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options for reads and deletes. */
export interface RequestOptions {
  /** Cancels the call; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options for {@link PlanRepository.delete}. */
export interface DeleteOptions extends RequestOptions {
  /** Delete only when the stored plan still has this version (else {@link ConflictError}). */
  expectedVersion?: number;
}

/**
 * Filters for {@link PlanRepository.list}; every filter given must match.
 * {@link matchesListQuery} is the reference semantics all adapters share.
 */
export interface ListQuery {
  /** Plans whose person has an identifier with this `value` (e.g. a personal identity number). */
  personId?: string;
  /** Narrows `personId` to identifiers of this `system`. */
  personIdSystem?: string;
  /** Plans in this status, or in any of these statuses. */
  status?: PlanStatus | readonly PlanStatus[];
  /** Plans whose next follow-up (the earliest one not done) is due on or before this day. */
  dueBefore?: IsoDate;
}

/**
 * Where plans live. Implementations validate everything they read with
 * `parsePlan` (a stored or received plan is never trusted) and reject only
 * with {@link ConflictError}, {@link NetworkError}, {@link NotFoundError},
 * `SipValidationError`, or the `AbortSignal`'s reason.
 *
 * Versions: a saved plan's `version` is exactly `expectedVersion + 1`. The
 * outbox relies on this to queue several edits while offline.
 */
export interface PlanRepository {
  /** The stored plan. Rejects with {@link NotFoundError} when there is none. */
  load(id: string, options?: RequestOptions): Promise<Plan>;
  /**
   * Stores `plan` when the stored version equals `expectedVersion` (default
   * `plan.version`; `0` creates) and resolves with the stored plan, whose
   * `version` is `expectedVersion + 1`. Rejects with {@link ConflictError} when
   * someone saved first (nothing is overwritten) and with {@link NotFoundError}
   * when a plan with `expectedVersion > 0` no longer exists.
   */
  save(plan: Plan, options?: SaveOptions): Promise<Plan>;
  /** Stored plans matching every filter in `query`, in no particular order. */
  list(query?: ListQuery, options?: RequestOptions): Promise<Plan[]>;
  /** Every saved version of the plan, oldest first; {@link NotFoundError} when there is none. */
  history(id: string, options?: RequestOptions): Promise<Plan[]>;
  /** Deletes the plan and its history; {@link NotFoundError} when there is none. */
  delete(id: string, options?: DeleteOptions): Promise<void>;
}

/** Stable codes of the repository errors, for translation (`error.<code>` in the i18n catalogues). */
export const REPOSITORY_ERROR_CODES = ['plan-conflict', 'network-error', 'plan-not-found'] as const;
/** One of {@link REPOSITORY_ERROR_CODES}. */
export type RepositoryErrorCode = (typeof REPOSITORY_ERROR_CODES)[number];

/**
 * Someone saved the plan first. Carries both sides so the UI can show them and
 * merge: `theirs` is the stored plan, `ours` the plan that was not saved.
 * Nothing of `theirs` was overwritten.
 */
export class ConflictError extends Error {
  /** Always `'plan-conflict'`. */
  readonly code = 'plan-conflict' as const;
  /** The plan as stored now (someone else's save). */
  readonly theirs: Plan;
  /** The plan we tried to save. */
  readonly ours: Plan;
  /** The version our edit was based on. */
  readonly expectedVersion: number;

  constructor(theirs: Plan, ours: Plan, expectedVersion: number = ours.version, message?: string) {
    super(message ?? `Plan ${ours.id} was saved by someone else: stored version ${theirs.version}, our edit was based on ${expectedVersion}`);
    this.name = 'ConflictError';
    this.theirs = theirs;
    this.ours = ours;
    this.expectedVersion = expectedVersion;
  }

  /** True for any `ConflictError`, including one from another copy of the SDK. */
  static is(value: unknown): value is ConflictError {
    return value instanceof Error && value.name === 'ConflictError' && typeof (value as ConflictError).theirs === 'object' && typeof (value as ConflictError).ours === 'object';
  }
}

/**
 * The back end could not be reached or answered with a server error (5xx,
 * timeout, dropped connection). Always safe to retry: the outbox keeps the
 * edit and tries again.
 */
export class NetworkError extends Error {
  /** Always `'network-error'`. */
  readonly code = 'network-error' as const;
  /** Always true: a network error never means the edit was refused. */
  readonly retryable = true as const;
  /** The HTTP status, when the server answered at all. */
  readonly status?: number;

  constructor(message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'NetworkError';
    if (options.status !== undefined) this.status = options.status;
  }

  /** True for any `NetworkError`, including one from another copy of the SDK. */
  static is(value: unknown): value is NetworkError {
    return value instanceof Error && value.name === 'NetworkError' && (value as NetworkError).retryable === true;
  }
}

/** There is no stored plan with this id (never saved, or deleted). */
export class NotFoundError extends Error {
  /** Always `'plan-not-found'`. */
  readonly code = 'plan-not-found' as const;
  /** The id asked for. */
  readonly id: string;

  constructor(id: string, message?: string) {
    super(message ?? `No plan with id ${id}`);
    this.name = 'NotFoundError';
    this.id = id;
  }

  /** True for any `NotFoundError`, including one from another copy of the SDK. */
  static is(value: unknown): value is NotFoundError {
    return value instanceof Error && value.name === 'NotFoundError' && typeof (value as NotFoundError).id === 'string';
  }
}

/** The day the plan's next follow-up is due: the earliest `dueOn` of follow-ups not yet done. */
export function nextFollowUpDue(plan: Plan): IsoDate | undefined {
  let next: string | undefined;
  for (const f of plan.followUps) if (f.doneOn === undefined && (next === undefined || f.dueOn < next)) next = f.dueOn;
  return next;
}

/** True when `plan` matches every filter in `query`: the semantics every adapter's `list` shares. */
export function matchesListQuery(plan: Plan, query: ListQuery = {}): boolean {
  if (query.personId !== undefined) {
    const hit = (plan.person.identifiers ?? []).some((x) => x.value === query.personId && (query.personIdSystem === undefined || x.system === query.personIdSystem));
    if (!hit) return false;
  }
  if (query.status !== undefined) {
    const statuses: readonly string[] = typeof query.status === 'string' ? [query.status] : query.status;
    if (!statuses.includes(plan.status)) return false;
  }
  if (query.dueBefore !== undefined) {
    const due = nextFollowUpDue(plan);
    if (due === undefined || due > query.dueBefore) return false;
  }
  return true;
}

/**
 * True when two plans have the same content, ignoring `version`. Adapters use
 * it to recognise their own save when a retried request finds it already
 * applied (the first answer was lost), so a retry never reports a false
 * conflict and never saves twice.
 */
export function samePlanContent(a: Plan, b: Plan): boolean {
  return stableJson({ ...a, version: 0 }) === stableJson({ ...b, version: 0 });
}

/** JSON with object keys sorted, so equal data gives equal text whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
      return out;
    }
    return v;
  });
}

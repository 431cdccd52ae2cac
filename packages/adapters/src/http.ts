/**
 * HTTP plumbing shared by the REST and FHIR adapters: one attempt with a
 * timeout, retries with exponential backoff and full jitter for idempotent
 * calls, and the mapping of transport failures to `NetworkError`.
 */
import { NetworkError, SipValidationError } from '@sip-kit/core';

/** A `fetch`-compatible function; pass your own to add auth, logging or tests' fault injection. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Options every HTTP adapter accepts. */
export interface HttpOptions {
  /** Base URL of the back end, e.g. `https://journal.example.se/api/sip`. */
  baseUrl: string;
  /** The `fetch` to use; defaults to `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Extra headers for every request (e.g. `Authorization`); a function is called per request so tokens can refresh. */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Milliseconds before one attempt is abandoned as a `NetworkError` (default 10 000). */
  timeoutMs?: number;
  /** Extra attempts for idempotent calls after a `NetworkError` (default 3). */
  retries?: number;
  /**
   * Milliseconds to wait before retry number `attempt` (1-based). Default:
   * full jitter over an exponential ceiling, `random() * min(8000, 250 * 2^attempt)`.
   * Tests pass `() => 0`.
   */
  backoff?: (attempt: number) => number;
}

/** The default backoff: full jitter, so many clients coming back online do not retry in lockstep. */
export function defaultBackoff(attempt: number): number {
  return Math.random() * Math.min(8000, 250 * 2 ** attempt);
}

/** What one HTTP exchange gave: status, headers and the body as text. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: number;
}

/** One request as the adapters describe it. */
export interface HttpCall {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Retried on `NetworkError` only when true. */
  idempotent: boolean;
  signal?: AbortSignal;
  /** Content type of the body (default JSON). */
  contentType?: string;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Joins a base URL and a path without doubling or losing the slash. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * Sends `call`, retrying idempotent calls on `NetworkError`. Statuses other
 * than 5xx, 408 and 429 are returned for the adapter to interpret; a caller's
 * abort rejects with the signal's reason and is never retried.
 */
export async function send(options: HttpOptions, call: HttpCall): Promise<HttpAnswer> {
  const attempts = 1 + (call.idempotent ? Math.max(0, options.retries ?? 3) : 0);
  const backoff = options.backoff ?? defaultBackoff;
  let last: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await sleep(backoff(attempt), call.signal);
    try {
      return { ...(await attemptOnce(options, call)), attempt };
    } catch (error) {
      if (!NetworkError.is(error)) throw error;
      last = error;
    }
  }
  throw last;
}

async function attemptOnce(options: HttpOptions, call: HttpCall): Promise<Omit<HttpAnswer, 'attempt'>> {
  if (call.signal?.aborted) throw call.signal.reason;
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new NetworkError(`No answer within ${timeoutMs} ms`));
  }, timeoutMs);
  const onCallerAbort = () => controller.abort(call.signal?.reason);
  call.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const extra = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
    const headers: Record<string, string> = { Accept: 'application/json', ...extra, ...(call.headers ?? {}) };
    if (call.body !== undefined) headers['Content-Type'] = call.contentType ?? 'application/json';
    const response = await doFetch(joinUrl(options.baseUrl, call.path), {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: controller.signal,
    });
    // Read the body under the same timeout: a server may stall mid-body.
    const text = await response.text();
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      throw new NetworkError(`Server answered ${response.status}`, { status: response.status });
    }
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (call.signal?.aborted) throw call.signal.reason;
    if (NetworkError.is(error)) throw error;
    if (timedOut) throw new NetworkError(`No answer within ${timeoutMs} ms`, { cause: error });
    if (SipValidationError.is(error)) throw error;
    // fetch rejects with TypeError for refused, reset or dropped connections.
    throw new NetworkError('Could not reach the server', { cause: error });
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Parses a JSON body; a body that is not JSON is the server's fault, reported as `SipValidationError` (`unreadable`). */
export function parseJson(answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    throw new SipValidationError([{ path: [], code: 'unreadable', message: `The server's answer (${answer.status}) is not JSON` }]);
  }
}

/** A `SipValidationError` saying the server's answer broke the contract. */
export function contractError(message: string, path: (string | number)[] = []): SipValidationError {
  return new SipValidationError([{ path, code: 'invalid-value', message }]);
}

/**
 * An id as one URL path segment. Every URL parser reads `.` and `..` as
 * "this/parent directory"; the model refuses such ids, and this checks again
 * for ids that never went through `parsePlan` (e.g. `load('..')`).
 */
export function pathSegment(id: string): string {
  if (id === '.' || id === '..') {
    throw new SipValidationError([{ path: ['id'], code: 'id-invalid', message: `The id "${id}" cannot be used in a URL` }]);
  }
  return encodeURIComponent(id);
}

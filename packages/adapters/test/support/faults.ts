/**
 * Fault injection for the remote adapters: a `fetch` wrapper that, per
 * request, passes through or fails in one of the ways networks and servers
 * fail — before the server sees the request, or after it has applied it and
 * only the answer is lost or mangled (the case that duplicates edits in naive
 * clients).
 */
import fc from 'fast-check';
import type { FetchLike } from '../../src/http.js';

/** The faults, named for what the client experiences. */
export const FAULTS = [
  'drop', // connection refused/reset before the server sees the request
  'drop-after', // the server applies the request, the connection drops before the answer
  'delay', // no answer before the client's timeout; the server never sees it
  'delay-after', // the server applies it, the answer arrives after the timeout
  '500', // server error, nothing applied
  '409', // a bogus conflict answer without a plan, nothing applied
  'malformed', // 200 with a body that is not JSON, nothing applied
  'malformed-after', // applied, then the answer's body is not JSON
  'not-a-plan', // 200 with valid JSON that is not a plan, nothing applied
  'not-a-plan-after', // applied, then the answer is valid JSON but not a plan
] as const;
/** One of {@link FAULTS}. */
export type Fault = (typeof FAULTS)[number];

/** A schedule: the fault (or `null` = pass) for each request in turn; requests past the end pass. */
export const scheduleArbitrary = (maxLength = 10): fc.Arbitrary<(Fault | null)[]> =>
  fc.array(fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.constantFrom(...FAULTS) }), { maxLength });

/** How the wrapped fetch behaves; `schedule` is consumed one entry per request. */
export interface FaultyFetch extends FetchLike {
  /** Faults still to come. */
  schedule: (Fault | null)[];
  /** How many of each fault were injected. */
  injected: Partial<Record<Fault, number>>;
}

function waitForAbort(signal: AbortSignal | null | undefined, maxMs: number): Promise<never> {
  return new Promise((_resolve, reject) => {
    const fail = () => reject(signal?.reason ?? new TypeError('fetch failed'));
    if (signal?.aborted) return fail();
    const timer = setTimeout(fail, maxMs);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      fail();
    }, { once: true });
  });
}

/** Wraps `next` so each request meets the next fault in `schedule`. */
export function faultyFetch(next: FetchLike, schedule: (Fault | null)[] = []): FaultyFetch {
  const f = (async (input: string, init?: RequestInit): Promise<Response> => {
    const fault = f.schedule.shift() ?? null;
    if (fault === null) return next(input, init);
    f.injected[fault] = (f.injected[fault] ?? 0) + 1;
    // "-after" faults let the server apply the request first; only the answer is lost.
    if (fault.endsWith('-after')) await (await next(input, init)).text();
    switch (fault) {
      case 'drop':
      case 'drop-after':
        throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
      case 'delay':
      case 'delay-after':
        return waitForAbort(init?.signal, 5_000);
      case '500':
        return new Response('{"code":"server-error"}', { status: 500, headers: { 'Content-Type': 'application/json' } });
      case '409':
        return new Response('{"code":"plan-conflict"}', { status: 409, headers: { 'Content-Type': 'application/json' } });
      case 'malformed':
      case 'malformed-after':
        return new Response('{"formatVersion": 1, "id": "trunc', { status: 200, headers: { 'Content-Type': 'application/json' } });
      case 'not-a-plan':
      case 'not-a-plan-after':
        return new Response('{"resourceType":"Bundle","type":"batch-response","entry":[],"hello":"world","plans":[1]}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
  }) as FaultyFetch;
  f.schedule = [...schedule];
  f.injected = {};
  return f;
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ConflictError, NetworkError, NotFoundError, SipValidationError, createPlan, type Plan, type PlanRepository } from '@sip-kit/core';
import { restRepository } from '../src/index.js';
import type { FetchLike } from '../src/http.js';
import { applyEdit, basePlanArbitrary, content, editArbitrary, saveUntilAccepted, smallPlan } from './support/edits.js';
import { faultyFetch, scheduleArbitrary } from './support/faults.js';
import { closeNodeFetch, nodeFetch } from './support/node-fetch.js';
import { fuzzRuns, planArbitrary } from './support/plan-arbitrary.js';
import { startReferenceServer, type ReferenceRestServer } from './support/reference-rest-server.js';

let server: ReferenceRestServer;
before(async () => {
  server = await startReferenceServer();
});
after(async () => {
  closeNodeFetch();
  await server.close();
});

const repo = (extra: Partial<Parameters<typeof restRepository>[0]> = {}): PlanRepository =>
  restRepository({ baseUrl: server.url, backoff: () => 0, ...extra });

/** A fetch that answers every request with a fixed response. */
const answering = (status: number, body: string): FetchLike => async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } });

describe('restRepository against the reference server', () => {
  it('returns exactly what was saved, for generated plans', async () => {
    // The global fetch here; the fuzz below uses node:http for speed.
    const r = repo();
    await fc.assert(
      fc.asyncProperty(planArbitrary(), async (generated) => {
        const plan = { ...generated, id: `rt-${Math.random().toString(36).slice(2)}`, version: 0 };
        const saved = await r.save(plan);
        assert.equal(saved.version, 1);
        assert.deepStrictEqual(saved, { ...plan, version: 1 });
        assert.deepStrictEqual(await r.load(plan.id), saved);
        const again = await r.save({ ...saved, title: 'second' });
        assert.equal(again.version, 2);
        assert.deepStrictEqual((await r.history(plan.id)).map((p) => p.version), [1, 2]);
        assert.deepStrictEqual((await r.history(plan.id))[0], saved);
      }),
      { numRuns: fuzzRuns(40) },
    );
  });

  it('two writers: B, saving after A from the same version, gets a ConflictError carrying both and A is kept', async () => {
    const r = repo();
    let plan = await r.save(smallPlan());
    plan = await r.save({ ...plan, title: 'v2' });
    plan = await r.save({ ...plan, title: 'v3' });
    assert.equal(plan.version, 3);
    const a = await r.load(plan.id);
    const b = await r.load(plan.id);
    const savedA = await r.save({ ...a, title: 'A was here' });
    const error = await r.save({ ...b, title: 'B was here' }).then(
      () => assert.fail('B must not overwrite A'),
      (e: unknown) => e,
    );
    assert.ok(ConflictError.is(error));
    assert.equal(error.code, 'plan-conflict');
    assert.deepStrictEqual(error.theirs, savedA);
    assert.equal(error.ours.title, 'B was here');
    assert.equal(error.expectedVersion, 3);
    assert.deepStrictEqual(await r.load(plan.id), savedA);
  });

  it('creating a plan that exists is a conflict, not an overwrite', async () => {
    const r = repo();
    const plan = await r.save(smallPlan());
    await assert.rejects(r.save({ ...plan, title: 'other', version: 0 }), (e) => ConflictError.is(e) && e.theirs.version === 1);
  });

  it('lists by person identifier, status and next follow-up due', async () => {
    const r = repo();
    const id = `list-${Math.random().toString(36).slice(2)}`;
    const base = createPlan({
      id,
      type: 'se-sip',
      status: 'active',
      person: { name: 'Bo', identifiers: [{ system: 'urn:test', value: id }] },
      needIdentifiedOn: '2026-01-05',
      participants: [{ id: 'p1', role: 'person', name: 'Bo' }],
      followUps: [
        { id: 'f1', dueOn: '2026-02-01', responsible: 'p1', doneOn: '2026-02-01' },
        { id: 'f2', dueOn: '2026-06-01', responsible: 'p1' },
      ],
    });
    await r.save(base);
    assert.deepStrictEqual((await r.list({ personId: id })).map((p) => p.id), [id]);
    assert.deepStrictEqual((await r.list({ personId: id, personIdSystem: 'urn:other' })).length, 0);
    assert.equal((await r.list({ personId: id, status: ['active', 'closed'] })).length, 1);
    assert.equal((await r.list({ personId: id, status: 'initiated' })).length, 0);
    assert.equal((await r.list({ personId: id, dueBefore: '2026-06-01' })).length, 1);
    assert.equal((await r.list({ personId: id, dueBefore: '2026-05-31' })).length, 0, 'a done follow-up is not the next one');
  });

  it('deletes with If-Match and then reports the plan missing', async () => {
    const r = repo();
    const plan = await r.save(smallPlan());
    await assert.rejects(r.delete(plan.id, { expectedVersion: 7 }), (e) => ConflictError.is(e));
    await r.delete(plan.id, { expectedVersion: 1 });
    await assert.rejects(r.load(plan.id), (e) => NotFoundError.is(e) && e.code === 'plan-not-found' && e.id === plan.id);
    await assert.rejects(r.history(plan.id), (e) => NotFoundError.is(e));
    await assert.rejects(r.delete(plan.id), (e) => NotFoundError.is(e));
    await assert.rejects(r.save({ ...plan, title: 'after delete' }), (e) => NotFoundError.is(e));
  });
});

describe('restRepository never trusts an answer', () => {
  it('a body that is valid JSON but not a plan is a SipValidationError', async () => {
    const r = restRepository({ baseUrl: 'http://127.0.0.1:1', fetch: answering(200, '{"formatVersion":1,"id":"x","evil":true}') });
    await assert.rejects(r.load('x'), (e) => SipValidationError.is(e));
    await assert.rejects(r.list(), (e) => SipValidationError.is(e));
    await assert.rejects(r.save(smallPlan()), (e) => SipValidationError.is(e));
  });

  it('a body that is not JSON is a SipValidationError with code unreadable', async () => {
    const r = restRepository({ baseUrl: 'http://127.0.0.1:1', fetch: answering(200, '<html>') });
    await assert.rejects(r.load('x'), (e) => SipValidationError.is(e) && e.issues[0]?.code === 'unreadable');
  });

  it('a plan in a list that breaks the format is refused with its index in the path', async () => {
    const good = smallPlan();
    const r = restRepository({ baseUrl: 'http://127.0.0.1:1', fetch: answering(200, JSON.stringify({ plans: [good, { ...good, version: -1 }] })) });
    await assert.rejects(r.list(), (e) => SipValidationError.is(e) && e.issues[0]?.path.slice(0, 2).join('.') === 'plans.1');
  });

  it('a plan other than the one asked for is refused', async () => {
    const r = restRepository({ baseUrl: 'http://127.0.0.1:1', fetch: answering(200, JSON.stringify({ ...smallPlan(), version: 1 })) });
    await assert.rejects(r.load('some-other-id'), (e) => SipValidationError.is(e));
  });

  it('a save answered with the wrong version is refused', async () => {
    const plan = smallPlan();
    const r = restRepository({ baseUrl: 'http://127.0.0.1:1', fetch: answering(200, JSON.stringify({ ...plan, version: 9 })) });
    await assert.rejects(r.save(plan), (e) => SipValidationError.is(e));
  });
});

describe('restRepository timeouts, aborts and retries', () => {
  it('gives up an attempt after timeoutMs with a NetworkError, retrying idempotent calls first', async () => {
    let calls = 0;
    const hang: FetchLike = (_url, init) => {
      calls++;
      return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    };
    const r = restRepository({ baseUrl: 'http://127.0.0.1:1', fetch: hang, timeoutMs: 20, retries: 2, backoff: () => 0 });
    await assert.rejects(r.load('x'), (e) => NetworkError.is(e) && e.retryable === true && e.code === 'network-error');
    assert.equal(calls, 3);
  });

  it("honours the caller's AbortSignal and does not retry after it", async () => {
    let calls = 0;
    const hang: FetchLike = (_url, init) => {
      calls++;
      return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    };
    const r = restRepository({ baseUrl: 'http://127.0.0.1:1', fetch: hang, timeoutMs: 5_000, retries: 5, backoff: () => 0 });
    const controller = new AbortController();
    const reason = new Error('user left the page');
    setTimeout(() => controller.abort(reason), 10);
    await assert.rejects(r.load('x', { signal: controller.signal }), (e) => e === reason);
    assert.equal(calls, 1);
  });

  it('retries with exponential backoff and jitter from the injected function', async () => {
    const waits: number[] = [];
    const r = restRepository({ baseUrl: 'http://127.0.0.1:1', fetch: answering(503, ''), retries: 3, backoff: (n) => (waits.push(n), 0) });
    await assert.rejects(r.load('x'), (e) => NetworkError.is(e) && e.status === 503);
    assert.deepStrictEqual(waits, [1, 2, 3]);
  });

  it('a bogus 409 without a newer stored plan is a retryable NetworkError, not a conflict', async () => {
    const plan = smallPlan();
    let n = 0;
    const f: FetchLike = async (url, init) => {
      n++;
      if (init?.method === 'PUT') return new Response('{"code":"plan-conflict"}', { status: 409 });
      return new Response(JSON.stringify({ ...plan, version: 4 }), { status: 200 });
    };
    const r = restRepository({ baseUrl: 'http://127.0.0.1:1', fetch: f, retries: 0 });
    await assert.rejects(r.save({ ...plan, version: 4 }), (e) => NetworkError.is(e));
    assert.equal(n, 2);
  });
});

describe('restRepository under injected faults', () => {
  it('loses and duplicates no edit over generated edit sequences, and ends with the intended plan', async () => {
    let sequences = 0;
    let saves = 0;
    const injected: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(basePlanArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), scheduleArbitrary(12), async (makeBase, edits, schedule) => {
        sequences++;
        const faulty = faultyFetch(nodeFetch, schedule);
        const r = restRepository({ baseUrl: server.url, fetch: faulty, timeoutMs: 25, retries: 1, backoff: () => 0 });
        let local: Plan = makeBase();
        const intended: Plan[] = [];
        let version = 0;
        for (const edit of edits) {
          local = applyEdit(local, edit);
          intended.push(local);
          local = await saveUntilAccepted(r, local, version, 40);
          saves++;
          version += 1;
          assert.equal(local.version, version);
        }
        for (const [k, v] of Object.entries(faulty.injected)) injected[k] = (injected[k] ?? 0) + v;
        // Faults stopped: the server holds the intended plan and one version per edit.
        const clean = repo({ fetch: nodeFetch });
        assert.deepStrictEqual(await clean.load(local.id), local);
        const history = await clean.history(local.id);
        assert.deepStrictEqual(history.map((p) => p.version), intended.map((_, i) => i + 1));
        history.forEach((p, i) => assert.deepStrictEqual(content(p), content(intended[i] as Plan)));
      }),
      { numRuns: fuzzRuns(500) },
    );
    assert.ok(sequences >= 500);
    console.log(`rest fault injection: ${sequences} sequences, ${saves} saves, faults ${JSON.stringify(injected)}`);
  });
});


import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ConflictError, NetworkError, type Plan } from '@sip-kit/core';
import { createOutbox, memoryOutboxStore, outboxRepository, restRepository, type OutboxStatus } from '../src/index.js';
import { applyEdit, basePlanArbitrary, content, editArbitrary, smallPlan } from './support/edits.js';
import { faultyFetch, scheduleArbitrary } from './support/faults.js';
import { closeNodeFetch, nodeFetch } from './support/node-fetch.js';
import { fuzzRuns } from './support/plan-arbitrary.js';
import { startReferenceServer, type ReferenceRestServer } from './support/reference-rest-server.js';

let server: ReferenceRestServer;
before(async () => {
  server = await startReferenceServer();
});
after(async () => {
  closeNodeFetch();
  await server.close();
});

/** The remote behind the outbox; a short timeout only where faults are injected, so a busy machine does not fake them. */
const rest = (fetch = nodeFetch, timeoutMs = 5_000) => restRepository({ baseUrl: server.url, fetch, timeoutMs, retries: 0, backoff: () => 0 });
/** A remote whose network can be switched off. */
function switchable() {
  const state = { online: true };
  const fetch = (url: string, init?: RequestInit) => (state.online ? nodeFetch(url, init) : Promise.reject(new TypeError('fetch failed')));
  return { state, remote: rest(fetch) };
}

describe('outbox', () => {
  it('keeps edits made offline and sends them in order when the network returns', async () => {
    const { state, remote } = switchable();
    const outbox = createOutbox({ remote, store: memoryOutboxStore(), autoRetry: false });
    const seen: OutboxStatus[] = [];
    outbox.subscribe((s) => seen.push(s));
    let plan = await outbox.save(smallPlan());
    assert.equal(plan.version, 1);
    state.online = false;
    plan = await outbox.save({ ...plan, title: 'offline 1' });
    plan = await outbox.save({ ...plan, title: 'offline 2' });
    assert.equal(plan.version, 3, 'queued saves get the version they will have');
    assert.equal(outbox.status.pending, 2);
    assert.ok(NetworkError.is(outbox.status.lastError));
    assert.equal((await outbox.load(plan.id)).title, 'offline 2', 'load shows the unsent edit');
    state.online = true;
    const status = await outbox.flush();
    assert.equal(status.pending, 0);
    assert.equal(status.lastError, undefined);
    const stored = await remote.load(plan.id);
    assert.deepStrictEqual(stored, plan);
    assert.deepStrictEqual((await remote.history(plan.id)).map((p) => p.title), [undefined, 'offline 1', 'offline 2']);
    assert.ok(seen.some((s) => s.pending === 2));
    outbox.close();
  });

  it('survives a restart: a new outbox on the same store drains what the old one queued', async () => {
    const store = memoryOutboxStore();
    const { state, remote } = switchable();
    state.online = false;
    const first = createOutbox({ remote, store, autoRetry: false });
    const plan = await first.save(smallPlan());
    first.close();
    state.online = true;
    const second = outboxRepository(remote, { store, autoRetry: false });
    assert.equal((await second.flush()).pending, 0);
    assert.deepStrictEqual(await remote.load(plan.id), plan);
    second.close();
  });

  it('retries on its own with the injected backoff', async () => {
    const { state, remote } = switchable();
    const waits: number[] = [];
    const outbox = createOutbox({ remote, store: memoryOutboxStore(), backoff: (n) => (waits.push(n), n === 2 ? ((state.online = true), 5) : 5) });
    state.online = false;
    const plan = await outbox.save(smallPlan());
    await new Promise((r) => setTimeout(r, 100));
    assert.deepStrictEqual(waits, [1, 2]);
    assert.equal(outbox.status.pending, 0);
    assert.deepStrictEqual(await remote.load(plan.id), plan);
    outbox.close();
  });

  it('a conflict stops the queue, is surfaced with both plans, and overwrites nothing', async () => {
    const { state, remote } = switchable();
    const conflicts: ConflictError[] = [];
    const events: unknown[] = [];
    const outbox = createOutbox({ remote, store: memoryOutboxStore(), autoRetry: false, onConflict: (e) => conflicts.push(e) });
    outbox.addEventListener('sip-outbox-conflict', (e) => events.push((e as CustomEvent).detail));
    const v1 = await outbox.save(smallPlan());
    const other = await outbox.save(smallPlan());
    state.online = false;
    const mine1 = await outbox.save({ ...v1, title: 'mine 1' });
    const mine2 = await outbox.save({ ...mine1, title: 'mine 2' });
    const elsewhere = await outbox.save({ ...other, title: 'other plan, offline' });
    // Meanwhile a colleague saves the same plan.
    const theirs = await rest().save({ ...v1, title: 'theirs' });
    state.online = true;
    await assert.rejects(outbox.flush(), (e) => ConflictError.is(e));
    assert.equal(conflicts.length, 1);
    assert.equal(events.length, 1);
    const conflict = conflicts[0] as ConflictError;
    assert.deepStrictEqual(conflict.theirs, theirs);
    assert.equal(conflict.ours.title, 'mine 2', 'ours is the newest unsent edit');
    assert.deepStrictEqual(await remote.load(v1.id), theirs, 'theirs is intact');
    assert.equal(outbox.status.pending, 3);
    assert.ok(ConflictError.is(outbox.status.blocked));
    // A further edit of the blocked plan is kept but reported.
    await assert.rejects(outbox.save({ ...mine2, title: 'mine 3' }), (e) => ConflictError.is(e) && e.ours.title === 'mine 3');
    // The person merges; the queue goes on, the other plan's edit included.
    const merged = await outbox.resolveConflict({ ...theirs, title: 'theirs + mine 3' });
    assert.equal(merged.version, theirs.version + 1);
    assert.equal((await outbox.flush()).pending, 0);
    assert.equal((await remote.load(v1.id)).title, 'theirs + mine 3');
    assert.deepStrictEqual(await remote.load(other.id), elsewhere);
    outbox.close();
  });

  it('discarding a conflict keeps theirs and restarts the queue', async () => {
    const { state, remote } = switchable();
    const outbox = createOutbox({ remote, store: memoryOutboxStore(), autoRetry: false });
    const v1 = await outbox.save(smallPlan());
    state.online = false;
    await outbox.save({ ...v1, title: 'mine' });
    const theirs = await rest().save({ ...v1, title: 'theirs' });
    state.online = true;
    await assert.rejects(outbox.flush(), (e) => ConflictError.is(e));
    await outbox.discardBlocked();
    assert.equal((await outbox.flush()).pending, 0);
    assert.deepStrictEqual(await remote.load(v1.id), theirs);
    outbox.close();
  });

  it('loses and duplicates no edit under injected faults, and drains to the intended plan', async () => {
    let sequences = 0;
    const injected: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(basePlanArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), scheduleArbitrary(10), async (makeBase, edits, schedule) => {
        sequences++;
        const faulty = faultyFetch(nodeFetch, schedule);
        const outbox = createOutbox({ remote: rest(faulty, 50), store: memoryOutboxStore(), autoRetry: false });
        let local: Plan = makeBase();
        const intended: Plan[] = [];
        for (const edit of edits) {
          local = applyEdit(local, edit);
          intended.push(local);
          local = await outbox.save(local, { expectedVersion: local.version });
        }
        for (let i = 0; outbox.status.pending > 0; i++) {
          assert.ok(i < 60, 'the outbox never drained');
          await outbox.flush();
        }
        outbox.close();
        for (const [k, v] of Object.entries(faulty.injected)) injected[k] = (injected[k] ?? 0) + v;
        const clean = rest();
        assert.deepStrictEqual(await clean.load(local.id), local);
        const history = await clean.history(local.id);
        assert.equal(history.length, intended.length, 'one stored version per edit');
        history.forEach((p, i) => assert.deepStrictEqual(content(p), content(intended[i] as Plan)));
      }),
      { numRuns: fuzzRuns(300) },
    );
    console.log(`outbox fault injection: ${sequences} sequences, faults ${JSON.stringify(injected)}`);
  });
});

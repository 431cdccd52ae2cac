import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ConflictError, NetworkError, NotFoundError, SipValidationError, type Plan, type PlanRepository } from '@sip-kit/core';
import { browserRepository, createOutbox, indexedDbOutboxStore } from '../../src/index.js';
import { applyEdit, content, smallPlan } from '../support/edits.js';
import { planArbitrary } from '../support/plan-arbitrary.js';

const unique = (name: string) => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A remote repository whose "network" can be switched off: IndexedDB stands in for the server. */
function switchableRemote(server: PlanRepository) {
  const state = { online: true };
  const gate = <T>(call: () => Promise<T>): Promise<T> => (state.online ? call() : Promise.reject(new NetworkError('offline')));
  const remote: PlanRepository = {
    load: (id, o) => gate(() => server.load(id, o)),
    save: (plan, o) => gate(() => server.save(plan, o)),
    list: (q, o) => gate(() => server.list(q, o)),
    history: (id, o) => gate(() => server.history(id, o)),
    delete: (id, o) => gate(() => server.delete(id, o)),
  };
  return { state, remote };
}

describe('browserRepository (IndexedDB in Chromium)', () => {
  it('returns exactly what was saved, with every version in history, for generated plans', async () => {
    const repo = browserRepository({ dbName: unique('rt') });
    await fc.assert(
      fc.asyncProperty(planArbitrary(), async (generated) => {
        const plan = { ...generated, version: 0 };
        const first = await repo.save(plan).catch(async (e: unknown) => {
          // fast-check may reuse an id: start that plan over.
          if (!ConflictError.is(e)) throw e;
          await repo.delete(plan.id);
          return repo.save(plan);
        });
        expect(first).to.deep.equal({ ...plan, version: 1 });
        expect(await repo.load(plan.id)).to.deep.equal(first);
        const second = await repo.save({ ...first, title: 'second' });
        expect(second.version).to.equal(2);
        const history = await repo.history(plan.id);
        expect(history.map((p) => p.version)).to.deep.equal([1, 2]);
        expect(history[0]).to.deep.equal(first);
      }),
      { numRuns: 40 },
    );
    repo.close();
  });

  it('two writers: B, saving after A from the same version, gets a ConflictError carrying both and A is kept', async () => {
    const dbName = unique('writers');
    const a = browserRepository({ dbName });
    const b = browserRepository({ dbName });
    let plan = await a.save(smallPlan());
    plan = await a.save({ ...plan, title: 'v2' });
    plan = await a.save({ ...plan, title: 'v3' });
    const loadedA = await a.load(plan.id);
    const loadedB = await b.load(plan.id);
    const savedA = await a.save({ ...loadedA, title: 'A' });
    const error = await rejection(b.save({ ...loadedB, title: 'B' }));
    expect(ConflictError.is(error)).to.equal(true);
    expect((error as ConflictError).theirs).to.deep.equal(savedA);
    expect((error as ConflictError).ours.title).to.equal('B');
    expect(await b.load(plan.id)).to.deep.equal(savedA);
    a.close();
    b.close();
  });

  it('lists by person, status and next follow-up due, and deletes with history', async () => {
    const repo = browserRepository({ dbName: unique('list') });
    const base = smallPlan();
    const plan = await repo.save({
      ...base,
      status: 'active',
      participants: [{ id: 'p1', role: 'person', name: 'Anna' }],
      followUps: [{ id: 'f1', dueOn: '2026-05-01', responsible: 'p1', evaluations: [] }],
    });
    expect((await repo.list({ personId: '19800101-1234' })).length).to.equal(1);
    expect((await repo.list({ status: 'closed' })).length).to.equal(0);
    expect((await repo.list({ dueBefore: '2026-05-01' })).length).to.equal(1);
    expect((await repo.list({ dueBefore: '2026-04-30' })).length).to.equal(0);
    expect(ConflictError.is(await rejection(repo.delete(plan.id, { expectedVersion: 9 })))).to.equal(true);
    await repo.delete(plan.id);
    expect(NotFoundError.is(await rejection(repo.load(plan.id)))).to.equal(true);
    expect(NotFoundError.is(await rejection(repo.history(plan.id)))).to.equal(true);
    repo.close();
  });

  it('refuses a stored record that is not a plan instead of trusting it', async () => {
    const dbName = unique('tamper');
    const repo = browserRepository({ dbName });
    const plan = await repo.save(smallPlan());
    repo.close();
    // Another script rewrites the record behind our back.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(dbName);
      open.onsuccess = () => {
        const tx = open.result.transaction('plans', 'readwrite');
        tx.objectStore('plans').put({ ...plan, evil: '<img src=x onerror=alert(1)>' });
        tx.oncomplete = () => (open.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
    const again = browserRepository({ dbName });
    expect(SipValidationError.is(await rejection(again.load(plan.id)))).to.equal(true);
    again.close();
  });

  it('survives closing and reopening the database in a new repository instance', async () => {
    const dbName = unique('persist');
    const first = browserRepository({ dbName });
    let plan = await first.save(smallPlan());
    plan = await first.save(applyEdit(plan, { kind: 'add-goal', text: 'Work two days a week' }));
    first.close();
    const second = browserRepository({ dbName });
    expect(await second.load(plan.id)).to.deep.equal(plan);
    expect((await second.history(plan.id)).length).to.equal(2);
    second.close();
  });

  it('does not block another tab deleting the database, and reopens it on next use', async () => {
    const dbName = unique('deleted');
    const repo = browserRepository({ dbName });
    const plan = await repo.save(smallPlan());
    expect(await repo.load(plan.id)).to.deep.equal(plan);
    // The repository holds an open connection now; a deletion must still go through, not wait blocked.
    const outcome = await new Promise<string>((resolve) => {
      const req = indexedDB.deleteDatabase(dbName);
      req.onsuccess = () => resolve('deleted');
      req.onerror = () => resolve('error');
      req.onblocked = () => resolve('blocked');
    });
    expect(outcome).to.equal('deleted');
    expect(await rejection(repo.load(plan.id))).to.be.instanceOf(NotFoundError);
    const again = await repo.save({ ...smallPlan(), id: plan.id, version: 0 });
    expect(again.version).to.equal(1);
    repo.close();
  });
});

describe('outbox with IndexedDB (Chromium)', () => {
  it('keeps offline edits across a restart and drains them in order when the network returns', async () => {
    const server = browserRepository({ dbName: unique('server') });
    const { state, remote } = switchableRemote(server);
    const outboxDb = unique('outbox');
    const store1 = indexedDbOutboxStore({ dbName: outboxDb });
    const first = createOutbox({ remote, store: store1, autoRetry: false });
    let plan = await first.save(smallPlan());
    state.online = false;
    const intended: Plan[] = [];
    for (const text of ['Sleep better', 'Find a job', 'See friends']) {
      const edited = applyEdit(plan, { kind: 'add-goal', text });
      intended.push(edited);
      plan = await first.save(edited);
    }
    expect(first.status.pending).to.equal(3);
    // "Reload": the page's outbox goes away, a new one opens the same database.
    first.close();
    store1.close();
    const store2 = indexedDbOutboxStore({ dbName: outboxDb });
    const second = createOutbox({ remote, store: store2, autoRetry: false });
    expect((await store2.all()).length).to.equal(3);
    const drained = new Promise<void>((resolve) =>
      second.subscribe((s) => {
        if (s.pending === 0 && !s.sending && state.online) resolve();
      }),
    );
    state.online = true;
    // The browser tells us the network is back.
    window.dispatchEvent(new Event('online'));
    await drained;
    expect(await server.load(plan.id)).to.deep.equal(plan);
    const history = await server.history(plan.id);
    expect(history.slice(1).map(content)).to.deep.equal(intended.map(content));
    second.close();
    store2.close();
    server.close();
  });

  it('stops on a conflict and reports it instead of overwriting', async () => {
    const server = browserRepository({ dbName: unique('server') });
    const { state, remote } = switchableRemote(server);
    const store = indexedDbOutboxStore({ dbName: unique('outbox') });
    const conflicts: ConflictError[] = [];
    const outbox = createOutbox({ remote, store, autoRetry: false, onConflict: (e) => conflicts.push(e) });
    const v1 = await outbox.save(smallPlan());
    state.online = false;
    await outbox.save({ ...v1, title: 'mine' });
    const theirs = await server.save({ ...v1, title: 'theirs' });
    state.online = true;
    expect(ConflictError.is(await rejection(outbox.flush()))).to.equal(true);
    expect(conflicts.length).to.equal(1);
    expect(conflicts[0]?.theirs).to.deep.equal(theirs);
    expect(await server.load(v1.id)).to.deep.equal(theirs);
    outbox.close();
    store.close();
    server.close();
  });
});

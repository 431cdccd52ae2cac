import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ConflictError, NotFoundError, SipValidationError, type Plan, type PlanRepository } from '@sip-kit/core';
import { fhirRepository, fromFhirBundle, toFhirBundle } from '../src/index.js';
import { applyEdit, basePlanArbitrary, content, editArbitrary, saveUntilAccepted, smallPlan } from './support/edits.js';
import { faultyFetch, scheduleArbitrary } from './support/faults.js';
import { startFhirServer, type TestFhirServer } from './support/fhir-server.js';
import { closeNodeFetch, nodeFetch } from './support/node-fetch.js';
import { fuzzRuns, planArbitrary } from './support/plan-arbitrary.js';

let server: TestFhirServer;
before(async () => {
  server = await startFhirServer();
});
after(async () => {
  closeNodeFetch();
  await server.close();
});
const repo = (extra: Partial<Parameters<typeof fhirRepository>[0]> = {}): PlanRepository =>
  fhirRepository({ baseUrl: server.url, fetch: nodeFetch, backoff: () => 0, ...extra });
const fresh = (p: Plan): Plan => ({ ...p, id: `f-${Math.random().toString(36).slice(2)}`, version: 0 });

describe('FHIR mapping', () => {
  it('fromFhirBundle(toFhirBundle(plan)) equals the plan, for generated plans', () => {
    fc.assert(
      fc.property(planArbitrary(), (plan) => {
        assert.deepStrictEqual(fromFhirBundle(JSON.parse(JSON.stringify(toFhirBundle(plan)))), plan);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it('writes the elements FHIR has: CarePlan, Goal, CareTeam roles, Consent provisions, Appointment, Encounter, Task', () => {
    const plan = smallPlan();
    const full = {
      ...plan,
      participants: [
        { id: 'anna', role: 'person' as const, name: 'Anna' },
        { id: 'kim', role: 'professional' as const, name: 'Kim', party: 'region' },
      ],
      parties: [
        { id: 'region', name: 'Region', kind: 'region' as const, principal: true },
        { id: 'fk', name: 'Försäkringskassan', kind: 'state-agency' as const, principal: false },
      ],
      coordinator: 'kim',
      initiator: 'anna',
      meetingChair: 'kim',
      goals: [{ id: 'g1', text: 'Work', horizon: 'long-term' as const, expressedBy: 'person' as const, needs: [], status: 'active' as const }],
      meetings: [
        {
          id: 'm1', kind: 'sip-meeting' as const, status: 'held' as const, startsAt: '2026-03-10T09:00:00+01:00', endsAt: '2026-03-10T10:00:00+01:00', heldOn: '2026-03-10',
          agenda: [], invitations: [{ participant: 'kim', mode: 'called' as const, response: 'accepted' as const }], attendance: [{ participant: 'kim', status: 'attended' as const }],
        },
      ],
      consents: [
        {
          id: 'c1', decision: 'given' as const, givenBy: { kind: 'person' as const }, givenOn: '2026-03-03', form: 'written' as const, recordedBy: 'kim', recordedAt: '2026-03-03T10:00:00Z', withdrawals: [],
          scope: { establishPlan: true, shareWith: ['region'], exclusions: [{ id: 'x1', text: 'Not my debts', parties: ['fk'] }] },
        },
      ],
      followUps: [{ id: 'f1', dueOn: '2026-06-01', responsible: 'kim', evaluations: [] }],
    } satisfies Plan;
    const bundle = toFhirBundle(full);
    const byType = (t: string) => (bundle.entry ?? []).map((e) => e.resource as Record<string, any>).filter((r) => r.resourceType === t);
    assert.equal(bundle.type, 'transaction');
    assert.equal(bundle.entry?.[0]?.resource?.resourceType, 'CarePlan');
    const cp = byType('CarePlan')[0];
    assert.equal(cp?.extension.find((e: any) => e.url.endsWith('/custodian'))?.valueReference.identifier.value, 'kim');
    const team = byType('CareTeam')[0];
    const kimRoles = team?.participant[1].role.flatMap((r: any) => r.coding.map((c: any) => c.code));
    assert.deepStrictEqual(kimRoles, ['professional', 'coordinator', 'chair']);
    assert.equal(byType('Goal')[0]?.description.text, 'Work');
    const consent = byType('Consent')[0];
    assert.equal(consent?.provision.type, 'permit');
    assert.deepStrictEqual(consent?.provision.provision.map((p: any) => p.type), ['permit', 'deny']);
    assert.equal(consent?.performer[0].reference, cp?.subject.reference);
    assert.equal(byType('Appointment')[0]?.participant[1].required, 'required');
    assert.equal(byType('Encounter')[0]?.status, 'finished');
    assert.equal(byType('Task')[0]?.restriction.period.end, '2026-06-01');
    assert.deepStrictEqual(fromFhirBundle(bundle), full);
  });

  it('hostile bundles give only SipValidationError', () => {
    const good = toFhirBundle(smallPlan());
    const cyclic: any = { resourceType: 'Bundle' };
    cyclic.self = cyclic;
    const throwing = { resourceType: 'Bundle', get entry() { throw new Error('boom'); } };
    const inputs: unknown[] = [
      null, 42, 'Bundle', [], {}, { resourceType: 'Patient' }, { resourceType: 'Bundle', entry: 'x' }, cyclic, throwing,
      { ...good, entry: [...(good.entry ?? []), ...(good.entry ?? []).slice(0, 1)] },
      { ...good, entry: (good.entry ?? []).slice(0, 1) },
      { ...good, entry: (good.entry ?? []).map((e, i) => (i === 0 ? { ...e, resource: { ...e.resource, extension: [{ url: 'https://sip-kit.dev/fhir/StructureDefinition/leftovers', valueString: '{"__proto__":{"polluted":1},"audit":"x"}' }] } } : e)) },
      { ...good, entry: (good.entry ?? []).map((e, i) => (i === 0 ? { ...e, resource: { ...e.resource, extension: [{ url: 'https://sip-kit.dev/fhir/StructureDefinition/leftovers', valueString: 'not json' }] } } : e)) },
    ];
    for (const input of inputs) assert.throws(() => fromFhirBundle(input), (e) => SipValidationError.is(e), JSON.stringify(String(input)));
    assert.equal(({} as any).polluted, undefined);
    fc.assert(
      fc.property(fc.jsonValue(), (junk) => {
        try {
          fromFhirBundle(junk);
        } catch (e) {
          assert.ok(SipValidationError.is(e));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('fhirRepository against medplum on loopback', () => {
  it('returns exactly what was saved, and every version, for generated plans', async () => {
    const r = repo();
    await fc.assert(
      fc.asyncProperty(planArbitrary(), async (generated) => {
        const plan = fresh(generated);
        const saved = await r.save(plan);
        assert.deepStrictEqual(saved, { ...plan, version: 1 });
        assert.deepStrictEqual(await r.load(plan.id), saved);
        const second = await r.save(applyEdit({ ...saved, title: 'v2' }, { kind: 'add-need', text: 'Somewhere to live' }));
        assert.deepStrictEqual(await r.load(plan.id), second);
        assert.deepStrictEqual(await r.history(plan.id), [saved, second]);
        // Removing items deletes their resources in the same transaction.
        const smaller = await r.save({ ...second, consents: [], meetings: [], followUps: second.followUps.map(({ meeting: _m, ...f }) => f) });
        assert.deepStrictEqual(await r.load(plan.id), smaller);
      }),
      { numRuns: fuzzRuns(15) },
    );
    assert.deepStrictEqual(server.invalid, [], 'every resource written is valid FHIR R4');
  });

  it('two writers: B, saving after A from the same version, gets a ConflictError carrying both and A is kept', async () => {
    const r = repo();
    let plan = await r.save(smallPlan());
    plan = await r.save({ ...plan, title: 'v2' });
    plan = await r.save({ ...plan, title: 'v3' });
    const a = await r.load(plan.id);
    const b = await r.load(plan.id);
    const savedA = await r.save(applyEdit(a, { kind: 'add-goal', text: 'A' }));
    const error = await r.save(applyEdit(b, { kind: 'add-goal', text: 'B' })).catch((e: unknown) => e);
    assert.ok(ConflictError.is(error));
    assert.deepStrictEqual(error.theirs, savedA);
    assert.equal(error.ours.goals.at(-1)?.text, 'B');
    assert.deepStrictEqual(await r.load(plan.id), savedA);
  });

  it('the server refuses a racing transaction with If-Match on the CarePlan', async () => {
    const r = repo();
    const plan = await r.save(smallPlan());
    const bundle = toFhirBundle({ ...plan, version: 2, title: 'racer' });
    (bundle.entry ?? [])[0]!.request!.ifMatch = 'W/"not-the-version"';
    const answer = await nodeFetch(`${server.url}/`, { method: 'POST', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(bundle) });
    assert.equal(answer.status, 412);
    assert.deepStrictEqual(await r.load(plan.id), plan);
  });

  it('lists with filters and deletes', async () => {
    const r = repo();
    const plan = await r.save({ ...smallPlan(), person: { name: 'Lo', isChild: false, identifiers: [{ system: 'urn:test', value: 'lo-fhir-1' }] } });
    assert.deepStrictEqual((await r.list({ personId: 'lo-fhir-1' })).map((p) => p.id), [plan.id]);
    assert.equal((await r.list({ personId: 'lo-fhir-1', status: 'closed' })).length, 0);
    await assert.rejects(r.delete(plan.id, { expectedVersion: 5 }), (e) => ConflictError.is(e));
    await r.delete(plan.id, { expectedVersion: 1 });
    await assert.rejects(r.load(plan.id), (e) => NotFoundError.is(e));
  });

  it('loses and duplicates no edit under injected faults, and ends with the intended plan', async () => {
    let sequences = 0;
    const injected: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(basePlanArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 5 }), scheduleArbitrary(10), async (makeBase, edits, schedule) => {
        sequences++;
        const faulty = faultyFetch(nodeFetch, schedule);
        const r = fhirRepository({ baseUrl: server.url, fetch: faulty, timeoutMs: 100, retries: 1, backoff: () => 0 });
        let local: Plan = makeBase();
        const intended: Plan[] = [];
        let version = 0;
        for (const edit of edits) {
          local = applyEdit(local, edit);
          intended.push(local);
          local = await saveUntilAccepted(r, local, version, 100);
          version += 1;
        }
        for (const [k, v] of Object.entries(faulty.injected)) injected[k] = (injected[k] ?? 0) + v;
        const clean = repo();
        assert.deepStrictEqual(await clean.load(local.id), local);
        // One CarePlan version per edit: no save was applied twice.
        const versions = await nodeFetch(`${server.url}/CarePlan/${local.id}/_history`).then((a) => a.json() as Promise<{ entry?: unknown[] }>);
        assert.equal(versions.entry?.length, intended.length);
        // medplum's in-memory store forgets the history of deleted resources, so full
        // versions can be rebuilt only for sequences that removed nothing.
        if (!edits.some((e) => e.kind === 'remove-last-goal')) {
          const history = await clean.history(local.id);
          assert.equal(history.length, intended.length);
          history.forEach((p, i) => assert.deepStrictEqual(content(p), content(intended[i] as Plan)));
        }
      }),
      { numRuns: fuzzRuns(200) },
    );
    console.log(`fhir fault injection: ${sequences} sequences, faults ${JSON.stringify(injected)}`);
  });
});

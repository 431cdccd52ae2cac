import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { SipValidationError } from '../src/errors.js';
import { checkPlan } from '../src/model/check.js';
import { type Plan, createPlan, parsePlan } from '../src/model/index.js';
import { type PlanCommand, type PlanStore, createPlanStore } from '../src/store/index.js';
import { FREE_TEXT_FIELDS, PLAN_TEXT_FIELDS } from '../src/store/store.js';
import { numRuns, planArbitrary } from './arbitraries.js';

const example = (name: string): Plan => JSON.parse(readFileSync(new URL(`../examples/${name}.json`, import.meta.url), 'utf8')) as Plan;
const actor = { id: 'lena.berg', name: 'Lena Berg', partyId: 'kommun-soc' };

/** A store over `plan` with a clock that ticks one second per call and ids id1, id2, … */
function storeFor(plan: Plan = example('se-sip')): PlanStore {
  let tick = 0;
  let n = 0;
  return createPlanStore(plan, {
    actor,
    now: () => new Date(Date.UTC(2026, 4, 1, 8, 0, tick++)).toISOString(),
    createId: () => `id${++n}`,
  });
}

function refusedWith(run: () => unknown): SipValidationError {
  try {
    run();
  } catch (error) {
    assert.ok(SipValidationError.is(error), `expected SipValidationError, got ${String(error)}`);
    return error;
  }
  assert.fail('the command was not refused');
}

describe('plan store commands', () => {
  test('adding a goal appends it, audits who did what when, and notifies subscribers', () => {
    const store = storeFor();
    const seen: [Plan, PlanCommand | { type: string }][] = [];
    store.subscribe((plan, change) => seen.push([plan, change]));
    const id = store.addGoal({ text: 'Jag lagar min egen mat.', horizon: 'short-term', expressedBy: 'person', needs: ['n-boende'] });
    assert.equal(id, 'id1');
    assert.deepEqual(store.plan.goals.at(-1), { id: 'id1', text: 'Jag lagar min egen mat.', horizon: 'short-term', expressedBy: 'person', needs: ['n-boende'], status: 'active' });
    assert.deepEqual(store.plan.audit.at(-1), { id: 'id3', actor, at: '2026-05-01T08:00:00.000Z', command: 'addGoal', summary: 'addGoal id1' });
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.[0], store.plan);
    assert.equal(seen[0]?.[1].type, 'addGoal');
  });

  test('a command that would make the plan invalid is refused and changes nothing', () => {
    const store = storeFor();
    const before = store.plan;
    let notified = 0;
    store.subscribe(() => notified++);
    const error = refusedWith(() => store.addIntervention({ what: 'Stöd', party: 'no-such-party' }));
    assert.deepEqual(error.issues[0]?.path, ['interventions', 5, 'party']);
    assert.equal(error.issues[0]?.code, 'reference-unknown');
    assert.equal(refusedWith(() => store.updateGoal('g-boende', { text: '' })).issues[0]?.code, 'required');
    assert.equal(refusedWith(() => store.updateGoal('no-such-goal', { text: 'x' })).issues[0]?.code, 'not-found');
    assert.equal(refusedWith(() => store.updateGoal('g-boende', { id: 'other' } as never)).issues[0]?.code, 'invalid-value');
    assert.equal(store.plan, before);
    assert.equal(notified, 0);
    assert.equal(store.canUndo, false);
    assert.equal(store.dirty, false);
  });

  test('dispatch takes serialisable commands and refuses unknown or hostile ones', () => {
    const store = storeFor();
    store.dispatch(JSON.parse('{"type":"addNeed","need":{"text":"Hjälp med ekonomin"}}') as PlanCommand);
    assert.equal(store.plan.needs.at(-1)?.text, 'Hjälp med ekonomin');
    assert.equal(refusedWith(() => store.dispatch({ type: 'dropTables' } as never)).issues[0]?.code, 'command-unknown');
    assert.equal(refusedWith(() => store.dispatch({ type: 'toString' } as never)).issues[0]?.code, 'command-unknown');
    assert.equal(refusedWith(() => store.dispatch({ type: 'removeGoal' } as never)).issues[0]?.code, 'required');
    assert.equal(refusedWith(() => store.dispatch({ type: 'removeGoal', id: 'g-boende', also: 1 } as never)).issues[0]?.code, 'unknown-key');
    const hostile = JSON.parse('{"type":"updateGoal","id":"g-boende","changes":{"__proto__":{"polluted":true}}}') as PlanCommand;
    assert.equal(refusedWith(() => store.dispatch(hostile)).issues[0]?.code, 'forbidden-key');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(refusedWith(() => store.dispatch(null as never)).issues[0]?.code, 'wrong-type');
  });

  test('assigning a new coordinator keeps the handover history', () => {
    const store = storeFor();
    store.assignCoordinator('omar', '2026-05-01', 'Lena går i pension.');
    assert.equal(store.plan.coordinator, 'omar');
    assert.deepEqual(store.plan.coordinatorHistory.at(-1), { id: 'id1', from: 'lena', to: 'omar', on: '2026-05-01', reason: 'Lena går i pension.', recordedAt: '2026-05-01T08:00:00.000Z' });
    assert.equal(store.plan.coordinatorHistory.length, 3);
  });

  test('meeting chair and initiator are set and cleared separately from the coordinator', () => {
    const store = storeFor();
    store.setMeetingChair('omar');
    store.setInitiator(null);
    assert.equal(store.plan.meetingChair, 'omar');
    assert.equal('initiator' in store.plan, false);
    assert.equal(store.plan.coordinator, 'lena');
  });

  test('withdrawing consent for one party appends to its history and deletes nothing', () => {
    const store = storeFor();
    const id = store.withdrawConsent('c-anna', { on: '2026-05-01', reason: 'Vill inte', parties: ['af'], recordedBy: 'lena' });
    const consent = store.plan.consents[0];
    assert.equal(consent?.withdrawals.length, 2);
    assert.deepEqual(consent?.withdrawals.at(-1), { id, on: '2026-05-01', reason: 'Vill inte', parties: ['af'], recordedBy: 'lena', recordedAt: '2026-05-01T08:00:00.000Z' });
    assert.deepEqual(consent?.scope, example('se-sip').consents[0]?.scope);
  });

  test('a new consent supersedes the old one, which is kept', () => {
    const store = storeFor();
    store.recordConsent({
      decision: 'given',
      givenBy: { kind: 'person' },
      givenOn: '2026-05-01',
      scope: { establishPlan: true, shareWith: ['region-psykiatri', 'kommun-soc'] },
      form: 'digital',
      recordedBy: 'lena',
      supersedes: 'c-anna',
    });
    assert.equal(store.plan.consents.length, 2);
    assert.deepEqual(store.plan.consents[1]?.scope, { establishPlan: true, shareWith: ['region-psykiatri', 'kommun-soc'], exclusions: [] });
    assert.equal(store.plan.consents[1]?.recordedAt, '2026-05-01T08:00:00.000Z');
  });

  test('attendance marks the meeting held and shows who was absent', () => {
    const store = storeFor();
    store.recordAttendance('m-uppf', [{ participant: 'anna', status: 'attended', how: 'digital' }, { participant: 'omar', status: 'absent' }], '2026-05-26');
    const meeting = store.plan.meetings[1];
    assert.equal(meeting?.status, 'held');
    assert.equal(meeting?.heldOn, '2026-05-26');
    assert.deepEqual(meeting?.attendance.filter((a) => a.status === 'absent').map((a) => a.participant), ['omar']);
    store.recordInvitationResponse('m-uppf', 'omar', 'declined', '2026-05-20');
    assert.equal(store.plan.meetings[1]?.invitations[1]?.response, 'declined');
    store.inviteToMeeting('m-uppf', 'maria', 'invited', '2026-05-02');
    assert.deepEqual(store.plan.meetings[1]?.invitations.at(-1), { response: 'pending', participant: 'maria', mode: 'invited', sentOn: '2026-05-02' });
  });

  test('an invitation sent by mistake is withdrawn while the meeting is planned; afterwards it stays on record', () => {
    const store = storeFor();
    const meeting = store.planMeeting({ kind: 'follow-up-meeting', invitations: [{ participant: 'anna', mode: 'called', response: 'pending' }, { participant: 'omar', mode: 'invited', response: 'pending' }] });
    store.withdrawInvitation(meeting, 'omar');
    const m = () => store.plan.meetings.find((x) => x.id === meeting);
    assert.deepEqual(m()?.invitations.map((i) => i.participant), ['anna']);
    assert.equal(store.plan.audit.at(-1)?.command, 'withdrawInvitation');
    const codeOf = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as SipValidationError).issues[0]?.code;
      }
      return 'no error';
    };
    assert.equal(codeOf(() => store.withdrawInvitation(meeting, 'omar')), 'not-found');
    assert.equal(codeOf(() => store.withdrawInvitation('no-such-meeting', 'anna')), 'not-found');
    store.undo();
    assert.deepEqual(m()?.invitations.map((i) => i.participant), ['anna', 'omar'], 'undo brings it back');
    store.recordAttendance(meeting, [{ participant: 'anna', status: 'absent' }], '2026-05-26');
    // The called party who did not come must stay visible: no withdrawing after the meeting.
    assert.equal(codeOf(() => store.withdrawInvitation(meeting, 'anna')), 'invitation-locked');
    assert.equal(codeOf(() => store.withdrawInvitation(meeting, 'omar')), 'invitation-locked');
    assert.deepEqual(m()?.invitations.map((i) => i.participant), ['anna', 'omar']);
  });

  test('a follow-up is booked, goals are evaluated with both views, and it is completed', () => {
    const store = storeFor();
    const id = store.scheduleFollowUp({ dueOn: '2026-09-01', responsible: 'lena' });
    store.evaluateGoal('f-2', { goal: 'g-sova', outcome: 'partly', personView: 'Bättre', professionalView: 'Sover 5 timmar' });
    store.evaluateGoal('f-2', { goal: 'g-sova', outcome: 'achieved', personView: 'Sover bra nu' });
    store.completeFollowUp('f-2', '2026-05-26', { nextFollowUp: id });
    const f = store.plan.followUps[1];
    assert.deepEqual(f?.evaluations, [{ goal: 'g-sova', outcome: 'achieved', personView: 'Sover bra nu' }]);
    assert.equal(f?.doneOn, '2026-05-26');
    assert.equal(f?.nextFollowUp, id);
  });

  test('removing a need unlinks it from goals; a goal with evaluations and a party in use cannot be removed', () => {
    const store = storeFor();
    store.removeNeed('n-behandling');
    assert.ok(store.plan.goals.every((g) => !g.needs.includes('n-behandling')));
    assert.equal(refusedWith(() => store.removeGoal('g-boende')).issues[0]?.code, 'reference-unknown');
    assert.equal(refusedWith(() => store.removeParty('fk')).issues[0]?.code, 'reference-unknown');
    store.removeGoal('g-arbete');
    assert.ok(store.plan.interventions.every((v) => !v.goals.includes('g-arbete')));
    assert.equal(store.plan.goals.find((g) => g.id === 'g-sova')?.partOf, undefined);
  });

  test('moving an intervention reorders the list', () => {
    const store = storeFor();
    store.moveIntervention('i-stod-arbete', 0);
    assert.deepEqual(store.plan.interventions.map((v) => v.id), ['i-stod-arbete', 'i-boendestod', 'i-samtal', 'i-lakemedel', 'i-rehab']);
    store.moveIntervention('i-stod-arbete', 99);
    assert.equal(store.plan.interventions.at(-1)?.id, 'i-stod-arbete');
  });
});

describe('lifecycle and the person’s approval', () => {
  test('status moves along the lifecycle; establishing needs a date and closing needs a reason', () => {
    const store = storeFor(example('se-sip-discharge'));
    assert.equal(refusedWith(() => store.setStatus('active')).issues[0]?.code, 'transition-not-allowed');
    assert.equal(refusedWith(() => store.setStatus('established')).issues[0]?.code, 'required');
    store.setStatus('established', { on: '2026-11-19' });
    assert.equal(store.plan.establishedOn, '2026-11-19');
    store.setStatus('active');
    assert.equal(refusedWith(() => store.setStatus('closed')).issues[0]?.code, 'required');
    store.setStatus('closed', { reason: 'goals-achieved', on: '2027-01-10', note: 'Gunnar klarar sig själv.' });
    assert.deepEqual([store.plan.status, store.plan.closedReason, store.plan.closedOn], ['closed', 'goals-achieved', '2027-01-10']);
    assert.equal(refusedWith(() => store.setStatus('active')).issues[0]?.code, 'transition-not-allowed');
  });

  test('changes to an established plan wait for the person’s approval', () => {
    const store = storeFor();
    store.updateGoal('g-boende', { text: 'Jag bor kvar och har ordning på räkningarna.' });
    store.addIntervention({ what: 'Budget- och skuldrådgivning', party: 'kommun-soc', goals: ['g-boende'] });
    store.assignCoordinator('omar', '2026-05-01');
    assert.deepEqual(
      store.plan.pendingApproval.map((p) => [p.section, p.item, p.change, p.by]),
      [
        ['goals', 'g-boende', 'changed', 'lena.berg'],
        ['interventions', 'id3', 'added', 'lena.berg'],
      ],
    );
    const approval = store.approveChanges('anna', '2026-05-02', 'Vid telefonsamtal');
    assert.deepEqual(store.plan.pendingApproval, []);
    assert.deepEqual(store.plan.approvals.at(-1), { id: approval, by: 'anna', on: '2026-05-02', at: '2026-05-01T08:00:03.000Z', how: 'Vid telefonsamtal', changes: 2 });
  });

  test('changes before the plan is established need no approval', () => {
    const store = storeFor(example('se-sip-discharge'));
    store.addGoal({ text: 'Laga mat själv', horizon: 'short-term', expressedBy: 'person' });
    assert.deepEqual(store.plan.pendingApproval, []);
  });
});

describe('undo, redo, dirty and saving', () => {
  test('undo restores the previous plan exactly, audit included, and redo re-applies it', () => {
    const store = storeFor();
    const original = store.plan;
    store.addGoal({ text: 'Ett mål', horizon: 'long-term', expressedBy: 'person' });
    const after = store.plan;
    assert.equal(store.canUndo, true);
    store.undo();
    assert.equal(store.plan, original);
    assert.equal(store.canRedo, true);
    store.redo();
    assert.equal(store.plan, after);
    assert.equal(store.canRedo, false);
  });

  test('undo and redo with nothing to do are refused', () => {
    const store = storeFor();
    assert.equal(refusedWith(() => store.undo()).issues[0]?.code, 'nothing-to-undo');
    assert.equal(refusedWith(() => store.redo()).issues[0]?.code, 'nothing-to-redo');
  });

  test('a new command after undo drops the redo step', () => {
    const store = storeFor();
    store.addNeed({ text: 'A' });
    store.undo();
    store.addNeed({ text: 'B' });
    assert.equal(store.canRedo, false);
  });

  test('dirty follows changes since the last save; markSaved sets the saved version everywhere', () => {
    const store = storeFor();
    assert.equal(store.dirty, false);
    store.addNeed({ text: 'A' });
    assert.equal(store.dirty, true);
    store.markSaved(4);
    assert.equal(store.dirty, false);
    assert.equal(store.plan.version, 4);
    store.undo();
    assert.equal(store.dirty, true);
    assert.equal(store.plan.version, 4);
    store.redo();
    assert.equal(store.dirty, false);
  });

  test('replace loads a newer plan, clears history and dirty, and notifies', () => {
    const store = storeFor();
    store.addNeed({ text: 'A' });
    const events: string[] = [];
    store.subscribe((_, change) => events.push(change.type));
    const newer = { ...example('se-sip'), version: 9 };
    store.replace(newer);
    assert.deepEqual(store.plan, newer);
    assert.deepEqual([store.dirty, store.canUndo, store.canRedo], [false, false, false]);
    assert.deepEqual(events, ['replace']);
    assert.throws(() => store.replace({ ...newer, version: -1 }), SipValidationError);
  });

  test('unsubscribe stops notifications, and a throwing listener does not break the store', () => {
    const errors: unknown[] = [];
    const store = createPlanStore(example('se-sip'), { actor, onListenerError: (e) => errors.push(e) });
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.subscribe(() => {
      throw new Error('listener bug');
    });
    store.addNeed({ text: 'A' });
    stop();
    store.addNeed({ text: 'B' });
    assert.equal(calls, 1);
    assert.equal(store.plan.needs.length, 5);
    assert.equal(errors.length, 2);
  });

  test('plans handed out are frozen and structuredClone-safe', () => {
    const store = storeFor();
    store.addNeed({ text: 'A' });
    assert.ok(Object.isFrozen(store.plan));
    assert.ok(Object.isFrozen(store.plan.needs.at(-1)));
    assert.throws(() => {
      (store.plan.needs as Plan['needs']).push({ id: 'x', text: 'y' });
    }, TypeError);
    assert.deepStrictEqual(parsePlan(structuredClone(store.plan)), structuredClone(store.plan));
  });

  test('a store refuses an invalid plan or actor', () => {
    assert.throws(() => createPlanStore({ ...example('se-sip'), coordinator: 'ghost' }, { actor }), SipValidationError);
    assert.throws(() => createPlanStore(example('se-sip'), { actor: { id: '' } }), SipValidationError);
    assert.throws(() => createPlanStore(example('se-sip'), { actor: null as never }), SipValidationError);
  });
});

describe('typing bursts', () => {
  /** A store whose clock the test moves (`clock.ms`), with ids id1, id2, … */
  function typingStore(plan: Plan = example('se-sip')) {
    const clock = { ms: Date.UTC(2026, 4, 1, 8) };
    let n = 0;
    const store = createPlanStore(plan, { actor, now: () => new Date(clock.ms).toISOString(), createId: () => `id${++n}` });
    const type = (text: string, after = 100) => {
      clock.ms += after;
      store.updateGoal('g-boende', { text }, { typing: true });
    };
    return { store, clock, type };
  }

  test('typing "abc" into a goal is one undo step, with one audit entry and one pending approval', () => {
    const { store, type } = typingStore();
    const original = store.plan;
    type('a');
    type('ab');
    type('abc');
    assert.equal(store.plan.goals[0]?.text, 'abc');
    assert.equal(store.plan.audit.length, original.audit.length + 1);
    assert.equal(store.plan.audit.at(-1)?.at, '2026-05-01T08:00:00.300Z');
    assert.equal(store.plan.pendingApproval.length, original.pendingApproval.length + 1);
    store.undo();
    assert.equal(store.plan, original);
    assert.equal(store.canUndo, false);
    store.redo();
    assert.equal(store.plan.goals[0]?.text, 'abc');
  });

  test('the plan after a burst is the plan its last keystroke alone would make', () => {
    const { store, type } = typingStore();
    type('J');
    type('Ja');
    type('Jag');
    const alone = typingStore().store;
    alone.updateGoal('g-boende', { text: 'Jag' });
    const strip = (p: Plan) => ({ ...p, audit: p.audit.map(({ id: _id, at: _at, ...a }) => a), pendingApproval: p.pendingApproval.map(({ id: _id, at: _at, ...c }) => c) });
    assert.deepStrictEqual(strip(store.plan), strip(alone.plan));
  });

  test('a pause, another field, a checkpoint (focus leaving the field) or a save starts a new step', () => {
    const pause = typingStore();
    pause.type('a');
    pause.type('ab', 1500);
    pause.store.undo();
    assert.equal(pause.store.plan.goals[0]?.text, 'a');

    const field = typingStore();
    field.type('a');
    field.store.updateGoal('g-boende', { measure: 'm' }, { typing: true });
    field.type('ab');
    field.store.undo();
    assert.equal(field.store.plan.goals[0]?.measure, 'm');
    assert.equal(field.store.plan.goals[0]?.text, 'a');

    const checkpoint = typingStore();
    checkpoint.type('a');
    checkpoint.store.checkpoint();
    checkpoint.type('ab');
    checkpoint.store.undo();
    assert.equal(checkpoint.store.plan.goals[0]?.text, 'a');

    const saved = typingStore();
    saved.type('a');
    saved.store.markSaved(7);
    saved.type('ab');
    saved.store.undo();
    assert.deepEqual([saved.store.plan.goals[0]?.text, saved.store.plan.version], ['a', 7]);
  });

  test('without the typing option every keystroke stays its own step', () => {
    const store = storeFor();
    store.updateGoal('g-boende', { text: 'a' });
    store.updateGoal('g-boende', { text: 'ab' });
    store.undo();
    assert.equal(store.plan.goals[0]?.text, 'a');
  });

  test('a refused keystroke changes nothing and the burst goes on', () => {
    const { store, type } = typingStore();
    const original = store.plan;
    type('a');
    assert.equal(refusedWith(() => type('')).issues[0]?.code, 'required');
    type('ab');
    store.undo();
    assert.equal(store.plan, original);
  });

  test('a text edit is still refused when the new audit entry’s id is taken', () => {
    const store = createPlanStore(example('se-sip'), { actor, createId: () => 'same' });
    store.updateGoal('g-boende', { text: 'a' });
    assert.equal(refusedWith(() => store.updateGoal('g-boende', { text: 'ab' })).issues[0]?.code, 'duplicate-id');
  });

  test('checkPlan never reads the fields whose edits skip it', () => {
    const plans = fc.sample(planArbitrary(), numRuns(60)).concat(['se-sip', 'se-sip-child', 'se-sip-discharge'].map(example));
    for (const plan of plans) {
      const read = new Map<string, Set<string>>();
      const spy = (key: string, item: object): object =>
        new Proxy(item, {
          get(target, field, receiver) {
            if (typeof field === 'string') (read.get(key) ?? read.set(key, new Set()).get(key)!).add(field);
            return Reflect.get(target, field, receiver) as unknown;
          },
        });
      const spied: Record<string, unknown> = { ...plan };
      for (const key of Object.keys(FREE_TEXT_FIELDS)) {
        const value = spied[key];
        spied[key] = Array.isArray(value) ? value.map((item: object) => spy(key, item)) : spy(key, value as object);
      }
      checkPlan(spy('plan', spied) as unknown as Plan);
      for (const [key, fields] of Object.entries({ ...FREE_TEXT_FIELDS, plan: PLAN_TEXT_FIELDS })) {
        for (const field of fields) assert.ok(!read.get(key)?.has(field), `checkPlan reads ${key}.${field}`);
      }
    }
  });
});

/** A command recipe whose ids are picked from the plan at the time it runs. */
interface Recipe {
  kind: number;
  a: number;
  b: number;
  text: string;
}

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

/** Turns a recipe into a command against `plan`; many are valid, some are refused (which the property tolerates). */
function commandFrom(plan: Plan, r: Recipe): PlanCommand {
  const goal = pick(plan.goals, r.a)?.id ?? 'none';
  const need = pick(plan.needs, r.a)?.id ?? 'none';
  const party = pick(plan.parties, r.a)?.id ?? 'none';
  const person = pick(plan.participants, r.b)?.id ?? 'none';
  const intervention = pick(plan.interventions, r.a)?.id ?? 'none';
  const meeting = pick(plan.meetings, r.a)?.id ?? 'none';
  const consent = pick(plan.consents, r.b)?.id ?? 'none';
  const followUp = pick(plan.followUps, r.b)?.id ?? 'none';
  const day = `2026-0${1 + (r.a % 9)}-1${r.b % 10}`;
  const recipes: (() => PlanCommand)[] = [
    () => ({ type: 'addGoal', goal: { text: r.text, horizon: 'short-term', expressedBy: 'person', needs: need === 'none' ? [] : [need] } }),
    () => ({ type: 'updateGoal', id: goal, changes: { text: r.text, targetOn: r.b % 2 ? day : null } }),
    () => ({ type: 'removeGoal', id: goal }),
    () => ({ type: 'moveGoal', id: goal, to: r.b % 5 }),
    () => ({ type: 'addNeed', need: { text: r.text, sector: 'health-care' } }),
    () => ({ type: 'removeNeed', id: need }),
    () => ({ type: 'addIntervention', intervention: { what: r.text, party, goals: goal === 'none' ? [] : [goal] } }),
    () => ({ type: 'updateIntervention', id: intervention, changes: { extent: r.text.slice(0, 200), status: 'ongoing' } }),
    () => ({ type: 'moveIntervention', id: intervention, to: r.b % 4 }),
    () => ({ type: 'removeIntervention', id: intervention }),
    () => ({ type: 'assignCoordinator', participant: person, on: day, reason: r.text }),
    () => ({ type: 'setMeetingChair', participant: r.a % 3 ? person : null }),
    () => ({ type: 'setInitiator', participant: person }),
    () => ({ type: 'planMeeting', meeting: { kind: 'follow-up-meeting', place: r.text.slice(0, 200), invitations: [{ participant: person, mode: 'called', response: 'pending' }] } }),
    () => ({ type: 'recordAttendance', meeting, attendance: [{ participant: person, status: r.a % 2 ? 'attended' : 'absent' }] }),
    () => ({ type: 'inviteToMeeting', meeting, participant: person, mode: 'invited' }),
    () => ({ type: 'withdrawInvitation', meeting, participant: person }),
    () => ({ type: 'recordConsent', consent: { decision: 'given', givenBy: { kind: 'person' }, givenOn: day, scope: { establishPlan: true, shareWith: party === 'none' ? [] : [party] }, form: 'oral', recordedBy: person } }),
    () => ({ type: 'withdrawConsent', consent, on: day, reason: r.text }),
    () => ({ type: 'scheduleFollowUp', followUp: { dueOn: day, responsible: person } }),
    () => ({ type: 'completeFollowUp', id: followUp, on: day }),
    () => ({ type: 'evaluateGoal', followUp, goal, outcome: 'partly', personView: r.text }),
    () => ({ type: 'setStatus', status: (['meeting-scheduled', 'established', 'active', 'closed'] as const)[r.b % 4] ?? 'active', on: day, reason: 'other' }),
    () => ({ type: 'approveChanges', by: person, on: day }),
    () => ({ type: 'updatePersonVoice', changes: { whatMattersToMe: r.text } }),
    () => ({ type: 'updatePerson', changes: { communicationNeeds: r.a % 2 ? r.text : null } }),
    () => ({ type: 'addParty', party: { name: r.text || 'x', kind: 'other', principal: false } }),
    () => ({ type: 'addParticipant', participant: { role: 'relative', name: r.text || 'x' } }),
    () => ({ type: 'removeParticipant', id: person }),
    () => ({ type: 'updateDetails', changes: { firstContactOn: day, title: r.text.slice(0, 200) } }),
  ];
  return (recipes[r.kind % recipes.length] as () => PlanCommand)();
}

const recipe = fc.record({ kind: fc.nat(), a: fc.nat(), b: fc.nat(), text: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('<b>x</b>', '__proto__', 'Åsa 😀', '\ud800')) });

/** Text-only edits (the ones that may skip the full reference check). */
function textEditFrom(plan: Plan, r: Recipe): PlanCommand {
  const text = r.text || 'x';
  const edits: (() => PlanCommand)[] = [
    () => ({ type: 'updateGoal', id: pick(plan.goals, r.a)?.id ?? 'none', changes: { text } }),
    () => ({ type: 'updateGoal', id: pick(plan.goals, r.a)?.id ?? 'none', changes: { measure: r.b % 3 ? text : null } }),
    () => ({ type: 'updateIntervention', id: pick(plan.interventions, r.a)?.id ?? 'none', changes: { what: text } }),
    () => ({ type: 'updateIntervention', id: pick(plan.interventions, r.a)?.id ?? 'none', changes: { where: r.b % 3 ? text.slice(0, 200) : null } }),
    () => ({ type: 'updateNeed', id: pick(plan.needs, r.a)?.id ?? 'none', changes: { text } }),
    () => ({ type: 'updateResource', id: pick(plan.resources, r.a)?.id ?? 'none', changes: { text } }),
    () => ({ type: 'updateParty', id: pick(plan.parties, r.a)?.id ?? 'none', changes: { name: text.slice(0, 200) } }),
    () => ({ type: 'updateParticipant', id: pick(plan.participants, r.b)?.id ?? 'none', changes: { title: text.slice(0, 200) } }),
    () => ({ type: 'updatePerson', changes: { preferredName: r.b % 3 ? text.slice(0, 200) : null } }),
    () => ({ type: 'updatePersonVoice', changes: { ownWords: text } }),
  ];
  return (edits[r.kind % edits.length] as () => PlanCommand)();
}

describe('store properties', () => {
  test('any sequence of commands followed by as many undos restores the original plan exactly', () => {
    fc.assert(
      fc.property(planArbitrary({ maxItems: 3 }), fc.array(recipe, { maxLength: 25 }), (plan, recipes) => {
        const store = storeFor(plan);
        const original = store.plan;
        const snapshot = structuredClone(original);
        let applied = 0;
        for (const r of recipes) {
          const before = store.plan;
          try {
            store.dispatch(commandFrom(store.plan, r));
            applied++;
            assert.equal(store.plan.audit.length, before.audit.length + 1);
          } catch (error) {
            assert.ok(SipValidationError.is(error), String(error));
            assert.equal(store.plan, before);
          }
        }
        const final = store.plan;
        parsePlan(final);
        for (let i = 0; i < applied; i++) store.undo();
        assert.equal(store.canUndo, false);
        assert.deepStrictEqual(structuredClone(store.plan), snapshot);
        assert.equal(store.plan, original);
        for (let i = 0; i < applied; i++) store.redo();
        assert.equal(store.plan, final);
      }),
      { numRuns: numRuns(40) },
    );
  });

  test('with typing bursts, pauses and checkpoints every plan stays valid and undo restores the original exactly', () => {
    const step = fc.record({ r: recipe, text: fc.boolean(), typing: fc.boolean(), checkpoint: fc.boolean(), pause: fc.nat(1500) });
    fc.assert(
      fc.property(planArbitrary({ maxItems: 3 }), fc.array(step, { maxLength: 30 }), (plan, steps) => {
        let ms = Date.UTC(2026, 4, 1);
        let n = 0;
        const store = createPlanStore(plan, { actor, now: () => new Date(ms).toISOString(), createId: () => `id${++n}` });
        const original = store.plan;
        let applied = 0;
        for (const s of steps) {
          ms += s.pause;
          if (s.checkpoint) store.checkpoint();
          const before = store.plan;
          try {
            store.dispatch(s.text ? textEditFrom(store.plan, s.r) : commandFrom(store.plan, s.r), { typing: s.typing });
            applied++;
            parsePlan(store.plan);
          } catch (error) {
            assert.ok(SipValidationError.is(error), String(error));
            assert.equal(store.plan, before);
          }
        }
        const final = store.plan;
        let undone = 0;
        while (store.canUndo) {
          store.undo();
          parsePlan(store.plan);
          undone++;
        }
        assert.ok(undone <= applied);
        assert.equal(store.plan, original);
        for (let i = 0; i < undone; i++) store.redo();
        assert.equal(store.plan, final);
      }),
      { numRuns: numRuns(60) },
    );
  });
});

describe('the plan status follows its SIP meetings', () => {
  test('planning a SIP meeting moves an initiated plan to meeting-scheduled, in the same undo step; cancelling every one moves it back', () => {
    const store = createPlanStore(createPlan({ type: 'se-sip', person: { name: 'Anna' }, needIdentifiedOn: '2026-11-02' }), { actor });
    assert.equal(store.plan.status, 'initiated');
    store.planMeeting({ kind: 'pre-meeting' });
    assert.equal(store.plan.status, 'initiated', 'a pre-meeting is not the SIP meeting');
    const id = store.planMeeting({ kind: 'sip-meeting', startsAt: '2026-12-03T09:00:00Z' });
    assert.equal(store.plan.status, 'meeting-scheduled');
    store.undo();
    assert.equal(store.plan.status, 'initiated', 'one undo takes back the meeting and the status');
    assert.equal(store.plan.meetings.filter((m) => m.kind === 'sip-meeting').length, 0);
    store.redo();
    assert.equal(store.plan.status, 'meeting-scheduled');
    store.updateMeeting(id!, { status: 'cancelled' });
    assert.equal(store.plan.status, 'initiated');
    store.updateMeeting(id!, { status: 'planned' });
    store.removeMeeting(id!);
    assert.equal(store.plan.status, 'initiated');
  });

  test('meetings never move a plan that is already established', () => {
    const store = createPlanStore(example('se-sip'), { actor });
    const before = store.plan.status;
    assert.notEqual(before, 'initiated');
    store.planMeeting({ kind: 'sip-meeting' });
    assert.equal(store.plan.status, before);
  });

});

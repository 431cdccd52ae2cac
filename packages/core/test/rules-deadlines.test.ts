import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipValidationError, computeDeadlines, createPlan, extendPack, getBuiltinPack, type Plan } from '../src/index.js';
import { example } from './support/rules-examples.js';

const find = (plan: Plan, today: string, kind: string) => computeDeadlines(plan, { today }).find((d) => d.kind === kind);

function sip(needIdentifiedOn: string, extra: Partial<Plan> = {}): Plan {
  return { ...createPlan({ type: 'se-sip', person: { name: 'Anna' }, needIdentifiedOn }), ...extra };
}

test('the SIP meeting is due 10 working days after the need, skipping Christmas and New Year', () => {
  // 2026-12-18 + 10 SE working days: 24, 25, 26 Dec, 31 Dec, 1 and 6 Jan are not working days.
  const d = find(sip('2026-12-18'), '2026-12-18', 'meeting')!;
  assert.equal(d.due, '2027-01-08');
  assert.equal(d.status, 'upcoming');
  assert.equal(d.workingDaysLeft, 10);
});

test('first contact is due 3 working days after the need', () => {
  assert.equal(find(sip('2026-11-20'), '2026-11-20', 'first-contact')!.due, '2026-11-25');
});

test('statuses: due today, overdue with negative working days, met, met late', () => {
  const plan = sip('2026-11-20');
  assert.equal(find(plan, '2026-11-25', 'first-contact')!.status, 'due-today');
  const overdue = find(plan, '2026-11-27', 'first-contact')!;
  assert.equal(overdue.status, 'overdue');
  assert.equal(overdue.workingDaysLeft, -2);
  assert.deepEqual(find({ ...plan, firstContactOn: '2026-11-25' }, '2026-12-01', 'first-contact'), { kind: 'first-contact', due: '2026-11-25', status: 'met', metOn: '2026-11-25' });
  assert.equal(find({ ...plan, firstContactOn: '2026-11-26' }, '2026-12-01', 'first-contact')!.status, 'met-late');
});

test('the meeting is met by the first held SIP meeting, not a planned or cancelled one', () => {
  const plan = example('se-sip');
  const d = find(plan, '2026-11-25', 'meeting')!;
  assert.equal(d.status, 'met');
  const unheld: Plan = { ...plan, meetings: plan.meetings.map((m) => ({ ...m, status: 'planned' as const })) };
  assert.equal(find(unheld, '2026-11-25', 'meeting')!.status, 'overdue');
});

test('each follow-up is due on its own day and met when done', () => {
  const plan = example('se-sip');
  const follow = computeDeadlines(plan, { today: '2026-11-25' }).filter((d) => d.kind === 'follow-up');
  assert.deepEqual(follow.map((d) => [d.ref, d.due, d.status]), plan.followUps.map((f) => [f.id, f.dueOn, f.doneOn ? (f.doneOn <= f.dueOn ? 'met' : 'met-late') : '2026-11-25' < f.dueOn ? 'upcoming' : 'overdue']));
});

test('a discharge invitation is due 3 calendar days after ready-for-discharge, even over a weekend', () => {
  const plan = { ...example('se-sip-discharge'), readyForDischargeOn: '2026-11-20', meetings: [] };
  const d = find(plan, '2026-11-21', 'invitation')!;
  assert.equal(d.due, '2026-11-23');
  assert.equal(d.status, 'upcoming');
});

test('Norway has no first-contact or meeting deadline but counts follow-ups in Norwegian working days', () => {
  const plan = example('no-ip');
  const all = computeDeadlines(plan, { today: '2026-05-15' });
  assert.deepEqual([...new Set(all.map((d) => d.kind))], ['follow-up']);
  // 17 May 2026 is a Sunday; Ascension Day 14 May and Whit Monday 25 May are not working days.
  const d = computeDeadlines({ ...plan, followUps: [{ ...plan.followUps[0]!, dueOn: '2026-05-26', doneOn: undefined }] }, { today: '2026-05-13' })[0]!;
  assert.equal(d.workingDaysLeft, 7);
});

test('a closed plan has no deadlines', () => {
  assert.deepEqual(computeDeadlines({ ...example('se-sip'), status: 'closed', closedReason: 'goals-achieved' }, { today: '2026-11-25' }), []);
});

test('an invalid today is refused', () => {
  assert.throws(() => computeDeadlines(example('se-sip'), { today: '2026-02-30' }), (e: unknown) => SipValidationError.is(e) && e.issues[0]!.code === 'date-invalid');
});

const reviews = (plan: Plan, today: string, pack?: Parameters<typeof computeDeadlines>[1]['pack']) =>
  computeDeadlines(plan, { today, ...(pack ? { pack } : {}) }).filter((d) => d.kind === 'review');

test('an LSS plan is due for review a year after its last held follow-up, and the review before was met in time', () => {
  // Established 2025-09-15; the follow-up done 2026-03-12 was within that year and starts the next one.
  const plan = example('se-lss-ip');
  assert.deepEqual(reviews(plan, '2026-11-25'), [
    { kind: 'review', due: '2026-09-15', status: 'met', metOn: '2026-03-12' },
    { kind: 'review', due: '2027-03-12', status: 'upcoming', workingDaysLeft: 72 },
  ]);
});

test('before any follow-up is held, the first review is due a year after the plan was established', () => {
  const base = example('se-lss-ip');
  const plan: Plan = { ...base, followUps: base.followUps.map((f) => ({ ...f, doneOn: undefined })) };
  assert.deepEqual(reviews(plan, '2026-09-14').map((d) => [d.due, d.status, d.workingDaysLeft]), [['2026-09-15', 'upcoming', 1]]);
  assert.equal(reviews(plan, '2026-09-15')[0]!.status, 'due-today');
  const late = reviews(plan, '2026-09-17')[0]!;
  assert.equal(late.status, 'overdue');
  assert.equal(late.workingDaysLeft, -2);
});

test('a review held more than a year after the one before is met late', () => {
  const base = example('se-lss-ip');
  const plan: Plan = { ...base, followUps: [{ ...base.followUps[0]!, doneOn: '2026-10-01' }] };
  assert.deepEqual(reviews(plan, '2026-11-25').map((d) => [d.due, d.status, d.metOn]), [
    ['2026-09-15', 'met-late', '2026-10-01'],
    ['2027-10-01', 'upcoming', undefined],
  ]);
});

test('an LSS plan established on 29 February is due for review on 28 February the next year', () => {
  const plan: Plan = { ...example('se-lss-ip'), establishedOn: '2024-02-29', followUps: [] };
  assert.deepEqual(reviews(plan, '2025-02-28').map((d) => [d.due, d.status]), [['2025-02-28', 'due-today']]);
  assert.equal(reviews(plan, '2025-03-01')[0]!.status, 'overdue');
});

test('only follow-ups done after the plan was established count as reviews; the latest one counts', () => {
  const base = example('se-lss-ip');
  const f = base.followUps[0]!;
  const plan: Plan = {
    ...base,
    followUps: [
      { ...f, id: 'early', doneOn: '2025-08-01' },
      { ...f, id: 'b', doneOn: '2026-07-01', nextFollowUp: undefined },
      { ...f, id: 'a', doneOn: '2026-02-01', nextFollowUp: undefined },
    ],
  };
  assert.deepEqual(reviews(plan, '2026-11-25').map((d) => [d.due, d.status, d.metOn]), [
    ['2027-02-01', 'met', '2026-07-01'],
    ['2027-07-01', 'upcoming', undefined],
  ]);
});

test('an LSS plan gets no review deadline before it is established or once it is closed', () => {
  const base = example('se-lss-ip');
  assert.deepEqual(reviews({ ...base, establishedOn: undefined, status: 'initiated' }, '2026-11-25'), []);
  assert.deepEqual(reviews({ ...base, status: 'closed', closedReason: 'no-longer-needed' }, '2026-11-25'), []);
});

test('an LSS plan has no first-contact or meeting deadline, and a SIP has no yearly review', () => {
  const lss = computeDeadlines(example('se-lss-ip'), { today: '2026-11-25' });
  assert.deepEqual([...new Set(lss.map((d) => d.kind))].sort(), ['follow-up', 'review']);
  for (const type of ['se-sip', 'se-sip-child', 'se-sip-discharge', 'no-ip', 'pcsp'] as const) {
    assert.ok(!computeDeadlines(example(type), { today: '2026-11-25' }).some((d) => d.kind === 'review'), type);
  }
});

test('a region can ask for a review every six months, or turn the review deadline off', () => {
  const plan = example('se-lss-ip');
  const halfYear = extendPack(getBuiltinPack('se-default'), { id: 'se-lss-6', settings: { reviewWithinMonths: 6 } });
  assert.deepEqual(reviews(plan, '2026-11-25', halfYear).map((d) => [d.due, d.status]), [
    ['2026-03-15', 'met'],
    ['2026-09-12', 'overdue'],
  ]);
  const off = extendPack(getBuiltinPack('se-default'), { id: 'se-lss-off', settings: { reviewWithinMonths: null } });
  assert.deepEqual(reviews(plan, '2026-11-25', off), []);
});

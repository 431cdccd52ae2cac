import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipValidationError, computeDeadlines, createPlan, type Plan } from '../src/index.js';
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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCompleteness, type Plan } from '../src/index.js';
import { example } from './support/rules-examples.js';

const codes = (plan: Plan, pack?: Parameters<typeof checkCompleteness>[1]) => checkCompleteness(plan, pack).missing.map((m) => m.code);

test('a complete Swedish SIP has nothing missing', () => {
  assert.deepEqual(checkCompleteness(example('se-sip'), { today: '2026-05-01' }), { complete: true, missing: [] });
});

test('a SIP without goals, interventions, coordinator or follow-up lists each, in Swedish', () => {
  const plan: Plan = { ...example('se-sip'), goals: [], interventions: [], coordinator: undefined, followUps: [] };
  const result = checkCompleteness(plan);
  assert.equal(result.complete, false);
  assert.deepEqual(result.missing.map((m) => m.code), ['goals-missing', 'interventions-missing', 'other-actor-interventions-missing', 'coordinator-missing', 'follow-up-missing']);
  assert.equal(result.missing.find((m) => m.code === 'coordinator-missing')!.message, 'Planen saknar någon med övergripande ansvar.');
  assert.deepEqual(result.missing.find((m) => m.code === 'goals-missing')!.path, ['goals']);
});

test('messages follow the plan locale, or the locale asked for', () => {
  const plan: Plan = { ...example('se-sip'), coordinator: undefined };
  assert.equal(checkCompleteness({ ...plan, locale: 'en' }).missing[0]!.message, 'The plan has no coordinator with overall responsibility.');
  assert.equal(checkCompleteness(plan, { locale: 'nb' }).missing[0]!.message, 'Planen mangler en koordinator.');
});

test('an intervention whose party is not in the plan is pointed at by index and id', () => {
  const base = example('se-sip');
  const plan: Plan = { ...base, interventions: base.interventions.map((i, n) => (n === 1 ? { ...i, party: 'gone' } : i)) };
  const item = checkCompleteness(plan).missing.find((m) => m.code === 'intervention-party-missing')!;
  assert.deepEqual(item.path, ['interventions', 1, 'party']);
  assert.equal(item.ref, base.interventions[1]!.id);
});

test('a plan whose only follow-up is done needs the next one booked', () => {
  const base = example('se-sip');
  const plan: Plan = { ...base, followUps: base.followUps.map((f) => ({ ...f, doneOn: f.dueOn })) };
  assert.ok(codes(plan).includes('follow-up-missing'));
  assert.ok(!codes({ ...plan, status: 'closed', closedReason: 'goals-achieved' }).includes('follow-up-missing'));
});

test('consent that was withdrawn as a whole counts as missing', () => {
  const base = example('se-sip');
  const plan: Plan = {
    ...base,
    consents: base.consents.map((c) => ({ ...c, withdrawals: [...c.withdrawals, { id: 'w-all', on: '2026-06-01', recordedAt: '2026-06-01T10:00:00Z' }] })),
  };
  assert.ok(!codes(plan, { today: '2026-05-31' }).includes('consent-missing'));
  assert.ok(codes(plan, { today: '2026-06-01' }).includes('consent-missing'));
});

test('consent past its last valid day counts as missing on a later day', () => {
  const plan = example('se-sip');
  assert.ok(codes(plan, { today: '2027-02-13' }).includes('consent-missing'));
});

test('a plan for a child needs every guardian taking part to consent', () => {
  const base = example('se-sip-child');
  assert.ok(!codes(base).includes('consent-missing'));
  const guardian = base.consents.find((c) => c.givenBy.kind === 'guardian')!;
  const plan: Plan = { ...base, consents: base.consents.filter((c) => c !== guardian) };
  assert.ok(codes(plan).includes('consent-missing'));
});

test('the Värmland pack also asks who does each intervention, its extent and where', () => {
  const base = example('se-sip');
  const plan: Plan = { ...base, interventions: base.interventions.map((i, n) => (n === 0 ? { ...i, responsible: undefined, responsibleName: undefined, extent: undefined, where: ' ' } : i)) };
  const first = base.interventions[0]!.id;
  assert.deepEqual(codes(plan), []);
  const forFirst = checkCompleteness(plan, { pack: 'se-varmland-2014' }).missing.filter((m) => m.ref === first);
  assert.deepEqual(forFirst.map((m) => m.code), ['intervention-responsible-missing', 'intervention-extent-missing', 'intervention-where-missing']);
});

test('other actors taking part without any intervention are reported', () => {
  const base = example('se-sip');
  const others = new Set(base.parties.filter((p) => !p.principal).map((p) => p.id));
  const plan: Plan = { ...base, interventions: base.interventions.filter((i) => !others.has(i.party)) };
  assert.ok(codes(plan).includes('other-actor-interventions-missing'));
});

test('a Norwegian IP needs a plan period and participants', () => {
  const base = example('no-ip');
  const plan: Plan = { ...base, planPeriod: undefined, participants: base.participants.filter((p) => p.role === 'person') };
  const found = codes(plan);
  assert.ok(found.includes('plan-period-missing'));
  assert.ok(found.includes('participants-missing'));
});

test('a Norwegian IP needs a coordinator even when the person declined the plan', () => {
  const base = example('no-ip');
  const plan: Plan = { ...base, coordinator: undefined, consents: base.consents.map((c) => ({ ...c, decision: 'refused' as const })) };
  const found = codes(plan);
  assert.ok(found.includes('coordinator-missing'));
  assert.ok(found.includes('consent-missing'));
});

test('a person-centred plan needs "about me" and a review, but no consent or coordinator', () => {
  const base = example('pcsp');
  const plan: Plan = { ...base, personVoice: { ...base.personVoice, whatMattersToMe: undefined }, followUps: [], coordinator: undefined, consents: [] };
  assert.deepEqual(codes(plan), ['about-me-missing', 'review-missing']);
});

test('a discharge plan needs the ready-for-discharge date', () => {
  assert.ok(codes({ ...example('se-sip-discharge'), readyForDischargeOn: undefined }).includes('ready-for-discharge-missing'));
});

test('a Norwegian IP asks how each measure is carried out, pointing at the measure', () => {
  const base = example('no-ip');
  assert.ok(!codes(base).includes('intervention-how-missing'));
  const plan: Plan = { ...base, interventions: base.interventions.map((i, n) => (n === 2 ? { ...i, how: ' \n' } : i)) };
  const found = checkCompleteness(plan).missing.filter((m) => m.code === 'intervention-how-missing');
  assert.deepEqual(found.map((m) => [m.path, m.ref]), [[['interventions', 2, 'how'], base.interventions[2]!.id]]);
  assert.equal(found[0]!.message, 'Et tiltak mangler hvordan det skal gjennomføres.');
});

test('a cancelled measure does not need to say how it is carried out', () => {
  const base = example('no-ip');
  const plan: Plan = { ...base, interventions: base.interventions.map((i, n) => (n === 0 ? { ...i, how: undefined, status: 'cancelled' as const } : i)) };
  assert.ok(!codes(plan).includes('intervention-how-missing'));
});

test('a Norwegian IP needs the assessment of cooperation with other agencies, in Bokmål or Nynorsk', () => {
  const plan: Plan = { ...example('no-ip'), cooperation: undefined };
  const item = checkCompleteness(plan).missing.find((m) => m.code === 'cooperation-missing')!;
  assert.deepEqual(item.path, ['cooperation']);
  assert.equal(item.message, 'Planen sier ikke om dere trenger å samarbeide med andre tjenester eller etater, og hvordan.');
  assert.equal(checkCompleteness(plan, { locale: 'nn' }).missing.find((m) => m.code === 'cooperation-missing')!.message, 'Planen seier ikkje om de treng å samarbeide med andre tenester eller etatar, og korleis.');
});

test("a Norwegian IP says what the person does themselves (§ 19 d); relatives' part is asked only where wanted", () => {
  const base = example('no-ip');
  const plan: Plan = { ...base, personVoice: { ...base.personVoice, ownContribution: '  ' } };
  const item = checkCompleteness(plan).missing.find((m) => m.code === 'own-contribution-missing')!;
  assert.deepEqual(item.path, ['personVoice', 'ownContribution']);
  assert.equal(item.message, 'Planen sier ikke hva personen selv skal gjøre.');
  assert.equal(checkCompleteness(plan, { locale: 'sv' }).missing.find((m) => m.code === 'own-contribution-missing')!.message, 'Planen säger inte vad personen själv ska göra.');
  const noRelatives: Plan = { ...base, personVoice: { ...base.personVoice, relativesContribution: undefined } };
  assert.ok(!codes(noRelatives).includes('own-contribution-missing'));
  assert.deepEqual(codes(noRelatives), codes(base));
  // Swedish SIP packs do not ask for it.
  const se = example('se-sip');
  assert.ok(!codes({ ...se, personVoice: { ...se.personVoice, ownContribution: undefined } }).includes('own-contribution-missing'));
});

test('a Norwegian IP with every one of the nine items in place has nothing missing', () => {
  const base = example('no-ip');
  // The example leaves one measure without a responsible person; name one.
  const plan: Plan = { ...base, interventions: base.interventions.map((i) => (i.responsible ? i : { ...i, responsibleName: 'Hjemmetjenesten Årstad, gruppe 2' })) };
  assert.deepEqual(checkCompleteness(plan, { today: '2026-05-01' }), { complete: true, missing: [] });
});

test('Swedish SIP packs ask neither how each intervention is carried out nor for a cooperation assessment', () => {
  const base = example('se-sip');
  const plan: Plan = { ...base, cooperation: undefined, interventions: base.interventions.map((i) => ({ ...i, how: undefined })) };
  for (const pack of ['se-default', 'se-varmland-2014', 'se-discharge'] as const) {
    const found = codes(plan, { pack, today: '2026-05-01' });
    assert.ok(!found.includes('intervention-how-missing') && !found.includes('cooperation-missing'), `${pack}: ${found.join(', ')}`);
  }
});

test('an LSS plan under way must record the day it was established, since its yearly review counts from it', () => {
  const base = example('se-lss-ip');
  assert.ok(!codes(base).includes('established-on-missing'));
  const item = checkCompleteness({ ...base, establishedOn: undefined }).missing.find((m) => m.code === 'established-on-missing')!;
  assert.deepEqual(item.path, ['establishedOn']);
  assert.ok(!codes({ ...base, establishedOn: undefined, status: 'initiated' }).includes('established-on-missing'));
  assert.ok(!codes({ ...example('se-sip'), establishedOn: undefined }).includes('established-on-missing'));
});

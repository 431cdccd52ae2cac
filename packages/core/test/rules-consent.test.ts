import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PLAN_SECTIONS, PlanSchema, SipValidationError, canShare, consentsInForce, parsePlan, redactForParty, type Plan, type PlanSection } from '../src/index.js';
import { numRuns, planArbitrary } from './arbitraries.js';
import { example } from './support/rules-examples.js';

test('parties covered by the consent may share on a day it is valid', () => {
  const plan = example('se-sip');
  assert.deepEqual(canShare(plan, { from: 'region-psykiatri', to: 'kommun-soc', on: '2026-03-01' }), { allowed: true, reason: 'consent-given' });
});

test('no sharing before consent was given, after it expired, or with a party it does not cover', () => {
  const plan = example('se-sip');
  assert.equal(canShare(plan, { from: 'region-psykiatri', to: 'kommun-soc', on: '2026-02-11' }).reason, 'consent-missing');
  assert.equal(canShare(plan, { from: 'region-psykiatri', to: 'kommun-soc', on: '2027-02-13' }).reason, 'consent-expired');
  const narrowed: Plan = { ...plan, consents: plan.consents.map((c) => ({ ...c, scope: { ...c.scope, shareWith: ['region-psykiatri'] } })) };
  assert.deepEqual(canShare(narrowed, { from: 'region-psykiatri', to: 'kommun-soc', on: '2026-03-01' }), { allowed: false, reason: 'party-not-covered' });
});

test('a withdrawal for one party stops sharing with it from that day only', () => {
  const plan = example('se-sip');
  assert.equal(canShare(plan, { from: 'kommun-soc', to: 'fk', on: '2026-04-19' }).allowed, true);
  assert.deepEqual(canShare(plan, { from: 'kommun-soc', to: 'fk', on: '2026-04-20' }), { allowed: false, reason: 'party-withdrawn' });
  assert.deepEqual(canShare(plan, { from: 'fk', to: 'kommun-soc', on: '2026-04-20' }), { allowed: false, reason: 'party-withdrawn' });
});

test('a refusal or a whole withdrawal stops all sharing', () => {
  const plan = example('se-sip');
  const refused: Plan = { ...plan, consents: plan.consents.map((c) => ({ ...c, decision: 'refused' as const })) };
  assert.equal(canShare(refused, { from: 'region-psykiatri', to: 'kommun-soc', on: '2026-03-01' }).reason, 'consent-refused');
  const withdrawn: Plan = { ...plan, consents: plan.consents.map((c) => ({ ...c, withdrawals: [{ id: 'w', on: '2026-03-01', recordedAt: '2026-03-01T09:00:00Z' }] })) };
  assert.equal(canShare(withdrawn, { from: 'region-psykiatri', to: 'kommun-soc', on: '2026-03-01' }).reason, 'consent-withdrawn');
});

test('a plan without any consent shares nothing', () => {
  const plan: Plan = { ...example('se-sip'), consents: [] };
  assert.deepEqual(canShare(plan, { from: 'region-psykiatri', to: 'kommun-soc', on: '2026-03-01' }), { allowed: false, reason: 'consent-missing' });
  const copy = redactForParty(plan, 'kommun-soc', { on: '2026-03-01' });
  assert.deepEqual(copy.redacted.sections, [...PLAN_SECTIONS]);
  assert.deepEqual([copy.goals, copy.interventions, copy.needs, copy.participants, copy.parties], [[], [], [], [], []]);
  assert.deepEqual(copy.person, { withheld: true, isChild: false });
});

test("a party's copy leaves out the section the person excluded for it, and says so", () => {
  const plan = example('se-sip');
  const copy = redactForParty(plan, 'af', { on: '2026-03-01' });
  assert.equal(copy.redacted.allowed, true);
  assert.deepEqual(copy.redacted.sections, ['needs']);
  assert.deepEqual(copy.needs, []);
  assert.deepEqual(copy.goals, plan.goals);
  assert.deepEqual(copy.consents, []);
  assert.deepEqual(redactForParty(plan, 'kommun-soc', { on: '2026-03-01' }).needs, plan.needs);
});

test('a child plan shares only what every guardian agreed to', () => {
  const plan = example('se-sip-child');
  const [first] = plan.consents.filter((c) => c.givenBy.kind === 'guardian');
  const party = plan.parties[0]!.id;
  assert.equal(canShare(plan, { from: party, to: party, on: '2026-04-01' }).allowed, true);
  const narrowed: Plan = { ...plan, consents: plan.consents.map((c) => (c === first ? { ...c, scope: { ...c.scope, shareWith: c.scope.shareWith.filter((p) => p !== party) } } : c)) };
  assert.equal(canShare(narrowed, { from: party, to: party, on: '2026-04-01' }).allowed, false);
});

test('bad arguments are refused with SipValidationError', () => {
  const plan = example('se-sip');
  assert.throws(() => canShare(plan, { from: 'region-psykiatri', to: '', on: '2026-03-01' }), (e: unknown) => SipValidationError.is(e));
  assert.throws(() => canShare(plan, { from: 'region-psykiatri', to: 'kommun-soc', on: 'soon' }), (e: unknown) => SipValidationError.is(e));
  assert.throws(() => redactForParty(null as unknown as Plan, 'x', { on: '2026-03-01' }), (e: unknown) => SipValidationError.is(e));
});

test('a redacted copy can never be saved back as a plan', () => {
  const copy = redactForParty(example('se-sip'), 'kommun-soc', { on: '2026-03-01' });
  assert.throws(() => parsePlan(copy), (e: unknown) => SipValidationError.is(e));
});

const ITEM_SECTIONS = ['needs', 'resources', 'goals', 'interventions'] as const;

test('property: redactForParty never shows what consent does not cover for that party', () => {
  const arb = planArbitrary({ hostile: false, maxItems: 3 }).chain((plan) =>
    fc.record({
      plan: fc.constant(plan),
      party: fc.oneof(fc.constantFrom(...plan.parties.map((p) => p.id)), fc.constant('not-a-party')),
      on: fc.constantFrom('2020-01-01', '2026-06-01', '2030-12-31', plan.consents[0]?.givenOn ?? '2026-01-01'),
    }),
  );
  fc.assert(
    fc.property(arb, ({ plan, party, on }) => {
      const copy = redactForParty(plan, party, { on });
      const decision = canShare(plan, { from: party, to: party, on });
      assert.equal(copy.redacted.allowed, decision.allowed);
      // Internal records never reach a party.
      for (const k of ['consents', 'audit', 'pendingApproval', 'approvals'] as const) assert.deepEqual(copy[k], []);
      if (!decision.allowed) {
        assert.deepEqual(copy.redacted.sections, [...PLAN_SECTIONS]);
        for (const s of [...ITEM_SECTIONS, 'participants', 'meetings', 'followUps'] as const) assert.deepEqual(copy[s], []);
        assert.deepEqual(copy.parties, []);
        assert.ok('withheld' in copy.person);
        assert.equal(copy.title, undefined);
        assert.equal(copy.cooperation, undefined);
        assert.equal(copy.closedNote, undefined);
        return;
      }
      // What the consents in force on the day exclude for this party is gone.
      const excluded = new Set<PlanSection>();
      const items = new Set<string>();
      for (const c of consentsInForce(plan, on).filter((r) => r.decision === 'given')) {
        for (const x of c.scope.exclusions) {
          if (x.parties && !x.parties.includes(party)) continue;
          if (x.section) excluded.add(x.section);
          for (const id of x.items ?? []) items.add(id);
        }
      }
      for (const s of excluded) assert.ok(copy.redacted.sections.includes(s), `section ${s} not withheld`);
      for (const s of ITEM_SECTIONS) {
        for (const item of copy[s]) assert.ok(!items.has(item.id), `${s} item ${item.id} leaked`);
        if (copy.redacted.sections.includes(s)) assert.deepEqual(copy[s], []);
        // Never widen: nothing appears that the plan does not have.
        for (const item of copy[s]) assert.deepEqual(item, (plan[s] as { id: string }[]).find((i) => i.id === item.id));
      }
      if (copy.redacted.sections.includes('interventions')) assert.equal(copy.cooperation, undefined);
      if (copy.redacted.sections.includes('person')) assert.ok('withheld' in copy.person);
      if (copy.redacted.sections.includes('goals')) for (const f of copy.followUps) assert.deepEqual(f.evaluations, []);
    }),
    { numRuns: numRuns(300), seed: 99 },
  );
});

test('every plan field has a decided place in redaction: a new field fails here until redactForParty handles it', () => {
  // Each top-level key of a plan, by how redactForParty treats it (see src/rules/consent.ts).
  const decided = {
    structure: ['formatVersion', 'id', 'version', 'type', 'jurisdiction', 'locale', 'status', 'closedReason', 'closedOn', 'needIdentifiedOn', 'needIdentifiedBy', 'readyForDischargeOn', 'firstContactOn', 'establishedOn', 'planPeriod', 'initiator', 'meetingChair', 'coordinator'],
    withPerson: ['title', 'person'],
    withOwnSection: ['personVoice', 'participants', 'needs', 'resources', 'goals', 'interventions', 'meetings', 'followUps'],
    withParticipants: ['coordinatorHistory'],
    withInterventions: ['cooperation'],
    onlyWhenAllowed: ['parties', 'closedNote'],
    never: ['consents', 'audit', 'pendingApproval', 'approvals'],
  };
  assert.deepEqual(Object.values(decided).flat().sort(), Object.keys(PlanSchema.shape).sort());
});

/**
 * evaluatePlan reads a plan's consent once and skips re-checking arguments
 * inside its loops. These tests hold it to the composition of the public
 * functions it replaced (the facts, the compiled pack, `checkCompleteness`,
 * `computeDeadlines` and one `canShare` per party), byte for byte, and check
 * that every public entry still refuses bad input with `SipValidationError`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  BUILTIN_PACK_IDS,
  SipValidationError,
  canShare,
  checkCompleteness,
  compilePack,
  computeDeadlines,
  eligibilityFacts,
  eligibilityInputFromPlan,
  evaluateMany,
  evaluatePlan,
  getBuiltinPack,
  redactForParty,
  resolvePack,
  type EvaluateOptions,
  type Plan,
  type PlanEvaluation,
  type PlanType,
} from '../src/index.js';
import { interpretEligibility } from '../src/rules/eligibility.js';
import { numRuns, planArbitrary } from './arbitraries.js';
import { example } from './support/rules-examples.js';

/** evaluatePlan as it was composed before it shared the consent reading: the public functions, one after another. */
function composed(plan: Plan, options: EvaluateOptions): PlanEvaluation {
  const { today } = options;
  const pack = resolvePack(options.pack, plan);
  const eligibilityRun = compilePack(pack).run('eligibility', eligibilityFacts(eligibilityInputFromPlan(plan, today, pack), pack));
  return {
    planId: plan.id,
    pack: { id: pack.id, version: pack.version },
    eligibility: interpretEligibility(eligibilityRun),
    completeness: checkCompleteness(plan, { pack, today, ...(options.locale ? { locale: options.locale } : {}) }),
    deadlines: computeDeadlines(plan, { today, pack }),
    sharing: plan.parties.map((party) => {
      const d = canShare(plan, { from: party.id, to: party.id, on: today });
      return { party: party.id, allowed: d.allowed, reason: d.reason };
    }),
  };
}

function assertSame(plan: Plan, options: EvaluateOptions): void {
  const fast = evaluatePlan(plan, options);
  const slow = composed(plan, options);
  assert.equal(JSON.stringify(fast), JSON.stringify(slow), `plan ${plan.id} on ${options.today}`);
  assert.deepStrictEqual(fast, slow);
}

const TYPES: PlanType[] = ['se-sip', 'se-sip-child', 'se-sip-discharge', 'se-lss-ip', 'no-ip', 'pcsp'];
const DAYS = ['2020-06-19', '2026-01-15', '2026-03-01', '2026-04-20', '2026-11-25', '2027-02-13', '2099-12-31'];

/** The example plans varied as the CLI benchmark varies them, plus consent edge cases. */
function variedExamples(): Plan[] {
  const out: Plan[] = [];
  for (const type of TYPES) {
    const base = example(type);
    out.push(base);
    const { coordinator: _coordinator, ...noCoordinator } = base;
    out.push(noCoordinator as Plan);
    out.push({ ...base, goals: base.goals.map((g) => ({ ...g, status: 'discontinued' as const })) });
    out.push({ ...base, followUps: base.followUps.map((f) => ({ ...f, doneOn: f.dueOn })) });
    out.push({ ...base, consents: [] });
    out.push({ ...base, consents: base.consents.map((c) => ({ ...c, decision: 'refused' as const })) });
    out.push({ ...base, consents: base.consents.map((c) => ({ ...c, withdrawals: [{ id: 'w', on: '2026-03-01', recordedAt: '2026-03-01T09:00:00Z' }] })) });
    out.push({ ...base, consents: base.consents.map((c) => ({ ...c, validUntil: '2026-02-01' })) });
    out.push({ ...base, person: { ...base.person, isChild: !base.person.isChild } });
  }
  return out;
}

test('evaluatePlan equals the composition of the public functions on varied example plans', () => {
  for (const plan of variedExamples()) {
    for (const today of DAYS) {
      assertSame(plan, { today });
      assertSame(plan, { today, locale: 'en' });
    }
  }
});

test('evaluatePlan equals the composition of the public functions on generated plans, under every built-in pack', () => {
  const plans = fc.sample(planArbitrary({ maxItems: 4 }), { numRuns: numRuns(150), seed: 42 });
  for (const plan of plans) {
    for (const today of DAYS) assertSame(plan, { today });
    for (const id of BUILTIN_PACK_IDS) assertSame(plan, { today: '2026-11-25', pack: getBuiltinPack(id) });
  }
});

test('canShare between two parties gives the same answer as each party checked on its own, combined', () => {
  // canShare reads the consent once for both parties; the decision must still be: `to` first, then `from`.
  const plans = [...variedExamples(), ...fc.sample(planArbitrary({ hostile: false, maxItems: 3 }), { numRuns: numRuns(60), seed: 5 })];
  for (const plan of plans) {
    for (const on of DAYS) {
      for (const a of plan.parties) {
        for (const b of plan.parties) {
          const to = canShare(plan, { from: b.id, to: b.id, on });
          const from = canShare(plan, { from: a.id, to: a.id, on });
          const expected = !to.allowed ? to : !from.allowed ? { allowed: false, reason: from.reason } : { allowed: true, reason: to.reason };
          assert.deepStrictEqual(canShare(plan, { from: a.id, to: b.id, on }), expected);
        }
      }
    }
  }
});

const isValidationError = (e: unknown): boolean => SipValidationError.is(e);

test('every public entry still refuses bad input with SipValidationError', () => {
  const plan = example('se-sip');
  const party = plan.parties[0]!.id;
  for (const bad of [undefined, null, '', '2026-02-30', '2026-1-01', ' 2026-01-01', 20260101, {}]) {
    assert.throws(() => evaluatePlan(plan, { today: bad as string }), isValidationError);
    assert.throws(() => evaluateMany([plan], { today: bad as string }), isValidationError);
    assert.throws(() => canShare(plan, { from: party, to: party, on: bad as string }), isValidationError);
    assert.throws(() => redactForParty(plan, party, { on: bad as string }), isValidationError);
  }
  for (const bad of [undefined, null, '', 7]) {
    assert.throws(() => canShare(plan, { from: bad as string, to: party, on: '2026-03-01' }), isValidationError);
    assert.throws(() => canShare(plan, { from: party, to: bad as string, on: '2026-03-01' }), isValidationError);
    assert.throws(() => redactForParty(plan, bad as string, { on: '2026-03-01' }), isValidationError);
    assert.throws(() => canShare(bad as unknown as Plan, { from: party, to: party, on: '2026-03-01' }), isValidationError);
  }
  assert.throws(() => evaluatePlan(plan, undefined as unknown as EvaluateOptions), isValidationError);
  assert.throws(() => canShare(plan, undefined as unknown as { from: string; to: string; on: string }), isValidationError);
  // A party id a trusted plan should never have still fails the way canShare failed for it.
  const blank: Plan = { ...plan, parties: [...plan.parties, { ...plan.parties[0]!, id: '' }] };
  assert.throws(() => evaluatePlan(blank, { today: '2026-03-01' }), isValidationError);
});

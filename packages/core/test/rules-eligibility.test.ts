import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipValidationError, evaluateEligibility, extendPack, getBuiltinPack, type EligibilityInput } from '../src/index.js';

const adult = (over: Partial<EligibilityInput> = {}): EligibilityInput => ({
  jurisdiction: 'SE',
  needs: ['health-care', 'social-services'],
  assessments: [{ party: 'region', planNeeded: true }],
  consent: 'given',
  person: { age: 40 },
  ...over,
});

test('needs from both sectors and one party judging a plan needed oblige both, and consent lets it be made', () => {
  assert.deepEqual(evaluateEligibility(adult()), {
    obligation: true,
    mayEstablish: true,
    presumedNeed: false,
    reasons: ['needs-both-sectors', 'assessed-by-one-party', 'consent-given'],
  });
});

test('one sector only gives no obligation', () => {
  const r = evaluateEligibility(adult({ needs: ['health-care', 'school'] }));
  assert.equal(r.obligation, false);
  assert.ok(r.reasons.includes('single-sector'));
});

test('without any assessment there is no obligation, even with both sectors', () => {
  const r = evaluateEligibility(adult({ assessments: [{ party: 'region', planNeeded: false }] }));
  assert.equal(r.obligation, false);
  assert.ok(r.reasons.includes('no-assessment'));
});

test('an adult who refuses or withdraws blocks the plan; not asked is missing consent', () => {
  for (const [consent, reason] of [['refused', 'consent-refused'], ['withdrawn', 'consent-withdrawn'], ['not-asked', 'consent-missing']] as const) {
    const r = evaluateEligibility(adult({ consent }));
    assert.equal(r.obligation, true);
    assert.equal(r.mayEstablish, false);
    assert.ok(r.reasons.includes(reason), `${consent} → ${reason}`);
  }
});

test('for a child every listed guardian must consent; none listed is missing', () => {
  const child = adult({ person: { age: 12 }, consent: 'not-asked' });
  assert.equal(evaluateEligibility({ ...child, guardianConsents: ['given', 'given'] }).mayEstablish, true);
  for (const g of [[], ['given', 'not-asked'], ['refused']] as EligibilityInput['guardianConsents'][]) {
    const r = evaluateEligibility({ ...child, guardianConsents: g });
    assert.equal(r.mayEstablish, false);
    assert.ok(r.reasons.includes('guardian-consent-missing'));
  }
});

test("a child's own objection is reported for the professionals to weigh, not as a veto", () => {
  const r = evaluateEligibility(adult({ person: { age: 13 }, consent: 'refused', guardianConsents: ['given'] }));
  assert.equal(r.mayEstablish, true);
  assert.ok(r.reasons.includes('child-objects'));
});

test('the age of majority is a pack setting', () => {
  const pack = extendPack(getBuiltinPack('se-default'), { settings: { adultAge: 16 } });
  const r = evaluateEligibility(adult({ person: { age: 17 } }), { pack });
  assert.equal(r.mayEstablish, true);
  assert.equal(evaluateEligibility(adult({ person: { age: 17 } })).mayEstablish, false);
});

test('a presumed-need group prompts an assessment without creating an obligation', () => {
  const r = evaluateEligibility(adult({ needs: ['health-care'], assessments: [], presumedNeedGroups: ['dementia-somatic-care'] }));
  assert.equal(r.presumedNeed, true);
  assert.equal(r.obligation, false);
  assert.ok(r.reasons.includes('presumed-need'));
});

test('Norway: long-term needs from two services give a right to an IP, and a coordinator must always be offered', () => {
  const no = adult({ jurisdiction: 'NO', needs: ['health-care', 'employment'], assessments: [], longTerm: true });
  assert.equal(evaluateEligibility(no).obligation, true);
  const declined = evaluateEligibility({ ...no, consent: 'refused' });
  assert.equal(declined.mayEstablish, false);
  assert.ok(declined.reasons.includes('coordinator-required'));
  assert.equal(evaluateEligibility({ ...no, longTerm: false }).obligation, false);
});

test('a person-centred plan is never compulsory, but may be made with consent', () => {
  const r = evaluateEligibility(adult({ jurisdiction: 'GB' }));
  assert.equal(r.obligation, false);
  assert.equal(r.mayEstablish, true);
  assert.ok(r.reasons.includes('never-compulsory'));
});

test('invalid eligibility input is refused with SipValidationError', () => {
  for (const bad of [null, {}, { ...adult(), needs: ['dentistry'] }, { ...adult(), extra: 1 }, { ...adult(), person: { age: -1 } }]) {
    assert.throws(() => evaluateEligibility(bad as EligibilityInput), (e: unknown) => SipValidationError.is(e) && e.issues[0]!.code === 'eligibility-input-invalid');
  }
});

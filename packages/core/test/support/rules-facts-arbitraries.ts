/**
 * fast-check arbitraries for rule facts: realistic values most of the time,
 * with the wrong types and missing values mixed in (both evaluators must
 * agree on those too).
 */
import fc from 'fast-check';
import { PLAN_STATUSES, PLAN_TYPES, SECTORS } from '../../src/model/index.js';
import { eligibilityFacts, type EligibilityInput, type Facts, type PackDomain, type RulePack } from '../../src/index.js';

const odd = fc.constantFrom<unknown>(undefined, null, '0', '1', 0, -1, 1.5, true, false, [], {}, 'given', '2026-01-01');
/** `arb` most of the time, an odd value sometimes. */
const w = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: arb, weight: 9 }, { arbitrary: odd, weight: 1 });
const count = w(fc.integer({ min: 0, max: 3 }));
const idList = w(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }));
const bool = w(fc.boolean());
const date = w(fc.constantFrom('2026-01-02', '2026-01-09', '2026-03-31', '2026-06-19', '2026-12-24', '2027-01-08'));

/** Settings as the pack has them, or with one value changed. */
function settings(pack: RulePack): fc.Arbitrary<unknown> {
  const base = pack.settings as Record<string, unknown>;
  return fc.oneof(
    { arbitrary: fc.constant(base), weight: 6 },
    {
      arbitrary: fc
        .record({ adultAge: fc.integer({ min: 0, max: 30 }), minimumServices: fc.integer({ min: 1, max: 4 }), reviewWithinMonths: fc.constantFrom(null, 6, 12) })
        .map((o) => ({ ...base, ...o })),
      weight: 3,
    },
    { arbitrary: odd, weight: 1 },
  );
}

/** Eligibility input across its whole range (valid per the input schema). */
export const eligibilityInputArbitrary: fc.Arbitrary<EligibilityInput> = fc.record(
  {
    jurisdiction: fc.constantFrom('SE', 'NO', 'GB'),
    needs: fc.uniqueArray(fc.constantFrom(...SECTORS), { maxLength: 4 }),
    assessments: fc.array(fc.record({ party: fc.constantFrom('region', 'kommun', 'fk'), planNeeded: fc.boolean() }), { maxLength: 3 }),
    consent: fc.constantFrom('given', 'refused', 'withdrawn', 'not-asked'),
    person: fc.record({ age: fc.integer({ min: 0, max: 100 }) }),
    guardianConsents: fc.array(fc.constantFrom('given', 'refused', 'not-asked'), { maxLength: 2 }),
    personRequested: fc.boolean(),
    presumedNeedGroups: fc.uniqueArray(fc.constantFrom('psychiatric-and-substance-use', 'child-complex-needs', 'dementia-somatic-care', 'other-group'), { maxLength: 2 }),
    longTerm: fc.boolean(),
  },
  { requiredKeys: ['jurisdiction', 'needs', 'assessments', 'consent', 'person'] },
) as fc.Arbitrary<EligibilityInput>;

function completeness(pack: RulePack): fc.Arbitrary<Facts> {
  return fc.record({
    planType: w(fc.constantFrom(...PLAN_TYPES)),
    status: w(fc.constantFrom(...PLAN_STATUSES)),
    isChild: bool,
    goalCount: count,
    needCount: count,
    resourceCount: count,
    interventionCount: count,
    interventionsWithoutParty: idList,
    interventionsWithoutResponsible: idList,
    interventionsWithoutExtent: idList,
    interventionsWithoutWhere: idList,
    interventionsWithoutHow: idList,
    otherActorCount: count,
    otherActorInterventionCount: count,
    hasCoordinator: bool,
    participantCount: count,
    followUpCount: count,
    openFollowUpCount: count,
    followUpsWithoutResponsible: idList,
    personConsentValid: bool,
    guardianCount: count,
    guardiansWithoutConsent: idList,
    planPeriodSet: bool,
    aboutMeSet: bool,
    cooperationSet: bool,
    readyForDischargeOn: date,
    establishedOn: date,
    settings: settings(pack),
  }, { requiredKeys: [] }) as fc.Arbitrary<Facts>;
}

function deadlines(pack: RulePack): fc.Arbitrary<Facts> {
  return fc.record({
    planType: w(fc.constantFrom(...PLAN_TYPES)),
    status: w(fc.constantFrom(...PLAN_STATUSES)),
    needIdentifiedOn: date,
    readyForDischargeOn: date,
    firstContactOn: date,
    sipMeetingHeldOn: date,
    invitationSentOn: date,
    establishedOn: date,
    lastReviewedOn: date,
    previousReviewedOn: date,
    followUpCount: count,
    settings: settings(pack),
  }, { requiredKeys: [] }) as fc.Arbitrary<Facts>;
}

function eligibility(pack: RulePack): fc.Arbitrary<Facts> {
  const raw = fc.record({
    needs: w(fc.uniqueArray(fc.constantFrom(...SECTORS), { maxLength: 4 })),
    consent: w(fc.constantFrom('given', 'refused', 'withdrawn', 'not-asked')),
    person: w(fc.record({ age: w(fc.integer({ min: 0, max: 40 })) })),
    guardianConsents: w(fc.array(fc.constantFrom('given', 'refused', 'not-asked'), { maxLength: 2 })),
    planNeededParties: count,
    sectorCount: count,
    longTerm: bool,
    personRequested: bool,
    presumedNeedGroups: w(fc.array(fc.constantFrom('child-complex-needs', 'x'), { maxLength: 2 })),
    settings: settings(pack),
  }, { requiredKeys: [] }) as fc.Arbitrary<Facts>;
  return fc.oneof({ arbitrary: eligibilityInputArbitrary.map((i) => eligibilityFacts(i, pack)), weight: 3 }, { arbitrary: raw, weight: 1 });
}

/** A domain and facts for it, for one pack. */
export function packCaseArbitrary(pack: RulePack): fc.Arbitrary<{ domain: PackDomain; facts: Facts }> {
  return fc.oneof(
    eligibility(pack).map((facts) => ({ domain: 'eligibility' as const, facts })),
    completeness(pack).map((facts) => ({ domain: 'completeness' as const, facts })),
    deadlines(pack).map((facts) => ({ domain: 'deadlines' as const, facts })),
  );
}

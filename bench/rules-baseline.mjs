// A hand-written JavaScript version of the se-default pack's rules, for the
// rules benchmark only (not shipped): the yardstick the compiled evaluator is
// measured against. It returns exactly what the evaluators return — the same
// event objects, in the same order — and the benchmark checks that on every
// case before timing anything. Written for realistic facts (right types).

/** The se-default rules, hand-written, over the same facts. */
export function seDefaultBaseline(pack) {
  const ev = Object.fromEntries(pack.rules.map((r) => [r.name, r.event]));
  const s = pack.settings;
  const presumed = new Set(s.presumedNeedGroups);
  const present = (v) => v !== undefined && v !== null;

  function eligibility(f) {
    const both = f.needs.includes('health-care') && f.needs.includes('social-services');
    const obligation = both && f.planNeededParties >= 1;
    const age = f.person.age;
    const isChild = age < s.adultAge;
    const isAdult = age >= s.adultAge;
    const gc = f.guardianConsents;
    const guardiansAllGiven = gc.length >= 1 && gc.every((g) => g === 'given');
    const consentValid = (isAdult && f.consent === 'given') || (isChild && guardiansAllGiven);
    const presumedNeed = f.presumedNeedGroups.some((g) => presumed.has(g));
    return [
      ['eligibility.obligation', obligation],
      ['eligibility.mayEstablish', obligation && consentValid],
      ['eligibility.presumedNeed', presumedNeed],
      ['eligibility.needs-both-sectors', both],
      ['eligibility.single-sector', !both],
      ['eligibility.no-assessment', f.planNeededParties === 0],
      ['eligibility.assessed-by-one-party', f.planNeededParties === 1],
      ['eligibility.assessed-by-several-parties', f.planNeededParties > 1],
      ['eligibility.presumed-need', presumedNeed],
      ['eligibility.person-requested', f.personRequested === true],
      ['eligibility.consent-given', consentValid],
      ['eligibility.consent-missing', isAdult && f.consent !== 'given' && f.consent !== 'refused' && f.consent !== 'withdrawn'],
      ['eligibility.consent-refused', isAdult && f.consent === 'refused'],
      ['eligibility.consent-withdrawn', isAdult && f.consent === 'withdrawn'],
      ['eligibility.guardian-consent-missing', isChild && !guardiansAllGiven],
      ['eligibility.child-objects', isChild && (f.consent === 'refused' || f.consent === 'withdrawn')],
    ];
  }

  function completeness(f) {
    const consentMissing =
      (f.isChild === false && f.personConsentValid === false) ||
      (f.isChild === true && f.guardiansWithoutConsent.length >= 1) ||
      (f.isChild === true && f.guardianCount === 0 && f.personConsentValid === false);
    return [
      ['missing.goals-missing', f.goalCount === 0],
      ['missing.interventions-missing', f.interventionCount === 0],
      ['missing.intervention-party-missing', f.interventionsWithoutParty.length >= 1],
      ['missing.other-actor-interventions-missing', f.otherActorCount > 0 && f.otherActorInterventionCount === 0],
      ['missing.coordinator-missing', f.hasCoordinator === false],
      ['missing.follow-up-missing', f.status !== 'closed' && f.openFollowUpCount === 0],
      ['missing.follow-up-responsible-missing', f.followUpsWithoutResponsible.length >= 1],
      ['missing.consent-missing', consentMissing],
      ['missing.established-on-missing', f.planType === 'se-lss-ip' && (f.status === 'established' || f.status === 'active') && !present(f.establishedOn)],
    ];
  }

  function deadlines(f) {
    const open = f.status !== 'closed';
    const sip = f.planType !== 'se-lss-ip';
    const need = present(f.needIdentifiedOn);
    return [
      ['deadline.first-contact', open && sip && need],
      ['deadline.meeting', open && sip && need],
      ['deadline.follow-ups', open && f.followUpCount > 0],
      ['deadline.review-previous', open && !sip && present(f.previousReviewedOn)],
      ['deadline.review', open && !sip && present(f.lastReviewedOn)],
    ];
  }

  const byDomain = { eligibility, completeness, deadlines };
  return {
    run(domain, facts) {
      const events = [];
      const failureEvents = [];
      for (const [name, held] of byDomain[domain](facts)) (held ? events : failureEvents).push(ev[name]);
      return { events, failureEvents };
    },
  };
}

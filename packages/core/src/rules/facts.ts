/**
 * Facts: the plain JSON values that pack rules are evaluated over, derived
 * from a plan (or from eligibility input). This is deliberately thin —
 * counting, listing ids, reading dates — so every decision stays in the rule
 * JSON where a region can change it. docs/rules.md lists every fact.
 * @module
 */
import type { IsoDate } from '../dates.js';
import type { Plan } from '../model/plan.js';
import { ConsentState, wholeWithdrawn } from './consent.js';
import type { Facts, JsonValue } from './engine/types.js';
import type { RulePack } from './pack.js';

/** Eligibility input (the `facts` of `evaluateEligibility`). */
export interface EligibilityInput {
  /** The jurisdiction whose law applies. */
  jurisdiction: 'SE' | 'NO' | 'GB';
  /** Sectors the person needs help from. */
  needs: ('health-care' | 'social-services' | 'school' | 'employment' | 'social-insurance' | 'other')[];
  /** Each party's judgement of whether a plan is needed. */
  assessments: { party: string; planNeeded: boolean }[];
  /** The person's consent to the plan (for a child: the child's own view). */
  consent: 'given' | 'refused' | 'withdrawn' | 'not-asked';
  /** The person; `age` decides whose consent counts (see the pack's `adultAge`). */
  person: { age: number };
  /** Each guardian's consent, for a child. None listed counts as missing. */
  guardianConsents?: ('given' | 'refused' | 'not-asked')[];
  /** True when the person asked for a plan themselves. */
  personRequested?: boolean;
  /** Groups the facts name that the law may presume to need a plan (see the pack's `presumedNeedGroups`). */
  presumedNeedGroups?: string[];
  /** Norway: the need for services is long-term. */
  longTerm?: boolean;
}

const settingsFact = (pack: RulePack): JsonValue => pack.settings as unknown as JsonValue;

/**
 * Eligibility facts: the input as it is, plus `planNeededParties` (distinct
 * parties judging a plan needed), `sectorCount` (distinct needs) and `settings`.
 */
export function eligibilityFacts(input: EligibilityInput, pack: RulePack): Facts {
  const needed = new Set(input.assessments.filter((a) => a.planNeeded === true).map((a) => a.party));
  return {
    jurisdiction: input.jurisdiction,
    needs: input.needs,
    assessments: input.assessments,
    consent: input.consent,
    person: input.person,
    guardianConsents: input.guardianConsents ?? [],
    personRequested: input.personRequested ?? false,
    presumedNeedGroups: input.presumedNeedGroups ?? [],
    longTerm: input.longTerm ?? false,
    planNeededParties: needed.size,
    sectorCount: new Set(input.needs).size,
    settings: settingsFact(pack),
  };
}

/** Whole years from `dateOfBirth` to `today` (both `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: IsoDate, today: IsoDate): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/**
 * Eligibility input read from an existing plan (used by `evaluatePlan`): needs
 * by sector, the identifying party's judgement (a plan exists, so it judged
 * one needed), the person's and guardians' consents in force on `today`.
 * The person's age comes from `age`, else `dateOfBirth`, else 0 for a child
 * and the pack's adult age for an adult.
 */
export function eligibilityInputFromPlan(plan: Plan, today: IsoDate, pack: RulePack): EligibilityInput {
  return eligibilityInputIn(plan, today, pack, new ConsentState(plan, today));
}

/**
 * {@link eligibilityInputFromPlan} with the plan's consent on `today` already
 * read (`state` made for `plan` and `today`), so one evaluation reads it once.
 * @internal
 */
export function eligibilityInputIn(plan: Plan, today: IsoDate, pack: RulePack, state: ConsentState): EligibilityInput {
  const adultAge = typeof pack.settings.adultAge === 'number' ? pack.settings.adultAge : 18;
  const age = plan.person.age ?? (plan.person.dateOfBirth ? ageOn(plan.person.dateOfBirth, today) : plan.person.isChild ? 0 : adultAge);
  const missing = state.missing;
  const guardians = state.guardians;
  const inForce = state.inForce;
  const own = inForce.filter((c) => c.givenBy.kind !== 'guardian');
  // A child's own objection may be recorded on a guardian's consent record.
  const objects = inForce.some((c) => c.childView?.assent === 'disagrees');
  const consent: EligibilityInput['consent'] =
    own.some((c) => c.decision === 'refused') || objects
      ? 'refused'
      : own.some((c) => c.decision === 'given' && c.scope.establishPlan)
        ? 'given'
        : plan.consents.some((c) => c.givenBy.kind !== 'guardian' && wholeWithdrawn(c, today))
          ? 'withdrawn'
          : 'not-asked';
  // Distinct sectors in the order they first appear (there are only a handful of sectors).
  const sectors: NonNullable<Plan['needs'][number]['sector']>[] = [];
  for (const n of plan.needs) if (n.sector !== undefined && !sectors.includes(n.sector)) sectors.push(n.sector);
  const identifier = plan.needIdentifiedBy ?? plan.parties.find((p) => p.principal)?.id;
  return {
    jurisdiction: plan.jurisdiction,
    needs: sectors,
    assessments: identifier ? [{ party: identifier, planNeeded: true }] : [],
    consent,
    person: { age },
    guardianConsents: guardians.map((g) => (missing.includes(`guardian:${g}`) ? 'not-asked' : 'given')),
    longTerm: plan.planPeriod?.to === undefined || plan.planPeriod.to > today,
  };
}

/**
 * Completeness facts for `plan`. Cancelled interventions and discontinued
 * goals do not count. Consent facts use the consents in force on `today`
 * (without `today`, dates are not checked but withdrawals count).
 */
export function completenessFacts(plan: Plan, pack: RulePack, today?: IsoDate): Facts {
  return completenessFactsIn(plan, pack, new ConsentState(plan, today));
}

/**
 * {@link completenessFacts} with the plan's consent already read (`state`
 * made for `plan` and the day, or no day), so one evaluation reads it once.
 * @internal
 */
export function completenessFactsIn(plan: Plan, pack: RulePack, state: ConsentState): Facts {
  // One pass per list, counting instead of filtering: this runs for every plan of a batch.
  const parties = new Set<string>();
  const otherActors = new Set<string>();
  for (const p of plan.parties) {
    parties.add(p.id);
    if (!p.principal) otherActors.add(p.id);
  }
  const participants = new Set<string>();
  let participantCount = 0;
  for (const p of plan.participants) {
    participants.add(p.id);
    if (p.role !== 'person') participantCount++;
  }
  // Cancelled interventions do not count; each list keeps the plan's order.
  let interventionCount = 0;
  let otherActorInterventionCount = 0;
  const withoutParty: string[] = [];
  const withoutResponsible: string[] = [];
  const withoutExtent: string[] = [];
  const withoutWhere: string[] = [];
  const withoutHow: string[] = [];
  for (const i of plan.interventions) {
    if (i.status === 'cancelled') continue;
    interventionCount++;
    if (!parties.has(i.party)) withoutParty.push(i.id);
    if ((i.responsible === undefined || !participants.has(i.responsible)) && blank(i.responsibleName)) withoutResponsible.push(i.id);
    if (blank(i.extent)) withoutExtent.push(i.id);
    if (blank(i.where)) withoutWhere.push(i.id);
    if (blank(i.how)) withoutHow.push(i.id);
    if (otherActors.has(i.party)) otherActorInterventionCount++;
  }
  let goalCount = 0;
  for (const g of plan.goals) if (g.status !== 'discontinued') goalCount++;
  let openFollowUpCount = 0;
  const followUpsWithoutResponsible: string[] = [];
  for (const f of plan.followUps) {
    if (f.doneOn === undefined) openFollowUpCount++;
    if (!participants.has(f.responsible)) followUpsWithoutResponsible.push(f.id);
  }
  const missingConsent = state.missing;
  const guardians = state.guardians;
  return {
    planType: plan.type,
    jurisdiction: plan.jurisdiction,
    status: plan.status,
    isChild: plan.person.isChild,
    goalCount,
    needCount: plan.needs.length,
    resourceCount: plan.resources.length,
    interventionCount,
    interventionsWithoutParty: withoutParty,
    interventionsWithoutResponsible: withoutResponsible,
    interventionsWithoutExtent: withoutExtent,
    interventionsWithoutWhere: withoutWhere,
    interventionsWithoutHow: withoutHow,
    otherActorCount: otherActors.size,
    otherActorInterventionCount,
    hasCoordinator: plan.coordinator !== undefined && participants.has(plan.coordinator),
    participantCount,
    followUpCount: plan.followUps.length,
    openFollowUpCount,
    followUpsWithoutResponsible,
    // For a child with guardians taking part only their consent is required, so this is true.
    personConsentValid: !missingConsent.includes('person'),
    guardianCount: guardians.length,
    guardiansWithoutConsent: guardians.filter((g) => missingConsent.includes(`guardian:${g}`)),
    planPeriodSet: plan.planPeriod !== undefined,
    aboutMeSet: !blank(plan.personVoice.whatMattersToMe),
    cooperationSet: !blank(plan.cooperation),
    ownContributionSet: !blank(plan.personVoice.ownContribution),
    readyForDischargeOn: plan.readyForDischargeOn,
    establishedOn: plan.establishedOn,
    settings: settingsFact(pack),
  };
}

/** True for text that is missing or only white space. */
function blank(s: string | undefined): boolean {
  return s === undefined || s.trim() === '';
}

/** The first day any invitation to a SIP meeting was sent. */
function invitationSentOn(plan: Plan): IsoDate | undefined {
  let first: IsoDate | undefined;
  for (const m of plan.meetings) {
    if (m.kind !== 'sip-meeting') continue;
    for (const inv of m.invitations) if (inv.sentOn !== undefined && (first === undefined || inv.sentOn < first)) first = inv.sentOn;
  }
  return first;
}

/** The first day a SIP meeting was held. */
function sipMeetingHeldOn(plan: Plan): IsoDate | undefined {
  let first: IsoDate | undefined;
  for (const m of plan.meetings) {
    if (m.kind === 'sip-meeting' && m.status === 'held' && m.heldOn !== undefined && (first === undefined || m.heldOn < first)) first = m.heldOn;
  }
  return first;
}

/**
 * The days the plan was reviewed, oldest first: the day it was established,
 * then each day a follow-up was done after it. Empty until the plan is established.
 */
function reviewDays(plan: Plan): IsoDate[] {
  const established = plan.establishedOn;
  if (established === undefined) return [];
  const done = new Set<IsoDate>();
  for (const f of plan.followUps) if (f.doneOn !== undefined && f.doneOn > established) done.add(f.doneOn);
  return [established, ...[...done].sort()];
}

/**
 * Deadline facts: the dates deadlines count from (`needIdentifiedOn`,
 * `readyForDischargeOn`, `lastReviewedOn` — the last held follow-up, else
 * the day the plan was established, `previousReviewedOn` — the review day
 * before that), the dates that meet them (`firstContactOn`,
 * `sipMeetingHeldOn` — the first held SIP meeting, `invitationSentOn` — the
 * first invitation sent to a SIP meeting, `establishedOn`, `lastReviewedOn`),
 * `planType`, `status`, `followUpCount` and `settings`.
 */
export function deadlineFacts(plan: Plan, pack: RulePack): Facts {
  const reviews = reviewDays(plan);
  return {
    planType: plan.type,
    jurisdiction: plan.jurisdiction,
    status: plan.status,
    isChild: plan.person.isChild,
    needIdentifiedOn: plan.needIdentifiedOn,
    readyForDischargeOn: plan.readyForDischargeOn,
    firstContactOn: plan.firstContactOn,
    sipMeetingHeldOn: sipMeetingHeldOn(plan),
    invitationSentOn: invitationSentOn(plan),
    establishedOn: plan.establishedOn,
    lastReviewedOn: reviews.at(-1),
    previousReviewedOn: reviews.at(-2),
    followUpCount: plan.followUps.length,
    settings: settingsFact(pack),
  };
}

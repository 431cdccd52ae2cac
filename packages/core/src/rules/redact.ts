/**
 * The copy of a plan a party may see. A module of its own, apart from the
 * consent reading every evaluation needs, so a page that never shows a
 * party's copy (the editor's usual first screen) never downloads it.
 * @module
 */
import type { IsoDate } from '../dates.js';
import { PLAN_SECTIONS, type PlanSection } from '../model/consent.js';
import type { Plan } from '../model/plan.js';
import { ConsentState, checkArgs, partyAccessIn, type RedactedPlan } from './consent.js';

/** What a party's copy never carries: the consent records, the audit trail and approvals. */
const INTERNAL = Object.freeze(['consents', 'audit', 'pendingApproval', 'approvals'] as const);

const ITEM_SECTIONS = ['needs', 'resources', 'goals', 'interventions'] as const;

/**
 * The copy of `plan` that `party` may see on `on` (see {@link RedactedPlan}):
 * without what the person's consent does not cover for that party. When
 * consent does not cover the party at all, every section is withheld.
 * Never widens: the copy only ever has less than the plan.
 * @throws SipValidationError for a malformed plan, party or date.
 */
export function redactForParty(plan: Plan, party: string, options: { on: IsoDate }): RedactedPlan {
  checkArgs(plan, { party }, options?.on);
  const { on } = options;
  const access = partyAccessIn(new ConsentState(plan, on), party);
  const sections = new Set<PlanSection>(access.allowed ? [] : PLAN_SECTIONS);
  const items = new Set<string>();
  const unresolved: string[] = [];
  for (const x of access.exclusions) {
    if (x.section !== undefined) sections.add(x.section);
    for (const id of x.items ?? []) items.add(id);
    if (x.section === undefined && (x.items === undefined || x.items.length === 0)) unresolved.push(x.id);
  }
  const copy = structuredClone(plan) as Plan;
  const keep = <T extends { id: string }>(list: T[]): T[] => list.filter((i) => !items.has(i.id));
  const out: RedactedPlan = {
    ...copy,
    person: sections.has('person') ? { withheld: true, isChild: plan.person.isChild } : copy.person,
    personVoice: sections.has('personVoice') ? {} : copy.personVoice,
    participants: sections.has('participants') ? [] : copy.participants,
    meetings: sections.has('meetings') ? [] : copy.meetings,
    followUps: sections.has('followUps') ? [] : copy.followUps,
    consents: [],
    audit: [],
    pendingApproval: [],
    approvals: [],
    redacted: Object.freeze({
      party,
      on,
      allowed: access.allowed,
      reason: access.reason,
      sections: PLAN_SECTIONS.filter((s) => sections.has(s)),
      items: [...items].sort(),
      unresolvedExclusions: unresolved,
      internal: INTERNAL,
    }),
  };
  for (const s of ITEM_SECTIONS) {
    (out as Record<string, unknown>)[s] = sections.has(s) ? [] : keep(copy[s] as { id: string }[]);
  }
  // Goal evaluations hold the person's view of each goal: they go with the goals.
  out.followUps = out.followUps.map((f) => ({
    ...f,
    evaluations: sections.has('goals') ? [] : f.evaluations.filter((e) => !items.has(e.goal)),
  }));
  // The title often carries the person's name ("SIP för Anna"); the coordinator history names professionals.
  if (sections.has('person')) delete out.title;
  if (sections.has('participants')) out.coordinatorHistory = [];
  // The cooperation assessment is about the measures and who works on them: it goes with the interventions.
  if (sections.has('interventions')) delete out.cooperation;
  if (!access.allowed) {
    delete out.title;
    delete out.closedNote;
    out.parties = [];
    out.coordinatorHistory = [];
  }
  return out;
}

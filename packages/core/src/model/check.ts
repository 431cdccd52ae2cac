/**
 * Checks what a schema cannot see: that ids are unique and that every
 * reference points at something in the same plan. Runs after the shape is
 * known to be right.
 */
import type { SipIssue } from '../errors.js';
import { issue } from './issues.js';
import type { Plan } from './plan.js';
import { PLAN_TYPE_JURISDICTION } from './plan.js';

type Path = (string | number)[];

function idSet(items: readonly { id: string }[], path: Path, issues: SipIssue[]): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) issues.push(issue([...path, i, 'id'], 'duplicate-id', { id: item.id }));
    ids.add(item.id);
  });
  return ids;
}

/** The plan's lists of items with ids, in the order their duplicate ids are reported. */
const LISTS = [
  'participants',
  'parties',
  'needs',
  'resources',
  'goals',
  'interventions',
  'meetings',
  'consents',
  'followUps',
  'coordinatorHistory',
  'pendingApproval',
  'approvals',
  'audit',
] as const;

/** One id set per list of a tuple of list names. */
type SetsOf<T extends readonly unknown[]> = { [K in keyof T]: Set<string> };

/** Returns the plan's reference and consistency issues (empty when none). */
export function checkPlan(plan: Plan): SipIssue[] {
  const issues: SipIssue[] = [];
  // Ids are unique within each top-level list (the first nine are also referred to below).
  const [participants, parties, needs, resources, goals, interventions, meetings, consents, followUps] = LISTS.map((key) =>
    idSet(plan[key], [key], issues),
  ) as unknown as SetsOf<typeof LISTS>; // map keeps the length: one set per list

  const ref = (set: Set<string>, id: string | undefined, path: Path): void => {
    if (id !== undefined && !set.has(id)) issues.push(issue(path, 'reference-unknown', { id }));
  };
  const refList = (set: Set<string>, ids: readonly string[] | undefined, path: Path): void => {
    ids?.forEach((id, i) => ref(set, id, [...path, i]));
  };
  const unique = (ids: readonly string[], path: Path, key: string): void => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push(issue([...path, i, key], 'duplicate', { id }));
      seen.add(id);
    });
  };

  if (plan.type !== 'pcsp' && PLAN_TYPE_JURISDICTION[plan.type] !== plan.jurisdiction) {
    issues.push(issue(['jurisdiction'], 'type-mismatch', { type: plan.type, jurisdiction: plan.jurisdiction }));
  }
  if (plan.status === 'closed' && plan.closedReason === undefined) issues.push(issue(['closedReason'], 'required'));
  if (plan.planPeriod?.to !== undefined && plan.planPeriod.to < plan.planPeriod.from) issues.push(issue(['planPeriod', 'to'], 'date-order'));

  ref(participants, plan.initiator, ['initiator']);
  ref(participants, plan.meetingChair, ['meetingChair']);
  ref(participants, plan.coordinator, ['coordinator']);
  ref(parties, plan.needIdentifiedBy, ['needIdentifiedBy']);
  ref(participants, plan.personVoice.childView?.recordedBy, ['personVoice', 'childView', 'recordedBy']);
  plan.coordinatorHistory.forEach((h, i) => {
    ref(participants, h.from, ['coordinatorHistory', i, 'from']);
    ref(participants, h.to, ['coordinatorHistory', i, 'to']);
  });
  plan.parties.forEach((p, i) => ref(parties, p.partOf, ['parties', i, 'partOf']));
  plan.participants.forEach((p, i) => {
    ref(parties, p.party, ['participants', i, 'party']);
    if (p.role === 'professional' && p.party === undefined) issues.push(issue(['participants', i, 'party'], 'required'));
  });
  plan.needs.forEach((n, i) => ref(parties, n.identifiedBy, ['needs', i, 'identifiedBy']));
  plan.goals.forEach((g, i) => {
    refList(needs, g.needs, ['goals', i, 'needs']);
    ref(goals, g.partOf, ['goals', i, 'partOf']);
    ref(participants, g.expressedByParticipant, ['goals', i, 'expressedByParticipant']);
  });
  plan.interventions.forEach((v, i) => {
    const at: Path = ['interventions', i];
    ref(parties, v.party, [...at, 'party']);
    ref(parties, v.costBearer, [...at, 'costBearer']);
    ref(participants, v.responsible, [...at, 'responsible']);
    refList(goals, v.goals, [...at, 'goals']);
    if (v.startOn !== undefined && v.endOn !== undefined && v.endOn < v.startOn) issues.push(issue([...at, 'endOn'], 'date-order'));
  });
  plan.meetings.forEach((m, i) => {
    const at: Path = ['meetings', i];
    ref(participants, m.organizer, [...at, 'organizer']);
    m.invitations.forEach((inv, j) => ref(participants, inv.participant, [...at, 'invitations', j, 'participant']));
    unique(m.invitations.map((x) => x.participant), [...at, 'invitations'], 'participant');
    m.attendance.forEach((a, j) => ref(participants, a.participant, [...at, 'attendance', j, 'participant']));
    unique(m.attendance.map((x) => x.participant), [...at, 'attendance'], 'participant');
  });
  const items = new Set([...needs, ...resources, ...goals, ...interventions]);
  plan.consents.forEach((c, i) => {
    const at: Path = ['consents', i];
    if (c.givenBy.kind !== 'person') ref(participants, c.givenBy.participant, [...at, 'givenBy', 'participant']);
    ref(participants, c.recordedBy, [...at, 'recordedBy']);
    ref(consents, c.supersedes, [...at, 'supersedes']);
    refList(parties, c.scope.shareWith, [...at, 'scope', 'shareWith']);
    idSet(c.scope.exclusions, [...at, 'scope', 'exclusions'], issues);
    c.scope.exclusions.forEach((x, j) => {
      refList(parties, x.parties, [...at, 'scope', 'exclusions', j, 'parties']);
      refList(items, x.items, [...at, 'scope', 'exclusions', j, 'items']);
    });
    idSet(c.withdrawals, [...at, 'withdrawals'], issues);
    c.withdrawals.forEach((w, j) => {
      refList(parties, w.parties, [...at, 'withdrawals', j, 'parties']);
      ref(participants, w.recordedBy, [...at, 'withdrawals', j, 'recordedBy']);
    });
    c.cannotConsent?.consulted.forEach((p, j) => ref(participants, p.participant, [...at, 'cannotConsent', 'consulted', j, 'participant']));
  });
  plan.followUps.forEach((f, i) => {
    const at: Path = ['followUps', i];
    ref(participants, f.responsible, [...at, 'responsible']);
    ref(meetings, f.meeting, [...at, 'meeting']);
    ref(followUps, f.nextFollowUp, [...at, 'nextFollowUp']);
    f.evaluations.forEach((e, j) => {
      ref(goals, e.goal, [...at, 'evaluations', j, 'goal']);
      ref(participants, e.evaluatedBy, [...at, 'evaluations', j, 'evaluatedBy']);
    });
    unique(f.evaluations.map((e) => e.goal), [...at, 'evaluations'], 'goal');
  });
  plan.approvals.forEach((a, i) => ref(participants, a.by, ['approvals', i, 'by']));
  return issues;
}

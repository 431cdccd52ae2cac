import type { IsoDate } from '../dates.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.js';
import type { Approval, AuditEntry, CoordinatorHandover, PendingChange } from './audit.js';
import type { Consent, ConsentExclusion, ConsentWithdrawal } from './consent.js';
import type { FollowUp } from './follow-up.js';
import type { Goal, Need, Resource } from './goal.js';
import type { Intervention } from './intervention.js';
import type { Meeting } from './meeting.js';
import { parsePlan } from './parse.js';
import type { Participant, Party } from './party.js';
import type { Person } from './person.js';
import { FORMAT_VERSION, PLAN_TYPE_JURISDICTION, type Plan, type PlanType } from './plan.js';

let counter = 0;

/**
 * A new id: a UUID from `crypto.randomUUID()` where available (secure
 * contexts, Node), otherwise a time-and-counter id unique within this page.
 * Both fit the id alphabet. Pass your own generator to the store for
 * deterministic ids in tests.
 */
export function createId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  counter += 1;
  return `id-${Date.now().toString(36)}-${counter.toString(36)}`;
}

/** `T` with an optional `id`: `createPlan` and the store fill missing ids. */
export type WithOptionalId<T extends { id: string }> = Omit<T, 'id'> & { id?: string };

/** A goal as given to `createPlan` or `addGoal`: `id`, `needs` and `status` may be left out. */
export type GoalInput = WithOptionalId<Omit<Goal, 'needs' | 'status'>> & Partial<Pick<Goal, 'needs' | 'status'>>;
/** An intervention as given to `createPlan` or `addIntervention`: `id`, `goals` and `status` may be left out. */
export type InterventionInput = WithOptionalId<Omit<Intervention, 'goals' | 'status'>> & Partial<Pick<Intervention, 'goals' | 'status'>>;
/** A meeting as given to `createPlan` or `planMeeting`: `id`, `status`, `agenda`, `invitations`, `attendance` may be left out. */
export type MeetingInput = WithOptionalId<Omit<Meeting, 'status' | 'agenda' | 'invitations' | 'attendance'>> &
  Partial<Pick<Meeting, 'status' | 'agenda' | 'invitations' | 'attendance'>>;
/** A consent as given to `createPlan` or `recordConsent`. */
export type ConsentInput = WithOptionalId<Omit<Consent, 'withdrawals' | 'scope' | 'recordedAt'>> & {
  scope: Omit<Consent['scope'], 'exclusions' | 'shareWith'> & {
    shareWith?: string[];
    exclusions?: WithOptionalId<ConsentExclusion>[];
  };
  withdrawals?: WithOptionalId<ConsentWithdrawal>[];
  recordedAt?: string;
};
/** A follow-up as given to `createPlan` or `scheduleFollowUp`: `id` and `evaluations` may be left out. */
export type FollowUpInput = WithOptionalId<Omit<FollowUp, 'evaluations'>> & Partial<Pick<FollowUp, 'evaluations'>>;
/** A person as given to `createPlan`: `isChild` defaults to `type === 'se-sip-child'`. */
export type PersonInput = Omit<Person, 'isChild'> & { isChild?: boolean };

/** What `createPlan` needs: the type, the person and the day the need was identified; everything else has defaults. */
export interface PlanInit
  extends Partial<
    Omit<
      Plan,
      | 'type'
      | 'person'
      | 'needIdentifiedOn'
      | 'participants'
      | 'parties'
      | 'needs'
      | 'resources'
      | 'goals'
      | 'interventions'
      | 'meetings'
      | 'consents'
      | 'followUps'
      | 'coordinatorHistory'
      | 'pendingApproval'
      | 'approvals'
      | 'audit'
    >
  > {
  type: PlanType;
  person: PersonInput;
  needIdentifiedOn: IsoDate;
  participants?: WithOptionalId<Participant>[];
  parties?: WithOptionalId<Party>[];
  needs?: WithOptionalId<Need>[];
  resources?: WithOptionalId<Resource>[];
  goals?: GoalInput[];
  interventions?: InterventionInput[];
  meetings?: MeetingInput[];
  consents?: (ConsentInput & { recordedAt: string })[];
  followUps?: FollowUpInput[];
  coordinatorHistory?: CoordinatorHandover[];
  pendingApproval?: PendingChange[];
  approvals?: Approval[];
  audit?: AuditEntry[];
}

/** Default plan language per plan type. */
export const DEFAULT_PLAN_LOCALE: Readonly<Record<PlanType, Locale>> = {
  'se-sip': 'sv',
  'se-sip-child': 'sv',
  'se-sip-discharge': 'sv',
  'se-lss-ip': 'sv',
  'no-ip': 'nb',
  pcsp: 'en',
};

/** Fills a goal's defaults (`needs: []`, `status: 'active'`) and id. */
export function goalWithDefaults(goal: GoalInput, makeId: () => string = createId): Goal {
  return { ...goal, id: goal.id ?? makeId(), needs: goal.needs ?? [], status: goal.status ?? 'active' } as Goal;
}
/** Fills an intervention's defaults (`goals: []`, `status: 'planned'`) and id. */
export function interventionWithDefaults(item: InterventionInput, makeId: () => string = createId): Intervention {
  return { ...item, id: item.id ?? makeId(), goals: item.goals ?? [], status: item.status ?? 'planned' } as Intervention;
}
/** Fills a meeting's defaults (`status: 'planned'`, empty lists) and id. */
export function meetingWithDefaults(item: MeetingInput, makeId: () => string = createId): Meeting {
  return {
    ...item,
    id: item.id ?? makeId(),
    status: item.status ?? 'planned',
    agenda: item.agenda ?? [],
    invitations: item.invitations ?? [],
    attendance: item.attendance ?? [],
  } as Meeting;
}
/** Fills a consent's defaults (empty lists, ids) given the recording instant. */
export function consentWithDefaults(item: ConsentInput, recordedAt: string, makeId: () => string = createId): Consent {
  return {
    ...item,
    id: item.id ?? makeId(),
    recordedAt: item.recordedAt ?? recordedAt,
    scope: {
      ...item.scope,
      shareWith: item.scope?.shareWith ?? [],
      exclusions: (item.scope?.exclusions ?? []).map((x) => ({ ...x, id: x.id ?? makeId() })),
    },
    withdrawals: (item.withdrawals ?? []).map((w) => ({ ...w, id: w.id ?? makeId() })),
  } as Consent;
}
/** Fills a follow-up's defaults (`evaluations: []`) and id. */
export function followUpWithDefaults(item: FollowUpInput, makeId: () => string = createId): FollowUp {
  return { ...item, id: item.id ?? makeId(), evaluations: item.evaluations ?? [] } as FollowUp;
}
/** Fills an id. */
export function withId<T extends { id: string }>(item: WithOptionalId<T>, makeId: () => string = createId): T {
  return { ...item, id: item.id ?? makeId() } as T;
}

/**
 * A new, valid plan from the few things that must be known, with defaults:
 * `formatVersion` 1, `version` 0, `status` `'initiated'`, the jurisdiction and
 * language of the type, empty lists, and ids for anything without one.
 * Throws `SipValidationError` when the result would not be a valid plan.
 */
export function createPlan(init: PlanInit, options: { createId?: () => string } = {}): Plan {
  const makeId = options.createId ?? createId;
  // Read init defensively: it may come from untrusted JSON, and parsePlan below checks everything.
  const i = (typeof init === 'object' && init !== null ? init : {}) as Partial<PlanInit>;
  const type = i.type as PlanType;
  const arr = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
  const draft = {
    ...i,
    formatVersion: FORMAT_VERSION,
    id: i.id ?? makeId(),
    version: i.version ?? 0,
    jurisdiction: i.jurisdiction ?? PLAN_TYPE_JURISDICTION[type] ?? 'SE',
    locale: i.locale ?? DEFAULT_PLAN_LOCALE[type] ?? DEFAULT_LOCALE,
    status: i.status ?? 'initiated',
    person: typeof i.person === 'object' && i.person !== null ? { ...i.person, isChild: i.person.isChild ?? type === 'se-sip-child' } : i.person,
    personVoice: i.personVoice ?? {},
    participants: arr(i.participants).map((x) => withId<Participant>(x, makeId)),
    parties: arr(i.parties).map((x) => withId<Party>(x, makeId)),
    coordinatorHistory: arr(i.coordinatorHistory),
    needs: arr(i.needs).map((x) => withId<Need>(x, makeId)),
    resources: arr(i.resources).map((x) => withId<Resource>(x, makeId)),
    goals: arr(i.goals).map((x) => goalWithDefaults(x, makeId)),
    interventions: arr(i.interventions).map((x) => interventionWithDefaults(x, makeId)),
    meetings: arr(i.meetings).map((x) => meetingWithDefaults(x, makeId)),
    consents: arr(i.consents).map((x) => consentWithDefaults(x, x.recordedAt, makeId)),
    followUps: arr(i.followUps).map((x) => followUpWithDefaults(x, makeId)),
    pendingApproval: arr(i.pendingApproval),
    approvals: arr(i.approvals),
    audit: arr(i.audit),
  };
  return parsePlan(draft);
}

/**
 * The store's commands: serialisable `{ type, ...args }` objects and the pure
 * functions that apply them. Arguments are checked for shape here; the plan a
 * command produces is then validated as a whole by the store, so a command can
 * never leave an invalid plan behind.
 */
import { SipValidationError } from '../errors.js';
import type { IsoDate } from '../dates.js';
import type { Actor, ChangeKind, PendingChange } from '../model/audit.js';
import type { Consent, ConsentWithdrawal } from '../model/consent.js';
import {
  type ConsentInput,
  type FollowUpInput,
  type GoalInput,
  type InterventionInput,
  type MeetingInput,
  type WithOptionalId,
  consentWithDefaults,
  followUpWithDefaults,
  goalWithDefaults,
  interventionWithDefaults,
  meetingWithDefaults,
  withId,
} from '../model/create.js';
import type { FollowUp, GoalEvaluation } from '../model/follow-up.js';
import type { Goal, Need, Resource } from '../model/goal.js';
import type { Intervention } from '../model/intervention.js';
import { issue } from '../model/issues.js';
import type { Attendance, Invitation, Meeting } from '../model/meeting.js';
import type { Participant, Party } from '../model/party.js';
import type { Person, PersonVoice } from '../model/person.js';
import type { ClosedReason, Plan, PlanStatus } from '../model/plan.js';
import { IdSchema, IsoDateSchema } from '../model/primitives.js';
import * as z from '../model/zod.js';
import { ATTENDANCE_MODES, ATTENDANCE_STATUSES, INVITATION_MODES, INVITATION_RESPONSES } from '../model/meeting.js';
import { GOAL_OUTCOMES } from '../model/follow-up.js';
import { PLAN_STATUSES } from '../model/plan.js';

/**
 * Changes to an item: keys present are set, `null` removes an optional field,
 * absent keys are left alone. The `id` cannot be changed.
 */
export type Patch<T> = { [K in Exclude<keyof T, 'id'>]?: T[K] | null };

/** Plan-level fields changed with `updateDetails`. */
export type PlanDetails = Pick<
  Plan,
  'title' | 'needIdentifiedOn' | 'needIdentifiedBy' | 'readyForDischargeOn' | 'firstContactOn' | 'planPeriod' | 'locale' | 'cooperation'
>;
const DETAIL_KEYS = ['title', 'needIdentifiedOn', 'needIdentifiedBy', 'readyForDischargeOn', 'firstContactOn', 'planPeriod', 'locale', 'cooperation'] as const;

/**
 * Allowed lifecycle moves. A closed plan stays closed (start a new plan);
 * `meeting-scheduled` may go back to `initiated` when the meeting is cancelled.
 */
export const PLAN_TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  initiated: ['meeting-scheduled', 'established', 'closed'],
  'meeting-scheduled': ['initiated', 'established', 'closed'],
  established: ['active', 'closed'],
  active: ['closed'],
  closed: [],
};

/** Every command, as the serialisable object `dispatch` takes. Method names on the store are the same as `type`. */
export type PlanCommand =
  | { type: 'updateDetails'; changes: Patch<PlanDetails> }
  | { type: 'updatePerson'; changes: Patch<Person> }
  | { type: 'updatePersonVoice'; changes: Patch<PersonVoice> }
  | { type: 'addParty'; party: WithOptionalId<Party> }
  | { type: 'updateParty'; id: string; changes: Patch<Party> }
  | { type: 'removeParty'; id: string }
  | { type: 'addParticipant'; participant: WithOptionalId<Participant> }
  | { type: 'updateParticipant'; id: string; changes: Patch<Participant> }
  | { type: 'removeParticipant'; id: string }
  | { type: 'addNeed'; need: WithOptionalId<Need> }
  | { type: 'updateNeed'; id: string; changes: Patch<Need> }
  | { type: 'removeNeed'; id: string }
  | { type: 'moveNeed'; id: string; to: number }
  | { type: 'addResource'; resource: WithOptionalId<Resource> }
  | { type: 'updateResource'; id: string; changes: Patch<Resource> }
  | { type: 'removeResource'; id: string }
  | { type: 'moveResource'; id: string; to: number }
  | { type: 'addGoal'; goal: GoalInput }
  | { type: 'updateGoal'; id: string; changes: Patch<Goal> }
  | { type: 'removeGoal'; id: string }
  | { type: 'moveGoal'; id: string; to: number }
  | { type: 'addIntervention'; intervention: InterventionInput }
  | { type: 'updateIntervention'; id: string; changes: Patch<Intervention> }
  | { type: 'removeIntervention'; id: string }
  | { type: 'moveIntervention'; id: string; to: number }
  | { type: 'assignCoordinator'; participant: string; on: IsoDate; reason?: string }
  | { type: 'setMeetingChair'; participant: string | null }
  | { type: 'setInitiator'; participant: string | null }
  | { type: 'planMeeting'; meeting: MeetingInput }
  | { type: 'updateMeeting'; id: string; changes: Patch<Meeting> }
  | { type: 'removeMeeting'; id: string }
  | { type: 'inviteToMeeting'; meeting: string; participant: string; mode: Invitation['mode']; sentOn?: IsoDate }
  | { type: 'recordInvitationResponse'; meeting: string; participant: string; response: Invitation['response']; on?: IsoDate }
  | { type: 'withdrawInvitation'; meeting: string; participant: string }
  | { type: 'recordAttendance'; meeting: string; attendance: Attendance[]; heldOn?: IsoDate }
  | { type: 'recordConsent'; consent: ConsentInput }
  | { type: 'withdrawConsent'; consent: string; on: IsoDate; reason?: string; parties?: string[]; recordedBy?: string }
  | { type: 'scheduleFollowUp'; followUp: FollowUpInput }
  | { type: 'updateFollowUp'; id: string; changes: Patch<FollowUp> }
  | { type: 'removeFollowUp'; id: string }
  | { type: 'completeFollowUp'; id: string; on: IsoDate; note?: string; nextFollowUp?: string }
  | ({ type: 'evaluateGoal'; followUp: string } & GoalEvaluation)
  | { type: 'setStatus'; status: PlanStatus; on?: IsoDate; reason?: ClosedReason; note?: string }
  | { type: 'approveChanges'; by: string; on: IsoDate; how?: string };

/** The `type` of every command. */
export type PlanCommandType = PlanCommand['type'];

/** What a command handler gets besides the plan and its arguments. */
export interface CommandContext {
  actor: Actor;
  /** The instant the command runs at. */
  at: string;
  createId: () => string;
}

/** What a handler returns: the next plan (without the audit entry), a summary, and any new id. */
export interface CommandOutcome {
  plan: Plan;
  summary: string;
  id?: string;
  /** Content changes that need the person's approval once the plan is established. */
  changes?: { section: PendingChange['section']; item?: string; change: ChangeKind }[];
}

type Handler<C> = (plan: Plan, command: C, ctx: CommandContext) => CommandOutcome;
type CommandOf<T extends PlanCommandType> = Extract<PlanCommand, { type: T }>;

const obj = z.record(z.string(), z.unknown());
const optIso = z.optional(IsoDateSchema);
const text = z.optional(z.string());

/** Argument shapes, checked before a handler runs (the resulting plan is checked in full afterwards). */
const ARGS: Record<PlanCommandType, z.SomeType> = {
  updateDetails: z.strictObject({ changes: obj }),
  updatePerson: z.strictObject({ changes: obj }),
  updatePersonVoice: z.strictObject({ changes: obj }),
  addParty: z.strictObject({ party: obj }),
  updateParty: z.strictObject({ id: IdSchema, changes: obj }),
  removeParty: z.strictObject({ id: IdSchema }),
  addParticipant: z.strictObject({ participant: obj }),
  updateParticipant: z.strictObject({ id: IdSchema, changes: obj }),
  removeParticipant: z.strictObject({ id: IdSchema }),
  addNeed: z.strictObject({ need: obj }),
  updateNeed: z.strictObject({ id: IdSchema, changes: obj }),
  removeNeed: z.strictObject({ id: IdSchema }),
  moveNeed: z.strictObject({ id: IdSchema, to: z.int() }),
  addResource: z.strictObject({ resource: obj }),
  updateResource: z.strictObject({ id: IdSchema, changes: obj }),
  removeResource: z.strictObject({ id: IdSchema }),
  moveResource: z.strictObject({ id: IdSchema, to: z.int() }),
  addGoal: z.strictObject({ goal: obj }),
  updateGoal: z.strictObject({ id: IdSchema, changes: obj }),
  removeGoal: z.strictObject({ id: IdSchema }),
  moveGoal: z.strictObject({ id: IdSchema, to: z.int() }),
  addIntervention: z.strictObject({ intervention: obj }),
  updateIntervention: z.strictObject({ id: IdSchema, changes: obj }),
  removeIntervention: z.strictObject({ id: IdSchema }),
  moveIntervention: z.strictObject({ id: IdSchema, to: z.int() }),
  assignCoordinator: z.strictObject({ participant: IdSchema, on: IsoDateSchema, reason: text }),
  setMeetingChair: z.strictObject({ participant: z.nullable(IdSchema) }),
  setInitiator: z.strictObject({ participant: z.nullable(IdSchema) }),
  planMeeting: z.strictObject({ meeting: obj }),
  updateMeeting: z.strictObject({ id: IdSchema, changes: obj }),
  removeMeeting: z.strictObject({ id: IdSchema }),
  inviteToMeeting: z.strictObject({ meeting: IdSchema, participant: IdSchema, mode: z.enum(INVITATION_MODES), sentOn: optIso }),
  withdrawInvitation: z.strictObject({ meeting: IdSchema, participant: IdSchema }),
  recordInvitationResponse: z.strictObject({
    meeting: IdSchema,
    participant: IdSchema,
    response: z.enum(INVITATION_RESPONSES),
    on: optIso,
  }),
  recordAttendance: z.strictObject({
    meeting: IdSchema,
    attendance: z.array(
      z.strictObject({ participant: IdSchema, status: z.enum(ATTENDANCE_STATUSES), how: z.optional(z.enum(ATTENDANCE_MODES)), note: text }),
    ),
    heldOn: optIso,
  }),
  recordConsent: z.strictObject({ consent: z.looseObject({ scope: obj }) }),
  withdrawConsent: z.strictObject({
    consent: IdSchema,
    on: IsoDateSchema,
    reason: text,
    parties: z.optional(z.array(IdSchema)),
    recordedBy: z.optional(IdSchema),
  }),
  scheduleFollowUp: z.strictObject({ followUp: obj }),
  updateFollowUp: z.strictObject({ id: IdSchema, changes: obj }),
  removeFollowUp: z.strictObject({ id: IdSchema }),
  completeFollowUp: z.strictObject({ id: IdSchema, on: IsoDateSchema, note: text, nextFollowUp: z.optional(IdSchema) }),
  evaluateGoal: z.strictObject({
    followUp: IdSchema,
    goal: IdSchema,
    outcome: z.enum(GOAL_OUTCOMES),
    personView: text,
    professionalView: text,
    note: text,
    evaluatedBy: z.optional(IdSchema),
  }),
  setStatus: z.strictObject({ status: z.enum(PLAN_STATUSES), on: optIso, reason: z.optional(z.string()), note: text }),
  approveChanges: z.strictObject({ by: IdSchema, on: IsoDateSchema, how: text }),
};

/** The argument schema for a command type, or undefined for an unknown type. */
export function argsSchema(type: string): z.SomeType | undefined {
  return Object.prototype.hasOwnProperty.call(ARGS, type) ? ARGS[type as PlanCommandType] : undefined;
}

// ---------------------------------------------------------------- helpers

/**
 * The plan's status as its SIP meetings say: `initiated` becomes
 * `meeting-scheduled` once a SIP meeting is planned, and goes back when every
 * SIP meeting is cancelled or removed (a held meeting keeps it). Later
 * statuses are never touched.
 */
function statusForMeetings(plan: Plan): PlanStatus {
  const sip = plan.meetings.filter((m) => m.kind === 'sip-meeting' && m.status !== 'cancelled');
  if (plan.status === 'initiated' && sip.length) return 'meeting-scheduled';
  if (plan.status === 'meeting-scheduled' && !sip.length) return 'initiated';
  return plan.status;
}

/** Wraps a meeting command so the plan's status follows its SIP meetings, in the same undo step. */
function followSipMeeting<C>(handler: (plan: Plan, c: C, ctx: CommandContext) => CommandOutcome): (plan: Plan, c: C, ctx: CommandContext) => CommandOutcome {
  return (plan, c, ctx) => {
    const out = handler(plan, c, ctx);
    const status = statusForMeetings(out.plan);
    return status === out.plan.status ? out : { ...out, plan: { ...out.plan, status }, summary: `${out.summary}; status ${out.plan.status} -> ${status}` };
  };
}

type Collection = 'parties' | 'participants' | 'needs' | 'resources' | 'goals' | 'interventions' | 'meetings' | 'followUps' | 'consents';
type Item<K extends Collection> = Plan[K][number];

function notFound(path: (string | number)[], id: string): never {
  throw new SipValidationError([issue(path, 'not-found', { id })]);
}

function indexOf<K extends Collection>(plan: Plan, key: K, id: string, path: (string | number)[] = ['id']): number {
  const i = (plan[key] as readonly { id: string }[]).findIndex((x) => x.id === id);
  if (i < 0) notFound(path, id);
  return i;
}

/** Applies a {@link Patch}: `null` deletes a key, other values set it; `id` cannot change. */
export function applyPatch<T extends object>(item: T, changes: Readonly<Record<string, unknown>>): T {
  const next: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'id') throw new SipValidationError([issue(['changes', 'id'], 'invalid-value')]);
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as T;
}

function setAt<T>(list: readonly T[], i: number, item: T): T[] {
  const next = list.slice();
  next[i] = item;
  return next;
}

function moveTo<T>(list: readonly T[], from: number, to: number): T[] {
  const next = list.slice();
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item as T);
  return next;
}

type Section = PendingChange['section'];

function add<K extends Collection>(key: K, section: Section | undefined, make: (input: Record<string, unknown>, ctx: CommandContext) => Item<K>, argName: string): Handler<Record<string, unknown>> {
  return (plan, command, ctx) => {
    const item = make(command[argName] as Record<string, unknown>, ctx);
    const id = (item as { id: string }).id;
    return {
      plan: { ...plan, [key]: [...plan[key], item] },
      summary: `${String(command['type'])} ${id}`,
      id,
      ...(section ? { changes: [{ section, item: id, change: 'added' as const }] } : {}),
    };
  };
}

function update<K extends Collection>(key: K, section?: Section): Handler<{ type: string; id: string; changes: Record<string, unknown> }> {
  return (plan, command) => {
    const i = indexOf(plan, key, command.id);
    const list = plan[key] as readonly Item<K>[];
    const item = applyPatch(list[i] as Item<K>, command.changes);
    return {
      plan: { ...plan, [key]: setAt(list, i, item) },
      summary: `${command.type} ${command.id}`,
      ...(section ? { changes: [{ section, item: command.id, change: 'changed' as const }] } : {}),
    };
  };
}

function remove<K extends Collection>(key: K, section?: Section, unlink?: (plan: Plan, id: string) => Plan): Handler<{ type: string; id: string }> {
  return (plan, command) => {
    const i = indexOf(plan, key, command.id);
    const list = (plan[key] as readonly Item<K>[]).filter((_, j) => j !== i);
    const next = { ...plan, [key]: list } as Plan;
    return {
      plan: unlink ? unlink(next, command.id) : next,
      summary: `${command.type} ${command.id}`,
      ...(section ? { changes: [{ section, item: command.id, change: 'removed' as const }] } : {}),
    };
  };
}

function move<K extends Collection>(key: K, section?: Section): Handler<{ type: string; id: string; to: number }> {
  return (plan, command) => {
    const i = indexOf(plan, key, command.id);
    return {
      plan: { ...plan, [key]: moveTo(plan[key] as readonly Item<K>[], i, command.to) },
      summary: `${command.type} ${command.id} to ${command.to}`,
      ...(section ? { changes: [{ section, item: command.id, change: 'moved' as const }] } : {}),
    };
  };
}

function meetingIndex(plan: Plan, id: string): number {
  return indexOf(plan, 'meetings', id, ['meeting']);
}

function upsertBy<T>(list: readonly T[], match: (x: T) => boolean, make: (old: T | undefined) => T): T[] {
  const i = list.findIndex(match);
  return i < 0 ? [...list, make(undefined)] : setAt(list, i, make(list[i]));
}

// ---------------------------------------------------------------- handlers

const HANDLERS: { [T in PlanCommandType]: Handler<CommandOf<T>> } = {
  updateDetails: (plan, c) => {
    for (const key of Object.keys(c.changes)) {
      if (!(DETAIL_KEYS as readonly string[]).includes(key)) throw new SipValidationError([issue(['changes', key], 'unknown-key', { key })]);
    }
    return { plan: applyPatch(plan, c.changes), summary: `updateDetails ${Object.keys(c.changes).join(', ')}` };
  },
  updatePerson: (plan, c) => ({ plan: { ...plan, person: applyPatch(plan.person, c.changes) }, summary: 'updatePerson' }),
  updatePersonVoice: (plan, c) => ({
    plan: { ...plan, personVoice: applyPatch(plan.personVoice, c.changes) },
    summary: 'updatePersonVoice',
    changes: [{ section: 'personVoice', change: 'changed' }],
  }),
  addParty: add('parties', undefined, (x, ctx) => withId<Party>(x as WithOptionalId<Party>, ctx.createId), 'party'),
  updateParty: update('parties'),
  removeParty: remove('parties'),
  addParticipant: add('participants', undefined, (x, ctx) => withId<Participant>(x as WithOptionalId<Participant>, ctx.createId), 'participant'),
  updateParticipant: update('participants'),
  removeParticipant: remove('participants'),
  addNeed: add('needs', 'needs', (x, ctx) => withId<Need>(x as WithOptionalId<Need>, ctx.createId), 'need'),
  updateNeed: update('needs', 'needs'),
  removeNeed: remove('needs', 'needs', (plan, id) => ({
    ...plan,
    goals: plan.goals.map((g) => (g.needs.includes(id) ? { ...g, needs: g.needs.filter((n) => n !== id) } : g)),
  })),
  moveNeed: move('needs', 'needs'),
  addResource: add('resources', 'resources', (x, ctx) => withId<Resource>(x as WithOptionalId<Resource>, ctx.createId), 'resource'),
  updateResource: update('resources', 'resources'),
  removeResource: remove('resources', 'resources'),
  moveResource: move('resources', 'resources'),
  addGoal: add('goals', 'goals', (x, ctx) => goalWithDefaults(x as GoalInput, ctx.createId), 'goal'),
  updateGoal: update('goals', 'goals'),
  // Unlinks the goal from interventions and sub-goals; a goal with evaluations is
  // history and cannot be removed (the evaluation would point nowhere) — set its status instead.
  removeGoal: remove('goals', 'goals', (plan, id) => ({
    ...plan,
    goals: plan.goals.map((g) => (g.partOf === id ? applyPatch(g, { partOf: null }) : g)),
    interventions: plan.interventions.map((v) => (v.goals.includes(id) ? { ...v, goals: v.goals.filter((g) => g !== id) } : v)),
  })),
  moveGoal: move('goals', 'goals'),
  addIntervention: add('interventions', 'interventions', (x, ctx) => interventionWithDefaults(x as InterventionInput, ctx.createId), 'intervention'),
  updateIntervention: update('interventions', 'interventions'),
  removeIntervention: remove('interventions', 'interventions'),
  moveIntervention: move('interventions', 'interventions'),
  assignCoordinator: (plan, c, ctx) => {
    const handover = {
      id: ctx.createId(),
      ...(plan.coordinator !== undefined ? { from: plan.coordinator } : {}),
      to: c.participant,
      on: c.on,
      ...(c.reason !== undefined ? { reason: c.reason } : {}),
      recordedAt: ctx.at,
    };
    return {
      plan: { ...plan, coordinator: c.participant, coordinatorHistory: [...plan.coordinatorHistory, handover] },
      summary: `assignCoordinator ${plan.coordinator ?? '-'} -> ${c.participant}`,
    };
  },
  setMeetingChair: (plan, c) => ({ plan: applyPatch(plan, { meetingChair: c.participant }), summary: `setMeetingChair ${c.participant ?? '-'}` }),
  setInitiator: (plan, c) => ({ plan: applyPatch(plan, { initiator: c.participant }), summary: `setInitiator ${c.participant ?? '-'}` }),
  planMeeting: followSipMeeting(add('meetings', undefined, (x, ctx) => meetingWithDefaults(x as MeetingInput, ctx.createId), 'meeting')),
  updateMeeting: followSipMeeting(update('meetings')),
  removeMeeting: followSipMeeting(remove('meetings')),
  inviteToMeeting: (plan, c) => {
    const i = meetingIndex(plan, c.meeting);
    const m = plan.meetings[i] as Meeting;
    const invitations = upsertBy(
      m.invitations,
      (x) => x.participant === c.participant,
      (old): Invitation => ({
        ...(old ?? { response: 'pending' as const }),
        participant: c.participant,
        mode: c.mode,
        ...(c.sentOn !== undefined ? { sentOn: c.sentOn } : {}),
      }),
    );
    return { plan: { ...plan, meetings: setAt(plan.meetings, i, { ...m, invitations }) }, summary: `inviteToMeeting ${c.meeting} ${c.participant} ${c.mode}` };
  },
  recordInvitationResponse: (plan, c) => {
    const i = meetingIndex(plan, c.meeting);
    const m = plan.meetings[i] as Meeting;
    const j = m.invitations.findIndex((x) => x.participant === c.participant);
    if (j < 0) notFound(['participant'], c.participant);
    const invitation: Invitation = { ...(m.invitations[j] as Invitation), response: c.response, ...(c.on !== undefined ? { respondedOn: c.on } : {}) };
    return {
      plan: { ...plan, meetings: setAt(plan.meetings, i, { ...m, invitations: setAt(m.invitations, j, invitation) }) },
      summary: `recordInvitationResponse ${c.meeting} ${c.participant} ${c.response}`,
    };
  },
  withdrawInvitation: (plan, c) => {
    const i = meetingIndex(plan, c.meeting);
    const m = plan.meetings[i] as Meeting;
    const j = m.invitations.findIndex((x) => x.participant === c.participant);
    if (j < 0) notFound(['participant'], c.participant);
    // Who was called and did not come is what the plan must show afterwards:
    // once a meeting is held or cancelled, or attendance is recorded, its invitations are a record.
    if (m.status !== 'planned' || m.attendance.some((a) => a.participant === c.participant)) {
      throw new SipValidationError([issue(['meeting'], 'invitation-locked', { status: m.status })]);
    }
    return {
      plan: { ...plan, meetings: setAt(plan.meetings, i, { ...m, invitations: m.invitations.filter((_, k) => k !== j) }) },
      summary: `withdrawInvitation ${c.meeting} ${c.participant}`,
    };
  },
  recordAttendance: (plan, c) => {
    const i = meetingIndex(plan, c.meeting);
    const m = plan.meetings[i] as Meeting;
    let attendance = m.attendance;
    for (const entry of c.attendance) attendance = upsertBy(attendance, (x) => x.participant === entry.participant, () => entry);
    const next: Meeting = { ...m, attendance, status: 'held', ...(c.heldOn !== undefined ? { heldOn: c.heldOn } : {}) };
    return { plan: { ...plan, meetings: setAt(plan.meetings, i, next) }, summary: `recordAttendance ${c.meeting} (${c.attendance.length})` };
  },
  recordConsent: (plan, c, ctx) => {
    const consent: Consent = consentWithDefaults(c.consent, ctx.at, ctx.createId);
    return { plan: { ...plan, consents: [...plan.consents, consent] }, summary: `recordConsent ${consent.id} ${consent.decision}`, id: consent.id };
  },
  withdrawConsent: (plan, c, ctx) => {
    const i = indexOf(plan, 'consents', c.consent, ['consent']);
    const consent = plan.consents[i] as Consent;
    const withdrawal: ConsentWithdrawal = {
      id: ctx.createId(),
      on: c.on,
      ...(c.reason !== undefined ? { reason: c.reason } : {}),
      ...(c.parties !== undefined ? { parties: c.parties } : {}),
      ...(c.recordedBy !== undefined ? { recordedBy: c.recordedBy } : {}),
      recordedAt: ctx.at,
    };
    return {
      plan: { ...plan, consents: setAt(plan.consents, i, { ...consent, withdrawals: [...consent.withdrawals, withdrawal] }) },
      summary: `withdrawConsent ${c.consent}${c.parties ? ` for ${c.parties.join(', ')}` : ''}`,
      id: withdrawal.id,
    };
  },
  scheduleFollowUp: add('followUps', undefined, (x, ctx) => followUpWithDefaults(x as FollowUpInput, ctx.createId), 'followUp'),
  updateFollowUp: update('followUps'),
  removeFollowUp: remove('followUps', undefined, (plan, id) => ({
    ...plan,
    followUps: plan.followUps.map((f) => (f.nextFollowUp === id ? applyPatch(f, { nextFollowUp: null }) : f)),
  })),
  completeFollowUp: (plan, c) => {
    const i = indexOf(plan, 'followUps', c.id);
    const f = applyPatch(plan.followUps[i] as FollowUp, { doneOn: c.on, note: c.note, nextFollowUp: c.nextFollowUp });
    return { plan: { ...plan, followUps: setAt(plan.followUps, i, f) }, summary: `completeFollowUp ${c.id}` };
  },
  evaluateGoal: (plan, c) => {
    const i = indexOf(plan, 'followUps', c.followUp, ['followUp']);
    const f = plan.followUps[i] as FollowUp;
    const { type: _type, followUp: _followUp, ...evaluation } = c;
    const evaluations = upsertBy(f.evaluations, (e) => e.goal === c.goal, () => evaluation);
    return { plan: { ...plan, followUps: setAt(plan.followUps, i, { ...f, evaluations }) }, summary: `evaluateGoal ${c.followUp} ${c.goal} ${c.outcome}` };
  },
  setStatus: (plan, c) => {
    if (!PLAN_TRANSITIONS[plan.status].includes(c.status)) {
      throw new SipValidationError([issue(['status'], 'transition-not-allowed', { from: plan.status, to: c.status })]);
    }
    let next: Plan = { ...plan, status: c.status };
    if (c.status === 'established') {
      if (c.on === undefined) throw new SipValidationError([issue(['on'], 'required')]);
      next = { ...next, establishedOn: c.on };
    }
    if (c.status === 'closed') {
      if (c.reason === undefined) throw new SipValidationError([issue(['reason'], 'required')]);
      next = applyPatch(next, { closedReason: c.reason, closedOn: c.on, closedNote: c.note });
    }
    return { plan: next, summary: `setStatus ${plan.status} -> ${c.status}` };
  },
  approveChanges: (plan, c, ctx) => {
    const approval = {
      id: ctx.createId(),
      by: c.by,
      on: c.on,
      at: ctx.at,
      ...(c.how !== undefined ? { how: c.how } : {}),
      changes: plan.pendingApproval.length,
    };
    return {
      plan: { ...plan, pendingApproval: [], approvals: [...plan.approvals, approval] },
      summary: `approveChanges ${approval.changes} by ${c.by}`,
      id: approval.id,
    };
  },
};

/** Applies a command whose arguments have been checked. Throws `SipValidationError` when it cannot apply. */
export function applyCommand(plan: Plan, command: PlanCommand, ctx: CommandContext): CommandOutcome {
  const handler = HANDLERS[command.type] as Handler<PlanCommand>;
  return handler(plan, command, ctx);
}

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

/** The argument schema for a command type, or undefined for an unknown type. */
export function argsSchema(type: string): z.SomeType | undefined {
  return Object.hasOwn(COMMANDS, type) ? COMMANDS[type as PlanCommandType][0] : undefined;
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

/** Throws the `SipValidationError` of one issue. @internal */
export function refuse(path: (string | number)[], code: Parameters<typeof issue>[1], params?: Record<string, string | number>): never {
  throw new SipValidationError([issue(path, code, params)]);
}

/** `{ [key]: value }`, or `{}` when `value` is undefined: spread it to set an optional field only when there is a value. @internal */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function indexOf<K extends Collection>(plan: Plan, key: K, id: string, path: (string | number)[] = ['id']): number {
  const i = (plan[key] as readonly { id: string }[]).findIndex((x) => x.id === id);
  if (i < 0) refuse(path, 'not-found', { id });
  return i;
}

/** Applies a {@link Patch}: `null` deletes a key, other values set it; `id` cannot change. */
export function applyPatch<T extends object>(item: T, changes: Readonly<Record<string, unknown>>): T {
  const next: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'id') refuse(['changes', 'id'], 'invalid-value');
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

/** The outcome's `changes` for an item of `section` (none when the section needs no approval). */
function approval(section: Section | undefined, item: string, change: ChangeKind): Pick<CommandOutcome, 'changes'> {
  return section ? { changes: [{ section, item, change }] } : {};
}

function add<K extends Collection>(
  key: K,
  section: Section | undefined,
  make: (input: never, createId: () => string) => Item<K>,
  argName: string,
): Handler<Record<string, unknown>> {
  return (plan, command, ctx) => {
    const item = make(command[argName] as never, ctx.createId);
    const id = (item as { id: string }).id;
    return {
      plan: { ...plan, [key]: [...plan[key], item] },
      summary: `${String(command['type'])} ${id}`,
      id,
      ...approval(section, id, 'added'),
    };
  };
}

/**
 * A command on the item `id` of a list: `edit` makes the new list from the old
 * one and the item's index, then `unlink` fixes what referred to the item.
 * The summary is the command type and id (and, for a move, where to).
 */
function onItem<K extends Collection, C extends { type: string; id: string; to?: number }>(
  key: K,
  section: Section | undefined,
  change: ChangeKind,
  edit: (list: readonly Item<K>[], i: number, command: C) => Item<K>[],
  unlink?: (plan: Plan, id: string) => Plan,
): Handler<C> {
  return (plan, command) => {
    const i = indexOf(plan, key, command.id);
    const next = { ...plan, [key]: edit(plan[key] as readonly Item<K>[], i, command) } as Plan;
    return {
      plan: unlink ? unlink(next, command.id) : next,
      summary: `${command.type} ${command.id}${command.to === undefined ? '' : ` to ${command.to}`}`,
      ...approval(section, command.id, change),
    };
  };
}

function update<K extends Collection>(key: K, section?: Section): Handler<{ type: string; id: string; changes: Record<string, unknown> }> {
  return onItem(key, section, 'changed', (list, i, c: { type: string; id: string; changes: Record<string, unknown> }) =>
    setAt(list, i, applyPatch(list[i] as Item<K>, c.changes)),
  );
}

function remove<K extends Collection>(key: K, section?: Section, unlink?: (plan: Plan, id: string) => Plan): Handler<{ type: string; id: string }> {
  return onItem(key, section, 'removed', (list, i) => list.filter((_, j) => j !== i), unlink);
}

function move<K extends Collection>(key: K, section?: Section): Handler<{ type: string; id: string; to: number }> {
  return onItem(key, section, 'moved', (list, i, c: { type: string; id: string; to: number }) => moveTo(list, i, c.to));
}

/** The plan with item `id` of `key` replaced by `edit(item)`; a missing id is reported at `[path]`. */
function editItem<K extends Collection>(plan: Plan, key: K, id: string, path: string, edit: (item: Item<K>) => Item<K>): Plan {
  const list = plan[key] as readonly Item<K>[];
  const i = indexOf(plan, key, id, [path]);
  return { ...plan, [key]: setAt(list, i, edit(list[i] as Item<K>)) };
}

/** The index of `participant`'s invitation to `meeting` (`not-found` when there is none). */
function invitationIndex(meeting: Meeting, participant: string): number {
  const j = meeting.invitations.findIndex((x) => x.participant === participant);
  if (j < 0) refuse(['participant'], 'not-found', { id: participant });
  return j;
}

function upsertBy<T>(list: readonly T[], match: (x: T) => boolean, make: (old: T | undefined) => T): T[] {
  const i = list.findIndex(match);
  return i < 0 ? [...list, make(undefined)] : setAt(list, i, make(list[i]));
}

// ---------------------------------------------------------------- commands

/**
 * Every command: the shape of its arguments, checked before the handler runs
 * (the plan the handler makes is then checked in full), and its handler.
 */
const COMMANDS: { [T in PlanCommandType]: [args: z.SomeType, handler: Handler<CommandOf<T>>] } = {
  updateDetails: [
    z.strictObject({ changes: obj }),
    (plan, c) => {
      for (const key of Object.keys(c.changes)) {
        if (!(DETAIL_KEYS as readonly string[]).includes(key)) refuse(['changes', key], 'unknown-key', { key });
      }
      return { plan: applyPatch(plan, c.changes), summary: `updateDetails ${Object.keys(c.changes).join(', ')}` };
    },
  ],
  updatePerson: [z.strictObject({ changes: obj }), (plan, c) => ({ plan: { ...plan, person: applyPatch(plan.person, c.changes) }, summary: 'updatePerson' })],
  updatePersonVoice: [
    z.strictObject({ changes: obj }),
    (plan, c) => ({
      plan: { ...plan, personVoice: applyPatch(plan.personVoice, c.changes) },
      summary: 'updatePersonVoice',
      changes: [{ section: 'personVoice', change: 'changed' }],
    }),
  ],
  addParty: [z.strictObject({ party: obj }), add('parties', undefined, withId, 'party')],
  updateParty: [z.strictObject({ id: IdSchema, changes: obj }), update('parties')],
  removeParty: [z.strictObject({ id: IdSchema }), remove('parties')],
  addParticipant: [z.strictObject({ participant: obj }), add('participants', undefined, withId, 'participant')],
  updateParticipant: [z.strictObject({ id: IdSchema, changes: obj }), update('participants')],
  removeParticipant: [z.strictObject({ id: IdSchema }), remove('participants')],
  addNeed: [z.strictObject({ need: obj }), add('needs', 'needs', withId, 'need')],
  updateNeed: [z.strictObject({ id: IdSchema, changes: obj }), update('needs', 'needs')],
  removeNeed: [
    z.strictObject({ id: IdSchema }),
    remove('needs', 'needs', (plan, id) => ({
      ...plan,
      goals: plan.goals.map((g) => (g.needs.includes(id) ? { ...g, needs: g.needs.filter((n) => n !== id) } : g)),
    })),
  ],
  moveNeed: [z.strictObject({ id: IdSchema, to: z.int() }), move('needs', 'needs')],
  addResource: [z.strictObject({ resource: obj }), add('resources', 'resources', withId, 'resource')],
  updateResource: [z.strictObject({ id: IdSchema, changes: obj }), update('resources', 'resources')],
  removeResource: [z.strictObject({ id: IdSchema }), remove('resources', 'resources')],
  moveResource: [z.strictObject({ id: IdSchema, to: z.int() }), move('resources', 'resources')],
  addGoal: [z.strictObject({ goal: obj }), add('goals', 'goals', goalWithDefaults, 'goal')],
  updateGoal: [z.strictObject({ id: IdSchema, changes: obj }), update('goals', 'goals')],
  // Unlinks the goal from interventions and sub-goals; a goal with evaluations is
  // history and cannot be removed (the evaluation would point nowhere) — set its status instead.
  removeGoal: [
    z.strictObject({ id: IdSchema }),
    remove('goals', 'goals', (plan, id) => ({
      ...plan,
      goals: plan.goals.map((g) => (g.partOf === id ? applyPatch(g, { partOf: null }) : g)),
      interventions: plan.interventions.map((v) => (v.goals.includes(id) ? { ...v, goals: v.goals.filter((g) => g !== id) } : v)),
    })),
  ],
  moveGoal: [z.strictObject({ id: IdSchema, to: z.int() }), move('goals', 'goals')],
  addIntervention: [z.strictObject({ intervention: obj }), add('interventions', 'interventions', interventionWithDefaults, 'intervention')],
  updateIntervention: [z.strictObject({ id: IdSchema, changes: obj }), update('interventions', 'interventions')],
  removeIntervention: [z.strictObject({ id: IdSchema }), remove('interventions', 'interventions')],
  moveIntervention: [z.strictObject({ id: IdSchema, to: z.int() }), move('interventions', 'interventions')],
  assignCoordinator: [
    z.strictObject({ participant: IdSchema, on: IsoDateSchema, reason: text }),
    (plan, c, ctx) => {
      const handover = { id: ctx.createId(), ...opt('from', plan.coordinator), to: c.participant, on: c.on, ...opt('reason', c.reason), recordedAt: ctx.at };
      return {
        plan: { ...plan, coordinator: c.participant, coordinatorHistory: [...plan.coordinatorHistory, handover] },
        summary: `assignCoordinator ${plan.coordinator ?? '-'} -> ${c.participant}`,
      };
    },
  ],
  setMeetingChair: [
    z.strictObject({ participant: z.nullable(IdSchema) }),
    (plan, c) => ({ plan: applyPatch(plan, { meetingChair: c.participant }), summary: `setMeetingChair ${c.participant ?? '-'}` }),
  ],
  setInitiator: [
    z.strictObject({ participant: z.nullable(IdSchema) }),
    (plan, c) => ({ plan: applyPatch(plan, { initiator: c.participant }), summary: `setInitiator ${c.participant ?? '-'}` }),
  ],
  planMeeting: [z.strictObject({ meeting: obj }), followSipMeeting(add('meetings', undefined, meetingWithDefaults, 'meeting'))],
  updateMeeting: [z.strictObject({ id: IdSchema, changes: obj }), followSipMeeting(update('meetings'))],
  removeMeeting: [z.strictObject({ id: IdSchema }), followSipMeeting(remove('meetings'))],
  inviteToMeeting: [
    z.strictObject({ meeting: IdSchema, participant: IdSchema, mode: z.enum(INVITATION_MODES), sentOn: optIso }),
    (plan, c) => ({
      plan: editItem(plan, 'meetings', c.meeting, 'meeting', (m) => ({
        ...m,
        invitations: upsertBy(
          m.invitations,
          (x) => x.participant === c.participant,
          (old): Invitation => ({ ...(old ?? { response: 'pending' as const }), participant: c.participant, mode: c.mode, ...opt('sentOn', c.sentOn) }),
        ),
      })),
      summary: `inviteToMeeting ${c.meeting} ${c.participant} ${c.mode}`,
    }),
  ],
  recordInvitationResponse: [
    z.strictObject({
      meeting: IdSchema,
      participant: IdSchema,
      response: z.enum(INVITATION_RESPONSES),
      on: optIso,
    }),
    (plan, c) => ({
      plan: editItem(plan, 'meetings', c.meeting, 'meeting', (m) => {
        const j = invitationIndex(m, c.participant);
        return { ...m, invitations: setAt(m.invitations, j, { ...(m.invitations[j] as Invitation), response: c.response, ...opt('respondedOn', c.on) }) };
      }),
      summary: `recordInvitationResponse ${c.meeting} ${c.participant} ${c.response}`,
    }),
  ],
  // Who was called and did not come is what the plan must show afterwards:
  // once a meeting is held or cancelled, or attendance is recorded, its invitations are a record.
  withdrawInvitation: [
    z.strictObject({ meeting: IdSchema, participant: IdSchema }),
    (plan, c) => ({
      plan: editItem(plan, 'meetings', c.meeting, 'meeting', (m) => {
        const j = invitationIndex(m, c.participant);
        if (m.status !== 'planned' || m.attendance.some((a) => a.participant === c.participant)) refuse(['meeting'], 'invitation-locked', { status: m.status });
        return { ...m, invitations: m.invitations.filter((_, k) => k !== j) };
      }),
      summary: `withdrawInvitation ${c.meeting} ${c.participant}`,
    }),
  ],
  recordAttendance: [
    z.strictObject({
      meeting: IdSchema,
      attendance: z.array(
        z.strictObject({ participant: IdSchema, status: z.enum(ATTENDANCE_STATUSES), how: z.optional(z.enum(ATTENDANCE_MODES)), note: text }),
      ),
      heldOn: optIso,
    }),
    (plan, c) => ({
      plan: editItem(plan, 'meetings', c.meeting, 'meeting', (m) => {
        let attendance = m.attendance;
        for (const entry of c.attendance)
          attendance = upsertBy(
            attendance,
            (x) => x.participant === entry.participant,
            () => entry,
          );
        return { ...m, attendance, status: 'held', ...opt('heldOn', c.heldOn) };
      }),
      summary: `recordAttendance ${c.meeting} (${c.attendance.length})`,
    }),
  ],
  recordConsent: [
    z.strictObject({ consent: z.looseObject({ scope: obj }) }),
    (plan, c, ctx) => {
      const consent: Consent = consentWithDefaults(c.consent, ctx.at, ctx.createId);
      return { plan: { ...plan, consents: [...plan.consents, consent] }, summary: `recordConsent ${consent.id} ${consent.decision}`, id: consent.id };
    },
  ],
  withdrawConsent: [
    z.strictObject({
      consent: IdSchema,
      on: IsoDateSchema,
      reason: text,
      parties: z.optional(z.array(IdSchema)),
      recordedBy: z.optional(IdSchema),
    }),
    (plan, c, ctx) => {
      const i = indexOf(plan, 'consents', c.consent, ['consent']);
      const consent = plan.consents[i] as Consent;
      const withdrawal: ConsentWithdrawal = {
        id: ctx.createId(),
        on: c.on,
        ...opt('reason', c.reason),
        ...opt('parties', c.parties),
        ...opt('recordedBy', c.recordedBy),
        recordedAt: ctx.at,
      };
      return {
        plan: { ...plan, consents: setAt(plan.consents, i, { ...consent, withdrawals: [...consent.withdrawals, withdrawal] }) },
        summary: `withdrawConsent ${c.consent}${c.parties ? ` for ${c.parties.join(', ')}` : ''}`,
        id: withdrawal.id,
      };
    },
  ],
  scheduleFollowUp: [z.strictObject({ followUp: obj }), add('followUps', undefined, followUpWithDefaults, 'followUp')],
  updateFollowUp: [z.strictObject({ id: IdSchema, changes: obj }), update('followUps')],
  removeFollowUp: [
    z.strictObject({ id: IdSchema }),
    remove('followUps', undefined, (plan, id) => ({
      ...plan,
      followUps: plan.followUps.map((f) => (f.nextFollowUp === id ? applyPatch(f, { nextFollowUp: null }) : f)),
    })),
  ],
  completeFollowUp: [
    z.strictObject({ id: IdSchema, on: IsoDateSchema, note: text, nextFollowUp: z.optional(IdSchema) }),
    (plan, c) => ({
      plan: editItem(plan, 'followUps', c.id, 'id', (f) => applyPatch(f, { doneOn: c.on, note: c.note, nextFollowUp: c.nextFollowUp })),
      summary: `completeFollowUp ${c.id}`,
    }),
  ],
  evaluateGoal: [
    z.strictObject({
      followUp: IdSchema,
      goal: IdSchema,
      outcome: z.enum(GOAL_OUTCOMES),
      personView: text,
      professionalView: text,
      note: text,
      evaluatedBy: z.optional(IdSchema),
    }),
    (plan, c) => {
      const { type: _type, followUp: _followUp, ...evaluation } = c;
      return {
        plan: editItem(plan, 'followUps', c.followUp, 'followUp', (f) => ({
          ...f,
          evaluations: upsertBy(
            f.evaluations,
            (e) => e.goal === c.goal,
            () => evaluation,
          ),
        })),
        summary: `evaluateGoal ${c.followUp} ${c.goal} ${c.outcome}`,
      };
    },
  ],
  setStatus: [
    z.strictObject({ status: z.enum(PLAN_STATUSES), on: optIso, reason: z.optional(z.string()), note: text }),
    (plan, c) => {
      if (!PLAN_TRANSITIONS[plan.status].includes(c.status)) refuse(['status'], 'transition-not-allowed', { from: plan.status, to: c.status });
      let next: Plan = { ...plan, status: c.status };
      if (c.status === 'established') {
        if (c.on === undefined) refuse(['on'], 'required');
        next = { ...next, establishedOn: c.on };
      }
      if (c.status === 'closed') {
        if (c.reason === undefined) refuse(['reason'], 'required');
        next = applyPatch(next, { closedReason: c.reason, closedOn: c.on, closedNote: c.note });
      }
      return { plan: next, summary: `setStatus ${plan.status} -> ${c.status}` };
    },
  ],
  approveChanges: [
    z.strictObject({ by: IdSchema, on: IsoDateSchema, how: text }),
    (plan, c, ctx) => {
      const approval = { id: ctx.createId(), by: c.by, on: c.on, at: ctx.at, ...opt('how', c.how), changes: plan.pendingApproval.length };
      return {
        plan: { ...plan, pendingApproval: [], approvals: [...plan.approvals, approval] },
        summary: `approveChanges ${approval.changes} by ${c.by}`,
        id: approval.id,
      };
    },
  ],
};

/** Applies a command whose arguments have been checked. Throws `SipValidationError` when it cannot apply. */
export function applyCommand(plan: Plan, command: PlanCommand, ctx: CommandContext): CommandOutcome {
  const handler = COMMANDS[command.type][1] as Handler<PlanCommand>;
  return handler(plan, command, ctx);
}

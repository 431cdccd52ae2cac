import { SipValidationError, type SipIssue } from '../errors.js';
import type { IsoDate } from '../dates.js';
import { type Actor, ActorSchema, ApprovalSchema, AuditEntrySchema, CoordinatorHandoverSchema, PendingChangeSchema } from '../model/audit.js';
import { checkPlan } from '../model/check.js';
import { type Consent, ConsentSchema } from '../model/consent.js';
import { type ConsentInput, type FollowUpInput, type GoalInput, type InterventionInput, type MeetingInput, type WithOptionalId, createId } from '../model/create.js';
import { type FollowUp, FollowUpSchema, type GoalEvaluation } from '../model/follow-up.js';
import { type Goal, GoalSchema, type Need, NeedSchema, type Resource, ResourceSchema } from '../model/goal.js';
import { type Intervention, InterventionSchema } from '../model/intervention.js';
import { LIMITS } from '../model/limits.js';
import { issue, mapZodIssues } from '../model/issues.js';
import { type Attendance, type Invitation, type Meeting, MeetingSchema } from '../model/meeting.js';
import { parsePlan } from '../model/parse.js';
import { type Participant, ParticipantSchema, type Party, PartySchema } from '../model/party.js';
import type { Person, PersonVoice } from '../model/person.js';
import { type ClosedReason, type Plan, PlanSchema, type PlanStatus } from '../model/plan.js';
import { isInstant } from '../model/primitives.js';
import { sanitize } from '../model/sanitize.js';
import { type CommandContext, type Patch, type PlanCommand, type PlanDetails, applyCommand, argsSchema, opt, refuse } from './commands.js';
import { deepFreeze } from '../freeze.js';

/** Store events that are not commands: they do not append audit entries. */
export type StoreEvent = { type: 'undo' } | { type: 'redo' } | { type: 'replace' } | { type: 'markSaved'; version?: number };

/** Called after every change with the new plan and what changed it. */
export type PlanListener = (plan: Plan, change: PlanCommand | StoreEvent) => void;

/** Options for {@link createPlanStore}. */
export interface PlanStoreOptions {
  /** Who is making the changes; written to every audit entry. */
  actor: Actor;
  /** The clock: returns the current instant (default `new Date().toISOString()`). Inject a fixed clock in tests. */
  now?: () => string;
  /** Id generator for new items (default {@link createId}). */
  createId?: () => string;
  /** How many steps `undo()` can go back (default 500). */
  historyLimit?: number;
  /** Freeze every plan the store hands out (default true): accidental mutation throws in strict mode. */
  freeze?: boolean;
  /**
   * Called when a listener throws (default: `console.error`). The store and the
   * other listeners carry on: a broken view must not lose an edit.
   */
  onListenerError?: (error: unknown) => void;
  /**
   * How long a pause in typing (milliseconds, by the `now` clock) ends a typing
   * burst, so the next keystroke starts a new undo step (default 1000).
   * See {@link DispatchOptions.typing}.
   */
  typingPauseMs?: number;
}

/** Options of one command (see {@link PlanStore.dispatch}). */
export interface DispatchOptions {
  /**
   * The command is a keystroke in a text field. It joins the current undo step
   * when that step is a typing burst of the same change (the same command type,
   * item and fields, e.g. `updateGoal` of goal `g1`'s `text`) with no pause
   * longer than `typingPauseMs`, and nothing else (another command, undo, redo,
   * save, replace or {@link PlanStore.checkpoint}) in between. The plan is then
   * exactly as if the whole burst were one command: one undo step, one audit
   * entry (with the latest time) and one pending approval. Every keystroke
   * still reaches the plan at once, so nothing typed waits to be saved.
   * Only `update…` commands join; for any other command this flag does nothing.
   */
  typing?: boolean;
}

/** The typing burst the current undo step belongs to. */
interface Burst {
  /** What is being typed: command type, item id and changed fields. */
  key: string;
  /** The plan before the burst (the undo step's starting point). */
  base: Plan;
  /** The plan the burst's last keystroke produced; any other change ends the burst. */
  plan: Plan;
  /** When the last keystroke was (ms since the epoch, by the store's clock). */
  at: number;
}

const SECTIONS_NEEDING_APPROVAL_FROM: readonly PlanStatus[] = ['established', 'active'];

/**
 * The one way components change a plan. Every command validates its arguments,
 * produces a new immutable plan (unchanged parts are shared), checks that the
 * whole plan is still valid, appends an audit entry and notifies subscribers.
 * A refused command throws `SipValidationError` and leaves the plan unchanged.
 *
 * Issues from argument checks carry paths into the command (`['changes', 'text']`);
 * issues from the resulting plan carry paths into the plan (`['goals', 2, 'text']`).
 *
 * Undo and redo are local editing steps: they restore the exact earlier plan,
 * audit trail included, and are not audited themselves — only the commands that
 * remain in the plan are.
 *
 * After the plan is established (`established` or `active`), changes to needs,
 * resources, goals, interventions and the person's voice are listed in
 * `plan.pendingApproval` until `approveChanges` records the person's approval:
 * a plan may not change without the person's agreement.
 */
export class PlanStore {
  private current: Plan;
  private saved: Plan;
  private past: Plan[] = [];
  private future: Plan[] = [];
  private readonly listeners = new Set<PlanListener>();
  private readonly actor: Actor;
  private readonly now: () => string;
  private readonly makeId: () => string;
  private readonly historyLimit: number;
  private readonly freeze: boolean;
  private readonly onListenerError: (error: unknown) => void;
  private readonly typingPauseMs: number;
  private burst: Burst | undefined;

  constructor(plan: Plan, options: PlanStoreOptions) {
    const actor = ActorSchema.safeParse(sanitizeOrThrow(options?.actor));
    if (!actor.success) throw new SipValidationError(mapZodIssues(actor.error.issues, options?.actor).map((i) => ({ ...i, path: ['actor', ...i.path] })));
    this.actor = actor.data;
    this.now = options.now ?? (() => new Date().toISOString());
    this.makeId = options.createId ?? createId;
    this.historyLimit = Math.max(0, options.historyLimit ?? 500);
    this.freeze = options.freeze ?? true;
    this.onListenerError = options.onListenerError ?? ((error) => console.error('sip-kit: a plan listener threw', error));
    this.typingPauseMs = Math.max(0, options.typingPauseMs ?? 1000);
    this.current = this.seal(parsePlan(plan));
    this.saved = this.current;
  }

  /** The current plan (immutable). */
  get plan(): Plan {
    return this.current;
  }

  /** The current plan (immutable). */
  getPlan(): Plan {
    return this.current;
  }

  /** True when the plan differs from the one last saved (see {@link markSaved}) or loaded. */
  get dirty(): boolean {
    return this.current !== this.saved;
  }

  /** True when there is a step to undo. */
  get canUndo(): boolean {
    return this.past.length > 0;
  }

  /** True when there is an undone step to redo. */
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Calls `listener(plan, change)` after every change; returns a function that stops it. */
  subscribe(listener: PlanListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Runs a serialisable command `{ type, ...args }` (see {@link PlanCommand}).
   * Returns the id of anything the command created (a goal, a consent, a withdrawal …).
   * Throws `SipValidationError` (code `command-unknown`, argument issues,
   * `not-found`, or issues of the resulting plan) and leaves the plan unchanged.
   * With `{ typing: true }` a keystroke joins the typing burst it continues
   * into one undo step (see {@link DispatchOptions.typing}).
   */
  dispatch(command: PlanCommand, options: DispatchOptions = {}): string | undefined {
    const value = sanitizeOrThrow(command) as Record<string, unknown> | null;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse([], 'wrong-type', { expected: 'object' });
    const { type, ...args } = value;
    const schema = typeof type === 'string' ? argsSchema(type) : undefined;
    if (!schema) refuse(['type'], 'command-unknown', { type: String(type) });
    const parsed = (schema as unknown as { safeParse(v: unknown): { success: boolean; error?: { issues: [] } } }).safeParse(args);
    if (!parsed.success) throw new SipValidationError(mapZodIssues(parsed.error?.issues ?? [], args));
    const cmd = value as PlanCommand;

    const at = this.now();
    if (!isInstant(at)) refuse(['now'], 'instant-invalid');
    const ctx: CommandContext = { actor: this.actor, at, createId: this.makeId };
    const key = options.typing ? burstKey(cmd) : undefined;
    const atMs = Date.parse(at);
    const burst = this.burst;
    const joins =
      key !== undefined && burst !== undefined && burst.key === key && burst.plan === this.current && atMs >= burst.at && atMs - burst.at <= this.typingPauseMs;
    // A patch sets exactly the fields it names, so the burst's last keystroke
    // applied to the plan before the burst gives the plan the whole burst made.
    const from = joins ? burst.base : this.current;
    const outcome = applyCommand(from, cmd, ctx);

    let next = outcome.plan;
    if (outcome.changes && SECTIONS_NEEDING_APPROVAL_FROM.includes(next.status)) {
      next = {
        ...next,
        pendingApproval: [
          ...next.pendingApproval,
          ...outcome.changes.map((ch) => ({ id: ctx.createId(), section: ch.section, ...opt('item', ch.item), change: ch.change, at, by: this.actor.id })),
        ],
      };
    }
    next = {
      ...next,
      audit: [...next.audit, { id: ctx.createId(), actor: this.actor, at, command: cmd.type, summary: outcome.summary.slice(0, 2000) }],
    };
    const problems = validateChange(this.current, next);
    if (problems.length) throw new SipValidationError(problems);

    if (!joins) {
      this.past.push(this.current);
      if (this.past.length > this.historyLimit) this.past.shift();
    }
    this.future = [];
    const base = joins ? burst.base : this.current;
    this.current = this.seal(next);
    this.burst = key !== undefined ? { key, base, plan: this.current, at: atMs } : undefined;
    this.emit(cmd);
    return outcome.id;
  }

  /**
   * Ends the current typing burst: the next command starts a new undo step.
   * Call it when focus leaves a text field (see {@link DispatchOptions.typing}).
   */
  checkpoint(): void {
    this.burst = undefined;
  }

  /** Goes back one step, restoring the exact previous plan. Throws `nothing-to-undo` when there is none. */
  undo(): void {
    const previous = this.past.pop();
    if (!previous) refuse([], 'nothing-to-undo');
    this.burst = undefined;
    this.future.push(this.current);
    this.current = previous;
    this.emit({ type: 'undo' });
  }

  /** Re-applies the last undone step. Throws `nothing-to-redo` when there is none. */
  redo(): void {
    const next = this.future.pop();
    if (!next) refuse([], 'nothing-to-redo');
    this.burst = undefined;
    this.past.push(this.current);
    this.current = next;
    this.emit({ type: 'redo' });
  }

  /**
   * Records that the current plan was saved. With `version` (the version the
   * repository returned), the plan's `version` becomes it — in the undo and
   * redo history too, so undoing after a save does not resurrect an old version
   * and cause a false conflict. Clears `dirty`.
   */
  markSaved(version?: number): void {
    if (version !== undefined) {
      if (!Number.isSafeInteger(version) || version < 0) refuse(['version'], 'wrong-type', { expected: 'int' });
      const withVersion = (p: Plan): Plan => (p.version === version ? p : this.seal({ ...p, version }));
      this.current = withVersion(this.current);
      this.past = this.past.map(withVersion);
      this.future = this.future.map(withVersion);
    }
    // A burst's base predates the save (and its version): typing on starts a new step.
    this.burst = undefined;
    this.saved = this.current;
    this.emit(version !== undefined ? { type: 'markSaved', version } : { type: 'markSaved' });
  }

  /**
   * Loads another plan (e.g. a newer saved version, or theirs after a conflict).
   * Validates it, clears undo/redo history and `dirty`.
   */
  replace(plan: Plan): void {
    const next = this.seal(parsePlan(plan));
    this.burst = undefined;
    this.current = next;
    this.saved = next;
    this.past = [];
    this.future = [];
    this.emit({ type: 'replace' });
  }

  // -------------------------------------------------------------- commands

  /** Changes plan-level details (title, dates, plan period, language). */
  updateDetails(changes: Patch<PlanDetails>, options?: DispatchOptions): void {
    this.dispatch({ type: 'updateDetails', changes }, options);
  }
  /** Changes the person's details. */
  updatePerson(changes: Patch<Person>, options?: DispatchOptions): void {
    this.dispatch({ type: 'updatePerson', changes }, options);
  }
  /** Changes the person's own voice: what matters to them, their words, the child's view. */
  updatePersonVoice(changes: Patch<PersonVoice>, options?: DispatchOptions): void {
    this.dispatch({ type: 'updatePersonVoice', changes }, options);
  }
  /** Adds a party; returns its id. */
  addParty(party: WithOptionalId<Party>): string {
    return this.dispatch({ type: 'addParty', party }) as string;
  }
  /** Changes a party. */
  updateParty(id: string, changes: Patch<Party>, options?: DispatchOptions): void {
    this.dispatch({ type: 'updateParty', id, changes }, options);
  }
  /** Removes a party; refused (`reference-unknown`) while anything still refers to it. */
  removeParty(id: string): void {
    this.dispatch({ type: 'removeParty', id });
  }
  /** Adds a participant; returns its id. */
  addParticipant(participant: WithOptionalId<Participant>): string {
    return this.dispatch({ type: 'addParticipant', participant }) as string;
  }
  /** Changes a participant. */
  updateParticipant(id: string, changes: Patch<Participant>, options?: DispatchOptions): void {
    this.dispatch({ type: 'updateParticipant', id, changes }, options);
  }
  /** Removes a participant; refused while anything (a role, history, an invitation) still refers to them. */
  removeParticipant(id: string): void {
    this.dispatch({ type: 'removeParticipant', id });
  }
  /** Adds a need; returns its id. */
  addNeed(need: WithOptionalId<Need>): string {
    return this.dispatch({ type: 'addNeed', need }) as string;
  }
  /** Changes a need. */
  updateNeed(id: string, changes: Patch<Need>, options?: DispatchOptions): void {
    this.dispatch({ type: 'updateNeed', id, changes }, options);
  }
  /** Removes a need and unlinks it from goals. */
  removeNeed(id: string): void {
    this.dispatch({ type: 'removeNeed', id });
  }
  /** Moves a need to position `to` (0-based, clamped). */
  moveNeed(id: string, to: number): void {
    this.dispatch({ type: 'moveNeed', id, to });
  }
  /** Adds a resource (strength); returns its id. */
  addResource(resource: WithOptionalId<Resource>): string {
    return this.dispatch({ type: 'addResource', resource }) as string;
  }
  /** Changes a resource. */
  updateResource(id: string, changes: Patch<Resource>, options?: DispatchOptions): void {
    this.dispatch({ type: 'updateResource', id, changes }, options);
  }
  /** Removes a resource. */
  removeResource(id: string): void {
    this.dispatch({ type: 'removeResource', id });
  }
  /** Moves a resource to position `to`. */
  moveResource(id: string, to: number): void {
    this.dispatch({ type: 'moveResource', id, to });
  }
  /** Adds a goal (`needs` default `[]`, `status` default `active`); returns its id. */
  addGoal(goal: GoalInput): string {
    return this.dispatch({ type: 'addGoal', goal }) as string;
  }
  /** Changes a goal. */
  updateGoal(id: string, changes: Patch<Goal>, options?: DispatchOptions): void {
    this.dispatch({ type: 'updateGoal', id, changes }, options);
  }
  /** Removes a goal and unlinks it from interventions and sub-goals; refused while a follow-up evaluates it. */
  removeGoal(id: string): void {
    this.dispatch({ type: 'removeGoal', id });
  }
  /** Moves a goal to position `to`. */
  moveGoal(id: string, to: number): void {
    this.dispatch({ type: 'moveGoal', id, to });
  }
  /** Adds an intervention (`goals` default `[]`, `status` default `planned`); returns its id. */
  addIntervention(intervention: InterventionInput): string {
    return this.dispatch({ type: 'addIntervention', intervention }) as string;
  }
  /** Changes an intervention. */
  updateIntervention(id: string, changes: Patch<Intervention>, options?: DispatchOptions): void {
    this.dispatch({ type: 'updateIntervention', id, changes }, options);
  }
  /** Removes an intervention. */
  removeIntervention(id: string): void {
    this.dispatch({ type: 'removeIntervention', id });
  }
  /** Moves an intervention to position `to`. */
  moveIntervention(id: string, to: number): void {
    this.dispatch({ type: 'moveIntervention', id, to });
  }
  /** Makes `participant` the coordinator from `on`, recording the handover (from, to, date, reason). */
  assignCoordinator(participant: string, on: IsoDate, reason?: string): void {
    this.dispatch({ type: 'assignCoordinator', participant, on, ...opt('reason', reason) });
  }
  /** Sets (or with `null` clears) the meeting chair. */
  setMeetingChair(participant: string | null): void {
    this.dispatch({ type: 'setMeetingChair', participant });
  }
  /** Sets (or with `null` clears) the initiator. */
  setInitiator(participant: string | null): void {
    this.dispatch({ type: 'setInitiator', participant });
  }
  /** Plans a meeting; returns its id. A SIP meeting moves an `initiated` plan to `meeting-scheduled` (cancelling or removing every one moves it back). */
  planMeeting(meeting: MeetingInput): string {
    return this.dispatch({ type: 'planMeeting', meeting }) as string;
  }
  /** Changes a meeting (time, place, link, agenda, notes, status …). */
  updateMeeting(id: string, changes: Patch<Meeting>, options?: DispatchOptions): void {
    this.dispatch({ type: 'updateMeeting', id, changes }, options);
  }
  /** Removes a meeting; refused while a follow-up refers to it. */
  removeMeeting(id: string): void {
    this.dispatch({ type: 'removeMeeting', id });
  }
  /** Calls or invites a participant to a meeting (response starts as `pending`). */
  inviteToMeeting(meeting: string, participant: string, mode: Invitation['mode'], sentOn?: IsoDate): void {
    this.dispatch({ type: 'inviteToMeeting', meeting, participant, mode, ...opt('sentOn', sentOn) });
  }
  /**
   * Takes back an invitation sent by mistake, while the meeting is still
   * planned and no attendance is recorded for that participant.
   * @throws SipValidationError `not-found`; `invitation-locked` once the meeting is held or cancelled (who was called and did not come stays on record).
   */
  withdrawInvitation(meeting: string, participant: string): void {
    this.dispatch({ type: 'withdrawInvitation', meeting, participant });
  }
  /** Records a participant's answer to their invitation. */
  recordInvitationResponse(meeting: string, participant: string, response: Invitation['response'], on?: IsoDate): void {
    this.dispatch({ type: 'recordInvitationResponse', meeting, participant, response, ...opt('on', on) });
  }
  /** Records who attended (one entry per participant, replacing earlier ones) and marks the meeting held. */
  recordAttendance(meeting: string, attendance: Attendance[], heldOn?: IsoDate): void {
    this.dispatch({ type: 'recordAttendance', meeting, attendance, ...opt('heldOn', heldOn) });
  }
  /** Records a consent (or refusal); returns its id. Use `supersedes` to replace an earlier record. */
  recordConsent(consent: ConsentInput): string {
    return this.dispatch({ type: 'recordConsent', consent }) as string;
  }
  /** Withdraws a consent, wholly or for some parties; appends to its history and returns the withdrawal's id. */
  withdrawConsent(consent: Consent['id'], withdrawal: { on: IsoDate; reason?: string; parties?: string[]; recordedBy?: string }): string {
    return this.dispatch({ type: 'withdrawConsent', consent, ...withdrawal }) as string;
  }
  /** Books a follow-up; returns its id. */
  scheduleFollowUp(followUp: FollowUpInput): string {
    return this.dispatch({ type: 'scheduleFollowUp', followUp }) as string;
  }
  /** Changes a follow-up. */
  updateFollowUp(id: string, changes: Patch<FollowUp>, options?: DispatchOptions): void {
    this.dispatch({ type: 'updateFollowUp', id, changes }, options);
  }
  /** Removes a follow-up (and unlinks it as anyone's next follow-up). */
  removeFollowUp(id: string): void {
    this.dispatch({ type: 'removeFollowUp', id });
  }
  /** Marks a follow-up done on `on`, optionally with a note and the next follow-up booked. */
  completeFollowUp(id: string, on: IsoDate, options: { note?: string; nextFollowUp?: string } = {}): void {
    this.dispatch({ type: 'completeFollowUp', id, on, ...options });
  }
  /** Records (or replaces) a goal's evaluation at a follow-up. */
  evaluateGoal(followUp: string, evaluation: GoalEvaluation): void {
    this.dispatch({ type: 'evaluateGoal', followUp, ...evaluation });
  }
  /** Moves the plan along its lifecycle; `established` needs `on`, `closed` needs `reason`. */
  setStatus(status: PlanStatus, options: { on?: IsoDate; reason?: ClosedReason; note?: string } = {}): void {
    this.dispatch({ type: 'setStatus', status, ...options });
  }
  /** Records that the person (or guardian, representative) approved every pending change. */
  approveChanges(by: string, on: IsoDate, how?: string): string {
    return this.dispatch({ type: 'approveChanges', by, on, ...opt('how', how) }) as string;
  }

  // -------------------------------------------------------------- internals

  private seal(plan: Plan): Plan {
    return this.freeze ? deepFreeze(plan) : plan;
  }

  private emit(change: PlanCommand | StoreEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(this.current, change);
      } catch (error) {
        try {
          this.onListenerError(error);
        } catch {
          // The error reporter itself failed; there is nowhere left to report to.
        }
      }
    }
  }
}

/**
 * What a typing burst is typing into: the command type, the item and the
 * fields it sets. Only patches (`update…` with `changes`) can join a burst:
 * applying the last of several patches of the same fields equals applying all.
 */
function burstKey(command: PlanCommand): string | undefined {
  if (!command.type.startsWith('update') || !('changes' in command)) return undefined;
  const fields = Object.keys(command.changes).filter((k) => (command.changes as Record<string, unknown>)[k] !== undefined);
  return JSON.stringify([command.type, 'id' in command ? command.id : '', fields.sort()]);
}

function sanitizeOrThrow(value: unknown): unknown {
  const clean = sanitize(value);
  if (!clean.ok) throw new SipValidationError(clean.issues);
  return clean.value;
}

type Schema = { safeParse(value: unknown): { success: true } | { success: false; error: { issues: Parameters<typeof mapZodIssues>[0] } } };

/** The plan's lists: item schema and documented limit. */
const LISTS: Partial<Record<string, [Schema, number]>> = {
  participants: [ParticipantSchema, LIMITS.participants],
  parties: [PartySchema, LIMITS.parties],
  coordinatorHistory: [CoordinatorHandoverSchema, LIMITS.handovers],
  needs: [NeedSchema, LIMITS.needs],
  resources: [ResourceSchema, LIMITS.resources],
  goals: [GoalSchema, LIMITS.goals],
  interventions: [InterventionSchema, LIMITS.interventions],
  meetings: [MeetingSchema, LIMITS.meetings],
  consents: [ConsentSchema, LIMITS.consents],
  followUps: [FollowUpSchema, LIMITS.followUps],
  pendingApproval: [PendingChangeSchema, LIMITS.pendingApproval],
  approvals: [ApprovalSchema, LIMITS.approvals],
  audit: [AuditEntrySchema, LIMITS.audit],
};

function check(schema: Schema, value: unknown, path: (string | number)[], issues: SipIssue[]): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  if (value === undefined) issues.push(issue(path, 'required'));
  else issues.push(...mapZodIssues(result.error.issues, value).map((i) => ({ ...i, path: [...path, ...i.path] })));
}

/**
 * Fields that `checkPlan` (ids, references, dates in order) never reads: plain
 * text. An edit of only these, on items whose ids stay, cannot break what
 * `checkPlan` checks. A test proves `checkPlan` does not read them.
 * @internal
 */
export const FREE_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  person: ['name', 'preferredName', 'communicationNeeds'],
  personVoice: ['whatMattersToMe', 'ownWords', 'ownContribution', 'relativesContribution'],
  parties: ['name'],
  participants: ['name', 'title'],
  needs: ['text'],
  resources: ['text'],
  goals: ['text', 'measure'],
  interventions: ['what', 'how', 'unit', 'responsibleName', 'extent', 'where', 'costNote'],
};

/**
 * Plan-level plain text that `checkPlan` never reads (the same test proves it).
 * @internal
 */
export const PLAN_TEXT_FIELDS: readonly string[] = ['title', 'cooperation'];

/** Logs that commands append to; nothing refers to their entries. */
const LOGS = new Set(['audit', 'pendingApproval']);

/** True when `a` and `b` differ only in the fields `free`. */
function differsOnlyIn(a: object, b: object, free: readonly string[]): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (x[key] !== y[key] && !free.includes(key)) return false;
  }
  return true;
}

/**
 * The issues `checkPlan(next)` would report, when they can be known without
 * walking the whole plan: `prev` passed it, and `next` differs only in free
 * text of items that keep their ids, and in log entries after a common
 * prefix (whose new ids must then be unique). Undefined when the full check is needed.
 */
function referenceIssuesOfTextEdit(prev: Plan, next: Plan): SipIssue[] | undefined {
  const before = prev as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  const issues: SipIssue[] = [];
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (a === b) continue;
    if (LOGS.has(key) && Array.isArray(a) && Array.isArray(b)) {
      const old = a as { id: string }[];
      const log = b as { id: string }[];
      let kept = 0;
      while (kept < log.length && kept < old.length && log[kept] === old[kept]) kept++;
      for (let i = kept; i < log.length; i++) {
        const id = (log[i] as { id: string }).id;
        for (let j = 0; j < i; j++) if (log[j]?.id === id) issues.push(issue([key, i, 'id'], 'duplicate-id', { id }));
      }
      continue;
    }
    if (PLAN_TEXT_FIELDS.includes(key) && typeof a === 'string' && typeof b === 'string') continue;
    const free = FREE_TEXT_FIELDS[key];
    if (!free) return undefined;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) return undefined;
      for (let i = 0; i < b.length; i++) {
        const x = a[i] as { id: string };
        const y = b[i] as { id: string };
        if (x !== y && (x.id !== y.id || !differsOnlyIn(x, y, free))) return undefined;
      }
    } else if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b) || !differsOnlyIn(a, b, free)) {
      return undefined;
    }
  }
  // A key that vanished is not a text edit.
  for (const key of Object.keys(before)) if (!(key in after)) return undefined;
  return issues;
}

/**
 * Validates the plan a command produced against the plan before it. Store plans
 * are frozen and every earlier plan was fully validated, so only what changed
 * (by reference) needs the schema; references are checked in full unless the
 * change is a text edit that cannot touch them (see {@link FREE_TEXT_FIELDS}).
 * This keeps a keystroke on a 200-intervention plan with a long audit trail
 * independent of the plan's size.
 */
function validateChange(prev: Plan, next: Plan): SipIssue[] {
  const issues: SipIssue[] = [];
  const before = prev as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  const shape = PlanSchema.shape as unknown as Record<string, Schema>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const value = after[key];
    if (before[key] === value) continue;
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!field) {
      issues.push(issue([key], 'unknown-key', { key }));
      continue;
    }
    const list = LISTS[key];
    if (list && Array.isArray(value)) {
      const [item, max] = list;
      if (value.length > max) issues.push(issue([key], 'too-many', { max }));
      const old = new Set(Array.isArray(before[key]) ? (before[key] as unknown[]) : []);
      value.forEach((entry, i) => {
        if (!old.has(entry)) check(item, entry, [key, i], issues);
      });
    } else {
      check(field, value, [key], issues);
    }
  }
  return (issues.length ? issues : (referenceIssuesOfTextEdit(prev, next) ?? checkPlan(next))).slice(0, 100);
}

/**
 * A store for `plan` (validated with `parsePlan` first; throws `SipValidationError` if invalid).
 * `actor` is written to every audit entry; `now` is the clock.
 */
export function createPlanStore(plan: Plan, options: PlanStoreOptions): PlanStore {
  return new PlanStore(plan, options);
}

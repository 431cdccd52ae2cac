import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  MEETING_KINDS,
  MEETING_TIME_ZONES,
  GOAL_OUTCOMES,
  INVITATION_RESPONSES,
  SipValidationError,
  absentCalledParties,
  defaultInvitationMode,
  formatIssues,
  isAllowedUrl,
  localInstant,
  type AbsentCalledParty,
  type AttendanceStatus,
  type GoalEvaluation,
  type GoalOutcome,
  type InvitationMode,
  type InvitationResponse,
  type IsoDate,
  type Meeting,
  type MeetingKind,
  type Plan,
  type RedactedPlan,
} from '@sip-kit/core';
import type { PlanStoreService } from '../context/services.js';
import { Catalogue } from '../i18n/catalogue.js';
import { checkboxGroup, dateField, field, selectField, textField, textareaField, type SelectOption } from '../shared/fields.js';
import { formatDate } from '../shared/format.js';
import { focusAfterUpdate } from '../shared/list-editor.js';
import { LazyPart } from '../shared/lazy-part.js';
import { SipElement } from '../shared/sip-element.js';
import { sipBaseStyles } from '../shared/styles.js';
import sv, { type FollowupKey } from './messages/sv.js';
import { progressChart, progressData } from './parts/chart.js';
import { deadlineTimeline, oldestFirst } from './parts/timeline.js';
import { followupStyles } from './sip-followup.styles.js';

/** `<sip-followup>`'s strings: Swedish bundled, the others loaded on first use. */
export const followupMessages = new Catalogue<FollowupKey>(sv, {
  nb: () => import('./messages/nb.js'),
  nn: () => import('./messages/nn.js'),
  en: () => import('./messages/en.js'),
});

/** What a `sip-followup-change` was about. */
export type FollowupChange = 'meeting-planned' | 'invitation' | 'response' | 'attendance' | 'notes' | 'evaluation' | 'follow-up-booked' | 'follow-up-done';

/** Detail of `sip-followup-change`: the plan after the change, and what changed. */
export interface FollowupChangeDetail {
  /** The whole plan after the change. */
  plan: Plan;
  /** What changed. */
  change: FollowupChange;
}

/** Detail of `sip-meeting-planned`. */
export interface MeetingPlannedDetail {
  /** The whole plan after the change. */
  plan: Plan;
  /** The new meeting, with its invitations. */
  meeting: Meeting;
}

/** Detail of `sip-attendance-recorded`. */
export interface AttendanceRecordedDetail {
  /** The whole plan after the change. */
  plan: Plan;
  /** The meeting, with its attendance. */
  meeting: Meeting;
  /** Called participants recorded as absent without notice at this meeting (empty when every called party came). */
  absentCalledParties: AbsentCalledParty[];
}

/** Detail of `sip-goal-evaluated`. */
export interface GoalEvaluatedDetail {
  /** The whole plan after the change. */
  plan: Plan;
  /** The follow-up (a follow-up id). */
  followUp: string;
  /** The evaluation as saved. */
  evaluation: GoalEvaluation;
}

interface MeetingDraft {
  kind: MeetingKind;
  date: string;
  time: string;
  minutes: string;
  place: string;
  chosen: boolean;
  link: string;
  agenda: string;
  invite: string[] | undefined;
}

interface EvalDraft {
  outcome: GoalOutcome;
  personView: string;
  professionalView: string;
  note: string;
}

const emptyDraft = (): MeetingDraft => ({ kind: 'sip-meeting', date: '', time: '', minutes: '60', place: '', chosen: false, link: '', agenda: '', invite: undefined });
const ATTENDANCE: readonly AttendanceStatus[] = ['attended', 'absent', 'excused'];
const optional = (s: string) => (s.trim() ? s : undefined);
/** The texts of an evaluation, saved only when not blank. */
const EVAL_TEXTS = ['personView', 'professionalView', 'note'] as const;
/** A selector for the element of meeting `m` with id `m-<meeting id>-<suffix>` (ids come from the plan, so escaped). */
const inMeeting = (m: Meeting, suffix: string) => `#${CSS.escape(`m-${m.id}-${suffix}`)}`;
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar (.ics) export with core's iCalendar writer: nothing of it is on
 * screen until a user presses the export button, so it is a chunk of its own,
 * prefetched in idle time after the first render.
 */
const calendarExport = new LazyPart(() => import('./parts/ics-export.js'));

/** Core's redaction, for acting as a party: loaded only when `party` is set. */
const partyCopy = new LazyPart(() => import('./parts/party-copy.js'));

/**
 * Follow-up of a coordinated individual plan: the deadlines the rules compute
 * (first contact, the SIP meeting, every follow-up) with working days left and
 * their status; planning meetings with invitations (called parties must come,
 * others are invited), their answers and an iCalendar export; attendance, with
 * called parties that stayed away flagged; meeting notes; evaluation of every
 * goal — the person's own view beside the professional's — booking the next
 * follow-up, and a chart of each goal's progress with a table alternative.
 *
 * With `party` set it acts for that party and shows only what the person's
 * consent lets the party see (`redactForParty`); withheld sections say so.
 * Uses `<sip-status-badge>` (registered by `define/sip-followup.js`).
 *
 * @tagname sip-followup
 * @fires {CustomEvent<FollowupChangeDetail>} sip-followup-change - The element changed the plan (any change below, and invitation answers, notes, booked or completed follow-ups).
 * @fires {CustomEvent<MeetingPlannedDetail>} sip-meeting-planned - A meeting was planned.
 * @fires {CustomEvent<AttendanceRecordedDetail>} sip-attendance-recorded - Attendance was saved; `absentCalledParties` lists called parties that did not come.
 * @fires {CustomEvent<GoalEvaluatedDetail>} sip-goal-evaluated - A goal was evaluated at a follow-up.
 * @csspart base - The wrapper of everything.
 * @csspart deadlines - The deadlines section.
 * @csspart timeline - The list of deadlines.
 * @csspart deadline - One deadline (also `deadline-upcoming`, `deadline-due-today`, `deadline-overdue`, `deadline-met`, `deadline-met-late`).
 * @csspart meetings - The meetings section.
 * @csspart flags - The notice of called parties that did not come.
 * @csspart meeting - One meeting.
 * @csspart invitations - A meeting's table of invitations and attendance.
 * @csspart export - The button that saves the invitation as an .ics file.
 * @csspart plan-form - The form for planning a meeting.
 * @csspart followups - The follow-up section.
 * @csspart evaluation - One goal's evaluation.
 * @csspart book-form - The form for booking the next follow-up.
 * @csspart progress - The progress section.
 * @csspart legend - The chart's legend.
 * @csspart chart - One goal's chart.
 * @csspart chart-table - The table alternative (a `<details>`).
 * @csspart field - A form field (with `label`, `input`, `select`, `textarea`, `help`, `error`).
 * @csspart empty - "Nothing yet" texts.
 * @csspart not-covered - The notice shown instead of a section the consent does not cover.
 * @csspart announcer - The live region.
 * @cssprop --sip-color-danger - Overdue deadlines, "not achieved" and the absent-party flag.
 * @cssprop --sip-color-danger-surface - Background of overdue deadlines and the flag.
 * @cssprop --sip-color-warning - "Partly" in the chart.
 * @cssprop --sip-color-success - "Achieved" in the chart.
 * @cssprop --sip-color-border - Borders of meetings, tables and the timeline line.
 * @cssprop --sip-color-surface-muted - Background of table headings.
 * @cssprop --sip-color-muted - Secondary text and the chart axis.
 * @cssprop --sip-color-accent - The chart line and primary buttons.
 * @cssprop --sip-space-xs - Small gaps.
 * @cssprop --sip-space-s - Medium gaps.
 * @cssprop --sip-space-m - Large gaps.
 * @cssprop --sip-radius - Corner radius.
 */
export class SipFollowup extends SipElement<FollowupKey> {
  static override styles = [sipBaseStyles, followupStyles];
  static override properties = {
    ...SipElement.properties,
    party: {},
    selectedFollowUp: { attribute: 'follow-up' },
  };

  /** Act for this party (a party id): show only what consent lets it see. */
  party?: string;
  /** The follow-up being evaluated (a follow-up id; default the first not done, else the latest). */
  selectedFollowUp?: string;

  private draft = emptyDraft();
  private planErrors: { time?: string[]; link?: string[]; form?: string[] } = {};
  private attendance = new Map<string, Map<string, AttendanceStatus>>();
  private evals = new Map<string, EvalDraft>();
  private book = { date: '', who: '' };
  private bookErrors: string[] = [];
  private redacted: { plan: Plan; party: string; on: IsoDate; view: RedactedPlan } | undefined;
  /** The meeting whose export could not load its code (its button says so until a press works). */
  private exportFailed: string | undefined;
  /** @internal The export's code (tests swap in one that fails to load). */
  protected calendarExport = calendarExport;

  protected override get catalogue() {
    return followupMessages;
  }

  /** The day counted as today: the rules service's (provider or `today`). */
  private get day(): IsoDate {
    return this.planController.rules.today;
  }

  /**
   * The meeting's invitation as an iCalendar file (RFC 5545), or `undefined`
   * without a plan, meeting or start time, or when the export's code could not
   * be loaded. Asynchronous: the export is loaded on first use.
   */
  async icsFor(meetingId: string, now: Date = new Date()): Promise<string | undefined> {
    const module = await this.loadExport();
    const plan = this.plan;
    return plan && module?.invitationFile(plan, meetingId, now);
  }

  protected override firstUpdated(): void {
    // Usually loaded before anyone presses an export button.
    this.calendarExport.prefetch();
  }

  /** The export's module (a press after a failed load tries again); `undefined` when it cannot be loaded. */
  private loadExport() {
    const part = this.calendarExport;
    return part.failed ? part.retry() : part.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('party' as keyof SipFollowup)) this.redacted = undefined;
  }

  // ------------------------------------------------------------ handlers

  private changed(change: FollowupChange): void {
    this.emit<FollowupChangeDetail>('sip-followup-change', { plan: this.plan!, change });
  }

  /**
   * Runs a store command. Refused: says why and returns false. Done: says
   * `done` (when given) and fires `sip-followup-change`.
   */
  private apply(command: (store: PlanStoreService) => unknown, change: FollowupChange, done?: string): boolean {
    const r = this.runCommand(command);
    if (!r.ok) return (this.failed(r.error), false);
    if (done) this.announcer.announce(done);
    this.changed(change);
    return true;
  }

  private failed(error: unknown): string[] {
    const messages = SipValidationError.is(error) ? formatIssues(error.issues, this.activeLocale) : [this.t('error.generic')];
    this.announcer.announce(messages.join(' '), 'assertive');
    return messages;
  }

  private onPlanSubmit(e: Event): void {
    e.preventDefault();
    const plan = this.plan;
    if (!plan) return;
    const d = this.draft;
    const start = localInstant(d.date, d.time, MEETING_TIME_ZONES[plan.jurisdiction]);
    this.planErrors = {};
    if (!start) {
      this.planErrors = { time: [this.t('plan.needTime')] };
      this.announcer.announce(this.t('plan.needTime'), 'assertive');
      this.requestUpdate();
      void focusAfterUpdate(this, '#plan-date');
      return;
    }
    const minutes = Math.min(24 * 60, Math.max(5, Number(d.minutes) || 60));
    const invite = d.invite ?? plan.participants.map((p) => p.id);
    const organizer = plan.meetingChair ?? plan.coordinator;
    const r = this.runCommand((s) =>
      s.planMeeting({
        kind: d.kind,
        startsAt: start,
        endsAt: new Date(new Date(start).getTime() + minutes * 60_000).toISOString().replace('.000Z', 'Z'),
        ...(optional(d.place) ? { place: d.place.trim(), placeChosenByPerson: d.chosen } : {}),
        ...(optional(d.link) ? { link: d.link.trim() } : {}),
        ...(organizer !== undefined ? { organizer } : {}),
        agenda: d.agenda.split('\n').map((q) => q.trim()).filter(Boolean),
        invitations: invite.map((participant) => ({ participant, mode: defaultInvitationMode(plan, participant), response: 'pending' as const })),
      }),
    );
    if (!r.ok) {
      const issues = SipValidationError.is(r.error) ? r.error.issues : [];
      const onLink = issues.filter((i) => i.path.includes('link'));
      const messages = this.failed(r.error);
      this.planErrors = onLink.length ? { link: formatIssues(onLink, this.activeLocale) } : { form: messages };
      this.requestUpdate();
      void focusAfterUpdate(this, onLink.length ? '#plan-link' : '#plan-submit');
      return;
    }
    const meeting = this.plan!.meetings.find((m) => m.id === r.value)!;
    this.draft = emptyDraft();
    this.announcer.announce(this.t('plan.done'));
    this.emit<MeetingPlannedDetail>('sip-meeting-planned', { plan: this.plan!, meeting });
    this.changed('meeting-planned');
    void focusAfterUpdate(this, `#m-${meeting.id}-h`);
  }

  private onWithdrawInvitation(m: Meeting, participant: string, name: string): void {
    if (!this.apply((s) => s.withdrawInvitation(m.id, participant), 'invitation', this.t('inv.removed', { name }))) return;
    // Focus the next row's remove button, else the previous one, else what comes after the table.
    const rest = m.invitations.map((i) => i.participant).filter((p) => p !== participant);
    const at = m.invitations.findIndex((i) => i.participant === participant);
    const next = rest[Math.min(at, rest.length - 1)];
    void focusAfterUpdate(this, inMeeting(m, next !== undefined ? `${next}-remove` : 'add-who'), inMeeting(m, 'h'));
  }

  private onAddInvitation(m: Meeting, view: Plan | RedactedPlan): void {
    const participant = this.renderRoot.querySelector<HTMLSelectElement>(inMeeting(m, 'add-who'))?.value;
    const plan = this.plan;
    if (!participant || !plan) return;
    const added = this.t('inv.added', { name: this.name(view, participant) });
    if (this.apply((s) => s.inviteToMeeting(m.id, participant, defaultInvitationMode(plan, participant)), 'invitation', added)) {
      void focusAfterUpdate(this, inMeeting(m, `${participant}-mode`));
    }
  }

  /** A participant's attendance: the choice not saved yet, else the saved one. */
  private attendanceOf(m: Meeting, participant: string): AttendanceStatus | undefined {
    return this.attendance.get(m.id)?.get(participant) ?? m.attendance.find((a) => a.participant === participant)?.status;
  }

  private onAttendanceSave(m: Meeting): void {
    const entries = m.invitations.flatMap(({ participant }) => {
      const status = this.attendanceOf(m, participant);
      return status ? [{ participant, status }] : [];
    });
    const heldOn = m.heldOn ?? m.startsAt?.slice(0, 10) ?? this.day;
    const r = this.runCommand((s) => s.recordAttendance(m.id, entries, heldOn));
    if (!r.ok) return void this.failed(r.error);
    this.attendance.delete(m.id);
    const plan = this.plan!;
    const absent = absentCalledParties(plan, { meeting: m.id });
    const flags = absent.map((a) => this.flagText(plan, a));
    this.announcer.announce([this.t('att.saved'), ...flags].join(' '), absent.length ? 'assertive' : 'polite');
    this.emit<AttendanceRecordedDetail>('sip-attendance-recorded', { plan, meeting: plan.meetings.find((x) => x.id === m.id)!, absentCalledParties: absent });
    this.changed('attendance');
  }

  private onNotes(meeting: string, notes: string): void {
    this.apply((s) => s.updateMeeting(meeting, { notes: optional(notes) ?? null }), 'notes', this.t('notes.saved'));
  }

  private async onExport(m: Meeting): Promise<void> {
    const module = await this.loadExport();
    // The user's typing is in the element's state, so nothing is lost while this waited.
    this.exportFailed = module ? undefined : m.id;
    this.requestUpdate();
    if (!module) return this.announcer.announce(this.t('ics.failed'), 'assertive');
    if (this.plan && module.downloadInvitation(this.renderRoot as ShadowRoot, this.plan, m)) this.announcer.announce(this.t('ics.done'));
  }

  private evalDraft(followUp: string, goal: string): EvalDraft {
    const key = `${followUp}:${goal}`;
    let d = this.evals.get(key);
    if (!d) {
      const saved = this.plan?.followUps.find((f) => f.id === followUp)?.evaluations.find((x) => x.goal === goal);
      d = { outcome: saved?.outcome ?? 'not-assessed', personView: '', professionalView: '', note: '' };
      for (const k of EVAL_TEXTS) d[k] = saved?.[k] ?? '';
      this.evals.set(key, d);
    }
    return d;
  }

  private onEvaluate(followUp: string, goal: string): void {
    const d = this.evalDraft(followUp, goal);
    const evaluation: GoalEvaluation = { goal, outcome: d.outcome };
    for (const k of EVAL_TEXTS) if (optional(d[k])) evaluation[k] = d[k];
    const r = this.runCommand((s) => s.evaluateGoal(followUp, evaluation));
    if (!r.ok) return void this.failed(r.error);
    this.evals.delete(`${followUp}:${goal}`);
    this.announcer.announce(this.t('eval.saved'));
    this.emit<GoalEvaluatedDetail>('sip-goal-evaluated', { plan: this.plan!, followUp, evaluation });
    this.changed('evaluation');
  }

  private onComplete(followUp: string): void {
    this.apply((s) => s.completeFollowUp(followUp, this.day), 'follow-up-done', this.t('fu.completed'));
  }

  private onBook(e: Event, current: string | undefined): void {
    e.preventDefault();
    const { date, who } = this.book;
    if (!date || !who) {
      this.bookErrors = [this.t('book.need')];
      this.announcer.announce(this.t('book.need'), 'assertive');
      this.requestUpdate();
      return;
    }
    const r = this.runCommand((s) => s.scheduleFollowUp({ dueOn: date, responsible: who }));
    if (!r.ok) {
      this.bookErrors = this.failed(r.error);
      this.requestUpdate();
      return;
    }
    const prev = this.plan!.followUps.find((f) => f.id === current);
    // The follow-up being worked on points at the one booked next, as the plan requires.
    if (prev && prev.id !== r.value && prev.nextFollowUp === undefined) this.runCommand((s) => s.updateFollowUp(prev.id, { nextFollowUp: r.value }));
    this.book = { date: '', who: '' };
    this.bookErrors = [];
    this.announcer.announce(this.t('book.done'));
    this.changed('follow-up-booked');
  }

  // ------------------------------------------------------------ helpers

  /** The copy of `plan` that `party` may see today, made once per plan, party and day. */
  private view(plan: Plan, party: string, redactForParty: (plan: Plan, party: string, options: { on: IsoDate }) => RedactedPlan): RedactedPlan {
    const on = this.day;
    const r = this.redacted;
    if (r && r.plan === plan && r.party === party && r.on === on) return r.view;
    const view = redactForParty(plan, party, { on });
    this.redacted = { plan, party, on, view };
    return view;
  }

  private name(plan: Plan | RedactedPlan, id: string | undefined): string {
    return plan.participants.find((p) => p.id === id)?.name ?? this.t('who.unknown');
  }

  private flagText(plan: Plan | RedactedPlan, a: AbsentCalledParty): string {
    const m = plan.meetings.find((x) => x.id === a.meeting);
    return this.t('flag.absent', {
      name: this.name(plan, a.participant),
      party: plan.parties.find((p) => p.id === a.party)?.name ?? this.t('who.unknown'),
      meeting: m ? this.t(`kind.${m.kind}`) : '',
      date: this.date(m?.heldOn ?? m?.startsAt?.slice(0, 10) ?? ''),
    });
  }

  private date = (d: IsoDate): string => (d ? formatDate(d, this.activeLocale) : '');

  private shortDate = (d: IsoDate): string => this.format(`${d}T12:00:00Z`, { day: 'numeric', month: 'short', timeZone: 'UTC' });

  private format(instant: string, options: Intl.DateTimeFormatOptions): string {
    const key = `${this.activeLocale}|${JSON.stringify(options)}`;
    let f = timeFormats.get(key);
    if (!f) timeFormats.set(key, (f = new Intl.DateTimeFormat(this.activeLocale === 'en' ? 'en-GB' : this.activeLocale, options)));
    const d = new Date(instant);
    return Number.isNaN(d.getTime()) ? instant : f.format(d);
  }

  /** A required field's props: marked required, with the word that says so. */
  private required() {
    return { required: true, requiredText: this.t('field.required') };
  }

  private options<T extends string>(values: readonly T[], prefix: string): SelectOption[] {
    return values.map((v) => ({ value: v, label: this.t(`${prefix}${v}` as FollowupKey) }));
  }

  // ------------------------------------------------------------ render

  override render() {
    const plan = this.plan;
    if (!plan) return html`${this.announcer.render()}`;
    const party = this.party;
    // Acting for a party: nothing of the plan shows until the party's copy can be made.
    const base = party ? this.lazy(partyCopy, (m) => this.renderBase(this.view(plan, party, m.redactForParty))) : this.renderBase(plan);
    return html`${this.announcer.render()}${base}`;
  }

  private renderBase(view: Plan | RedactedPlan): TemplateResult {
    const hidden = new Set<string>('redacted' in view ? view.redacted.sections : []);
    const notice = html`<p class="sip-notice" part="not-covered" role="note">${this.t('consent.notCovered')}</p>`;
    return html`<div part="base" class="base">
        ${this.renderDeadlines(view, hidden, notice)}
        <section part="meetings" aria-labelledby="fu-meetings-h">
          <h2 id="fu-meetings-h">${this.t('meetings.title')}</h2>
          ${hidden.has('meetings') ? notice : this.renderMeetings(view)}
        </section>
        <section part="followups" aria-labelledby="fu-followups-h">
          <h2 id="fu-followups-h">${this.t('fu.title')}</h2>
          ${hidden.has('followUps') ? notice : this.renderFollowUps(view)}
        </section>
        <section part="progress" aria-labelledby="fu-progress-h">
          <h2 id="fu-progress-h">${this.t('chart.title')}</h2>
          ${hidden.has('followUps') || hidden.has('goals')
            ? notice
            : progressChart(progressData(view.goals, view.followUps), this.t.bind(this), this.date, this.shortDate)}
        </section>
      </div>`;
  }

  private renderDeadlines(view: Plan | RedactedPlan, hidden: Set<string>, notice: TemplateResult): TemplateResult {
    // A party the consent does not cover sees no dates at all; otherwise a deadline goes with its section.
    const none = 'redacted' in view && !view.redacted.allowed;
    const deadlines = this.feedback.deadlines.filter(
      (d) => !(hidden.has('followUps') && d.kind === 'follow-up') && !(hidden.has('meetings') && d.kind === 'meeting'),
    );
    return html`<section part="deadlines" aria-labelledby="fu-deadlines-h">
      <h2 id="fu-deadlines-h">${this.t('deadlines.title')}</h2>
      ${none
        ? notice
        : deadlineTimeline(deadlines, this.t.bind(this), this.date, (ref) => {
            const f = view.followUps.find((x) => x.id === ref);
            return f ? this.name(view, f.responsible) : '';
          })}
    </section>`;
  }

  private renderMeetings(view: Plan | RedactedPlan): TemplateResult {
    const absent = absentCalledParties(view);
    return html`${absent.length
        ? html`<div class="flags" part="flags" role="note" aria-labelledby="fu-flags-h">
            <h3 id="fu-flags-h"><span aria-hidden="true">⚑ </span>${this.t('flag.title')}</h3>
            <ul>
              ${absent.map((a) => html`<li>${this.flagText(view, a)}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${view.meetings.length
        ? html`<ul class="meetings">
            ${view.meetings.map((m) => this.renderMeeting(view, m, absent))}
          </ul>`
        : html`<p part="empty">${this.t('meetings.none')}</p>`}
      ${this.readonly ? nothing : this.renderPlanForm(view)}`;
  }

  private renderMeeting(view: Plan | RedactedPlan, m: Meeting, absent: readonly AbsentCalledParty[]): TemplateResult {
    const tz = MEETING_TIME_ZONES[view.jurisdiction];
    const ro = this.readonly;
    const when = m.startsAt ? this.format(m.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone: tz }) : this.t('meeting.noTime');
    const started = m.status === 'held' || (m.status === 'planned' && (m.startsAt?.slice(0, 10) ?? '') <= this.day);
    const id = `m-${m.id}`;
    const exportFailed = m.startsAt && this.exportFailed === m.id;
    // Invitations can change only while the meeting is planned (core refuses it afterwards: who was called stays on record).
    const changeable = !ro && m.status === 'planned';
    const notInvited = changeable ? view.participants.filter((p) => !m.invitations.some((i) => i.participant === p.id)) : [];
    return html`<li>
      <article part="meeting" class="meeting" aria-labelledby=${`${id}-h`}>
        <h3 id=${`${id}-h`} tabindex="-1">${this.t(`kind.${m.kind}`)} <span class="muted">· ${this.t(`mstatus.${m.status}`)}</span></h3>
        <p class="when">${when}</p>
        ${m.place ? html`<p>${this.t('meeting.place', { place: m.place })}${m.placeChosenByPerson ? html` <em>${this.t('meeting.chosen')}</em>` : nothing}</p>` : nothing}
        ${m.link && isAllowedUrl(m.link) ? html`<p><a href=${m.link} target="_blank" rel="noopener noreferrer">${this.t('meeting.link')}</a></p>` : nothing}
        ${m.agenda.length
          ? html`<h4>${this.t('meeting.agenda')}</h4>
              <ul>
                ${m.agenda.map((q) => html`<li>${q}</li>`)}
              </ul>`
          : nothing}
        ${m.invitations.length
          ? html`<table part="invitations" class="invitations">
              <caption>${this.t('inv.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">${this.t('inv.who')}</th>
                  <th scope="col">${this.t('inv.mode')}</th>
                  <th scope="col">${this.t('inv.response')}</th>
                  ${started ? html`<th scope="col">${this.t('att.title')}</th>` : nothing}
                  ${changeable ? html`<th scope="col">${this.t('inv.change')}</th>` : nothing}
                </tr>
              </thead>
              <tbody>
                ${m.invitations.map((inv) => {
                  const name = this.name(view, inv.participant);
                  const status = this.attendanceOf(m, inv.participant);
                  const flagged = absent.some((a) => a.meeting === m.id && a.participant === inv.participant);
                  return html`<tr class=${flagged ? 'flagged' : ''}>
                    <th scope="row">${flagged ? html`<span aria-hidden="true">⚑ </span>` : nothing}${name}</th>
                    <td>${ro ? this.t(`mode.${inv.mode}`) : this.select(`${id}-${inv.participant}-mode`, this.t('inv.modeLabel', { name }), inv.mode, this.options(['called', 'invited'] as const, 'mode.'), (v) => this.apply((s) => s.inviteToMeeting(m.id, inv.participant, v as InvitationMode), 'invitation'))}</td>
                    <td>${ro ? this.t(`response.${inv.response}`) : this.select(`${id}-${inv.participant}-response`, this.t('inv.responseLabel', { name }), inv.response, this.options(INVITATION_RESPONSES, 'response.'), (v) => this.apply((s) => s.recordInvitationResponse(m.id, inv.participant, v as InvitationResponse, this.day), 'response'))}</td>
                    ${started
                      ? html`<td>
                          ${ro
                            ? (status ? this.t(`att.${status}`) : '–')
                            : this.select(`${id}-${inv.participant}-att`, this.t('att.label', { name }), status ?? '', this.options(ATTENDANCE, 'att.'), (v) => this.attendance.set(m.id, (this.attendance.get(m.id) ?? new Map()).set(inv.participant, v as AttendanceStatus)), this.t('att.unknown'))}
                        </td>`
                      : nothing}
                    ${changeable
                      ? html`<td>
                          ${m.attendance.some((a) => a.participant === inv.participant)
                            ? nothing
                            : html`<button type="button" id=${`${id}-${inv.participant}-remove`} @click=${() => this.onWithdrawInvitation(m, inv.participant, name)}>
                                ${this.t('inv.remove')}<span class="sip-visually-hidden"> ${this.t('inv.removeFor', { name })}</span>
                              </button>`}
                        </td>`
                      : nothing}
                  </tr>`;
                })}
              </tbody>
            </table>`
          : html`<p part="empty">${this.t('inv.none')}</p>`}
        ${notInvited.length
          ? html`<div class="row add-invitation">
              ${selectField({ id: `${id}-add-who`, label: this.t('inv.addWho'), value: notInvited[0]!.id, options: notInvited.map((p) => ({ value: p.id, label: this.name(view, p.id) })) })}
              <button type="button" id=${`${id}-add`} @click=${() => this.onAddInvitation(m, view)}>${this.t('inv.add')}</button>
            </div>`
          : nothing}
        <div class="actions">
          ${m.startsAt
            ? html`<button type="button" part="export" id=${`${id}-ics`} aria-describedby=${ifDefined(exportFailed ? `${id}-ics-error` : undefined)} @click=${() => this.onExport(m)}>
                ${this.t('ics.export')}
              </button>`
            : nothing}
          ${started && !ro && m.invitations.length
            ? html`<button type="button" class="sip-primary" id=${`${id}-att-save`} @click=${() => this.onAttendanceSave(m)}>${this.t('att.save')}</button>`
            : nothing}
        </div>
        ${exportFailed ? html`<ul class="sip-errors" part="error" id=${`${id}-ics-error`}><li>${this.t('ics.failed')}</li></ul>` : nothing}
        ${started || m.notes
          ? textareaField({ id: `${id}-notes`, label: this.t('notes.label'), value: m.notes ?? '', readonly: ro, maxlength: 10000, rows: 4, onChange: (v) => this.onNotes(m.id, v) })
          : nothing}
      </article>
    </li>`;
  }

  /** A compact select with a visually hidden label (the table's row and column say the rest). */
  private select(id: string, label: string, value: string, options: readonly SelectOption[], onChange: (v: string) => void, placeholder?: string): TemplateResult {
    return html`<label class="sip-visually-hidden" for=${id}>${label}</label
      ><select id=${id} part="select" @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
        ${placeholder !== undefined ? html`<option value="" ?selected=${value === ''}>${placeholder}</option>` : nothing}
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
      </select>`;
  }

  private renderPlanForm(view: Plan | RedactedPlan): TemplateResult {
    const d = this.draft;
    const e = this.planErrors;
    const set = <K extends keyof MeetingDraft>(k: K) => (v: MeetingDraft[K]) => void (this.draft[k] = v);
    const invite = d.invite ?? view.participants.map((p) => p.id);
    return html`<form part="plan-form" class="form" novalidate aria-labelledby="plan-h" @submit=${this.onPlanSubmit}>
      <h3 id="plan-h">${this.t('plan.title')}</h3>
      ${selectField({ id: 'plan-kind', label: this.t('plan.kind'), value: d.kind, options: this.options(MEETING_KINDS, 'kind.'), onChange: (v) => set('kind')(v as MeetingKind) })}
      <div class="row">
        ${dateField({ id: 'plan-date', label: this.t('plan.date'), value: d.date, ...this.required(), errors: e.time, onChange: set('date') })}
        ${field(
          { id: 'plan-time', label: this.t('plan.time'), ...this.required() },
          html`<input id="plan-time" part="input" type="time" .value=${d.time} aria-required="true" @change=${(ev: Event) => set('time')((ev.target as HTMLInputElement).value)} />`,
        )}
        ${field(
          { id: 'plan-minutes', label: this.t('plan.minutes') },
          html`<input id="plan-minutes" part="input" type="number" min="5" max="1440" step="5" .value=${d.minutes} @change=${(ev: Event) => set('minutes')((ev.target as HTMLInputElement).value)} />`,
        )}
      </div>
      ${textField({ id: 'plan-place', label: this.t('plan.place'), help: this.t('plan.placeHelp'), value: d.place, maxlength: 200, onInput: set('place') })}
      <div class="sip-check">
        <input id="plan-chosen" type="checkbox" .checked=${d.chosen} @change=${(ev: Event) => set('chosen')((ev.target as HTMLInputElement).checked)} /><label for="plan-chosen">${this.t('plan.chosen')}</label>
      </div>
      ${textField({ id: 'plan-link', label: this.t('plan.link'), help: this.t('plan.linkHelp'), value: d.link, errors: e.link, maxlength: 2048, onInput: set('link') })}
      ${textareaField({ id: 'plan-agenda', label: this.t('plan.agenda'), help: this.t('plan.agendaHelp'), value: d.agenda, onInput: set('agenda') })}
      ${view.participants.length
        ? checkboxGroup({
            id: 'plan-invite',
            legend: this.t('plan.invite'),
            options: view.participants.map((p) => ({ value: p.id, label: `${p.name} – ${this.t(`mode.${defaultInvitationMode(view, p.id)}`)}` })),
            selected: invite,
            onToggle: (v, on) => (this.draft.invite = on ? [...new Set([...invite, v])] : invite.filter((x) => x !== v)),
          })
        : nothing}
      ${e.form ? html`<ul class="sip-errors" part="error">${e.form.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
      <button type="submit" id="plan-submit" class="sip-primary">${this.t('plan.submit')}</button>
    </form>`;
  }

  private renderFollowUps(view: Plan | RedactedPlan): TemplateResult {
    const ro = this.readonly;
    const fus = oldestFirst(view.followUps, (f) => f.dueOn);
    const current = fus.find((f) => f.id === this.selectedFollowUp) ?? fus.find((f) => f.doneOn === undefined) ?? fus[fus.length - 1];
    return html`${current
        ? html`${selectField({
              id: 'fu-which',
              label: this.t('fu.which'),
              value: current.id,
              options: fus.map((f) => ({ value: f.id, label: this.t('fu.option', { date: this.date(f.dueOn), name: this.name(view, f.responsible) }) })),
              onChange: (v) => (this.selectedFollowUp = v),
            })}
            <p>
              ${this.t('fu.due', { date: this.date(current.dueOn), name: this.name(view, current.responsible) })}
              ${current.doneOn ? this.t('fu.doneOn', { date: this.date(current.doneOn) }) : nothing}
            </p>
            <h3>${this.t('eval.title')}</h3>
            ${view.goals.length ? view.goals.map((g) => this.renderEvaluation(current.id, g.id, g.text)) : html`<p part="empty">${this.t('eval.noGoals')}</p>`}
            ${!ro && current.doneOn === undefined
              ? html`<button type="button" id="fu-complete" @click=${() => this.onComplete(current.id)}>${this.t('fu.complete')}</button>`
              : nothing}`
        : html`<p part="empty">${this.t('fu.none')}</p>`}
      ${ro ? nothing : this.renderBookForm(view, current?.id)}`;
  }

  private renderEvaluation(followUp: string, goal: string, text: string): TemplateResult {
    const d = this.evalDraft(followUp, goal);
    const id = `ev-${followUp}-${goal}`;
    const ro = this.readonly;
    const view = (k: (typeof EVAL_TEXTS)[number], suffix: string, label: FollowupKey, rows?: number) =>
      textareaField({ id: `${id}-${suffix}`, label: this.t(label), value: d[k], readonly: ro, maxlength: 2000, ...(rows ? { rows } : {}), onInput: (v) => (d[k] = v) });
    return html`<fieldset part="evaluation" class="evaluation sip-fieldset">
      <legend>${text}</legend>
      ${selectField({ id: `${id}-outcome`, label: this.t('eval.outcome'), value: d.outcome, readonly: ro, options: this.options(GOAL_OUTCOMES, 'outcome.'), onChange: (v) => (d.outcome = v as GoalOutcome) })}
      <div class="views">${view('personView', 'person', 'eval.person')} ${view('professionalView', 'pro', 'eval.professional')}</div>
      ${view('note', 'note', 'eval.note', 2)}
      ${ro ? nothing : html`<button type="button" id=${`${id}-save`} @click=${() => this.onEvaluate(followUp, goal)}>${this.t('eval.save')}</button>`}
    </fieldset>`;
  }

  private renderBookForm(view: Plan | RedactedPlan, current: string | undefined): TemplateResult {
    return html`<form part="book-form" class="form" novalidate aria-labelledby="book-h" @submit=${(e: Event) => this.onBook(e, current)}>
      <h3 id="book-h">${this.t('book.title')}</h3>
      <div class="row">
        ${dateField({ id: 'book-date', label: this.t('book.date'), value: this.book.date, min: this.day, ...this.required(), onChange: (v) => (this.book.date = v) })}
        ${selectField({
          id: 'book-who',
          label: this.t('book.who'),
          value: this.book.who,
          ...this.required(),
          placeholder: this.t('att.unknown'),
          options: view.participants.map((p) => ({ value: p.id, label: p.name })),
          onChange: (v) => (this.book.who = v),
        })}
      </div>
      ${this.bookErrors.length ? html`<ul class="sip-errors" part="error">${this.bookErrors.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
      <button type="submit" id="book-submit" class="sip-primary">${this.t('book.submit')}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sip-followup': SipFollowup;
  }
}

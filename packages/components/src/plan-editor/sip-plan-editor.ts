import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import {
  EXPRESSED_BY,
  GOAL_HORIZONS,
  INTERVENTION_STATUSES,
  LIMITS,
  PARTICIPANT_ROLES,
  PARTY_KINDS,
  SipValidationError,
  formatIssues,
  type Goal,
  type Intervention,
  type Participant,
  type Party,
  type Plan,
  type PlanCommand,
  type StoreEvent,
} from '@sip-kit/core';
import type { SaveFailure, SaveStatus } from '../context/saver.js';
import type { PlanFeedback, PlanStoreService } from '../context/services.js';
import { approvalMarker, checkboxGroup, dateField, sectionHeading, selectField, textField, textareaField, type FieldBase, type SelectOption } from '../shared/fields.js';
import { deadlineText, formatDate } from '../shared/format.js';
import { focusAfterUpdate, listEditor, type ListEditorOptions } from '../shared/list-editor.js';
import { LazyPart } from '../shared/lazy-part.js';
import { SipElement } from '../shared/sip-element.js';
import { sipBaseStyles } from '../shared/styles.js';
import { editorMessages, type EditorKey } from './messages.js';
import type { EditorSection } from './party-view.js';
import type { Translate } from './person-view.js';
import { planEditorStyles } from './sip-plan-editor.styles.js';

/** Detail of `sip-plan-change`. */
export interface PlanChangeDetail {
  /** The plan after the change. */
  plan: Plan;
  /** The store command that changed it (`{ type: 'addGoal', … }`), or `undo` / `redo` / `replace`. */
  command: PlanCommand | StoreEvent;
}
/** Detail of `sip-plan-save`. */
export interface PlanSaveDetail {
  /** The plan as saved, with its new `version`. */
  plan: Plan;
}
/** Detail of `sip-plan-save-error`. */
export interface PlanSaveErrorDetail {
  /** Why: `network`, `conflict`, `not-found`, `invalid` or `other`. */
  failure: SaveFailure;
  /** The repository's error (`NetworkError`, `ConflictError` …). */
  error: unknown;
  /** The plan that was not saved — it is still in the editor, nothing is lost. */
  plan: Plan;
}
/** Detail of `sip-plan-invalid`. */
export interface PlanInvalidDetail {
  /** What was wrong (codes and paths from core). */
  issues: SipValidationError['issues'];
  /** Plain-language messages in the UI locale. */
  messages: string[];
  /** The DOM id of the field the change came from. */
  field: string;
}

/** The editor's modes. */
export type PlanEditorMode = 'professional' | 'person';

type Draft = Record<string, string>;

/** A field's options as a section gives them: the editor adds read-only and the required word, and `rule` is where the rules' messages about it are. */
type PlanField<F> = Omit<F, 'readonly' | 'requiredText'> & { rule?: readonly (string | number)[] };

/** Text fields commit on every keystroke; the store joins one field's keystrokes into one undo step. */
const TYPING = { typing: true } as const;

/**
 * Goals and interventions rendered in the first paint of a long plan: more
 * than fill any screen (goals and closed interventions below them are off
 * screen). The rest follow in idle time right after, this many at a time.
 */
const FIRST_ITEMS = 10;
const MORE_ITEMS = 100;
const whenIdle = (callback: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 200 });
  else setTimeout(callback, 1);
};

/**
 * The person's plain-language view (`mode="person"`): a chunk of its own, as the
 * professional editor (the default) never shows it. See {@link SipPlanEditor.firstUpdated} for when it is fetched early.
 * Its strings (`personViewMessages`) come with it.
 */
const personView = new LazyPart(() => import('./person-view.js'));
/**
 * What a party may see (`party` set): a chunk of its own, with core's
 * redaction, as the professional editor never shows it; it loads when `party`
 * is first set, and nothing of the plan shows until it has. Its strings
 * (`partyViewMessages`) come with it.
 */
const partyView = new LazyPart(() => import('./party-view.js'));

/** The sections of the professional view, in order (the party view shows the same, or notices). */
const SECTIONS: readonly EditorSection[] = ['person', 'voice', 'parties', 'participants', 'roles', 'needs', 'resources', 'goals', 'interventions', 'otherInterventions', 'followUps'];

const pathKey = (path: readonly (string | number)[]) => path.join('\u0000');

/** A lookup built once per object (plans and rule feedback are immutable, so it stays right while the object does). */
function memoPer<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
}

const partiesById = memoPer((parties: Plan['parties']) => new Map(parties.map((p) => [p.id, p])));
const participantsById = memoPer((participants: Plan['participants']) => new Map(participants.map((p) => [p.id, p])));
const positions = memoPer((items: Plan['interventions']) => new Map(items.map((x, n) => [x.id, n])));

/**
 * The rules' messages by exact path; and, as one string each (what a rendering
 * depends on), the messages about one list item (`goals`, 3) and about all items of a list (`goals`).
 */
interface MissingIndex {
  at: Map<string, string[]>;
  item: Map<string, string>;
  items: Map<string, string>;
}
/** Rule feedback is a new object per plan: index it once instead of filtering it for every field. */
const indexMissing = memoPer((feedback: PlanFeedback): MissingIndex => {
  const index: MissingIndex = { at: new Map(), item: new Map(), items: new Map() };
  const append = (map: Map<string, string>, key: string, text: string) => map.set(key, (map.get(key) ?? '') + text);
  for (const m of feedback.missing) {
    const at = pathKey(m.path);
    index.at.set(at, [...(index.at.get(at) ?? []), m.message]);
    if (m.path.length >= 2) {
      append(index.item, pathKey(m.path.slice(0, 2)), `${at}\u0001${m.message}\u0002`);
      append(index.items, String(m.path[0]), `${at}\u0001${m.message}\u0002`);
    }
  }
  return index;
});
const NO_MISSING: MissingIndex = { at: new Map(), item: new Map(), items: new Map() };

/** The items with changes awaiting the person's approval, and their ids as one string (what a list's rendering depends on). */
const pendingItems = memoPer((pending: Plan['pendingApproval']) => {
  const items = new Set(pending.map((p) => p.item));
  return { items: items as ReadonlySet<string | undefined>, key: [...items].sort().join('\u0000') };
});
const NO_PENDING = pendingItems([]);

/** Interventions by principals (or by a party not in the plan), and by other actors. */
interface Split {
  parties: Plan['parties'];
  principal: Intervention[];
  other: Intervention[];
}
const splits = new WeakMap<Plan['interventions'], Split>();
/** The two intervention lists: the same arrays while the interventions and parties are, so their renders can be skipped. */
function splitInterventions(plan: Plan): Split {
  const hit = splits.get(plan.interventions);
  if (hit && hit.parties === plan.parties) return hit;
  const parties = partiesById(plan.parties);
  const split: Split = { parties: plan.parties, principal: [], other: [] };
  for (const i of plan.interventions) (parties.get(i.party)?.principal === false ? split.other : split.principal).push(i);
  splits.set(plan.interventions, split);
  return split;
}

/**
 * The whole coordinated plan, edited together with the person: the person and
 * participants (with initiator, meeting chair and coordinator, and handover of
 * coordination), what matters to the person (and a child's own view), needs,
 * strengths, goals, interventions by the principals and by other actors, and
 * the next follow-up. Completeness feedback and deadlines come from the rules
 * in `@sip-kit/core`; every change goes through the plan store. Drafts
 * autosave; a failed save loses nothing and offers retry; Ctrl+Z / Ctrl+Shift+Z
 * undo and redo.
 *
 * `mode="person"` shows a plain-language, read-only "my plan" for the person.
 *
 * With `party` set (a party id) the editor acts for that party: it shows only
 * the copy of the plan that the person's consent lets the party see
 * (`redactForParty` from `@sip-kit/core`, judged on the rules' today), and a
 * section the consent does not cover shows a notice instead of its data. No
 * completeness messages or field-level rule feedback are shown then (they are
 * computed from the whole plan), and deadlines go with their sections. This
 * view is always read-only, whatever `readonly` and `mode` say: a party acting
 * without the plan owner's rights must never edit the plan through a redacted
 * copy. Remove `party` to edit the whole plan.
 *
 * @tagname sip-plan-editor
 * @fires {CustomEvent<PlanChangeDetail>} sip-plan-change - The plan changed (a command, undo or redo).
 * @fires {CustomEvent<PlanSaveDetail>} sip-plan-save - The plan was saved to the repository.
 * @fires {CustomEvent<PlanSaveErrorDetail>} sip-plan-save-error - Saving failed; everything typed is still in the editor.
 * @fires {CustomEvent<PlanInvalidDetail>} sip-plan-invalid - A change was refused because it would make the plan invalid.
 * @csspart toolbar - Undo, redo, save and the save status.
 * @csspart save-status - The words saying whether everything is saved.
 * @csspart save-error - The message shown when saving failed, with the retry button.
 * @csspart deadline-banner - Deadlines from the rules (SIP meeting due, overdue …).
 * @csspart completeness - What the plan still lacks, from the rules.
 * @csspart section - Every section of the plan (also `section-<name>`, e.g. `section-goals`).
 * @csspart heading - Section headings.
 * @csspart field - A label with its control, help and errors.
 * @csspart label - Field labels.
 * @csspart input - Text and date inputs.
 * @csspart textarea - Multi-line inputs.
 * @csspart select - Drop-downs.
 * @csspart error - A field's error messages.
 * @csspart help - A field's help text.
 * @csspart list - Lists of goals, needs, interventions …
 * @csspart item - One item in a list.
 * @csspart item-actions - Move and remove buttons of an item.
 * @csspart button - Every button.
 * @csspart approval - A marker on changes the person has not approved yet.
 * @csspart person-view - The plain-language view of `mode="person"`.
 * @csspart party-view - The read-only view of what one party may see (`party` set).
 * @csspart party-note - The note above it saying whose view it is and that it cannot be changed.
 * @csspart not-covered - The notice shown instead of a section the consent does not cover.
 * @csspart announcer - The visually hidden live region.
 * @cssprop --sip-font-family - Font (default: inherited from the page).
 * @cssprop --sip-font-size - Base font size (default: inherited).
 * @cssprop --sip-color-text - Text colour.
 * @cssprop --sip-color-muted - Help text and save status colour.
 * @cssprop --sip-color-surface - Background of fields, buttons and list items.
 * @cssprop --sip-color-surface-muted - Background of banners and read-only fields.
 * @cssprop --sip-color-border - Borders of fields, buttons and items.
 * @cssprop --sip-color-accent - Primary buttons and checkboxes.
 * @cssprop --sip-color-accent-text - Text on primary buttons.
 * @cssprop --sip-color-focus - Focus ring.
 * @cssprop --sip-color-danger - Errors and overdue deadlines.
 * @cssprop --sip-color-danger-surface - Background of the save error.
 * @cssprop --sip-color-warning - Edge of notices and approval markers.
 * @cssprop --sip-color-warning-surface - Background of notices and approval markers.
 * @cssprop --sip-space-2xs - Smallest gap.
 * @cssprop --sip-space-xs - Small gap.
 * @cssprop --sip-space-s - Gap between fields.
 * @cssprop --sip-space-m - Gap above headings.
 * @cssprop --sip-space-l - Gap between sections.
 * @cssprop --sip-radius - Corner radius of fields, buttons and items.
 * @cssprop --sip-target-size - Minimum height of buttons and inputs (default 2.5rem; never below 24px).
 */
export class SipPlanEditor extends SipElement<EditorKey> {
  static override styles = [sipBaseStyles, planEditorStyles];

  static override properties = {
    mode: { reflect: true },
    party: {},
    unloadWarning: { type: Boolean, attribute: 'unload-warning' },
    expanded: { state: true },
  };

  /** `professional` (editing, the default) or `person` (plain-language, read-only "my plan"). */
  mode: PlanEditorMode = 'professional';
  /**
   * Act for this party (a party id): show only what the person's consent lets
   * it see (`redactForParty`), read-only; withheld sections say so.
   */
  party?: string;
  /** Ask the browser to warn before leaving the page while changes are unsaved (opt-in: `unload-warning`). */
  unloadWarning = false;
  /** Interventions whose full form is open. */
  private expanded = new Set<string>();
  /** Refusal messages per field id. */
  private errors = new Map<string, string[]>();
  /** Values typed into the "add" rows before the item exists. */
  private draft: Draft = {};
  private lastSave: SaveStatus | undefined;
  /** How many goals and interventions of each list are rendered: all once the plan changes, or soon after the first paint (see FIRST_ITEMS). */
  private shown = FIRST_ITEMS;
  private showingMore = false;
  /** Lookups for the render under way (set at the start of {@link render}). */
  private lookups = { missing: NO_MISSING, pending: NO_PENDING };

  protected override get catalogue() {
    return editorMessages;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
  }

  /** Saves now (skipping the autosave delay). Resolves when the save settles. */
  save(): Promise<void> {
    return this.planController.saver?.flush() ?? Promise.resolve();
  }

  // ------------------------------------------------------------ events

  protected override planChanged(plan: Plan, change: PlanCommand | StoreEvent): void {
    if (change.type === 'markSaved') return;
    // Someone is working on the plan: every item must be there (focus may move to any of them).
    this.shown = Infinity;
    this.emit<PlanChangeDetail>('sip-plan-change', { plan, command: change });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('plan' as keyof SipPlanEditor)) this.shown = FIRST_ITEMS;
    if (changed.has('party' as keyof SipPlanEditor) && this.party) {
      // Messages typed or announced while editing the whole plan may name what this party must not see.
      this.errors.clear();
      if (this.hasUpdated) this.announcer.announce('');
    }
    const status = this.planController.saveStatus;
    if (status !== this.lastSave) {
      this.lastSave = status;
      if (status.state === 'saved' && status.saved) {
        this.emit<PlanSaveDetail>('sip-plan-save', { plan: status.saved });
      } else if (status.state === 'error' && this.plan) {
        this.emit<PlanSaveErrorDetail>('sip-plan-save-error', { failure: status.failure ?? 'other', error: status.error, plan: this.plan });
        this.announcer.announce(this.t(`save.error.${status.failure ?? 'other'}`), 'assertive');
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const plan = this.plan;
    if (this.showingMore || !plan || this.shown >= Math.max(plan.goals.length, plan.interventions.length)) return;
    this.showingMore = true;
    whenIdle(() => {
      this.showingMore = false;
      // Away from the page: render everything when it comes back.
      this.shown = this.isConnected ? this.shown + MORE_ITEMS : Infinity;
      if (this.isConnected) this.requestUpdate();
    });
  }

  /**
   * An editable plan is gone through with the person, who may then be shown
   * "my plan" (`mode` switched at runtime): fetch that view in idle time so the
   * switch does not wait. Read-only and party views rarely switch, and in
   * person mode the first render is already loading it.
   */
  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    if (!this.isReadonly) personView.prefetch();
  }

  private readonly onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (this.unloadWarning && this.planController.unsaved) {
      e.preventDefault();
      e.returnValue = '';
    }
  };

  private onKeyDown(e: KeyboardEvent): void {
    if (!(e.ctrlKey || e.metaKey) || this.isReadonly) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      this.onUndo();
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      this.onRedo();
    }
  }

  /** Leaving a field ends its typing burst: Ctrl+Z then undoes only what was typed there. */
  private readonly onFocusOut = () => this.store?.checkpoint();

  private onUndo(): void {
    if (this.store?.canUndo && this.runCommand((s) => s.undo()).ok) this.announcer.announce(this.t('undo.done'));
  }

  private onRedo(): void {
    if (this.store?.canRedo && this.runCommand((s) => s.redo()).ok) this.announcer.announce(this.t('redo.done'));
  }

  /**
   * Runs a store command for the field `fieldId`. A refusal is shown under the
   * field, announced, and fired as `sip-plan-invalid`; what the user typed stays.
   */
  private exec<R>(fieldId: string, command: (store: PlanStoreService) => R): R | undefined {
    if (this.party) return undefined; // never change the plan through a party's copy
    const result = this.runCommand(command);
    if (result.ok) {
      if (this.errors.delete(fieldId)) this.requestUpdate();
      return result.value;
    }
    const issues = SipValidationError.is(result.error) ? result.error.issues : [{ path: [], code: 'unreadable', message: String(result.error) }];
    const messages = formatIssues(issues, this.activeLocale);
    this.errors.set(fieldId, messages);
    this.requestUpdate();
    this.announcer.announce(this.t('refused', { reason: messages.join(' ') }), 'assertive');
    this.emit<PlanInvalidDetail>('sip-plan-invalid', { issues, messages, field: fieldId });
    return undefined;
  }

  private get isReadonly(): boolean {
    return this.readonly || this.mode === 'person' || !!this.party;
  }

  // ------------------------------------------------------------ helpers

  /** Messages of the rules' missing items at exactly `path`. */
  private missingAt(...path: (string | number)[]): string[] {
    return this.lookups.missing.at.get(pathKey(path)) ?? [];
  }

  /** Every rule message about one list item (`'interventions', 3`), as one string: what its rendering depends on. */
  private missingOf(list: string, index: number | undefined): string {
    return index === undefined ? '' : (this.lookups.missing.item.get(pathKey([list, index])) ?? '');
  }

  /** Every refusal message of the fields whose ids start with `prefix`, as one string (usually there are none). */
  private errorsOf(prefix: string): string {
    let out = '';
    for (const [id, messages] of this.errors) if (id.startsWith(prefix)) out += `${id}\u0001${messages.join('\u0001')}\u0002`;
    return out;
  }

  /** True when `item` has a change awaiting the person's approval. */
  private isPending(item: string): boolean {
    return this.lookups.pending.items.has(item);
  }

  private errs(id: string, ...rulePath: (string | number)[]): string[] | undefined {
    const all = [...(this.errors.get(id) ?? []), ...(rulePath.length ? this.missingAt(...rulePath) : [])];
    return all.length ? all : undefined;
  }

  private pendingFor(item: string): TemplateResult | typeof nothing {
    return this.isPending(item) ? approvalMarker(this.t('approval.needed')) : nothing;
  }

  private participantName(plan: Plan, id: string | undefined): string {
    return (id !== undefined && participantsById(plan.participants).get(id)?.name) || '';
  }

  private partyName(plan: Plan, id: string | undefined): string {
    return (id !== undefined && partiesById(plan.parties).get(id)?.name) || '';
  }

  private options<T extends string>(values: readonly T[], prefix: string): SelectOption[] {
    return values.map((v) => ({ value: v, label: this.t(`${prefix}.${v}` as EditorKey) }));
  }

  private participantOptions(plan: Plan, filter?: (p: Participant) => boolean): SelectOption[] {
    return plan.participants.filter(filter ?? (() => true)).map((p) => ({ value: p.id, label: p.title ? `${p.name} (${p.title})` : p.name }));
  }

  private partyOptions(parties: readonly Party[]): SelectOption[] {
    return parties.map((p) => ({ value: p.id, label: p.name }));
  }

  /**
   * The editor's part of every field of the plan: read-only with the editor,
   * and its errors (refusals of its `id`, then the rules' messages at `rule`)
   * unless given.
   */
  private ours<F extends FieldBase>(f: PlanField<F>): F {
    return { ...f, readonly: this.isReadonly, requiredText: this.t('field.required'), errors: f.errors ?? this.errs(f.id, ...(f.rule ?? [])) } as F;
  }

  private text(f: PlanField<Parameters<typeof textField>[0]>) {
    return textField(this.ours(f));
  }

  private area(f: PlanField<Parameters<typeof textareaField>[0]>) {
    return textareaField(this.ours(f));
  }

  private choose(f: PlanField<Parameters<typeof selectField>[0]>) {
    return selectField(this.ours(f));
  }

  private date(f: PlanField<Parameters<typeof dateField>[0]>) {
    return dateField(this.ours(f));
  }

  /** The row under a section that adds to it: draft fields and the button; nothing when read-only. */
  private addRow(fields: unknown, label: string, onAdd: () => void, part = 'add'): TemplateResult | typeof nothing {
    return this.isReadonly ? nothing : html`<div class="add-row">${fields}<button type="button" part=${`button ${part}`} @click=${onAdd}>${label}</button></div>`;
  }

  /** A text field of an add row: what is typed stays in `draft[key]` until the item is added. */
  private draftText(id: string, key: string, label: string, maxlength: number): TemplateResult {
    return textField({ id, label, value: this.draft[key] ?? '', maxlength, errors: this.errs(id), onInput: this.draftInput(key) });
  }

  /** A drop-down of an add row: the choice stays in `draft[key]` (else `fallback`) until the item is added. */
  private draftChoice(id: string, key: string, label: string, options: SelectOption[], fallback = '', placeholder?: string, help?: string): TemplateResult {
    return selectField({ id, label, value: this.draft[key] ?? fallback, placeholder, options, help, onChange: this.draftInput(key) });
  }

  /** One of the plan's lists: items keyed by id, named by their section's heading, read-only with the editor. */
  private list<T extends { id: string }>(section: string, o: Omit<ListEditorOptions<T>, 'key' | 'labelledBy' | 'locale' | 'readonly'>): TemplateResult {
    return listEditor<T>({ ...o, key: (x) => x.id, labelledBy: `h-${section}`, locale: this.activeLocale, readonly: this.isReadonly });
  }

  private section(name: string, title: string, body: unknown, extra?: TemplateResult | typeof nothing): TemplateResult {
    const errors = this.missingAt(name === 'otherInterventions' ? 'interventions' : name);
    return html`<section part=${`section section-${name}`} aria-labelledby=${`h-${name}`}>
      ${sectionHeading(`h-${name}`, title)}
      ${name !== 'otherInterventions' && errors.length ? html`<ul class="sip-errors" part="error">${errors.map((e) => html`<li>${e}</li>`)}</ul>` : nothing}
      ${body} ${extra ?? nothing}
    </section>`;
  }

  /**
   * A list rendered again only when `deps` (what it shows), the locale or
   * read-only changed: typing elsewhere in the plan leaves it alone.
   */
  private skippable(deps: readonly unknown[], render: () => TemplateResult) {
    return guard([...deps, this.isReadonly, this.activeLocale], render);
  }

  /** Moves focus after an add or remove, once the list has re-rendered. */
  private focusLater(...selectors: string[]): void {
    void focusAfterUpdate(this, ...selectors);
  }

  private draftInput(key: string) {
    return (v: string) => {
      this.draft[key] = v;
    };
  }

  private added(name: string): void {
    this.announcer.announce(this.t('added', { item: name }));
  }

  // ------------------------------------------------------------ render

  override render() {
    const plan = this.plan;
    if (!plan) return html`${this.announcer.render()}`;
    // The rules see the whole plan: their messages may name what a party must not see.
    const party = this.party;
    this.lookups = party ? { missing: NO_MISSING, pending: NO_PENDING } : { missing: indexMissing(this.feedback), pending: pendingItems(plan.pendingApproval) };
    if (party || this.mode === 'person') {
      const t: Translate = (key, params) => this.t(key, params);
      // Each view brings its own strings: it shows once they are loaded in the active locale.
      const view = party
        ? this.lazy(
            partyView,
            (m) =>
              m.renderPartyView(plan, party, this.planController.rules.today, {
                t,
                locale: this.activeLocale,
                section: (name, copy) => this.renderSection(name, copy),
                deadlines: (shown) => this.renderDeadlines(shown),
              }),
            (m) => m.partyViewMessages,
          )
        : this.lazy(personView, (m) => m.renderPersonView(plan, t, this.activeLocale), (m) => m.personViewMessages);
      return html`<div lang=${this.activeLocale}>${view}${this.announcer.render()}</div>`;
    }
    return html`<div lang=${this.activeLocale} @keydown=${this.onKeyDown} @focusout=${this.onFocusOut}>
      ${this.renderToolbar()} ${this.renderSaveError()} ${this.renderDeadlines()} ${this.renderCompleteness(plan)}
      ${SECTIONS.map((name) => this.renderSection(name, plan))} ${this.announcer.render()}
    </div>`;
  }

  /** One section of the plan (also used, read-only, by the party view). */
  private renderSection(name: EditorSection, plan: Plan): TemplateResult {
    switch (name) {
      case 'person':
        return this.renderPerson(plan);
      case 'voice':
        return this.renderVoice(plan);
      case 'parties':
        return this.renderParties(plan);
      case 'participants':
        return this.renderParticipants(plan);
      case 'roles':
        return this.renderRoles(plan);
      case 'needs':
      case 'resources':
        return this.renderTextList(plan, name);
      case 'goals':
        return this.renderGoals(plan);
      case 'interventions':
      case 'otherInterventions':
        return this.renderInterventions(plan, name);
      case 'followUps':
        return this.renderFollowUp(plan);
    }
  }

  private renderToolbar(): TemplateResult {
    const status = this.planController.saveStatus;
    const words =
      status.state === 'saving'
        ? this.t('save.saving')
        : status.state === 'error' || this.planController.unsaved
          ? this.t('save.unsaved')
          : status.state === 'saved'
            ? this.t('save.saved')
            : '';
    return html`<div part="toolbar" role="toolbar" aria-label=${this.t('toolbar')}>
      ${this.isReadonly
        ? nothing
        : html`<button type="button" part="button undo" ?disabled=${!this.store?.canUndo} @click=${this.onUndo} aria-keyshortcuts="Control+Z">${this.t('undo')}</button>
            <button type="button" part="button redo" ?disabled=${!this.store?.canRedo} @click=${this.onRedo} aria-keyshortcuts="Control+Shift+Z">${this.t('redo')}</button>
            ${this.planController.saver
              ? html`<button type="button" class="sip-primary" part="button save" @click=${() => void this.save()}>${this.t('save')}</button>`
              : nothing}`}
      <p part="save-status">${words}</p>
    </div>`;
  }

  private renderSaveError(): TemplateResult | typeof nothing {
    const status = this.planController.saveStatus;
    if (status.state !== 'error') return nothing;
    return html`<div part="save-error">
      <p>${this.t(`save.error.${status.failure ?? 'other'}`)}</p>
      <button type="button" class="sip-primary" part="button retry" @click=${() => void this.planController.saver?.retry()}>${this.t('save.retry')}</button>
    </div>`;
  }

  private renderDeadlines(shown: (d: PlanFeedback['deadlines'][number]) => boolean = () => true): TemplateResult | typeof nothing {
    const open = this.feedback.deadlines.filter((d) => d.status !== 'met' && shown(d));
    if (!open.length) return nothing;
    return html`<section part="deadline-banner" aria-labelledby="h-deadlines">
      <h2 id="h-deadlines" part="heading">${this.t('deadlines')}</h2>
      <ul>
        ${open.map(
          (d) => html`<li>
            <sip-status-badge .status=${d.status} .label=${deadlineText(d, this.activeLocale)}></sip-status-badge>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderCompleteness(plan: Plan): TemplateResult {
    const { complete, missing, pending: loading } = this.feedback;
    const pending = plan.pendingApproval.length;
    return html`<div part="completeness">
      ${loading
        ? nothing
        : complete
        ? html`<p>${this.t('complete')}</p>`
        : html`<p>${this.t('incomplete')}</p>
            <ul>
              ${missing.map((m) => html`<li>${m.message}</li>`)}
            </ul>`}
      ${pending ? approvalMarker(this.t('pending', { count: pending })) : nothing}
    </div>`;
  }

  private renderPerson(plan: Plan): TemplateResult {
    const p = plan.person;
    const upd = (id: string, key: 'name' | 'preferredName' | 'dateOfBirth' | 'communicationNeeds') => (v: string) =>
      this.exec(id, (s) => s.updatePerson({ [key]: v === '' && key !== 'name' ? null : v }, TYPING));
    return this.section(
      'person',
      this.t('sec.person'),
      html`<div class="grid">
        ${this.text({ id: 'person-name', label: this.t('f.name'), value: p.name, required: true, maxlength: LIMITS.shortText, onInput: upd('person-name', 'name') })}
        ${this.text({ id: 'person-preferred', label: this.t('f.preferredName'), value: p.preferredName ?? '', maxlength: LIMITS.shortText, onInput: upd('person-preferred', 'preferredName') })}
        ${this.date({ id: 'person-dob', label: this.t('f.dateOfBirth'), value: p.dateOfBirth ?? '', onChange: upd('person-dob', 'dateOfBirth') })}
      </div>
      ${this.area({ id: 'person-communication', label: this.t('f.communicationNeeds'), value: p.communicationNeeds ?? '', maxlength: LIMITS.text, onInput: upd('person-communication', 'communicationNeeds') })}`,
    );
  }

  private renderVoice(plan: Plan): TemplateResult {
    const v = plan.personVoice;
    const upd = (id: string, key: 'whatMattersToMe' | 'ownWords' | 'ownContribution' | 'relativesContribution') => (value: string) =>
      this.exec(id, (s) => s.updatePersonVoice({ [key]: value === '' ? null : value }, TYPING));
    const child = plan.person.isChild;
    const childView = (changes: { text?: string; howHeard?: string }) => {
      const current = v.childView ?? { text: '' };
      const next = { ...current, ...changes };
      if (next.howHeard === '') delete next.howHeard;
      return this.exec('voice-child', (s) => s.updatePersonVoice({ childView: next.text === '' && !next.howHeard ? null : next }, TYPING));
    };
    return this.section(
      'voice',
      this.t('sec.voice'),
      html`${this.area({ id: 'voice-matters', label: this.t('f.whatMatters'), help: this.t('f.whatMattersHelp'), value: v.whatMattersToMe ?? '', maxlength: LIMITS.longText, rows: 4, rule: ['personVoice', 'whatMattersToMe'], onInput: upd('voice-matters', 'whatMattersToMe') })}
      ${this.area({ id: 'voice-own', label: this.t('f.ownWords'), value: v.ownWords ?? '', maxlength: LIMITS.longText, onInput: upd('voice-own', 'ownWords') })}
      ${this.area({ id: 'voice-contribution', label: this.t('f.ownContribution'), value: v.ownContribution ?? '', maxlength: LIMITS.longText, rule: ['personVoice', 'ownContribution'], onInput: upd('voice-contribution', 'ownContribution') })}
      ${this.area({ id: 'voice-relatives', label: this.t('f.relativesContribution'), help: this.t('f.relativesContributionHelp'), value: v.relativesContribution ?? '', maxlength: LIMITS.longText, onInput: upd('voice-relatives', 'relativesContribution') })}
      ${child
        ? html`${this.area({ id: 'voice-child', label: this.t('f.childView'), help: this.t('f.childViewHelp'), value: v.childView?.text ?? '', maxlength: LIMITS.longText, rows: 4, rule: ['personVoice', 'childView'], onInput: (t) => childView({ text: t }) })}
          ${this.area({ id: 'voice-child-how', label: this.t('f.howHeard'), value: v.childView?.howHeard ?? '', maxlength: LIMITS.text, onInput: (t) => childView({ howHeard: t }) })}`
        : nothing}
      ${this.pendingFor('personVoice')}`,
    );
  }

  private renderParties(plan: Plan): TemplateResult {
    return this.section(
      'parties',
      this.t('sec.parties'),
      this.skippable([plan.parties, this.errorsOf('party-')], () =>
        this.list<Party>('parties', {
        id: 'party',
        items: plan.parties,
        itemLabel: (p) => p.name,
        onRemove: (p) => this.removeItem('party', p.id, p.name, (s) => s.removeParty(p.id), 'new-party-name'),
        deps: (p) => [this.errorsOf(`party-${p.id}-`)],
        renderItem: (p) => html`<div class="grid">
          ${this.text({ id: `party-${p.id}-name`, label: this.t('f.name'), value: p.name, required: true, maxlength: LIMITS.shortText, onInput: (v) => this.exec(`party-${p.id}-name`, (s) => s.updateParty(p.id, { name: v }, TYPING)) })}
          ${this.choose({ id: `party-${p.id}-kind`, label: this.t('f.kind'), value: p.kind, options: this.options(PARTY_KINDS, 'k'), onChange: (v) => this.exec(`party-${p.id}-kind`, (s) => s.updateParty(p.id, { kind: v as Party['kind'] })) })}
          ${checkboxGroup({ id: `party-${p.id}-principal`, legend: this.t('f.principal'), options: [{ value: 'yes', label: this.t('f.principal') }], selected: p.principal ? ['yes'] : [], readonly: this.isReadonly, onToggle: (_v, on) => this.exec(`party-${p.id}-principal`, (s) => s.updateParty(p.id, { principal: on })) })}
        </div>`,
        }),
      ),
      this.addRow(this.draftText('new-party-name', 'party', this.t('new.party'), LIMITS.shortText), this.t('add.party'), this.onAddParty),
    );
  }

  private readonly onAddParty = () => {
    const name = (this.draft['party'] ?? '').trim();
    const id = this.exec('new-party-name', (s) => s.addParty({ name, kind: 'other', principal: false }));
    if (id) {
      this.draft['party'] = '';
      this.added(name);
      this.focusLater(`#party-${id}-name`);
    }
  };

  private renderParticipants(plan: Plan): TemplateResult {
    return this.section(
      'participants',
      this.t('sec.participants'),
      this.skippable([plan.participants, plan.parties, this.errorsOf('participant-')], () =>
        this.list<Participant>('participants', {
        id: 'participant',
        items: plan.participants,
        itemLabel: (p) => p.name,
        onRemove: (p) => this.removeItem('participant', p.id, p.name, (s) => s.removeParticipant(p.id), 'new-participant-name'),
        deps: (p) => [this.errorsOf(`participant-${p.id}-`), p.role === 'professional' && plan.parties],
        renderItem: (p) => {
          const id = `participant-${p.id}`;
          return html`<div class="grid">
            ${this.text({ id: `${id}-name`, label: this.t('f.name'), value: p.name, required: true, maxlength: LIMITS.shortText, onInput: (v) => this.exec(`${id}-name`, (s) => s.updateParticipant(p.id, { name: v }, TYPING)) })}
            ${this.choose({ id: `${id}-role`, label: this.t('f.role'), value: p.role, options: this.options(PARTICIPANT_ROLES, 'r'), onChange: (v) => this.exec(`${id}-role`, (s) => s.updateParticipant(p.id, { role: v as Participant['role'] })) })}
            ${p.role === 'professional'
              ? html`${this.choose({ id: `${id}-party`, label: this.t('f.party'), value: p.party ?? '', placeholder: this.t('choose'), options: this.partyOptions(plan.parties), onChange: (v) => this.exec(`${id}-party`, (s) => s.updateParticipant(p.id, { party: v || null })) })}
                ${this.text({ id: `${id}-title`, label: this.t('f.title'), value: p.title ?? '', maxlength: LIMITS.shortText, onInput: (v) => this.exec(`${id}-title`, (s) => s.updateParticipant(p.id, { title: v || null }, TYPING)) })}`
              : nothing}
          </div>`;
        },
        }),
      ),
      this.addRow(
        html`${this.draftText('new-participant-name', 'participant', this.t('new.participant'), LIMITS.shortText)}
        ${this.draftChoice('new-participant-role', 'participantRole', this.t('f.role'), this.options(PARTICIPANT_ROLES, 'r'), 'professional')}`,
        this.t('add.participant'),
        this.onAddParticipant,
      ),
    );
  }

  private readonly onAddParticipant = () => {
    const name = (this.draft['participant'] ?? '').trim();
    const role = (this.draft['participantRole'] ?? 'professional') as Participant['role'];
    const plan = this.plan!;
    const party = role === 'professional' ? plan.parties[0]?.id : undefined;
    const id = this.exec('new-participant-name', (s) => s.addParticipant({ name, role, ...(party ? { party } : {}) }));
    if (id) {
      this.draft['participant'] = '';
      this.added(name);
      this.focusLater(`#participant-${id}-name`);
    }
  };

  private renderRoles(plan: Plan): TemplateResult {
    const everyone = this.participantOptions(plan);
    const professionals = this.participantOptions(plan, (p) => p.role === 'professional');
    const coordinator = this.participantName(plan, plan.coordinator);
    return this.section(
      'roles',
      this.t('sec.roles'),
      html`<div class="grid">
          ${this.choose({ id: 'role-initiator', label: this.t('f.initiator'), value: plan.initiator ?? '', placeholder: this.t('nobody'), options: everyone, rule: ['initiator'], onChange: (v) => this.exec('role-initiator', (s) => s.setInitiator(v || null)) })}
          ${this.choose({ id: 'role-chair', label: this.t('f.chair'), value: plan.meetingChair ?? '', placeholder: this.t('nobody'), options: everyone, rule: ['meetingChair'], onChange: (v) => this.exec('role-chair', (s) => s.setMeetingChair(v || null)) })}
        </div>
        ${this.text({ id: 'role-coordinator-current', label: this.t('f.coordinator'), value: coordinator || this.t('nobody'), errors: this.errs('role-coordinator', 'coordinator') })}
        ${this.addRow(
          html`${this.draftChoice('role-coordinator', 'coordinator', this.t('f.newCoordinator'), professionals.length ? professionals : everyone, '', this.t('choose'))}
          ${this.draftText('role-coordinator-reason', 'handoverReason', this.t('f.handoverReason'), LIMITS.text)}`,
          this.t('assignCoordinator'),
          this.onAssignCoordinator,
          'assign-coordinator',
        )}
        ${plan.coordinatorHistory.length
          ? html`<h3 id="h-handovers" part="subheading">${this.t('handovers')}</h3>
              <ul part="handovers" aria-labelledby="h-handovers">
                ${plan.coordinatorHistory.map(
                  (h) => html`<li>
                    ${this.t('handover', { from: this.participantName(plan, h.from) || '—', to: this.participantName(plan, h.to), date: formatDate(h.on, this.activeLocale) })}${h.reason ? html` — ${h.reason}` : nothing}
                  </li>`,
                )}
              </ul>`
          : nothing}`,
    );
  }

  private readonly onAssignCoordinator = () => {
    const to = this.draft['coordinator'] ?? '';
    const reason = (this.draft['handoverReason'] ?? '').trim();
    if (!to) {
      this.errors.set('role-coordinator', [this.t('missingField')]);
      this.requestUpdate();
      this.announcer.announce(this.t('missingField'), 'assertive');
      this.focusLater('#role-coordinator');
      return;
    }
    const today = this.planController.rules.today;
    const ok = this.runCommand((s) => s.assignCoordinator(to, today, reason || undefined));
    if (!ok.ok) {
      this.exec('role-coordinator', () => {
        throw ok.error;
      });
      return;
    }
    this.errors.delete('role-coordinator');
    this.draft['coordinator'] = '';
    this.draft['handoverReason'] = '';
    this.announcer.announce(this.t('coordinatorAssigned', { name: this.participantName(this.plan!, to) }));
    this.focusLater('#role-coordinator-current');
  };

  private renderTextList(plan: Plan, kind: 'needs' | 'resources'): TemplateResult {
    const single = kind === 'needs' ? 'need' : 'resource';
    const items = plan[kind];
    return this.section(
      kind,
      this.t(`sec.${kind}`),
      this.skippable([items, this.errorsOf(`${single}-`), this.lookups.pending.key], () =>
        this.list<{ id: string; text: string }>(kind, {
        id: single,
        items,
        itemLabel: (i) => i.text,
        onMove: (i, to) => this.moveItem(single, i.id, to, (s) => (kind === 'needs' ? s.moveNeed(i.id, to) : s.moveResource(i.id, to))),
        onRemove: (i) => this.removeItem(single, i.id, i.text, (s) => (kind === 'needs' ? s.removeNeed(i.id) : s.removeResource(i.id)), `new-${single}`),
        deps: (i) => [this.errorsOf(`${single}-${i.id}-`), this.isPending(i.id)],
        renderItem: (i) => html`${this.area({
            id: `${single}-${i.id}-text`,
            label: this.t(`f.${single}`),
            value: i.text,
            required: true,
            rows: 2,
            maxlength: LIMITS.text,
            onInput: (v) => this.exec(`${single}-${i.id}-text`, (s) => (kind === 'needs' ? s.updateNeed(i.id, { text: v }, TYPING) : s.updateResource(i.id, { text: v }, TYPING))),
          })}${this.pendingFor(i.id)}`,
        }),
      ),
      this.addRow(this.draftText(`new-${single}`, single, this.t(`new.${single}`), LIMITS.text), this.t(`add.${single}`), () => this.onAddText(kind)),
    );
  }

  private onAddText(kind: 'needs' | 'resources'): void {
    const single = kind === 'needs' ? 'need' : 'resource';
    const text = (this.draft[single] ?? '').trim();
    const id = this.exec(`new-${single}`, (s) => (kind === 'needs' ? s.addNeed({ text }) : s.addResource({ text })));
    if (id) {
      this.draft[single] = '';
      this.added(text);
      this.focusLater(`#${single}-${id}-text`);
    }
  }

  private moveItem(prefix: string, id: string, to: number, command: (s: PlanStoreService) => void): void {
    const before = this.plan;
    if (this.exec(`${prefix}-${id}-move`, (s) => (command(s), true))) {
      const list = prefix === 'need' ? 'needs' : prefix === 'resource' ? 'resources' : prefix === 'goal' ? 'goals' : 'interventions';
      const items = (this.plan as unknown as Record<string, { id: string; text?: string; what?: string }[]>)[list] ?? [];
      const item = items.find((x) => x.id === id);
      const from = ((before as unknown as Record<string, { id: string }[]>)[list] ?? []).findIndex((x) => x.id === id);
      this.announcer.announce(this.t('list.moved', { item: item?.text ?? item?.what ?? '', position: to + 1, count: items.length }));
      const dir = to < from ? 'up' : 'down';
      this.focusLater(`#${prefix}-${id}-${dir}`, `#${prefix}-${id}-${dir === 'up' ? 'down' : 'up'}`);
    }
  }

  private removeItem(prefix: string, id: string, label: string, command: (s: PlanStoreService) => void, fallback: string): void {
    const keys = [...this.renderRoot.querySelectorAll<HTMLElement>(`[part~='item'][data-key]`)].filter((li) => li.closest('ol')?.querySelector(`[data-key="${CSS.escape(id)}"]`));
    const index = keys.findIndex((li) => li.dataset['key'] === id);
    const next = keys[index + 1]?.dataset['key'] ?? keys[index - 1]?.dataset['key'];
    if (this.exec(`${prefix}-${id}-remove`, (s) => (command(s), true))) {
      this.announcer.announce(this.t('list.removed', { item: label }));
      this.focusLater(...(next ? [`#${prefix}-${next}-remove`] : []), `#${fallback}`);
    }
  }

  private renderGoals(plan: Plan): TemplateResult {
    const list = this.skippable([plan.goals, this.shown, this.errorsOf('goal-'), this.lookups.pending.key], () =>
      this.list<Goal>('goals', {
        id: 'goal',
        items: plan.goals,
        rendered: this.shown,
        itemLabel: (g) => g.text,
        onMove: (g, to) => this.moveItem('goal', g.id, to, (s) => s.moveGoal(g.id, to)),
        onRemove: (g) => this.removeItem('goal', g.id, g.text, (s) => s.removeGoal(g.id), 'new-goal'),
        deps: (g) => [this.errorsOf(`goal-${g.id}-`), this.isPending(g.id)],
        renderItem: (g) => {
          const id = `goal-${g.id}`;
          const upd = (field: string, changes: Parameters<PlanStoreService['updateGoal']>[1], options?: typeof TYPING) => this.exec(`${id}-${field}`, (s) => s.updateGoal(g.id, changes, options));
          return html`${this.area({ id: `${id}-text`, label: this.t('f.goal'), value: g.text, required: true, rows: 2, maxlength: LIMITS.text, onInput: (v) => upd('text', { text: v }, TYPING) })}
            <div class="grid">
              ${this.choose({ id: `${id}-horizon`, label: this.t('f.horizon'), value: g.horizon, options: this.options(GOAL_HORIZONS, 'h'), onChange: (v) => upd('horizon', { horizon: v as Goal['horizon'] }) })}
              ${this.choose({ id: `${id}-by`, label: this.t('f.expressedBy'), value: g.expressedBy, options: this.options(EXPRESSED_BY, 'by'), onChange: (v) => upd('by', { expressedBy: v as Goal['expressedBy'] }) })}
              ${this.date({ id: `${id}-target`, label: this.t('f.targetOn'), value: g.targetOn ?? '', onChange: (v) => upd('target', { targetOn: v || null }) })}
            </div>
            ${this.text({ id: `${id}-measure`, label: this.t('f.measure'), value: g.measure ?? '', maxlength: LIMITS.text, onInput: (v) => upd('measure', { measure: v || null }, TYPING) })}
            ${this.pendingFor(g.id)}`;
        },
      }),
    );
    return this.section(
      'goals',
      this.t('sec.goals'),
      list,
      this.addRow(
        html`${this.draftText('new-goal', 'goal', this.t('new.goal'), LIMITS.text)}
        ${this.draftChoice('new-goal-horizon', 'goalHorizon', this.t('f.horizon'), this.options(GOAL_HORIZONS, 'h'), 'long-term')}
        ${this.draftChoice('new-goal-by', 'goalBy', this.t('f.expressedBy'), this.options(EXPRESSED_BY, 'by'), 'person')}`,
        this.t('add.goal'),
        this.onAddGoal,
      ),
    );
  }

  private readonly onAddGoal = () => {
    const text = (this.draft['goal'] ?? '').trim();
    const id = this.exec('new-goal', (s) =>
      s.addGoal({ text, horizon: (this.draft['goalHorizon'] ?? 'long-term') as Goal['horizon'], expressedBy: (this.draft['goalBy'] ?? 'person') as Goal['expressedBy'] }),
    );
    if (id) {
      this.draft['goal'] = '';
      this.added(text);
      this.focusLater(`#goal-${id}-text`);
    }
  };

  private renderInterventions(plan: Plan, name: 'interventions' | 'otherInterventions'): TemplateResult {
    const split = splitInterventions(plan);
    const items = name === 'interventions' ? split.principal : split.other;
    const indexOf = positions(plan.interventions);
    const parties = partiesById(plan.parties);
    const prefix = name === 'interventions' ? 'iv' : 'ov';
    const open = this.expanded.size > 0;
    const list = this.skippable(
      [items, indexOf, this.shown, plan.parties, this.expanded, open && plan.participants, open && plan.goals, this.lookups.missing.items.get('interventions'), this.lookups.pending.key, this.errorsOf(`${prefix}-`)],
      () =>
      this.list<Intervention>(name, {
        id: prefix,
        items,
        rendered: this.shown,
        itemLabel: (i) => i.what,
        onMove: (i, to) => {
          // Positions are within this list; the store moves within the whole list.
          const target = items[to];
          if (target) this.moveItem(prefix, i.id, indexOf.get(target.id) ?? to, (s) => s.moveIntervention(i.id, indexOf.get(target.id) ?? to));
        },
        onRemove: (i) => this.removeItem(prefix, i.id, i.what, (s) => s.removeIntervention(i.id), `new-${prefix}`),
        // A closed intervention shows only its own party; an open one offers every party, participant and goal.
        deps: (i) => {
          const isOpen = this.expanded.has(i.id);
          const index = indexOf.get(i.id);
          return [index, isOpen, isOpen ? plan.parties : parties.get(i.party), isOpen && plan.participants, isOpen && plan.goals, this.isPending(i.id), this.missingOf('interventions', index), this.errorsOf(`${prefix}-${i.id}-`)];
        },
        renderItem: (i) => this.renderIntervention(plan, i, prefix, indexOf.get(i.id) ?? 0),
      }),
    );
    // Norway's IP names the cooperation needed with other agencies (forskrift § 19 i); shown wherever it is filled in.
    const cooperation =
      name === 'otherInterventions' && (plan.jurisdiction === 'NO' || plan.cooperation !== undefined)
        ? this.area({
            id: 'plan-cooperation',
            label: this.t('f.cooperation'),
            help: this.t('f.cooperationHelp'),
            value: plan.cooperation ?? '',
            rows: 3,
            maxlength: LIMITS.text,
            rule: ['cooperation'],
            onInput: (v) => this.exec('plan-cooperation', (s) => s.updateDetails({ cooperation: v === '' ? null : v }, TYPING)),
          })
        : nothing;
    return this.section(
      name,
      this.t(`sec.${name}`),
      html`${list} ${cooperation}`,
      this.addRow(
        html`${this.draftText(`new-${prefix}`, prefix, this.t('new.intervention'), LIMITS.text)}
        ${this.draftChoice(
          `new-${prefix}-party`,
          `${prefix}Party`,
          this.t('f.party'),
          this.partyOptions(plan.parties.filter((p) => (name === 'interventions' ? p.principal : !p.principal))),
          '',
          this.t('choose'),
          plan.parties.length ? undefined : this.t('noParty'),
        )}`,
        this.t('add.intervention'),
        () => this.onAddIntervention(prefix),
      ),
    );
  }

  private onAddIntervention(prefix: string): void {
    const what = (this.draft[prefix] ?? '').trim();
    const party = this.draft[`${prefix}Party`] ?? '';
    if (!party) {
      this.errors.set(`new-${prefix}`, [this.t('missingField')]);
      this.requestUpdate();
      this.announcer.announce(this.t('missingField'), 'assertive');
      this.focusLater(`#new-${prefix}-party`);
      return;
    }
    const id = this.exec(`new-${prefix}`, (s) => s.addIntervention({ what, party }));
    if (id) {
      this.draft[prefix] = '';
      this.expanded = new Set(this.expanded).add(id);
      this.added(what);
      this.focusLater(`#${prefix}-${id}-what`);
    }
  }

  private toggle(id: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(id)) next.add(id);
    this.expanded = next;
  }

  private renderIntervention(plan: Plan, i: Intervention, prefix: string, index: number): TemplateResult {
    const id = `${prefix}-${i.id}`;
    const open = this.expanded.has(i.id);
    const upd = (field: string, changes: Parameters<PlanStoreService['updateIntervention']>[1], options?: typeof TYPING) =>
      this.exec(`${id}-${field}`, (s) => s.updateIntervention(i.id, changes, options));
    const opt = (v: string) => v || null;
    if (!open) {
      // Most of a long plan is closed interventions: no whitespace nodes, one binding for the rare notes,
      // and the name of the button in aria-label (the visible word and the intervention) instead of a hidden span.
      const word = this.isReadonly ? this.t('show') : this.t('edit');
      const partyMissing = this.missingAt('interventions', index, 'party');
      const notes =
        partyMissing.length || this.isPending(i.id)
          ? html`${partyMissing.length ? html`<ul class="sip-errors">${partyMissing.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}${this.pendingFor(i.id)}`
          : nothing;
      return html`<p><strong>${i.what}</strong></p><p class="summary">${[this.partyName(plan, i.party), i.extent, i.where].filter(Boolean).join(' · ')}</p>${notes}<button type="button" part="button edit" aria-expanded="false" aria-controls=${`${id}-form`} id=${`${id}-toggle`} aria-label=${`${word}: ${i.what}`} @click=${() => this.toggle(i.id)}>${word}</button>`;
    }
    return html`<div id=${`${id}-form`}>
      ${this.area({ id: `${id}-what`, label: this.t('f.what'), value: i.what, required: true, rows: 2, maxlength: LIMITS.text, onInput: (v) => upd('what', { what: v }, TYPING) })}
      ${this.area({ id: `${id}-how`, label: this.t('f.how'), help: this.t('f.howHelp'), value: i.how ?? '', rows: 2, maxlength: LIMITS.text, rule: ['interventions', index, 'how'], onInput: (v) => upd('how', { how: opt(v) }, TYPING) })}
      <div class="grid">
        ${this.choose({ id: `${id}-party`, label: this.t('f.party'), value: i.party, required: true, options: this.partyOptions(plan.parties), rule: ['interventions', index, 'party'], onChange: (v) => upd('party', { party: v }) })}
        ${this.text({ id: `${id}-unit`, label: this.t('f.unit'), value: i.unit ?? '', maxlength: LIMITS.shortText, rule: ['interventions', index, 'unit'], onInput: (v) => upd('unit', { unit: opt(v) }, TYPING) })}
        ${this.choose({ id: `${id}-responsible`, label: this.t('f.responsible'), value: i.responsible ?? '', placeholder: this.t('choose'), options: this.participantOptions(plan), rule: ['interventions', index, 'responsible'], onChange: (v) => upd('responsible', { responsible: opt(v) }) })}
        ${this.text({ id: `${id}-responsible-name`, label: this.t('f.responsibleName'), value: i.responsibleName ?? '', maxlength: LIMITS.shortText, onInput: (v) => upd('responsible-name', { responsibleName: opt(v) }, TYPING) })}
        ${this.text({ id: `${id}-extent`, label: this.t('f.extent'), value: i.extent ?? '', maxlength: LIMITS.shortText, rule: ['interventions', index, 'extent'], onInput: (v) => upd('extent', { extent: opt(v) }, TYPING) })}
        ${this.text({ id: `${id}-where`, label: this.t('f.where'), value: i.where ?? '', maxlength: LIMITS.shortText, rule: ['interventions', index, 'where'], onInput: (v) => upd('where', { where: opt(v) }, TYPING) })}
        ${this.date({ id: `${id}-start`, label: this.t('f.startOn'), value: i.startOn ?? '', rule: ['interventions', index, 'startOn'], onChange: (v) => upd('start', { startOn: opt(v) }) })}
        ${this.date({ id: `${id}-end`, label: this.t('f.endOn'), value: i.endOn ?? '', onChange: (v) => upd('end', { endOn: opt(v) }) })}
        ${this.choose({ id: `${id}-cost`, label: this.t('f.costBearer'), value: i.costBearer ?? '', placeholder: this.t('choose'), options: this.partyOptions(plan.parties), rule: ['interventions', index, 'costBearer'], onChange: (v) => upd('cost', { costBearer: opt(v) }) })}
        ${this.choose({ id: `${id}-status`, label: this.t('f.status'), value: i.status, options: this.options(INTERVENTION_STATUSES, 's'), onChange: (v) => upd('status', { status: v as Intervention['status'] }) })}
      </div>
      ${this.text({ id: `${id}-cost-note`, label: this.t('f.costNote'), value: i.costNote ?? '', maxlength: LIMITS.text, onInput: (v) => upd('cost-note', { costNote: opt(v) }, TYPING) })}
      ${plan.goals.length
        ? checkboxGroup({
            id: `${id}-goals`,
            legend: this.t('f.linkedGoals'),
            options: plan.goals.map((g) => ({ value: g.id, label: g.text })),
            selected: i.goals,
            readonly: this.isReadonly,
            onToggle: (goal, on) => upd('goals', { goals: on ? [...i.goals, goal] : i.goals.filter((x) => x !== goal) }),
          })
        : nothing}
      ${this.pendingFor(i.id)}
      <button type="button" part="button edit" aria-expanded="true" aria-controls=${`${id}-form`} id=${`${id}-toggle`} @click=${() => (this.toggle(i.id), this.focusLater(`#${id}-toggle`))}>
        ${this.t('close')}<span class="sip-visually-hidden">: ${i.what}</span>
      </button>
    </div>`;
  }

  private renderFollowUp(plan: Plan): TemplateResult {
    const next = plan.followUps.filter((f) => !f.doneOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
    const people = this.participantOptions(plan);
    if (next) {
      const id = `followup-${next.id}`;
      return this.section(
        'followUps',
        this.t('sec.followUp'),
        html`<div class="grid">
          ${this.date({ id: `${id}-due`, label: this.t('f.followUpOn'), value: next.dueOn, required: true, onChange: (v) => this.exec(`${id}-due`, (s) => s.updateFollowUp(next.id, { dueOn: v })) })}
          ${this.choose({ id: `${id}-by`, label: this.t('f.followUpBy'), value: next.responsible, required: true, options: people, rule: ['followUps', plan.followUps.indexOf(next), 'responsible'], onChange: (v) => this.exec(`${id}-by`, (s) => s.updateFollowUp(next.id, { responsible: v })) })}
        </div>`,
      );
    }
    return this.section(
      'followUps',
      this.t('sec.followUp'),
      this.isReadonly
        ? html`<p class="sip-empty">${this.t('list.empty')}</p>`
        : this.addRow(
            html`${dateField({ id: 'new-followup-due', label: this.t('f.followUpOn'), value: this.draft['followUpOn'] ?? '', errors: this.errs('new-followup-due'), onChange: this.draftInput('followUpOn') })}
            ${this.draftChoice('new-followup-by', 'followUpBy', this.t('f.followUpBy'), people, '', this.t('choose'))}`,
            this.t('add.followUp'),
            this.onBookFollowUp,
          ),
    );
  }

  private readonly onBookFollowUp = () => {
    const dueOn = this.draft['followUpOn'] ?? '';
    const responsible = this.draft['followUpBy'] ?? '';
    const id = this.exec('new-followup-due', (s) => s.scheduleFollowUp({ dueOn, responsible }));
    if (id) {
      this.announcer.announce(this.t('added', { item: formatDate(dueOn, this.activeLocale) }));
      this.focusLater(`#followup-${id}-due`);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sip-plan-editor': SipPlanEditor;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  PLAN_SECTIONS,
  SipValidationError,
  ageOn,
  canShare,
  consentWarnings,
  consentsInForce,
  formatIssues,
  missingPlanConsent,
  translate,
  type Consent,
  type ConsentWarning,
  type ConsentWithdrawal,
  type IsoDate,
  type Locale,
  type MessageKey,
  type Plan,
  type PlanCommand,
  type ShareDecision,
  type StoreEvent,
} from '@sip-kit/core';
import { Catalogue } from '../i18n/catalogue.js';
import { dateField, selectField, textField, textareaField, type SelectOption } from '../shared/fields.js';
import { formatDate } from '../shared/format.js';
import { LazyPart } from '../shared/lazy-part.js';
import { focusAfterUpdate } from '../shared/list-editor.js';
import { SipElement } from '../shared/sip-element.js';
import { sipBaseStyles } from '../shared/styles.js';
import sv, { type ConsentKey } from './messages/sv.js';
import { draftFromConsent, emptyDraft, fieldOf, newKey, restoreDraft, toConsentInput, type ConsentDraft, type DraftConsulted, type DraftExclusion } from './parts/draft.js';
import { errorList } from './parts/errors.js';
import { Names, type Translate, type UiTranslate } from './parts/names.js';
import { radioGroup } from './parts/radio.js';
import { timeline } from './parts/timeline.js';
import type * as WithdrawModule from './parts/withdraw-form.js';
import type { WithdrawDraft } from './parts/withdraw-form.js';
import { consentStyles } from './sip-consent.styles.js';

/** `<sip-consent>`'s UI strings: Swedish bundled, the others loaded on first use. */
export const consentMessages = new Catalogue<ConsentKey>(sv, {
  nb: () => import('./messages/nb.js'),
  nn: () => import('./messages/nn.js'),
  en: () => import('./messages/en.js'),
});

/** Detail of `sip-consent-change`. */
export interface ConsentChangeDetail {
  /** The record just made (given or refused), as stored. */
  consent: Consent;
  /** The plan with the record. */
  plan: Plan;
  /** Whose consent to the plan is still missing, from core's `missingPlanConsent`: `person` and/or `guardian:<participant id>`. */
  missing: string[];
}

/** Detail of `sip-consent-withdraw`. */
export interface ConsentWithdrawDetail {
  /** The record withdrawn from, with the new withdrawal appended. */
  consent: Consent;
  /** The withdrawal just recorded. */
  withdrawal: ConsentWithdrawal;
  /** True when the whole consent was withdrawn, false when only for some parties. */
  whole: boolean;
  /** The plan with the withdrawal. */
  plan: Plan;
}

/**
 * Parts that are not on screen at first render, loaded on demand (see
 * `LazyPart`): the form for signing is hidden until the print view is opened
 * or the page is printed, the withdrawal form opens from a record's button and
 * the cannot-consent path from a box of the record form. What the user fills
 * in stays in the element while they load.
 */
const printPart = new LazyPart(() => import('./parts/print-form.js'));
const withdrawPart = new LazyPart(() => import('./parts/withdraw-form.js'));
const cannotPart = new LazyPart(() => import('./parts/cannot-consent.js'));

/** Whether the checkbox an event came from is ticked. */
const ticked = (e: Event): boolean => (e.target as HTMLInputElement).checked;

/** Key of the form state saved with `setFormValue` (the draft). */
const STATE_VERSION = 1;

/**
 * Records, scopes, withdraws and prints the person's consent to a coordinated
 * individual plan. No plan is made and nothing is shared without consent: the
 * element records who consents (the person; for a child every guardian and the
 * child's own view; a representative; or, when the person cannot consent, the
 * relatives consulted and their account of the person's view), which parties
 * may see the plan, what must not be shared in the person's words, until when,
 * how it was given and who recorded it. Withdrawals — whole or per party — are
 * appended to a timeline; nothing is ever deleted. Warnings come from core's
 * consent rules (`missingPlanConsent`, `canShare`, `consentWarnings`); the element decides none.
 *
 * It is a form-associated custom element: inside a `<form>` its value (under
 * `name`) is the consent record as JSON, `required` makes it invalid
 * (`valueMissing`) while the plan lacks consent, and it follows the form's
 * reset, restore and `disabled`.
 *
 * @tagname sip-consent
 * @fires {CustomEvent<ConsentChangeDetail>} sip-consent-change - A consent (given or refused) was recorded.
 * @fires {CustomEvent<ConsentWithdrawDetail>} sip-consent-withdraw - A consent was withdrawn, wholly or for some parties.
 * @csspart base - The wrapper of everything shown on screen.
 * @csspart toolbar - The title row with the print-view button.
 * @csspart status - The warnings from the consent rules.
 * @csspart warning - One warning.
 * @csspart history - The consent timeline section.
 * @csspart timeline - The list of consents and withdrawals, oldest first.
 * @csspart event - One entry of the timeline (also `event-given`, `event-refused`, `event-withdrawn`).
 * @csspart event-actions - The change and withdraw buttons of a record.
 * @csspart withdraw-form - The withdrawal form under a record.
 * @csspart form - The form for recording a consent.
 * @csspart matrix - The table of parties (may see and share) and exclusions.
 * @csspart exclusions - The list of what must not be shared.
 * @csspart child-view - The child's own view.
 * @csspart cannot-consent - The cannot-consent path.
 * @csspart print-form - The consent form for signing (hidden on screen unless `view="print"`; the only thing printed).
 * @csspart print-parties - The parties table on the print form.
 * @csspart signature - One signature block on the print form.
 * @csspart field - A form field (with `label`, `input`, `select`, `textarea`, `help`, `error`).
 * @csspart button - Buttons (`submit` for the record button).
 * @csspart announcer - The live region.
 * @cssprop --sip-color-danger - Border of a warning.
 * @cssprop --sip-color-danger-surface - Background of a warning.
 * @cssprop --sip-color-success - Border of the "consent covers the plan" notice.
 * @cssprop --sip-color-border - Borders of fields, tables and the timeline line.
 * @cssprop --sip-color-surface - Background of fields and the withdrawal form.
 * @cssprop --sip-color-surface-muted - Background of table headings.
 * @cssprop --sip-color-muted - Secondary text (dates, who recorded).
 * @cssprop --sip-color-accent - The record button and ticked boxes.
 * @cssprop --sip-color-focus - Focus ring.
 * @cssprop --sip-space-xs - Small gaps.
 * @cssprop --sip-space-s - Medium gaps.
 * @cssprop --sip-space-m - Large gaps.
 * @cssprop --sip-radius - Corner radius.
 * @cssprop --sip-font-family - Font (default: the page's).
 */
export class SipConsent extends SipElement<ConsentKey> {
  static override styles = [sipBaseStyles, consentStyles];

  /** Makes the element take part in forms (ElementInternals). */
  static formAssociated = true;

  static override properties = {
    ...SipElement.properties,
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    view: { reflect: true },
  };

  /** The field name of the consent record in the form's data. */
  name?: string;
  /** The form is invalid (`valueMissing`) while the plan lacks consent to be made. */
  required = false;
  /** Turns every control off; the element's value is then left out of the form. */
  disabled = false;
  /** `form` (default): record and withdraw; `print`: the consent form for signing. */
  view: 'form' | 'print' = 'form';

  // Internal state, kept out of `properties` so it is neither an attribute nor public API.
  private state: { draft?: ConsentDraft | undefined; errors: Record<string, string[]>; withdrawing?: WithdrawDraft | undefined; formDisabled: boolean } = {
    errors: {},
    formDisabled: false,
  };
  /** The consent being filled in. */
  private get draft(): ConsentDraft | undefined {
    return this.state.draft;
  }
  private set draft(value: ConsentDraft | undefined) {
    this.state.draft = value;
    this.requestUpdate();
  }
  /** Problems per field id, from the store's validation. */
  private get errors(): Record<string, string[]> {
    return this.state.errors;
  }
  private set errors(value: Record<string, string[]>) {
    this.state.errors = value;
    this.requestUpdate();
  }
  /** The withdrawal being filled in. */
  private get withdrawing(): WithdrawDraft | undefined {
    return this.state.withdrawing;
  }
  private set withdrawing(value: WithdrawDraft | undefined) {
    this.state.withdrawing = value;
    this.requestUpdate();
  }
  /** Disabled by an ancestor fieldset or form. */
  private get formDisabled(): boolean {
    return this.state.formDisabled;
  }
  private set formDisabled(value: boolean) {
    this.state.formDisabled = value;
    this.requestUpdate();
  }

  private readonly internals: ElementInternals;
  /** The record this element made or withdrew from last; the form value when set. */
  private lastRecord: string | undefined;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  protected override get catalogue() {
    return consentMessages;
  }

  // ---- form association -------------------------------------------------

  /** The form the element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The element's validity (see `required`). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The translated message when invalid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** True when the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** The form value: the consent record as JSON (the one recorded or withdrawn here last, else the newest in force), or `''`. */
  get value(): string {
    const record = this.currentRecord();
    return record ? JSON.stringify(record) : '';
  }

  /** Checks validity; fires `invalid` when not valid. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity and shows the message to the user when not valid. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** @internal Form reset: empties the form being filled in. Recorded consent stays: its history is never undone. */
  formResetCallback(): void {
    this.lastRecord = undefined;
    this.withdrawing = undefined;
    this.errors = {};
    this.draft = this.freshDraft();
  }

  /** @internal Restores the form being filled in (back/forward navigation, autofill). */
  formStateRestoreCallback(state: unknown): void {
    if (typeof state !== 'string') return;
    try {
      const parsed = JSON.parse(state) as { v?: unknown; draft?: unknown };
      if (parsed?.v !== STATE_VERSION) return;
      const draft = restoreDraft(JSON.stringify(parsed.draft), this.day);
      if (draft) this.draft = draft;
    } catch {
      // A foreign or broken state is ignored: the form starts empty.
    }
  }

  /** @internal Disabled by an ancestor `<fieldset disabled>` or the form. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  // ---- helpers ------------------------------------------------------------

  private get day(): IsoDate {
    return this.planController.rules.today;
  }

  private get off(): boolean {
    return this.disabled || this.formDisabled;
  }

  private get planLocale(): Locale {
    return this.plan?.locale ?? this.activeLocale;
  }

  /**
   * The catalogues the printed form uses, which it shows in the plan's
   * language: the element's and, once the form has loaded, the form's own.
   */
  private planCatalogues(): Catalogue<string>[] {
    const own = printPart.value?.printMessages;
    return own ? [consentMessages, own] : [consentMessages];
  }

  /** Strings in the plan's language (the printed form). */
  private readonly tp: Translate = (key, params) => consentMessages.t(this.planLocale, key, params);
  private readonly tu: UiTranslate = (key, params) => this.t(key, params);

  private freshDraft(): ConsentDraft {
    const plan = this.plan;
    const today = this.day;
    if (!plan) return emptyDraft(today);
    // Start with the first giver whose consent is missing (for a child: a guardian).
    const first = missingPlanConsent(plan, today)[0];
    return emptyDraft(today, first ?? (plan.person.isChild ? (this.guardians(plan)[0] ? `guardian:${this.guardians(plan)[0]!.id}` : 'person') : 'person'));
  }

  private guardians(plan: Plan) {
    return plan.participants.filter((p) => p.role === 'guardian');
  }

  private currentRecord(): Consent | undefined {
    const plan = this.plan;
    if (!plan) return undefined;
    if (this.lastRecord) {
      const own = plan.consents.find((c) => c.id === this.lastRecord);
      if (own) return own;
    }
    return consentsInForce(plan, this.day).at(-1);
  }

  private missingText(plan: Plan, missing: readonly string[]): string {
    const names = new Names(plan);
    const who = missing.map((m) => (m === 'person' ? this.t('validity.person') : names.participant(m.slice('guardian:'.length)))).join(', ');
    return this.t('validity.missing', { who });
  }

  private childBand(plan: Plan): 'young' | 'older' {
    const age = plan.person.age ?? (plan.person.dateOfBirth ? ageOn(plan.person.dateOfBirth, this.day) : undefined);
    // Wording only: under 12 the question is asked in the simplest words.
    return age !== undefined && age < 12 ? 'young' : 'older';
  }

  private patchDraft(patch: Partial<ConsentDraft>): void {
    this.draft = { ...(this.draft ?? this.freshDraft()), ...patch };
  }

  // ---- lifecycle ----------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.draft && this.plan) this.draft = this.freshDraft();
    const pl = this.plan?.locale;
    if (pl) for (const c of this.planCatalogues()) if (!c.peek(pl)) void c.load(pl).then(() => this.requestUpdate());
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // In idle time, so that opening a part rarely waits for its code.
    printPart.prefetch();
    withdrawPart.prefetch();
    cannotPart.prefetch();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncForm();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    const pl = this.plan?.locale;
    const missing = pl ? this.planCatalogues().filter((c) => !c.peek(pl)) : [];
    if (pl && missing.length) {
      await Promise.all(missing.map((c) => c.load(pl)));
      result = await super.getUpdateComplete();
    }
    return result;
  }

  protected override planChanged(_plan: Plan, _change: PlanCommand | StoreEvent): void {
    this.syncForm();
  }

  /** Hands the value, the saved form state and the validity to the form. */
  private syncForm(): void {
    const plan = this.plan;
    const value = this.value;
    this.internals.setFormValue(value || null, JSON.stringify({ v: STATE_VERSION, draft: this.draft ?? null }));
    const missing = plan ? missingPlanConsent(plan, this.day) : ['person'];
    if (this.required && missing.length && plan) {
      const anchor = this.renderRoot?.querySelector<HTMLElement>('#giver, #record-submit, button') ?? undefined;
      this.internals.setValidity({ valueMissing: true }, this.missingText(plan, missing), anchor);
    } else if (this.required && !plan) {
      this.internals.setValidity({ valueMissing: true }, this.t('warn.missing'));
    } else {
      this.internals.setValidity({});
    }
  }

  // ---- handlers -----------------------------------------------------------

  private onRecord(e: Event): void {
    e.preventDefault();
    const plan = this.plan;
    const draft = this.draft;
    if (!plan || !draft || this.off || this.readonly) return;
    const r = this.runCommand((store) => store.recordConsent(toConsentInput(draft, plan.person.isChild)));
    if (!r.ok) {
      this.showIssues(r.error, draft);
      return;
    }
    const next = this.plan!;
    const consent = next.consents.find((c) => c.id === r.value)!;
    this.lastRecord = consent.id;
    this.errors = {};
    this.draft = this.freshDraft();
    this.announcer.announce(this.t('record.done'));
    this.emit<ConsentChangeDetail>('sip-consent-change', { consent, plan: next, missing: missingPlanConsent(next, this.day) });
    this.syncForm();
    void focusAfterUpdate(this, `[data-consent="${consent.id}"] button`, '#giver');
  }

  private showIssues(error: unknown, draft: ConsentDraft): void {
    const errors: Record<string, string[]> = {};
    if (error instanceof SipValidationError) {
      const texts = formatIssues(error.issues, this.activeLocale);
      error.issues.forEach((issue, i) => {
        const id = fieldOf(issue, draft) || 'record';
        (errors[id] ??= []).push(texts[i] ?? issue.message);
      });
    } else {
      errors.record = [String((error as Error)?.message ?? error)];
    }
    this.errors = errors;
    this.announcer.announce(this.t('record.failed'), 'assertive');
    void this.focusFirstError();
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    const root = this.renderRoot;
    const el = root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>('.sip-invalid input, .sip-invalid textarea, .sip-invalid select');
    el?.focus();
  }

  private onChangeRecord(c: Consent): void {
    this.draft = draftFromConsent(c, this.day);
    this.errors = {};
    void focusAfterUpdate(this, '#giver');
  }

  private onStartWithdraw(c: Consent): void {
    this.withdrawing = { consent: c.id, mode: 'whole', parties: [], on: this.day, reason: '', recordedBy: this.draft?.recordedBy ?? '', errors: {} };
    void focusAfterUpdate(this, `#wd-mode-whole`);
  }

  private onCancelWithdraw(): void {
    const id = this.withdrawing?.consent;
    this.withdrawing = undefined;
    if (id) void focusAfterUpdate(this, `#withdraw-${id}`);
  }

  private onWithdraw(e: Event, part: typeof WithdrawModule): void {
    e.preventDefault();
    const w = this.withdrawing;
    if (!w || this.off || this.readonly) return;
    // The part's own strings: loaded in the active locale, since its form is shown only then.
    const own = (key: 'withdraw.noParties' | 'withdraw.done') => part.withdrawMessages.t(this.activeLocale, key);
    if (w.mode === 'some' && w.parties.length === 0) {
      this.withdrawing = { ...w, errors: { 'wd-parties': [own('withdraw.noParties')] } };
      this.announcer.announce(own('withdraw.noParties'), 'assertive');
      return;
    }
    const r = this.runCommand((store) => store.withdrawConsent(w.consent, part.withdrawalOf(w)));
    if (!r.ok) {
      const { errors, texts } = part.withdrawalProblems(r.error, this.activeLocale);
      this.withdrawing = { ...w, errors };
      this.announcer.announce(texts[0] ?? this.t('record.failed'), 'assertive');
      void this.focusFirstError();
      return;
    }
    const plan = this.plan!;
    const consent = plan.consents.find((c) => c.id === w.consent)!;
    const withdrawal = consent.withdrawals.find((x) => x.id === r.value) ?? consent.withdrawals.at(-1)!;
    this.lastRecord = consent.id;
    this.withdrawing = undefined;
    this.announcer.announce(own('withdraw.done'));
    this.emit<ConsentWithdrawDetail>('sip-consent-withdraw', { consent, withdrawal, whole: withdrawal.parties === undefined, plan });
    this.syncForm();
    void focusAfterUpdate(this, `#withdraw-${consent.id}`, `#history-heading`);
  }

  private toggleShare(party: string, on: boolean): void {
    const d = this.draft!;
    const shareWith = on ? [...new Set([...d.shareWith, party])] : d.shareWith.filter((p) => p !== party);
    this.patchDraft({ shareWith });
  }

  private toggleExclusionParty(key: string, party: string, on: boolean, all: readonly string[]): void {
    const x = this.draft!.exclusions.find((e) => e.key === key);
    if (!x) return;
    const current = x.parties ?? [...all];
    const next = on ? [...new Set([...current, party])] : current.filter((p) => p !== party);
    // Every party ticked means "every party", now and any added later.
    const parties = all.every((p) => next.includes(p)) ? undefined : next;
    this.updateExclusion(x.key, { parties });
  }

  private updateExclusion(key: string, patch: Partial<DraftExclusion>): void {
    this.patchDraft({ exclusions: this.draft!.exclusions.map((x) => (x.key === key ? { ...x, ...patch } : x)) });
  }

  private addExclusion(): void {
    const key = newKey('x');
    this.patchDraft({ exclusions: [...this.draft!.exclusions, { key, text: '', section: '' }] });
    void focusAfterUpdate(this, `#excl-${key}`);
  }

  private removeExclusion(key: string): void {
    this.patchDraft({ exclusions: this.draft!.exclusions.filter((x) => x.key !== key) });
    void focusAfterUpdate(this, '#add-exclusion');
  }

  /** Changes the list of people consulted (read at event time), then moves focus to `focus`. */
  private editConsulted(change: (list: DraftConsulted[]) => DraftConsulted[], focus?: string): void {
    this.patchDraft({ consulted: change(this.draft!.consulted) });
    if (focus) void focusAfterUpdate(this, focus);
  }

  private setView(view: 'form' | 'print'): void {
    this.view = view;
    void focusAfterUpdate(this, view === 'print' ? '#print-back' : '#print-open');
  }

  // ---- render -------------------------------------------------------------

  override render() {
    const plan = this.plan;
    if (!plan) return html`${this.announcer.render()}`;
    const draft = this.draft ?? this.freshDraft();
    const names = new Names(plan);
    const print = this.lazy(
      printPart,
      (m) =>
        m.printForm({
          plan,
          draft,
          locale: this.planLocale,
          t: this.tp,
          names,
          childBand: this.childBand(plan),
        }),
      (m) => m.printMessages,
    );
    if (this.view === 'print') {
      return html`${this.announcer.render()}
        <div class="toolbar screen" part="toolbar">
          <button type="button" id="print-back" part="button" @click=${() => this.setView('form')}>${this.t('print.back')}</button>
          <button type="button" part="button" class="sip-primary" @click=${() => window.print()}>${this.t('print.print')}</button>
        </div>
        ${print}`;
    }
    const sharing = new Map<string, ShareDecision>(plan.parties.map((p) => [p.id, canShare(plan, { from: p.id, to: p.id, on: this.day })]));
    const editable = !this.readonly;
    return html`${this.announcer.render()}
      <div class="screen" part="base">
        <div class="toolbar" part="toolbar">
          <h2 id="consent-title">${this.t('title')}</h2>
          <button type="button" id="print-open" part="button" @click=${() => this.setView('print')}>${this.t('print.open')}</button>
        </div>
        <p class="sip-help">${this.t('intro')}</p>
        ${this.renderStatus(plan, names, sharing)}
        <section part="history" aria-labelledby="history-heading">
          <h3 id="history-heading">${this.t('history.heading')}</h3>
          ${timeline({
            plan,
            locale: this.activeLocale,
            t: this.tu,
            names,
            inForce: new Set(consentsInForce(plan, this.day).map((c) => c.id)),
            editable: editable && !this.off,
            onChange: (c) => this.onChangeRecord(c),
            onWithdraw: (c) => this.onStartWithdraw(c),
            withdrawForm: (c) => this.renderWithdrawForm(c, plan, names),
          })}
        </section>
        ${editable ? this.renderRecordForm(plan, draft, names, sharing) : nothing}
      </div>
      <div class="print">${print}</div>`;
  }

  /** Core's consent warnings for the plan on the day, by the rules service's pack (none while it loads, or if the rules fail). */
  private consentWarnings(plan: Plan): ConsentWarning[] {
    const pack = this.planController.pack();
    if (!pack) return [];
    try {
      return consentWarnings(plan, { today: this.day, pack });
    } catch (error) {
      console.warn('sip-kit: the consent warnings could not be computed', error);
      return [];
    }
  }

  private renderStatus(plan: Plan, names: Names, sharing: Map<string, ShareDecision>): TemplateResult {
    const found = this.consentWarnings(plan);
    const warnings: string[] = [];
    const shown = new Set<string>();
    for (const w of found) {
      if (w.code === 'consent-missing') warnings.push(this.t('warn.missing'));
      else if (w.code === 'guardian-consent-missing') warnings.push(this.t('warn.guardianMissing', { name: names.participant((w.giver ?? '').slice('guardian:'.length)) }));
      // A withdrawal for some parties shows in the matrix and the timeline, as before.
      else if (w.code === 'consent-withdrawn' && w.parties !== undefined) continue;
      else {
        const params = { validUntil: w.validUntil ? formatDate(w.validUntil, this.activeLocale) : '', workingDaysLeft: w.workingDaysLeft ?? 0 };
        const line = translate(`consentWarning.${w.code}`, this.activeLocale, params);
        if (!warnings.includes(line)) warnings.push(line);
      }
      shown.add(w.code);
    }
    // Why sharing stopped, as core's rules put it (refused …), once each, unless a warning above already says it.
    const reasons = new Set<string>();
    for (const d of sharing.values()) if (!d.allowed && d.reason !== 'party-not-covered' && d.reason !== 'party-withdrawn') reasons.add(d.reason);
    for (const r of reasons) {
      if (shown.has(r)) continue;
      warnings.push(translate(`share.${r}` as MessageKey, this.activeLocale));
    }
    return html`<section part="status" aria-labelledby="status-heading">
      <h3 id="status-heading">${this.t('status.heading')}</h3>
      ${warnings.length
        ? html`<ul class="warnings">
            ${warnings.map((w) => html`<li class="warning" part="warning"><span aria-hidden="true">! </span>${w}</li>`)}
          </ul>`
        : html`<p class="ok" part="status-ok"><span aria-hidden="true">✓ </span>${this.t('status.ok')}</p>`}
    </section>`;
  }

  private renderWithdrawForm(c: Consent, plan: Plan, names: Names): TemplateResult | typeof nothing {
    const w = this.withdrawing;
    if (!w || w.consent !== c.id) return nothing;
    return this.lazy(
      withdrawPart,
      (m) =>
        m.withdrawForm({
          consent: c,
          draft: w,
          t: this.tu,
          locale: this.activeLocale,
          names,
          recorders: this.recorderOptions(plan),
          disabled: this.off,
          // Read the current state at event time: two changes may come before one render.
          update: (patch) => (this.withdrawing = { ...this.withdrawing!, ...patch }),
          chosen: () => this.withdrawing?.parties ?? [],
          onReason: (v) => (this.withdrawing!.reason = v),
          onSubmit: (e) => this.onWithdraw(e, m),
          onCancel: () => this.onCancelWithdraw(),
        }),
      (m) => m.withdrawMessages,
    );
  }

  private recorderOptions(plan: Plan): SelectOption[] {
    // Professionals first: they usually record consent.
    const order = (r: string) => (r === 'professional' ? 0 : 1);
    return [...plan.participants]
      .sort((a, b) => order(a.role) - order(b.role))
      .map((p) => ({ value: p.id, label: p.title ? `${p.name}, ${p.title}` : p.name }));
  }

  private giverOptions(plan: Plan, names: Names): SelectOption[] {
    const out: SelectOption[] = [{ value: 'person', label: `${this.t('giver.person')} (${plan.person.name})` }];
    for (const g of this.guardians(plan)) out.push({ value: `guardian:${g.id}`, label: this.t('giver.guardian', { name: g.name }) });
    for (const r of plan.participants.filter((p) => p.role === 'representative')) {
      out.push({ value: `representative:${r.id}`, label: this.t('giver.representative', { name: names.participant(r.id) }) });
    }
    out.push({ value: 'representative', label: this.t('giver.representativeOther') });
    return out;
  }

  private renderRecordForm(plan: Plan, d: ConsentDraft, names: Names, sharing: Map<string, ShareDecision>): TemplateResult {
    const req = this.t('field.required');
    const err = this.errors;
    const superseded = d.supersedes ? plan.consents.find((c) => c.id === d.supersedes) : undefined;
    return html`<section aria-labelledby="record-heading">
      <h3 id="record-heading">${this.t('record.heading')}</h3>
      ${superseded ? html`<p class="sip-notice" role="note">${this.t('record.changing', { date: formatDate(superseded.givenOn, this.activeLocale) })}</p>` : nothing}
      <form part="form" novalidate aria-labelledby="record-heading" @submit=${(e: Event) => this.onRecord(e)}>
        <fieldset class="plain" ?disabled=${this.off}>
          ${selectField({
            id: 'giver',
            label: this.t('record.giver'),
            help: plan.person.isChild ? this.t('record.giverHelp') : undefined,
            value: d.giver,
            options: this.giverOptions(plan, names),
            required: true,
            requiredText: req,
            errors: err.giver,
            onChange: (v) => this.patchDraft({ giver: v }),
          })}
          ${d.giver === 'representative'
            ? textField({
                id: 'representativeName',
                label: this.t('record.representativeName'),
                value: d.representativeName,
                maxlength: 200,
                onInput: (v) => this.patchDraft({ representativeName: v }),
              })
            : nothing}
          ${radioGroup({
            id: 'decision',
            legend: this.t('record.decision'),
            value: d.decision,
            requiredText: req,
            options: [
              { value: 'given', label: this.t('record.decisionGiven') },
              { value: 'refused', label: this.t('record.decisionRefused') },
            ],
            errors: err.decision,
            onChange: (v) => this.patchDraft({ decision: v as ConsentDraft['decision'] }),
          })}
          ${dateField({ id: 'givenOn', label: this.t('record.givenOn'), value: d.givenOn, required: true, requiredText: req, errors: err.givenOn, onChange: (v) => this.patchDraft({ givenOn: v }) })}
          ${plan.person.isChild ? this.renderChildView(plan, d) : nothing} ${this.renderCannotConsent(d)} ${this.renderScope(plan, d, names, sharing)}
          ${selectField({
            id: 'form',
            label: this.t('record.form'),
            value: d.form,
            placeholder: this.t('record.choose'),
            options: (['written', 'oral', 'digital', 'other-documented'] as const).map((f) => ({ value: f, label: this.t(`form.${f}`) })),
            required: true,
            requiredText: req,
            errors: err.form,
            onChange: (v) => this.patchDraft({ form: v as ConsentDraft['form'] }),
          })}
          ${textareaField({
            id: 'formNote',
            label: this.t('record.formNote'),
            help: this.t('record.formNoteHelp'),
            value: d.formNote,
            maxlength: 2000,
            required: d.form === 'other-documented',
            requiredText: req,
            errors: err.formNote,
            onInput: (v) => this.patchDraft({ formNote: v }),
          })}
          ${selectField({
            id: 'recordedBy',
            label: this.t('record.recordedBy'),
            value: d.recordedBy,
            placeholder: this.t('record.choose'),
            options: this.recorderOptions(plan),
            required: true,
            requiredText: req,
            errors: err.recordedBy,
            onChange: (v) => this.patchDraft({ recordedBy: v }),
          })}
          ${textareaField({ id: 'note', label: this.t('record.note'), value: d.note, maxlength: 10000, errors: err.note, onInput: (v) => this.patchDraft({ note: v }) })}
          ${errorList(err.record, 'record-error')}
          <div class="row-actions">
            <button type="submit" id="record-submit" part="button submit" class="sip-primary">${this.t('record.submit')}</button>
            <button type="button" id="record-clear" part="button" @click=${() => this.formResetCallback()}>${this.t('record.clear')}</button>
          </div>
        </fieldset>
      </form>
    </section>`;
  }

  private renderScope(plan: Plan, d: ConsentDraft, names: Names, sharing: Map<string, ShareDecision>): TemplateResult {
    const all = plan.parties.map((p) => p.id);
    const err = this.errors;
    const sectionOptions = PLAN_SECTIONS.map((s) => ({ value: s, label: this.t(`section.${s}`) }));
    // An exclusion is named by its words, or by its number while it has none.
    const exclusionName = (x: DraftExclusion, i: number) => x.text.trim() || this.t('excl.item', { n: i + 1 });
    return html`<fieldset class="sip-fieldset" part="scope">
      <legend>${this.t('scope.heading')}</legend>
      <div class="sip-check">
        <input
          type="checkbox"
          id="establish"
          .checked=${d.establishPlan}
          aria-invalid=${err.establish ? 'true' : 'false'}
          @change=${(e: Event) => this.patchDraft({ establishPlan: ticked(e) })}
        /><label for="establish">${this.t('scope.establish')}</label>
      </div>
      <p class="sip-help" id="matrix-help">${this.t('scope.matrixHelp')}</p>
      <div class="table-wrap">
        <table part="matrix" id="matrix" aria-describedby="matrix-help">
          <caption>
            ${this.t('scope.matrix')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.t('scope.party')}</th>
              <th scope="col">${this.t('scope.share')}</th>
              ${d.exclusions.map((x, i) => html`<th scope="col">${this.t('scope.excludeColumn', { text: exclusionName(x, i) })}</th>`)}
              <th scope="col">${this.t('scope.now')}</th>
            </tr>
          </thead>
          <tbody>
            ${plan.parties.map((p) => {
              const name = names.party(p.id);
              const now = sharing.get(p.id);
              return html`<tr>
                <th scope="row">${name}</th>
                <td class="center">
                  <input
                    type="checkbox"
                    id=${`share-${p.id}`}
                    aria-label=${this.t('scope.shareLabel', { party: name })}
                    .checked=${d.shareWith.includes(p.id)}
                    @change=${(e: Event) => this.toggleShare(p.id, ticked(e))}
                  />
                </td>
                ${d.exclusions.map(
                  (x, i) => html`<td class="center">
                    <input
                      type="checkbox"
                      id=${`excl-${x.key}-p-${p.id}`}
                      aria-label=${this.t('scope.excludeLabel', { party: name, text: exclusionName(x, i) })}
                      .checked=${x.parties === undefined || x.parties.includes(p.id)}
                      @change=${(e: Event) => this.toggleExclusionParty(x.key, p.id, ticked(e), all)}
                    />
                  </td>`,
                )}
                <td class=${now?.allowed ? 'status-allowed' : 'status-denied'}>${now ? translate(`share.${now.reason}` as MessageKey, this.activeLocale) : ''}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${errorList(err.matrix)}
      <h4 id="excl-heading">${this.t('excl.heading')}</h4>
      <p class="sip-help">${this.t('excl.help')}</p>
      <ol class="sip-list" part="exclusions" aria-labelledby="excl-heading">
        ${d.exclusions.map(
          (x, i) => html`<li class="row">
            ${textareaField({
              id: `excl-${x.key}`,
              label: `${this.t('excl.item', { n: i + 1 })}: ${this.t('excl.text')}`,
              value: x.text,
              maxlength: 2000,
              rows: 2,
              required: true,
              requiredText: this.t('field.required'),
              errors: err[`excl-${x.key}`],
              onInput: (v) => this.updateExclusion(x.key, { text: v }),
            })}
            ${selectField({
              id: `excl-${x.key}-section`,
              label: this.t('excl.section'),
              value: x.section,
              placeholder: this.t('excl.sectionNone'),
              options: sectionOptions,
              onChange: (v) => this.updateExclusion(x.key, { section: v as DraftExclusion['section'] }),
            })}
            <button type="button" part="button" id=${`excl-${x.key}-remove`} @click=${() => this.removeExclusion(x.key)}>
              ${this.t('list.remove')}<span class="sip-visually-hidden">: ${this.t('excl.item', { n: i + 1 })}</span>
            </button>
          </li>`,
        )}
      </ol>
      <button type="button" part="button" id="add-exclusion" @click=${() => this.addExclusion()}>${this.t('excl.add')}</button>
      ${dateField({
        id: 'validUntil',
        label: this.t('scope.validUntil'),
        help: this.t('scope.validUntilHelp'),
        value: d.validUntil,
        min: d.givenOn || undefined,
        errors: err.validUntil,
        onChange: (v) => this.patchDraft({ validUntil: v }),
      })}
    </fieldset>`;
  }

  private renderChildView(plan: Plan, d: ConsentDraft): TemplateResult {
    const band = this.childBand(plan);
    const err = this.errors;
    return html`<fieldset class="sip-fieldset" part="child-view">
      <legend>${this.t('child.heading')}</legend>
      <p class="sip-help">${this.t('child.help')}</p>
      ${radioGroup({
        id: 'childAssent',
        legend: this.t(`child.${band}.question`),
        value: d.childAssent,
        options: [
          ...(['agrees', 'disagrees', 'unsure'] as const).map((a) => ({ value: a, label: this.t(`child.${band}.${a}`) })),
          { value: 'not-asked', label: this.t('child.not-asked') },
        ],
        errors: err.childAssent,
        onChange: (v) => this.patchDraft({ childAssent: v as ConsentDraft['childAssent'] }),
      })}
      ${textareaField({ id: 'childView', label: this.t('child.view'), value: d.childView, maxlength: 10000, errors: err.childView, onInput: (v) => this.patchDraft({ childView: v }) })}
      ${textField({ id: 'childHowHeard', label: this.t('child.howHeard'), value: d.childHowHeard, maxlength: 2000, errors: err.childHowHeard, onInput: (v) => this.patchDraft({ childHowHeard: v }) })}
      ${dateField({ id: 'childRecordedOn', label: this.t('child.recordedOn'), value: d.childRecordedOn, onChange: (v) => this.patchDraft({ childRecordedOn: v }) })}
    </fieldset>`;
  }

  private renderCannotConsent(d: ConsentDraft): TemplateResult {
    return html`<div class="sip-check">
        <input type="checkbox" id="cannot" .checked=${d.cannotConsent} @change=${(e: Event) => this.patchDraft({ cannotConsent: ticked(e) })} /><label
          for="cannot"
          >${this.t('cannot.toggle')}</label
        >
      </div>
      ${d.cannotConsent
        ? this.lazy(
            cannotPart,
            (m) =>
              m.cannotConsent({
                draft: d,
                errors: this.errors,
                t: this.tu,
                locale: this.activeLocale,
                patch: (patch) => this.patchDraft(patch),
                editConsulted: (change, focus) => this.editConsulted(change, focus),
              }),
            (m) => m.cannotMessages,
          )
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sip-consent': SipConsent;
  }
  interface HTMLElementEventMap {
    'sip-consent-change': CustomEvent<ConsentChangeDetail>;
    'sip-consent-withdraw': CustomEvent<ConsentWithdrawDetail>;
  }
}

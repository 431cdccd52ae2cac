/**
 * The withdrawal form, shown under a record of the timeline once its "take
 * back consent" button is pressed. It is never on screen when `<sip-consent>`
 * first renders, so the element loads this module on demand. The withdrawal
 * being filled in lives in the element (`WithdrawDraft`); this module only
 * draws it, so nothing typed is lost while it loads.
 * @module
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { SipValidationError, formatIssues, type Consent, type IsoDate, type Locale } from '@sip-kit/core';
import { Catalogue } from '../../i18n/catalogue.js';
import { checkboxGroup, dateField, selectField, textareaField, type SelectOption } from '../../shared/fields.js';
import sv, { type WithdrawKey } from '../messages/withdraw-sv.js';
import { errorList } from './errors.js';
import type { Names, UiTranslate } from './names.js';
import { radioGroup } from './radio.js';

/**
 * The withdrawal's own strings (every `withdraw.*` string): Swedish travels
 * with the form, nb, nn and en load on first use. The element shows the form
 * once they are loaded in its language, and says with them that a withdrawal
 * was recorded or what is missing.
 */
export const withdrawMessages = new Catalogue<WithdrawKey>(sv, {
  nb: () => import('../messages/withdraw-nb.js'),
  nn: () => import('../messages/withdraw-nn.js'),
  en: () => import('../messages/withdraw-en.js'),
});

/** The withdrawal being filled in (kept by the element). */
export interface WithdrawDraft {
  /** Id of the record withdrawn from. */
  consent: string;
  /** The whole consent, or only for some parties. */
  mode: 'whole' | 'some';
  /** The parties, when `mode` is `some`. */
  parties: string[];
  /** The first day without consent. */
  on: string;
  /** Why, in the person's words. */
  reason: string;
  /** The participant who records it. */
  recordedBy: string;
  /** Problems per field id. */
  errors: Record<string, string[]>;
}

/** The withdrawal as the store's `withdrawConsent` takes it: empty answers are left out. */
export function withdrawalOf(w: WithdrawDraft): { on: IsoDate; reason?: string; parties?: string[]; recordedBy?: string } {
  const reason = w.reason.trim();
  return {
    on: w.on,
    ...(reason ? { reason } : {}),
    ...(w.mode === 'some' ? { parties: [...w.parties] } : {}),
    ...(w.recordedBy ? { recordedBy: w.recordedBy } : {}),
  };
}

/** Why the store refused a withdrawal: problems per field of the form, and every text in order (the first is announced). */
export function withdrawalProblems(error: unknown, locale: Locale): { errors: Record<string, string[]>; texts: string[] } {
  const issues = error instanceof SipValidationError ? error.issues : [];
  const texts = issues.length ? formatIssues(issues, locale) : [String(error)];
  const errors: Record<string, string[]> = {};
  issues.forEach((issue, i) => {
    const field = issue.path.includes('on') ? 'wd-on' : issue.path.includes('recordedBy') ? 'wd-by' : issue.path.includes('reason') ? 'wd-reason' : 'wd-on';
    (errors[field] ??= []).push(texts[i] ?? issue.message);
  });
  if (!issues.length) errors['wd-on'] = texts;
  return { errors, texts };
}

/** What the withdrawal form needs. */
export interface WithdrawFormOptions {
  /** The record withdrawn from. */
  consent: Consent;
  /** The withdrawal being filled in. */
  draft: WithdrawDraft;
  /** The element's UI strings (the form's own come from `withdrawMessages`). */
  t: UiTranslate;
  /** The element's UI language. */
  locale: Locale;
  /** Name lookups. */
  names: Names;
  /** Who may record the withdrawal. */
  recorders: SelectOption[];
  /** Every control is off. */
  disabled: boolean;
  /** Changes the withdrawal (the element merges it into the current one at event time). */
  update: (patch: Partial<WithdrawDraft>) => void;
  /** The parties chosen so far, read at event time: two changes may come before one render. */
  chosen: () => string[];
  /** The reason as typed (kept without a render per keystroke). */
  onReason: (value: string) => void;
  /** Records the withdrawal. */
  onSubmit: (e: Event) => void;
  /** Closes the form. */
  onCancel: () => void;
}

/** The withdrawal form's own styles, adopted by the element when the form first shows (see `SipElement.lazy`). */
export const styles = css`
  .subform {
    border: 1px solid var(--sip-color-border, #8c959f);
    border-radius: var(--sip-radius, 0.375rem);
    padding: var(--sip-space-s, 0.75rem);
    margin-block: var(--sip-space-s, 0.75rem);
    background: var(--sip-color-surface, #fff);
  }
  @media (prefers-color-scheme: dark) {
    .subform {
      background: var(--sip-color-surface, #1c1f24);
    }
  }
`;

/** The form that withdraws a record wholly or for some of its parties. */
export function withdrawForm(o: WithdrawFormOptions): TemplateResult {
  const { consent: c, draft: w, t, names } = o;
  const own = (key: WithdrawKey, params?: Readonly<Record<string, string | number>>) => withdrawMessages.t(o.locale, key, params);
  const withdrawn = new Set(c.withdrawals.flatMap((x) => x.parties ?? []));
  const parties = c.scope.shareWith.filter((p) => !withdrawn.has(p));
  return html`<form class="subform" part="withdraw-form" novalidate aria-labelledby="wd-heading" @submit=${o.onSubmit}>
      <fieldset class="plain" ?disabled=${o.disabled}>
        <h4 id="wd-heading">${own('withdraw.heading', { giver: names.giver(c.givenBy, t) })}</h4>
        ${radioGroup({
          id: 'wd-mode',
          legend: own('withdraw.what'),
          value: w.mode,
          options: [
            { value: 'whole', label: own('withdraw.whole') },
            { value: 'some', label: own('withdraw.some') },
          ],
          onChange: (v) => o.update({ mode: v as WithdrawDraft['mode'] }),
        })}
        ${w.mode === 'some'
          ? html`${checkboxGroup({
              id: 'wd-parties',
              legend: own('withdraw.parties'),
              options: parties.map((p) => ({ value: p, label: names.party(p) })),
              selected: w.parties,
              onToggle: (p, on) => o.update({ parties: on ? [...new Set([...o.chosen(), p])] : o.chosen().filter((x) => x !== p) }),
            })}
            ${errorList(w.errors['wd-parties'])}`
          : nothing}
        ${dateField({ id: 'wd-on', label: own('withdraw.on'), value: w.on, required: true, requiredText: t('field.required'), errors: w.errors['wd-on'], onChange: (v) => o.update({ on: v }) })}
        ${textareaField({ id: 'wd-reason', label: own('withdraw.reason'), value: w.reason, maxlength: 2000, errors: w.errors['wd-reason'], onInput: o.onReason })}
        ${selectField({
          id: 'wd-by',
          label: t('record.recordedBy'),
          value: w.recordedBy,
          placeholder: t('record.choose'),
          options: o.recorders,
          errors: w.errors['wd-by'],
          onChange: (v) => o.update({ recordedBy: v }),
        })}
        <div class="row-actions">
          <button type="submit" id="wd-submit" part="button" class="sip-primary">${own('withdraw.submit')}</button>
          <button type="button" part="button" @click=${o.onCancel}>${own('withdraw.cancel')}</button>
        </div>
      </fieldset>
    </form>`;
}

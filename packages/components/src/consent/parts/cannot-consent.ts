/**
 * The cannot-consent path: why the person cannot consent, who was consulted
 * and their account of the person's view. It opens from the "cannot consent"
 * box of the record form, so it is not on screen when `<sip-consent>` first
 * renders and the element loads this module on demand. What is typed lives in
 * the element's draft; this module only draws it and edits it through the
 * element, so nothing typed is lost while it loads.
 * @module
 */
import { html, type TemplateResult } from 'lit';
import type { Locale } from '@sip-kit/core';
import { Catalogue } from '../../i18n/catalogue.js';
import { textField, textareaField } from '../../shared/fields.js';
import sv, { type CannotKey } from '../messages/cannot-sv.js';
import { newKey, type ConsentDraft, type DraftConsulted } from './draft.js';
import type { UiTranslate } from './names.js';

/**
 * The fieldset's own strings (every `cannot.*` string but the box that opens
 * it): Swedish travels with the fieldset, nb, nn and en load on first use. The
 * element shows the fieldset once they are loaded in its language.
 */
export const cannotMessages = new Catalogue<CannotKey>(sv, {
  nb: () => import('../messages/cannot-nb.js'),
  nn: () => import('../messages/cannot-nn.js'),
  en: () => import('../messages/cannot-en.js'),
});

/** What the cannot-consent fieldset needs. */
export interface CannotConsentOptions {
  /** The consent being filled in. */
  draft: ConsentDraft;
  /** Problems per field id. */
  errors: Record<string, string[]>;
  /** The element's UI strings (the fieldset's own come from `cannotMessages`). */
  t: UiTranslate;
  /** The element's UI language. */
  locale: Locale;
  /** Changes the draft (merged into the current one at event time). */
  patch: (patch: Partial<ConsentDraft>) => void;
  /**
   * Changes the list of people consulted, given the current list at event time,
   * then moves focus to `focus` (a selector) once the change is on screen.
   */
  editConsulted: (change: (list: DraftConsulted[]) => DraftConsulted[], focus?: string) => void;
}

/** The fieldset of the cannot-consent path. */
export function cannotConsent(o: CannotConsentOptions): TemplateResult {
  const { draft: d, errors: err, t } = o;
  const own = (key: CannotKey, params?: Readonly<Record<string, string | number>>) => cannotMessages.t(o.locale, key, params);
  const requiredText = t('field.required');
  const update = (key: string, patch: Partial<DraftConsulted>) => o.editConsulted((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const add = () => {
    const key = newKey('p');
    o.editConsulted((list) => [...list, { key, name: '', relation: '' }], `#consulted-${key}`);
  };
  const remove = (key: string) => o.editConsulted((list) => list.filter((p) => p.key !== key), '#add-consulted');
  return html`<fieldset class="sip-fieldset" part="cannot-consent">
    <legend>${own('cannot.heading')}</legend>
    <p class="sip-help">${own('cannot.help')}</p>
    ${textareaField({ id: 'cannotReason', label: own('cannot.reason'), value: d.cannotReason, maxlength: 2000, errors: err.cannotReason, onInput: (v) => o.patch({ cannotReason: v }) })}
    <h4 id="consulted-heading">${own('cannot.consulted')}</h4>
    <ol class="sip-list" aria-labelledby="consulted-heading">
      ${d.consulted.map(
        (p, i) => html`<li class="row">
          ${textField({
            id: `consulted-${p.key}`,
            label: `${own('cannot.person', { n: i + 1 })}: ${own('cannot.name')}`,
            value: p.name,
            maxlength: 200,
            required: true,
            requiredText,
            errors: err[`consulted-${p.key}`],
            onInput: (v) => update(p.key, { name: v }),
          })}
          ${textField({
            id: `consulted-${p.key}-relation`,
            label: own('cannot.relation'),
            value: p.relation,
            maxlength: 200,
            required: true,
            requiredText,
            onInput: (v) => update(p.key, { relation: v }),
          })}
          <button type="button" part="button" id=${`consulted-${p.key}-remove`} @click=${() => remove(p.key)}>
            ${t('list.remove')}<span class="sip-visually-hidden">: ${own('cannot.person', { n: i + 1 })}</span>
          </button>
        </li>`,
      )}
    </ol>
    <button type="button" part="button" id="add-consulted" @click=${add}>${own('cannot.add')}</button>
    ${textareaField({
      id: 'account',
      label: own('cannot.account'),
      value: d.account,
      maxlength: 10000,
      required: true,
      requiredText,
      errors: err.account,
      onInput: (v) => o.patch({ account: v }),
    })}
  </fieldset>`;
}

/**
 * The consent form for signing: the parties, what the consent covers, what
 * must not be shared, dates and signature lines — in the plan's language,
 * whatever the UI language is. It prints what is filled in so far; an empty
 * form prints as a blank form with boxes to tick by hand.
 *
 * Nothing of it is on screen when `<sip-consent>` first renders (it is hidden
 * until the print view is opened, and shown when printing), so the element
 * loads this module on demand: its code and its styles stay out of the first
 * download.
 * @module
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Locale, Plan } from '@sip-kit/core';
import { Catalogue } from '../../i18n/catalogue.js';
import { formatDate } from '../../shared/format.js';
import sv, { type PrintKey } from '../messages/print-sv.js';
import type { ConsentDraft } from './draft.js';
import type { Names, Translate } from './names.js';

/**
 * The form's own strings (the plan types and every `print.*` string but the
 * print view's buttons): Swedish travels with the form, nb, nn and en load on
 * first use. The element shows the form once they are loaded in its UI
 * language, and loads them in the plan's language too when that differs.
 */
export const printMessages = new Catalogue<PrintKey>(sv, {
  nb: () => import('../messages/print-nb.js'),
  nn: () => import('../messages/print-nn.js'),
  en: () => import('../messages/print-en.js'),
});

/** A translator of the form's own strings in the plan's language. */
type PrintTranslate = (key: PrintKey, params?: Readonly<Record<string, string | number>>) => string;

/** What the printed form needs. */
export interface PrintFormOptions {
  /** The plan. */
  plan: Plan;
  /** The form's content. */
  draft: ConsentDraft;
  /** The plan's language. */
  locale: Locale;
  /** The element's strings in the plan's language (the form's own come from `printMessages`). */
  t: Translate;
  /** Name lookups. */
  names: Names;
  /** Wording for the child's question (`young` under 12). */
  childBand: 'young' | 'older';
}

/**
 * The form's own styles. They travel with the form rather than in the
 * element's static styles, which would put them in the first download; the
 * element adopts them as a constructed style sheet when the form first shows
 * (CSP-safe, unlike a `<style>` element). The element's styles say where the
 * form shows (`.print`).
 */
export const styles = css`
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sip-space-m, 1rem);
    margin: 0 0 var(--sip-space-s, 0.75rem);
  }
  .facts dt,
  .sign-role {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .box {
    font-size: 1.3em;
    line-height: 1;
  }
  .print-choices {
    list-style: none;
    padding: 0;
  }
  .own-words {
    font-style: italic;
  }
  .write-lines span,
  .inline-line {
    display: block;
    border-bottom: 1px solid currentColor;
    height: 2rem;
  }
  .inline-line {
    display: inline-block;
    width: 10rem;
    height: 1.2em;
  }
  .signature {
    margin-block: var(--sip-space-l, 1.5rem);
    break-inside: avoid;
  }
  .sign-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sip-space-m, 1rem);
  }
  .sign-cell {
    flex: 2 1 12rem;
    font-size: 0.85em;
  }
  .sign-cell.short {
    flex: 1 1 7rem;
  }
  .sign-line {
    display: flex;
    align-items: flex-end;
    min-height: 2.5rem;
    border-bottom: 1px solid currentColor;
    font-size: 1.15em;
  }
`;

function box(checked: boolean, t: PrintTranslate): TemplateResult {
  return html`<span class="box" aria-hidden="true">${checked ? '☒' : '☐'}</span><span class="sip-visually-hidden">${t(checked ? 'print.checked' : 'print.unchecked')}</span>`;
}

const lines = (n: number) => html`<div class="write-lines" aria-hidden="true">${Array.from({ length: n }, () => html`<span></span>`)}</div>`;

function signature(label: string, name: string, t: PrintTranslate): TemplateResult {
  return html`<div class="signature" part="signature">
    <p class="sign-role">${label}</p>
    <div class="sign-row">
      <div class="sign-cell"><span class="sign-line" aria-hidden="true"></span>${t('print.signature')}</div>
      <div class="sign-cell"><span class="sign-line">${name}</span>${t('print.nameClarification')}</div>
      <div class="sign-cell short"><span class="sign-line" aria-hidden="true"></span>${t('print.date')}</div>
    </div>
  </div>`;
}

/** The printable consent form. */
export function printForm(o: PrintFormOptions): TemplateResult {
  const { plan, draft: d, t, names, locale } = o;
  const own: PrintTranslate = (key, params) => printMessages.t(locale, key, params);
  const guardians = plan.person.isChild ? plan.participants.filter((p) => p.role === 'guardian') : [];
  const blank = !d.decision && d.shareWith.length === 0;
  const signers: TemplateResult[] = guardians.length
    ? guardians.map((g) => signature(own('print.signGuardian', { name: g.name }), g.name, own))
    : d.giver.startsWith('representative')
      ? [signature(own('print.signRepresentative'), d.giver.includes(':') ? names.participant(d.giver.split(':')[1]) : d.representativeName, own)]
      : [signature(own('print.signPerson'), plan.person.name, own)];
  const q = o.childBand;
  return html`<section class="print" part="print-form" lang=${locale} aria-labelledby="print-title">
    <h2 id="print-title">${own('print.title', { planType: own(`planType.${plan.type}`) })}</h2>
    <h3>${own('print.person')}</h3>
    <dl class="facts">
      <div><dt>${own('print.name')}</dt><dd>${plan.person.name}</dd></div>
      ${plan.person.dateOfBirth ? html`<div><dt>${own('print.born')}</dt><dd>${formatDate(plan.person.dateOfBirth, locale)}</dd></div>` : nothing}
    </dl>
    <p>${own('print.intro')}</p>
    <p class="print-check">${box(blank ? false : d.establishPlan, own)} ${t('scope.establish')}</p>
    <table class="print-parties" part="print-parties">
      <caption>${own('print.parties')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('scope.party')}</th>
          <th scope="col">${own('print.yes')}</th>
          <th scope="col">${own('print.no')}</th>
        </tr>
      </thead>
      <tbody>
        ${plan.parties.map((p) => {
          const yes = d.shareWith.includes(p.id);
          return html`<tr>
            <th scope="row">${names.party(p.id)}</th>
            <td>${box(!blank && yes, own)}</td>
            <td>${box(!blank && !yes, own)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <h3>${own('print.excluded')}</h3>
    ${d.exclusions.length
      ? html`<ul class="print-exclusions">
          ${d.exclusions.map(
            (x) => html`<li>“${x.text}” <span class="muted">(${own('print.excludedFor', { parties: x.parties ? names.partyList(x.parties) : own('print.allParties') })})</span></li>`,
          )}
        </ul>`
      : blank
        ? nothing
        : html`<p>${own('print.noExclusions')}</p>`}
    ${blank ? lines(3) : nothing}
    <p>
      <strong>${own('print.validUntil')}:</strong>
      ${d.validUntil ? formatDate(d.validUntil, locale) : blank ? html`<span class="inline-line" aria-hidden="true"></span> / ${own('print.untilWithdrawn')}` : own('print.untilWithdrawn')}
    </p>
    ${plan.person.isChild
      ? html`<h3>${own('print.child')}</h3>
          <p>${t(`child.${q}.question`)}</p>
          <ul class="print-choices">
            ${(['agrees', 'disagrees', 'unsure'] as const).map((a) => html`<li>${box(d.childAssent === a, own)} ${t(`child.${q}.${a}`)}</li>`)}
          </ul>
          ${d.childView ? html`<p class="own-words">“${d.childView}”</p>` : lines(3)}`
      : nothing}
    ${d.cannotConsent
      ? html`<p>${own('print.cannot')}</p>
          <ul>
            ${d.consulted.map((p) => html`<li>${p.name} (${p.relation})</li>`)}
          </ul>
          ${d.account ? html`<p class="own-words">“${d.account}”</p>` : lines(3)}`
      : nothing}
    <p class="withdraw-info">${own('print.withdrawInfo')}</p>
    <h3>${own('print.signatures')}</h3>
    ${signers} ${signature(own('print.signRecorder'), d.recordedBy ? names.participant(d.recordedBy) : '', own)}
  </section>`;
}

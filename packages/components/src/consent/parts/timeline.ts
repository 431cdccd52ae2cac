/**
 * The consent history as a timeline: every answer and every withdrawal, oldest
 * first. Nothing is ever removed from it — a withdrawal or a changed consent
 * is a new entry, and the old ones stay readable.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Consent, ConsentWithdrawal, Locale, Plan } from '@sip-kit/core';
import { formatDate } from '../../shared/format.js';
import type { Names, Translate } from './names.js';

/** One entry of the timeline. */
interface TimelineEvent {
  key: string;
  on: string;
  at: string;
  consent: Consent;
  withdrawal?: ConsentWithdrawal;
}

/** What the timeline needs. */
export interface TimelineOptions {
  /** The plan. */
  plan: Plan;
  /** UI locale. */
  locale: Locale;
  /** UI strings. */
  t: Translate;
  /** Name lookups. */
  names: Names;
  /** Ids of the records in force today (from core's `consentsInForce`). */
  inForce: ReadonlySet<string>;
  /** Show the change and withdraw buttons. */
  editable: boolean;
  /** Change a record (starts a new record that supersedes it). */
  onChange: (c: Consent) => void;
  /** Start a withdrawal of a record. */
  onWithdraw: (c: Consent) => void;
  /** The withdrawal form, rendered under the record it belongs to. */
  withdrawForm: (c: Consent) => TemplateResult | typeof nothing;
}

function events(plan: Plan): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const c of plan.consents) {
    out.push({ key: c.id, on: c.givenOn, at: c.recordedAt, consent: c });
    for (const w of c.withdrawals) out.push({ key: `${c.id}/${w.id}`, on: w.on, at: w.recordedAt, consent: c, withdrawal: w });
  }
  // Stable: equal days keep the order they were recorded in.
  return out.sort((a, b) => (a.on === b.on ? (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) : a.on < b.on ? -1 : 1));
}

function details(c: Consent, o: TimelineOptions): TemplateResult {
  const { t, names, locale } = o;
  return html`<ul class="details">
    ${c.decision === 'given'
      ? html`${c.scope.establishPlan ? html`<li>${t('history.establish')}</li>` : nothing}
          <li>${c.scope.shareWith.length ? t('history.sharesWith', { parties: names.partyList(c.scope.shareWith) }) : t('history.sharesNone')}</li>
          <li>${c.validUntil ? t('history.validUntil', { date: formatDate(c.validUntil, locale) }) : t('history.noEnd')}</li>`
      : nothing}
    <li>${t(`form.${c.form}`)}${c.formNote ? html` — ${c.formNote}` : nothing}</li>
    ${c.scope.exclusions.length
      ? html`<li>
          ${t('history.excluded')}:
          <ul>
            ${c.scope.exclusions.map((x) => html`<li>“${x.text}”${x.parties ? html` (${names.partyList(x.parties)})` : nothing}</li>`)}
          </ul>
        </li>`
      : nothing}
    ${c.childView
      ? html`<li>${t('history.childView')}: ${t(c.childView.assent === 'not-asked' ? 'child.not-asked' : (`child.older.${c.childView.assent}` as const))}${c.childView.view
            ? html` — “${c.childView.view}”`
            : nothing}</li>`
      : nothing}
    ${c.cannotConsent
      ? html`<li>${t('history.consulted', { names: c.cannotConsent.consulted.map((p) => `${p.name} (${p.relation})`).join(', ') })}</li>
          <li>${t('history.account')}: “${c.cannotConsent.accountOfPersonsView}”</li>`
      : nothing}
    ${c.note ? html`<li>${c.note}</li>` : nothing}
    <li class="muted">${t('history.recorded', { name: names.participant(c.recordedBy), at: formatDate(c.recordedAt.slice(0, 10), locale) })}</li>
  </ul>`;
}

/** The timeline of consents and withdrawals. */
export function timeline(o: TimelineOptions): TemplateResult {
  const { plan, t, names, locale } = o;
  const list = events(plan);
  if (!list.length) return html`<p class="sip-empty" part="empty">${t('history.empty')}</p>`;
  const superseded = new Set(plan.consents.map((c) => c.supersedes).filter(Boolean));
  return html`<ol class="timeline" part="timeline" aria-labelledby="history-heading">
    ${list.map((e) => {
      const c = e.consent;
      const giver = names.giver(c.givenBy, t);
      if (e.withdrawal) {
        const w = e.withdrawal;
        return html`<li class="event withdrawn" part="event event-withdrawn" data-consent=${c.id}>
          <p class="when muted"><time datetime=${w.on}>${formatDate(w.on, locale)}</time></p>
          <p class="what">
            <span aria-hidden="true">⊘ </span>${w.parties ? t('history.withdrawnParties', { giver, parties: names.partyList(w.parties) }) : t('history.withdrawnAll', { giver })}
          </p>
          <ul class="details">
            ${w.reason ? html`<li>${t('history.reason', { reason: w.reason })}</li>` : nothing}
            <li class="muted">${t('history.recorded', { name: names.participant(w.recordedBy), at: formatDate(w.recordedAt.slice(0, 10), locale) })}</li>
          </ul>
        </li>`;
      }
      const live = o.inForce.has(c.id) && c.decision === 'given';
      return html`<li class="event ${c.decision}" part=${`event event-${c.decision}`} data-consent=${c.id}>
        <p class="when muted"><time datetime=${c.givenOn}>${formatDate(c.givenOn, locale)}</time></p>
        <p class="what">
          <span aria-hidden="true">${c.decision === 'given' ? '✓ ' : '✗ '}</span>${t(c.decision === 'given' ? 'history.given' : 'history.refused', { giver })}
        </p>
        ${superseded.has(c.id) ? html`<p class="muted">${t('history.superseded')}</p>` : nothing} ${details(c, o)}
        ${o.editable && live
          ? html`<div class="actions" part="event-actions">
              <button type="button" id=${`change-${c.id}`} @click=${() => o.onChange(c)}>
                ${t('history.change')}<span class="sip-visually-hidden">: ${giver}, ${formatDate(c.givenOn, locale)}</span>
              </button>
              <button type="button" id=${`withdraw-${c.id}`} @click=${() => o.onWithdraw(c)}>
                ${t('history.withdraw')}<span class="sip-visually-hidden">: ${giver}, ${formatDate(c.givenOn, locale)}</span>
              </button>
            </div>`
          : nothing}
        ${o.withdrawForm(c)}
      </li>`;
    })}
  </ol>`;
}

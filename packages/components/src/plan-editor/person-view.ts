/**
 * The person's plain-language, read-only "my plan" (`<sip-plan-editor mode="person">`).
 * A chunk of its own: the professional editor, the default, never shows it, so a
 * page that only edits plans never downloads it (see `LazyPart`).
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Intervention, Locale, Plan } from '@sip-kit/core';
import { approvalMarker } from '../shared/fields.js';
import { formatDate } from '../shared/format.js';
import type { SharedKey } from '../i18n/messages/sv.js';
import type { EditorKey } from './messages.js';

/** The editor's strings (its own and the shared ones) in its active locale: the element's `t`. */
export type Translate = (key: EditorKey | SharedKey, params?: Readonly<Record<string, string | number>>) => string;

/** One section of the person's view: a heading, then `body` (one paragraph when it is a string). */
function section(name: string, heading: string, body: string | TemplateResult, headingId = name): TemplateResult {
  return html`<section part=${`section section-${name}`} aria-labelledby=${`h-p-${headingId}`}>
    <h3 id=${`h-p-${headingId}`} part="subheading">${heading}</h3>
    ${typeof body === 'string' ? html`<p>${body}</p>` : body}
  </section>`;
}

/**
 * The person's view of `plan`: what matters to them, their goals, the help they
 * get (who, what, when, how), who coordinates, and the next follow-up, in
 * plain words. Sections the person wrote nothing in say so, or are left out.
 */
export function renderPersonView(plan: Plan, t: Translate, locale: Locale): TemplateResult {
  const v = plan.personVoice;
  const next = plan.followUps.filter((f) => !f.doneOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  const name = (id: string | undefined, among: readonly { id: string; name: string }[]) => (id !== undefined && among.find((x) => x.id === id)?.name) || '';
  const coordinator = plan.participants.find((p) => p.id === plan.coordinator);
  const when = (i: Intervention) => [i.extent, i.where, i.startOn ? formatDate(i.startOn, locale) : ''].filter(Boolean).join(', ');
  const nothingYet = t('p.nothing');
  return html`<article part="person-view" aria-labelledby="h-my-plan">
    <h2 id="h-my-plan" part="heading">${t('personTitle')}</h2>
    ${plan.pendingApproval.length ? approvalMarker(t('p.pending')) : nothing}
    ${section('voice', t('p.whatMatters'), html`<p>${v.whatMattersToMe || nothingYet}</p>${v.ownWords ? html`<p>${v.ownWords}</p>` : nothing}`)}
    ${v.ownContribution ? section('contribution', t('p.ownContribution'), v.ownContribution) : nothing}
    ${v.relativesContribution ? section('relatives', t('p.relativesContribution'), v.relativesContribution) : nothing}
    ${plan.person.isChild ? section('child', t('p.childView'), v.childView?.text || nothingYet) : nothing}
    ${section('goals', t('p.goals'), plan.goals.length ? html`<ul>${plan.goals.map((g) => html`<li>${g.text}</li>`)}</ul>` : nothingYet)}
    ${section(
      'interventions',
      t('p.help'),
      plan.interventions.length
        ? html`<ul>
            ${plan.interventions.map(
              (i) => html`<li>
                ${t('p.helpLine', { who: i.responsibleName || name(i.responsible, plan.participants) || name(i.party, plan.parties), what: i.what })}
                ${when(i) ? html`<br />${t('p.when', { when: when(i) })}` : nothing}
                ${i.how ? html`<br />${t('p.how', { how: i.how })}` : nothing}
              </li>`,
            )}
          </ul>`
        : nothingYet,
      'help',
    )}
    ${plan.cooperation ? section('cooperation', t('p.cooperation'), plan.cooperation) : nothing}
    ${section('coordinator', t('p.coordinator'), coordinator ? (coordinator.title ? `${coordinator.name}, ${coordinator.title}` : coordinator.name) : t('nobody'))}
    ${section('followUps', t('p.nextFollowUp'), next ? t('p.followUpLine', { date: formatDate(next.dueOn, locale), who: name(next.responsible, plan.participants) }) : nothingYet, 'followup')}
  </article>`;
}

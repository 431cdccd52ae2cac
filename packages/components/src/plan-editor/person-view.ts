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
import { personViewMessages, type PersonViewKey } from './person-messages.js';

// The editor asks the loaded view for its strings (`SipElement.lazy`).
export { personViewMessages, type PersonViewKey } from './person-messages.js';

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
 * Its own strings come from {@link personViewMessages} in `locale`; `t` gives
 * the editor's (a coordinator not chosen yet).
 */
export function renderPersonView(plan: Plan, t: Translate, locale: Locale): TemplateResult {
  const my = (key: PersonViewKey, params?: Readonly<Record<string, string | number>>) => personViewMessages.t(locale, key, params);
  const v = plan.personVoice;
  const next = plan.followUps.filter((f) => !f.doneOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  const name = (id: string | undefined, among: readonly { id: string; name: string }[]) => (id !== undefined && among.find((x) => x.id === id)?.name) || '';
  const coordinator = plan.participants.find((p) => p.id === plan.coordinator);
  const when = (i: Intervention) => [i.extent, i.where, i.startOn ? formatDate(i.startOn, locale) : ''].filter(Boolean).join(', ');
  const nothingYet = my('p.nothing');
  return html`<article part="person-view" aria-labelledby="h-my-plan">
    <h2 id="h-my-plan" part="heading">${my('personTitle')}</h2>
    ${plan.pendingApproval.length ? approvalMarker(my('p.pending')) : nothing}
    ${section('voice', my('p.whatMatters'), html`<p>${v.whatMattersToMe || nothingYet}</p>${v.ownWords ? html`<p>${v.ownWords}</p>` : nothing}`)}
    ${v.ownContribution ? section('contribution', my('p.ownContribution'), v.ownContribution) : nothing}
    ${v.relativesContribution ? section('relatives', my('p.relativesContribution'), v.relativesContribution) : nothing}
    ${plan.person.isChild ? section('child', my('p.childView'), v.childView?.text || nothingYet) : nothing}
    ${section('goals', my('p.goals'), plan.goals.length ? html`<ul>${plan.goals.map((g) => html`<li>${g.text}</li>`)}</ul>` : nothingYet)}
    ${section(
      'interventions',
      my('p.help'),
      plan.interventions.length
        ? html`<ul>
            ${plan.interventions.map(
              (i) => html`<li>
                ${my('p.helpLine', { who: i.responsibleName || name(i.responsible, plan.participants) || name(i.party, plan.parties), what: i.what })}
                ${when(i) ? html`<br />${my('p.when', { when: when(i) })}` : nothing}
                ${i.how ? html`<br />${my('p.how', { how: i.how })}` : nothing}
              </li>`,
            )}
          </ul>`
        : nothingYet,
      'help',
    )}
    ${plan.cooperation ? section('cooperation', my('p.cooperation'), plan.cooperation) : nothing}
    ${section('coordinator', my('p.coordinator'), coordinator ? (coordinator.title ? `${coordinator.name}, ${coordinator.title}` : coordinator.name) : t('nobody'))}
    ${section('followUps', my('p.nextFollowUp'), next ? my('p.followUpLine', { date: formatDate(next.dueOn, locale), who: name(next.responsible, plan.participants) }) : nothingYet, 'followup')}
  </article>`;
}

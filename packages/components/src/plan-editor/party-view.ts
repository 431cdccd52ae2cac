/**
 * What one party may see of a plan (`<sip-plan-editor party="…">`): the
 * editor's sections, read-only, from the copy the person's consent allows.
 * A chunk of its own, with core's redaction: the professional editor, the
 * default, never shows it, so a page that only edits plans never downloads it
 * (see `LazyPart`).
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { redactForParty, type IsoDate, type Locale, type Plan, type PlanSection, type RedactedPlan } from '@sip-kit/core';
import type { PlanFeedback } from '../context/services.js';
import { notCoveredNotice, sectionHeading } from '../shared/fields.js';
import type { EditorKey } from './messages.js';
import { partyViewMessages, type PartyViewKey } from './party-messages.js';
import type { Translate } from './person-view.js';

// The editor asks the loaded view for its strings (`SipElement.lazy`).
export { partyViewMessages, type PartyViewKey } from './party-messages.js';

/** The editor's sections, in the order it shows them. */
export type EditorSection = 'person' | 'voice' | 'parties' | 'participants' | 'roles' | 'needs' | 'resources' | 'goals' | 'interventions' | 'otherInterventions' | 'followUps';

type Deadline = PlanFeedback['deadlines'][number];

/** What the party view needs from the editor. */
export interface PartyViewHost {
  /** The editor's strings in its active locale. */
  t: Translate;
  /** The editor's active locale (for the view's own strings, {@link partyViewMessages}). */
  locale: Locale;
  /** One of the editor's sections (read-only here), rendered from the party's copy. */
  section: (name: EditorSection, plan: Plan) => TemplateResult;
  /** The editor's deadline banner, showing the deadlines `shown` lets through. */
  deadlines: (shown: (d: Deadline) => boolean) => TemplateResult | typeof nothing;
}

/**
 * Each section with the consent section that holds its data (none: the list of
 * parties, shown whenever any sharing is allowed) and its title.
 */
const SECTIONS: readonly [EditorSection, PlanSection | undefined, EditorKey][] = [
  ['person', 'person', 'sec.person'],
  ['voice', 'personVoice', 'sec.voice'],
  ['parties', undefined, 'sec.parties'],
  ['participants', 'participants', 'sec.participants'],
  ['roles', 'participants', 'sec.roles'],
  ['needs', 'needs', 'sec.needs'],
  ['resources', 'resources', 'sec.resources'],
  ['goals', 'goals', 'sec.goals'],
  ['interventions', 'interventions', 'sec.interventions'],
  ['otherInterventions', 'interventions', 'sec.otherInterventions'],
  ['followUps', 'followUps', 'sec.followUp'],
];

/** The last copy made of each plan: kept while the plan object, the party and the day stay the same. */
const copies = new WeakMap<Plan, { party: string; on: IsoDate; view: RedactedPlan }>();

/** The copy of `plan` that `party` may see on `on` (core's `redactForParty`), made once per plan, party and day. */
function copyFor(plan: Plan, party: string, on: IsoDate): RedactedPlan {
  const hit = copies.get(plan);
  if (hit && hit.party === party && hit.on === on) return hit.view;
  const view = redactForParty(plan, party, { on });
  copies.set(plan, { party, on, view });
  return view;
}

/**
 * Read-only: a note saying whose view it is, then the sections of the
 * professional view, each from the redacted copy, or the not-covered notice
 * where the consent withholds the section. A deadline goes with its section
 * (meetings, follow-ups).
 */
export function renderPartyView(plan: Plan, party: string, on: IsoDate, host: PartyViewHost): TemplateResult {
  const copy = copyFor(plan, party, on);
  const { allowed, sections, items, unresolvedExclusions } = copy.redacted;
  const hidden = new Set<string>(sections);
  const t = host.t;
  const my = (key: PartyViewKey) => partyViewMessages.t(host.locale, key);
  // The section renderers only read; the withheld parts of the copy are empty or markers and are never rendered.
  const shown = copy as unknown as Plan;
  return html`<div part="party-view">
    <div part="party-note" role="note">
      <p>${my('party.note')}</p>
      ${allowed && items.length ? html`<p>${my('party.itemsWithheld')}</p>` : nothing}
      ${allowed && unresolvedExclusions.length ? html`<p>${my('party.unresolved')}</p>` : nothing}
    </div>
    ${allowed
      ? host.deadlines((d) => !(hidden.has('followUps') && d.kind === 'follow-up') && !(hidden.has('meetings') && (d.kind === 'meeting' || d.kind === 'invitation')))
      : nothing}
    ${SECTIONS.map(([name, data, title]) =>
      (data ? hidden.has(data) : !allowed)
        ? html`<section part=${`section section-${name}`} aria-labelledby=${`h-${name}`}>${sectionHeading(`h-${name}`, t(title))} ${notCoveredNotice(t('consent.notCovered'))}</section>`
        : host.section(name, shown),
    )}
  </div>`;
}

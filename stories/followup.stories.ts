import { html } from 'lit';
import type { Plan } from '@sip-kit/core';
import sePlan from '../packages/core/examples/se-sip.json' with { type: 'json' };
import childPlan from '../packages/core/examples/se-sip-child.json' with { type: 'json' };
import dischargePlan from '../packages/core/examples/se-sip-discharge.json' with { type: 'json' };
import lssPlan from '../packages/core/examples/se-lss-ip.json' with { type: 'json' };
import noPlan from '../packages/core/examples/no-ip.json' with { type: 'json' };
// Registers <sip-followup> and the <sip-status-badge> it uses. A bare import
// survives the production build: packages/components/package.json lists
// src/define/*.ts under sideEffects.
import '../packages/components/src/define/sip-followup.js';

export default {
  title: 'Elements/Follow-up',
  component: 'sip-followup',
};

const copy = (p: unknown): Plan => structuredClone(p) as Plan;

/** se-sip on 26 May 2026 with a deadline in every state: met, met late, due today, overdue, upcoming. */
function everyStatus(): Plan {
  const p = copy(sePlan);
  p.meetings = p.meetings.map((m) => (m.id === 'm-sip' ? { ...m, heldOn: '2026-02-26' } : m));
  p.followUps.push({ id: 'f-3', dueOn: '2026-05-20', responsible: 'omar', evaluations: [] }, { id: 'f-4', dueOn: '2026-06-10', responsible: 'lena', evaluations: [] });
  return p;
}

const view = (plan: Plan, today: string, extra: { locale?: string; readonly?: boolean; party?: string } = {}) =>
  html`<sip-followup autosave="false" today=${today} locale=${extra.locale ?? 'sv'} party=${extra.party ?? ''} ?readonly=${extra.readonly ?? false} .plan=${plan}></sip-followup>`;

/** Deadlines in every state; the overdue follow-up has an icon, a word and a dashed frame. */
export const DeadlinesInEveryState = { render: () => view(everyStatus(), '2026-05-26') };

/** A SIP meeting planned at discharge: invitations with answers, export to a calendar, the form to plan another. */
export const PlannedMeeting = { render: () => view(copy(dischargePlan), '2026-11-17') };

/** The day of the meeting: attendance can be recorded for every invited participant. */
export const RecordAttendance = { render: () => view(copy(dischargePlan), '2026-11-19') };

/** A called party (habilitation) did not come: flagged on the plan and in the meeting's table. */
export const AbsentCalledParty = { render: () => view(copy(childPlan), '2026-03-20') };

/** Evaluating goals at the second follow-up, with the first one's outcomes in the chart. */
export const EvaluateGoals = { render: () => view(copy(sePlan), '2026-05-26') };

/** Progress over a yearly LSS review, with the table alternative. */
export const ProgressChart = { render: () => view(copy(lssPlan), '2026-09-01') };

/** Norwegian IP (bokmål): NAV was invited, not called, so its absence is not flagged. */
export const NorwegianPlan = { render: () => view(copy(noPlan), '2026-03-01', { locale: 'nb' }) };

/** Read-only: the person's or a viewer's view, without forms. */
export const ReadOnly = { render: () => view(copy(sePlan), '2026-05-26', { readonly: true }) };

/** Acting for Försäkringskassan after the person withdrew consent for it: sections say they are not shown. */
export const ActingForUncoveredParty = { render: () => view(copy(sePlan), '2026-05-26', { party: 'fk' }) };

// One story per UI language: the Swedish SIP with a deadline in every state for
// sv and en, the Norwegian IP on the day its follow-up is due for nb and nn.

/** Svenska (sv), the default. */
export const Swedish = { render: () => view(everyStatus(), '2026-05-26', { locale: 'sv' }) };
/** Norsk bokmål (nb). */
export const NorwegianBokmal = { render: () => view(copy(noPlan), '2026-05-05', { locale: 'nb' }) };
/** Norsk nynorsk (nn). */
export const NorwegianNynorsk = { render: () => view(copy(noPlan), '2026-05-05', { locale: 'nn' }) };
/** English (en). */
export const English = { render: () => view(everyStatus(), '2026-05-26', { locale: 'en' }) };

import { html } from 'lit';
import type { Plan } from '@sip-kit/core';
import type { RepositoryService } from '../packages/components/src/context/services.js';
import sePlan from '../packages/core/examples/se-sip.json' with { type: 'json' };
import childPlan from '../packages/core/examples/se-sip-child.json' with { type: 'json' };
import noPlan from '../packages/core/examples/no-ip.json' with { type: 'json' };
import type { SipPlanEditor } from '../packages/components/src/plan-editor/sip-plan-editor.js';
// Registers <sip-plan-editor> and the <sip-status-badge> it uses. A bare import
// survives the production build: packages/components/package.json lists
// src/define/*.ts under sideEffects.
import '../packages/components/src/define/sip-plan-editor.js';

const complete = sePlan as unknown as Plan;
const empty = {
  ...complete,
  id: 'story-empty',
  status: 'initiated',
  goals: [],
  interventions: [],
  needs: [],
  resources: [],
  followUps: [],
  coordinator: undefined,
  coordinatorHistory: [],
  meetings: [],
  consents: [],
  personVoice: {},
  establishedOn: undefined,
  firstContactOn: undefined,
  pendingApproval: [],
  approvals: [],
  audit: [],
} as unknown as Plan;
const partial = { ...complete, id: 'story-partial', coordinator: undefined, coordinatorHistory: [], followUps: [], interventions: complete.interventions.slice(0, 2) } as unknown as Plan;
/** The Norwegian IP, likewise without a coordinator or a follow-up yet. */
const partialNorwegian = { ...(noPlan as unknown as Plan), id: 'story-partial-no', coordinator: undefined, coordinatorHistory: [], followUps: [] } as unknown as Plan;

/** Keeps drafts in memory so stories never touch the browser's storage. */
const memory = (): RepositoryService => ({ load: async () => complete, save: async (p) => ({ ...p, version: p.version + 1 }) });
/** A repository that is always offline. */
const offline: RepositoryService = {
  load: async () => complete,
  save: async () => Promise.reject(Object.assign(new Error('offline'), { name: 'NetworkError' })),
};

export default {
  title: 'Components/Plan editor',
  component: 'sip-plan-editor',
  args: { locale: 'sv', mode: 'professional', readonly: false, today: '2026-03-10' },
  argTypes: {
    locale: { control: 'select', options: ['sv', 'nb', 'nn', 'en'] },
    mode: { control: 'inline-radio', options: ['professional', 'person'] },
  },
};

interface Args {
  locale: string;
  mode: 'professional' | 'person';
  readonly: boolean;
  today: string;
}
const editor = (plan: Plan, repository: RepositoryService = memory()) => (a: Args) =>
  html`<sip-plan-editor .plan=${plan} .repository=${repository} locale=${a.locale} mode=${a.mode} today=${a.today} ?readonly=${a.readonly}></sip-plan-editor>`;

/** A plan just started: nothing filled in; the rules list what is missing. */
export const Empty = { render: editor(empty) };
/** Some sections done: no coordinator and no follow-up yet. */
export const Partial = { render: editor(partial) };
/** Everything the Swedish default pack asks for. */
export const Complete = { render: editor(complete) };
/** The SIP meeting deadline has passed. */
export const Overdue = { args: { today: '2027-02-01' }, render: editor(empty) };
/** A child's plan, with the child's own view. */
export const Child = { render: editor(childPlan as unknown as Plan) };
/** The person's own plain-language, read-only "my plan". */
export const PersonMode = { args: { mode: 'person' }, render: editor(complete) };
/** Saving failed (offline): the text is kept, the reason is shown, retry is offered. */
export const SaveError = {
  render: editor(complete, offline),
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('sip-plan-editor') as SipPlanEditor;
    await el.updateComplete;
    el.store?.updatePersonVoice({ ownWords: 'Jag vill att alla lyssnar på mig.' });
    await el.save();
  },
};
/**
 * Acting for a party without consent: Anna withdrew her consent for
 * Försäkringskassan on 2026-04-20, so every section says it is not shared,
 * and nothing can be changed.
 */
export const ActingForAPartyWithoutConsent = {
  name: 'Acting for a party without consent',
  args: { today: '2026-05-04' },
  render: (a: Args) =>
    html`<sip-plan-editor .plan=${complete} .repository=${memory()} locale=${a.locale} mode=${a.mode} today=${a.today} party="fk" ?readonly=${a.readonly}></sip-plan-editor>`,
};

// One story per UI language, each on a partial plan of its country (the
// Swedish SIP for sv and en, the Norwegian IP for nb and nn), so the form's
// labels and the rules' messages about what is missing both show.

/** Svenska (sv), the default. */
export const Swedish = { args: { locale: 'sv' }, render: editor(partial) };
/** Norsk bokmål (nb). */
export const NorwegianBokmal = { args: { locale: 'nb' }, render: editor(partialNorwegian) };
/** Norsk nynorsk (nn). */
export const NorwegianNynorsk = { args: { locale: 'nn' }, render: editor(partialNorwegian) };
/** English (en). */
export const English = { args: { locale: 'en' }, render: editor(partial) };

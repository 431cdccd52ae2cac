import { html } from 'lit';
import type { Consent, Plan } from '@sip-kit/core';
import sePlan from '../packages/core/examples/se-sip.json' with { type: 'json' };
import childPlan from '../packages/core/examples/se-sip-child.json' with { type: 'json' };
import noPlan from '../packages/core/examples/no-ip.json' with { type: 'json' };
// Bare imports survive the production build: packages/components/package.json
// lists src/define/*.ts under sideEffects.
import '../packages/components/src/define/sip-consent.js';
import '../packages/components/src/define/sip-context.js';
import '../packages/components/src/define/sip-followup.js';

export default {
  title: 'Elements/Consent',
  component: 'sip-consent',
};

const TODAY = '2026-05-04';
const copy = (p: unknown): Plan => structuredClone(p) as Plan;

const view = (plan: Plan, extra: { locale?: string; readonly?: boolean; view?: 'form' | 'print' } = {}) =>
  html`<sip-consent autosave="false" today=${TODAY} locale=${extra.locale ?? 'sv'} view=${extra.view ?? 'form'} ?readonly=${extra.readonly ?? false} .plan=${plan}></sip-consent>`;

/** No consent yet: the rules warn that the plan may not be made; the form starts empty (nothing shared by default). */
export const NoConsentYet = { render: () => view({ ...copy(sePlan), consents: [] }) };

/** An adult's consent with an exclusion in her own words ("nothing about my substance use to Arbetsförmedlingen") and a time limit. */
export const AdultWithExclusionsAndTimeLimit = { render: () => view(copy(sePlan)) };

/** A child with two guardians where only the mother has consented: the plan may not be established yet. The child's view is asked in words for an 11-year-old. */
export const ChildOneGuardianMissing = {
  render: () => {
    const p = copy(childPlan);
    return view({ ...p, consents: p.consents.filter((c) => c.id === 'c-mamma') });
  },
};

/** Both guardians have consented; the father excluded the separation from school. */
export const ChildBothGuardians = { render: () => view(copy(childPlan)) };

/**
 * Withdrawal for one party and the enforcement that follows: Anna took back her
 * consent for Försäkringskassan. Beside it, `<sip-followup>` acting for
 * Försäkringskassan shows none of the plan. Withdraw for another party to see
 * the timeline grow (nothing is ever removed).
 */
export const WithdrawalForOneParty = {
  render: () => {
    const p = copy(sePlan);
    return html`<sip-context .plan=${p} today=${TODAY} .repository=${{ load: async () => p, save: async (x: Plan) => ({ ...x, version: x.version + 1 }) }}>
      <sip-consent></sip-consent>
      <h2>Försäkringskassan sees</h2>
      <sip-followup party="fk"></sip-followup>
    </sip-context>`;
  },
};

/** The cannot-consent path: Ingrid cannot consent after a brain injury; her brother was asked and gave his account of what she would want. */
export const CannotConsent = {
  render: () => {
    const p = copy(noPlan);
    const record: Consent = {
      ...p.consents[0]!,
      id: 'c-ole',
      givenBy: { kind: 'representative', name: 'Ole Solberg (verge)' },
      form: 'other-documented',
      formNote: 'Samtale med broren, notert i journalen.',
      cannotConsent: {
        reason: 'Alvorlig hjerneskade etter ulykken.',
        consulted: [{ name: 'Ole Solberg', relation: 'bror', participant: 'ole' }],
        accountOfPersonsView: 'Ingrid har alltid ønsket at kommunen og sykehuset snakker sammen om henne.',
      },
    };
    return view({ ...p, consents: [record] }, { locale: 'nb' });
  },
};

/** Inside a vendor's `<form>`: `required` keeps the form invalid until consent is recorded; submitting sends the record as JSON. */
export const InsideAForm = {
  render: () => {
    const onSubmit = (e: SubmitEvent) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      form.querySelector('output')!.value = String(new FormData(form).get('consent') ?? '');
    };
    return html`<form @submit=${onSubmit}>
      <sip-consent name="consent" required autosave="false" today=${TODAY} .plan=${{ ...copy(sePlan), consents: [] }}></sip-consent>
      <button>Skicka</button> <button type="reset">Återställ</button>
      <p>Skickat värde: <output></output></p>
    </form>`;
  },
};

/** The consent form for signing, in the plan's language: a child's plan with a signature line per guardian. */
export const PrintView = { render: () => view(copy(childPlan), { view: 'print', locale: 'en' }) };

/** A blank form for signing by hand (nothing filled in yet), for a Norwegian plan. */
export const PrintBlankForm = { render: () => view({ ...copy(noPlan), consents: [] }, { view: 'print', locale: 'nb' }) };

/** Read-only: the status and history without forms. */
export const ReadOnly = { render: () => view(copy(sePlan), { readonly: true }) };

// One story per UI language: the Swedish adult's consent for sv and en, the
// Norwegian IP's for nb and nn.

/** Svenska (sv), the default. */
export const Swedish = { render: () => view(copy(sePlan), { locale: 'sv' }) };
/** Norsk bokmål (nb). */
export const NorwegianBokmal = { render: () => view(copy(noPlan), { locale: 'nb' }) };
/** Norsk nynorsk (nn). */
export const NorwegianNynorsk = { render: () => view(copy(noPlan), { locale: 'nn' }) };
/** English (en). */
export const English = { render: () => view(copy(sePlan), { locale: 'en' }) };

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { parsePlan, type Plan } from '@sip-kit/core';
import '../define/sip-context.js';
import '../define/sip-consent.js';
import '../define/sip-followup.js';
import '../define/sip-plan-editor.js';
import type { SipContext } from '../context/sip-context.js';
import type { SipConsent } from './sip-consent.js';

const TODAY = '2026-05-04';

async function example(name: string): Promise<Plan> {
  const res = await fetch(new URL(`../../../core/examples/${name}.json`, import.meta.url));
  return parsePlan(await res.json());
}

/** Free text of the plan a party without consent must not see: names, goals, needs, notes … */
function secrets(plan: Plan): string[] {
  const out = new Set<string>();
  const skip = /^(\d{4}-\d{2}-\d{2}(T.*)?|[a-z0-9-]+)$/; // dates, instants, ids and enum words
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.length >= 6 && !skip.test(v)) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const { audit: _audit, ...rest } = plan;
  walk(rest);
  return [...out];
}

/** Every text node and attribute value under `root`, crossing into shadow roots. */
function rendered(root: Element): { text: string; attributes: string[] } {
  const texts: string[] = [];
  const attributes: string[] = [];
  const visit = (node: Element | ShadowRoot) => {
    const children = node instanceof Element ? [node, ...node.querySelectorAll('*')] : [...node.querySelectorAll('*')];
    for (const el of children) {
      for (const a of el.getAttributeNames()) attributes.push(el.getAttribute(a) ?? '');
      if (el.shadowRoot) {
        texts.push(el.shadowRoot.textContent ?? '');
        visit(el.shadowRoot);
      }
    }
    if (node instanceof ShadowRoot) {
      // Values of form controls are not in textContent.
      for (const c of node.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) texts.push(c.value);
    }
  };
  texts.push(root.textContent ?? '');
  visit(root);
  return { text: texts.join('\n'), attributes };
}

function leaks(root: Element, plan: Plan): string[] {
  const { text, attributes } = rendered(root);
  return secrets(plan).filter((s) => text.includes(s) || attributes.some((a) => a.includes(s)));
}

const hasProperty = (tag: string, name: string) => (customElements.get(tag) as unknown as typeof LitElement | undefined)?.elementProperties.has(name) ?? false;

describe('consent enforcement in the other elements', () => {
  it('after a withdrawal for one party, <sip-followup> acting for it shows none of the plan', async () => {
    const plan = await example('se-sip');
    const ctx = await fixture<SipContext>(
      html`<sip-context .plan=${plan} today=${TODAY} .repository=${{ load: async () => plan, save: async (p: Plan) => ({ ...p, version: p.version + 1 }) }}>
        <sip-consent></sip-consent>
        <sip-followup party="af"></sip-followup>
      </sip-context>`,
    );
    const consent = ctx.querySelector('sip-consent') as SipConsent;
    const followup = ctx.querySelector('sip-followup') as LitElement;
    await consent.updateComplete;
    await followup.updateComplete;
    // Before: Arbetsförmedlingen is covered, so it sees the goals (the test can see a leak).
    const goal = plan.goals[0]!.text;
    expect(rendered(followup).text).to.contain(goal);

    consent.shadowRoot!.querySelector<HTMLButtonElement>('#withdraw-c-anna')!.click();
    await consent.updateComplete;
    consent.shadowRoot!.querySelector<HTMLInputElement>('#wd-mode-some')!.click();
    await consent.updateComplete;
    const af = [...consent.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="withdraw-form"] input[type="checkbox"]')].find(
      (b) => b.nextElementSibling!.textContent === 'Arbetsförmedlingen',
    )!;
    af.click();
    await consent.updateComplete;
    setTimeout(() => consent.shadowRoot!.querySelector<HTMLButtonElement>('#wd-submit')!.click());
    await oneEvent(consent, 'sip-consent-withdraw');
    await followup.updateComplete;

    const found = leaks(followup, consent.plan!);
    expect(found, `leaked: ${found.join(' | ')}`).to.deep.equal([]);
    expect(followup.shadowRoot!.querySelectorAll('[part~="not-covered"]').length).to.be.greaterThan(0);
  });

  it('<sip-followup> for a party the consent never covered shows none of the plan', async () => {
    const base = await example('se-sip-child');
    // Only one guardian has consented: no party may see anything yet.
    const plan = parsePlan({ ...base, consents: base.consents.filter((c) => c.id === 'c-mamma') });
    const el = await fixture<LitElement>(html`<sip-followup autosave="false" today=${TODAY} party="skola" .plan=${plan}></sip-followup>`);
    await el.updateComplete;
    const found = leaks(el, plan);
    expect(found, `leaked: ${found.join(' | ')}`).to.deep.equal([]);
    expect(el.shadowRoot!.querySelectorAll('[part~="not-covered"]').length).to.be.greaterThan(0);
  });

  it('<sip-plan-editor> acting for a party without consent shows none of the plan', async () => {
    expect(hasProperty('sip-plan-editor', 'party'), '<sip-plan-editor> has a `party` property').to.equal(true);
    const base = await example('se-sip');
    const plan = parsePlan({
      ...base,
      consents: base.consents.map((c) => ({ ...c, withdrawals: [...c.withdrawals, { id: 'w-af', on: '2026-05-01', parties: ['af'], recordedAt: '2026-05-01T10:00:00Z' }] })),
    });
    const el = await fixture<LitElement>(html`<sip-plan-editor autosave="false" today=${TODAY} party="af" .plan=${plan}></sip-plan-editor>`);
    await el.updateComplete;
    const found = leaks(el, plan);
    expect(found, `leaked: ${found.join(' | ')}`).to.deep.equal([]);
    expect(el.shadowRoot!.querySelectorAll('[part~="not-covered"]').length).to.be.greaterThan(0);
  });
});

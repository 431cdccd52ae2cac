import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { LitElement, html as litHtml, render, type TemplateResult } from 'lit';
import { createPlan, createPlanStore, type Plan } from '@sip-kit/core';
import '../define/sip-context.js';
import { SipElement } from './sip-element.js';
import { provideSip } from '../context/provide.js';
import { PlanSaver } from '../context/saver.js';
import { Catalogue } from '../i18n/catalogue.js';
import type { RepositoryService } from '../context/services.js';
import type { SipContext } from '../context/sip-context.js';

const catalogue = new Catalogue<'hello'>({ hello: 'Hej' }, {
  en: () => Promise.resolve({ default: { hello: 'Hello' } }),
  nb: () => Promise.resolve({ default: { hello: 'Hei' } }),
  nn: () => Promise.resolve({ default: { hello: 'Hei' } }),
});

class ProbeElement extends SipElement<'hello'> {
  protected override get catalogue() {
    return catalogue;
  }
  override render() {
    return litHtml`<p>${this.t('hello')}</p><p id="name">${this.plan?.person.name ?? ''}</p>`;
  }
}
customElements.define('sip-test-probe', ProbeElement);

function plan(name = 'Anna'): Plan {
  return createPlan({ type: 'se-sip', person: { name }, needIdentifiedOn: '2026-11-02' });
}
const text = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)!.textContent;
const memoryRepo = (): RepositoryService & { saved: Plan[] } => {
  const saved: Plan[] = [];
  return { saved, load: async () => saved[saved.length - 1]!, save: async (p) => (saved.push({ ...p, version: p.version + 1 }), saved[saved.length - 1]!) };
};

/**
 * Mounts a template in a plain <div> without waiting for an animation frame
 * (open-wc's fixture does for non-lit roots, and frames stall in background tabs).
 */
async function mount<T extends HTMLElement>(template: TemplateResult): Promise<T> {
  const box = document.createElement('div');
  document.body.append(box);
  render(template, box);
  mounted.push(box);
  const first = box.firstElementChild as T;
  await (first as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return first;
}
const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((b) => b.remove()));

describe('shared layer', () => {
  it('an element with .plan and no provider works on a store of its own', async () => {
    const el = await fixture<ProbeElement>(html`<sip-test-probe autosave="false" .plan=${plan('Bo')}></sip-test-probe>`);
    expect(text(el, '#name')).to.equal('Bo');
    el.store!.updatePerson({ name: 'Bosse' });
    await el.updateComplete;
    expect(text(el, '#name')).to.equal('Bosse');
    expect(el.plan!.person.name).to.equal('Bosse');
  });

  it('elements inside <sip-context> share its store', async () => {
    const wrap = await fixture<SipContext>(html`<sip-context .plan=${plan('Cia')} .repository=${memoryRepo()}><sip-test-probe></sip-test-probe><sip-test-probe></sip-test-probe></sip-context>`);
    const [a, b] = [...wrap.querySelectorAll('sip-test-probe')] as ProbeElement[];
    await a!.updateComplete;
    expect(a!.store).to.equal(b!.store);
    a!.store!.updatePerson({ name: 'Cecilia' });
    await b!.updateComplete;
    expect(text(b!, '#name')).to.equal('Cecilia');
  });

  it('a <sip-context> given only .plan autosaves it to browser storage (the default repository)', async () => {
    const own = { ...plan('Ebba'), id: `ctx-default-${Date.now().toString(36)}` };
    const wrap = await fixture<SipContext>(html`<sip-context .plan=${own} autosave-delay="0"><sip-test-probe></sip-test-probe></sip-context>`);
    const probe = wrap.querySelector('sip-test-probe') as ProbeElement;
    await probe.updateComplete;
    probe.store!.updatePerson({ name: 'Ebba Ek' });
    const { browserRepository } = await import('@sip-kit/adapters');
    const repo = browserRepository();
    let stored: Plan | undefined;
    for (let i = 0; i < 100 && !stored; i++) {
      stored = await repo.load(own.id).catch(() => undefined);
      if (!stored) await new Promise((r) => setTimeout(r, 50));
    }
    repo.close();
    expect(stored?.person.name).to.equal('Ebba Ek');
    expect(stored?.version).to.equal(1);
  });

  it('connects an element to a provider that upgrades after it (ContextRoot)', async () => {
    const host = await mount<HTMLElement>(litHtml`<div><sip-late-context><sip-test-probe></sip-test-probe></sip-late-context></div>`);
    const probe = host.querySelector('sip-test-probe') as ProbeElement;
    await probe.updateComplete;
    expect(probe.store).to.equal(undefined);
    class Late extends LitElement {
      constructor() {
        super();
        provideSip(this, { store: createPlanStore(plan('Dan'), { actor: { id: 'u1' } }) });
      }
      override render() {
        return litHtml`<slot></slot>`;
      }
    }
    customElements.define('sip-late-context', Late);
    await probe.updateComplete;
    expect(text(probe, '#name')).to.equal('Dan');
  });

  it('provideSip serves a plain element and switches locale at runtime', async () => {
    const root = await mount<HTMLDivElement>(litHtml`<div><sip-test-probe></sip-test-probe></div>`);
    const sip = provideSip(root, { store: createPlanStore(plan('Eva'), { actor: { id: 'u1' } }), locale: 'en' });
    const probe = root.querySelector('sip-test-probe') as ProbeElement;
    await probe.updateComplete;
    expect(text(probe, 'p')).to.equal('Hello');
    sip.update({ locale: 'nb' });
    await probe.updateComplete;
    expect(text(probe, 'p')).to.equal('Hei');
    sip.dispose();
  });

  it('a lang attribute on the element or a nearer ancestor wins over the provider; the provider beats <html lang>', async () => {
    const wrap = await mount<HTMLElement>(litHtml`<div lang="sv"><sip-context locale="en"><sip-test-probe></sip-test-probe><section lang="nb"><sip-test-probe></sip-test-probe></section></sip-context></div>`);
    const [a, b] = [...wrap.querySelectorAll('sip-test-probe')] as ProbeElement[];
    await a!.updateComplete;
    await b!.updateComplete;
    expect(text(a!, 'p')).to.equal('Hello');
    expect(text(b!, 'p')).to.equal('Hei');
    a!.setAttribute('lang', 'nn');
    await new Promise((r) => setTimeout(r, 0));
    await a!.updateComplete;
    expect(a!.activeLocale).to.equal('nn');
    a!.locale = 'sv';
    await a!.updateComplete;
    expect(text(a!, 'p')).to.equal('Hej');
  });

  it('defaults to Swedish', async () => {
    const el = await fixture<ProbeElement>(html`<sip-test-probe></sip-test-probe>`);
    expect(el.activeLocale).to.equal('sv');
    expect(text(el, 'p')).to.equal('Hej');
  });

  it('a failed save keeps the edit, reports a network failure and succeeds on retry', async () => {
    const store = createPlanStore(plan('Fia'), { actor: { id: 'u1' } });
    let fail = true;
    const repo: RepositoryService = {
      load: async () => store.plan,
      save: async (p) => {
        if (fail) throw Object.assign(new Error('offline'), { name: 'NetworkError' });
        return { ...p, version: p.version + 1 };
      },
    };
    const saver = new PlanSaver(store, repo, 10);
    store.updatePerson({ name: 'Fia Berg' });
    await saver.flush();
    expect(saver.current.state).to.equal('error');
    expect(saver.current.failure).to.equal('network');
    expect(store.plan.person.name).to.equal('Fia Berg');
    expect(saver.unsaved).to.equal(true);
    fail = false;
    await saver.retry();
    expect(saver.current.state).to.equal('saved');
    expect(store.plan.version).to.equal(1);
    expect(saver.unsaved).to.equal(false);
  });

  it('<sip-context> reports a plan it cannot load', async () => {
    const repo: RepositoryService = { load: async () => Promise.reject(Object.assign(new Error('nope'), { name: 'NotFoundError' })), save: async (p) => p };
    const el = document.createElement('sip-context');
    el.repository = repo;
    el.planId = 'missing';
    const event = oneEvent(el, 'sip-context-error');
    document.body.append(el);
    const { detail } = await event;
    expect(detail.stage).to.equal('load');
    el.remove();
  });
});

import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { css, html as litHtml } from 'lit';
import { LazyPart } from './lazy-part.js';
import { SipElement } from './sip-element.js';
import { Catalogue } from '../i18n/catalogue.js';

/** A loader the test settles by hand. */
function controlled<T>() {
  let calls = 0;
  let settle: { resolve: (v: T) => void; reject: (e: unknown) => void } | undefined;
  const load = () => {
    calls++;
    return new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  };
  return { load, get calls() { return calls; }, resolve: (v: T) => settle!.resolve(v), reject: (e: unknown) => settle!.reject(e) };
}

let loader = controlled<{ text: string }>();
let part = new LazyPart(loader.load);

class LazyProbe extends SipElement {
  override render() {
    return litHtml`<section>${this.lazy(part, (m) => litHtml`<p id="loaded">${m.text}</p>`)}</section>`;
  }
}
customElements.define('sip-test-lazy-probe', LazyProbe);

/** A part with its own strings: Swedish travels with it, English loads on demand. */
let englishLoads = 0;
const partMessages = new Catalogue<'title'>({ title: 'Utskrift' }, {
  en: () => (englishLoads++, Promise.resolve({ default: { title: 'Printout' } })),
});
const stringsPart = new LazyPart(() => Promise.resolve({ messages: partMessages }));

class StringsProbe extends SipElement {
  override render() {
    return litHtml`${this.lazy(
      stringsPart,
      (m) => litHtml`<h2>${m.messages.t(this.activeLocale, 'title')}</h2>`,
      (m) => m.messages,
    )}`;
  }
}
customElements.define('sip-test-strings-probe', StringsProbe);

/** A part with its own styles. */
const styledPart = new LazyPart(() => Promise.resolve({ styles: css`.boxed { outline: 3px solid rgb(1, 2, 3); }` }));
class StyledProbe extends SipElement {
  override render() {
    return litHtml`${this.lazy(styledPart, () => litHtml`<p class="boxed">Ruta</p>`)}`;
  }
}
customElements.define('sip-test-styled-probe', StyledProbe);

const root = (el: Element) => el.shadowRoot!;
const settle = () => new Promise((r) => setTimeout(r, 0));
/** Mounts without awaiting `updateComplete` (which waits for the part to load). */
async function mount(locale?: string): Promise<LazyProbe> {
  const el = document.createElement('sip-test-lazy-probe') as LazyProbe;
  if (locale) el.setAttribute('locale', locale);
  document.body.append(el);
  await settle();
  return el;
}

describe('LazyPart and SipElement.lazy()', () => {
  afterEach(() => document.querySelectorAll('sip-test-lazy-probe').forEach((el) => el.remove()));
  beforeEach(() => {
    loader = controlled<{ text: string }>();
    part = new LazyPart(loader.load);
  });

  it('shows a busy status while the part loads, then the part; loads once for every element', async () => {
    const a = await mount();
    const b = await mount('en');
    await waitUntil(() => root(b).querySelector('[role="status"]')?.textContent?.includes('Loading'), 'English strings load');
    const status = root(a).querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect(status.textContent).to.contain('Laddar');
    expect(root(b).querySelector('[role="status"]')!.textContent).to.contain('Loading');
    await expect(a).to.be.accessible();
    expect(loader.calls).to.equal(1);
    const done = a.updateComplete;
    loader.resolve({ text: 'Utskrift' });
    await done;
    await b.updateComplete;
    expect(root(a).querySelector('#loaded')!.textContent).to.equal('Utskrift');
    expect(root(b).querySelector('#loaded')!.textContent).to.equal('Utskrift');
    expect(root(a).querySelector('[role="status"]')).to.equal(null);
    expect(loader.calls).to.equal(1);
  });

  it('says in plain language when the part could not be loaded, and loads it when asked to try again', async () => {
    const el = await mount();
    loader.reject(new TypeError('Failed to fetch dynamically imported module'));
    await el.updateComplete;
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('gick inte att hämta');
    expect(part.failed).to.equal(true);
    await expect(el).to.be.accessible();
    // A failed load is not retried by itself on every render.
    el.requestUpdate();
    await el.updateComplete;
    expect(loader.calls).to.equal(1);
    const button = root(el).querySelector<HTMLButtonElement>('[role="alert"] button')!;
    expect(button.textContent).to.equal('Försök igen');
    button.focus();
    button.click();
    await settle();
    expect(loader.calls).to.equal(2);
    const status = root(el).querySelector('[role="status"]')!;
    expect(status.textContent).to.contain('Laddar');
    // Focus stays on the message while the part loads again, instead of falling to the page.
    expect(root(el).activeElement).to.equal(status);
    await expect(el).to.be.accessible();
    loader.resolve({ text: 'Nu gick det' });
    await el.updateComplete;
    expect(root(el).querySelector('#loaded')!.textContent).to.equal('Nu gick det');
    expect(part.failed).to.equal(false);
  });

  it('prefetches in idle time without any element asking', async () => {
    part.prefetch();
    part.prefetch();
    await new Promise((r) => setTimeout(r, 2100));
    expect(loader.calls).to.equal(1);
    loader.resolve({ text: 'Förhämtad' });
    await settle();
    expect(part.value).to.deep.equal({ text: 'Förhämtad' });
    const el = await fixture<LazyProbe>(html`<sip-test-lazy-probe></sip-test-lazy-probe>`);
    expect(root(el).querySelector('#loaded')!.textContent).to.equal('Förhämtad');
    expect(loader.calls).to.equal(1);
  });

  it("shows a part with its own strings only once they are there in the element's language, and follows a change of language", async () => {
    const el = await fixture<StringsProbe>(html`<sip-test-strings-probe locale="en"></sip-test-strings-probe>`);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Printout');
    expect(englishLoads).to.equal(1);
    el.locale = 'sv';
    await el.updateComplete;
    expect(root(el).querySelector('h2')!.textContent).to.equal('Utskrift');
    el.locale = 'en';
    await el.updateComplete;
    expect(root(el).querySelector('h2')!.textContent).to.equal('Printout');
    expect(englishLoads).to.equal(1);
  });

  it("adopts a part's styles as a constructed sheet (allowed by a strict CSP), once, and never as a <style> element", async () => {
    const el = await fixture<StyledProbe>(html`<sip-test-styled-probe></sip-test-styled-probe>`);
    const p = root(el).querySelector('.boxed')!;
    expect(getComputedStyle(p).outlineColor).to.equal('rgb(1, 2, 3)');
    expect(root(el).querySelector('style')).to.equal(null);
    const sheets = root(el).adoptedStyleSheets.length;
    el.requestUpdate();
    await el.updateComplete;
    expect(root(el).adoptedStyleSheets.length).to.equal(sheets);
  });
});

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { parsePlan, redactForParty, translate, type Plan } from '@sip-kit/core';
import '../define/sip-consent.js';
import { expectCatalogues } from '../../../../test/support/catalogues.js';
import { consentMessages, type ConsentChangeDetail, type ConsentWithdrawDetail, type SipConsent } from './sip-consent.js';

const TODAY = '2026-05-04';
const examples = new Map<string, Plan>();

/** An example plan from packages/core/examples, optionally changed. */
async function example(name: 'se-sip' | 'se-sip-child' | 'no-ip', change: (p: Plan) => Partial<Plan> = () => ({})): Promise<Plan> {
  if (!examples.has(name)) {
    const res = await fetch(new URL(`../../../core/examples/${name}.json`, import.meta.url));
    examples.set(name, parsePlan(await res.json()));
  }
  const plan = structuredClone(examples.get(name)!);
  return parsePlan({ ...plan, ...change(plan) });
}

/**
 * Mounts a host page's markup (a <form>, a <div>) around the element without
 * waiting for an animation frame: open-wc's fixture does for a root that is not
 * a lit element, and frames never come while another test page is in front.
 */
const roots: HTMLElement[] = [];
afterEach(() => roots.splice(0).forEach((r) => r.remove()));
function mountPage<T extends HTMLElement>(template: TemplateResult): T {
  const box = document.createElement('div');
  document.body.append(box);
  roots.push(box);
  render(template, box);
  return box.firstElementChild as T;
}

async function mount(plan: Plan, attrs: { locale?: string } = {}): Promise<SipConsent> {
  const el = await fixture<SipConsent>(html`<sip-consent autosave="false" today=${TODAY} locale=${attrs.locale ?? 'sv'} .plan=${plan}></sip-consent>`);
  await el.updateComplete;
  return el;
}

const $ = <T extends HTMLElement = HTMLElement>(el: SipConsent, sel: string): T => {
  const found = el.shadowRoot!.querySelector<T>(sel);
  if (!found) throw new Error(`no ${sel}`);
  return found;
};
const text = (el: SipConsent, sel = '[part~="base"]') => $(el, sel).textContent!.replace(/\s+/g, ' ');

async function choose(el: SipConsent, id: string, value: string) {
  const s = $<HTMLSelectElement>(el, `#${id}`);
  s.value = value;
  s.dispatchEvent(new Event('change'));
  await el.updateComplete;
}
async function type(el: SipConsent, id: string, value: string) {
  const i = $<HTMLInputElement>(el, `#${CSS.escape(id)}`);
  i.value = value;
  i.dispatchEvent(new Event('input'));
  await el.updateComplete;
}
async function setDate(el: SipConsent, id: string, value: string) {
  const i = $<HTMLInputElement>(el, `#${id}`);
  i.value = value;
  i.dispatchEvent(new Event('change'));
  await el.updateComplete;
}
async function click(el: SipConsent, sel: string) {
  $(el, sel).click();
  await el.updateComplete;
}

/** Presses Tab until the element with `id` inside the consent element has focus. */
async function tabTo(el: SipConsent, id: string) {
  for (let i = 0; i < 120; i++) {
    if (el.shadowRoot!.activeElement?.id === id) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached #${id}`);
}

// First in the file, so the parts' nb and en strings are not loaded yet.
describe("<sip-consent>'s parts in the UI language", () => {
  /** Every text the element shows while `act` runs (the parts' strings must never show in Swedish first). */
  async function shown(el: SipConsent, act: () => Promise<void>): Promise<string[]> {
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(el.shadowRoot!.textContent!.replace(/\s+/g, ' ')));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await act();
    observer.disconnect();
    return seen;
  }
  const swedish = ['Ta tillbaka samtycke från', 'Hela samtycket', 'Du kan när som helst ta tillbaka', 'Den som tog emot samtycket', 'När personen inte kan samtycka'];

  it('shows the print form, the withdrawal form and the cannot-consent path in English once their strings are loaded, and follows a change to Norwegian', async () => {
    const el = await mount(await example('se-sip', () => ({ locale: 'en' })), { locale: 'en' });
    const texts = await shown(el, async () => {
      await click(el, '#withdraw-c-anna');
      await click(el, '#cannot');
    });
    for (const t of texts) for (const sv of swedish) expect(t).not.to.contain(sv);
    const print = text(el, '[part~="print-form"]');
    expect(print).to.contain('Consent to a coordinated individual plan (SIP)');
    expect(print).to.contain('You can take back your consent at any time');
    expect(print).to.contain('The person who took the consent');
    const form = text(el, '[part~="withdraw-form"]');
    expect(form).to.contain('Take back consent from Anna Lindqvist');
    expect(form).to.contain('The whole consent');
    expect(form).to.contain('Recorded by');
    expect(text(el, '[part~="cannot-consent"]')).to.contain('When the person cannot consent');
    await expect(el).to.be.accessible();
    // Nothing chosen: the part's own message says so.
    await click(el, '#wd-mode-some');
    await click(el, '#wd-submit');
    expect(text(el, '[part~="withdraw-form"]')).to.contain('Choose at least one organisation.');

    // The UI language changes: the parts' strings follow (the print form stays in the plan's language).
    el.locale = 'nb';
    await el.updateComplete;
    expect(text(el, '[part~="withdraw-form"]')).to.contain('Trekk tilbake samtykke fra Anna Lindqvist');
    expect(text(el, '[part~="cannot-consent"]')).to.contain('Når personen ikke kan samtykke');
    expect(text(el, '[part~="print-form"]')).to.contain('Consent to a coordinated individual plan (SIP)');
  });

  it('shows the print form and the withdrawal form in Norwegian Bokmål, and prints a Norwegian plan in Norwegian under a Swedish UI', async () => {
    const el = await mount(await example('no-ip'), { locale: 'nb' });
    const texts = await shown(el, () => click(el, '#withdraw-c-ingrid'));
    for (const t of texts) for (const sv of swedish) expect(t).not.to.contain(sv);
    expect(text(el, '[part~="withdraw-form"]')).to.contain('Trekk tilbake samtykke fra Ingrid Solberg');
    expect(text(el, '[part~="withdraw-form"]')).to.contain('Hele samtykket');
    const print = text(el, '[part~="print-form"]');
    expect(print).to.contain('Samtykke til individuell plan (IP)');
    expect(print).to.contain('Du kan når som helst trekke samtykket tilbake');
    expect(print).to.contain('Den som tok imot samtykket');

    const swedishUi = await mount(await example('no-ip'), { locale: 'sv' });
    expect(text(swedishUi, '[part~="base"]')).to.contain('Samtycke');
    expect($(swedishUi, '[part~="print-form"]').getAttribute('lang')).to.equal('nb');
    expect(text(swedishUi, '[part~="print-form"]')).to.contain('Samtykke til individuell plan (IP)');
    expect(text(swedishUi, '[part~="print-form"]')).to.contain('Den som tok imot samtykket');
  });
});

describe('<sip-consent>', () => {
  it('records an adult’s consent with an exclusion in their own words and a time limit', async () => {
    const el = await mount(await example('se-sip', () => ({ consents: [] })));
    expect(text(el, '[part~="status"]')).to.contain('Samtycke till planen saknas');
    await expect(el).to.be.accessible();

    await click(el, '#decision-given');
    await click(el, '#establish');
    for (const party of ['region-psykiatri', 'kommun-soc', 'af']) await click(el, `#share-${party}`);
    await click(el, '#add-exclusion');
    const key = $(el, '[part~="exclusions"] textarea').id;
    await type(el, key, 'Inget om min missbruksbakgrund till Arbetsförmedlingen.');
    // The exclusion is a column of the party matrix: untick everyone but Arbetsförmedlingen.
    for (const party of ['region-psykiatri', 'kommun-soc', 'fk']) await click(el, `#${key}-p-${party}`);
    await choose(el, `${key}-section`, 'needs');
    await setDate(el, 'validUntil', '2027-05-03');
    await choose(el, 'form', 'written');
    await type(el, 'formNote', 'Underskriven blankett skannad till journalen.');
    await choose(el, 'recordedBy', 'karin');
    await expect(el).to.be.accessible();

    setTimeout(() => $(el, '#record-submit').click());
    const { detail } = (await oneEvent(el, 'sip-consent-change')) as CustomEvent<ConsentChangeDetail>;
    expect(detail.consent.decision).to.equal('given');
    expect(detail.consent.scope.shareWith).to.have.members(['region-psykiatri', 'kommun-soc', 'af']);
    expect(detail.consent.scope.exclusions).to.have.length(1);
    expect(detail.consent.scope.exclusions[0]).to.include({ text: 'Inget om min missbruksbakgrund till Arbetsförmedlingen.', section: 'needs' });
    expect(detail.consent.scope.exclusions[0]!.parties).to.deep.equal(['af']);
    expect(detail.consent.validUntil).to.equal('2027-05-03');
    expect(detail.missing).to.deep.equal([]);
    expect(el.plan!.consents).to.have.length(1);

    await el.updateComplete;
    expect(text(el, '[part~="status"]')).to.contain('Det finns samtycke till planen');
    const history = text(el, '[part~="history"]');
    expect(history).to.contain('Anna Lindqvist samtyckte');
    expect(history).to.contain('Gäller till och med 3 maj 2027');
    expect(history).to.contain('Inget om min missbruksbakgrund');
    // Försäkringskassan was not ticked: core's rules say the consent does not cover it.
    expect(text(el, '#matrix')).to.contain(translate('share.party-not-covered', 'sv'));
    await expect(el).to.be.accessible();
  });

  it('shows a child’s plan as not yet allowed while one of two guardians has not consented', async () => {
    const el = await mount(await example('se-sip-child', (p) => ({ consents: p.consents.filter((c) => c.id === 'c-mamma') })));
    const status = text(el, '[part~="status"]');
    expect(status).to.contain('Mikael Andersson (vårdnadshavare) har inte samtyckt');
    expect(status).to.contain('Planen får inte upprättas');
    expect(status).to.not.contain('Johanna Karlsson (vårdnadshavare) har inte');
    // The form starts with the guardian whose consent is missing.
    expect($<HTMLSelectElement>(el, '#giver').value).to.equal('guardian:pappa');
    // The child's own view is asked in words for a child of 11.
    expect(text(el, '[part~="child-view"]')).to.contain('Vi vuxna vill göra en plan för att hjälpa dig');
    expect(text(el, '[part~="child-view"]')).to.contain('Ja, det är okej');
    await expect(el).to.be.accessible();

    await click(el, '#decision-given');
    await click(el, '#establish');
    for (const party of ['bup', 'soc', 'skola', 'hab']) await click(el, `#share-${party}`);
    await click(el, '#childAssent-agrees');
    await type(el, 'childView', 'Okej om jag får vara med.');
    await choose(el, 'form', 'oral');
    await choose(el, 'recordedBy', 'sara');
    setTimeout(() => $(el, '#record-submit').click());
    const { detail } = (await oneEvent(el, 'sip-consent-change')) as CustomEvent<ConsentChangeDetail>;
    expect(detail.consent.givenBy).to.deep.equal({ kind: 'guardian', participant: 'pappa' });
    expect(detail.consent.childView).to.deep.include({ assent: 'agrees', view: 'Okej om jag får vara med.' });
    expect(detail.missing).to.deep.equal([]);
    await el.updateComplete;
    expect(text(el, '[part~="status"]')).to.contain('Det finns samtycke till planen');
    await expect(el).to.be.accessible();
  });

  it('warns when consent runs out within a few working days, as core counts them', async () => {
    // TODAY is Monday 2026-05-04: Thursday 2026-05-07 is three working days later.
    const el = await mount(await example('se-sip', (p) => ({ consents: p.consents.map((c) => ({ ...c, validUntil: '2026-05-07', withdrawals: [] })) })));
    const status = text(el, '[part~="status"]');
    expect(status).to.contain('Samtycket gäller till 7 maj 2026, om 3 arbetsdagar');
    expect(el.shadowRoot!.querySelectorAll('[part~="warning"]')).to.have.length(1);
    expect(status).to.not.contain('Det finns samtycke till planen');
    await expect(el).to.be.accessible();
  });

  it('withdraws consent for one party, keeps the history and stops sharing with that party', async () => {
    const el = await mount(await example('se-sip'));
    expect(redactForParty(el.plan!, 'af', { on: TODAY }).redacted.allowed).to.equal(true);
    await click(el, '#withdraw-c-anna');
    await expect(el).to.be.accessible();
    await click(el, '#wd-mode-some');
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="withdraw-form"] input[type="checkbox"]')];
    // Försäkringskassan was withdrawn before: only the parties still covered are offered.
    expect(boxes.map((b) => b.nextElementSibling!.textContent)).to.deep.equal(['Region Värmland, Psykiatriska öppenvården Karlstad', 'Karlstads kommun, Socialförvaltningen, Vuxenenheten', 'Arbetsförmedlingen']);
    boxes[2]!.click();
    await setDate(el, 'wd-on', TODAY);
    await type(el, 'wd-reason', 'Vill inte att Arbetsförmedlingen ser planen längre.');
    await choose(el, 'wd-by', 'lena');
    setTimeout(() => $(el, '#wd-submit').click());
    const { detail } = (await oneEvent(el, 'sip-consent-withdraw')) as CustomEvent<ConsentWithdrawDetail>;
    expect(detail.whole).to.equal(false);
    expect(detail.withdrawal).to.include({ on: TODAY, recordedBy: 'lena' });
    expect(detail.withdrawal.parties).to.deep.equal(['af']);
    expect(detail.consent.withdrawals).to.have.length(2);

    await el.updateComplete;
    const events = el.shadowRoot!.querySelectorAll('[part~="timeline"] > li');
    expect(events).to.have.length(3);
    expect(text(el, '[part~="timeline"]')).to.contain('Anna Lindqvist samtyckte');
    expect(text(el, '[part~="timeline"]')).to.contain('togs tillbaka för Arbetsförmedlingen');
    const redacted = redactForParty(el.plan!, 'af', { on: TODAY });
    expect(redacted.redacted).to.include({ allowed: false, reason: 'party-withdrawn' });
    expect(text(el, '#matrix')).to.contain(translate('share.party-withdrawn', 'sv'));
    await expect(el).to.be.accessible();
  });

  it('withdraws the whole consent; the plan then lacks consent', async () => {
    const el = await mount(await example('no-ip'), { locale: 'nb' });
    await click(el, '#withdraw-c-ingrid');
    setTimeout(() => $(el, '#wd-submit').click());
    const { detail } = (await oneEvent(el, 'sip-consent-withdraw')) as CustomEvent<ConsentWithdrawDetail>;
    expect(detail.whole).to.equal(true);
    await el.updateComplete;
    expect(text(el, '[part~="status"]')).to.contain('Samtykke til planen mangler');
    expect(text(el, '[part~="timeline"]')).to.contain('Hele samtykket fra Ingrid Solberg ble trukket tilbake');
    expect(el.shadowRoot!.querySelector('#withdraw-c-ingrid')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('records the cannot-consent path: who was asked and their account of the person’s view', async () => {
    const el = await mount(await example('se-sip', () => ({ consents: [] })));
    await click(el, '#cannot');
    expect(text(el, '[part~="cannot-consent"]')).to.contain('Tala med närstående');
    await choose(el, 'giver', 'representative');
    await type(el, 'representativeName', 'Gun Ek, god man');
    await type(el, 'cannotReason', 'Svår hjärnskada efter olyckan.');
    await click(el, '#add-consulted');
    const nameId = $(el, '[part~="cannot-consent"] ol input').id;
    await type(el, nameId, 'Erik Lindqvist');
    await type(el, `${nameId}-relation`, 'bror');
    await type(el, 'account', 'Anna har alltid velat att vården och kommunen pratar med varandra.');
    await click(el, '#decision-given');
    await click(el, '#establish');
    await click(el, '#share-kommun-soc');
    await choose(el, 'form', 'other-documented');
    await type(el, 'formNote', 'Samtal med brodern, antecknat i journalen.');
    await choose(el, 'recordedBy', 'lena');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el, '#record-submit').click());
    const { detail } = (await oneEvent(el, 'sip-consent-change')) as CustomEvent<ConsentChangeDetail>;
    expect(detail.consent.givenBy).to.deep.equal({ kind: 'representative', name: 'Gun Ek, god man' });
    expect(detail.consent.cannotConsent).to.deep.equal({
      reason: 'Svår hjärnskada efter olyckan.',
      consulted: [{ name: 'Erik Lindqvist', relation: 'bror' }],
      accountOfPersonsView: 'Anna har alltid velat att vården och kommunen pratar med varandra.',
    });
    await el.updateComplete;
    expect(text(el, '[part~="timeline"]')).to.contain('Tillfrågade: Erik Lindqvist (bror)');
    await expect(el).to.be.accessible();
  });

  it('shows the store’s validation problems next to the fields and focuses the first one', async () => {
    const el = await mount(await example('se-sip', () => ({ consents: [] })));
    await click(el, '#record-submit');
    await el.updateComplete;
    expect(el.plan!.consents).to.have.length(0);
    expect($(el, '#decision').getAttribute('aria-describedby')).to.contain('decision-error');
    expect($(el, '#form').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#recordedBy').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('decision-given');
    await expect(el).to.be.accessible();
  });

  it('takes part in a real form: validity, submitted value, reset and disabled', async () => {
    const plan = await example('se-sip', () => ({ consents: [] }));
    const form = mountPage<HTMLFormElement>(
      html`<form @submit=${(e: Event) => e.preventDefault()}>
        <fieldset>
          <sip-consent name="consent" required autosave="false" today=${TODAY} .plan=${plan}></sip-consent>
        </fieldset>
        <button>Skicka</button>
      </form>`,
    );
    const el = form.querySelector('sip-consent')!;
    await el.updateComplete;
    expect(el.form).to.equal(form);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Samtycke saknas: personen.');
    expect(new FormData(form).has('consent')).to.equal(false);

    await click(el, '#decision-given');
    await click(el, '#establish');
    await click(el, '#share-kommun-soc');
    await choose(el, 'form', 'digital');
    await choose(el, 'recordedBy', 'lena');
    await click(el, '#record-submit');
    expect(form.checkValidity()).to.equal(true);
    setTimeout(() => form.requestSubmit());
    const submit = (await oneEvent(form, 'submit')) as SubmitEvent;
    const sent = JSON.parse(new FormData(submit.target as HTMLFormElement).get('consent') as string);
    expect(sent).to.include({ decision: 'given', form: 'digital', recordedBy: 'lena', id: el.plan!.consents[0]!.id });
    expect(sent.scope.shareWith).to.deep.equal(['kommun-soc']);

    // Reset empties what is being filled in; recorded consent is history and stays.
    await click(el, '#decision-refused');
    await click(el, '#share-af');
    form.reset();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#decision-refused').checked).to.equal(false);
    expect($<HTMLInputElement>(el, '#share-af').checked).to.equal(false);
    expect(el.plan!.consents).to.have.length(1);

    form.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLFieldSetElement>('[part~="form"] > fieldset')!.disabled).to.equal(true);
    expect(new FormData(form).has('consent')).to.equal(false);
    form.querySelector('fieldset')!.disabled = false;
    el.disabled = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLFieldSetElement>('[part~="form"] > fieldset')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('restores the form being filled in from saved form state', async () => {
    const el = await mount(await example('se-sip', () => ({ consents: [] })));
    el.formStateRestoreCallback(JSON.stringify({ v: 1, draft: { decision: 'given', shareWith: ['af'], form: 'oral', formNote: 'x'.repeat(20), bogus: '<img src=x onerror=alert(1)>' } }));
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#decision-given').checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#share-af').checked).to.equal(true);
    expect($<HTMLSelectElement>(el, '#form').value).to.equal('oral');
    el.formStateRestoreCallback('{not json');
    el.formStateRestoreCallback(JSON.stringify({ v: 99 }));
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#form').value).to.equal('oral');
  });

  it('prints a consent form for signing in the plan’s language, whatever the UI language', async () => {
    const el = await mount(await example('se-sip-child'), { locale: 'en' });
    expect(text(el, '[part~="base"]')).to.contain('Consent');
    await expect(el).to.be.accessible();
    // On screen the print form is hidden until asked for.
    expect(getComputedStyle($(el, '[part~="print-form"]')).display).to.equal('none');
    await click(el, '#print-open');
    expect(el.view).to.equal('print');
    const print = $(el, '[part~="print-form"]');
    expect(getComputedStyle(print).display).to.equal('block');
    expect(print.getAttribute('lang')).to.equal('sv');
    const words = text(el, '[part~="print-form"]');
    expect(words).to.contain('Samtycke till samordnad individuell plan (SIP)');
    expect(words).to.contain('Elias Karlsson');
    for (const party of ['Region Uppsala, BUP', 'Kvarngärdesskolan, elevhälsan']) expect(words).to.contain(party);
    expect(words).to.contain('Du kan när som helst ta tillbaka samtycket');
    // One signature block per guardian, and one for the person who takes the consent.
    const signatures = [...el.shadowRoot!.querySelectorAll('[part~="signature"]')].map((s) => s.textContent!.replace(/\s+/g, ' '));
    expect(signatures).to.have.length(3);
    expect(signatures[0]).to.contain('Vårdnadshavare: Johanna Karlsson');
    expect(signatures[1]).to.contain('Vårdnadshavare: Mikael Andersson');
    expect(signatures[2]).to.contain('Den som tog emot samtycket');
    await expect(el).to.be.accessible();
    await click(el, '#print-back');
    expect(el.view).to.equal('form');
  });

  it('loads the print form and the withdrawal form on demand, moves focus into them and loses nothing typed', async () => {
    const el = await mount(await example('se-sip'));
    // The print form's code loads after the first render: it is hidden on screen, ready for printing.
    expect(getComputedStyle($(el, '[part~="print-form"]')).display).to.equal('none');
    expect(el.shadowRoot!.querySelector('.lazy-loading, .lazy-failed')).to.equal(null);
    await click(el, '#decision-given');
    await click(el, '#withdraw-c-anna');
    await new Promise((r) => setTimeout(r, 0));
    expect(el.shadowRoot!.activeElement?.id).to.equal('wd-mode-whole');
    await type(el, 'wd-reason', 'Flyttar till en annan kommun.');
    await click(el, '#wd-mode-some');
    expect($<HTMLTextAreaElement>(el, '#wd-reason').value).to.equal('Flyttar till en annan kommun.');
    await click(el, '#print-open');
    await new Promise((r) => setTimeout(r, 0));
    expect(el.shadowRoot!.activeElement?.id).to.equal('print-back');
    expect(getComputedStyle($(el, '[part~="print-form"]')).display).to.equal('block');
    await expect(el).to.be.accessible();
    await click(el, '#print-back');
    // What was being filled in, in both forms, is still there.
    expect($<HTMLInputElement>(el, '#decision-given').checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#wd-mode-some').checked).to.equal(true);
    expect($<HTMLTextAreaElement>(el, '#wd-reason').value).to.equal('Flyttar till en annan kommun.');
    await expect(el).to.be.accessible();
  });

  it('shows the print form at once when it starts in the print view', async () => {
    const plan = await example('se-sip');
    const el = await fixture<SipConsent>(html`<sip-consent view="print" autosave="false" today=${TODAY} .plan=${plan}></sip-consent>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.lazy-loading')).to.equal(null);
    expect(getComputedStyle($(el, '[part~="print-form"]')).display).to.equal('block');
    expect(text(el, '[part~="print-form"]')).to.contain('Underskrift');
    await expect(el).to.be.accessible();
  });

  it('prints what is filled in: ticked parties, exclusions and the end date', async () => {
    const el = await mount(await example('se-sip', () => ({ consents: [] })));
    await click(el, '#decision-given');
    await click(el, '#share-af');
    await click(el, '#add-exclusion');
    await type(el, $(el, '[part~="exclusions"] textarea').id, 'Inget om min missbruksbakgrund.');
    await setDate(el, 'validUntil', '2027-01-31');
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '[part~="base"]')).display).to.equal('none');
      expect(getComputedStyle($(el, '[part~="print-form"]')).display).to.equal('block');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="print-parties"] tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    expect(rows.find((r) => r.includes('Arbetsförmedlingen'))).to.match(/☒\s*ikryssad\s*☐\s*inte ikryssad/);
    expect(rows.find((r) => r.includes('Försäkringskassan'))).to.match(/☐\s*inte ikryssad\s*☒\s*ikryssad/);
    const words = text(el, '[part~="print-form"]');
    expect(words).to.contain('“Inget om min missbruksbakgrund.”');
    expect(words).to.contain('31 januari 2027');
    expect(words).to.contain('Underskrift');
  });

  it('can be completed with the keyboard alone', async () => {
    const plan = await example('se-sip', () => ({ consents: [] }));
    const wrap = mountPage<HTMLDivElement>(
      html`<div><button id="before">före</button><sip-consent autosave="false" today=${TODAY} .plan=${plan}></sip-consent></div>`,
    );
    const el = wrap.querySelector('sip-consent')!;
    await el.updateComplete;
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    await tabTo(el, 'decision-given');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'establish');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'share-kommun-soc');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'share-af');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'add-exclusion');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    const excl = el.shadowRoot!.activeElement as HTMLTextAreaElement;
    expect(excl.tagName).to.equal('TEXTAREA');
    await sendKeys({ type: 'Inget om mitt missbruk' });
    await tabTo(el, 'form');
    await sendKeys({ type: 'Skrift' });
    await tabTo(el, 'recordedBy');
    await sendKeys({ type: 'Lena' });
    await tabTo(el, 'record-submit');
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const { detail } = (await oneEvent(el, 'sip-consent-change')) as CustomEvent<ConsentChangeDetail>;
    expect(detail.consent).to.deep.include({ decision: 'given', form: 'written', recordedBy: 'lena' });
    expect(detail.consent.scope.establishPlan).to.equal(true);
    expect(detail.consent.scope.shareWith).to.deep.equal(['kommun-soc', 'af']);
    expect(detail.consent.scope.exclusions[0]!.text).to.equal('Inget om mitt missbruk');
    // Focus stays in the element, on the new record.
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.not.equal(null);
  });

  it('shows everything but the form when read-only', async () => {
    const plan = await example('se-sip');
    const el = await fixture<SipConsent>(html`<sip-consent readonly autosave="false" today=${TODAY} .plan=${plan}></sip-consent>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="form"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#withdraw-c-anna')).to.equal(null);
    expect(text(el, '[part~="timeline"]')).to.contain('Samtycket från Anna Lindqvist togs tillbaka för Försäkringskassan');
    await expect(el).to.be.accessible();
  });

  it('renders hostile text as text', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    const plan = await example('se-sip', (p) => ({
      consents: p.consents.map((c) => ({ ...c, note: payload, scope: { ...c.scope, exclusions: c.scope.exclusions.map((x) => ({ ...x, text: payload })) } })),
    }));
    const el = await mount(plan);
    await click(el, '#print-open');
    await click(el, '#print-back');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(el, '[part~="timeline"]')).to.contain(payload);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });
});

describe("<sip-consent>'s catalogues", () => {
  it('every locale has exactly the Swedish keys, none empty, with the same placeholders; the parts keep their strings out of the element catalogue', async () => {
    const [{ printMessages }, { withdrawMessages }, { cannotMessages }] = await Promise.all([
      import('./parts/print-form.js'),
      import('./parts/withdraw-form.js'),
      import('./parts/cannot-consent.js'),
    ]);
    await expectCatalogues(['consentMessages', consentMessages], { printMessages, withdrawMessages, cannotMessages });
  });
});

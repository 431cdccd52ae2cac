// The elements at 320 CSS px wide (WCAG 1.4.10 reflow), where items and fields
// wrap: axe (with target-size, see test/support/axe.ts) finds no violation, and
// every button, checkbox, radio, disclosure and link that is not in a sentence
// is at least 24 × 24 CSS px (2.5.8 Target Size, the project's own requirement,
// not only axe's spacing exception). Each element is checked on a long, full
// plan, so most of it is off screen.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { parsePlan, type Plan } from '@sip-kit/core';
import '../../packages/components/src/define/all.js';

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

const examples = Object.fromEntries(
  await Promise.all(
    ['se-sip', 'se-sip-child', 'se-sip-discharge'].map(async (n) => [n, await fetch(`/packages/core/examples/${n}.json`).then((r) => r.json())] as const),
  ),
);
const plan = (name: string, change: (p: Plan) => Partial<Plan> = () => ({})): Plan => {
  const p = parsePlan(examples[name]);
  return parsePlan({ ...p, ...change(p) });
};

/** A link with no other text around it in its block (the exception for links in a sentence does not apply). */
const standalone = (a: Element) => a.parentElement!.textContent!.trim() === a.textContent!.trim();

/** Targets in `el`'s shadow root that are rendered (not display: none) and smaller than 24 × 24 px. */
function smallTargets(el: Element): string[] {
  const targets = el.shadowRoot!.querySelectorAll<HTMLElement>('button, input[type="checkbox"], input[type="radio"], summary, a[href]');
  return [...targets]
    .filter((t) => t.getClientRects().length > 0)
    .filter((t) => t.localName !== 'a' || standalone(t))
    .map((t) => ({ t, r: t.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 24 || r.height < 24)
    .map(({ t, r }) => `${t.id || t.outerHTML.slice(0, 80)}: ${r.width.toFixed(1)} × ${r.height.toFixed(1)}`);
}

async function mounted(el: Promise<Updating>): Promise<Updating> {
  const e = await el;
  await e.updateComplete;
  // The editor renders list items past the first ten in idle time.
  await new Promise((r) => setTimeout(r, 300));
  await e.updateComplete;
  return e;
}

describe('at 320 CSS px wide', function () {
  // axe over a whole element is slow on a busy 2-core machine.
  this.timeout(60_000);
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const name of ['se-sip', 'se-sip-child']) {
    it(`<sip-plan-editor> with ${name} is accessible and its targets are at least 24 × 24 px`, async () => {
      const el = await mounted(fixture<Updating>(html`<sip-plan-editor today="2026-03-10" .plan=${plan(name)}></sip-plan-editor>`));
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(smallTargets(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  for (const name of ['se-sip', 'se-sip-child']) {
    it(`<sip-consent> recording a new consent for ${name} is accessible and its targets are at least 24 × 24 px`, async () => {
      const el = await mounted(fixture<Updating>(html`<sip-consent autosave="false" today="2026-05-04" .plan=${plan(name, () => ({ consents: [] }))}></sip-consent>`));
      el.shadowRoot!.querySelector<HTMLInputElement>('#decision-given')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('input[type="checkbox"]').length, 'the party checkboxes show').to.be.above(0);
      expect(smallTargets(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  for (const [name, today] of [['se-sip', '2026-05-04'], ['se-sip-discharge', '2026-11-17']] as const) {
    it(`<sip-followup> with ${name} is accessible and its targets are at least 24 × 24 px`, async () => {
      const el = await mounted(fixture<Updating>(html`<sip-followup autosave="false" today=${today} locale="sv" .plan=${plan(name)}></sip-followup>`));
      expect(el.shadowRoot!.querySelectorAll('input[type="checkbox"]').length, 'the meeting form shows').to.be.above(0);
      expect(smallTargets(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});

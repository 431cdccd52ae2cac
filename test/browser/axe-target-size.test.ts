// `to.be.accessible()` must check WCAG 2.2 2.5.8 Target Size (Minimum): axe's
// `target-size` rule is off by default and test/support/axe.ts (loaded on every
// test page by web-test-runner.config.mjs) turns it on. If it were off, both
// tests here would fail.
import { expect, fixtureSync, html } from '@open-wc/testing';

type Axe = typeof import('axe-core');
const axe = () => (window as unknown as { axe: Axe }).axe;

/**
 * Two icon buttons side by side with no gap, each `size` CSS px square.
 * fixtureSync: `fixture` would wait for an animation frame, which a page in a
 * background tab (two test files run at once) may not get.
 */
const pair = (size: number) =>
  fixtureSync<HTMLDivElement>(html`
    <div style="display: flex; gap: 0">
      <button type="button" aria-label="Upp" style="box-sizing: border-box; inline-size: ${size}px; block-size: ${size}px; min-inline-size: 0; padding: 0; border: 0; margin: 0"></button>
      <button type="button" aria-label="Ner" style="box-sizing: border-box; inline-size: ${size}px; block-size: ${size}px; min-inline-size: 0; padding: 0; border: 0; margin: 0"></button>
    </div>
  `);

describe('axe in the browser tests', () => {
  it('a 10 × 10 px button next to another is not accessible', async () => {
    const el = pair(10);
    expect(el.querySelector('button')!.getBoundingClientRect().height).to.equal(10);
    await expect(el).to.not.be.accessible();
  });

  it('the only violation of the 10 × 10 px buttons is target-size, and 24 × 24 px buttons pass', async () => {
    const small = pair(10);
    const results = await axe().run(small, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => v.id)).to.deep.equal(['target-size']);
    expect(results.violations[0]!.nodes).to.have.length(2);

    const large = pair(24);
    await expect(large).to.be.accessible();
  });
});

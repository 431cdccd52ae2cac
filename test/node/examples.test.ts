// Builds each framework example (scripts/build-examples.mjs, from the built
// packages) and loads it in the system Chromium: every sip-kit element on the
// page that the package can define is upgraded and rendered, the plan reached
// <sip-context> (its ready event flipped the badge), and nothing was logged as
// an error. Run `npm run build` first.
import { test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
// @ts-expect-error -- plain .mjs script module
import { buildExample } from '../../scripts/build-examples.mjs';
import { launchChromium, openPage } from '../lib/browser.js';
import { serve } from '../lib/serve.js';

const root = join(import.meta.dirname, '..', '..');
const defineDir = join(root, 'packages/components/dist/define');

let browser: Browser;
// A build plus a page load; generous because CI machines are shared.
const timeout = 120_000;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** Builds `name`, opens it and checks what a vendor would see. */
async function checkExample(t: TestContext, name: string): Promise<void> {
  const started = Date.now();
  const dist = (await (buildExample as (n: string) => Promise<string>)(name)) as string;
  t.diagnostic(`built in ${Date.now() - started} ms`);
  const site = await serve(dist);
  try {
    const { page, problems } = await openPage(browser, site.base);
    try {
      // The plan reached <sip-context>: its sip-context-ready handler set every badge to "met".
      await page.waitForFunction(
        () => {
          const badges = [...document.querySelectorAll('sip-status-badge')];
          return badges.length > 0 && badges.every((b) => b.getAttribute('status') === 'met');
        },
        { timeout: 15_000 },
      );
      const elements = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('sip-'))
          .map((el) => ({ tag: el.localName, defined: Boolean(customElements.get(el.localName)), shadow: el.shadowRoot !== null })),
      );
      assert.ok(elements.some((e) => e.tag === 'sip-status-badge'), 'the page shows a <sip-status-badge>');
      assert.ok(elements.some((e) => e.tag === 'sip-plan-editor'), 'the page has a <sip-plan-editor>');
      for (const { tag, defined, shadow } of elements) {
        // An element whose define entry is built must be upgraded and rendered; a tag still to come just waits.
        if (!existsSync(join(defineDir, `${tag}.js`))) continue;
        assert.ok(defined, `<${tag}> is upgraded (customElements.get)`);
        assert.ok(shadow, `<${tag}> rendered a shadow root`);
      }
      t.diagnostic(`checked in Chromium ${Date.now() - started} ms after the build started`);
      assert.deepEqual(problems.pageErrors, []);
      assert.deepEqual(problems.consoleErrors, []);
    } finally {
      await page.close();
    }
  } finally {
    await site.close();
  }
}

test('the plain HTML example upgrades the sip-kit elements from the single-file bundle', { timeout }, (t) => checkExample(t, 'html'));
test('the React 19 example renders sip-kit elements directly and through the @lit/react wrappers', { timeout }, (t) => checkExample(t, 'react'));
test('the Vue 3 example renders the sip-kit elements as custom elements', { timeout }, (t) => checkExample(t, 'vue'));
test('the Angular example (AOT, zoneless) renders the sip-kit elements with CUSTOM_ELEMENTS_SCHEMA', { timeout }, (t) => checkExample(t, 'angular'));

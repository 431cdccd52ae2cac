// Every Storybook story, built offline and rendered in the system Chromium,
// must have zero axe violations (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) and no
// page errors. Nothing is excluded: a story that cannot be checked is fixed.
// Needs `npm run build` first (.storybook/preview.js reads custom-elements.json);
// `npm test` runs the build before the node tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';
import { launchChromium, openPage } from '../lib/browser.js';
import { serve, type Served } from '../lib/serve.js';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, '.cache/storybook-static');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The locale stories every element has, by the end of their story id. */
const LOCALE_STORIES: Record<string, string> = { '--swedish': 'sv', '--norwegian-bokmal': 'nb', '--norwegian-nynorsk': 'nn', '--english': 'en' };
const ELEMENT_STORIES = ['plan-editor', 'consent', 'followup'];

interface IndexEntry {
  id: string;
  type: string;
  importPath: string;
}
const readIndex = (): IndexEntry[] => Object.values((JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries);

let site: Served;
let base: string;
let browser: Browser;

before(async () => {
  const built = spawnSync('npx', ['storybook', 'build', '-o', '.cache/storybook-static', '--quiet'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
    timeout: 240_000,
  });
  assert.equal(built.status, 0, `storybook build failed:\n${built.stdout}\n${built.stderr}`);
  site = await serve(out);
  base = site.base.replace(/\/$/, '');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
}

test('each of the three elements has a story in every locale (sv, nb, nn, en)', () => {
  const entries = readIndex();
  for (const file of ELEMENT_STORIES) {
    const ids = entries.filter((e) => e.type === 'story' && e.importPath === `./stories/${file}.stories.ts`).map((e) => e.id);
    for (const suffix of Object.keys(LOCALE_STORIES)) {
      assert.ok(ids.some((id) => id.endsWith(suffix)), `stories/${file}.stories.ts has a story ending in ${suffix} (has ${ids.join(', ')})`);
    }
  }
});

test('every story renders with zero axe violations and no page errors; locale stories render in their locale', { timeout: 420_000 }, async () => {
  const stories = readIndex().filter((e) => e.type === 'story').map((e) => e.id);
  assert.ok(stories.length > 0, 'index.json lists no stories');

  const { page, problems } = await openPage(browser, `${base}/iframe.html`);
  const failures: string[] = [];
  try {
    for (const id of stories) {
      const errorsBefore = problems.pageErrors.length;
      const started = Date.now();
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`, { waitUntil: 'load' });
      try {
        // Rendered = Storybook finished the story (render, play, afterEach) and
        // every sip-* element in it has rendered its shadow root.
        await page.waitForFunction(
          () => {
            const phase = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender?.phase;
            if (phase !== 'finished' && phase !== 'completed') return false;
            const rootEl = document.querySelector('#storybook-root');
            if (!rootEl) return false;
            const els = [...rootEl.querySelectorAll('*')].filter((e) => e.localName.startsWith('sip-'));
            return els.length > 0 && els.every((e) => (e.shadowRoot?.childElementCount ?? 0) > 0);
          },
          { timeout: 15_000, polling: 50 },
        );
      } catch (err) {
        failures.push(`${id}: did not render a sip-* element with shadow content within 15 s (${String(err).split('\n')[0]})`);
        continue;
      }
      const locale = Object.entries(LOCALE_STORIES).find(([suffix]) => id.endsWith(suffix))?.[1];
      if (locale) {
        const shown = await page.evaluate(() =>
          [...document.querySelectorAll('#storybook-root *')]
            .filter((e) => e.localName.startsWith('sip-') && 'activeLocale' in e)
            .map((e) => `${e.localName}:${(e as unknown as { activeLocale: string }).activeLocale}`),
        );
        if (shown.length === 0 || shown.some((s) => !s.endsWith(`:${locale}`))) failures.push(`${id}: not in ${locale}: ${shown.join(', ')}`);
      }
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
      const result = (await page.evaluate(
        (runOnly) => (window as unknown as { axe: { run(c: Document, o: object): Promise<unknown> } }).axe.run(document, { runOnly, resultTypes: ['violations'] }),
        TAGS,
      )) as AxeResult;
      for (const v of result.violations) {
        failures.push(`${id}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
      }
      if (process.env.SIP_STORY_TIMES) console.log(`${id}: ${Date.now() - started} ms`);
      for (const err of problems.pageErrors.slice(errorsBefore)) failures.push(`${id}: page error ${err}`);
    }
  } finally {
    await page.close();
  }
  assert.deepEqual(failures, [], `${failures.length} problem(s) in ${stories.length} stories:\n${failures.join('\n')}`);
});

// Every Storybook story, built offline and rendered in the system Chromium,
// must have zero axe violations (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) and no
// page errors. Nothing is excluded: a story that cannot be checked is fixed.
// Needs `npm run build` first (.storybook/preview.js reads custom-elements.json);
// `npm test` runs the build before the node tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';
import { launchChromium, openPage } from '../lib/browser.js';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, '.cache/storybook-static');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

/** A static file server for the built Storybook, confined to `dir`. */
function serve(dir: string): Server {
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = resolve(dir, `.${path}`);
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
}

let server: Server;
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
  server = serve(out);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
}

test('every story renders with zero axe violations and no page errors', { timeout: 420_000 }, async () => {
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
  const stories = Object.values(index.entries).filter((e) => e.type === 'story').map((e) => e.id);
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

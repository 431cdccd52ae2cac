import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, openPage } from '../lib/browser.js';
import { startReferenceServer, type ReferenceRestServer } from '../../packages/adapters/test/support/reference-rest-server.js';

// A page on one origin that reaches the reference REST server through /api,
// so the test can cut "the network" without touching the browser.
let rest: ReferenceRestServer;
let server: Server;
let base: string;
let browser: Browser;
let networkUp = false;
let bundle = '';

const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>outbox</title><link rel="icon" href="data:,"><script type="module" src="/page.js"></script></head><body></body></html>';
const PAGE_JS = "import * as sip from '/bundle.js'; window.sip = sip; window.sipReady = true;";

before(async () => {
  const out = await build({ entryPoints: ['test/outbox/entry.ts'], bundle: true, format: 'esm', write: false, platform: 'browser', tsconfig: 'tsconfig.base.json', logLevel: 'silent' });
  bundle = out.outputFiles[0]!.text;
  rest = await startReferenceServer();
  const restUrl = new URL(rest.url);
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (!networkUp) {
        req.socket.destroy(); // the connection drops, as when the network is gone
        return;
      }
      const upstream = request(
        { host: restUrl.hostname, port: restUrl.port, method: req.method, path: `${restUrl.pathname.replace(/\/$/, '')}${url.slice(4)}`, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
      return;
    }
    const body = url === '/' ? PAGE : url === '/page.js' ? PAGE_JS : url === '/bundle.js' ? bundle : undefined;
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': url === '/' ? 'text/html' : 'text/javascript' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  await rest?.close();
});

async function ready(page: Page) {
  await page.waitForFunction(() => (window as unknown as { sipReady?: boolean }).sipReady === true);
}

test('edits saved while offline survive a page reload and drain in order when the network returns', { timeout: 120_000 }, async () => {
  const example = JSON.parse(readFileSync('packages/core/examples/se-sip.json', 'utf8'));
  const { page, problems } = await openPage(browser, `${base}/`);
  try {
    await ready(page);
    networkUp = false;
    const queued = await page.evaluate(async (plan) => {
      const sip = (window as any).sip;
      const remote = sip.restRepository({ baseUrl: `${location.origin}/api`, timeoutMs: 2000, retries: 0 });
      const local = sip.browserRepository({ dbName: 'reload-local' });
      const outbox = sip.outboxRepository(remote, { store: sip.indexedDbOutboxStore({ dbName: 'reload-outbox' }), autoRetry: false, listenOnline: false });
      let current = sip.parsePlan({ ...plan, id: 'offline-plan', version: 0 });
      await local.save(current, { expectedVersion: 0 });
      // Three edits in a row while the remote cannot be reached.
      for (const words of ['första', 'andra', 'tredje']) {
        const edited = { ...current, personVoice: { ...current.personVoice, whatMattersToMe: `Ändring ${words}` } };
        current = await outbox.save(edited, { expectedVersion: current.version });
      }
      const pending = outbox.status.pending;
      outbox.close();
      return { pending, version: current.version };
    }, example);
    assert.equal(queued.pending, 3);
    assert.equal(queued.version, 3);
    assert.equal(rest.plans().length, 0, 'nothing reached the server while offline');

    await page.reload({ waitUntil: 'networkidle0' });
    await ready(page);
    const afterReload = await page.evaluate(async () => {
      const sip = (window as any).sip;
      const entries = await sip.indexedDbOutboxStore({ dbName: 'reload-outbox' }).all();
      const local = await sip.browserRepository({ dbName: 'reload-local' }).load('offline-plan');
      return { entries: entries.map((e: any) => e.plan.personVoice.whatMattersToMe), localId: local.id };
    });
    assert.deepEqual(afterReload.entries, ['Ändring första', 'Ändring andra', 'Ändring tredje']);
    assert.equal(afterReload.localId, 'offline-plan');

    networkUp = true;
    await page.evaluate(() => {
      const sip = (window as any).sip;
      const remote = sip.restRepository({ baseUrl: `${location.origin}/api`, timeoutMs: 5000 });
      (window as any).outbox = sip.outboxRepository(remote, { store: sip.indexedDbOutboxStore({ dbName: 'reload-outbox' }), autoRetry: false });
      // The browser says the network is back; the outbox listens for that.
      window.dispatchEvent(new Event('online'));
    });
    const deadline = Date.now() + 30_000;
    while (rest.plans().find((p) => p.id === 'offline-plan')?.version !== 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await page.waitForFunction(() => (window as any).outbox.status.pending === 0 && !(window as any).outbox.status.sending, { timeout: 10_000 });
    const stored = rest.plans().find((p) => p.id === 'offline-plan');
    assert.equal(stored?.personVoice.whatMattersToMe, 'Ändring tredje');
    assert.equal(stored?.version, 3);
    assert.deepEqual(rest.versions('offline-plan').map((p) => p.personVoice.whatMattersToMe), ['Ändring första', 'Ändring andra', 'Ändring tredje']);
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await page.close();
  }
});

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'puppeteer-core';
// @ts-expect-error -- plain .mjs script module
import { startDemoServer, STRICT_CSP } from '../../scripts/lib/demo-server.mjs';
import { launchChromium, openPage } from '../lib/browser.js';

let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  server = await (startDemoServer as (o: object) => Promise<Server>)({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

test('the demo journal page answers 200 with a strict CSP', async () => {
  const res = await fetch(`${base}/`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-security-policy'), STRICT_CSP);
  assert.match(await res.text(), /<title>[^<]*sip-kit demo/);
});

test('the demo server refuses paths outside what it serves', async () => {
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/packages/core/src/index.ts', '/scripts/start.mjs', '/.git/config']) {
    const res = await fetch(`${base}${path}`);
    assert.equal(res.status, 404, path);
  }
});

test('the demo page loads in Chromium with no console errors and no CSP violations', async () => {
  const { page, problems } = await openPage(browser, `${base}/`);
  try {
    await page.waitForFunction(() => document.getElementById('demo-status')?.textContent !== 'Laddar planen…');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.cspViolations, []);
    const defined = await page.evaluate(() => Boolean(customElements.get('sip-status-badge')));
    assert.equal(defined, true);
  } finally {
    await page.close();
  }
});

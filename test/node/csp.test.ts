import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'puppeteer-core';
import { startDemoServer, STRICT_CSP } from '../../scripts/lib/demo-server.mjs';
import { launchChromium, openPage } from '../lib/browser.js';

let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  server = await (startDemoServer as (o: object) => Promise<Server>)({ port: 0, host: '127.0.0.1', extraMounts: [['/csp-test/', 'test/csp/']] });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

test('every component in every state renders under the strict CSP with zero violations', { timeout: 240_000 }, async () => {
  const res = await fetch(`${base}/csp-test/`);
  assert.equal(res.headers.get('content-security-policy'), STRICT_CSP);
  assert.match(STRICT_CSP, /require-trusted-types-for 'script'/);
  const { page, problems } = await openPage(browser, `${base}/csp-test/`);
  try {
    await page.waitForFunction(() => (window as unknown as { __cspDone?: boolean }).__cspDone === true, { timeout: 200_000, polling: 500 });
    const report = (await page.evaluate(() => (window as unknown as { __cspReport: unknown }).__cspReport)) as { rendered: number; errors: string[]; violations: string[] };
    assert.deepEqual(report.errors, []);
    // 6 examples × 7 setups × 4 locales, plus each example emptied × 7 setups.
    assert.equal(report.rendered, 6 * 7 * 4 + 6 * 7);
    assert.deepEqual(report.violations, []);
    assert.deepEqual(problems.cspViolations, []);
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await page.close();
  }
});

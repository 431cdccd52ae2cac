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

/** Waits until the demo's plan is loaded and every sip-kit element has rendered. */
async function waitForDemo(page: import('puppeteer-core').Page, tags: string[]) {
  await page.waitForFunction(() => document.getElementById('demo-status')?.textContent?.includes('laddad'), { timeout: 30_000 });
  await page.waitForFunction(
    (names: string[]) => names.every((n) => (document.querySelector(n)?.shadowRoot?.childElementCount ?? 0) > 0),
    { timeout: 30_000 },
    tags,
  );
}

/** Reads the editor's "what matters to me" field, which lives in its shadow root. */
function whatMatters(page: import('puppeteer-core').Page) {
  return page.evaluate(() => (document.querySelector('sip-plan-editor')?.shadowRoot?.querySelector('#voice-matters') as HTMLTextAreaElement | null)?.value);
}

test('the demo journal loads all three components with no console errors and no CSP violations', async () => {
  const { page, problems } = await openPage(browser, `${base}/`);
  try {
    await waitForDemo(page, ['sip-plan-editor', 'sip-consent', 'sip-followup']);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.cspViolations, []);
    const name = await page.$eval('#patient-name', (el) => el.textContent);
    assert.ok(name && name !== 'Patient', 'the patient banner shows the plan\'s person');
  } finally {
    await page.close();
  }
});

test('an edit in the demo survives a reload (browser storage), and reset brings back the example', async () => {
  const { page, problems } = await openPage(browser, `${base}/`);
  try {
    await waitForDemo(page, ['sip-plan-editor']);
    const typed = ` Jag vill kunna cykla till jobbet ${Date.now()}.`;
    await page.evaluate(() => (document.querySelector('sip-plan-editor')?.shadowRoot?.querySelector('#voice-matters') as HTMLTextAreaElement).focus());
    await page.keyboard.press('End');
    await page.keyboard.type(typed);
    const before = await whatMatters(page);
    assert.ok(before?.endsWith(typed));
    // Autosave is debounced; wait until the browser repository holds the edit.
    await page.waitForFunction(
      (text: string) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('sip-kit');
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            try {
              const names = Array.from(db.objectStoreNames);
              const tx = db.transaction(names, 'readonly');
              const found: boolean[] = [];
              for (const n of names) {
                const req = tx.objectStore(n).getAll();
                req.onsuccess = () => found.push(JSON.stringify(req.result).includes(text.trim()));
              }
              tx.oncomplete = () => {
                db.close();
                resolve(found.some(Boolean));
              };
              tx.onerror = () => resolve(false);
            } catch {
              db.close();
              resolve(false);
            }
          };
        }),
      { timeout: 30_000, polling: 500 },
      typed,
    );
    await page.reload({ waitUntil: 'networkidle0' });
    await waitForDemo(page, ['sip-plan-editor']);
    assert.equal(await whatMatters(page), before, 'the typed text is still there after a reload');

    const person = await browser.newPage();
    await person.goto(`${base}/person.html`, { waitUntil: 'networkidle0' });
    await person.waitForFunction((t: string) => (document.querySelector('sip-plan-editor')?.shadowRoot?.textContent ?? '').includes(t), { timeout: 30_000 }, typed.trim());
    await person.close();

    // Listen before clicking: the reload can start before a later listener attaches.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 60_000 }), page.click('#demo-reset')]);
    await waitForDemo(page, ['sip-plan-editor']);
    assert.ok(!(await whatMatters(page))?.includes(typed.trim()), 'reset restores the example plan');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.cspViolations, []);
  } finally {
    await page.close();
  }
});

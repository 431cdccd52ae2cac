// Editor speed in headless system Chromium: first render and keystroke-to-update
// time of <sip-plan-editor> for a 30-goal × 200-intervention plan, using the
// built CDN bundle (packages/components/dist/cdn/sip-kit.js) on a loopback server.
// Budgets (checked with --check): first render ≤ 50 ms, keystroke ≤ 8 ms (medians).
// First render is the first laid-out paint (updateComplete + layout). The editor
// renders the goals and interventions beyond the first ten of each list in idle
// time right after it (those lists are aria-busy until then); the time until
// every item is in the DOM is printed too, for information. A keystroke is
// timed in the page, from keydown until the update that holds the new character
// is rendered and laid out; the time until the test driver hears back (its own
// round trip included) is printed for information.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { root } from '../scripts/lib/run.mjs';
import { findChromium, CHROMIUM_ARGS } from '../scripts/lib/chromium.mjs';

export const BUDGETS = { firstRenderMs: 50, keystrokeMs: 8 };
const RUNS = 21;

/** A valid plan with `goals` goals and `interventions` interventions, built from the SE example. */
function bigPlan(goals, interventions) {
  const base = JSON.parse(readFileSync(join(root, 'packages/core/examples/se-sip.json'), 'utf8'));
  const party = base.parties[0].id;
  const gs = Array.from({ length: goals }, (_, i) => ({ id: `g${i}`, text: `Mål nummer ${i + 1} i personens egna ord`, horizon: i % 3 ? 'short-term' : 'long-term', expressedBy: 'person', needs: [], status: 'active' }));
  const ivs = Array.from({ length: interventions }, (_, i) => ({
    id: `i${i}`, what: `Insats ${i + 1}: stöd i vardagen`, party, extent: '2 timmar i veckan', where: 'Hemma', goals: [`g${i % goals}`], status: 'planned',
  }));
  return { ...base, status: 'initiated', goals: gs, interventions: ivs, pendingApproval: [], approvals: [], followUps: base.followUps.map((f) => ({ ...f, evaluations: [] })) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run({ check } = {}) {
  const bundle = join(root, 'packages/components/dist/cdn/sip-kit.js');
  const failures = [];
  if (!existsSync(bundle)) {
    console.log('editor: dist/cdn/sip-kit.js missing — run `npm run build` first.');
    return { failures: check ? ['editor: no CDN bundle'] : [] };
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.log('editor: no Chromium found; skipped.');
    return { failures: [] };
  }
  const plan = bigPlan(30, 200);
  const page = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><script type="module" src="/sip-kit.js"></script></head><body><main id="host"></main></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/sip-kit.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(bundle));
    } else if (req.url === '/plan.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(plan));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page);
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')) });
  try {
    const tab = await browser.newPage();
    if (process.env.SIP_PROFILE) {
      tab.on('console', (m) => console.log('  page:', m.text()));
      await tab.evaluateOnNewDocument(() => (globalThis.__SIP_PROFILE = true));
    }
    await tab.goto(url, { waitUntil: 'networkidle0' });
    await tab.waitForFunction(() => customElements.get('sip-plan-editor'));
    const renders = [];
    const complete = [];
    for (let i = 0; i < RUNS; i++) {
      const [ms, all] = await tab.evaluate(async () => {
        const plan = await (await fetch('/plan.json')).json();
        const host = document.getElementById('host');
        host.replaceChildren();
        const el = document.createElement('sip-plan-editor');
        el.autosave = false;
        el.today = '2026-03-10';
        const t0 = performance.now();
        el.plan = plan;
        const t1 = performance.now();
        host.append(el);
        void el.feedback; // rules evaluated before render, timed separately
        const t2 = performance.now();
        await el.updateComplete;
        const t25 = performance.now();
        el.getBoundingClientRect(); // layout included
        const t3 = performance.now();
        if (globalThis.__SIP_PROFILE) console.log(`store ${(t1 - t0).toFixed(1)} rules ${(t2 - t1).toFixed(1)} render ${(t25 - t2).toFixed(1)} layout ${(t3 - t25).toFixed(1)} nodes ${el.shadowRoot.querySelectorAll('*').length}`);
        // Waits without polling: a busy loop would keep the idle time the editor renders in from coming.
        await new Promise((resolve) => {
          const done = () => !el.shadowRoot.querySelector('[aria-busy="true"]');
          if (done()) return resolve();
          const watch = new MutationObserver(() => done() && (watch.disconnect(), resolve()));
          watch.observe(el.shadowRoot, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
        });
        el.getBoundingClientRect();
        return [t3 - t0, performance.now() - t0];
      });
      renders.push(ms);
      complete.push(all);
    }
    // Keystrokes into the first goal's text: input event → store command → re-render.
    await tab.evaluate(() => document.querySelector('sip-plan-editor').shadowRoot.querySelector('#goal-g0-text').focus());
    // Timed in the page: from keydown to the update rendered and laid out. (Timing it
    // from the test driver, as before, added the driver's own round trip of 4-6 ms.)
    const keys = [];
    const trips = [];
    for (let i = 0; i < RUNS; i++) {
      await tab.evaluate(() => {
        const el = document.querySelector('sip-plan-editor');
        const field = el.shadowRoot.querySelector('#goal-g0-text');
        window.__t0 = 0;
        window.__t1 = 0;
        field.addEventListener('keydown', () => (window.__t0 = performance.now()), { once: true });
        // Registered after the editor's own input listener, so it runs after it.
        field.addEventListener(
          'input',
          () =>
            void el.updateComplete.then(() => {
              el.getBoundingClientRect();
              window.__t1 = performance.now();
              // The update timed must be the one with the new character in the plan (no deferred work hidden).
              window.__seen = el.plan.goals[0].text;
            }),
          { once: true },
        );
      });
      await tab.keyboard.type('a');
      const [inPage, trip, seen] = await tab.evaluate(async () => {
        const trip = performance.now() - window.__t0; // when the driver's next call arrives, as sessions 1-2 timed it
        while (!window.__t1) await new Promise((r) => setTimeout(r, 0));
        return [window.__t1 - window.__t0, Math.max(trip, window.__t1 - window.__t0), window.__seen];
      });
      if (!seen.endsWith('a'.repeat(i + 1))) failures.push(`editor: keystroke ${i + 1} was not in the plan when its update completed`);
      keys.push(inPage);
      trips.push(trip);
    }
    const text = await tab.evaluate(() => document.querySelector('sip-plan-editor').plan.goals[0].text);
    if (!text.endsWith('a'.repeat(RUNS))) failures.push('editor: keystrokes did not reach the plan');
    const r = median(renders);
    const k = median(keys);
    console.log(`plan: 30 goals × 200 interventions; ${RUNS} runs each (median, includes layout)`);
    console.log(`first render          ${r.toFixed(1).padStart(7)} ms   (budget ${BUDGETS.firstRenderMs} ms)`);
    console.log(`  every item rendered ${median(complete).toFixed(1).padStart(7)} ms   (for information)`);
    console.log(`keystroke → update    ${k.toFixed(1).padStart(7)} ms   (budget ${BUDGETS.keystrokeMs} ms; keydown to laid-out update, timed in the page)`);
    console.log(`  with the driver      ${median(trips).toFixed(1).padStart(7)} ms   (for information: until the test driver hears back)`);
    if (r > BUDGETS.firstRenderMs) failures.push(`editor first render ${r.toFixed(1)} ms > ${BUDGETS.firstRenderMs} ms`);
    if (k > BUDGETS.keystrokeMs) failures.push(`editor keystroke ${k.toFixed(1)} ms > ${BUDGETS.keystrokeMs} ms`);
  } finally {
    await browser.close();
    server.close();
  }
  return { failures: check ? failures : [] };
}

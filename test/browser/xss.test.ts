// Every free-text field of a plan gets a hostile string from the corpus; every
// component renders it in every mode. Nothing may run, no element or attribute
// named by a payload may appear, and the text must show as text.
import { expect } from '@open-wc/testing';
import { safeParsePlan, type Plan } from '@sip-kit/core';
import '../../packages/components/src/define/all.js';
import { XSS_CORPUS, FORBIDDEN_TAGS } from '../support/xss-corpus.js';

declare global {
  interface Window {
    __sipXss?: number;
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Paths of string leaves in `value`. */
function stringPaths(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value === 'string') out.push(path);
  else if (Array.isArray(value)) value.forEach((v, i) => stringPaths(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringPaths(v, [...path, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], v: string): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1]!] = v;
  return copy;
}

/**
 * Builds `variants` hostile plans from an example: a leaf is free text when the
 * model accepts a payload there (ids, dates, enums and links refuse it).
 * Payloads rotate so every one of them lands somewhere.
 */
function hostilePlans(example: Plan, variants: number): { plans: Plan[]; used: Set<string>; fields: number } {
  const paths = stringPaths(example as unknown as Json).filter((p) => p[0] !== 'audit');
  const freeText: (string | number)[][] = [];
  for (const p of paths) {
    if (safeParsePlan(setAt(example as unknown as Json, p, '<b onclick="x">t</b>')).success) freeText.push(p);
  }
  const used = new Set<string>();
  const plans: Plan[] = [];
  // Payloads not yet placed go first, so every one of them lands in some field.
  const order = () => [...XSS_CORPUS.filter((p) => !used.has(p)), ...XSS_CORPUS.filter((p) => used.has(p))];
  for (let v = 0; v < variants; v++) {
    let plan = example as unknown as Json;
    for (const p of freeText) {
      for (const payload of order()) {
        const next = setAt(plan, p, payload);
        if (safeParsePlan(next).success) {
          plan = next;
          used.add(payload);
          break;
        }
      }
    }
    const parsed = safeParsePlan(plan);
    if (!parsed.success) throw new Error('hostile plan did not parse');
    plans.push(parsed.data);
  }
  return { plans, used, fields: freeText.length };
}

/** Every element in `root` and in every shadow root below it. */
function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

/** Text a person sees or a control holds, across shadow roots. */
function visibleText(root: Element): string {
  const parts: string[] = [];
  for (const el of [root, ...allElements(root)]) {
    if (el.shadowRoot) parts.push(el.shadowRoot.textContent ?? '');
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) parts.push(el.value);
  }
  parts.push(root.textContent ?? '');
  return parts.join('\n');
}

// The follow-up's progress chart is SVG by design; it is drawn by lit's svg
// templates from numbers, so SVG is allowed there only.
const isChartSvg = (el: Element) => el.closest('svg') !== null && el.closest('svg')!.closest('[part~="chart"], [part~="legend"], [part~="progress"]') !== null;

function assertInert(host: Element) {
  for (const el of allElements(host)) {
    const tag = el.localName;
    if (FORBIDDEN_TAGS.includes(tag) && !(el.namespaceURI === 'http://www.w3.org/2000/svg' && isChartSvg(el))) {
      if (!(tag === 'svg' && isChartSvg(el))) expect.fail(`<${tag}> appeared in ${host.localName}`);
    }
    if (el.namespaceURI === 'http://www.w3.org/2000/svg' && tag !== 'svg' && !isChartSvg(el)) expect.fail(`SVG <${tag}> outside the chart in ${host.localName}`);
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) expect.fail(`event-handler attribute ${attr.name} on <${tag}> in ${host.localName}`);
      if (/^(href|src|action|formaction|xlink:href|data)$/i.test(attr.name) && /^\s*(javascript|vbscript|data):/i.test(attr.value)) {
        expect.fail(`dangerous URL in ${attr.name} on <${tag}>`);
      }
    }
  }
  expect(window.__sipXss, 'no payload ran').to.equal(undefined);
}

async function render(tag: string, plan: Plan, attrs: Record<string, string> = {}): Promise<HTMLElement & { updateComplete: Promise<unknown> }> {
  const el = document.createElement(tag) as HTMLElement & { plan: Plan; updateComplete: Promise<unknown>; autosave: boolean };
  el.autosave = false;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.plan = plan;
  document.body.append(el);
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 30));
  return el;
}

const EXAMPLES = ['se-sip', 'se-sip-child', 'no-ip'];
const SETUPS: [string, Record<string, string>][] = [
  ['sip-plan-editor', {}],
  ['sip-plan-editor', { mode: 'person' }],
  ['sip-plan-editor', { readonly: '' }],
  ['sip-consent', {}],
  ['sip-consent', { view: 'print' }],
  ['sip-followup', { today: '2026-11-25' }],
  ['sip-followup', { today: '2026-11-25', readonly: '' }],
];

describe('hostile text in every free-text field', function () {
  this.timeout(120_000);
  const seen = new Set<string>();

  afterEach(() => {
    for (const el of Array.from(document.body.children)) if (el.localName.startsWith('sip-')) el.remove();
  });

  after(() => {
    expect(XSS_CORPUS.length).to.be.at.least(100);
    // Every payload of the corpus was placed in some field of some plan.
    expect(seen.size, 'payloads used').to.equal(XSS_CORPUS.length);
  });

  for (const name of EXAMPLES) {
    it(`${name}: every component in every mode renders payloads as inert text`, async () => {
      const example = (await (await fetch(`/packages/core/examples/${name}.json`)).json()) as Plan;
      const { plans, used, fields } = hostilePlans(example, 3);
      expect(fields, 'free-text fields found').to.be.greaterThan(10);
      used.forEach((u) => seen.add(u));
      for (const plan of plans) {
        for (const [tag, attrs] of SETUPS) {
          const el = await render(tag, plan, attrs);
          assertInert(el);
          el.remove();
        }
        // The person's own words show exactly as typed, as text.
        const words = plan.personVoice.whatMattersToMe;
        if (words) {
          const el = await render('sip-plan-editor', plan, { mode: 'person' });
          expect(visibleText(el)).to.contain(words.trim().slice(0, 40));
          el.remove();
        }
      }
    });
  }
});

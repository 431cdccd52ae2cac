// Follows the "In a fresh folder" section of docs/getting-started.md the way a
// vendor would: its shell commands in a new temporary folder (with `npm pack`
// tarballs of the three packages in place of the registry, where they are not
// published yet), its files written under the names the doc gives them, the
// folder served as it is, and the page opened in the system Chromium. The
// code comes from the doc itself, so a doc that stops working fails here.
// Needs `npm run build` first; installs offline from the npm cache that
// `npm ci` filled (lit, zod, …).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { launchChromium, openPage } from '../lib/browser.js';
import { PACKAGES, npmPack, root } from '../lib/pack.js';
import { serve } from '../lib/serve.js';

const DOC = join(root, 'docs/getting-started.md');
const SECTION = /^## In a fresh folder\b.*$/m;

/** One fenced block of the section: its language, its code and the prose just before it. */
interface Block {
  lang: string;
  code: string;
  before: string;
}

function freshFolderBlocks(): Block[] {
  const md = readFileSync(DOC, 'utf8');
  const start = SECTION.exec(md);
  assert.ok(start, 'docs/getting-started.md has an "## In a fresh folder" section');
  const rest = md.slice(start.index + start[0].length);
  const section = rest.slice(0, rest.search(/^## /m) === -1 ? undefined : rest.search(/^## /m));
  const blocks: Block[] = [];
  const fence = /^```(\w*)[^\n]*\n([\s\S]*?)^```$/gm;
  let last = 0;
  for (let m = fence.exec(section); m; m = fence.exec(section)) {
    blocks.push({ lang: m[1]!, code: m[2]!, before: section.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  return blocks;
}

// npm sets these for scripts it runs (`npm test`); a nested npm must find its
// own project from its working directory, never the repository's.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_(config_(local_)?prefix|package_|lifecycle_)/i.test(k)));
const offline = ['--prefer-offline', '--no-audit', '--no-fund'];

function npm(args: string[], cwd: string): void {
  execFileSync('npm', args, { cwd, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Runs one line of the doc's shell block in `cwd` and returns the new working
 * directory. Knows only what the doc needs; anything else fails the test so
 * that the doc and this test are changed together.
 */
function follow(command: string, cwd: string, tarballs: Map<string, string>): string {
  let m: RegExpExecArray | null;
  if ((m = /^mkdir (?:-p )?([\w.-]+)$/.exec(command))) {
    mkdirSync(join(cwd, m[1]!), { recursive: true });
    return cwd;
  }
  if ((m = /^cd ([\w.-]+)$/.exec(command))) return join(cwd, m[1]!);
  if ((m = /^npm (?:install|i) ([^-].*)$/.exec(command))) {
    const names = m[1]!.split(/\s+/);
    // @sip-kit/* come from the tarballs; the ones the doc names pull in the rest,
    // which a registry would supply and the tarballs have to stand in for.
    const specs = names.map((n) => tarballs.get(n) ?? n);
    if (names.some((n) => tarballs.has(n))) specs.push(...[...tarballs].filter(([n]) => !names.includes(n)).map(([, file]) => file));
    npm(['install', ...offline, ...specs], cwd);
    return cwd;
  }
  if (/^npm init -y$/.test(command)) {
    npm(['init', '-y'], cwd);
    return cwd;
  }
  throw new Error(`getting-started.test.ts does not know how to follow \`${command}\`; teach it, or change the doc`);
}

/**
 * Page-side: the text a user sees in `node`, through shadow roots, with the
 * values of form fields. A string, so the test's compiler adds no helpers to it.
 */
const DEEP_TEXT = `function deepText(node) {
  if (!node) return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node instanceof HTMLTextAreaElement || node instanceof HTMLInputElement) return node.value;
  const own = node instanceof Element && node.shadowRoot ? deepText(node.shadowRoot) : '';
  return own + ' ' + [...node.childNodes].map(deepText).join(' ');
}`;

const work = mkdtempSync(join(tmpdir(), 'sip-getting-started-'));
let browser: Browser | undefined;

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

test('a newcomer following docs/getting-started.md in a fresh folder sees the editor with the example plan, ready to edit', { timeout: 120_000 }, async (t) => {
  const started = Date.now();
  const lap = (what: string) => t.diagnostic(`${what} at ${Date.now() - started} ms`);
  const blocks = freshFolderBlocks();

  // What the registry will serve once published: the packed packages.
  const packed = npmPack(PACKAGES, work);
  const tarballs = new Map(packed.map((p) => [p.name, join(work, p.filename)]));
  assert.deepEqual([...tarballs.keys()].sort(), PACKAGES.map((n) => `@sip-kit/${n}`).sort());
  lap('packed');

  let cwd = work;
  const files: string[] = [];
  for (const block of blocks) {
    if (block.lang === 'sh') {
      for (const line of block.code.split('\n')) {
        for (const command of line.replace(/#.*$/, '').split('&&').map((c) => c.trim()).filter(Boolean)) {
          cwd = follow(command, cwd, tarballs);
        }
      }
      continue;
    }
    const name = /Save this as `([^`]+)`/.exec(block.before)?.[1];
    assert.ok(name, `the ${block.lang} block in "In a fresh folder" says which file it is ("Save this as \`…\`")`);
    mkdirSync(dirname(join(cwd, name)), { recursive: true });
    writeFileSync(join(cwd, name), block.code);
    files.push(name);
  }
  lap('followed the shell commands');
  assert.ok(cwd.startsWith(work) && cwd !== work, 'the doc works in a folder of its own');
  assert.ok(files.includes('index.html'), 'the doc gives an index.html');
  assert.ok(existsSync(join(cwd, 'node_modules/@sip-kit/components/package.json')), 'the components were installed into the new folder');

  const site = await serve(cwd);
  try {
    browser = await launchChromium();
    const consoleErrors: string[] = [];
    const { page, problems } = await openPage(browser, site.base, {
      beforeLoad: (p) =>
        p.on('console', (msg) => {
          // The browser asks for /favicon.ico, which a fresh folder has not got: the folder's 404, not sip-kit's.
          if (msg.type() === 'error' && !msg.location().url?.endsWith('/favicon.ico')) consoleErrors.push(msg.text());
        }),
    });
    try {
      // The editor shows the plan: the person's name and a goal in her own words.
      const plan = JSON.parse(readFileSync(join(cwd, 'node_modules/@sip-kit/core/examples/se-sip.json'), 'utf8')) as { person: { name: string }; goals: { text: string }[] };
      const expected = [plan.person.name, plan.goals[0]!.text];
      const shownText = `(${DEEP_TEXT})(document.querySelector('sip-plan-editor'))`;
      // On a timeout the assertions below say what was missing.
      await page.waitForFunction(`${JSON.stringify(expected)}.every((w) => ${shownText}.includes(w))`, { timeout: 15_000 }).catch(() => undefined);
      const shown = (await page.evaluate(shownText)) as string;
      for (const words of expected) assert.ok(shown.includes(words), `the editor shows "${words}"; it shows: ${shown.replace(/\s+/g, ' ').slice(0, 500)}`);
      lap('editor shows the plan');
      const elements = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('sip-'))
          .map((el) => ({ tag: el.localName, defined: Boolean(customElements.get(el.localName)), shadow: el.shadowRoot !== null })),
      );
      const written = files.map((f) => readFileSync(join(cwd, f), 'utf8')).join('\n');
      const tags = [...new Set(written.match(/(?<=<)sip-[\w-]+/g))];
      assert.deepEqual([...new Set(elements.map((e) => e.tag))].sort(), tags.sort(), 'the page has the elements the doc puts on it');
      for (const { tag, defined, shadow } of elements) assert.ok(defined && shadow, `<${tag}> is defined and rendered`);

      // Ready to edit: what is typed into the editor reaches the plan store <sip-context> provides.
      const field = await page.waitForSelector('sip-plan-editor >>> textarea:not([disabled]):not([readonly])', { timeout: 5_000 });
      assert.ok(field, 'the editor has a text field to edit');
      await field.click();
      await page.keyboard.type(' Tillagt i testet.');
      await page.waitForFunction(`JSON.stringify(document.querySelector('sip-context').store.plan).includes('Tillagt i testet.')`, { timeout: 5_000 });
      lap('an edit reached the plan');

      assert.deepEqual(problems.pageErrors, []);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await page.close();
    }
  } finally {
    await site.close();
  }
});

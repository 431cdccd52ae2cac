#!/usr/bin/env node
// `npm test`: build, typecheck, lint, Node tests (again under two far-apart
// time zones for *.tz.test.ts), size budgets, then browser tests in the system
// Chromium. Ends with exactly one aggregate line, `N passed, N failed`, which
// is what CI reads. Flags: --only node|browser|static, --no-build.
import { readdirSync, statSync, readFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run, root } from './lib/run.mjs';
import { ensureChromium } from './lib/chromium.mjs';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const wants = (stage) => !only || only === stage;
const cache = join(root, '.cache');
mkdirSync(cache, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];
const started = Date.now();

function heading(text) {
  console.log(`\n=== ${text} ===`);
}

/** A whole stage that is one check (build, typecheck, lint) counts as one test. */
async function check(name, cmd, cmdArgs, opts) {
  heading(name);
  const { code } = await run(cmd, cmdArgs, { ...opts, allowFail: true });
  if (code === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return code === 0;
}

function findTests(dir, pattern, exclude = /\/(node_modules|dist|browser)\//) {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  const out = [];
  for (const name of readdirSync(full)) {
    const p = join(full, name);
    if (exclude.test(`${p}/`)) continue;
    if (statSync(p).isDirectory()) out.push(...findTests(relative(root, p), pattern, exclude));
    else if (pattern.test(name)) out.push(relative(root, p));
  }
  return out.sort();
}

/** Runs node's test runner over `files`; counts come from the TAP summary it writes. */
async function nodeTests(label, files, env = {}) {
  heading(label);
  if (files.length === 0) {
    console.log('(no test files)');
    return;
  }
  const tap = join(cache, `node-${label.replace(/\W+/g, '-')}.tap`);
  rmSync(tap, { force: true });
  const { code } = await run(
    'node',
    [
      '--import', 'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { env, allowFail: true },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const pass = Number(/^# pass (\d+)$/m.exec(text)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)$/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)$/m.exec(text)?.[1] ?? 0);
  passed += pass;
  failed += fail;
  if (code !== 0 && fail === 0) {
    failed++;
    failures.push(`${label}: runner exited ${code}`);
  } else if (fail > 0) failures.push(`${label}: ${fail} failed`);
}

const nodeFiles = [
  ...findTests('packages/core/test', /\.test\.ts$/),
  ...findTests('packages/adapters/test', /\.test\.ts$/),
  ...findTests('packages/components/test', /\.test\.ts$/),
  ...findTests('test/node', /\.test\.(ts|mjs)$/),
];

if (wants('static') || wants('node') || wants('browser')) {
  if (!args.includes('--no-build')) {
    const built = await check('build', 'node', ['scripts/build.mjs']);
    if (!built) console.error('build failed: browser tests and size budgets need dist/.');
  }
}
if (wants('static')) {
  await check('typecheck', 'tsc', ['-p', 'tsconfig.json']);
  await check('lint', 'eslint', ['.', '--max-warnings=0']);
}
if (wants('node')) {
  await nodeTests('node tests', nodeFiles);
  const tzFiles = nodeFiles.filter((f) => f.endsWith('.tz.test.ts'));
  for (const tz of ['Pacific/Kiritimati', 'America/Anchorage']) await nodeTests(`node tests TZ=${tz}`, tzFiles, { TZ: tz });
}
if (wants('static') && existsSync(join(root, 'scripts/bench.mjs'))) {
  // Printed for every run so size changes are seen in CI logs. The 40 kB / 30 kB
  // budgets are not met yet (see docs/performance.md), so this is not a check yet.
  heading('sizes (npm run bench -- --sizes)');
  await run('node', ['scripts/bench.mjs', '--sizes'], { allowFail: true });
}
if (wants('browser')) {
  heading('browser tests (system Chromium)');
  const chrome = ensureChromium();
  const counts = join(cache, 'wtr-counts.json');
  rmSync(counts, { force: true });
  const { code } = await run('wtr', ['--config', 'web-test-runner.config.mjs'], { env: { CHROME_PATH: chrome, WTR_COUNTS_FILE: counts }, allowFail: true });
  if (existsSync(counts)) {
    const c = JSON.parse(readFileSync(counts, 'utf8'));
    passed += c.passed;
    failed += c.failed;
    if (c.failed) failures.push(...c.failures.map((f) => `browser: ${f}`));
    if (code !== 0 && c.failed === 0) {
      failed++;
      failures.push(`browser: web-test-runner exited ${code}`);
    }
  } else {
    failed++;
    failures.push(`browser: web-test-runner exited ${code} without results`);
  }
}

const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length) console.log(`\nFailed: \n  ${failures.join('\n  ')}`);
console.log(`\n(took ${seconds} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

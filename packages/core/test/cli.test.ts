/** The `sip-rules` CLI, spawned as a user would run it (through tsx, from source). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIP_KIT_VERSION } from '../src/index.js';

const CLI = fileURLToPath(new URL('../src/cli/sip-rules.ts', import.meta.url));

function run(args: string[], stdin = '', node: string[] = ['--import', 'tsx', CLI]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const exampleLine = (type: string) => JSON.stringify(JSON.parse(readFileSync(new URL(`../examples/${type}.json`, import.meta.url), 'utf8')));

test('check writes one result line per plan and exits 0 when every line is valid', async () => {
  const input = `${exampleLine('se-sip')}\n\n${exampleLine('no-ip')}\n`;
  const { code, stdout, stderr } = await run(['check', '--today', '2026-11-25'], input);
  assert.equal(code, 0, stderr);
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.line, l.ok, l.planId, l.pack.id]), [
    [1, true, 'example-se-sip', 'se-default'],
    [3, true, 'example-no-ip', 'no-default'],
  ]);
  assert.ok(Array.isArray(lines[0].deadlines) && typeof lines[0].completeness.complete === 'boolean');
  assert.equal(stderr, '');
});

test('an invalid line gives an error result with its line number, the batch goes on, and the exit code is 1', async () => {
  const input = `{not json\n{"formatVersion":1}\n${exampleLine('se-sip')}\n`;
  const { code, stdout } = await run(['check', '--today', '2026-11-25'], input);
  assert.equal(code, 1);
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.line, l.ok, l.error?.code]), [
    [1, false, 'json-invalid'],
    [2, false, 'plan-invalid'],
    [3, true, undefined],
  ]);
  assert.ok(lines[1].error.issues.length > 0);
});

test('a line longer than the limit is reported without being read whole', async () => {
  const input = `${'x'.repeat(50_000)}\n${exampleLine('pcsp')}`;
  const { code, stdout } = await run(['check', '--today', '2026-11-25', '--max-line-bytes', '10000'], input);
  assert.equal(code, 1);
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.line, l.ok, l.error?.code]), [
    [1, false, 'line-too-long'],
    [2, true, undefined],
  ]);
});

test('--pack applies one pack to every plan; the table format is for people', async () => {
  const { code, stdout } = await run(['check', '--today', '2026-11-25', '--pack', 'se-varmland-2014', '--format', 'table'], `${exampleLine('se-sip')}\n`);
  assert.equal(code, 0);
  const [header, row] = stdout.trim().split('\n');
  assert.match(header!, /line\s+plan\s+pack\s+complete/);
  assert.match(row!, /example-se-sip\s+se-varmland-2014/);
});

test('wrong usage gives a clear message and exit code 2', async () => {
  for (const args of [
    ['check'],
    ['check', '--today', '2026-02-30'],
    ['check', '--today', '2026-11-25', '--format', 'xml'],
    ['check', '--today', '2026-11-25', '--pack', 'atlantis'],
    ['check', '--today', '2026-11-25', '--threads', 'many'],
    ['check', '--today', '2026-11-25', '--threads', '0'],
    ['check', '--today', '2026-11-25', '--threads', '99'],
    ['check', '--nope'],
    ['frobnicate'],
  ]) {
    const { code, stderr, stdout } = await run(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /sip-rules/);
    assert.equal(stdout, '');
  }
});

test('--help and --version', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: sip-rules <command>/);
  const checkHelp = await run(['check', '--help']);
  assert.match(checkHelp.stdout, /--today YYYY-MM-DD/);
  const version = await run(['--version']);
  assert.equal(version.stdout.trim(), SIP_KIT_VERSION);
});

test('no progress bar when stderr is not a terminal', async () => {
  const input = Array.from({ length: 6000 }, () => exampleLine('pcsp')).join('\n');
  const { code, stderr, stdout } = await run(['check', '--today', '2026-11-25'], input);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.equal(stdout.trim().split('\n').length, 6000);
});

test('with worker threads the built CLI writes what one thread writes, in input order', async (t) => {
  // Worker threads need JavaScript (tsx does not load into them), so this builds the CLI the way the package build does.
  const { build } = await import('esbuild');
  const src = fileURLToPath(new URL('../src/', import.meta.url));
  const out = mkdtempSync(join(fileURLToPath(new URL('../', import.meta.url)), '.scratch-cli-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const entryPoints = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(src, f));
  await build({ entryPoints, outdir: out, outbase: src, format: 'esm', platform: 'node', target: 'es2022', logLevel: 'error' });
  const cli = join(out, 'cli', 'sip-rules.js');

  // About 6 MB: enough batches that both workers take several, with invalid, blank and CRLF lines among them.
  const types = ['se-sip', 'se-sip-child', 'se-sip-discharge', 'se-lss-ip', 'no-ip', 'pcsp'];
  const lines = Array.from({ length: 1200 }, (_, i) => {
    if (i % 97 === 5) return '{not json';
    if (i % 89 === 7) return '{"formatVersion":1}';
    if (i % 83 === 9) return '';
    const plan = JSON.parse(exampleLine(types[i % types.length] as string)) as { id: string };
    plan.id = `plan-${i}`;
    return JSON.stringify(plan) + (i % 2 ? '\r' : '');
  });
  const input = `${lines.join('\n')}\n`;
  const one = await run(['check', '--today', '2026-11-25', '--threads', '1'], input, [cli]);
  const two = await run(['check', '--today', '2026-11-25', '--threads', '3'], input, [cli]);
  assert.equal(two.stderr, '');
  assert.equal(two.code, 1);
  assert.equal(one.code, 1);
  assert.equal(two.stdout, one.stdout);
  const numbers = two.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { line: number }).line);
  assert.deepEqual(
    numbers,
    lines.flatMap((l, i) => (l === '' ? [] : [i + 1])),
  );

  // A worker that cannot start (here: its file is gone) costs speed, not results.
  rmSync(join(out, 'cli', 'check-worker.js'));
  const alone = await run(['check', '--today', '2026-11-25', '--threads', '2'], input, [cli]);
  assert.equal(alone.stdout, one.stdout);
  assert.equal(alone.code, 1);
  assert.match(alone.stderr, /no worker thread could start/);
});

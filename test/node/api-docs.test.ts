import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The generated API reference for @sip-kit/core (typedoc.json at the root).
// Runs TypeDoc's CLI as `npx typedoc` would, into a temporary folder, with JSON
// output, and checks that it succeeds and documents the main entry points.
// Warnings (undocumented exports) are reported but do not fail: the config keeps
// treatWarningsAsErrors false and validation.notExported on.

const EXPECTED = ['parsePlan', 'createPlanStore', 'createCalendar', 'checkCompleteness', 'computeDeadlines', 'redactForParty', 'evaluatePlan'];

interface Reflection {
  name: string;
  children?: Reflection[];
}

function names(node: Reflection, out = new Set<string>()): Set<string> {
  out.add(node.name);
  for (const child of node.children ?? []) names(child, out);
  return out;
}

test('TypeDoc builds the @sip-kit/core API reference with pages for the main entry points', { timeout: 120_000 }, () => {
  const config = JSON.parse(readFileSync('typedoc.json', 'utf8')) as { treatWarningsAsErrors?: boolean; validation?: { notExported?: boolean } };
  assert.equal(config.treatWarningsAsErrors, false);
  assert.equal(config.validation?.notExported, true);

  const dir = mkdtempSync(join(tmpdir(), 'sip-api-'));
  try {
    const json = join(dir, 'api.json');
    const out = join(dir, 'html');
    const run = spawnSync(
      process.execPath,
      ['node_modules/typedoc/bin/typedoc', '--options', 'typedoc.json', '--out', out, '--json', json, '--logLevel', 'Warn'],
      { encoding: 'utf8', timeout: 110_000 },
    );
    assert.equal(run.status, 0, `typedoc failed:\n${run.stdout}\n${run.stderr}`);

    const project = JSON.parse(readFileSync(json, 'utf8')) as Reflection;
    const documented = names(project);
    const missing = EXPECTED.filter((name) => !documented.has(name));
    assert.deepEqual(missing, [], `not in the API reference: ${missing.join(', ')}`);

    for (const name of EXPECTED) {
      const page = readFileSync(join(out, 'functions', `${name}.html`), 'utf8');
      assert.match(page, new RegExp(`<h1>Function ${name}</h1>`), `page for ${name}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

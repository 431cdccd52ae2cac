#!/usr/bin/env node
// `npm run bench`: prints every measured figure (sizes, throughput, timings).
// `--check` exits non-zero when a budget is broken; `--sizes` runs only the
// size section (what CI checks: timings are too noisy on shared machines).
// Each section lives in bench/<name>.bench.mjs and exports
// `run({ check }) → { failures: string[] }` after printing its own figures.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib/run.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const sizesOnly = args.includes('--sizes');

const sections = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => !sizesOnly || f === 'size.bench.mjs')
  .sort((a, b) => (a === 'size.bench.mjs' ? -1 : b === 'size.bench.mjs' ? 1 : a.localeCompare(b)));

const failures = [];
for (const file of sections) {
  console.log(`\n## ${file.replace('.bench.mjs', '')}`);
  const mod = await import(pathToFileURL(join(root, 'bench', file)).href);
  const result = await mod.run({ check });
  failures.push(...(result?.failures ?? []));
}

if (check) {
  if (failures.length) {
    console.log(`\nBudgets broken:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\nAll budgets hold.');
}

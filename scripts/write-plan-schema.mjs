#!/usr/bin/env node
// Writes docs/plan.schema.json: the plan format as JSON Schema (2020-12),
// generated from the zod schema by planJsonSchema(). Run by `npm run build`
// after core is built; `node --import tsx scripts/write-plan-schema.mjs` works
// from source too. `--check` fails instead of writing when the file is stale
// (a test checks the same thing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}packages/core/dist/index.js`;
const source = `${root}packages/core/src/model/json-schema.ts`;
let { planJsonSchema } = existsSync(dist) ? await import(pathToFileURL(dist).href) : {};
// A dist/ from before the model existed, or no build at all: use the source (needs `--import tsx`).
if (typeof planJsonSchema !== 'function') ({ planJsonSchema } = await import(pathToFileURL(source).href));

const target = `${root}docs/plan.schema.json`;
const text = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('docs/plan.schema.json is stale: run node scripts/write-plan-schema.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log('wrote docs/plan.schema.json');
}

#!/usr/bin/env node
// Writes the plan format as JSON Schema (2020-12), generated from the zod
// schema, to packages/core/src/model/plan-schema.generated.ts (what
// planJsonSchema() returns: no schema library needed at run time) and to
// docs/plan.schema.json. Runs from source, so it needs tsx:
//   node --import tsx scripts/write-plan-schema.mjs [--check]
// `npm run build` runs it before compiling; `--check` fails instead of writing
// when a file is stale (a test checks the same thing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { generatePlanJsonSchema, generatedModule } = await import(pathToFileURL(`${root}packages/core/src/model/json-schema-source.ts`).href);
const schema = generatePlanJsonSchema();

const targets = [
  [`${root}packages/core/src/model/plan-schema.generated.ts`, generatedModule(schema)],
  [`${root}docs/plan.schema.json`, `${JSON.stringify(schema, null, 2)}\n`],
];
let stale = false;
for (const [file, text] of targets) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current === text) continue;
  if (process.argv.includes('--check')) {
    console.error(`${file.slice(root.length)} is stale: run node --import tsx scripts/write-plan-schema.mjs`);
    stale = true;
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file.slice(root.length)}`);
  }
}
if (stale) process.exit(1);

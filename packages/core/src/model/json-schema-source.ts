/**
 * Generates the plan's JSON Schema from the zod schema. Used by
 * scripts/write-plan-schema.mjs (which writes plan-schema.generated.ts and
 * docs/plan.schema.json) and by the test that keeps both in step; not part of
 * the package's API, so no bundle carries zod's JSON Schema generator.
 * @internal
 * @module
 */
import type { JsonSchema } from './json-schema.js';
import { PlanSchema } from './plan.js';
import * as z from './zod.js';

/** The text of plan-schema.generated.ts for `schema`. */
export function generatedModule(schema: JsonSchema): string {
  return [
    '// GENERATED from the zod schema (model/json-schema-source.ts) — do not edit; run',
    '// node --import tsx scripts/write-plan-schema.mjs',
    '',
    '/** The plan format as JSON Schema (draft 2020-12); `planJsonSchema()` returns a copy. */',
    `const schema: Record<string, unknown> = ${JSON.stringify(schema)};`,
    'export default schema;',
    '',
  ].join('\n');
}

/** The plan format as JSON Schema (draft 2020-12), straight from `PlanSchema`. */
export function generatePlanJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(PlanSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return {
    ...schema,
    $id: 'https://sip-kit.dev/schema/plan-1.json',
    title: 'sip-kit plan',
    description: 'A coordinated individual plan (SIP, IP, person-centred plan), format version 1.',
  };
}

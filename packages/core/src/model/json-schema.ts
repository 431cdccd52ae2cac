import { PlanSchema } from './plan.js';
import * as z from './zod.js';

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = Record<string, unknown>;

/**
 * The plan format as JSON Schema (draft 2020-12), generated from the zod
 * schema, for vendors' back ends. It describes the shape: types, required keys,
 * enums, lengths and counts, date/instant formats, `additionalProperties: false`.
 * It cannot express what `parsePlan` checks on top: impossible dates such as
 * `2026-02-30` (use a validator that checks `format: date`, e.g. ajv-formats),
 * cross-references and duplicate ids. A fresh object on every call.
 */
export function planJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(PlanSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return {
    ...schema,
    $id: 'https://sip-kit.dev/schema/plan-1.json',
    title: 'sip-kit plan',
    description: 'A coordinated individual plan (SIP, IP, person-centred plan), format version 1.',
  };
}

import generated from './plan-schema.generated.js';

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = Record<string, unknown>;

/**
 * The plan format as JSON Schema (draft 2020-12), generated from the zod
 * schema, for vendors' back ends. It describes the shape: types, required keys,
 * enums, lengths and counts, date/instant formats, `additionalProperties: false`.
 * It cannot express what `parsePlan` checks on top: impossible dates such as
 * `2026-02-30` (use a validator that checks `format: date`, e.g. ajv-formats),
 * cross-references and duplicate ids. A fresh object on every call.
 *
 * Generated when the package is built (a test keeps it equal to what zod
 * generates now), so calling it needs no schema library at run time.
 */
export function planJsonSchema(): JsonSchema {
  return structuredClone(generated) as JsonSchema;
}

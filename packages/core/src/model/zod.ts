/**
 * The one place sip-kit imports zod. Schema modules use `import * as z from './zod.js'`.
 *
 * - `zod/mini` keeps the bundle small; only the functions re-exported here are
 *   used, and re-exporting them by name (not the whole namespace) lets bundlers
 *   drop the rest of zod.
 * - `jitless` stops zod from compiling validators with `new Function`, which a
 *   strict Content-Security-Policy (no `unsafe-eval`) would block and report.
 *   The call below runs whenever any schema is loaded, because every schema
 *   module imports its zod functions from this module.
 */
import * as zm from 'zod/mini';
import type { core } from 'zod/mini';

zm.config({ jitless: true });

// Bound here (not re-exported from 'zod/mini'), so the built files keep
// importing them from this module: browser bundles swap this one module for
// ./zod-lite.js (package.json "browser" field) and need every schema to go
// through it.
export const array = zm.array;
export const boolean = zm.boolean;
export const discriminatedUnion = zm.discriminatedUnion;
const enum_ = zm.enum;
export { enum_ as enum };
export const int = zm.int;
export const literal = zm.literal;
export const looseObject = zm.looseObject;
export const maxLength = zm.maxLength;
export const maximum = zm.maximum;
export const meta = zm.meta;
export const minLength = zm.minLength;
export const minimum = zm.minimum;
export const nullable = zm.nullable;
export const optional = zm.optional;
export const record = zm.record;
export const refine = zm.refine;
export const strictObject = zm.strictObject;
export const string = zm.string;
export const toJSONSchema = zm.toJSONSchema;
export const unknown = zm.unknown;
export type { infer } from 'zod/mini';

/** Any zod schema. */
export type SomeType = core.SomeType;

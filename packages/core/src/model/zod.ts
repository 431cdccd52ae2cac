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
import { config } from 'zod/mini';
import type { core } from 'zod/mini';

config({ jitless: true });

export {
  array,
  boolean,
  discriminatedUnion,
  enum,
  int,
  literal,
  looseObject,
  maxLength,
  maximum,
  meta,
  minLength,
  minimum,
  nullable,
  optional,
  record,
  refine,
  strictObject,
  string,
  toJSONSchema,
  unknown,
} from 'zod/mini';
export type { infer } from 'zod/mini';

/** Any zod schema. */
export type SomeType = core.SomeType;

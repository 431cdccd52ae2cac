/**
 * The one place sip-kit imports zod. `zod/mini` keeps the bundle small, and
 * `jitless` stops zod from compiling validators with `new Function`, which a
 * strict Content-Security-Policy (no `unsafe-eval`) would block and report.
 * Every schema module imports `z` from here so the setting is always applied
 * before any schema parses.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };

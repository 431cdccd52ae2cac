// GENERATED from packs/*.json — do not edit; edit the JSON, then run
// SIP_WRITE_PACKS=1 node --import tsx --test packages/core/test/rules-packs.test.ts
// (the build compiles TypeScript only, so the JSON packs ship through these mirrors).

/**
 * Registers every built-in pack synchronously. The default (Node) entry of
 * `@sip-kit/core` imports this; the browser entry does not, and loads packs
 * on demand with `loadBuiltinPack`.
 * @module
 */
import { registerBuiltinPacks } from './builtin.js';
import gbPcsp from './builtin-packs/gb-pcsp.js';
import noDefault from './builtin-packs/no-default.js';
import seDefault from './builtin-packs/se-default.js';
import seDischarge from './builtin-packs/se-discharge.js';
import seVarmland2014 from './builtin-packs/se-varmland-2014.js';

registerBuiltinPacks({ "gb-pcsp": gbPcsp, "no-default": noDefault, "se-default": seDefault, "se-discharge": seDischarge, "se-varmland-2014": seVarmland2014 });

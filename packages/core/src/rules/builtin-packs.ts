// GENERATED from packs/*.json — do not edit; edit the JSON, then run
// SIP_WRITE_PACKS=1 node --import tsx --test packages/core/test/rules-packs.test.ts
// (the build compiles TypeScript only, so the JSON packs ship through these mirrors).

/** Ids of the built-in rule packs. */
export const BUILTIN_PACK_IDS = ["gb-pcsp","no-default","se-default","se-discharge","se-varmland-2014"] as const;
/** One of {@link BUILTIN_PACK_IDS}. */
export type BuiltinPackId = (typeof BUILTIN_PACK_IDS)[number];

/** Loads one built-in pack's module on demand; bundlers put each pack in its own chunk. */
export const BUILTIN_PACK_LOADERS: Readonly<Record<BuiltinPackId, () => Promise<{ default: unknown }>>> = {
  "gb-pcsp": () => import('./builtin-packs/gb-pcsp.js'),
  "no-default": () => import('./builtin-packs/no-default.js'),
  "se-default": () => import('./builtin-packs/se-default.js'),
  "se-discharge": () => import('./builtin-packs/se-discharge.js'),
  "se-varmland-2014": () => import('./builtin-packs/se-varmland-2014.js'),
};

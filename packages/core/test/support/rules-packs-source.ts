/**
 * Renders `src/rules/builtin-packs.ts` from `src/rules/packs/*.json`. The JSON
 * files are the source of truth; the TS mirror exists because the build
 * (rollup + esbuild) compiles TypeScript only and cannot import `.json`.
 * `rules-packs.test.ts` fails when the mirror is stale and rewrites it when
 * run with `SIP_WRITE_PACKS=1`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../src/rules');
export const PACKS_DIR = join(RULES_DIR, 'packs');
export const MIRROR_FILE = join(RULES_DIR, 'builtin-packs.ts');

/** The JSON packs by id (without `$schema`), sorted by id. */
export function readPackFiles(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of readdirSync(PACKS_DIR).filter((n) => n.endsWith('.json')).sort()) {
    const { $schema: _schema, ...pack } = JSON.parse(readFileSync(join(PACKS_DIR, f), 'utf8')) as Record<string, unknown>;
    out[f.replace(/\.json$/, '')] = pack;
  }
  return out;
}

/** The source text of `builtin-packs.ts` for the current JSON packs. */
export function renderMirror(): string {
  const packs = readPackFiles();
  const ids = Object.keys(packs);
  const body = ids.map((id) => `  ${JSON.stringify(id)}: ${JSON.stringify(packs[id])},`).join('\n');
  return `// GENERATED from packs/*.json — do not edit; edit the JSON, then run
// SIP_WRITE_PACKS=1 node --import tsx --test packages/core/test/rules-packs.test.ts
// (the build compiles TypeScript only, so the JSON packs ship through this mirror).

/** Ids of the built-in rule packs. */
export const BUILTIN_PACK_IDS = ${JSON.stringify(ids)} as const;
/** One of {@link BUILTIN_PACK_IDS}. */
export type BuiltinPackId = (typeof BUILTIN_PACK_IDS)[number];

/** The built-in packs as JSON (validate with \`loadRulePack\`; \`getBuiltinPack\` does and caches). */
export const BUILTIN_PACK_JSON: Readonly<Record<BuiltinPackId, unknown>> = {
${body}
};
`;
}

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
export const EAGER_FILE = join(RULES_DIR, 'all-packs.ts');
export const PACK_MODULES_DIR = join(RULES_DIR, 'builtin-packs');

/** The JSON packs by id (without `$schema`), sorted by id. */
export function readPackFiles(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of readdirSync(PACKS_DIR).filter((n) => n.endsWith('.json')).sort()) {
    const { $schema: _schema, ...pack } = JSON.parse(readFileSync(join(PACKS_DIR, f), 'utf8')) as Record<string, unknown>;
    out[f.replace(/\.json$/, '')] = pack;
  }
  return out;
}

const HEADER = `// GENERATED from packs/*.json — do not edit; edit the JSON, then run
// SIP_WRITE_PACKS=1 node --import tsx --test packages/core/test/rules-packs.test.ts
// (the build compiles TypeScript only, so the JSON packs ship through these mirrors).
`;

/** A JS identifier for a pack id (\`se-default\` → \`seDefault\`). */
const identifier = (id: string) => id.replace(/[-.](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\d/, '_$&');

/**
 * Every generated file, by absolute path: one module per pack holding the pack
 * as \`loadRulePack\` returns it (validated and normalised here, at build time,
 * so browsers need not ship the pack validator); \`builtin-packs.ts\` with the
 * ids and an on-demand loader per pack (bundlers split each into its own
 * chunk); \`all-packs.ts\`, which registers every pack synchronously for Node.
 */
export function renderMirrors(load: (json: unknown) => unknown): Map<string, string> {
  const packs = readPackFiles();
  const ids = Object.keys(packs);
  const files = new Map<string, string>();
  for (const id of ids) {
    files.set(
      join(PACK_MODULES_DIR, `${id}.ts`),
      `${HEADER}
/** The built-in pack \`${id}\`, validated and normalised by \`loadRulePack\` when it was generated. */
const pack: unknown = ${JSON.stringify(load(packs[id]))};
export default pack;
`,
    );
  }
  files.set(
    MIRROR_FILE,
    `${HEADER}
/** Ids of the built-in rule packs. */
export const BUILTIN_PACK_IDS = ${JSON.stringify(ids)} as const;
/** One of {@link BUILTIN_PACK_IDS}. */
export type BuiltinPackId = (typeof BUILTIN_PACK_IDS)[number];

/** Loads one built-in pack's module on demand; bundlers put each pack in its own chunk. */
export const BUILTIN_PACK_LOADERS: Readonly<Record<BuiltinPackId, () => Promise<{ default: unknown }>>> = {
${ids.map((id) => `  ${JSON.stringify(id)}: () => import('./builtin-packs/${id}.js'),`).join('\n')}
};
`,
  );
  files.set(
    EAGER_FILE,
    `${HEADER}
/**
 * Registers every built-in pack synchronously. The default (Node) entry of
 * \`@sip-kit/core\` imports this; the browser entry does not, and loads packs
 * on demand with \`loadBuiltinPack\`.
 * @module
 */
import { registerBuiltinPacks } from './builtin.js';
${ids.map((id) => `import ${identifier(id)} from './builtin-packs/${id}.js';`).join('\n')}

registerBuiltinPacks({ ${ids.map((id) => `${JSON.stringify(id)}: ${identifier(id)}`).join(', ')} });
`,
  );
  return files;
}

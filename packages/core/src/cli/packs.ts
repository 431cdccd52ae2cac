/**
 * `sip-rules packs`: lists the built-in rule packs.
 * @module
 */
import { BUILTIN_PACK_IDS, getBuiltinPack } from '../rules/builtin.js';
import { UsageError, type Io } from './common.js';

/** Help text of `sip-rules packs`. */
export const PACKS_HELP = `Usage: sip-rules packs [--json]

Lists the built-in rule packs: id, version, jurisdiction, plan types and settings.
  --json   one JSON object per pack (NDJSON) instead of a table
`;

/** Runs `sip-rules packs`. */
export async function runPacks(args: readonly string[], io: Io): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) throw new UsageError(`unknown argument '${String(unknown[0]).slice(0, 40)}'`);
  for (const id of BUILTIN_PACK_IDS) {
    const p = getBuiltinPack(id);
    if (json) io.stdout.write(`${JSON.stringify({ id: p.id, version: p.version, jurisdiction: p.jurisdiction, planTypes: p.planTypes, title: p.title, settings: p.settings })}\n`);
    else io.stdout.write(`${p.id.padEnd(18)} ${p.version.padEnd(7)} ${p.jurisdiction}  ${p.planTypes.join(',').padEnd(34)} ${p.title ?? ''}\n`);
  }
  return 0;
}

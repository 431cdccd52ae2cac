/**
 * The built-in rule packs and the choice of a default pack for a plan.
 * @module
 */
import { SipValidationError } from '../errors.js';
import type { Jurisdiction, PlanType } from '../model/plan.js';
import { BUILTIN_PACK_IDS, BUILTIN_PACK_JSON, type BuiltinPackId } from './builtin-packs.js';
import { isRulePack, loadRulePack, type RulePack } from './pack.js';

export { BUILTIN_PACK_IDS, type BuiltinPackId } from './builtin-packs.js';

const cache = new Map<string, RulePack>();

/** True when `id` names a built-in pack. */
export function isBuiltinPackId(id: unknown): id is BuiltinPackId {
  return typeof id === 'string' && (BUILTIN_PACK_IDS as readonly string[]).includes(id);
}

/**
 * A built-in pack by id, validated once and cached:
 * `se-default`, `se-varmland-2014`, `se-discharge`, `no-default`, `gb-pcsp`.
 * @throws SipValidationError `pack-unknown`
 */
export function getBuiltinPack(id: BuiltinPackId): RulePack {
  if (!isBuiltinPackId(id)) {
    throw new SipValidationError([
      { path: ['pack'], code: 'pack-unknown', message: `No built-in rule pack '${String(id).slice(0, 64)}' (known: ${BUILTIN_PACK_IDS.join(', ')})`, params: { pack: String(id).slice(0, 64) } },
    ]);
  }
  let pack = cache.get(id);
  if (!pack) {
    pack = loadRulePack(BUILTIN_PACK_JSON[id]);
    cache.set(id, pack);
  }
  return pack;
}

// Plan type first (a Swedish discharge plan gets the discharge pack), then jurisdiction.
const BY_TYPE: Readonly<Partial<Record<PlanType, BuiltinPackId>>> = {
  'se-sip': 'se-default',
  'se-sip-child': 'se-default',
  'se-lss-ip': 'se-default',
  'se-sip-discharge': 'se-discharge',
  'no-ip': 'no-default',
  pcsp: 'gb-pcsp',
};
const BY_JURISDICTION: Readonly<Record<Jurisdiction, BuiltinPackId>> = { SE: 'se-default', NO: 'no-default', GB: 'gb-pcsp' };

/**
 * The built-in pack used when none is given: by plan type (`se-sip-discharge`
 * → `se-discharge`, `no-ip` → `no-default`, `pcsp` → `gb-pcsp`, other `se-*` →
 * `se-default`), else by jurisdiction.
 */
export function defaultPackFor(plan: { type?: PlanType; jurisdiction?: Jurisdiction }): RulePack {
  const byType = plan.type !== undefined ? BY_TYPE[plan.type] : undefined;
  return getBuiltinPack(byType ?? BY_JURISDICTION[plan.jurisdiction ?? 'SE'] ?? 'se-default');
}

/**
 * Resolves the `pack` option of the evaluation functions: a pack object (from
 * `loadRulePack`/`extendPack`/`getBuiltinPack`), a built-in id, or nothing (the
 * default for `plan`).
 * @throws SipValidationError `pack-unknown` / `pack-invalid`
 */
export function resolvePack(pack: RulePack | BuiltinPackId | undefined, plan: { type?: PlanType; jurisdiction?: Jurisdiction }): RulePack {
  if (pack === undefined) return defaultPackFor(plan);
  if (typeof pack === 'string') return getBuiltinPack(pack);
  if (isRulePack(pack)) return pack;
  throw new SipValidationError([{ path: ['pack'], code: 'pack-invalid', message: 'pack must be a built-in id or a pack from loadRulePack()' }]);
}

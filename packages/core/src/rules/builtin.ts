/**
 * The built-in rule packs and the choice of a default pack for a plan.
 * @module
 */
import { SipValidationError } from '../errors.js';
import type { Jurisdiction, PlanType } from '../model/plan.js';
import { BUILTIN_PACK_IDS, BUILTIN_PACK_LOADERS, type BuiltinPackId } from './builtin-packs.js';
import { deepFreeze, isRulePack, markValidated, type RulePack } from './pack.js';

export { BUILTIN_PACK_IDS, type BuiltinPackId } from './builtin-packs.js';

/** Packs ready for synchronous use, by id. */
const loaded = new Map<string, RulePack>();
/** Pack JSON registered but not yet frozen (Node registers all five at start; freezing waits for first use). */
const registered = new Map<string, unknown>();
const pending = new Map<string, Promise<RulePack>>();

/** True when `id` names a built-in pack. */
export function isBuiltinPackId(id: unknown): id is BuiltinPackId {
  return typeof id === 'string' && (BUILTIN_PACK_IDS as readonly string[]).includes(id);
}

function unknownPack(id: unknown): SipValidationError {
  return new SipValidationError([
    { path: ['pack'], code: 'pack-unknown', message: `No built-in rule pack '${String(id).slice(0, 64)}' (known: ${BUILTIN_PACK_IDS.join(', ')})`, params: { pack: String(id).slice(0, 64) } },
  ]);
}

/**
 * Makes built-in packs available synchronously. The packs were validated by
 * `loadRulePack` when they were generated (a test keeps them in step), so
 * they are only frozen here, not validated again. Called by the Node entry
 * for all packs and by {@link loadBuiltinPack}.
 * @internal
 */
export function registerBuiltinPacks(json: Readonly<Partial<Record<BuiltinPackId, unknown>>>): void {
  for (const [id, value] of Object.entries(json)) if (isBuiltinPackId(id) && !loaded.has(id)) registered.set(id, value);
}

/** True when built-in pack `id` can be used synchronously (always in Node; in browsers after {@link loadBuiltinPack}). */
export function isBuiltinPackLoaded(id: BuiltinPackId): boolean {
  return loaded.has(id) || registered.has(id);
}

/**
 * A built-in pack by id, ready for the synchronous evaluation functions:
 * `se-default`, `se-varmland-2014`, `se-discharge`, `no-default`, `gb-pcsp`.
 * In Node every pack is there from the start. The browser entry of
 * `@sip-kit/core` ships none up front (they are most of its weight): `await
 * loadBuiltinPack(id)` first.
 * @throws SipValidationError `pack-unknown`, or `pack-not-loaded` in a browser before {@link loadBuiltinPack}
 */
export function getBuiltinPack(id: BuiltinPackId): RulePack {
  if (!isBuiltinPackId(id)) throw unknownPack(id);
  let pack = loaded.get(id);
  if (!pack) {
    if (!registered.has(id)) {
      throw new SipValidationError([
        { path: ['pack'], code: 'pack-not-loaded', message: `The built-in rule pack '${id}' is not loaded yet: await loadBuiltinPack('${id}') first (browsers load packs on demand)`, params: { pack: id } },
      ]);
    }
    pack = markValidated(deepFreeze(registered.get(id)) as RulePack);
    registered.delete(id);
    loaded.set(id, pack);
  }
  return pack;
}

/**
 * Loads a built-in pack (in browsers, its own small chunk, fetched once) and
 * resolves to it; afterwards {@link getBuiltinPack} and every evaluation with
 * that pack work synchronously. Resolves at once when it is already there.
 * @throws SipValidationError `pack-unknown` (as a rejection)
 */
export function loadBuiltinPack(id: BuiltinPackId): Promise<RulePack> {
  if (!isBuiltinPackId(id)) return Promise.reject(unknownPack(id));
  if (isBuiltinPackLoaded(id)) return Promise.resolve(getBuiltinPack(id));
  let p = pending.get(id);
  if (!p) {
    p = BUILTIN_PACK_LOADERS[id]().then(
      (module) => {
        registerBuiltinPacks({ [id]: module.default });
        return getBuiltinPack(id);
      },
      (error: unknown) => {
        pending.delete(id); // a failed fetch (offline) may be retried
        throw error;
      },
    );
    pending.set(id, p);
  }
  return p;
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
  return getBuiltinPack(defaultPackIdFor(plan));
}

/** The id of the pack {@link defaultPackFor} gives (to {@link loadBuiltinPack} it ahead of use). */
export function defaultPackIdFor(plan: { type?: PlanType; jurisdiction?: Jurisdiction }): BuiltinPackId {
  const byType = plan.type !== undefined ? BY_TYPE[plan.type] : undefined;
  return byType ?? BY_JURISDICTION[plan.jurisdiction ?? 'SE'] ?? 'se-default';
}

/**
 * Resolves the `pack` option of the evaluation functions: a pack object (from
 * `loadRulePack`/`extendPack`/`getBuiltinPack`), a built-in id, or nothing (the
 * default for `plan`).
 * @throws SipValidationError `pack-unknown` / `pack-invalid` / `pack-not-loaded`
 */
export function resolvePack(pack: RulePack | BuiltinPackId | undefined, plan: { type?: PlanType; jurisdiction?: Jurisdiction }): RulePack {
  if (pack === undefined) return defaultPackFor(plan);
  if (typeof pack === 'string') return getBuiltinPack(pack);
  if (isRulePack(pack)) return pack;
  throw new SipValidationError([{ path: ['pack'], code: 'pack-invalid', message: 'pack must be a built-in id or a pack from loadRulePack()' }]);
}

import {
  defaultPackIdFor,
  getBuiltinPack,
  isBuiltinPackId,
  isBuiltinPackLoaded,
  isLocaleLoaded,
  loadBuiltinPack,
  loadLocale,
  type IsoDate,
  type Locale,
  type Plan,
  type RulePack,
} from '@sip-kit/core';
import { coreEvaluate } from './core-rules.js';
import type { PlanFeedback, RulesService } from './services.js';

/** How to build a {@link RulesService}. */
export interface RulesServiceOptions {
  /** A built-in pack id, e.g. `se-default`, or a pack from `loadRulePack`/`extendPack` (absent: the plan type's default pack). */
  pack?: string | RulePack;
  /** The day counted as today (default: the local calendar day). */
  today?: IsoDate;
  /**
   * The evaluation itself: completeness and deadlines for one plan, from core's
   * compiled evaluator. Elements never compute rules themselves.
   */
  evaluate?: (plan: Plan, today: IsoDate, locale?: Locale) => PlanFeedback;
}

/** Today's local calendar day as `YYYY-MM-DD` (the day the person at the screen lives in). */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const NO_FEEDBACK: PlanFeedback = Object.freeze({ complete: true, missing: [], deadlines: [] }) as PlanFeedback;
const PENDING: PlanFeedback = Object.freeze({ complete: false, missing: [], deadlines: [], pending: true }) as PlanFeedback;

/**
 * A rules service that evaluates each plan object once (plans are immutable,
 * so the result is memoised per object) and never throws: a broken pack gives
 * no feedback rather than a broken page. Built-in packs and core's messages
 * load on demand (in browsers each is a small chunk): until they are there,
 * `feedback` is empty and `prepare` says what to wait for.
 */
export function createRulesService(options: RulesServiceOptions = {}): RulesService {
  const today = options.today ?? localToday();
  const pack = options.pack;
  const evaluate = options.evaluate ?? ((plan, day, locale) => coreEvaluate(plan, day, pack, locale));
  const cache = new WeakMap<Plan, Map<string, PlanFeedback>>();
  const loading = new Map<string, Promise<void>>();
  // The built-in pack `plan` needs: the named one, or the plan type's default; none for a pack object.
  const builtinFor = (plan: Plan) => (typeof pack === 'string' ? (isBuiltinPackId(pack) ? pack : undefined) : pack ? undefined : defaultPackIdFor(plan));
  const prepare = (plan: Plan, locale?: Locale): Promise<void> | undefined => {
    if (options.evaluate) return undefined; // the host evaluates; nothing of ours to load
    const id = builtinFor(plan);
    const needPack = id !== undefined && !isBuiltinPackLoaded(id);
    const messages = locale ?? plan.locale;
    const needMessages = messages !== undefined && !isLocaleLoaded(messages);
    if (!needPack && !needMessages) return undefined;
    // One promise per (pack, locale), so every render asks for the same wait.
    const key = `${needPack ? id : ''}|${needMessages ? messages : ''}`;
    let ready = loading.get(key);
    if (!ready) {
      ready = Promise.all([needPack ? loadBuiltinPack(id) : undefined, needMessages ? loadLocale(messages) : undefined]).then(() => undefined);
      const settled = () => loading.delete(key);
      ready.then(settled, settled);
      loading.set(key, ready);
    }
    return ready;
  };
  return {
    packId: typeof pack === 'string' ? pack : pack?.id,
    today,
    prepare,
    packFor(plan: Plan): RulePack | undefined {
      if (pack !== undefined && typeof pack !== 'string') return pack;
      const id = builtinFor(plan);
      return id && isBuiltinPackLoaded(id) ? getBuiltinPack(id) : undefined;
    },
    feedback(plan: Plan, locale?: Locale): PlanFeedback {
      // Not memoised while the pack or the messages are still loading: the answer would be stale.
      if (prepare(plan, locale)) return PENDING;
      let perLocale = cache.get(plan);
      if (!perLocale) cache.set(plan, (perLocale = new Map()));
      let result = perLocale.get(locale ?? '');
      if (!result) {
        try {
          result = evaluate(plan, today, locale);
        } catch (error) {
          console.warn('sip-kit: the rules could not evaluate this plan', error);
          result = NO_FEEDBACK;
        }
        perLocale.set(locale ?? '', result);
      }
      return result;
    },
  };
}

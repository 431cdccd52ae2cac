import type { IsoDate, Locale, Plan, RulePack } from '@sip-kit/core';
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

/**
 * A rules service that evaluates each plan object once (plans are immutable,
 * so the result is memoised per object) and never throws: a broken pack gives
 * no feedback rather than a broken page.
 */
export function createRulesService(options: RulesServiceOptions = {}): RulesService {
  const today = options.today ?? localToday();
  const pack = options.pack;
  const evaluate = options.evaluate ?? ((plan, day, locale) => coreEvaluate(plan, day, pack, locale));
  const cache = new WeakMap<Plan, Map<string, PlanFeedback>>();
  return {
    packId: typeof pack === 'string' ? pack : pack?.id,
    today,
    feedback(plan: Plan, locale?: Locale): PlanFeedback {
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

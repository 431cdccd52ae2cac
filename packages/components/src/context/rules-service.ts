import type { IsoDate, Plan } from '@sip-kit/core';
import type { PlanFeedback, RulesService } from './services.js';

/** How to build a {@link RulesService}. */
export interface RulesServiceOptions {
  /** The pack's id, e.g. `se-default` (absent: the plan type's default pack). */
  packId?: string;
  /** The day counted as today (default: the local calendar day). */
  today?: IsoDate;
  /**
   * The evaluation itself: completeness and deadlines for one plan, from core's
   * compiled evaluator. Elements never compute rules themselves.
   */
  evaluate?: (plan: Plan, today: IsoDate) => PlanFeedback;
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
  const evaluate = options.evaluate ?? defaultEvaluate;
  const cache = new WeakMap<Plan, PlanFeedback>();
  return {
    packId: options.packId,
    today,
    feedback(plan: Plan): PlanFeedback {
      let result = cache.get(plan);
      if (!result) {
        try {
          result = evaluate(plan, today);
        } catch (error) {
          console.warn('sip-kit: the rules could not evaluate this plan', error);
          result = NO_FEEDBACK;
        }
        cache.set(plan, result);
      }
      return result;
    },
  };
}

/** Until core's `checkCompleteness`/`computeDeadlines` are wired in, no feedback. */
function defaultEvaluate(_plan: Plan, _today: IsoDate): PlanFeedback {
  return NO_FEEDBACK;
}

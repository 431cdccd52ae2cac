import { checkCompleteness, computeDeadlines, resolvePack, type BuiltinPackId, type IsoDate, type Locale, type Plan, type RulePack } from '@sip-kit/core';
import type { PlanFeedback } from './services.js';

/**
 * Completeness and deadlines for `plan` from core's rules (`checkCompleteness`
 * and `computeDeadlines`, on the compiled — synchronous — evaluator). The only
 * place the components call the rules; they never decide a rule themselves.
 * @param plan - The plan.
 * @param today - The day deadlines are judged on.
 * @param pack - A pack or built-in pack id; default the plan type's pack.
 * @param locale - Language of the messages; default the plan's.
 */
export function coreEvaluate(plan: Plan, today: IsoDate, pack?: RulePack | string, locale?: Locale): PlanFeedback {
  const resolved = resolvePack(pack as RulePack | BuiltinPackId | undefined, plan);
  const completeness = checkCompleteness(plan, { pack: resolved, today, ...(locale ? { locale } : {}) });
  const deadlines = computeDeadlines(plan, { today, pack: resolved });
  return { complete: completeness.complete, missing: completeness.missing, deadlines };
}

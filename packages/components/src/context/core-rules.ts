import type { IsoDate, Plan } from '@sip-kit/core';
import type { PlanFeedback } from './services.js';

/**
 * Completeness and deadlines for `plan` from core's rules (`checkCompleteness`
 * and `computeDeadlines`, compiled evaluator). The only place the components
 * touch the rules API.
 */
export function coreEvaluate(_plan: Plan, _today: IsoDate, _packId?: string): PlanFeedback {
  // TEMPORARY: core's checkCompleteness/computeDeadlines have not landed yet.
  return { complete: true, missing: [], deadlines: [] };
}

import { SipValidationError, type SipIssue } from '../errors.js';
import { checkPlan } from './check.js';
import { issue, mapZodIssues } from './issues.js';
import { type Plan, PlanSchema } from './plan.js';
import { sanitize } from './sanitize.js';

/** Result of {@link safeParsePlan}. */
export type SafeParsePlanResult = { success: true; data: Plan } | { success: false; error: SipValidationError };

/** At most this many issues are reported for one input. */
const MAX_REPORTED = 100;

/**
 * The issues that make `input` not a valid plan, in three passes: plain data
 * (see `sanitize`), shape (the zod schema), then references and consistency.
 * Each pass runs only when the one before found nothing. Never throws.
 */
export function planIssues(input: unknown): { plan?: Plan; issues: SipIssue[] } {
  try {
    const clean = sanitize(input);
    if (!clean.ok) return { issues: clean.issues.slice(0, MAX_REPORTED) };
    const parsed = PlanSchema.safeParse(clean.value);
    if (!parsed.success) return { issues: mapZodIssues(parsed.error.issues, clean.value).slice(0, MAX_REPORTED) };
    const issues = checkPlan(parsed.data).slice(0, MAX_REPORTED);
    return issues.length ? { issues } : { plan: parsed.data, issues };
  } catch {
    // Should be unreachable: sanitize copies into plain data first.
    return { issues: [issue([], 'unreadable')] };
  }
}

/**
 * Validates untrusted input as a {@link Plan} and returns a fresh plain-data copy.
 * Throws only {@link SipValidationError}, whatever the input: unknown keys are
 * refused (`unknown-key`), `__proto__`/`constructor`/`prototype` keys are
 * refused (`forbidden-key`), and references must point inside the plan.
 */
export function parsePlan(input: unknown): Plan {
  const { plan, issues } = planIssues(input);
  if (plan) return plan;
  throw new SipValidationError(issues);
}

/** Like {@link parsePlan}, but returns the error instead of throwing it. */
export function safeParsePlan(input: unknown): SafeParsePlanResult {
  const { plan, issues } = planIssues(input);
  return plan ? { success: true, data: plan } : { success: false, error: new SipValidationError(issues) };
}

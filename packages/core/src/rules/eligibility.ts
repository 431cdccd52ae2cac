/**
 * Eligibility: whether the law obliges the parties to make a plan, whether it
 * may be made (consent), and whether the person belongs to a group presumed to
 * need one — decided by the pack's `eligibility` rules.
 * @module
 */
import { SipValidationError } from '../errors.js';
import { JURISDICTIONS } from '../model/plan.js';
import { SECTORS } from '../model/party.js';
import * as z from 'zod/mini';
import { resolvePack, type BuiltinPackId } from './builtin.js';
import type { RuleResult } from './engine/types.js';
import { compilePack } from './evaluator.js';
import { eligibilityFacts, type EligibilityInput } from './facts.js';
import type { RulePack } from './pack.js';

export type { EligibilityInput } from './facts.js';

// zod must never compile validators with `new Function` (strict CSP); this module may load before the model.
z.config({ jitless: true });

/** Result of {@link evaluateEligibility}. */
export interface EligibilityResult {
  /** The parties must make a plan (SE: both sectors and one party judges it needed; NO: the right to an IP). */
  obligation: boolean;
  /** The plan may be made now: an obligation (or, where never compulsory, a wish) and valid consent. */
  mayEstablish: boolean;
  /** The person belongs to a group presumed to need a plan: prompts an assessment, does not replace one. */
  presumedNeed: boolean;
  /** Reason codes in the pack's rule order, e.g. `needs-both-sectors`, `consent-given` (see docs/rules.md). */
  reasons: string[];
}

/** Options of {@link evaluateEligibility}. */
export interface EligibilityOptions {
  /** A pack, a built-in id, or nothing for the jurisdiction's default pack. */
  pack?: RulePack | BuiltinPackId;
}

const MAX_LIST = 200;
const short = z.string().check(z.maxLength(200));

/** The zod schema of {@link EligibilityInput}; unknown keys are refused so a typo is never silently ignored. */
export const eligibilityInputSchema = z.strictObject({
  jurisdiction: z.enum(JURISDICTIONS),
  needs: z.array(z.enum(SECTORS)).check(z.maxLength(MAX_LIST)),
  assessments: z.array(z.strictObject({ party: short, planNeeded: z.boolean() })).check(z.maxLength(MAX_LIST)),
  consent: z.enum(['given', 'refused', 'withdrawn', 'not-asked']),
  person: z.strictObject({ age: z.number().check(z.minimum(0), z.maximum(150)) }),
  guardianConsents: z.optional(z.array(z.enum(['given', 'refused', 'not-asked'])).check(z.maxLength(10))),
  personRequested: z.optional(z.boolean()),
  presumedNeedGroups: z.optional(z.array(short).check(z.maxLength(MAX_LIST))),
  longTerm: z.optional(z.boolean()),
});

/** Validates eligibility input. @throws SipValidationError `eligibility-input-invalid` */
export function parseEligibilityInput(input: unknown): EligibilityInput {
  const parsed = eligibilityInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new SipValidationError(
    parsed.error.issues.slice(0, 50).map((i) => ({
      path: i.path.map((k) => (typeof k === 'number' ? k : String(k))),
      code: 'eligibility-input-invalid',
      message: i.message,
    })),
  );
}

/** Turns `eligibility` events into an {@link EligibilityResult}. */
export function interpretEligibility(result: RuleResult): EligibilityResult {
  const out: EligibilityResult = { obligation: false, mayEstablish: false, presumedNeed: false, reasons: [] };
  for (const event of result.events) {
    const p = event.params ?? {};
    if (p.flag === 'obligation' || p.flag === 'mayEstablish' || p.flag === 'presumedNeed') out[p.flag] = true;
    else if (typeof p.reason === 'string' && !out.reasons.includes(p.reason)) out.reasons.push(p.reason);
  }
  return out;
}

/**
 * Eligibility under the pack for `facts.jurisdiction` (or `options.pack`):
 * `{ obligation, mayEstablish, presumedNeed, reasons }`. Synchronous.
 * SE: an obligation when needs include both `health-care` and
 * `social-services` and one party judges a plan needed; consent is the
 * adult's own, or every listed guardian's for a child (`child-objects` reports
 * the child's own objection). NO: a right to an IP with needs from at least
 * two services and `longTerm`, and a coordinator must always be offered.
 * GB: never compulsory.
 * @throws SipValidationError for invalid input (`eligibility-input-invalid`).
 */
export function evaluateEligibility(facts: EligibilityInput, options: EligibilityOptions = {}): EligibilityResult {
  const input = parseEligibilityInput(facts);
  const pack = resolvePack(options.pack, { jurisdiction: input.jurisdiction });
  return interpretEligibility(compilePack(pack).run('eligibility', eligibilityFacts(input, pack)));
}

/**
 * Rules: rule packs (regional, configurable JSON), their evaluation —
 * eligibility, deadlines, completeness — consent checks, and the rule machinery
 * underneath. Everything here is synchronous and uses the compiled evaluator;
 * the `*Async` functions can also run the json-rules-engine reference.
 * See docs/rules.md.
 * @module
 */
export * from './engine/index.js';
export {
  DEADLINE_EACH,
  DEADLINE_FROM,
  DEADLINE_MET_BY,
  DEADLINE_UNITS,
  ELIGIBILITY_FLAGS,
  PACK_EVENT_TYPES,
  isRulePack,
  packRules,
  type EligibilityFlag,
  type PackDomain,
  type PackOverrides,
  type PackSettings,
  type RulePack,
} from './pack.js';
export { extendPack, loadRulePack, rulePackShapeSchema } from './load-pack.js';
export {
  BUILTIN_PACK_IDS,
  defaultPackFor,
  defaultPackIdFor,
  getBuiltinPack,
  isBuiltinPackId,
  isBuiltinPackLoaded,
  loadBuiltinPack,
  resolvePack,
  type BuiltinPackId,
} from './builtin.js';
export {
  compilePack,
  createPackReference,
  loadReference,
  packCalendar,
  type AsyncPackEvaluator,
  type CompiledPack,
  type ReferenceModule,
} from './evaluator.js';
export { ageOn, completenessFacts, deadlineFacts, eligibilityFacts, eligibilityInputFromPlan, type EligibilityInput } from './facts.js';
export {
  eligibilityInputSchema,
  evaluateEligibility,
  parseEligibilityInput,
  type EligibilityOptions,
  type EligibilityResult,
} from './eligibility.js';
export { checkCompleteness, type CompletenessOptions, type CompletenessResult, type MissingItem } from './completeness.js';
export { computeDeadlines, type Deadline, type DeadlineKind, type DeadlineOptions, type DeadlineStatus } from './deadlines.js';
export { CALLED_PARTY_KINDS, MEETING_TIME_ZONES, absentCalledParties, defaultInvitationMode, localInstant, type AbsentCalledOptions, type AbsentCalledParty } from './meetings.js';
export {
  SHARE_REASONS,
  canShare,
  consentsInForce,
  missingPlanConsent,
  type CanShareOptions,
  type RedactedPlan,
  type Redaction,
  type ShareDecision,
  type ShareReason,
  type WithheldPerson,
} from './consent.js';
export { redactForParty } from './redact.js';
export { CONSENT_WARNING_CODES, DEFAULT_CONSENT_EXPIRY_WARNING_WORKING_DAYS, consentWarnings, type ConsentWarning, type ConsentWarningCode, type ConsentWarningOptions } from './consent-warnings.js';
export {
  evaluateEligibilityAsync,
  evaluateMany,
  evaluateManyAsync,
  evaluatePlan,
  evaluatePlanAsync,
  type AsyncEvaluateOptions,
  type BatchEntry,
  type EngineChoice,
  type EvaluateManyOptions,
  type EvaluateOptions,
  type PartySharing,
  type PlanEvaluation,
} from './evaluate.js';

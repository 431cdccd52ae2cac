/**
 * The plan model: zod schemas, inferred types, limits, parsing and creation.
 * @module
 */
export * from './limits.js';
export {
  ALLOWED_URL_SCHEMES,
  HttpsUrlSchema,
  IdSchema,
  InstantSchema,
  IsoDateSchema,
  isAllowedUrl,
  isId,
  isInstant,
  type Instant,
} from './primitives.js';
export * from './person.js';
export * from './party.js';
export * from './goal.js';
export * from './intervention.js';
export * from './meeting.js';
export * from './consent.js';
export * from './follow-up.js';
export * from './audit.js';
export * from './plan.js';
export { ISSUE_CODES, type IssueCode } from './issues.js';
export { checkPlan } from './check.js';
export { parsePlan, safeParsePlan, planIssues, type SafeParsePlanResult } from './parse.js';
export {
  createPlan,
  createId,
  DEFAULT_PLAN_LOCALE,
  type PlanInit,
  type PersonInput,
  type GoalInput,
  type InterventionInput,
  type MeetingInput,
  type ConsentInput,
  type FollowUpInput,
  type WithOptionalId,
} from './create.js';
export { planJsonSchema, type JsonSchema } from './json-schema.js';

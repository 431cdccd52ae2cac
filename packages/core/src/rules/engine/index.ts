/**
 * The rule-evaluation machinery behind rule packs: the rule format (a subset
 * of json-rules-engine's), its validation, custom operators, and the compiled
 * evaluator. The json-rules-engine reference evaluator lives in the separate
 * entry `@sip-kit/core/reference` so that it never enters a browser bundle.
 * @module
 */
export type {
  AllConditions,
  AnyConditions,
  ConditionReference,
  FactReference,
  Facts,
  JsonObject,
  JsonValue,
  LeafCondition,
  NamedConditions,
  NestedCondition,
  NotConditions,
  Rule,
  RuleCondition,
  RuleEvent,
  RuleResult,
  TopLevelCondition,
  UndefinedFactsPolicy,
} from './types.js';
export { LIMITS as RULE_LIMITS } from './limits.js';
export { parsePath, type ParsedPath, type PathProblem } from './paths.js';
export {
  BUILTIN_OPERATOR_NAMES,
  DECORATOR_NAMES,
  WORKING_DAY_OPERATOR_NAMES,
  createOperators,
  createWorkingDayOperators,
  defineOperator,
  planOperators,
  type DefineOperatorOptions,
  type OperatorContext,
  type OperatorDefinition,
  type OperatorFn,
  type WorkingDayCounter,
} from './operators.js';
export {
  createRuleSchema,
  createRulesSchema,
  parseRules,
  ruleSchema,
  rulesSchema,
  validateRuleSet,
  type RuleSetOptions,
  type RulesSchemaOptions,
  type ValidatedRuleSet,
} from './schema.js';
export { compileRules, type CompileOptions, type CompiledRules } from './compile.js';

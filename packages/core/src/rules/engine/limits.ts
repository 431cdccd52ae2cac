/**
 * Documented bounds on rule JSON. A hostile or broken rule pack is refused
 * (`rule-too-large`, `rule-too-deep`, `rule-too-long`) before any recursive
 * code sees it, so validation and compilation can never exhaust the stack or
 * spend unbounded time. Real packs are tiny (tens of rules, depth < 6).
 * @module
 */

/** The bounds on rule JSON (exported as `RULE_LIMITS`); exceeding one is a `SipValidationError`. */
export const LIMITS = {
  /** Rules in one rule set. */
  rules: 1000,
  /** Named shared conditions in one rule set. */
  namedConditions: 200,
  /** Nesting of all/any/not nodes (a leaf under `{ all: [...] }` is depth 2). */
  conditionDepth: 32,
  /** Sub-conditions in one `all`/`any`. */
  conditionsPerNode: 200,
  /** Nesting of any JSON value (objects and arrays) in the input. */
  jsonDepth: 100,
  /** JSON nodes (objects, arrays, primitives) in the whole input. */
  jsonNodes: 100_000,
  /** Characters in any one string (names, types, literals). */
  stringLength: 10_000,
  /** Characters in a `path`. */
  pathLength: 256,
  /** Steps in a `path`. */
  pathSteps: 32,
  /** Characters in a fact, condition, operator or event-type name. */
  nameLength: 128,
  /** Decorators on one operator (`not:everyFact:equal` has two). */
  decorators: 4,
  /** Largest `priority`. */
  priority: 1_000_000,
} as const;

/**
 * Types of the rule format: the subset of json-rules-engine's JSON rule format
 * that both sip-kit evaluators (the compiled one and the json-rules-engine
 * reference) support with identical results. See docs/rules-engine.md.
 * @module
 */

/** A JSON value: what rule literals, event params and facts are made of. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * The input of an evaluation: one precomputed, plain JSON value per fact name.
 * sip-kit facts are data, never functions (json-rules-engine's dynamic facts
 * are not part of the format), so both evaluators see exactly the same values.
 */
export type Facts = Readonly<Record<string, JsonValue | undefined>>;

/**
 * The right-hand side of a leaf condition when it is another fact rather than
 * a literal: `{ fact, path? }`. `params` is accepted for json-rules-engine
 * compatibility and ignored (facts are constants, params only feed dynamic facts).
 */
export interface FactReference {
  /** Name of the fact to compare against. */
  fact: string;
  /** Optional JSONPath (sip-kit subset) into that fact's value. */
  path?: string;
  /** Accepted and ignored: constant facts take no parameters. */
  params?: JsonObject;
}

/**
 * A leaf condition: `<fact at path> <operator> <value>`.
 * `value` is a JSON literal, or a {@link FactReference} (any object with an
 * own `fact` key is a reference, exactly as in json-rules-engine).
 */
export interface LeafCondition {
  /** Name of the fact on the left-hand side. */
  fact: string;
  /** Operator name, optionally decorated: `not:equal`, `everyFact:greaterThan`. */
  operator: string;
  /** Literal to compare with, or another fact. */
  value: JsonValue | FactReference;
  /** Optional JSONPath (sip-kit subset) into the fact's value. */
  path?: string;
  /** Accepted and ignored: constant facts take no parameters. */
  params?: JsonObject;
  /** Evaluation-order hint in json-rules-engine; no effect on results. */
  priority?: number;
  /** Free label, carried for readability. */
  name?: string;
}

/** `{ all: [...] }` — true when every sub-condition is true (true when empty). */
export interface AllConditions {
  all: NestedCondition[];
  /** Evaluation-order hint in json-rules-engine; no effect on results. */
  priority?: number;
  /** Free label, carried for readability. */
  name?: string;
}

/** `{ any: [...] }` — true when some sub-condition is true. NB: an EMPTY `any` is true, as in json-rules-engine. */
export interface AnyConditions {
  any: NestedCondition[];
  /** Evaluation-order hint in json-rules-engine; no effect on results. */
  priority?: number;
  /** Free label, carried for readability. */
  name?: string;
}

/** `{ not: condition }` — negates exactly one sub-condition (not an array). */
export interface NotConditions {
  not: NestedCondition;
  /** Evaluation-order hint in json-rules-engine; no effect on results. */
  priority?: number;
  /** Free label, carried for readability. */
  name?: string;
}

/** `{ condition: 'name' }` — a reference to a named shared condition. */
export interface ConditionReference {
  condition: string;
  /** Evaluation-order hint in json-rules-engine; no effect on results. */
  priority?: number;
  /** Free label, carried for readability. */
  name?: string;
}

/** The root of a rule's `conditions` or of a named condition: never a bare leaf. */
export type TopLevelCondition = AllConditions | AnyConditions | NotConditions | ConditionReference;

/** Any condition node: a boolean node, a reference, or a leaf. */
export type NestedCondition = TopLevelCondition | LeafCondition;

/** Alias kept for readers who know json-rules-engine's type names. */
export type RuleCondition = NestedCondition;

/** What a rule emits: its `event`, reported as a success or failure event. */
export interface RuleEvent {
  /** Event type, e.g. a reason code such as `needs-both-sectors`. */
  type: string;
  /** Optional JSON payload (a plain object). Literal: facts are not substituted. */
  params?: JsonObject;
}

/** One rule in json-rules-engine's format (sip-kit subset). */
export interface Rule {
  /** Optional label; not reported in results. */
  name?: string;
  /** Optional human description for pack authors; ignored by evaluators. */
  description?: string;
  /** Root condition. */
  conditions: TopLevelCondition;
  /** Emitted to `events` when the conditions hold, to `failureEvents` otherwise. */
  event: RuleEvent;
  /** Positive integer, default 1. Higher priorities' events come first. */
  priority?: number;
}

/** Named shared conditions that rules reference with `{ condition: name }`. */
export type NamedConditions = Readonly<Record<string, TopLevelCondition>>;

/**
 * The outcome of one evaluation. Events appear ordered by rule priority
 * (highest first) and, within one priority, in the order the rules were
 * declared. Both evaluators return this exact shape.
 */
export interface RuleResult {
  /** Events of the rules whose conditions held. */
  events: RuleEvent[];
  /** Events of the rules whose conditions did not hold. */
  failureEvents: RuleEvent[];
}

/**
 * What to do when a fact a rule names is missing from the facts object.
 * `'allow'` (default): the fact's value is `undefined` — json-rules-engine's
 * `allowUndefinedFacts: true`. `'error'`: throw `SipValidationError` with code
 * `rule-fact-missing` before evaluating anything.
 */
export type UndefinedFactsPolicy = 'allow' | 'error';

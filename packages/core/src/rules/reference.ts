/**
 * `@sip-kit/core/reference` — the reference evaluator: the same rule JSON run
 * through json-rules-engine 7 itself.
 *
 * This is the ONLY module that imports json-rules-engine (CommonJS, ~22.5 kB
 * gzip). It is a separate package entry for Node and bundlers and must never
 * be reachable from `@sip-kit/core`'s main entry; browsers and batches use the
 * compiled evaluator (`compileRules`), which a differential test keeps
 * identical to this one.
 *
 * Three things are fixed around json-rules-engine so that results are
 * well-defined and total — and the compiled evaluator does exactly the same:
 * 1. A FRESH `Engine` per evaluation. `Engine#run` keeps its status on the
 *    instance: when one of two overlapping runs finishes it marks the engine
 *    FINISHED and the other run silently skips its remaining priority groups,
 *    dropping their events. One engine per run cannot overlap.
 * 2. `allowUndefinedFacts: true`: a missing fact reads as `undefined` instead
 *    of rejecting the run (or, with `undefinedFacts: 'error'`, every fact is
 *    checked before running and a `SipValidationError` is thrown).
 * 3. Every operator json-rules-engine resolves (built-in, decorated or
 *    custom) is wrapped so that a throw makes the condition false instead of
 *    rejecting the run.
 * Rules of equal priority run concurrently in json-rules-engine and land in
 * completion order, which depends on how deep each rule's conditions are;
 * results are re-ordered by priority, then declaration order (the engine's
 * priority grouping is kept; only order within a group is fixed).
 * @module
 */
import { Engine, Fact, Operator, type RuleResult as JreRuleResult } from 'json-rules-engine';
import { SipValidationError } from '../errors.js';
import { assertFactsObject, missingFactsChecker } from './engine/compile.js';
import { assertOptionsObject, validateRuleSet, type RuleSetOptions, type ValidatedRuleSet } from './engine/schema.js';
import { ruleSetUsage } from './engine/usage.js';
import type { Facts, RuleEvent, RuleResult, UndefinedFactsPolicy } from './engine/types.js';

/** Options of the reference evaluator (same as `compileRules`'). */
export interface ReferenceOptions extends RuleSetOptions {
  /** Missing facts: `'allow'` (default, value `undefined`) or `'error'`. */
  undefinedFacts?: UndefinedFactsPolicy;
}

/** A prepared reference evaluator; safe under concurrent `run` calls. */
export interface ReferenceEvaluator {
  /** Evaluates with a fresh json-rules-engine `Engine`. */
  run(facts: Facts): Promise<RuleResult>;
  /** Names of all facts the rules read. */
  readonly facts: readonly string[];
}

const isEnumerableOwn = Object.prototype.propertyIsEnumerable;

interface Prepared {
  ruleSet: ValidatedRuleSet;
  facts: readonly string[];
  operators: readonly string[];
  checkFacts: ((facts: Facts) => void) | null;
}

function prepare(rules: unknown, options: ReferenceOptions): Prepared {
  assertOptionsObject(options);
  const ruleSet = validateRuleSet(rules, options);
  const usage = ruleSetUsage(ruleSet);
  const policy = options.undefinedFacts ?? 'allow';
  if (policy !== 'allow' && policy !== 'error') {
    throw new SipValidationError([
      { path: ['undefinedFacts'], code: 'rule-option-invalid', message: "undefinedFacts is 'allow' or 'error'" },
    ]);
  }
  return {
    ruleSet,
    facts: usage.facts,
    operators: usage.operators,
    checkFacts: policy === 'error' ? missingFactsChecker(usage.facts) : null,
  };
}

/** The internal operator table of an Engine (stable in json-rules-engine 7). */
interface OperatorTable {
  get(name: string): { evaluate(factValue: unknown, compareValue: unknown): boolean } | null;
}

function buildEngine(p: Prepared): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false });
  for (const def of p.ruleSet.operators.values()) engine.addOperator(def.name, def.evaluate);
  // Resolve each operator string through json-rules-engine's own OperatorMap
  // (which applies decorators), then register a guarded copy under the same
  // full name; OperatorMap#get returns an exact-name match before decorating.
  // All are resolved BEFORE any is replaced: resolving `not:everyValue:in`
  // caches `everyValue:in`, and a guarded `everyValue:in` must not end up
  // inside `not:` (the guard belongs around the whole composition).
  const table = (engine as unknown as { operators: OperatorTable }).operators;
  const resolved = p.operators.map((name) => [name, table.get(name)] as const);
  for (const [name, op] of resolved) {
    if (!op) continue; // validation guarantees this does not happen
    engine.addOperator(
      new Operator(name, (a: unknown, b: unknown) => {
        try {
          return op.evaluate(a, b);
        } catch {
          return false;
        }
      }),
    );
  }
  // json-rules-engine mutates condition objects (leaf priorities), so it
  // gets fresh unfrozen copies every time.
  for (const [name, c] of Object.entries(p.ruleSet.conditions)) engine.setCondition(name, structuredClone(c) as never);
  p.ruleSet.rules.forEach((rule, index) => {
    engine.addRule({
      conditions: structuredClone(rule.conditions) as never,
      event: structuredClone(rule.event) as never,
      priority: rule.priority ?? 1,
      // The index, to restore declaration order within a priority group.
      name: index as never,
    });
  });
  return engine;
}

function runtimeFacts(p: Prepared, facts: Facts): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of p.facts) {
    if (!isEnumerableOwn.call(facts, name)) continue;
    const v = facts[name];
    // json-rules-engine would CALL a function value (a dynamic fact) or adopt
    // a Fact instance; wrap such non-JSON values so they stay plain values.
    out[name] = typeof v === 'function' || (v as unknown) instanceof Fact ? new Fact(name, () => v) : v;
  }
  return out;
}

async function evaluate(p: Prepared, facts: Facts): Promise<RuleResult> {
  assertFactsObject(facts);
  if (p.checkFacts) p.checkFacts(facts);
  const engine = buildEngine(p);
  const { results, failureResults } = await engine.run(runtimeFacts(p, facts));
  return { events: ordered(results), failureEvents: ordered(failureResults) };
}

function ordered(results: JreRuleResult[]): RuleEvent[] {
  return results
    .map((r) => ({ r, index: Number(r.name), priority: Number(r.priority) }))
    .sort((a, b) => b.priority - a.priority || a.index - b.index)
    .map(({ r }) => r.event as RuleEvent);
}

/**
 * Validates `rules` and evaluates them once with json-rules-engine.
 * @throws SipValidationError (rejects) for invalid rules, options or facts.
 */
export async function runReference(rules: unknown, facts: Facts, options: ReferenceOptions = {}): Promise<RuleResult> {
  return evaluate(prepare(rules, options), facts);
}

/**
 * Validates `rules` once and returns an evaluator that builds a fresh
 * json-rules-engine `Engine` per run, so concurrent runs never interfere.
 * @throws SipValidationError for invalid rules or options.
 */
export function createReferenceEvaluator(rules: unknown, options: ReferenceOptions = {}): ReferenceEvaluator {
  const p = prepare(rules, options);
  return Object.freeze({
    facts: p.facts,
    run: (facts: Facts) => evaluate(p, facts),
  });
}

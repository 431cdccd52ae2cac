/**
 * The compiled evaluator: turns validated rule JSON into plain closures once,
 * so that evaluating is a few function calls per condition — synchronous, no
 * tree walk, no `eval`/`new Function` (safe under a strict CSP), no
 * json-rules-engine in the bundle.
 *
 * Semantics are json-rules-engine 7's (the reference) for the sip-kit subset;
 * see docs/rules-engine.md and the differential test that holds them equal.
 * @module
 */
import { SipValidationError } from '../../errors.js';
import { composeOperator, type OperatorDefinition } from './operators.js';
import { compilePath, isPathProblem, parsePath } from './paths.js';
import { assertOptionsObject, validateRuleSet, type RuleSetOptions, type ValidatedRuleSet } from './schema.js';
import { ruleSetUsage } from './usage.js';
import type {
  Facts,
  JsonValue,
  NamedConditions,
  NestedCondition,
  Rule,
  RuleEvent,
  RuleResult,
  UndefinedFactsPolicy,
} from './types.js';

/** Options of {@link compileRules}. */
export interface CompileOptions extends RuleSetOptions {
  /** Missing facts: `'allow'` (default, value `undefined`) or `'error'`. */
  undefinedFacts?: UndefinedFactsPolicy;
}

/** Rules compiled by {@link compileRules}. Reusable, reentrant, stateless. */
export interface CompiledRules {
  /**
   * Evaluates every rule against `facts` and returns the events of the rules
   * that held and of those that did not, ordered by priority (highest first),
   * then declaration order.
   * @throws SipValidationError `rule-facts-invalid` when `facts` is not a plain
   * object; `rule-fact-missing` when a fact is missing and `undefinedFacts` is `'error'`.
   */
  run(facts: Facts): RuleResult;
  /** Names of all facts the rules (and the named conditions they use) read. */
  readonly facts: readonly string[];
  /** The validated, deep-frozen rule set the closures were built from. */
  readonly ruleSet: ValidatedRuleSet;
}

type Test = (facts: Facts) => boolean;
type Read = (facts: Facts) => unknown;

const isEnumerableOwn = Object.prototype.propertyIsEnumerable;

/**
 * Reads a fact: own enumerable properties only — what json-rules-engine's
 * `for…in` over runtime facts sees for a plain object, minus anything
 * inherited, so `constructor` or `toString` are never found on a prototype.
 */
function factReader(name: string): Read {
  return (facts) => (isEnumerableOwn.call(facts, name) ? facts[name] : undefined);
}

function reader(name: string, path: string | undefined): Read {
  const read = factReader(name);
  if (path === undefined) return read;
  const parsed = parsePath(path);
  // Validation has already refused bad paths; this is belt and braces.
  if (isPathProblem(parsed)) throw new SipValidationError([{ path: [], code: 'rule-path-unsupported', message: parsed.message }]);
  if (parsed.length === 0) return read;
  const resolve = compilePath(parsed);
  return (facts) => resolve(read(facts));
}

const TRUE: Test = () => true;

class Compiler {
  private readonly named = new Map<string, Test>();

  constructor(
    private readonly conditions: NamedConditions,
    private readonly operators: ReadonlyMap<string, OperatorDefinition>,
  ) {}

  condition(c: NestedCondition): Test {
    if (Object.hasOwn(c, 'condition')) return this.reference((c as { condition: string }).condition);
    if (Object.hasOwn(c, 'any')) return this.any((c as { any: NestedCondition[] }).any.map((s) => this.condition(s)));
    if (Object.hasOwn(c, 'all')) return this.all((c as { all: NestedCondition[] }).all.map((s) => this.condition(s)));
    if (Object.hasOwn(c, 'not')) {
      const inner = this.condition((c as { not: NestedCondition }).not);
      return (facts) => !inner(facts);
    }
    return this.leaf(c as { fact: string; operator: string; value: JsonValue; path?: string });
  }

  private reference(name: string): Test {
    let test = this.named.get(name);
    if (!test) {
      const c = this.conditions[name] as NestedCondition;
      // Validation refuses cycles, so this recursion terminates.
      test = this.condition(c);
      this.named.set(name, test);
    }
    return test;
  }

  // json-rules-engine: an empty list is true for BOTH all and any
  // (prioritizeAndRun returns true before looking at the operator).
  private all(tests: Test[]): Test {
    if (tests.length === 0) return TRUE;
    if (tests.length === 1) return tests[0] as Test;
    if (tests.length === 2) {
      const [a, b] = tests as [Test, Test];
      return (facts) => a(facts) && b(facts);
    }
    return (facts) => {
      for (let i = 0; i < tests.length; i++) if (!(tests[i] as Test)(facts)) return false;
      return true;
    };
  }

  private any(tests: Test[]): Test {
    if (tests.length === 0) return TRUE;
    if (tests.length === 1) return tests[0] as Test;
    if (tests.length === 2) {
      const [a, b] = tests as [Test, Test];
      return (facts) => a(facts) || b(facts);
    }
    return (facts) => {
      for (let i = 0; i < tests.length; i++) if ((tests[i] as Test)(facts)) return true;
      return false;
    };
  }

  private leaf(c: { fact: string; operator: string; value: JsonValue; path?: string }): Test {
    const op = composeOperator(c.operator, this.operators);
    if (!op) {
      throw new SipValidationError([{ path: [], code: 'rule-operator-unknown', message: `Unknown operator '${c.operator}'` }]);
    }
    const left = reader(c.fact, c.path);
    const v = c.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'fact')) {
      const ref = v as { fact: string; path?: string };
      const right = reader(ref.fact, ref.path);
      return (facts) => op(left(facts), right(facts));
    }
    return (facts) => op(left(facts), v);
  }
}

function freezeEvent(e: RuleEvent): RuleEvent {
  // json-rules-engine keeps params only when truthy; validated params are
  // always objects, so present means kept. The copy is already deep-frozen.
  return Object.freeze(e.params ? { type: e.type, params: e.params } : { type: e.type });
}

/**
 * Validates `rules` and compiles them into a synchronous evaluator.
 * Equivalent to json-rules-engine 7 with `allowUndefinedFacts: true` on the
 * sip-kit subset, except that an operator that would throw is false instead.
 * The returned event objects are frozen and shared between runs.
 * @throws SipValidationError — and only that — for invalid rules or options.
 */
export function compileRules(rules: unknown, options: CompileOptions = {}): CompiledRules {
  assertOptionsObject(options);
  const policy = options.undefinedFacts ?? 'allow';
  if (policy !== 'allow' && policy !== 'error') {
    throw new SipValidationError([
      { path: ['undefinedFacts'], code: 'rule-option-invalid', message: "undefinedFacts is 'allow' or 'error'" },
    ]);
  }
  return compileRuleSet(validateRuleSet(rules, options), policy);
}

/**
 * Compiles a rule set that was validated before (by {@link compileRules}, or
 * by `loadRulePack` for a pack's rules). It does not validate again, so it
 * never pulls the rule validator into a bundle: `compilePack` uses it for
 * packs that `loadRulePack` or the built-in pack registry vouch for.
 * @throws SipValidationError `rule-operator-unknown` when an operator is not in `ruleSet.operators`.
 * @internal
 */
export function compileRuleSet(ruleSet: ValidatedRuleSet, policy: UndefinedFactsPolicy = 'allow'): CompiledRules {
  const compiler = new Compiler(ruleSet.conditions, ruleSet.operators);
  const compiled = ruleSet.rules.map((rule: Rule, index) => ({
    test: compiler.condition(rule.conditions),
    event: freezeEvent(rule.event),
    priority: rule.priority ?? 1,
    index,
  }));
  // json-rules-engine runs priority groups from highest to lowest; within a
  // group its order is completion order, which sip-kit fixes to declaration order.
  compiled.sort((a, b) => b.priority - a.priority || a.index - b.index);
  const n = compiled.length;
  const tests = compiled.map((r) => r.test);
  const events = compiled.map((r) => r.event);
  const factNames = ruleSetUsage(ruleSet).facts;
  const checkFacts = policy === 'error' ? missingFactsChecker(factNames) : null;

  return Object.freeze({
    facts: factNames,
    ruleSet,
    run(facts: Facts): RuleResult {
      assertFactsObject(facts);
      if (checkFacts) checkFacts(facts);
      const ok: RuleEvent[] = [];
      const failed: RuleEvent[] = [];
      for (let i = 0; i < n; i++) {
        if ((tests[i] as Test)(facts)) ok.push(events[i] as RuleEvent);
        else failed.push(events[i] as RuleEvent);
      }
      return { events: ok, failureEvents: failed };
    },
  });
}

/**
 * Refuses facts that are not a plain object (`null`, arrays, primitives),
 * shared by both evaluators so they refuse the same inputs.
 * @throws SipValidationError `rule-facts-invalid`
 */
export function assertFactsObject(facts: unknown): asserts facts is Facts {
  if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) {
    throw new SipValidationError([{ path: [], code: 'rule-facts-invalid', message: 'Facts must be an object of fact name → value' }]);
  }
}

/**
 * Builds the `undefinedFacts: 'error'` check: every named fact must be an own
 * enumerable property whose value is not `undefined`.
 */
export function missingFactsChecker(names: readonly string[]): (facts: Facts) => void {
  return (facts) => {
    const missing = names.filter((n) => !isEnumerableOwn.call(facts, n) || facts[n] === undefined);
    if (missing.length > 0) {
      throw new SipValidationError(
        missing.map((n) => ({ path: [n], code: 'rule-fact-missing', message: `Missing fact '${n}'`, params: { fact: n } })),
      );
    }
  };
}

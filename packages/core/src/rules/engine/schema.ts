/**
 * Validation of rule JSON: the sip-kit subset of json-rules-engine's rule
 * format that both evaluators support identically.
 *
 * Validation runs in two stages. First a bounded, iterative walk copies the
 * input as plain JSON (refusing accessors, class instances, non-finite
 * numbers, `__proto__`/`constructor`/`prototype` keys, and anything over the
 * {@link LIMITS}), so no later recursive code can overflow the stack or be
 * tricked by getters or proxies. Then the copy is checked against the format.
 * What is returned is that checked copy, deep-frozen: later mutation of the
 * caller's object cannot change validated rules.
 *
 * The zod schemas at the end wrap the same checker, so a rule pack schema can
 * embed them and report identical issues.
 * @module
 */
import * as z from 'zod/mini';
import { SipValidationError, type SipIssue } from '../../errors.js';
import { LIMITS } from './limits.js';
import { FORBIDDEN_KEYS, isPathProblem, parsePath } from './paths.js';
import {
  createOperators,
  operatorProblem,
  operatorRegistry,
  splitOperator,
  type OperatorDefinition,
} from './operators.js';
import type { JsonValue, NamedConditions, Rule } from './types.js';

// zod must never compile validators with `new Function` (CSP without
// 'unsafe-eval'); the model module sets this too, but this module may load first.
z.config({ jitless: true });

type Path = (string | number)[];

/** Options shared by validation, compilation and the reference evaluator. */
export interface RuleSetOptions {
  /** Custom operators (see `defineOperator`, `createOperators`). Built-ins are always available. */
  operators?: readonly OperatorDefinition[];
  /** Named shared conditions that rules reference with `{ condition: name }`. */
  conditions?: unknown;
}

/** A validated rule set: deep-frozen copies of the rules and named conditions. */
export interface ValidatedRuleSet {
  /** The rules, in declaration order. */
  readonly rules: readonly Rule[];
  /** The named conditions (a null-prototype record). */
  readonly conditions: NamedConditions;
  /** Custom operators by name. */
  readonly operators: ReadonlyMap<string, OperatorDefinition>;
}

const MAX_ISSUES = 50;

class IssueList {
  readonly issues: SipIssue[] = [];
  add(path: Path, code: string, message: string, params?: Record<string, string | number>): void {
    if (this.issues.length >= MAX_ISSUES) return;
    this.issues.push(params ? { path, code, message, params } : { path, code, message });
  }
  get full(): boolean {
    return this.issues.length >= MAX_ISSUES;
  }
}

// ---------------------------------------------------------------------------
// Stage 1: bounded JSON copy.

const isPlainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Copies `input` as plain JSON, iteratively and within {@link LIMITS}, into
 * deep-frozen objects. Returns `undefined` (with issues added) when refused.
 */
function copyJson(input: unknown, base: Path, issues: IssueList): JsonValue | undefined {
  let nodes = 0;
  // Each frame copies one container; children are pushed with their depth.
  type Frame = { src: unknown; path: Path; depth: number; assign: (v: JsonValue) => void };
  let root: JsonValue | undefined;
  const stack: Frame[] = [{ src: input, path: base, depth: 0, assign: (v) => (root = v) }];
  const toFreeze: object[] = [];
  while (stack.length > 0) {
    const { src, path, depth, assign } = stack.pop() as Frame;
    if (++nodes > LIMITS.jsonNodes) {
      issues.add(base, 'rule-too-large', `Rule JSON may have at most ${LIMITS.jsonNodes} values`, { max: LIMITS.jsonNodes });
      return undefined;
    }
    if (src === null || typeof src === 'boolean') {
      assign(src);
      continue;
    }
    if (typeof src === 'number') {
      if (!Number.isFinite(src)) {
        issues.add(path, 'rule-not-json', 'Numbers must be finite (JSON)');
        return undefined;
      }
      assign(src);
      continue;
    }
    if (typeof src === 'string') {
      if (src.length > LIMITS.stringLength) {
        issues.add(path, 'rule-too-long', `Strings may be at most ${LIMITS.stringLength} characters`, {
          max: LIMITS.stringLength,
        });
        return undefined;
      }
      assign(src);
      continue;
    }
    if (typeof src !== 'object') {
      issues.add(path, 'rule-not-json', `A ${typeof src} is not JSON`);
      return undefined;
    }
    if (depth >= LIMITS.jsonDepth) {
      issues.add(path, 'rule-too-deep', `Rule JSON may nest at most ${LIMITS.jsonDepth} levels`, { max: LIMITS.jsonDepth });
      return undefined;
    }
    if (Array.isArray(src)) {
      if (Object.getPrototypeOf(src) !== Array.prototype) {
        issues.add(path, 'rule-not-json', 'Only plain arrays are JSON');
        return undefined;
      }
      const len = src.length;
      if (len > LIMITS.jsonNodes - nodes) {
        issues.add(path, 'rule-too-large', `Rule JSON may have at most ${LIMITS.jsonNodes} values`, { max: LIMITS.jsonNodes });
        return undefined;
      }
      const out: JsonValue[] = new Array(len);
      assign(out);
      toFreeze.push(out);
      for (let i = len - 1; i >= 0; i--) {
        const d = Object.getOwnPropertyDescriptor(src, i);
        if (!d || !('value' in d)) {
          issues.add([...path, i], 'rule-not-json', 'Array holes and accessors are not JSON');
          return undefined;
        }
        stack.push({ src: d.value, path: [...path, i], depth: depth + 1, assign: (v) => (out[i] = v) });
      }
      continue;
    }
    if (!isPlainObject(src)) {
      issues.add(path, 'rule-not-json', 'Only plain objects are JSON');
      return undefined;
    }
    const keys = Object.keys(src);
    if (keys.length > LIMITS.jsonNodes - nodes) {
      issues.add(path, 'rule-too-large', `Rule JSON may have at most ${LIMITS.jsonNodes} values`, { max: LIMITS.jsonNodes });
      return undefined;
    }
    const out: { [k: string]: JsonValue } = {};
    assign(out);
    toFreeze.push(out);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      // Keys naming Object.prototype members (valueOf, toString, constructor,
      // hasOwnProperty, …) are refused: json-rules-engine deep-copies rule
      // JSON with the `clone` package, which silently drops them (and would
      // set the prototype for `__proto__`), so the two evaluators would differ.
      if (FORBIDDEN_KEYS.has(k) || Object.hasOwn(Object.prototype, k)) {
        issues.add([...path, k], 'rule-key-forbidden', `The key '${k}' is not allowed in rule JSON`);
        return undefined;
      }
      const d = Object.getOwnPropertyDescriptor(src, k);
      if (!d || !('value' in d)) {
        issues.add([...path, k], 'rule-not-json', 'Accessor properties are not JSON');
        return undefined;
      }
      stack.push({ src: d.value, path: [...path, k], depth: depth + 1, assign: (v) => (out[k] = v) });
    }
  }
  for (const o of toFreeze) Object.freeze(o);
  return root;
}

// ---------------------------------------------------------------------------
// Stage 2: the format.

const RULE_KEYS = new Set(['name', 'description', 'conditions', 'event', 'priority']);
const EVENT_KEYS = new Set(['type', 'params']);
const BOOLEAN_KEYS = ['all', 'any', 'not', 'condition'] as const;
const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'path', 'params', 'priority', 'name']);
const REF_KEYS = new Set(['fact', 'path', 'params']);

type Obj = Readonly<Record<string, JsonValue>>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: object, k: string): boolean => Object.hasOwn(o, k);

function checkName(v: unknown, path: Path, issues: IssueList, code: string, what: string): v is string {
  if (typeof v !== 'string' || v.length === 0 || v.length > LIMITS.nameLength) {
    issues.add(path, code, `${what} must be a string of 1–${LIMITS.nameLength} characters`);
    return false;
  }
  if (FORBIDDEN_KEYS.has(v)) {
    issues.add(path, code, `${what} may not be '${v}'`);
    return false;
  }
  return true;
}

function checkPriority(o: Obj, path: Path, issues: IssueList): void {
  if (!has(o, 'priority')) return;
  const p = o.priority;
  if (!Number.isSafeInteger(p) || (p as number) < 1 || (p as number) > LIMITS.priority) {
    issues.add([...path, 'priority'], 'rule-priority-invalid', `priority must be an integer from 1 to ${LIMITS.priority}`, {
      max: LIMITS.priority,
    });
  }
}

function checkUnknownKeys(o: Obj, allowed: ReadonlySet<string>, path: Path, issues: IssueList): void {
  for (const k of Object.keys(o)) {
    if (!allowed.has(k)) issues.add([...path, k], 'rule-key-unknown', `Unknown key '${k}'`, { key: k.slice(0, 64) });
  }
}

interface CheckContext {
  issues: IssueList;
  operators: ReadonlyMap<string, OperatorDefinition>;
  /** Names of the named conditions, or null when references are not checked. */
  conditionNames: ReadonlySet<string> | null;
  /** References found, for cycle detection. */
  refs: Set<string>;
}

function checkCondition(c: unknown, path: Path, depth: number, top: boolean, ctx: CheckContext): void {
  const { issues } = ctx;
  if (issues.full) return;
  if (!isObj(c)) {
    issues.add(path, 'rule-condition-invalid', 'A condition must be an object');
    return;
  }
  if (depth > LIMITS.conditionDepth) {
    issues.add(path, 'rule-too-deep', `Conditions may nest at most ${LIMITS.conditionDepth} levels`, {
      max: LIMITS.conditionDepth,
    });
    return;
  }
  const kinds = BOOLEAN_KEYS.filter((k) => has(c, k));
  if (kinds.length > 1 || (kinds.length === 1 && has(c, 'fact'))) {
    // json-rules-engine would silently pick one (any before all before not);
    // an ambiguous node is almost certainly a mistake, so it is refused.
    issues.add(path, 'rule-condition-ambiguous', `A condition has exactly one of all, any, not, condition, or fact (found ${[...kinds, ...(has(c, 'fact') ? ['fact'] : [])].join(', ')})`);
    return;
  }
  const kind = kinds[0];
  if (kind === undefined) {
    if (top) {
      issues.add(path, 'rule-condition-invalid', 'The root of conditions must be all, any, not or condition');
      return;
    }
    checkLeaf(c, path, ctx);
    return;
  }
  checkUnknownKeys(c, new Set([kind, 'priority', 'name']), path, issues);
  checkPriority(c, path, issues);
  if (has(c, 'name') && typeof c.name !== 'string') issues.add([...path, 'name'], 'rule-condition-invalid', 'name must be a string');
  if (kind === 'condition') {
    if (!checkName(c.condition, [...path, 'condition'], issues, 'rule-condition-invalid', 'A condition reference')) return;
    const name = c.condition as string;
    ctx.refs.add(name);
    if (ctx.conditionNames && !ctx.conditionNames.has(name)) {
      issues.add([...path, 'condition'], 'rule-condition-unknown', `No named condition '${name}'`, { condition: name });
    }
    return;
  }
  if (kind === 'not') {
    const inner = c.not;
    if (Array.isArray(inner) || !isObj(inner)) {
      issues.add([...path, 'not'], 'rule-condition-invalid', '"not" takes one condition object, not an array');
      return;
    }
    checkCondition(inner, [...path, 'not'], depth + 1, false, ctx);
    return;
  }
  const list = c[kind];
  if (!Array.isArray(list)) {
    issues.add([...path, kind], 'rule-condition-invalid', `"${kind}" must be an array of conditions`);
    return;
  }
  if (list.length > LIMITS.conditionsPerNode) {
    issues.add([...path, kind], 'rule-too-large', `At most ${LIMITS.conditionsPerNode} conditions per "${kind}"`, {
      max: LIMITS.conditionsPerNode,
    });
    return;
  }
  list.forEach((sub, i) => checkCondition(sub, [...path, kind, i], depth + 1, false, ctx));
}

function checkLeaf(c: Obj, path: Path, ctx: CheckContext): void {
  const { issues } = ctx;
  for (const k of ['fact', 'operator', 'value']) {
    if (!has(c, k)) issues.add([...path, k], 'rule-condition-invalid', `A leaf condition needs "${k}"`);
  }
  if (!has(c, 'fact') || !has(c, 'operator') || !has(c, 'value')) return;
  checkUnknownKeys(c, LEAF_KEYS, path, issues);
  checkPriority(c, path, issues);
  if (has(c, 'name') && typeof c.name !== 'string') issues.add([...path, 'name'], 'rule-condition-invalid', 'name must be a string');
  checkName(c.fact, [...path, 'fact'], issues, 'rule-fact-invalid', 'A fact name');
  if (has(c, 'path')) checkPath(c.path, [...path, 'path'], issues);
  if (has(c, 'params') && !isObj(c.params)) issues.add([...path, 'params'], 'rule-condition-invalid', 'params must be an object');
  const op = c.operator;
  const problem = typeof op === 'string' ? operatorProblem(op, ctx.operators) : 'An operator must be a non-empty string';
  if (problem) {
    issues.add([...path, 'operator'], 'rule-operator-unknown', problem, { operator: String(op).slice(0, 64) });
  }
  const value = c.value;
  if (isObj(value) && has(value, 'fact')) {
    // json-rules-engine reads ANY object with an own `fact` key as a fact reference.
    checkUnknownKeys(value, REF_KEYS, [...path, 'value'], issues);
    checkName(value.fact, [...path, 'value', 'fact'], issues, 'rule-fact-invalid', 'A fact name');
    if (has(value, 'path')) checkPath(value.path, [...path, 'value', 'path'], issues);
    if (has(value, 'params') && !isObj(value.params)) {
      issues.add([...path, 'value', 'params'], 'rule-condition-invalid', 'params must be an object');
    }
    return;
  }
  if (problem || typeof op !== 'string') return;
  const { decorators, base } = splitOperator(op);
  if (decorators.length > 0) return; // decorators change what the value means
  let valueProblem: string | null = null;
  if ((base === 'in' || base === 'notIn') && !Array.isArray(value)) {
    // json-rules-engine would do substring search on a string and throw on
    // anything else; neither is what a rule author means.
    valueProblem = `The value of "${base}" must be an array (or a fact reference)`;
  } else {
    const def = ctx.operators.get(base);
    if (def?.validateValue) {
      try {
        valueProblem = def.validateValue(value);
      } catch {
        valueProblem = 'The value was refused by the operator';
      }
    }
  }
  if (valueProblem) issues.add([...path, 'value'], 'rule-value-invalid', valueProblem, { operator: op.slice(0, 64) });
}

function checkPath(p: unknown, path: Path, issues: IssueList): void {
  if (typeof p !== 'string') {
    issues.add(path, 'rule-path-unsupported', 'A path must be a string');
    return;
  }
  const parsed = parsePath(p);
  if (isPathProblem(parsed)) issues.add(path, 'rule-path-unsupported', parsed.message, { path: p.slice(0, 64) });
}

function checkRule(r: unknown, path: Path, ctx: CheckContext): void {
  const { issues } = ctx;
  if (!isObj(r)) {
    issues.add(path, 'rule-invalid', 'A rule must be an object');
    return;
  }
  checkUnknownKeys(r, RULE_KEYS, path, issues);
  if (has(r, 'name') && (typeof r.name !== 'string' || r.name.length > LIMITS.nameLength)) {
    issues.add([...path, 'name'], 'rule-invalid', `name must be a string of at most ${LIMITS.nameLength} characters`);
  }
  if (has(r, 'description') && typeof r.description !== 'string') {
    issues.add([...path, 'description'], 'rule-invalid', 'description must be a string');
  }
  checkPriority(r, path, issues);
  if (!has(r, 'event') || !isObj(r.event)) {
    issues.add([...path, 'event'], 'rule-event-invalid', 'A rule needs an event object { type, params? }');
  } else {
    const e = r.event;
    checkUnknownKeys(e, EVENT_KEYS, [...path, 'event'], issues);
    checkName(e.type, [...path, 'event', 'type'], issues, 'rule-event-invalid', 'An event type');
    if (has(e, 'params') && !isObj(e.params)) {
      issues.add([...path, 'event', 'params'], 'rule-event-invalid', 'Event params must be an object');
    }
  }
  if (!has(r, 'conditions')) {
    issues.add([...path, 'conditions'], 'rule-condition-invalid', 'A rule needs conditions');
    return;
  }
  checkCondition(r.conditions, [...path, 'conditions'], 1, true, ctx);
}

/** Finds a cycle among named conditions (json-rules-engine would loop forever). */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, 1 | 2>();
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    // Iterative DFS; `trail` is the current path for the report.
    const trail: string[] = [];
    const stack: { node: string; it: Iterator<string> }[] = [];
    const enter = (n: string): void => {
      state.set(n, 1);
      trail.push(n);
      stack.push({ node: n, it: (graph.get(n) ?? new Set<string>()).values() });
    };
    enter(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; it: Iterator<string> };
      const next = top.it.next();
      if (next.done) {
        state.set(top.node, 2);
        stack.pop();
        trail.pop();
        continue;
      }
      const s = state.get(next.value);
      if (s === 1) return [...trail.slice(trail.indexOf(next.value)), next.value];
      if (s === undefined && graph.has(next.value)) enter(next.value);
    }
  }
  return null;
}

function collectIssues(
  rules: unknown,
  conditions: unknown,
  operators: ReadonlyMap<string, OperatorDefinition>,
  issues: IssueList,
  checkRefs: boolean,
): { rules: Rule[]; conditions: NamedConditions } | null {
  const rulesCopy = copyJson(rules, [], issues);
  const condCopy = conditions === undefined ? {} : copyJson(conditions, ['conditions'], issues);
  if (rulesCopy === undefined || condCopy === undefined) return null;
  if (!Array.isArray(rulesCopy)) {
    issues.add([], 'rule-invalid', 'Rules must be an array');
    return null;
  }
  if (rulesCopy.length > LIMITS.rules) {
    issues.add([], 'rule-too-large', `At most ${LIMITS.rules} rules`, { max: LIMITS.rules });
    return null;
  }
  if (!isObj(condCopy)) {
    issues.add(['conditions'], 'rule-condition-invalid', 'Named conditions must be an object of name → condition');
    return null;
  }
  const names = Object.keys(condCopy);
  if (names.length > LIMITS.namedConditions) {
    issues.add(['conditions'], 'rule-too-large', `At most ${LIMITS.namedConditions} named conditions`, {
      max: LIMITS.namedConditions,
    });
    return null;
  }
  const graph = new Map<string, Set<string>>();
  const ctxBase = { issues, operators, conditionNames: checkRefs ? new Set(names) : null };
  for (const name of names) {
    if (!checkName(name, ['conditions', name], issues, 'rule-condition-invalid', 'A condition name')) continue;
    const refs = new Set<string>();
    checkCondition(condCopy[name], ['conditions', name], 1, true, { ...ctxBase, refs });
    graph.set(name, refs);
  }
  rulesCopy.forEach((r, i) => checkRule(r, [i], { ...ctxBase, refs: new Set() }));
  if (issues.issues.length === 0) {
    const cycle = findCycle(graph);
    if (cycle) {
      issues.add(['conditions', cycle[0] as string], 'rule-condition-cycle', `Named conditions refer to themselves: ${cycle.join(' → ')}`);
    }
  }
  if (issues.issues.length > 0) return null;
  const named: Record<string, never> = Object.create(null);
  for (const name of names) (named as Record<string, unknown>)[name] = condCopy[name];
  return { rules: rulesCopy as unknown as Rule[], conditions: Object.freeze(named) as NamedConditions };
}

/**
 * Validates rules (and named conditions) against the sip-kit subset of
 * json-rules-engine's format and returns deep-frozen copies.
 *
 * Issue paths start at the rule index (`[2, 'conditions', 'all', 0, 'path']`)
 * or at `['conditions', name, …]` for named conditions. Codes:
 * `rule-invalid`, `rule-key-unknown`, `rule-key-forbidden`, `rule-not-json`,
 * `rule-too-large`, `rule-too-deep`, `rule-too-long`, `rule-priority-invalid`,
 * `rule-event-invalid`, `rule-condition-invalid`, `rule-condition-ambiguous`,
 * `rule-condition-unknown`, `rule-condition-cycle`, `rule-fact-invalid`,
 * `rule-operator-unknown`, `rule-operator-invalid`, `rule-value-invalid`,
 * `rule-path-unsupported`.
 * @throws SipValidationError — and never anything else, whatever the input.
 */
export function validateRuleSet(rules: unknown, options: RuleSetOptions = {}): ValidatedRuleSet {
  assertOptionsObject(options);
  const operators = operatorRegistry(options.operators ?? []);
  const issues = new IssueList();
  let result: { rules: Rule[]; conditions: NamedConditions } | null;
  try {
    result = collectIssues(rules, options.conditions, operators, issues, true);
  } catch {
    // Only exotic inputs get here (a Proxy whose traps throw): refuse them.
    throw new SipValidationError([{ path: [], code: 'rule-not-json', message: 'The rules could not be read as JSON' }]);
  }
  if (!result) throw new SipValidationError(issues.issues);
  return Object.freeze({ rules: Object.freeze(result.rules), conditions: result.conditions, operators });
}

/**
 * Refuses an options argument that is not an object (a JavaScript caller
 * passing `null` must get a SipValidationError, not a TypeError).
 * @throws SipValidationError `rule-option-invalid`
 */
export function assertOptionsObject(options: unknown): asserts options is object {
  if (options === null || typeof options !== 'object') {
    throw new SipValidationError([{ path: [], code: 'rule-option-invalid', message: 'Options must be an object' }]);
  }
}

/**
 * Validates and returns the rules only (see {@link validateRuleSet}).
 * @throws SipValidationError
 */
export function parseRules(rules: unknown, options: RuleSetOptions = {}): readonly Rule[] {
  return validateRuleSet(rules, options).rules;
}

// ---------------------------------------------------------------------------
// zod schemas (for embedding in a rule pack schema).

/** Options of {@link createRulesSchema}. */
export interface RulesSchemaOptions {
  /** Custom operators allowed besides the built-ins. */
  operators?: readonly OperatorDefinition[];
  /**
   * Names of the named conditions rules may reference. When omitted,
   * references are checked for form only; `compileRules` checks them fully.
   */
  conditionNames?: readonly string[];
}

/** sip-kit issues as zod custom issues; `params.code` carries the sip-kit code. */
function toZodIssues(found: SipIssue[]): { code: 'custom'; message: string; path: PropertyKey[]; params: Record<string, unknown> }[] {
  return found.map((i) => ({ code: 'custom', message: i.message, path: i.path, params: { code: i.code, ...(i.params ?? {}) } }));
}

function checkForZod(value: unknown, options: RulesSchemaOptions, single: boolean): SipIssue[] {
  const issues = new IssueList();
  try {
    const operators = operatorRegistry(options.operators ?? []);
    const conditions: Record<string, unknown> = {};
    // Stand-in named conditions so that known names resolve.
    for (const n of options.conditionNames ?? []) conditions[n] = { all: [] };
    const input = single ? [value] : value;
    collectIssues(input, options.conditionNames ? conditions : undefined, operators, issues, options.conditionNames !== undefined);
    if (single) return issues.issues.map((i) => (i.path[0] === 0 ? { ...i, path: i.path.slice(1) } : i));
  } catch (e) {
    if (SipValidationError.is(e)) return e.issues;
    return [{ path: [], code: 'rule-not-json', message: 'The rules could not be read as JSON' }];
  }
  return issues.issues;
}

/**
 * A zod schema for an array of rules, with custom operators and condition
 * names. Each zod issue is `code: 'custom'` with `params.code` set to the
 * sip-kit issue code (e.g. `rule-path-unsupported`).
 */
export function createRulesSchema(options: RulesSchemaOptions = {}): z.ZodMiniType<Rule[], unknown> {
  return z.custom<Rule[]>().check(
    z.superRefine((v, ctx) => {
      for (const issue of toZodIssues(checkForZod(v, options, false))) ctx.addIssue(issue);
    }),
  );
}

/** Like {@link createRulesSchema}, for a single rule. */
export function createRuleSchema(options: RulesSchemaOptions = {}): z.ZodMiniType<Rule, unknown> {
  return z.custom<Rule>().check(
    z.superRefine((v, ctx) => {
      for (const issue of toZodIssues(checkForZod(v, options, true))) ctx.addIssue(issue);
    }),
  );
}

/**
 * zod schema for an array of rules using only built-in operators and
 * sip-kit's standard custom operators (`createOperators` with a calendar).
 * Condition references are checked for form only.
 */
export const rulesSchema: z.ZodMiniType<Rule[], unknown> = createRulesSchema({ operators: standardOperatorStandIns() });

/** zod schema for one rule; see {@link rulesSchema}. */
export const ruleSchema: z.ZodMiniType<Rule, unknown> = createRuleSchema({ operators: standardOperatorStandIns() });

// The working-day operators need a calendar to run, but validation only
// needs their names and value checks: a stub calendar provides both.
function standardOperatorStandIns(): readonly OperatorDefinition[] {
  return createOperators({ calendar: { workingDaysBetween: () => 0 } });
}

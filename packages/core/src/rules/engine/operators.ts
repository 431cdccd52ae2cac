/**
 * Operators: json-rules-engine 7's built-in operators and operator decorators,
 * re-implemented line for line, plus sip-kit's custom operators for plans.
 *
 * Semantics are json-rules-engine's, with one deliberate addition that keeps
 * evaluation total: if evaluating an operator throws (json-rules-engine's own
 * `in` does `b.indexOf(a)` and throws a TypeError when `b` is a number; `<`
 * throws on objects whose `valueOf`/`toString` are not functions; a decorator
 * like `someValue` calls `.some` on a non-array), the condition is simply
 * false. The reference evaluator wraps json-rules-engine's own operators the
 * same way, so both evaluators agree on every input.
 * @module
 */
import { SipValidationError } from '../../errors.js';
import { LIMITS } from './limits.js';

/** An operator's test: `factValue` is the left side, `compareValue` the condition's `value`. */
export type OperatorFn = (factValue: unknown, compareValue: unknown) => boolean;

/**
 * A custom operator, created with {@link defineOperator}. Give the same
 * definitions to `compileRules` and to the reference evaluator: both register
 * them (json-rules-engine via `engine.addOperator`).
 */
export interface OperatorDefinition {
  /** Name used in rules: letters and digits, starting with a letter. */
  readonly name: string;
  /** The test. Only a result of exactly `true` passes; a throw means false. */
  readonly evaluate: OperatorFn;
  /**
   * Optional compile-time check of a literal `value` (not applied to fact
   * references or decorated uses): returns an English problem, or `null`.
   */
  readonly validateValue?: (value: unknown) => string | null;
  /** One line for documentation and error messages. */
  readonly description?: string;
}

/** Options of {@link defineOperator}. */
export interface DefineOperatorOptions {
  /** See {@link OperatorDefinition.validateValue}. */
  validateValue?: (value: unknown) => string | null;
  /** See {@link OperatorDefinition.description}. */
  description?: string;
}

/** The minimal calendar that working-day operators need (see `createCalendar`). */
export interface WorkingDayCounter {
  /** Count of working days d with from < d ≤ to (negative when to < from). */
  workingDaysBetween(from: string, to: string): number;
}

/** What operators may be created from: today only a working-day calendar. */
export interface OperatorContext {
  /** Enables `workingDaysAtMost` and `workingDaysMoreThan`. */
  calendar?: WorkingDayCounter;
}

// ---------------------------------------------------------------------------
// json-rules-engine built-ins (dist/engine-default-operators.js), verbatim.
// An Operator's evaluate() is `validator(factValue) && cb(factValue, value)`.

// The verbatim copies call `.indexOf`, `.some` and `<` on whatever they are
// given: throwing on odd values IS json-rules-engine's behaviour (the composed
// operator turns a throw into false), so their operands are deliberately loose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

interface Primitive {
  cb: (a: Loose, b: Loose) => boolean;
  validator: (a: Loose) => boolean;
}

const always = (): boolean => true;
// json-rules-engine's numberValidator, including its quirks: '12abc' and [3]
// count as numbers, null and true do not.
const numberValidator = (a: unknown): boolean => Number.parseFloat(a as string).toString() !== 'NaN';
const isArray = (a: unknown): boolean => Array.isArray(a);

const BUILTINS: ReadonlyMap<string, Primitive> = new Map<string, Primitive>([
  ['equal', { cb: (a, b) => a === b, validator: always }],
  ['notEqual', { cb: (a, b) => a !== b, validator: always }],
  ['in', { cb: (a, b) => b.indexOf(a) > -1, validator: always }],
  ['notIn', { cb: (a, b) => b.indexOf(a) === -1, validator: always }],
  ['contains', { cb: (a, b) => a.indexOf(b) > -1, validator: isArray }],
  ['doesNotContain', { cb: (a, b) => a.indexOf(b) === -1, validator: isArray }],
  ['lessThan', { cb: (a, b) => a < b, validator: numberValidator }],
  ['lessThanInclusive', { cb: (a, b) => a <= b, validator: numberValidator }],
  ['greaterThan', { cb: (a, b) => a > b, validator: numberValidator }],
  ['greaterThanInclusive', { cb: (a, b) => a >= b, validator: numberValidator }],
]);

/** Names of json-rules-engine's built-in operators (all supported). */
export const BUILTIN_OPERATOR_NAMES: readonly string[] = Object.freeze([...BUILTINS.keys()]);

type Next = (a: unknown, b: unknown) => boolean;
interface Decorator {
  cb: (factValue: Loose, jsonValue: Loose, next: Next) => boolean;
  validator: (a: Loose) => boolean;
}

// json-rules-engine's dist/engine-default-operator-decorators.js, verbatim.
const DECORATORS: ReadonlyMap<string, Decorator> = new Map<string, Decorator>([
  ['someFact', { cb: (f, j, next) => f.some((fv: unknown) => next(fv, j)), validator: isArray }],
  ['someValue', { cb: (f, j, next) => j.some((jv: unknown) => next(f, jv)), validator: always }],
  ['everyFact', { cb: (f, j, next) => f.every((fv: unknown) => next(fv, j)), validator: isArray }],
  ['everyValue', { cb: (f, j, next) => j.every((jv: unknown) => next(f, jv)), validator: always }],
  ['swap', { cb: (f, j, next) => next(j, f), validator: always }],
  ['not', { cb: (f, j, next) => !next(f, j), validator: always }],
]);

/** Names of json-rules-engine's operator decorators (all supported): `someFact:equal`, `not:in`, … */
export const DECORATOR_NAMES: readonly string[] = Object.freeze([...DECORATORS.keys()]);

const OPERATOR_NAME = /^[A-Za-z][A-Za-z0-9]*$/u;

/**
 * Defines a custom operator. Register the result with both evaluators
 * (`compileRules(rules, { operators })`, `runReference(rules, facts, { operators })`).
 * The name must be letters and digits starting with a letter (a `:` would read
 * as a decorator), at most 64 characters, and not a built-in operator or
 * decorator name. Only a result of exactly `true` passes, so an operator that
 * returns a truthy non-boolean behaves the same in both evaluators.
 * @throws SipValidationError `rule-operator-invalid` for a bad name or function.
 */
export function defineOperator(name: string, evaluate: OperatorFn, options: DefineOperatorOptions = {}): OperatorDefinition {
  const problem = operatorNameProblem(name);
  if (problem) throw operatorError(problem, name);
  if (typeof evaluate !== 'function') throw operatorError('An operator needs an evaluate function', name);
  const fn = evaluate;
  const def: OperatorDefinition = {
    name,
    evaluate: (a, b) => fn(a, b) === true,
    ...(options.validateValue ? { validateValue: options.validateValue } : {}),
    ...(options.description ? { description: options.description } : {}),
  };
  const frozen = Object.freeze(def);
  NORMALISED.add(frozen);
  return frozen;
}

/** Definitions made by defineOperator: their evaluate already returns a strict boolean. */
const NORMALISED = new WeakSet<OperatorDefinition>();

function operatorNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.length > 64 || !OPERATOR_NAME.test(name)) {
    return 'An operator name is 1–64 letters and digits starting with a letter';
  }
  if (BUILTINS.has(name)) return `'${name}' is a built-in operator and cannot be redefined`;
  if (DECORATORS.has(name)) return `'${name}' is an operator decorator name`;
  return null;
}

function operatorError(message: string, name: unknown, path: (string | number)[] = []): SipValidationError {
  return new SipValidationError([
    { path, code: 'rule-operator-invalid', message, params: { operator: String(name).slice(0, 64) } },
  ]);
}

/**
 * Checks a list of custom operator definitions (unique, valid names) and
 * returns them by name.
 * @throws SipValidationError `rule-operator-invalid`
 */
export function operatorRegistry(operators: readonly OperatorDefinition[] = []): ReadonlyMap<string, OperatorDefinition> {
  const map = new Map<string, OperatorDefinition>();
  if (!Array.isArray(operators)) throw operatorError('operators must be an array of defineOperator() results', '');
  operators.forEach((def, i) => {
    if (def === null || typeof def !== 'object' || typeof def.evaluate !== 'function') {
      throw operatorError('Not an operator definition (use defineOperator)', '', ['operators', i]);
    }
    const problem = operatorNameProblem(def.name);
    if (problem) throw operatorError(problem, def.name, ['operators', i]);
    if (map.has(def.name)) throw operatorError(`Operator '${def.name}' is defined twice`, def.name, ['operators', i]);
    // Re-normalise: a hand-made definition (not from defineOperator) must
    // still pass only on exactly `true`, identically in both evaluators.
    if (NORMALISED.has(def)) {
      map.set(def.name, def);
    } else {
      const fn = def.evaluate;
      map.set(def.name, Object.freeze({ ...def, evaluate: (a: unknown, b: unknown) => fn(a, b) === true }));
    }
  });
  return map;
}

/** Splits `dec1:dec2:op` into decorators and the operator name. */
export function splitOperator(name: string): { decorators: string[]; base: string } {
  const parts = name.split(':');
  const base = parts.pop() as string;
  return { decorators: parts, base };
}

/**
 * Why an operator string cannot be used, or `null` when it can. Checks the
 * decorators and that the base operator is built in or registered.
 */
export function operatorProblem(name: string, custom: ReadonlyMap<string, OperatorDefinition>): string | null {
  if (typeof name !== 'string' || name.length === 0 || name.length > LIMITS.nameLength) {
    return 'An operator must be a non-empty string';
  }
  const { decorators, base } = splitOperator(name);
  if (decorators.length > LIMITS.decorators) return `At most ${LIMITS.decorators} decorators per operator`;
  for (const d of decorators) {
    if (!DECORATORS.has(d)) return `Unknown operator decorator '${d}' (known: ${DECORATOR_NAMES.join(', ')})`;
  }
  if (!BUILTINS.has(base) && !custom.has(base)) return `Unknown operator '${base}'`;
  return null;
}

/**
 * Builds the test for an operator string once, at compile time, composing
 * decorators exactly as json-rules-engine's OperatorMap does (the leftmost
 * decorator is outermost; each decorator's validator guards its own call).
 * The composed test is total: any throw inside yields `false`.
 * Returns `null` for an unknown operator.
 */
export function composeOperator(name: string, custom: ReadonlyMap<string, OperatorDefinition>): OperatorFn | null {
  if (operatorProblem(name, custom) !== null) return null;
  const { decorators, base } = splitOperator(name);
  const builtin = BUILTINS.get(base);
  let op: Next;
  if (builtin) {
    const { cb, validator } = builtin;
    op = validator === always ? cb : (a, b) => validator(a) && cb(a, b);
  } else {
    op = (custom.get(base) as OperatorDefinition).evaluate;
  }
  for (let i = decorators.length - 1; i >= 0; i--) {
    const { cb, validator } = DECORATORS.get(decorators[i] as string) as Decorator;
    const next = op;
    op = validator === always ? (f, j) => cb(f, j, next) : (f, j) => validator(f) && cb(f, j, next);
  }
  // `===` and `!==` cannot throw: no guard needed for them undecorated.
  if (decorators.length === 0 && (base === 'equal' || base === 'notEqual')) return op;
  const composed = op;
  return (a, b) => {
    try {
      return composed(a, b);
    } catch {
      // json-rules-engine would reject the whole run here; sip-kit defines
      // the condition as false (the reference evaluator does the same).
      return false;
    }
  };
}

// ---------------------------------------------------------------------------
// sip-kit custom operators for plans.

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u;
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && ISO_DATE.test(v);

const mustBeArray = (v: unknown): string | null => (Array.isArray(v) ? null : 'The value must be an array');
const mustBeCount = (v: unknown): string | null =>
  Number.isSafeInteger(v) && (v as number) >= 0 ? null : 'The value must be a non-negative integer';
const mustBeTrue = (v: unknown): string | null => (v === true ? null : 'The value must be true (use not:… to negate)');
const mustBeDate = (v: unknown): string | null => (isIsoDate(v) ? null : 'The value must be a YYYY-MM-DD date');

/**
 * Calendar-free operators for plans, registered by default by
 * {@link createOperators}:
 * - `containsAll` — fact is an array holding every element of the value array (strict equality).
 * - `containsAny` — fact is an array holding at least one element of the value array.
 * - `lengthAtLeast` / `lengthAtMost` — fact is an array or string whose length is ≥ / ≤ the value.
 * - `isTrue` / `isFalse` — fact is exactly `true` / `false` (value must be `true`).
 * - `isPresent` — fact is neither `undefined` nor `null` (value must be `true`).
 * - `dateBefore`, `dateOnOrBefore`, `dateAfter`, `dateOnOrAfter` — fact and value are both
 *   `YYYY-MM-DD` dates and compare so (false when either is not a date).
 */
export const planOperators: readonly OperatorDefinition[] = Object.freeze([
  defineOperator(
    'containsAll',
    (a, b) => Array.isArray(a) && Array.isArray(b) && b.every((x) => a.indexOf(x) > -1),
    { validateValue: mustBeArray, description: 'fact array holds every element of the value array' },
  ),
  defineOperator(
    'containsAny',
    (a, b) => Array.isArray(a) && Array.isArray(b) && b.some((x) => a.indexOf(x) > -1),
    { validateValue: mustBeArray, description: 'fact array holds at least one element of the value array' },
  ),
  defineOperator(
    'lengthAtLeast',
    (a, b) => (Array.isArray(a) || typeof a === 'string') && typeof b === 'number' && a.length >= b,
    { validateValue: mustBeCount, description: 'fact array or string has at least value elements' },
  ),
  defineOperator(
    'lengthAtMost',
    (a, b) => (Array.isArray(a) || typeof a === 'string') && typeof b === 'number' && a.length <= b,
    { validateValue: mustBeCount, description: 'fact array or string has at most value elements' },
  ),
  defineOperator('isTrue', (a) => a === true, { validateValue: mustBeTrue, description: 'fact is exactly true' }),
  defineOperator('isFalse', (a) => a === false, { validateValue: mustBeTrue, description: 'fact is exactly false' }),
  defineOperator('isPresent', (a) => a !== undefined && a !== null, {
    validateValue: mustBeTrue,
    description: 'fact is neither undefined nor null',
  }),
  defineOperator('dateBefore', (a, b) => isIsoDate(a) && isIsoDate(b) && a < b, {
    validateValue: mustBeDate,
    description: 'fact date is before the value date',
  }),
  defineOperator('dateOnOrBefore', (a, b) => isIsoDate(a) && isIsoDate(b) && a <= b, {
    validateValue: mustBeDate,
    description: 'fact date is on or before the value date',
  }),
  defineOperator('dateAfter', (a, b) => isIsoDate(a) && isIsoDate(b) && a > b, {
    validateValue: mustBeDate,
    description: 'fact date is after the value date',
  }),
  defineOperator('dateOnOrAfter', (a, b) => isIsoDate(a) && isIsoDate(b) && a >= b, {
    validateValue: mustBeDate,
    description: 'fact date is on or after the value date',
  }),
]);

/** Names of the working-day operators that {@link createWorkingDayOperators} provides. */
export const WORKING_DAY_OPERATOR_NAMES: readonly string[] = Object.freeze(['workingDaysAtMost', 'workingDaysMoreThan']);

/**
 * Working-day operators on top of a calendar. The fact is a window
 * `{ from: 'YYYY-MM-DD', to: 'YYYY-MM-DD' }` (precompute it, e.g. need
 * identified → meeting held, or → today); the value is a number of working
 * days, often `{ fact: 'settings', path: '$.meetingWithinWorkingDays' }`.
 * - `workingDaysAtMost` — `calendar.workingDaysBetween(from, to) <= value`.
 * - `workingDaysMoreThan` — `calendar.workingDaysBetween(from, to) > value`.
 * False when the window or value is malformed, or when the calendar throws.
 */
export function createWorkingDayOperators(calendar: WorkingDayCounter): readonly OperatorDefinition[] {
  if (calendar === null || typeof calendar !== 'object' || typeof calendar.workingDaysBetween !== 'function') {
    throw operatorError('calendar must have a workingDaysBetween(from, to) method', 'workingDays');
  }
  const count = (window: unknown): number | null => {
    if (window === null || typeof window !== 'object' || Array.isArray(window)) return null;
    const from = Object.hasOwn(window, 'from') ? (window as { from: unknown }).from : undefined;
    const to = Object.hasOwn(window, 'to') ? (window as { to: unknown }).to : undefined;
    if (!isIsoDate(from) || !isIsoDate(to)) return null;
    const n = calendar.workingDaysBetween(from, to);
    return typeof n === 'number' && Number.isFinite(n) ? n : null;
  };
  const isCount = (b: unknown): b is number => typeof b === 'number' && Number.isFinite(b);
  return Object.freeze([
    defineOperator(
      'workingDaysAtMost',
      (a, b) => {
        if (!isCount(b)) return false;
        const n = count(a);
        return n !== null && n <= b;
      },
      { validateValue: mustBeCount, description: 'working days in the fact window {from, to} are at most value' },
    ),
    defineOperator(
      'workingDaysMoreThan',
      (a, b) => {
        if (!isCount(b)) return false;
        const n = count(a);
        return n !== null && n > b;
      },
      { validateValue: mustBeCount, description: 'working days in the fact window {from, to} are more than value' },
    ),
  ]);
}

/**
 * All sip-kit custom operators for a context: {@link planOperators}, plus the
 * working-day operators when a calendar is given. Create once per calendar and
 * pass the same array to both evaluators.
 */
export function createOperators(context: OperatorContext = {}): readonly OperatorDefinition[] {
  const ops = [...planOperators];
  if (context.calendar) ops.push(...createWorkingDayOperators(context.calendar));
  return Object.freeze(ops);
}

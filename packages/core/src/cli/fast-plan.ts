/**
 * A fast path in front of `planIssues` for `sip-rules check`. zod runs without
 * JIT here (a strict CSP forbids `new Function`), which made validation most
 * of the CLI's time. This module walks the same `PlanSchema` — read from the
 * schema's own definition, so it cannot drift from it — with plain closures
 * that only answer "certainly valid?". Anything else (invalid input, a schema
 * construct it does not know, a plan near the size limits) goes to the full
 * `planIssues`, so the issues reported for an invalid plan are unchanged.
 * @module
 */
import type { SipIssue } from '../errors.js';
import { checkPlan } from '../model/check.js';
import { LIMITS } from '../model/limits.js';
import { planIssues } from '../model/parse.js';
import { PlanSchema, type Plan } from '../model/plan.js';

/** The parts of zod's internal schema shape this module reads (zod 4 `_zod.def`). */
interface ZodNode {
  _zod: { def: ZodDef; values?: Set<unknown> };
}
interface ZodDef {
  type: string;
  shape?: Record<string, ZodNode>;
  catchall?: ZodNode;
  element?: ZodNode;
  innerType?: ZodNode;
  options?: ZodNode[];
  discriminator?: string;
  inclusive?: boolean;
  checks?: ZodCheck[];
  format?: string;
  coerce?: boolean;
}
interface ZodPayload {
  value: unknown;
  issues: unknown[];
}
interface ZodCheck {
  _zod: {
    def: { check: string; maximum?: number; minimum?: number; fn?: (value: unknown) => unknown; when?: (payload: ZodPayload) => boolean };
    check(payload: ZodPayload): unknown;
  };
}

/** Counts the values walked, as `sanitize` does, so a plan over `LIMITS.nodes` goes to the slow path. */
interface Walk {
  nodes: number;
}

/** True only when `value` certainly passes the schema it was compiled from. */
type Accepts = (value: unknown, walk: Walk) => boolean;

/** A schema construct this module does not know: the fast path is then off and every line takes `planIssues`. */
class Unsupported extends Error {}

// Checks that only judge (never rewrite the value): running them decides validity exactly.
const JUDGING_CHECKS = new Set(['max_length', 'min_length', 'length_equals', 'greater_than', 'less_than', 'custom', 'meta']);
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
/** `sanitize` refuses objects with more keys than this (see model/sanitize.ts). */
const SANITIZE_MAX_KEYS = 100;

/** zod's own check, run on a throwaway payload: exact for the rare cases the inline tests leave open. */
function runZodCheck(check: ZodCheck, value: unknown): boolean {
  const payload: ZodPayload = { value, issues: [] };
  const when = check._zod.def.when;
  if (when && !when(payload)) return true;
  const r = check._zod.check(payload);
  return !(r instanceof Promise) && payload.issues.length === 0;
}

/** A refinement passes when its result is truthy; a promise means async, which the CLI cannot wait for. */
function passes(result: unknown): boolean {
  return result === true || (!!result && !(result instanceof Promise));
}

function compileCheck(check: ZodCheck): ((value: unknown) => boolean) | null {
  const def = check._zod.def;
  if (!JUDGING_CHECKS.has(def.check)) throw new Unsupported(`check ${def.check}`);
  if (def.check === 'meta') return null;
  if (def.check === 'custom') {
    const fn = def.fn;
    if (typeof fn !== 'function') throw new Unsupported('custom check without fn');
    return (value) => passes(fn(value));
  }
  return (value) => runZodCheck(check, value);
}

function compileChecks(def: ZodDef): ((value: unknown) => boolean) | null {
  const checks = (def.checks ?? []).map(compileCheck).filter((c): c is (value: unknown) => boolean => c !== null);
  if (checks.length === 0) return null;
  if (checks.length === 1) return checks[0] as (value: unknown) => boolean;
  return (value) => {
    for (const c of checks) if (!c(value)) return false;
    return true;
  };
}

/**
 * A string schema as one closure: strings are most of a plan, so the common
 * shapes (bounded text; an id or a date: a bound and one refinement) get no
 * further calls. Lengths are compared in UTF-16 units where that decides
 * (zod counts code points: within `max` units is within `max` code points, and
 * twice `min` units is at least `min` code points); zod's own check decides the rest.
 */
function compileString(def: ZodDef): Accepts {
  if (def.format !== undefined) throw new Unsupported(`string format ${def.format}`);
  let max = Infinity;
  let min = 0;
  const exact: ZodCheck[] = [];
  const refinements: ((value: unknown) => unknown)[] = [];
  const others: ((value: unknown) => boolean)[] = [];
  for (const check of def.checks ?? []) {
    const d = check._zod.def;
    if (d.check === 'max_length' && typeof d.maximum === 'number') {
      max = Math.min(max, d.maximum);
      exact.push(check);
    } else if (d.check === 'min_length' && typeof d.minimum === 'number') {
      min = Math.max(min, d.minimum);
      exact.push(check);
    } else if (d.check === 'custom' && typeof d.fn === 'function') {
      refinements.push(d.fn);
    } else {
      const c = compileCheck(check);
      if (c) others.push(c);
    }
  }
  const floor = 2 * min;
  const lengthOk = (s: string): boolean => (s.length <= max && s.length >= floor) || exact.every((c) => runZodCheck(c, s));
  const [refine] = refinements;
  if (others.length === 0 && refinements.length === 0) return (v) => typeof v === 'string' && lengthOk(v);
  if (others.length === 0 && refinements.length === 1 && refine) return (v) => typeof v === 'string' && lengthOk(v) && passes(refine(v));
  return (v) => typeof v === 'string' && lengthOk(v) && refinements.every((fn) => passes(fn(v))) && others.every((c) => c(v));
}

/** Compiles one schema node; `depth` is the container depth `sanitize` would see. */
function compile(node: ZodNode, depth: number): Accepts {
  const def = node._zod.def;
  if (def.coerce) throw new Unsupported('coerce');
  if (def.type === 'string') return compileString(def);
  const checks = compileChecks(def);
  switch (def.type) {
    case 'number': {
      if (def.format !== undefined && def.format !== 'safeint') throw new Unsupported(`number format ${def.format}`);
      const isNumber = def.format === 'safeint' ? (v: unknown) => Number.isSafeInteger(v) : (v: unknown) => typeof v === 'number' && Number.isFinite(v);
      return checks ? (v) => isNumber(v) && checks(v) : isNumber;
    }
    case 'boolean':
      if (checks) throw new Unsupported('checks on boolean');
      return (v) => typeof v === 'boolean';
    case 'enum':
    case 'literal': {
      const values = node._zod.values;
      if (!(values instanceof Set) || checks) throw new Unsupported(def.type);
      return (v) => values.has(v);
    }
    case 'optional': {
      if (!def.innerType || checks) throw new Unsupported('optional');
      const inner = compile(def.innerType, depth);
      return (v, walk) => v === undefined || inner(v, walk);
    }
    case 'array': {
      if (!def.element) throw new Unsupported('array without element');
      if (depth >= LIMITS.depth) throw new Unsupported('schema deeper than LIMITS.depth');
      const item = compile(def.element, depth + 1);
      return (v, walk) => {
        // Longer than `sanitize` allows: let the slow path say so.
        if (!Array.isArray(v) || v.length > LIMITS.audit) return false;
        if (checks && !checks(v)) return false;
        walk.nodes += v.length;
        for (let i = 0; i < v.length; i++) if (!item(v[i], walk)) return false;
        return true;
      };
    }
    case 'object':
      return compileObject(def, checks, depth);
    case 'union':
      return compileUnion(def, checks, depth);
    default:
      throw new Unsupported(def.type);
  }
}

function compileObject(def: ZodDef, checks: ((value: unknown) => boolean) | null, depth: number): Accepts {
  // Only strict objects: their output has exactly the input's keys, so the input can stand in for zod's copy.
  if (!def.shape || def.catchall?._zod.def.type !== 'never') throw new Unsupported('object that is not strict');
  if (depth >= LIMITS.depth) throw new Unsupported('schema deeper than LIMITS.depth');
  const names = Object.keys(def.shape);
  if (names.length > SANITIZE_MAX_KEYS || names.some((k) => FORBIDDEN_KEYS.includes(k))) throw new Unsupported('object keys sanitize refuses');
  const fields = new Map<string, { accepts: Accepts; required: boolean }>();
  for (const name of names) {
    const schema = (def.shape as Record<string, ZodNode>)[name] as ZodNode;
    fields.set(name, { accepts: compile(schema, depth + 1), required: schema._zod.def.type !== 'optional' });
  }
  const required = [...fields.values()].filter((f) => f.required).length;
  return (v, walk) => {
    // What JSON.parse makes; anything else (a class instance, a null-prototype object) is for `sanitize` to judge.
    if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record);
    let found = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const f = fields.get(key);
      const x = record[key];
      // An unknown key, or an undefined value (which `sanitize` would drop): leave it to the slow path.
      if (f === undefined || x === undefined || !f.accepts(x, walk)) return false;
      if (f.required) found++;
    }
    if (found !== required) return false;
    walk.nodes += keys.length;
    return checks ? checks(v) : true;
  };
}

function compileUnion(def: ZodDef, checks: ((value: unknown) => boolean) | null, depth: number): Accepts {
  const options = def.options ?? [];
  if (options.length === 0 || checks) throw new Unsupported('union');
  if (def.discriminator !== undefined) {
    // Distinct literal discriminators: an option that accepts is the one zod would pick.
    const seen = new Set<unknown>();
    for (const o of options) {
      const tag = o._zod.def.shape?.[def.discriminator];
      const values = tag?._zod.def.type === 'literal' ? tag._zod.values : undefined;
      if (!values) throw new Unsupported('discriminator that is not a literal');
      for (const value of values) {
        if (seen.has(value)) throw new Unsupported('repeated discriminator');
        seen.add(value);
      }
    }
  } else if (def.inclusive === false) {
    throw new Unsupported('exclusive union');
  }
  const accepts = options.map((o) => compile(o, depth));
  return (v, walk) => {
    for (const a of accepts) {
      const before = walk.nodes;
      if (a(v, walk)) return true;
      walk.nodes = before;
    }
    return false;
  };
}

/** Compiles `schema` to an accept-only check, or returns null when it uses a construct this module does not know. */
export function compileAcceptor(schema: unknown): ((value: unknown) => boolean) | null {
  let accepts: Accepts;
  try {
    accepts = compile(schema as ZodNode, 0);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  return (value) => {
    const walk: Walk = { nodes: 1 };
    try {
      return accepts(value, walk) && walk.nodes <= LIMITS.nodes;
    } catch {
      // Only input that is not JSON data can throw here (a getter, a revoked Proxy): `sanitize` reports it.
      return false;
    }
  };
}

let planAcceptor: ((value: unknown) => boolean) | null | undefined;

/** True when the fast path is on (`PlanSchema` uses only constructs it knows); a test keeps it so. */
export function fastPlanPathAvailable(): boolean {
  planAcceptor ??= compileAcceptor(PlanSchema);
  return planAcceptor !== null;
}

/**
 * Like `planIssues`, for a value fresh from `JSON.parse` (plain data that
 * nothing else holds): a plan that is certainly valid is returned as it is —
 * it passed the schema's checks and `checkPlan`, so it equals the copy
 * `planIssues` would return — and anything else goes through `planIssues`.
 */
export function planIssuesFromJson(input: unknown): { plan?: Plan; issues: SipIssue[] } {
  planAcceptor ??= compileAcceptor(PlanSchema);
  if (planAcceptor?.(input) && checkPlan(input as Plan).length === 0) return { plan: input as Plan, issues: [] };
  return planIssues(input);
}

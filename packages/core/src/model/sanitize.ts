/**
 * Copies untrusted input into plain data before any schema sees it. This is
 * what keeps `parsePlan` from ever throwing anything but `SipValidationError`
 * and from hanging or polluting a prototype: getters that throw, revoked
 * Proxies, cycles, class instances, deep nesting and `__proto__` keys all end
 * here as issues.
 *
 * - Only plain objects (prototype `Object.prototype` of any realm, or `null`)
 *   and arrays are walked; other objects (Date, Map, class instances) are `wrong-type`.
 * - `__proto__`, `constructor` and `prototype` keys are `forbidden-key` and never copied.
 * - Keys whose value is `undefined` are dropped (as JSON would).
 * - Symbol keys and non-enumerable properties are ignored (as JSON would).
 */
import type { SipIssue } from '../errors.js';
import { issue } from './issues.js';
import { LIMITS } from './limits.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** No object in a plan has more keys than this; more is junk and refused early. */
const MAX_KEYS = 100;
/** Stop collecting after this many structural issues. */
const MAX_ISSUES = 50;

class Abort extends Error {}

interface Ctx {
  nodes: number;
  issues: SipIssue[];
  ancestors: Set<object>;
}

/** Result of {@link sanitize}: a plain-data copy, or the structural issues found. */
export type Sanitized = { ok: true; value: unknown } | { ok: false; issues: SipIssue[] };

/** Copies `input` into plain JSON-like data, or reports why it is not plain data. */
export function sanitize(input: unknown): Sanitized {
  const ctx: Ctx = { nodes: 0, issues: [], ancestors: new Set() };
  let value: unknown;
  try {
    value = copy(input, [], 0, ctx);
  } catch (error) {
    if (!(error instanceof Abort)) ctx.issues.push(issue([], 'unreadable'));
  }
  return ctx.issues.length ? { ok: false, issues: ctx.issues } : { ok: true, value };
}

function report(ctx: Ctx, found: SipIssue): void {
  ctx.issues.push(found);
  if (ctx.issues.length >= MAX_ISSUES) throw new Abort();
}

function copy(value: unknown, path: (string | number)[], depth: number, ctx: Ctx): unknown {
  if (++ctx.nodes > LIMITS.nodes) {
    report(ctx, issue([], 'too-large'));
    throw new Abort();
  }
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= LIMITS.depth) {
    report(ctx, issue(path, 'too-deep', { max: LIMITS.depth }));
    return undefined;
  }
  if (ctx.ancestors.has(value)) {
    report(ctx, issue(path, 'cycle'));
    return undefined;
  }
  ctx.ancestors.add(value);
  try {
    return Array.isArray(value) ? copyArray(value, path, depth, ctx) : copyObject(value, path, depth, ctx);
  } catch (error) {
    if (error instanceof Abort) throw error;
    report(ctx, issue(path, 'unreadable'));
    return undefined;
  } finally {
    ctx.ancestors.delete(value);
  }
}

function copyArray(value: readonly unknown[], path: (string | number)[], depth: number, ctx: Ctx): unknown[] | undefined {
  const length = value.length;
  if (!Number.isSafeInteger(length) || length < 0) {
    report(ctx, issue(path, 'unreadable'));
    return undefined;
  }
  if (length > LIMITS.audit) {
    // No list in a plan may be this long; refuse before walking it.
    report(ctx, issue(path, 'too-many', { max: LIMITS.audit }));
    return undefined;
  }
  const out: unknown[] = new Array<unknown>(length);
  for (let i = 0; i < length; i++) out[i] = read(value, i, path, depth, ctx);
  return out;
}

function copyObject(value: object, path: (string | number)[], depth: number, ctx: Ctx): Record<string, unknown> | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) {
    report(ctx, issue(path, 'wrong-type', { expected: 'object' }));
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length > MAX_KEYS) {
    report(ctx, issue(path, 'too-many', { max: MAX_KEYS }));
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (FORBIDDEN.has(key)) {
      report(ctx, issue([...path, key], 'forbidden-key', { key }));
      continue;
    }
    const child = read(value, key, path, depth, ctx);
    if (child !== undefined) out[key] = child;
  }
  return out;
}

function read(holder: object, key: string | number, path: (string | number)[], depth: number, ctx: Ctx): unknown {
  let raw: unknown;
  try {
    raw = (holder as Record<string | number, unknown>)[key];
  } catch {
    report(ctx, issue([...path, key], 'unreadable'));
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) {
    if (++ctx.nodes > LIMITS.nodes) {
      report(ctx, issue([], 'too-large'));
      throw new Abort();
    }
    return raw;
  }
  return copy(raw, [...path, key], depth + 1, ctx);
}

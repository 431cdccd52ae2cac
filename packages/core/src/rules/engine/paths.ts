/**
 * The JSONPath subset that rule `path`s may use, and its resolver.
 *
 * json-rules-engine 7 resolves `path` with jsonpath-plus
 * (`JSONPath({ path, json, wrap: false })`). Full JSONPath has wildcards,
 * filters and script expressions that we neither need nor could reproduce
 * cheaply, so sip-kit accepts only plain property/index steps. For exactly
 * these steps jsonpath-plus does one thing: step into `val[key]` when `val` is
 * truthy and `Object.hasOwn(val, key)`, otherwise there is no match and the
 * result is `undefined`. The resolver below does the same, so the two agree
 * by construction (and the differential test checks it).
 * @module
 */
import { LIMITS } from './limits.js';

/** Segments that could reach an object's prototype machinery; never allowed. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A parsed path: `null` for `$` itself, else the keys to step through. */
export type ParsedPath = readonly string[];

/** Why a path was refused (for `rule-path-unsupported` messages). */
export interface PathProblem {
  /** English explanation for developers. */
  message: string;
}

// Dotted step: `.name` — a letter or `_`, then letters, digits, `_` or `-`.
// `\p{L}` admits å, ä, ö, æ, ø and Sami letters in fact keys.
const DOT_STEP = /^\.([\p{L}_][\p{L}\p{N}_-]*)/u;
// Index step: `[0]`, `[12]` — no sign, no leading zeros.
const INDEX_STEP = /^\[(0|[1-9][0-9]{0,8})\]/u;
// Quoted step: `['any key']` — letters, digits, `_`, `-`, space. No quote,
// bracket, dot or JSONPath metacharacter can appear, so jsonpath-plus can
// never read it as a wildcard, slice, filter, union or type selector.
const QUOTED_STEP = /^\['([\p{L}\p{N}_\- ]{1,128})'\]/u;

/**
 * Parses a path in the sip-kit subset: `$`, followed by any number of steps
 * `.name`, `[0]` or `['key with spaces']`. Returns the keys, or a problem.
 * Pure and total: never throws.
 */
export function parsePath(path: string): ParsedPath | PathProblem {
  if (typeof path !== 'string') return { message: 'A path must be a string' };
  if (path.length > LIMITS.pathLength) return { message: `A path may be at most ${LIMITS.pathLength} characters` };
  if (!path.startsWith('$')) return { message: "A path must start with '$' (JSONPath)" };
  const keys: string[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m = DOT_STEP.exec(rest) ?? INDEX_STEP.exec(rest) ?? QUOTED_STEP.exec(rest);
    if (!m) {
      return {
        message: `Unsupported path syntax at '${rest.slice(0, 20)}': only '$', '.name', '[0]' and "['key']" steps are supported`,
      };
    }
    const key = m[1] as string;
    if (FORBIDDEN_KEYS.has(key)) return { message: `The path step '${key}' is not allowed` };
    keys.push(key);
    if (keys.length > LIMITS.pathSteps) return { message: `A path may have at most ${LIMITS.pathSteps} steps` };
    rest = rest.slice(m[0].length);
  }
  return keys;
}

/** True when {@link parsePath} refused the path. */
export function isPathProblem(parsed: ParsedPath | PathProblem): parsed is PathProblem {
  return !Array.isArray(parsed);
}

/**
 * Builds the resolver for parsed keys, once, at compile time.
 * Mirrors json-rules-engine's almanac: a path is applied only when the fact
 * value is a non-null object; a primitive (or null/undefined) fact value is
 * returned unchanged, path or not.
 */
export function compilePath(keys: ParsedPath): (value: unknown) => unknown {
  const n = keys.length;
  if (n === 0) return identity;
  if (n === 1) {
    const k0 = keys[0] as string;
    return (value) => {
      if (value === null || typeof value !== 'object') return value;
      return Object.hasOwn(value, k0) ? (value as Record<string, unknown>)[k0] : undefined;
    };
  }
  const ks = keys.slice();
  return (value) => {
    if (value === null || typeof value !== 'object') return value;
    let v: unknown = value;
    for (let i = 0; i < n; i++) {
      const k = ks[i] as string;
      // `v &&` as in jsonpath-plus: falsy values (0, '', false, null) have no
      // children; strings do (own indexes and `length`), as Object.hasOwn says.
      if (!v || !Object.hasOwn(v as object, k)) return undefined;
      v = (v as Record<string, unknown>)[k];
    }
    return v;
  };
}

function identity(value: unknown): unknown {
  return value;
}

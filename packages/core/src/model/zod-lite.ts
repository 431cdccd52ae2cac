/**
 * A tiny stand-in for `./zod.ts` in browser bundles: the same functions, for
 * the small part of zod/mini the plan model uses, at a fraction of the size.
 *
 * zod stays the definition and the reference validator (Node, the CLI and
 * JSON Schema generation use it). This module only has to give the same
 * RESULT as zod 4 for the model's schemas: the same parsed data (key order
 * and presence included) and issues that `mapZodIssues` turns into the same
 * sip-kit issues, in the same order (the raw issues agree on every field it
 * reads). `test/model-zod-lite.test.ts` holds the two identical on generated
 * and mutated plans and store commands.
 *
 * The semantics copied from zod 4 (`zod/v4/core/schemas.js`, `checks.js`):
 * - After a failed type check, checks without a `when` (refine, minimum, the
 *   integer check) are skipped; length checks still run on anything with a
 *   `length`, unless an issue explicitly aborted (`continue: false`).
 * - String lengths count code points; an array over its `maxLength` reports
 *   only that, without checking its items.
 * - Objects output shape keys in shape order, then (loose objects) unknown
 *   keys in input order; a strict object reports all unknown keys in one
 *   `unrecognized_keys` issue after the issues of its fields.
 *
 * No `eval`/`new Function` (strict CSP), no dependencies.
 * @internal
 */

/** An issue as zod reports it, with the fields `mapZodIssues` reads. */
export interface LiteIssue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  origin?: string;
  maximum?: number;
  minimum?: number;
  values?: unknown[];
  options?: unknown[];
  keys?: string[];
  params?: Record<string, unknown>;
  /** Whether later checks may still run (zod's `continue`). */
  continue?: boolean;
}

interface Payload {
  value: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- narrowed by each parser, as in zod
  issues: LiteIssue[];
}

/** A check from {@link maxLength}, {@link minLength}, {@link minimum}, {@link maximum}, {@link refine} or {@link meta}. */
export interface LiteCheck {
  /** zod's `when`: the check runs after a type error when this says so. */
  w?: (value: unknown) => boolean;
  /** A length check (leading ones may cap an array before its items are checked). */
  l?: boolean;
  /** The maximum of a `maxLength` check. */
  m?: number;
  /** Runs the check, pushing issues. */
  c(p: Payload): void;
}

/** Result of {@link LiteSchema.safeParse}, shaped like zod's. */
export type LiteSafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: LiteIssue[] } };

/** A schema: what sip-kit uses of a zod/mini schema. */
export interface LiteSchema<T = unknown> {
  safeParse(value: unknown): LiteSafeParseResult<T>;
  /** Returns the parsed value or throws an Error carrying `issues`. */
  parse(value: unknown): T;
  /** A copy with `checks` appended (zod/mini's `.check`). */
  check(...checks: LiteCheck[]): LiteSchema<T>;
  /** The fields, on objects. */
  shape?: Record<string, LiteSchema>;
  /** @internal Runs the schema on a payload (zod's `_zod.run`). */
  r(p: Payload): Payload;
  /** @internal Optional in and out: an absent key is fine and stays absent. */
  o?: boolean;
  /** @internal The values a literal accepts (for discriminated unions). */
  v?: Set<unknown>;
}

/** Any schema (the type `./zod.ts` exports as `SomeType`). */
export type SomeType = LiteSchema;

type Parser = (p: Payload, checks: LiteCheck[]) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// zod's isPlainObject: an object whose constructor, if a function, has a prototype owning `isPrototypeOf`.
function isPlainObject(v: unknown): boolean {
  if (!isObject(v)) return false;
  const ctor = v.constructor as { prototype?: unknown } | undefined;
  return ctor === undefined || typeof ctor !== 'function' || (isObject(ctor.prototype) && Object.hasOwn(ctor.prototype, 'isPrototypeOf'));
}

/** Pushes an issue with an empty path. */
const fail = (p: Payload, code: string, extra?: Omit<LiteIssue, 'code' | 'path'>): void => {
  p.issues.push({ code, path: [], ...extra });
};

const typeError = (p: Payload, expected: string): void => fail(p, 'invalid_type', { expected });

/** True when an issue from `from` on stops checks without a `when` (zod's `aborted`). */
const aborted = (p: Payload, from = 0): boolean => p.issues.slice(from).some((i) => i.continue !== true);

/** Adds `key` in front of the paths of `issues` and moves them to `p` (zod's `prefixIssues`). */
const adopt = (p: Payload, key: PropertyKey, issues: LiteIssue[]): void => {
  for (const i of issues) {
    i.path.unshift(key);
    p.issues.push(i);
  }
};

const fresh = (value: unknown): Payload => ({ value, issues: [] });

function make<T>(parse: Parser, checks: LiteCheck[] = [], extra?: Partial<LiteSchema>): LiteSchema<T> {
  const s: LiteSchema<T> = {
    ...extra,
    r(p) {
      parse(p, checks);
      // zod's runChecks.
      let stop = aborted(p);
      for (const ch of checks) {
        if (ch.w) {
          if (p.issues.some((i) => i.continue === false) || !ch.w(p.value)) continue;
        } else if (stop) continue;
        const n = p.issues.length;
        ch.c(p);
        if (!stop && p.issues.length > n) stop = aborted(p, n);
      }
      return p;
    },
    check: (...more) => make<T>(parse, [...checks, ...more], extra),
    safeParse(value) {
      const p = s.r(fresh(value));
      return p.issues.length ? { success: false, error: { issues: p.issues } } : { success: true, data: p.value as T };
    },
    parse(value) {
      const result = s.safeParse(value);
      if (result.success) return result.data;
      throw Object.assign(new Error('Invalid input'), result.error);
    },
  };
  return s;
}

/** A string. */
export const string = (): LiteSchema<string> => make((p) => typeof p.value === 'string' || typeError(p, 'string'));

/** A boolean. */
export const boolean = (): LiteSchema<boolean> => make((p) => typeof p.value === 'boolean' || typeError(p, 'boolean'));

/** Anything. */
export const unknown = (): LiteSchema => make(() => 0);

/** A safe integer: a finite number first (`expected: 'number'`), then an integer (`expected: 'int'`, aborting), then safe (`too_big`/`too_small`, continuing). */
export const int = (): LiteSchema<number> =>
  make(
    (p) => (typeof p.value === 'number' && Number.isFinite(p.value)) || typeError(p, 'number'),
    [
      {
        c(p) {
          const v = p.value as number;
          if (!Number.isInteger(v)) fail(p, 'invalid_type', { expected: 'int', continue: false });
          else if (!Number.isSafeInteger(v))
            fail(p, v > 0 ? 'too_big' : 'too_small', { origin: 'int', continue: true, [v > 0 ? 'maximum' : 'minimum']: v > 0 ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER });
        },
      },
    ],
  );

/** One of `values` (`invalid_value` otherwise). */
function oneOf<T>(values: unknown[]): LiteSchema<T> {
  const set = new Set(values);
  return make((p) => set.has(p.value) || fail(p, 'invalid_value', { values }), [], { v: set });
}

/** Exactly `value`. */
export const literal = <const T>(value: T): LiteSchema<T> => oneOf([value]);

// Values in the order zod lists them: it builds an object from the array, so integer-like values come first.
function enumOf<const T extends readonly string[]>(values: T): LiteSchema<T[number]> {
  return oneOf(Object.values(Object.fromEntries(values.map((v) => [v, v]))));
}
export { enumOf as enum };

/** `undefined` (and an absent key) or `inner`. */
export const optional = <T>(inner: LiteSchema<T>): LiteSchema<T | undefined> =>
  make((p) => p.value === undefined || inner.r(p), [], { o: true });

/** `null` or `inner`. */
export const nullable = <T>(inner: LiteSchema<T>): LiteSchema<T | null> =>
  make((p) => p.value === null || inner.r(p), [], { o: inner.o });

/** An array of `element`; an array longer than a leading `maxLength` reports only that. */
export const array = <T>(element: LiteSchema<T>): LiteSchema<T[]> =>
  make((p, checks) => {
    const input = p.value as unknown;
    if (!Array.isArray(input)) return typeError(p, 'array');
    // zod's capSize: the first leading length check the array is too long for, alone and aborting.
    for (const ch of checks) {
      if (!ch.l) break;
      if (ch.m !== undefined && input.length > ch.m) {
        ch.c(p);
        (p.issues[p.issues.length - 1] as LiteIssue).continue = false;
        return;
      }
    }
    // A loop, not map: zod checks holes too.
    const out: unknown[] = Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const r = element.r(fresh(input[i]));
      adopt(p, i, r.issues);
      out[i] = r.value;
    }
    p.value = out;
  });

function object<T>(shape: Record<string, LiteSchema>, strict: boolean): LiteSchema<T> {
  const keys = Object.keys(shape);
  return make(
    (p) => {
      const input = p.value as unknown;
      if (!isObject(input)) return typeError(p, 'object');
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        if (key === '__proto__') continue;
        const field = shape[key] as LiteSchema;
        const r = field.r(fresh(input[key]));
        const present = key in input;
        if (!present && field.o) continue;
        adopt(p, key, r.issues);
        if (present) out[key] = r.value;
        else if (!r.issues.length) p.issues.push({ code: 'invalid_type', expected: 'nonoptional', path: [key] });
      }
      const unknownKeys: string[] = [];
      for (const key in input) {
        if (keys.includes(key)) continue;
        if (strict) unknownKeys.push(key);
        else if (key !== '__proto__') out[key] = input[key];
      }
      // Describes the input, not the value, so it does not abort (zod: `continue: true`).
      if (unknownKeys.length) fail(p, 'unrecognized_keys', { keys: unknownKeys, continue: true });
      p.value = out;
    },
    [],
    { shape: { ...shape } },
  );
}

/** An object with exactly these keys (others are `unrecognized_keys`). */
export const strictObject = <T>(shape: Record<string, LiteSchema>): LiteSchema<T> => object(shape, true);

/** An object with these keys; other keys are kept as they are. */
export const looseObject = <T>(shape: Record<string, LiteSchema>): LiteSchema<T> => object(shape, false);

/** One of `options` (strict objects), chosen by the literal at `key`; another value there is `invalid_union` at `[key]`. */
export function discriminatedUnion<T>(key: string, options: LiteSchema[]): LiteSchema<T> {
  const byValue = new Map<unknown, LiteSchema>();
  for (const option of options) for (const value of option.shape?.[key]?.v ?? []) byValue.set(value, option);
  return make((p) => {
    if (!isObject(p.value)) return typeError(p, 'object');
    const option = byValue.get(p.value[key]);
    if (option) option.r(p);
    else p.issues.push({ code: 'invalid_union', options: [...byValue.keys()], path: [key] });
  });
}

/** A plain object whose keys pass `keySchema` and whose values pass `valueSchema`. */
export function record<V>(keySchema: LiteSchema<string>, valueSchema: LiteSchema<V>): LiteSchema<Record<string, V>> {
  return make((p) => {
    const source = p.value as Record<PropertyKey, unknown>;
    if (!isPlainObject(source)) return typeError(p, 'record');
    const out: Record<PropertyKey, unknown> = {};
    for (const key of Reflect.ownKeys(source)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(source, key)) continue;
      const k = keySchema.r(fresh(key));
      if (k.issues.length) {
        p.issues.push({ code: 'invalid_key', origin: 'record', path: [key] });
        continue;
      }
      const r = valueSchema.r(fresh(source[key]));
      adopt(p, key, r.issues);
      out[k.value as PropertyKey] = r.value;
    }
    p.value = out;
  });
}

// zod's default `when` for length checks.
const hasLength = (v: unknown): boolean => v != null && (v as { length?: unknown }).length !== undefined;

// Code points, as zod counts string lengths (a lone surrogate counts as one).
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

const lengthOrigin = (v: unknown): string => (Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : 'unknown');

/** At most `max` items, or code points for strings (`too_big`). */
export const maxLength = (max: number): LiteCheck => ({
  w: hasLength,
  l: true,
  m: max,
  c(p) {
    const v = p.value as { length: number };
    const length = typeof v === 'string' && v.length > max ? codePoints(v) : v.length;
    if (!(length <= max)) fail(p, 'too_big', { origin: lengthOrigin(v), maximum: max, continue: true });
  },
});

/** At least `min` items, or code points for strings (`too_small`). */
export const minLength = (min: number): LiteCheck => ({
  w: hasLength,
  l: true,
  c(p) {
    const v = p.value as { length: number };
    const length = typeof v === 'string' && v.length >= min && v.length < min * 2 ? codePoints(v) : v.length;
    if (!(length >= min)) fail(p, 'too_small', { origin: lengthOrigin(v), minimum: min, continue: true });
  },
});

/** A number of at least `min` (`too_small`). */
export const minimum = (min: number): LiteCheck => ({
  c: (p) => (p.value as number) >= min || fail(p, 'too_small', { origin: 'number', minimum: min, continue: true }),
});

/** A number of at most `max` (`too_big`). */
export const maximum = (max: number): LiteCheck => ({
  c: (p) => (p.value as number) <= max || fail(p, 'too_big', { origin: 'number', maximum: max, continue: true }),
});

/** A `custom` issue with `params` when `fn` is falsy; `abort` stops later checks. */
export const refine = <T>(fn: (value: T) => unknown, options: { params?: Record<string, unknown>; abort?: boolean } = {}): LiteCheck => ({
  c(p) {
    if (!fn(p.value as T)) fail(p, 'custom', { continue: !options.abort, ...(options.params ? { params: options.params } : {}) });
  },
});

/** JSON Schema metadata: nothing to check. */
export const meta = (_metadata: Record<string, unknown>): LiteCheck => ({ c() {} });

/** Nothing to configure: this module never compiles code. */
export const config = (_config?: unknown): void => {};

/** Not available here: JSON Schema generation needs zod (the Node entry of `@sip-kit/core`). */
export function toJSONSchema(_schema?: unknown, _options?: unknown): never {
  throw new Error('sip-kit: JSON Schema generation needs zod; use the Node entry of @sip-kit/core (planJsonSchema is not in browser bundles).');
}

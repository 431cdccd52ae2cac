/**
 * Building blocks shared by every schema: ids, texts with documented limits,
 * calendar dates, instants and links. Custom checks carry a `sipCode` param so
 * the issue mapper can give them stable codes (`date-invalid`, …).
 */
import { isIsoDate } from '../dates.js';
import { LIMITS } from './limits.js';
import * as z from './zod.js';

// Not only dots: `.` and `..` mean "this/parent directory" in every URL and path, so no adapter could store them.
const ID_PATTERN = /^(?!\.+$)[A-Za-z0-9.-]{1,64}$/;

/** True when `value` is a valid sip-kit id (1–64 of `A-Z a-z 0-9 . -`, the FHIR id alphabet, not dots alone). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** An id: 1–64 characters from `A-Z a-z 0-9 . -`, not dots alone; safe in URLs, DOM ids and FHIR. */
export const IdSchema = z
  .string()
  .check(
    z.maxLength(LIMITS.idLength),
    z.refine((v) => ID_PATTERN.test(v), { params: { sipCode: 'id-invalid' }, abort: true }),
    z.meta({ pattern: ID_PATTERN.source }),
  );

/** A reference to the id of something else in the same plan (a participant, party, goal, …). */
export const RefSchema = IdSchema;

/** Text of at most `max` characters; `required` texts must have at least one character. */
export function text(max: number, required = false) {
  return required
    ? z.string().check(z.minLength(1), z.maxLength(max))
    : z.string().check(z.maxLength(max));
}

/** A name, title or short label (≤ {@link LIMITS.shortText}); may not be empty. */
export const NameSchema = text(LIMITS.shortText, true);
/** A short optional label (≤ {@link LIMITS.shortText}). */
export const ShortTextSchema = text(LIMITS.shortText);
/** A few sentences (≤ {@link LIMITS.text}); may not be empty. */
export const RequiredTextSchema = text(LIMITS.text, true);
/** A few sentences (≤ {@link LIMITS.text}). */
export const TextSchema = text(LIMITS.text);
/** Notes or the person's own words (≤ {@link LIMITS.longText}). */
export const LongTextSchema = text(LIMITS.longText);

/** A calendar day `YYYY-MM-DD` that exists (`2026-02-30` is refused with `date-invalid`). */
export const IsoDateSchema = z
  .string()
  .check(
    z.refine((v) => isIsoDate(v), { params: { sipCode: 'date-invalid' }, abort: true }),
    z.meta({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  );

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * An instant: ISO 8601 date and time with seconds and an explicit offset,
 * e.g. `2026-03-02T09:30:00Z` or `2026-03-02T10:30:00+01:00`. `Date#toISOString()` produces one.
 */
export type Instant = string;

/** True when `value` is an {@link Instant} on a real calendar day. */
export function isInstant(value: unknown): value is Instant {
  if (typeof value !== 'string' || value.length > 40) return false;
  const m = INSTANT.exec(value);
  return m !== null && isIsoDate(m[1]);
}

/** Schema for an {@link Instant}; refused with `instant-invalid`. */
export const InstantSchema = z
  .string()
  .check(
    z.refine((v) => isInstant(v), { params: { sipCode: 'instant-invalid' }, abort: true }),
    z.meta({ format: 'date-time', pattern: INSTANT.source }),
  );

/**
 * URL schemes a meeting link may use. Only `https:`: a link is opened by people
 * from the plan, so `javascript:`, `data:`, `http:` and the like are refused
 * (`url-not-allowed`). Links with a user name or password are refused too.
 */
export const ALLOWED_URL_SCHEMES = ['https:'] as const;

/** True when `value` is an absolute `https:` URL without credentials, at most {@link LIMITS.url} long. */
export function isAllowedUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > LIMITS.url) return false;
  try {
    const url = new URL(value);
    return (ALLOWED_URL_SCHEMES as readonly string[]).includes(url.protocol) && url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A link for a digital meeting: `https:` only (see {@link ALLOWED_URL_SCHEMES}). */
export const HttpsUrlSchema = z
  .string()
  .check(
    z.maxLength(LIMITS.url),
    z.refine((v) => isAllowedUrl(v), { params: { sipCode: 'url-not-allowed' }, abort: true }),
    z.meta({ format: 'uri', pattern: '^https://' }),
  );

/** A list of at most `max` references. */
export function refs(max: number = LIMITS.references) {
  return z.array(RefSchema).check(z.maxLength(max));
}

/** An array of at most `max` items of `item`. */
export function list<T extends z.SomeType>(item: T, max: number) {
  return z.array(item).check(z.maxLength(max));
}

import { isIsoDate, type IsoDate } from '../dates.js';
import { SipValidationError, type SipIssue } from '../errors.js';
import type { CalendarBase } from './holidays.js';

/**
 * What `createCalendar` accepts: a country code, or a country plus an
 * organisation's own days — `closed` (extra non-working days, e.g. a
 * municipality's closing day) and `open` (days that are working days for the
 * organisation even though the country's calendar says otherwise, e.g. an open
 * Saturday). A date may not be both closed and open.
 */
export type CalendarSpec =
  | CalendarBase
  | {
      /** The country whose holidays apply. */
      base: CalendarBase;
      /** Extra non-working days, `YYYY-MM-DD`; at most {@link MAX_CALENDAR_DAYS}. */
      closed?: readonly IsoDate[];
      /** Extra working days (override weekends and holidays), `YYYY-MM-DD`; at most {@link MAX_CALENDAR_DAYS}. */
      open?: readonly IsoDate[];
    };

/** A validated {@link CalendarSpec} in object form: lists present, sorted and without duplicates. */
export interface NormalizedCalendarSpec {
  /** The country whose holidays apply. */
  readonly base: CalendarBase;
  /** The organisation's extra non-working days, ascending. */
  readonly closed: readonly IsoDate[];
  /** The organisation's extra working days, ascending. */
  readonly open: readonly IsoDate[];
}

/** The longest `closed` or `open` list a {@link CalendarSpec} may have (keeps validation and memory bounded). */
export const MAX_CALENDAR_DAYS = 10_000;

// Stop collecting after this many issues: a 10,000-entry list of garbage should not make a 10,000-entry error.
const MAX_ISSUES = 20;

const isBase = (v: unknown): v is CalendarBase => v === 'SE' || v === 'NO';

/**
 * Validates a {@link CalendarSpec} and returns it normalised. Throws
 * `SipValidationError` listing every problem (codes `calendar-spec-invalid`,
 * `calendar-base-invalid`, `calendar-spec-unknown-key`, `calendar-days-invalid`,
 * `calendar-days-too-many`, `date-invalid`, `calendar-day-conflict`).
 */
export function parseCalendarSpec(input: unknown): NormalizedCalendarSpec {
  const issues: SipIssue[] = [];
  const add = (issue: SipIssue): void => void (issues.length < MAX_ISSUES && issues.push(issue));
  if (isBase(input)) return Object.freeze({ base: input, closed: Object.freeze([]), open: Object.freeze([]) });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SipValidationError([
      { path: [], code: 'calendar-spec-invalid', message: "Expected 'SE', 'NO' or { base, closed?, open? }" },
    ]);
  }
  const spec = input as Record<string, unknown>;
  for (const key of Object.keys(spec)) {
    if (key !== 'base' && key !== 'closed' && key !== 'open') {
      add({ path: [key], code: 'calendar-spec-unknown-key', message: `Unknown calendar setting ${JSON.stringify(key.slice(0, 40))}` });
    }
  }
  if (!isBase(spec.base)) add({ path: ['base'], code: 'calendar-base-invalid', message: "Expected base 'SE' or 'NO'" });
  const list = (field: 'closed' | 'open'): IsoDate[] => {
    const value = spec[field];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      add({ path: [field], code: 'calendar-days-invalid', message: `Expected ${field} to be an array of YYYY-MM-DD dates` });
      return [];
    }
    if (value.length > MAX_CALENDAR_DAYS) {
      add({
        path: [field],
        code: 'calendar-days-too-many',
        message: `At most ${MAX_CALENDAR_DAYS} ${field} days are allowed, got ${value.length}`,
        params: { max: MAX_CALENDAR_DAYS },
      });
      return [];
    }
    const out = new Set<IsoDate>();
    for (let i = 0; i < value.length; i++) {
      const d: unknown = value[i];
      if (isIsoDate(d)) out.add(d);
      else add({ path: [field, i], code: 'date-invalid', message: 'Expected a calendar date as YYYY-MM-DD' });
    }
    // ISO dates with 4-digit years sort correctly as strings.
    return [...out].sort();
  };
  const closed = list('closed');
  const open = list('open');
  const openSet = new Set(open);
  for (const d of closed) {
    if (openSet.has(d)) add({ path: ['closed'], code: 'calendar-day-conflict', message: `${d} is listed as both closed and open` });
  }
  if (issues.length) throw new SipValidationError(issues);
  return Object.freeze({ base: spec.base as CalendarBase, closed: Object.freeze(closed), open: Object.freeze(open) });
}

/**
 * A zod-like validator for {@link CalendarSpec}, for code that validates
 * configuration (rule packs, settings) without pulling zod into the calendar.
 */
export const calendarSpecSchema = Object.freeze({
  /** Returns the normalised spec or throws `SipValidationError`. */
  parse: parseCalendarSpec,
  /** Never throws: `{ success: true, data }` or `{ success: false, error }`. */
  safeParse(
    input: unknown,
  ): { success: true; data: NormalizedCalendarSpec } | { success: false; error: SipValidationError } {
    try {
      return { success: true, data: parseCalendarSpec(input) };
    } catch (error) {
      if (SipValidationError.is(error)) return { success: false, error };
      throw error;
    }
  },
});

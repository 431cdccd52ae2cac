import { assertIsoDate, fromDayNumber, toDayNumber, yearOf, type IsoDate } from '../dates.js';
import { SipValidationError } from '../errors.js';
import { DAYS_BEFORE_MONTH, holidayList, holidayWeekdays, type CalendarBase, type Holiday } from './holidays.js';
import { parseCalendarSpec, type CalendarSpec, type NormalizedCalendarSpec } from './spec.js';

/**
 * The largest `n` that `addWorkingDays` accepts: 100,000 working days is about
 * 380 years, far beyond any real deadline, and bounds the work per call.
 */
export const MAX_WORKING_DAYS = 100_000;

/** Working-day arithmetic for one country, optionally with an organisation's own closed and open days. */
export interface WorkingDayCalendar {
  /** The validated spec this calendar was made from. */
  readonly spec: NormalizedCalendarSpec;
  /**
   * True for Monday–Friday that is not a holiday (including Swedish deadline
   * eves) and not an organisation closed day — or for any organisation open day.
   */
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The n-th working day after `date` (0 ≤ n ≤ {@link MAX_WORKING_DAYS}). `n = 0`
   * returns `date` if it is a working day, else the next working day — a
   * deadline that falls on a non-working day moves to the next working day.
   * Throws `SipValidationError` (`date-out-of-range`) past 9999-12-31.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** The number of working days d with from < d ≤ to; negative (the count for to < d ≤ from) when to is earlier. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /**
   * The country's holidays in `year` (integer 0–9999), sorted by date, one entry
   * per date. Organisation closed/open days are not listed here.
   */
  holidays(year: number): Holiday[];
}

const MAX_DAY = toDayNumber('9999-12-31');

const mod7 = (x: number): number => ((x % 7) + 7) % 7;

/** The number written by the ASCII digits of `s` at [from, to), or -1 when one of them is not a digit. */
const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

/**
 * The day number of `value` when it is a real `YYYY-MM-DD` day (exactly what
 * `isIsoDate` accepts), else -1 — one pass over the characters instead of a
 * regular expression and string slices, since every calendar call checks its dates.
 */
export function dayNumberOf(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return -1; // -1: not digits
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const inMonth = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > inMonth) return -1;
  // Days from 0000-03-01 style arithmetic would do too; this mirrors toDayNumber through the year's 1 January.
  const y = year - 1;
  const jan1 = 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 719162;
  return jan1 + DAYS_BEFORE_MONTH[month - 1]! + (month > 2 && leap ? 1 : 0) + day - 1;
}

/** Weekdays (Mon–Fri) among day numbers below `day`, counted from a fixed origin; only differences matter. */
const weekdaysBefore = (day: number): number => {
  const s = day + 3; // 0 ≡ Monday
  return 5 * Math.floor(s / 7) + Math.min(mod7(s), 5);
};

/** The day `k` (≥ 1) weekdays after `day`: whole weeks first, then the remainder — the inverse of weekdaysBefore. */
const weekdaysAfter = (day: number, k: number): number => {
  const t = weekdaysBefore(day + 1) + k - 1;
  return 7 * Math.floor(t / 5) + (((t % 5) + 5) % 5) - 3;
};

/** How many of the ascending `days` lie in (a, b]. */
function countIn(days: readonly number[], a: number, b: number): number {
  return upperBound(days, b) - upperBound(days, a);
}

/** Index of the first element greater than `x`. */
function upperBound(days: readonly number[], x: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fail(path: string, code: string, message: string, params?: Record<string, number>): never {
  throw new SipValidationError([{ path: [path], code, message, ...(params ? { params } : {}) }]);
}

/**
 * Creates a working-day calendar for `'SE'` (Lag 1989:253 plus the deadline eves
 * of Lag 1930:173), `'NO'` (lov om helligdager plus 1 and 17 May), or a country
 * with an organisation's own `closed` and `open` days. Pure: no `Date`, no time
 * zone. Throws `SipValidationError` for an invalid spec.
 *
 * @example
 * createCalendar('SE').addWorkingDays('2026-12-18', 10); // '2027-01-08'
 */
export function createCalendar(spec: CalendarSpec): WorkingDayCalendar {
  const norm = parseCalendarSpec(spec);
  const base: CalendarBase = norm.base;
  const open = new Set(norm.open.map(toDayNumber));
  const closed = new Set(norm.closed.map(toDayNumber));

  const baseWorking = (day: number): boolean => mod7(day + 3) < 5 && !holidayWeekdays(base, yearOf(day)).includes(day);
  // Only the organisation days that change the country's answer affect counts; keep them sorted for binary search.
  const extraOpen = [...open].filter((d) => !baseWorking(d)).sort((a, b) => a - b);
  const extraClosed = [...closed].filter(baseWorking).sort((a, b) => a - b);

  const working = (day: number): boolean => (open.has(day) ? true : closed.has(day) ? false : baseWorking(day));

  /** Working days in (a, b] for day numbers a < b. */
  const count = (a: number, b: number): number => {
    let total = weekdaysBefore(b + 1) - weekdaysBefore(a + 1);
    const first = yearOf(a + 1);
    const last = yearOf(b);
    for (let y = first; y <= last; y++) {
      const hol = holidayWeekdays(base, y);
      total -= y === first || y === last ? countIn(hol, a, b) : hol.length;
    }
    return total + countIn(extraOpen, a, b) - countIn(extraClosed, a, b);
  };

  const dateArg = (value: unknown, path: string): number => {
    const day = dayNumberOf(value);
    if (day !== -1) return day;
    assertIsoDate(value, [path]); // throws: dayNumberOf accepts exactly what it accepts
    return toDayNumber(value);
  };

  const calendar: WorkingDayCalendar = {
    spec: norm,
    isWorkingDay(date) {
      return working(dateArg(date, 'date'));
    },
    addWorkingDays(date, n) {
      let cur = dateArg(date, 'date');
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
        fail('n', 'working-days-invalid', 'Expected n to be a whole number ≥ 0');
      }
      if (n > MAX_WORKING_DAYS) {
        fail('n', 'working-days-too-many', `n may be at most ${MAX_WORKING_DAYS}`, { max: MAX_WORKING_DAYS });
      }
      if (n === 0) {
        if (working(cur)) return fromDayNumber(cur);
        n = 1; // the next working day is the 1st working day after date
      }
      let remaining = n;
      for (;;) {
        // Jump as if only weekends existed, then count what holidays and closed days took away and jump again.
        const d = Math.min(weekdaysAfter(cur, remaining), MAX_DAY);
        const c = d > cur ? count(cur, d) : 0;
        if (c < remaining) {
          if (d >= MAX_DAY) fail('date', 'date-out-of-range', 'The result would be after 9999-12-31');
          cur = d;
          remaining -= c;
          continue;
        }
        if (c === remaining && working(d)) return fromDayNumber(d);
        // Overshot: open days on weekends or holidays added working days inside the jump. Bisect for the first hit.
        let lo = cur + 1;
        let hi = d;
        while (lo < hi) {
          const mid = Math.floor((lo + hi) / 2);
          if (count(cur, mid) >= remaining) hi = mid;
          else lo = mid + 1;
        }
        return fromDayNumber(lo);
      }
    },
    workingDaysBetween(from, to) {
      const a = dateArg(from, 'from');
      const b = dateArg(to, 'to');
      // `0 - x`, not `-x`: an empty backward span must be 0, not -0.
      return a === b ? 0 : a < b ? count(a, b) : 0 - count(b, a);
    },
    holidays(year) {
      if (typeof year !== 'number' || !Number.isInteger(year) || year < 0 || year > 9999) {
        fail('year', 'year-invalid', 'Expected a whole year from 0 to 9999');
      }
      return holidayList(base, year);
    },
  };
  return Object.freeze(calendar);
}

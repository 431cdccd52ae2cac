import { SipValidationError } from './errors.js';

/**
 * A calendar day as `YYYY-MM-DD` (ISO 8601), with no time and no time zone.
 * Every date in sip-kit is one of these, so no result depends on where the
 * machine is.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day written as `YYYY-MM-DD` (so not `2026-02-30`). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws `SipValidationError` (code `date-invalid`) unless `value` is a real `YYYY-MM-DD` day. */
export function assertIsoDate(value: unknown, path: (string | number)[] = []): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new SipValidationError([
      { path, code: 'date-invalid', message: `Expected a calendar date as YYYY-MM-DD, got ${describe(value)}` },
    ]);
  }
}

/** Number of days in `month` (1–12) of `year` in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Gregorian leap-year rule. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days since 1970-01-01 for a valid `YYYY-MM-DD`. Pure arithmetic (no `Date`),
 * so it cannot shift with the machine's time zone.
 */
export function toDayNumber(date: IsoDate): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // Howard Hinnant's days_from_civil.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Howard Hinnant's civil_from_days up to the month, shared by
 * {@link fromDayNumber} and {@link yearOf}: the March-based year, the month
 * counted from March (0–11) and the day of that March-based year.
 */
function civil(days: number): [year: number, monthFromMarch: number, dayOfYear: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  return [yoe + era * 400, Math.floor((5 * doy + 2) / 153), doy];
}

/** Inverse of {@link toDayNumber}. */
export function fromDayNumber(days: number): IsoDate {
  const [year, mp, doy] = civil(days);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = year + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The year of a day number: the year part of {@link fromDayNumber}, without building the string. */
export function yearOf(days: number): number {
  const [year, mp] = civil(days);
  return year + (mp < 10 ? 0 : 1);
}

/** Day of week for a valid date: 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * `date` moved by `months` calendar months (negative goes back). A day that
 * the target month lacks becomes its last day — 29 February + 12 months is
 * 28 February, 31 August + 6 months is 28 (or 29) February — so "within a
 * year" never ends later than a year.
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  return typeof value;
}

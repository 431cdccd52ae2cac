import { toDayNumber, fromDayNumber, isLeapYear, type IsoDate } from '../dates.js';
import { easterMonthDay } from './easter.js';

/** A country whose statutory holidays sip-kit knows: Sweden (`'SE'`) or Norway (`'NO'`). */
export type CalendarBase = 'SE' | 'NO';

/**
 * Stable identifier of a holiday rule, the same in every country that has the
 * holiday (so `'good-friday'` in both SE and NO). Translate or style by it.
 */
export type HolidayKey =
  | 'new-years-day'
  | 'epiphany'
  | 'maundy-thursday'
  | 'good-friday'
  | 'easter-sunday'
  | 'easter-monday'
  | 'may-day'
  | 'constitution-day'
  | 'ascension-day'
  | 'whitsunday'
  | 'whit-monday'
  | 'national-day'
  | 'midsummer-eve'
  | 'midsummer-day'
  | 'all-saints-day'
  | 'christmas-eve'
  | 'christmas-day'
  | 'boxing-day'
  | 'new-years-eve';

/** A holiday's name in Swedish, Norwegian Bokmål, Norwegian Nynorsk and English. */
export interface HolidayName {
  /** Swedish. */
  readonly sv: string;
  /** Norwegian Bokmål. */
  readonly nb: string;
  /** Norwegian Nynorsk. */
  readonly nn: string;
  /** English. */
  readonly en: string;
}

/**
 * Why a holiday is not a working day: `'public'` — a public holiday by statute;
 * `'deadline-eve'` — a Swedish eve (Midsummer Eve, Christmas Eve, New Year's Eve)
 * that Lag (1930:173) treats like a holiday when a statutory deadline falls on it.
 */
export type HolidayKind = 'public' | 'deadline-eve';

/** One non-working day of a country's calendar, as listed by `WorkingDayCalendar.holidays(year)`. */
export interface Holiday {
  /** The day, `YYYY-MM-DD`. */
  readonly date: IsoDate;
  /**
   * Which holiday this is. When two holidays fall on the same date (e.g. 1 May
   * and Ascension Day in 2008) there is still one entry: `key` is the one listed
   * first in the law's order and `name` joins both names with ` / `.
   */
  readonly key: HolidayKey;
  /** Display name in each supported language. */
  readonly name: HolidayName;
  /** `'public'` holiday or Swedish `'deadline-eve'`; both are non-working days. */
  readonly kind: HolidayKind;
}

const n = (sv: string, nb: string, nn: string, en: string): HolidayName => Object.freeze({ sv, nb, nn, en });

const NAMES: Record<HolidayKey, HolidayName> = {
  'new-years-day': n('Nyårsdagen', 'Første nyttårsdag', 'Første nyttårsdag', "New Year's Day"),
  epiphany: n('Trettondedag jul', 'Helligtrekongersdag', 'Heilagtrekongarsdag', 'Epiphany'),
  'maundy-thursday': n('Skärtorsdagen', 'Skjærtorsdag', 'Skjærtorsdag', 'Maundy Thursday'),
  'good-friday': n('Långfredagen', 'Langfredag', 'Langfredag', 'Good Friday'),
  'easter-sunday': n('Påskdagen', 'Første påskedag', 'Første påskedag', 'Easter Sunday'),
  'easter-monday': n('Annandag påsk', 'Andre påskedag', 'Andre påskedag', 'Easter Monday'),
  'may-day': n('Första maj', 'Første mai', 'Første mai', 'May Day'),
  'constitution-day': n('Norges nationaldag', 'Grunnlovsdagen', 'Grunnlovsdagen', 'Constitution Day'),
  'ascension-day': n('Kristi himmelsfärdsdag', 'Kristi himmelfartsdag', 'Kristi himmelfartsdag', 'Ascension Day'),
  whitsunday: n('Pingstdagen', 'Første pinsedag', 'Første pinsedag', 'Whitsunday'),
  'whit-monday': n('Annandag pingst', 'Andre pinsedag', 'Andre pinsedag', 'Whit Monday'),
  'national-day': n('Sveriges nationaldag', 'Sveriges nasjonaldag', 'Sveriges nasjonaldag', 'National Day of Sweden'),
  'midsummer-eve': n('Midsommarafton', 'Midtsommeraften', 'Midtsommaraftan', 'Midsummer Eve'),
  'midsummer-day': n('Midsommardagen', 'Midtsommerdagen', 'Midtsommardagen', 'Midsummer Day'),
  'all-saints-day': n('Alla helgons dag', 'Allehelgensdag', 'Allehelgensdag', "All Saints' Day"),
  'christmas-eve': n('Julafton', 'Julaften', 'Julaftan', 'Christmas Eve'),
  'christmas-day': n('Juldagen', 'Første juledag', 'Første juledag', 'Christmas Day'),
  'boxing-day': n('Annandag jul', 'Andre juledag', 'Andre juledag', 'Boxing Day'),
  'new-years-eve': n('Nyårsafton', 'Nyttårsaften', 'Nyttårsaftan', "New Year's Eve"),
};

/**
 * Days before each month (0 = January) in a common year; keeps date building to
 * integer sums (no string round trips per holiday). Also used by the calendar.
 * @internal
 */
export const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The first Saturday on or after the given day (used for Midsummer Day and All Saints' Day). */
const saturdayFrom = (day: number): number => day + ((((2 - day) % 7) + 7) % 7);

type Entry = [HolidayKey, number | undefined, HolidayKind?];

/**
 * The rules, in the law's order. An entry with an undefined day does not apply
 * that year. Swedish years before 2005 keep Whit Monday and lack National Day:
 * the holiday swap took effect on 1 January 2005.
 */
function rules(base: CalendarBase, y: number): Entry[] {
  const jan1 = toDayNumber(`${String(y).padStart(4, '0')}-01-01`);
  const leap = isLeapYear(y) ? 1 : 0;
  const ymd = (m: number, d: number): number => jan1 + DAYS_BEFORE_MONTH[m - 1]! + (m > 2 ? leap : 0) + d - 1;
  const e = ymd(...easterMonthDay(y));
  if (base === 'NO') {
    // lov om helligdager og helligdagsfred § 2, and lov om 1. og 17. mai som offentlige høgtidsdager.
    return [
      ['new-years-day', ymd(1, 1)],
      ['maundy-thursday', e - 3],
      ['good-friday', e - 2],
      ['easter-sunday', e],
      ['easter-monday', e + 1],
      ['may-day', ymd(5, 1)],
      ['constitution-day', ymd(5, 17)],
      ['ascension-day', e + 39],
      ['whitsunday', e + 49],
      ['whit-monday', e + 50],
      ['christmas-day', ymd(12, 25)],
      ['boxing-day', ymd(12, 26)],
    ];
  }
  // Lag (1989:253) om allmänna helgdagar § 1, plus the eves of Lag (1930:173) § 2.
  const midsummer = saturdayFrom(ymd(6, 20));
  return [
    ['new-years-day', ymd(1, 1)],
    ['epiphany', ymd(1, 6)],
    ['good-friday', e - 2],
    ['easter-sunday', e],
    ['easter-monday', e + 1],
    ['may-day', ymd(5, 1)],
    ['ascension-day', e + 39],
    ['whitsunday', e + 49],
    ['whit-monday', y < 2005 ? e + 50 : undefined],
    ['national-day', y >= 2005 ? ymd(6, 6) : undefined],
    ['midsummer-eve', midsummer - 1, 'deadline-eve'],
    ['midsummer-day', midsummer],
    ['all-saints-day', saturdayFrom(ymd(10, 31))],
    ['christmas-eve', ymd(12, 24), 'deadline-eve'],
    ['christmas-day', ymd(12, 25)],
    ['boxing-day', ymd(12, 26)],
    ['new-years-eve', ymd(12, 31), 'deadline-eve'],
  ];
}

/** The holiday list of one year: sorted, one entry per date, frozen. */
export function holidayList(base: CalendarBase, year: number): Holiday[] {
  const byDay = new Map<number, { key: HolidayKey; names: HolidayName[]; kind: HolidayKind }>();
  for (const [key, day, kind = 'public'] of rules(base, year)) {
    if (day === undefined) continue;
    const seen = byDay.get(day);
    if (!seen) byDay.set(day, { key, names: [NAMES[key]], kind });
    else {
      seen.names.push(NAMES[key]);
      // A public holiday outranks an eve on the same day (cannot happen today, but keep it safe).
      if (kind === 'public' && seen.kind !== 'public') {
        seen.kind = 'public';
        seen.key = key;
      }
    }
  }
  const join = (names: HolidayName[], lang: keyof HolidayName): string => names.map((x) => x[lang]).join(' / ');
  return [...byDay.keys()]
    .sort((a, b) => a - b)
    .map((day) => {
      const h = byDay.get(day)!;
      const name = h.names.length === 1 ? h.names[0]! : n(join(h.names, 'sv'), join(h.names, 'nb'), join(h.names, 'nn'), join(h.names, 'en'));
      return Object.freeze<Holiday>({ date: fromDayNumber(day), key: h.key, name, kind: h.kind });
    });
}

// Bounded cache of the hot data: which weekdays each year's holidays take away.
// Long spans (addWorkingDays over decades) revisit the same few years many times.
const CACHE_LIMIT = 512;
// Keyed by a number (the base's offset plus the year): no string is built per lookup.
const cache = new Map<number, readonly number[]>();
const BASE_KEY: Record<CalendarBase, number> = { SE: 0, NO: 10_000 };

/**
 * Day numbers of the holidays of `year` (integer 0–9999) in `base` that fall
 * Monday–Friday, ascending and distinct: the weekdays they take away. Cached.
 */
export function holidayWeekdays(base: CalendarBase, year: number): readonly number[] {
  const id = BASE_KEY[base] + year;
  let hit = cache.get(id);
  if (!hit) {
    // Clearing beats evicting one by one here: refilling costs microseconds per year.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const days = new Set<number>();
    // Day 0 (1970-01-01) was a Thursday; (day + 3) mod 7 is 0 for Monday … 6 for Sunday.
    for (const [, day] of rules(base, year)) if (day !== undefined && (((day + 3) % 7) + 7) % 7 < 5) days.add(day);
    hit = Object.freeze([...days].sort((a, b) => a - b));
    cache.set(id, hit);
  }
  return hit;
}

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import Holidays from 'date-holidays';
import * as fc from 'fast-check';
import {
  createCalendar,
  calendarSpecSchema,
  parseCalendarSpec,
  MAX_WORKING_DAYS,
  MAX_CALENDAR_DAYS,
  SipValidationError,
  toDayNumber,
  fromDayNumber,
  type CalendarSpec,
  type WorkingDayCalendar,
} from '../src/index.js';

// Bounded by default so the suite stays fast; SIP_FUZZ_RUNS=10000 for a deep run.
const RUNS = Number(process.env.SIP_FUZZ_RUNS) > 0 ? Number(process.env.SIP_FUZZ_RUNS) : 150;
// SIP_FUZZ_SEED replays a run; fast-check prints the seed of any failure.
const SEED = Number(process.env.SIP_FUZZ_SEED ?? 'NaN');
if (Number.isInteger(SEED)) fc.configureGlobal({ seed: SEED });

const SE = createCalendar('SE');
const NO = createCalendar('NO');

const isValidationError = (code?: string) => (e: unknown) =>
  SipValidationError.is(e) && (code === undefined || e.issues.some((i) => i.code === code));

// ---------------------------------------------------------------------------
// Known differences from date-holidays 3.x, as data. docs/calendar.md lists the same.
// ---------------------------------------------------------------------------

/**
 * Days where our answer differs from date-holidays on purpose. Each is a day we
 * treat as a holiday (not a working day) and the oracle does not.
 */
const KNOWN_DIFFERENCES: readonly { country: 'SE' | 'NO'; date: string; ours: 'holiday'; why: string }[] = [
  // Whit Monday (annandag pingst) was a Swedish public holiday under Lag (1989:253)
  // until it was replaced by National Day from 2005; date-holidays lists it only as an
  // observance in every year.
  ...[
    '1990-06-04', '1991-05-20', '1992-06-08', '1993-05-31', '1994-05-23', '1995-06-05', '1996-05-27', '1997-05-19',
    '1998-06-01', '1999-05-24', '2000-06-12', '2001-06-04', '2002-05-20', '2003-06-09', '2004-05-31',
  ].map((date) => ({ country: 'SE' as const, date, ours: 'holiday' as const, why: 'Whit Monday was a public holiday until 2004' })),
];

/**
 * Non-working dates per the oracle: SE public + bank (the three eves), NO public only.
 * Dates come from its strings, not Date objects — but date-holidays still does its
 * own arithmetic in the machine's zone (under TZ=Pacific/Kiritimati it reports
 * Nyårsafton 1994 as 1995-01-01, a day that zone skipped), so the oracle is
 * computed with the zone pinned to UTC and the zone restored afterwards.
 */
function oracleHolidays(country: 'SE' | 'NO', from: number, to: number) {
  const saved = process.env.TZ;
  process.env.TZ = 'UTC'; // Node applies a runtime TZ change to later Date calls
  try {
    return oracleHolidaysInZone(country, from, to);
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

function oracleHolidaysInZone(country: 'SE' | 'NO', from: number, to: number) {
  const hd = new Holidays(country);
  const off = new Set<string>();
  const byType = new Map<string, Set<string>>();
  for (let y = from; y <= to; y++) {
    for (const h of hd.getHolidays(y)) {
      const day = h.date.slice(0, 10);
      if (!byType.has(h.name)) byType.set(h.name, new Set());
      byType.get(h.name)!.add(`${h.type}${day.slice(0, 4) < '2005' ? '<2005' : ''}`);
      if (h.type === 'public' || (country === 'SE' && h.type === 'bank')) off.add(day);
    }
  }
  return { off, byType };
}

/** Weekday from UTC arithmetic (independent of our dates.ts and of the machine's zone). */
const utcIsWeekday = (iso: string): boolean => {
  const dow = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))).getUTCDay();
  return dow !== 0 && dow !== 6;
};

describe('oracle: date-holidays, every day 1990–2100', () => {
  for (const country of ['SE', 'NO'] as const) {
    test(`${country}: isWorkingDay and holidays() match date-holidays except the known differences`, () => {
      const cal = createCalendar(country);
      const { off, byType } = oracleHolidays(country, 1990, 2100);
      if (country === 'SE') {
        // How the oracle reports what we rely on.
        assert.deepEqual([...byType.get('midsommarafton')!], ['bank<2005', 'bank']);
        assert.deepEqual([...byType.get('julafton')!], ['bank<2005', 'bank']);
        assert.deepEqual([...byType.get('nyårsafton')!], ['bank<2005', 'bank']);
        assert.deepEqual([...byType.get('nationaldagen')!], ['observance<2005', 'public']);
        assert.deepEqual([...byType.get('annandag pingst')!], ['observance<2005', 'observance']);
      } else {
        assert.deepEqual([...byType.get('Julaften')!], ['bank<2005', 'bank']);
        assert.deepEqual([...byType.get('Nyttårsaften')!], ['bank<2005', 'bank']);
      }
      const known = new Set(KNOWN_DIFFERENCES.filter((k) => k.country === country).map((k) => k.date));
      const diffs: string[] = [];
      let days = 0;
      for (let d = toDayNumber('1990-01-01'); d <= toDayNumber('2100-12-31'); d++, days++) {
        const iso = fromDayNumber(d);
        const expected = utcIsWeekday(iso) && !off.has(iso);
        if (cal.isWorkingDay(iso) !== expected) diffs.push(iso);
      }
      assert.equal(days, 111 * 365 + 27); // 27 leap years in 1990–2100
      assert.deepEqual(diffs, [...known].filter((d) => utcIsWeekday(d)));

      // The holiday lists themselves (weekends included) agree too.
      const ours = new Set<string>();
      for (let y = 1990; y <= 2100; y++) for (const h of cal.holidays(y)) ours.add(h.date);
      assert.deepEqual([...ours].filter((d) => !off.has(d)).sort(), [...known].sort());
      assert.deepEqual([...off].filter((d) => !ours.has(d)), []);
    });
  }
});

// ---------------------------------------------------------------------------
// Examples and rules
// ---------------------------------------------------------------------------

describe('rules', () => {
  test('the issue example: 10 Swedish working days from 2026-12-18 is 2027-01-08', () => {
    assert.equal(SE.addWorkingDays('2026-12-18', 10), '2027-01-08');
    assert.equal(SE.workingDaysBetween('2026-12-18', '2027-01-08'), 10);
    assert.equal(SE.workingDaysBetween('2027-01-08', '2026-12-18'), -10);
    assert.equal(SE.workingDaysBetween('2027-01-08', '2027-01-08'), 0);
  });

  test('n = 0 keeps a working day and moves a non-working day to the next working day', () => {
    assert.equal(SE.addWorkingDays('2026-12-23', 0), '2026-12-23');
    assert.equal(SE.addWorkingDays('2026-12-24', 0), '2026-12-28'); // Christmas Eve (deadline eve) → Monday
    assert.equal(SE.addWorkingDays('2026-12-31', 0), '2027-01-04');
    assert.equal(NO.addWorkingDays('2026-12-24', 0), '2026-12-24'); // a working day in Norway
    assert.equal(SE.addWorkingDays('2026-11-28', 0), '2026-11-30'); // Saturday → Monday
    assert.equal(SE.addWorkingDays('2026-11-28', 1), '2026-11-30');
  });

  test('Sweden 2026', () => {
    assert.deepEqual(
      SE.holidays(2026).map((h) => `${h.date} ${h.key} ${h.kind}`),
      [
        '2026-01-01 new-years-day public',
        '2026-01-06 epiphany public',
        '2026-04-03 good-friday public',
        '2026-04-05 easter-sunday public',
        '2026-04-06 easter-monday public',
        '2026-05-01 may-day public',
        '2026-05-14 ascension-day public',
        '2026-05-24 whitsunday public',
        '2026-06-06 national-day public',
        '2026-06-19 midsummer-eve deadline-eve',
        '2026-06-20 midsummer-day public',
        '2026-10-31 all-saints-day public',
        '2026-12-24 christmas-eve deadline-eve',
        '2026-12-25 christmas-day public',
        '2026-12-26 boxing-day public',
        '2026-12-31 new-years-eve deadline-eve',
      ],
    );
    assert.deepEqual(SE.holidays(2026)[9]!.name, { sv: 'Midsommarafton', nb: 'Midtsommeraften', nn: 'Midtsommaraftan', en: 'Midsummer Eve' });
  });

  test('Norway 2026: 1 and 17 May, Maundy Thursday, Whit Monday; the eves are working days', () => {
    assert.deepEqual(
      NO.holidays(2026).map((h) => `${h.date} ${h.key} ${h.kind}`),
      [
        '2026-01-01 new-years-day public',
        '2026-04-02 maundy-thursday public',
        '2026-04-03 good-friday public',
        '2026-04-05 easter-sunday public',
        '2026-04-06 easter-monday public',
        '2026-05-01 may-day public',
        '2026-05-14 ascension-day public',
        '2026-05-17 constitution-day public',
        '2026-05-24 whitsunday public',
        '2026-05-25 whit-monday public',
        '2026-12-25 christmas-day public',
        '2026-12-26 boxing-day public',
      ],
    );
    assert.equal(NO.isWorkingDay('2026-12-24'), true);
    assert.equal(NO.isWorkingDay('2026-12-31'), true);
    assert.equal(SE.isWorkingDay('2026-12-31'), false);
  });

  test('Sweden swapped Whit Monday for National Day in 2005', () => {
    const keys = (y: number) => SE.holidays(y).map((h) => h.key);
    assert.ok(keys(2004).includes('whit-monday') && !keys(2004).includes('national-day'), '2004 rules');
    assert.ok(keys(2005).includes('national-day') && !keys(2005).includes('whit-monday'), '2005 rules');
    assert.equal(SE.isWorkingDay('2004-05-31'), false); // Whit Monday 2004
    assert.equal(SE.isWorkingDay('2005-05-16'), true); // Whit Monday 2005
    assert.equal(SE.isWorkingDay('2003-06-06'), true); // a Friday, not yet a holiday
    assert.equal(SE.isWorkingDay('2008-06-06'), false);
  });

  test('Easter by the Gregorian computus, including its extremes', () => {
    const easter = (y: number) => SE.holidays(y).find((h) => h.key === 'easter-sunday')!.date;
    assert.equal(easter(2024), '2024-03-31');
    assert.equal(easter(2025), '2025-04-20');
    assert.equal(easter(2038), '2038-04-25'); // latest possible
    assert.equal(easter(2285), '2285-03-22'); // earliest possible
    assert.equal(easter(1818), '1818-03-22');
    assert.equal(easter(1583), '1583-04-10');
  });

  test('one entry per date when holidays coincide; names joined', () => {
    const may1 = SE.holidays(2008).filter((h) => h.date === '2008-05-01');
    assert.equal(may1.length, 1);
    assert.equal(may1[0]!.key, 'may-day');
    assert.equal(may1[0]!.name.sv, 'Första maj / Kristi himmelsfärdsdag');
    const may17 = NO.holidays(2007).filter((h) => h.date === '2007-05-17');
    assert.equal(may17.length, 1);
    assert.equal(may17[0]!.name.nb, 'Grunnlovsdagen / Kristi himmelfartsdag');
    for (let y = 1900; y <= 2300; y++) {
      for (const cal of [SE, NO]) {
        const dates = cal.holidays(y).map((h) => h.date);
        assert.deepEqual(dates, [...new Set(dates)].sort(), String(y));
      }
    }
  });

  test('Midsummer and All Saints are the Saturdays in their windows', () => {
    for (let y = 1990; y <= 2100; y++) {
      const h = SE.holidays(y);
      const get = (k: string) => h.find((x) => x.key === k)!.date;
      const sat = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay() === 6;
      assert.ok(sat(get('midsummer-day')) && get('midsummer-day') >= `${y}-06-20` && get('midsummer-day') <= `${y}-06-26`, `midsummer ${y}`);
      assert.equal(toDayNumber(get('midsummer-eve')), toDayNumber(get('midsummer-day')) - 1);
      assert.ok(sat(get('all-saints-day')) && get('all-saints-day') >= `${y}-10-31` && get('all-saints-day') <= `${y}-11-06`, `all saints ${y}`);
    }
  });

  test('holidays() hands out copies: mutating the array does not change the calendar', () => {
    const list = SE.holidays(2026);
    list.length = 0;
    assert.equal(SE.holidays(2026).length, 16);
    assert.ok(Object.isFrozen(SE.holidays(2026)[0]), 'entry frozen');
    assert.ok(Object.isFrozen(SE.holidays(2026)[0]!.name), 'name frozen');
  });

  test('every name is present in all four languages', () => {
    for (const cal of [SE, NO]) for (const h of cal.holidays(2030)) for (const v of Object.values(h.name)) assert.ok(v.length > 0, h.key);
  });
});

describe('organisation days', () => {
  test('closed days are not working days and deadlines move past them', () => {
    const cal = createCalendar({ base: 'SE', closed: ['2026-12-28', '2026-12-29'] });
    assert.equal(cal.isWorkingDay('2026-12-28'), false);
    assert.equal(cal.addWorkingDays('2026-12-24', 0), '2026-12-30');
    assert.equal(cal.workingDaysBetween('2026-12-18', '2027-01-08'), 8);
    assert.equal(cal.holidays(2026).length, 16); // closed days are not holidays
  });

  test('open days are working days even on a weekend or holiday', () => {
    const cal = createCalendar({ base: 'SE', open: ['2026-12-24', '2026-12-27'] });
    assert.equal(cal.isWorkingDay('2026-12-24'), true);
    assert.equal(cal.isWorkingDay('2026-12-27'), true);
    assert.equal(cal.addWorkingDays('2026-12-23', 1), '2026-12-24');
    assert.equal(cal.addWorkingDays('2026-12-23', 2), '2026-12-27');
    assert.equal(cal.addWorkingDays('2026-12-18', 10), '2027-01-05');
    assert.equal(cal.workingDaysBetween('2026-12-18', '2027-01-05'), 10);
  });

  test('the spec is normalised and validated', () => {
    assert.deepEqual(parseCalendarSpec({ base: 'NO', closed: ['2026-02-02', '2026-01-01', '2026-02-02'] }), {
      base: 'NO',
      closed: ['2026-01-01', '2026-02-02'],
      open: [],
    });
    assert.deepEqual(parseCalendarSpec('SE'), { base: 'SE', closed: [], open: [] });
    assert.equal(calendarSpecSchema.safeParse('SE').success, true);
    const bad = calendarSpecSchema.safeParse({ base: 'DK' });
    assert.equal(bad.success, false);
  });

  test('invalid specs throw SipValidationError with a code', () => {
    const cases: [unknown, string][] = [
      [undefined, 'calendar-spec-invalid'],
      [null, 'calendar-spec-invalid'],
      ['se', 'calendar-spec-invalid'],
      [['SE'], 'calendar-spec-invalid'],
      [{}, 'calendar-base-invalid'],
      [{ base: 'DK' }, 'calendar-base-invalid'],
      [{ base: 'SE', closedDays: [] }, 'calendar-spec-unknown-key'],
      [{ base: 'SE', closed: '2026-01-02' }, 'calendar-days-invalid'],
      [{ base: 'SE', closed: ['2026-02-30'] }, 'date-invalid'],
      [{ base: 'SE', open: [20260102] }, 'date-invalid'],
      [{ base: 'SE', closed: new Array(MAX_CALENDAR_DAYS + 1).fill('2026-01-02') }, 'calendar-days-too-many'],
      [{ base: 'SE', closed: ['2026-01-02'], open: ['2026-01-02'] }, 'calendar-day-conflict'],
      [{ base: 'SE', closed: [, '2026-01-02'] }, 'date-invalid'],
    ];
    for (const [spec, code] of cases) {
      assert.throws(() => createCalendar(spec as CalendarSpec), isValidationError(code), JSON.stringify(spec)?.slice(0, 80));
    }
    // A huge invalid list yields a bounded issue list.
    try {
      createCalendar({ base: 'SE', closed: new Array(5000).fill('nope') });
      assert.fail('should throw');
    } catch (e) {
      assert.ok(SipValidationError.is(e) && e.issues.length <= 20, 'bounded issues');
    }
  });
});

describe('invalid arguments', () => {
  test('bad dates, n and years throw SipValidationError, never TypeError', () => {
    assert.throws(() => SE.isWorkingDay('2026-02-30'), isValidationError('date-invalid'));
    assert.throws(() => SE.isWorkingDay(undefined as unknown as string), isValidationError('date-invalid'));
    assert.throws(() => SE.addWorkingDays('2026-1-01', 1), isValidationError('date-invalid'));
    assert.throws(() => SE.workingDaysBetween('2026-01-01', '2026-13-01'), isValidationError('date-invalid'));
    for (const n of [-1, 1.5, NaN, Infinity, '3', null, undefined, 10n, -0.0001]) {
      assert.throws(() => SE.addWorkingDays('2026-01-01', n as number), isValidationError('working-days-invalid'), String(n));
    }
    assert.throws(() => SE.addWorkingDays('2026-01-01', MAX_WORKING_DAYS + 1), isValidationError('working-days-too-many'));
    assert.throws(() => SE.addWorkingDays('2026-01-01', Number.MAX_SAFE_INTEGER), isValidationError('working-days-too-many'));
    for (const y of [-1, 10000, 2026.5, '2026', NaN]) {
      assert.throws(() => SE.holidays(y as number), isValidationError('year-invalid'), String(y));
    }
  });

  test('results past 9999-12-31 are refused, not wrapped', () => {
    assert.throws(() => SE.addWorkingDays('9999-12-20', 30), isValidationError('date-out-of-range'));
    assert.throws(() => NO.addWorkingDays('9999-12-31', 1), isValidationError('date-out-of-range'));
    assert.equal(NO.addWorkingDays('9999-12-30', 0), '9999-12-30');
  });

  test('large spans are exact and fast', () => {
    const t0 = performance.now();
    const far = SE.addWorkingDays('2026-01-01', MAX_WORKING_DAYS);
    assert.equal(SE.workingDaysBetween('2026-01-01', far), MAX_WORKING_DAYS);
    assert.equal(SE.isWorkingDay(far), true);
    assert.equal(SE.workingDaysBetween('2026-01-01', fromDayNumber(toDayNumber(far) - 1)), MAX_WORKING_DAYS - 1);
    const all = NO.workingDaysBetween('0000-01-01', '9999-12-31');
    assert.equal(all, NO.workingDaysBetween('0000-01-01', '5000-06-15') + NO.workingDaysBetween('5000-06-15', '9999-12-31'));
    // Generous: it guards against day-by-day walking, not against a busy machine.
    assert.ok(performance.now() - t0 < 10_000, `took ${performance.now() - t0} ms`);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const D1990 = toDayNumber('1990-01-01');
const D2100 = toDayNumber('2100-12-31');
const arbDay = fc.integer({ min: D1990, max: D2100 });
const arbDate = arbDay.map(fromDayNumber);
const arbN = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 300 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 3000 }) });

/** A calendar with organisation days clustered near an anchor, so they actually get hit. */
const arbCalendar = fc
  .record({
    base: fc.constantFrom('SE' as const, 'NO' as const),
    anchor: arbDay,
    closed: fc.array(fc.integer({ min: -60, max: 400 }), { maxLength: 40 }),
    open: fc.array(fc.integer({ min: -60, max: 400 }), { maxLength: 40 }),
  })
  .map(({ base, anchor, closed, open }) => {
    const c = new Set(closed.map((o) => fromDayNumber(anchor + o)));
    const spec = { base, closed: [...c], open: [...new Set(open.map((o) => fromDayNumber(anchor + o)))].filter((d) => !c.has(d)) };
    const cal = createCalendar(spec);
    // Show only the spec in counterexamples, not the calendar's function bodies.
    return { spec, anchor, cal, [fc.toStringMethod]: () => `{ anchor: ${fromDayNumber(anchor)}, spec: ${JSON.stringify(spec)} }` };
  });

/** Day-by-day reference, trusting only isWorkingDay (which the oracle test pins). */
function naiveAdd(cal: WorkingDayCalendar, date: string, n: number): string {
  let d = toDayNumber(date);
  if (n === 0 && cal.isWorkingDay(date)) return date;
  let left = Math.max(n, 1);
  while (left > 0) if (cal.isWorkingDay(fromDayNumber(++d))) left--;
  return fromDayNumber(d);
}

describe('properties', () => {
  test('addWorkingDays equals the day-by-day reference, with and without organisation days', () => {
    fc.assert(
      fc.property(arbCalendar, fc.integer({ min: -80, max: 400 }), arbN, ({ cal, anchor }, off, n) => {
        const date = fromDayNumber(anchor + off);
        assert.equal(cal.addWorkingDays(date, n), naiveAdd(cal, date, n));
        assert.equal(SE.addWorkingDays(date, n), naiveAdd(SE, date, n));
      }),
      { numRuns: RUNS },
    );
  });

  test('workingDaysBetween(d, addWorkingDays(d, n)) === n for working days d; the result is a working day', () => {
    fc.assert(
      fc.property(arbCalendar, fc.integer({ min: -80, max: 400 }), fc.integer({ min: 0, max: 20_000 }), ({ cal, anchor }, off, n) => {
        const d = cal.addWorkingDays(fromDayNumber(anchor + off), 0); // a working day
        const r = cal.addWorkingDays(d, n);
        assert.equal(cal.isWorkingDay(r), true);
        assert.equal(cal.workingDaysBetween(d, r), n);
        assert.equal(cal.workingDaysBetween(r, d), 0 - n); // 0 - n: +0 when n is 0
      }),
      { numRuns: RUNS },
    );
  });

  test('addWorkingDays is monotonic in the date and in n', () => {
    fc.assert(
      fc.property(arbCalendar, fc.integer({ min: -80, max: 400 }), fc.integer({ min: 0, max: 30 }), arbN, arbN, ({ cal, anchor }, off, step, n1, n2) => {
        const a = fromDayNumber(anchor + off);
        const b = fromDayNumber(anchor + off + step);
        // Every assert.ok here has a message: without one, node's assert re-reads and parses the
        // (tsx-transpiled, one-line) source to describe the failure, which can take minutes.
        assert.ok(cal.addWorkingDays(a, n1) <= cal.addWorkingDays(b, n1), 'monotonic in the date');
        const [lo, hi] = n1 <= n2 ? [n1, n2] : [n2, n1];
        assert.ok(cal.addWorkingDays(a, lo) <= cal.addWorkingDays(a, hi), 'monotonic in n');
        // Strictly, except that n = 0 and n = 1 agree from a non-working day.
        if (lo < hi && (lo > 0 || cal.isWorkingDay(a))) assert.ok(cal.addWorkingDays(a, lo) < cal.addWorkingDays(a, hi), 'strictly monotonic in n');
      }),
      { numRuns: RUNS },
    );
  });

  test('workingDaysBetween matches counting and is additive', () => {
    fc.assert(
      fc.property(arbCalendar, fc.integer({ min: -80, max: 400 }), fc.integer({ min: -500, max: 500 }), arbDate, ({ cal, anchor }, off, span, c) => {
        const a = anchor + off;
        const b = a + span;
        let count = 0;
        for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) if (cal.isWorkingDay(fromDayNumber(d))) count++;
        const [fa, fb] = [fromDayNumber(a), fromDayNumber(b)];
        assert.equal(cal.workingDaysBetween(fa, fb), span >= 0 ? count : 0 - count);
        assert.equal(cal.workingDaysBetween(fa, c) + cal.workingDaysBetween(c, fb), cal.workingDaysBetween(fa, fb));
      }),
      { numRuns: RUNS },
    );
  });

  test('organisation closed days are never working days and open days always are', () => {
    fc.assert(
      fc.property(arbCalendar, arbN, ({ cal, spec }, n) => {
        for (const d of spec.closed) {
          assert.equal(cal.isWorkingDay(d), false);
          assert.notEqual(cal.addWorkingDays(d, n), d);
        }
        for (const d of spec.open) {
          assert.equal(cal.isWorkingDay(d), true);
          assert.equal(cal.addWorkingDays(d, 0), d);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('any year 0–9999 works: the jump-and-correct path agrees with the reference', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('0000-01-01'), max: toDayNumber('9990-01-01') }), fc.integer({ min: 0, max: 1500 }), (day, n) => {
        const date = fromDayNumber(day);
        for (const cal of [SE, NO]) assert.equal(cal.addWorkingDays(date, n), naiveAdd(cal, date, n));
      }),
      { numRuns: RUNS },
    );
  });

  test('garbage in: only SipValidationError comes out', () => {
    const onlyValidation = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        assert.ok(SipValidationError.is(e), `unexpected ${String(e)}`);
      }
    };
    const junkDate = fc.oneof(fc.anything(), fc.string({ maxLength: 12 }), fc.constantFrom('2026-02-29', '0000-00-00', '2026-04-31', '9999-12-32', ' 2026-01-01'));
    fc.assert(
      fc.property(fc.anything(), junkDate, junkDate, fc.anything(), (spec, a, b, n) => {
        onlyValidation(() => createCalendar(spec as CalendarSpec));
        onlyValidation(() => createCalendar({ base: 'SE', closed: [a], open: [b] } as CalendarSpec));
        onlyValidation(() => calendarSpecSchema.safeParse(spec));
        onlyValidation(() => SE.isWorkingDay(a as string));
        onlyValidation(() => NO.addWorkingDays(a as string, n as number));
        onlyValidation(() => NO.addWorkingDays('2026-01-01', n as number));
        onlyValidation(() => SE.workingDaysBetween(a as string, b as string));
        onlyValidation(() => SE.holidays(n as number));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

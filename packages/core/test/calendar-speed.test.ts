/**
 * The calendar checks its dates with `dayNumberOf` (one pass over the
 * characters) instead of `assertIsoDate` + `toDayNumber`, and finds years with
 * `yearOf` instead of building a date string. Both must agree with the
 * functions they stand in for on every day and every near-miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar, SipValidationError } from '../src/index.js';
import { dayNumberOf } from '../src/calendar/calendar.js';
import { yearOf } from '../src/dates.js';
import { fromDayNumber, isIsoDate, toDayNumber } from '../src/dates.js';

test('dayNumberOf and yearOf agree with toDayNumber and fromDayNumber on every day from 0000 to 9999', () => {
  for (let d = toDayNumber('0000-01-01'); d <= toDayNumber('9999-12-31'); d++) {
    const s = fromDayNumber(d);
    if (dayNumberOf(s) !== d) assert.fail(`dayNumberOf(${s})`);
    if (yearOf(d) !== Number(s.slice(0, 4))) assert.fail(`yearOf(${d})`);
  }
});

test('dayNumberOf refuses exactly what isIsoDate refuses', () => {
  const two = (n: number) => String(n).padStart(2, '0');
  for (const year of ['0000', '0004', '1900', '2000', '2024', '2026', '2100', '9999']) {
    for (let m = 0; m < 100; m++) {
      for (let d = 0; d < 100; d++) {
        const s = `${year}-${two(m)}-${two(d)}`;
        assert.equal(dayNumberOf(s) !== -1, isIsoDate(s), s);
      }
    }
  }
  const odd: unknown[] = [
    undefined, null, 20260101, {}, [], '', '2026-01-01 ', ' 2026-01-01', '2026-01-01\n', '2026-1-01', '2026-01-1',
    '2026/01/01', '２０２６-01-01', '+2026-01-01', '-001-01-01', '2026-01-0a', '2026-0a-01', '202a-01-01', '2026--1-01', '2026-01--1',
  ];
  for (const v of odd) assert.equal(dayNumberOf(v) !== -1, isIsoDate(v), String(v));
});

test('the calendar still refuses bad dates with the same SipValidationError', () => {
  const cal = createCalendar('SE');
  for (const bad of ['2026-02-30', '2026-1-01', '', null, 7]) {
    for (const call of [() => cal.addWorkingDays(bad as string, 1), () => cal.workingDaysBetween(bad as string, '2026-01-01'), () => cal.isWorkingDay(bad as string)]) {
      assert.throws(call, (e: unknown) => SipValidationError.is(e) && e.issues[0]?.code === 'date-invalid');
    }
  }
  assert.throws(() => cal.workingDaysBetween('2026-01-01', '2026-13-01'), (e: unknown) => SipValidationError.is(e) && e.issues[0]?.path[0] === 'to');
});

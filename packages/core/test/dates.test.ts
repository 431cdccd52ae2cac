import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIsoDate, toDayNumber, fromDayNumber, isoWeekday, SipValidationError, assertIsoDate, addCalendarMonths } from '../src/index.js';

test('impossible and malformed dates are not calendar dates', () => {
  for (const bad of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-1-01', '20260101', '', null, 20260101, '2026-02-29']) {
    assert.equal(isIsoDate(bad), false, String(bad));
  }
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2000-02-29'), true);
  assert.equal(isIsoDate('1900-02-29'), false);
});

test('day numbers round-trip and agree with UTC for every day 1900–2200', () => {
  let day = toDayNumber('1900-01-01');
  for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2200, 11, 31); t += 86_400_000, day++) {
    const iso = new Date(t).toISOString().slice(0, 10);
    assert.equal(toDayNumber(iso), day);
    assert.equal(fromDayNumber(day), iso);
  }
});

test('weekdays follow ISO numbering (Monday is 1)', () => {
  assert.equal(isoWeekday('2026-11-25'), 3);
  assert.equal(isoWeekday('2026-11-29'), 7);
  assert.equal(isoWeekday('1970-01-01'), 4);
});

test('an invalid date is refused with SipValidationError, not a TypeError', () => {
  assert.throws(() => assertIsoDate('2026-02-30', ['dueOn']), (e: unknown) => SipValidationError.is(e) && e.issues[0]?.code === 'date-invalid');
});

test('a year after 29 February is 28 February, never a day in March', () => {
  assert.equal(addCalendarMonths('2024-02-29', 12), '2025-02-28');
  assert.equal(addCalendarMonths('2024-02-29', 48), '2028-02-29');
  assert.equal(addCalendarMonths('2026-03-15', 12), '2027-03-15');
});

test('adding months keeps the day, or the last day of a shorter month, across year ends', () => {
  assert.equal(addCalendarMonths('2026-08-31', 6), '2027-02-28');
  assert.equal(addCalendarMonths('2027-08-31', 6), '2028-02-29');
  assert.equal(addCalendarMonths('2026-11-30', 3), '2027-02-28');
  assert.equal(addCalendarMonths('2026-12-15', 1), '2027-01-15');
  assert.equal(addCalendarMonths('2027-01-31', -2), '2026-11-30');
  assert.equal(addCalendarMonths('2026-05-10', 0), '2026-05-10');
});

test('adding months always gives a real date that many months on, for every day 2020–2030', () => {
  for (let day = toDayNumber('2020-01-01'); day <= toDayNumber('2030-12-31'); day++) {
    const from = fromDayNumber(day);
    for (const months of [1, 6, 12, 13]) {
      const to = addCalendarMonths(from, months);
      assert.ok(isIsoDate(to), `${from} + ${months}`);
      const monthsApart = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
      assert.equal(monthsApart, months, `${from} + ${months} = ${to}`);
      assert.ok(to.slice(8) <= from.slice(8), `${from} + ${months} = ${to} moved the day later`);
    }
  }
});

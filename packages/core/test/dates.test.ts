import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIsoDate, toDayNumber, fromDayNumber, isoWeekday, SipValidationError, assertIsoDate } from '../src/index.js';

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

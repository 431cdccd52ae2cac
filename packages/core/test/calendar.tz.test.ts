// Re-run by the test script under TZ=Pacific/Kiritimati (UTC+14) and
// TZ=America/Anchorage (UTC−9/−8): every answer must be the same in every zone,
// so the fingerprint of many answers is compared with a committed constant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createCalendar, fromDayNumber, toDayNumber } from '../src/index.js';

// sha256 of the lines built below, computed once and committed. If a change to the
// rules is intended, print the new value with SIP_PRINT_FINGERPRINT=1 and update it.
const EXPECTED = 'adfef027616050367df6383686fb34e53cfa4d3787c1571db63aaa2196a8fdf7';

function fingerprint(): string {
  const hash = createHash('sha256');
  const calendars = [
    createCalendar('SE'),
    createCalendar('NO'),
    createCalendar({ base: 'SE', closed: ['2026-12-28', '2027-01-07', '2031-06-16'], open: ['2026-12-24', '2027-01-02'] }),
  ];
  for (const cal of calendars) {
    for (let y = 1990; y <= 2100; y++) {
      for (const h of cal.holidays(y)) hash.update(`${h.date}|${h.key}|${h.kind}|${h.name.sv}|${h.name.nb}|${h.name.nn}|${h.name.en}\n`);
    }
    // Every 3rd day 1990–2100 (so every weekday shows up), several n and spans.
    let i = 0;
    for (let d = toDayNumber('1990-01-01'); d <= toDayNumber('2100-12-31'); d += 3, i++) {
      const date = fromDayNumber(d);
      hash.update(
        `${date}|${cal.isWorkingDay(date)}|${cal.addWorkingDays(date, i % 45)}|${cal.workingDaysBetween(date, fromDayNumber(d + (i % 400) - 200))}\n`,
      );
    }
    hash.update(`${cal.addWorkingDays('1990-01-01', 100_000)}|${cal.workingDaysBetween('0000-01-01', '9999-12-31')}\n`);
  }
  return hash.digest('hex');
}

test(`working-day answers do not depend on the time zone (TZ=${process.env.TZ ?? 'unset'})`, () => {
  const actual = fingerprint();
  if (process.env.SIP_PRINT_FINGERPRINT) console.log(actual);
  assert.equal(actual, EXPECTED);
});

test('the issue example holds in this zone too', () => {
  assert.equal(createCalendar('SE').addWorkingDays('2026-12-18', 10), '2027-01-08');
});

/**
 * Month (3 or 4) and day of Easter Sunday in `year`, by the Gregorian computus
 * (the "anonymous" algorithm of Meeus, Jones and Butcher). Integer arithmetic
 * only, so it is exact for every year 0–9999.
 */
export function easterMonthDay(year: number): [month: number, day: number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const x = h + l - 7 * m + 114;
  return [Math.floor(x / 31), (x % 31) + 1];
}

/**
 * Working-day calendar for Sweden and Norway: statutory holidays, the Swedish
 * deadline eves, organisation closed/open days, and working-day arithmetic.
 * Pure integer date arithmetic, so no answer depends on the machine's time zone.
 * @module
 */
export { createCalendar, MAX_WORKING_DAYS, type WorkingDayCalendar } from './calendar.js';
export {
  calendarSpecSchema,
  parseCalendarSpec,
  MAX_CALENDAR_DAYS,
  type CalendarSpec,
  type NormalizedCalendarSpec,
} from './spec.js';
export type { CalendarBase, Holiday, HolidayKey, HolidayKind, HolidayName } from './holidays.js';

/**
 * Deadlines: first contact, the SIP meeting, the discharge invitation, each
 * follow-up and the LSS plan's yearly review, with their status on a given day.
 * @module
 */
import type { WorkingDayCalendar } from '../calendar/index.js';
import { addCalendarDays, addCalendarMonths, assertIsoDate, type IsoDate } from '../dates.js';
import type { Plan } from '../model/plan.js';
import { resolvePack, type BuiltinPackId } from './builtin.js';
import type { Facts, RuleResult } from './engine/types.js';
import { compilePack } from './evaluator.js';
import { deadlineFacts } from './facts.js';
import type { RulePack } from './pack.js';

/** Deadline kinds of the built-in packs (a pack may add its own kebab-case kinds). */
export type DeadlineKind = 'first-contact' | 'meeting' | 'follow-up' | 'invitation' | 'review';

/** Where a deadline stands on `today`. */
export type DeadlineStatus = 'upcoming' | 'due-today' | 'overdue' | 'met' | 'met-late';

/** One computed deadline. */
export interface Deadline {
  /** What is due: `first-contact`, `meeting`, `follow-up`, `invitation` (discharge), `review` (LSS plan), or a pack's own kind. */
  kind: DeadlineKind | (string & {});
  /** The item it concerns (a follow-up id). */
  ref?: string;
  /** The last day it may be done on. */
  due: IsoDate;
  /** `met` (done on or before `due`), `met-late`, or, when not done: `upcoming`, `due-today`, `overdue`. */
  status: DeadlineStatus;
  /** The day it was done. */
  metOn?: IsoDate;
  /** When not done and the pack has a calendar: working days d with today < d ≤ due (negative when overdue). */
  workingDaysLeft?: number;
}

/** Options of {@link computeDeadlines}. */
export interface DeadlineOptions {
  /** The day statuses are judged on. */
  today: IsoDate;
  /** A pack, a built-in id, or nothing for the plan's default pack. */
  pack?: RulePack | BuiltinPackId;
}

function status(due: IsoDate, metOn: IsoDate | undefined, today: IsoDate): DeadlineStatus {
  if (metOn !== undefined) return metOn <= due ? 'met' : 'met-late';
  return today < due ? 'upcoming' : today === due ? 'due-today' : 'overdue';
}

const isDate = (v: unknown): v is IsoDate => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * Turns `deadline` events into {@link Deadline}s. Working-day deadlines count
 * with the pack's calendar (and are skipped when it has none); calendar-day and
 * calendar-month deadlines do not move off non-working days; a deadline whose
 * setting is missing or `null` is skipped, so a region turns one off with a
 * setting. A deadline without `metBy` is never met (it restarts when its `from` moves).
 */
export function interpretDeadlines(
  plan: Plan,
  pack: RulePack,
  calendar: WorkingDayCalendar | null,
  facts: Facts,
  result: RuleResult,
  today: IsoDate,
): Deadline[] {
  const out: Deadline[] = [];
  const add = (kind: string, due: IsoDate, metOn: IsoDate | undefined, ref?: string): void => {
    const d: Deadline = { kind, due, status: status(due, metOn, today) };
    if (ref !== undefined) d.ref = ref;
    if (metOn !== undefined) d.metOn = metOn;
    else if (calendar) d.workingDaysLeft = calendar.workingDaysBetween(today, due);
    out.push(d);
  };
  for (const event of result.events) {
    const p = event.params ?? {};
    const kind = String(p.kind);
    if (p.each === 'followUps') {
      for (const f of plan.followUps) add(kind, f.dueOn, f.doneOn, f.id);
      continue;
    }
    const from = facts[String(p.from)];
    const amount = pack.settings[String(p.within)];
    if (!isDate(from) || !isCount(amount)) continue;
    const metBy = typeof p.metBy === 'string' ? facts[p.metBy] : undefined;
    const metOn = isDate(metBy) ? metBy : undefined;
    if (p.unit === 'working-days') {
      if (calendar) add(kind, calendar.addWorkingDays(from, amount), metOn);
    } else if (p.unit === 'calendar-months') {
      add(kind, addCalendarMonths(from, amount), metOn);
    } else {
      add(kind, addCalendarDays(from, amount), metOn);
    }
  }
  return out;
}

/**
 * The plan's deadlines on `today`: first contact and the SIP meeting counted
 * in working days from `needIdentifiedOn` (pack settings
 * `firstContactWithinWorkingDays`, `meetingWithinWorkingDays`; a deadline on
 * a non-working day moves to the next working day), the discharge invitation
 * in calendar days from `readyForDischargeOn`, each follow-up on its `dueOn`,
 * and for an LSS plan the review, `reviewWithinMonths` after establishment or
 * the last held follow-up (see docs/rules.md).
 * Synchronous (compiled pack). `plan` is trusted (a `Plan`).
 * @throws SipValidationError for an invalid `today`.
 */
export function computeDeadlines(plan: Plan, options: DeadlineOptions): Deadline[] {
  assertIsoDate(options?.today, ['today']);
  const pack = resolvePack(options.pack, plan);
  const compiled = compilePack(pack);
  const facts = deadlineFacts(plan, pack);
  return interpretDeadlines(plan, pack, compiled.calendar, facts, compiled.run('deadlines', facts), options.today);
}

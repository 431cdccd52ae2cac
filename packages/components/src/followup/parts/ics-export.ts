/**
 * The calendar (.ics) export of `<sip-followup>`. Nothing of it is on screen
 * until a user presses "save in calendar", so it is a chunk of its own, with
 * core's iCalendar writer: `<sip-followup>` loads it through a `LazyPart`
 * (in idle time after its first render, or on the first press).
 * Import it only with `import()`, never statically on the first-render path.
 * @module
 */
import { icsFileName, meetingToICalendar, type Meeting, type Plan } from '@sip-kit/core';
import { downloadText } from './download.js';

/** The meeting's invitation as an iCalendar file (RFC 5545), or `undefined` when the plan has no such meeting or it has no start time. */
export function invitationFile(plan: Plan, meetingId: string, now: Date): string | undefined {
  try {
    return meetingToICalendar(plan, meetingId, { now });
  } catch {
    return undefined;
  }
}

/** Offers the meeting's invitation as an .ics download; `false` when there is nothing to export. */
export function downloadInvitation(root: ShadowRoot, plan: Plan, meeting: Meeting, now = new Date()): boolean {
  const ics = invitationFile(plan, meeting.id, now);
  if (!ics) return false;
  downloadText(root, ics, icsFileName(meeting), 'text/calendar;charset=utf-8');
  return true;
}

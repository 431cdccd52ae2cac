/**
 * Meeting rules: who is called and who is invited, which called parties
 * stayed away, and the local time zone meetings are planned in.
 *
 * The region and the municipality are *called* (*kallade*) to a SIP meeting
 * and obliged to attend; every other actor is *invited* (*inbjudna*). A called
 * party that does not turn up is a known failure of the field, so it is
 * flagged for the host system to act on.
 * @module
 */
import type { IsoDate } from '../dates.js';
import type { AttendanceStatus, InvitationMode, Meeting } from '../model/meeting.js';
import type { PartyKind } from '../model/party.js';
import type { Jurisdiction, Plan } from '../model/plan.js';

/** Party kinds whose professionals are called (obliged to attend) rather than invited. */
export const CALLED_PARTY_KINDS: readonly PartyKind[] = Object.freeze(['region', 'municipality'] as const);

/**
 * How a participant is asked to a meeting by default: a professional of a
 * region or municipality (directly, or through the organisation the unit is
 * part of) is `called`; the person, relatives and other actors are `invited`.
 * An unknown participant is `invited`.
 */
export function defaultInvitationMode(plan: Pick<Plan, 'participants' | 'parties'>, participant: string): InvitationMode {
  const p = plan.participants.find((x) => x.id === participant);
  if (!p || p.role !== 'professional' || p.party === undefined) return 'invited';
  // Follow `partOf` a few steps so a unit with kind `other` inside a region still counts.
  let party = plan.parties.find((x) => x.id === p.party);
  for (let i = 0; party && i < 5; i++) {
    if (CALLED_PARTY_KINDS.includes(party.kind)) return 'called';
    const parent = party.partOf;
    party = parent === undefined ? undefined : plan.parties.find((x) => x.id === parent);
  }
  return 'invited';
}

/** A called participant who did not attend a meeting. */
export interface AbsentCalledParty {
  /** The meeting (a meeting id). */
  meeting: string;
  /** The participant who was called (a participant id). */
  participant: string;
  /** The party they represent (a party id), when known. */
  party?: string;
  /** `absent` (no notice) or, with `includeExcused`, `excused`. */
  status: Exclude<AttendanceStatus, 'attended'>;
}

/** Options of {@link absentCalledParties}. */
export interface AbsentCalledOptions {
  /** Only this meeting (a meeting id); default every meeting of the plan. */
  meeting?: string;
  /** Also list called participants who were absent with notice (`excused`). Default false. */
  includeExcused?: boolean;
}

/**
 * Called participants recorded as absent, meeting by meeting in plan order.
 * Only recorded attendance counts: a called participant with no attendance
 * entry is not listed (attendance may not have been taken yet).
 */
export function absentCalledParties(
  plan: Pick<Plan, 'meetings' | 'participants'>,
  options: AbsentCalledOptions = {},
): AbsentCalledParty[] {
  const out: AbsentCalledParty[] = [];
  const meetings: readonly Meeting[] = options.meeting === undefined ? plan.meetings : plan.meetings.filter((m) => m.id === options.meeting);
  for (const m of meetings) {
    if (m.status === 'cancelled') continue;
    for (const inv of m.invitations) {
      if (inv.mode !== 'called') continue;
      const a = m.attendance.find((x) => x.participant === inv.participant);
      if (!a || a.status === 'attended' || (a.status === 'excused' && !options.includeExcused)) continue;
      const party = plan.participants.find((x) => x.id === inv.participant)?.party;
      out.push({ meeting: m.id, participant: inv.participant, ...(party !== undefined ? { party } : {}), status: a.status });
    }
  }
  return out;
}

/** The IANA time zone meetings of a jurisdiction are planned in. */
export const MEETING_TIME_ZONES: Readonly<Record<Jurisdiction, string>> = Object.freeze({
  SE: 'Europe/Stockholm',
  NO: 'Europe/Oslo',
  GB: 'Europe/London',
});

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - utcMs) / 60_000);
}

/**
 * The instant of a wall-clock time in `timeZone`, with that zone's offset,
 * e.g. `localInstant('2026-03-02', '09:30', 'Europe/Stockholm')` →
 * `2026-03-02T09:30:00+01:00`. A time skipped by a daylight-saving change is
 * moved forward by the gap. Returns `undefined` for an invalid date or time.
 */
export function localInstant(date: IsoDate, time: string, timeZone: string): string | undefined {
  const m = TIME.exec(time);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !d) return undefined;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(m[1]), Number(m[2]));
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date) return undefined;
  // Two passes settle the offset on either side of a daylight-saving change.
  const instant = wall - zoneOffsetMinutes(wall - zoneOffsetMinutes(wall, timeZone) * 60_000, timeZone) * 60_000;
  const offset = zoneOffsetMinutes(instant, timeZone);
  const local = new Date(instant + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

/**
 * iCalendar export (RFC 5545) of a meeting invitation: one `VEVENT` with
 * `ORGANIZER`, one `ATTENDEE` per invitation (`ROLE=REQ-PARTICIPANT` for
 * called parties, `OPT-PARTICIPANT` for invited ones, `PARTSTAT` from their
 * response), `LOCATION` and/or `URL`, and a `DESCRIPTION` in the plan's
 * language listing the questions to address.
 *
 * Times are written in UTC (`DTSTART:20260224T090000Z`): the plan stores
 * instants with their offset, so UTC is exact, needs no `VTIMEZONE`, and every
 * calendar shows it in the reader's own zone.
 *
 * Privacy: the `SUMMARY` is the meeting kind only ("SIP-möte"), never the
 * person's name, because calendar titles are often visible to colleagues.
 *
 * Every text value is escaped (`\`, `;`, `,`, newlines), control characters
 * are dropped, parameter values use RFC 6868 caret encoding, and lines are
 * folded at 75 octets without splitting a UTF-8 sequence; lines end in CRLF.
 * @module
 */
import { SipValidationError } from './errors.js';
import { issue } from './model/issues.js';
import type { InvitationResponse, Meeting, MeetingKind } from './model/meeting.js';
import type { Participant } from './model/party.js';
import type { Plan } from './model/plan.js';
import { isAllowedUrl, isInstant, type Instant } from './model/primitives.js';
import type { Locale } from './i18n/locales.js';
import { SIP_KIT_VERSION } from './version.js';

/** Options of {@link meetingToICalendar}. */
export interface ICalendarOptions {
  /** `DTSTAMP`: when the file is made (default now). */
  now?: Date | Instant;
  /** The domain part of the `UID` (default `sip-kit.invalid`). */
  uidDomain?: string;
  /** Length of the meeting when it has no `endsAt`, in minutes (default 60). */
  defaultMinutes?: number;
}

const WORDS: Record<Locale, { kinds: Record<MeetingKind, string>; questions: string; place: string; link: string; chosen: string }> = {
  sv: {
    kinds: { 'sip-meeting': 'SIP-möte', 'pre-meeting': 'Förmöte', 'follow-up-meeting': 'Uppföljningsmöte' },
    questions: 'Frågor att ta upp:',
    place: 'Plats:',
    link: 'Länk till mötet:',
    chosen: 'Personen har valt platsen.',
  },
  nb: {
    kinds: { 'sip-meeting': 'IP-møte', 'pre-meeting': 'Formøte', 'follow-up-meeting': 'Oppfølgingsmøte' },
    questions: 'Spørsmål vi skal snakke om:',
    place: 'Sted:',
    link: 'Lenke til møtet:',
    chosen: 'Personen har valgt stedet.',
  },
  nn: {
    kinds: { 'sip-meeting': 'IP-møte', 'pre-meeting': 'Førmøte', 'follow-up-meeting': 'Oppfølgingsmøte' },
    questions: 'Spørsmål vi skal snakke om:',
    place: 'Stad:',
    link: 'Lenkje til møtet:',
    chosen: 'Personen har valt staden.',
  },
  en: {
    kinds: { 'sip-meeting': 'Planning meeting', 'pre-meeting': 'Pre-meeting', 'follow-up-meeting': 'Review meeting' },
    questions: 'Questions to address:',
    place: 'Place:',
    link: 'Meeting link:',
    chosen: 'The person chose the place.',
  },
};

const PARTSTAT: Record<InvitationResponse, string> = {
  pending: 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
};

// Lone surrogates become U+FFFD (what UTF-8 encoding would make of them anyway).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// CONTROL characters other than HTAB are not allowed in TEXT (RFC 5545 3.3.11).
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function clean(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROLS, '');
}

/** Escapes a TEXT value (RFC 5545 3.3.11): `\` `;` `,` and newlines; drops control characters. */
export function escapeICalText(value: string): string {
  return clean(value)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A quoted parameter value (RFC 5545 3.2 with RFC 6868 caret encoding for `"`, `^` and newlines). */
function paramValue(value: string): string {
  const v = clean(value)
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/\t/g, ' ');
  return `"${v}"`;
}

/**
 * Folds one content line at 75 octets (RFC 5545 3.1): continuation lines start
 * with a space, and no UTF-8 sequence or surrogate pair is split.
 */
export function foldICalLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = ch.codePointAt(0)! < 0x80 ? 1 : ch.codePointAt(0)! < 0x800 ? 2 : ch.codePointAt(0)! < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function utc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]+$/;

/**
 * The calendar address of a participant: `mailto:` their e-mail when it looks
 * like one, else a `urn:` naming the plan and participant (calendar clients
 * show the `CN`; the address only has to be a URI).
 */
function calAddress(plan: Plan, p: Participant | undefined, id: string): string {
  const email = p?.email?.trim();
  if (email && EMAIL.test(email)) return `mailto:${encodeURI(email)}`;
  return `urn:sip-kit:${plan.id}:participant:${id}`;
}

/** A file name for a meeting's `.ics` file, e.g. `sip-meeting-2026-02-24.ics` (ASCII only). */
export function icsFileName(meeting: Pick<Meeting, 'kind' | 'startsAt' | 'id'>): string {
  const day = meeting.startsAt?.slice(0, 10) ?? meeting.id;
  return `${meeting.kind}-${day}.ics`.replace(/[^A-Za-z0-9.-]/g, '-');
}

/**
 * The meeting `meetingId` of `plan` as an iCalendar file (RFC 5545, CRLF line
 * ends), ready to save as `.ics`. `SEQUENCE` is the plan's version, so a
 * re-exported meeting updates the event already in a calendar (same `UID`).
 * @throws SipValidationError `not-found` for an unknown meeting, `required`
 * when the meeting has no `startsAt`.
 */
export function meetingToICalendar(plan: Plan, meetingId: string, options: ICalendarOptions = {}): string {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new SipValidationError([issue(['meeting'], 'not-found', { id: meetingId })]);
  if (meeting.startsAt === undefined || !isInstant(meeting.startsAt)) throw new SipValidationError([issue(['startsAt'], 'required')]);
  const words = WORDS[plan.locale] ?? WORDS.sv;
  const start = new Date(meeting.startsAt);
  const end =
    meeting.endsAt !== undefined && isInstant(meeting.endsAt) && new Date(meeting.endsAt) > start
      ? new Date(meeting.endsAt)
      : new Date(start.getTime() + (options.defaultMinutes ?? 60) * 60_000);
  const now = options.now === undefined ? new Date() : new Date(options.now);
  const domain = (options.uidDomain ?? 'sip-kit.invalid').replace(/[^A-Za-z0-9.-]/g, '');
  const participant = (id: string) => plan.participants.find((p) => p.id === id);
  const link = meeting.link !== undefined && isAllowedUrl(meeting.link) ? new URL(meeting.link).href : undefined;

  const description: string[] = [];
  if (meeting.agenda.length) description.push(words.questions, ...meeting.agenda.map((q) => `- ${q}`));
  if (meeting.place && meeting.placeChosenByPerson) description.push(words.chosen);
  if (link) description.push(`${words.link} ${link}`);

  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//sip-kit//sip-kit ${SIP_KIT_VERSION}//EN`,
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${meeting.id}.${plan.id}@${domain || 'sip-kit.invalid'}`,
    `DTSTAMP:${utc(Number.isNaN(now.getTime()) ? new Date() : now)}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    `SEQUENCE:${plan.version}`,
    `STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY;LANGUAGE=${plan.locale}:${escapeICalText(words.kinds[meeting.kind])}`,
  ];
  if (description.length) lines.push(`DESCRIPTION;LANGUAGE=${plan.locale}:${escapeICalText(description.join('\n'))}`);
  if (meeting.place) lines.push(`LOCATION;LANGUAGE=${plan.locale}:${escapeICalText(meeting.place)}`);
  if (link) lines.push(`URL:${link}`);
  if (meeting.organizer !== undefined) {
    const p = participant(meeting.organizer);
    lines.push(`ORGANIZER${p ? `;CN=${paramValue(p.name)}` : ''}:${calAddress(plan, p, meeting.organizer)}`);
  }
  for (const inv of meeting.invitations) {
    const p = participant(inv.participant);
    const params = [
      p ? `CN=${paramValue(p.name)}` : '',
      'CUTYPE=INDIVIDUAL',
      `ROLE=${inv.mode === 'called' ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT'}`,
      `PARTSTAT=${PARTSTAT[inv.response]}`,
      inv.response === 'pending' ? 'RSVP=TRUE' : '',
    ].filter(Boolean);
    lines.push(`ATTENDEE;${params.join(';')}:${calAddress(plan, p, inv.participant)}`);
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldICalLine).join('\r\n') + '\r\n';
}

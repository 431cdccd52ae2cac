import { LIMITS } from './limits.js';
import { HttpsUrlSchema, IdSchema, InstantSchema, IsoDateSchema, LongTextSchema, RefSchema, ShortTextSchema, TextSchema, list } from './primitives.js';
import * as z from './zod.js';

/** Kinds of meeting. */
export const MEETING_KINDS = ['sip-meeting', 'pre-meeting', 'follow-up-meeting'] as const;
/** One of {@link MEETING_KINDS}. */
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Where a meeting stands. */
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
/** One of {@link MEETING_STATUSES}. */
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * `called`: the region and municipality are called (*kallade*) and obliged to
 * attend. `invited`: other actors are invited (*inbjudna*).
 */
export const INVITATION_MODES = ['called', 'invited'] as const;
/** One of {@link INVITATION_MODES}. */
export type InvitationMode = (typeof INVITATION_MODES)[number];

/** Answers to an invitation. */
export const INVITATION_RESPONSES = ['pending', 'accepted', 'declined', 'tentative'] as const;
/** One of {@link INVITATION_RESPONSES}. */
export type InvitationResponse = (typeof INVITATION_RESPONSES)[number];

/** A participant's invitation to a meeting. */
export const InvitationSchema = z.strictObject({
  /** Who is invited (a participant id); at most one invitation per participant per meeting. */
  participant: RefSchema,
  /** Called (obliged to attend) or invited. */
  mode: z.enum(INVITATION_MODES),
  /** When the invitation was sent. */
  sentOn: z.optional(IsoDateSchema),
  /** Their answer so far. */
  response: z.enum(INVITATION_RESPONSES),
  /** When they answered. */
  respondedOn: z.optional(IsoDateSchema),
  /** Short note, e.g. "sends a replacement" (≤ 200). */
  note: z.optional(ShortTextSchema),
});
/** A participant's invitation to a meeting. */
export type Invitation = z.infer<typeof InvitationSchema>;

/** Whether someone came. */
export const ATTENDANCE_STATUSES = ['attended', 'absent', 'excused'] as const;
/** One of {@link ATTENDANCE_STATUSES}. */
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** How someone took part in a meeting. */
export const ATTENDANCE_MODES = ['in-person', 'digital', 'phone'] as const;
/** One of {@link ATTENDANCE_MODES}. */
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/** Whether a participant came to a meeting. */
export const AttendanceSchema = z.strictObject({
  /** Who (a participant id); at most one entry per participant per meeting. */
  participant: RefSchema,
  /** Attended, absent, or absent with notice (excused). */
  status: z.enum(ATTENDANCE_STATUSES),
  /** How they took part, when they attended. */
  how: z.optional(z.enum(ATTENDANCE_MODES)),
  /** Short note (≤ 200). */
  note: z.optional(ShortTextSchema),
});
/** Whether a participant came to a meeting. */
export type Attendance = z.infer<typeof AttendanceSchema>;

/** A meeting: the SIP meeting itself, a pre-meeting or a follow-up meeting. */
export const MeetingSchema = z.strictObject({
  /** Id, unique among the plan's meetings. */
  id: IdSchema,
  /** SIP meeting, pre-meeting or follow-up meeting. */
  kind: z.enum(MEETING_KINDS),
  /** Planned, held or cancelled. */
  status: z.enum(MEETING_STATUSES),
  /** Planned start, with offset. */
  startsAt: z.optional(InstantSchema),
  /** Planned end, with offset. */
  endsAt: z.optional(InstantSchema),
  /** The day it was actually held. */
  heldOn: z.optional(IsoDateSchema),
  /** Where it is held (≤ 200). */
  place: z.optional(ShortTextSchema),
  /** True when the person chose the place. */
  placeChosenByPerson: z.optional(z.boolean()),
  /** Link for a digital meeting: `https:` only (≤ 2048, refused with `url-not-allowed` otherwise). */
  link: z.optional(HttpsUrlSchema),
  /** The participant who invites and leads (a participant id). */
  organizer: z.optional(RefSchema),
  /** Questions the meeting should address (each ≤ 2000, ≤ 100 of them). */
  agenda: list(TextSchema, LIMITS.agenda),
  /** Who is invited or called (≤ 200). */
  invitations: list(InvitationSchema, LIMITS.invitations),
  /** Who came (≤ 200). */
  attendance: list(AttendanceSchema, LIMITS.invitations),
  /** Meeting notes (≤ 10000). */
  notes: z.optional(LongTextSchema),
});
/** A meeting. */
export type Meeting = z.infer<typeof MeetingSchema>;

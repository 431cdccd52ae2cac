import { LIMITS } from './limits.js';
import { IsoDateSchema, LongTextSchema, NameSchema, RefSchema, ShortTextSchema, TextSchema, list, text } from './primitives.js';
import * as z from './zod.js';

/** An identifier from another system, such as a Swedish personal identity number. */
export const PersonIdentifierSchema = z.strictObject({
  /** Which system issued it, e.g. `urn:oid:1.2.752.129.2.1.3.1` (Swedish personnummer). */
  system: NameSchema,
  /** The identifier itself. */
  value: NameSchema,
});
/** An identifier from another system. */
export type PersonIdentifier = z.infer<typeof PersonIdentifierSchema>;

/** The person the plan is for (the starting point of the plan). */
export const PersonSchema = z.strictObject({
  /** Full name as the person wants it written (≤ 200). */
  name: NameSchema,
  /** What the person likes to be called (≤ 200). */
  preferredName: z.optional(ShortTextSchema),
  /** Date of birth, when known. */
  dateOfBirth: z.optional(IsoDateSchema),
  /** Age in whole years, when the date of birth is not recorded (0–150). */
  age: z.optional(z.int().check(z.minimum(0), z.maximum(150))),
  /** True when the plan is made for a child: guardians consent and the child's own view is recorded. */
  isChild: z.boolean(),
  /** Preferred language as a BCP 47 tag, e.g. `sv`, `se` (Northern Sami), `ar` (≤ 35). */
  preferredLanguage: z.optional(text(LIMITS.languageTag)),
  /** True when the person needs an interpreter at meetings. */
  interpreterNeeded: z.optional(z.boolean()),
  /** How to communicate with the person: easy-to-read text, sign language, pictures, hearing loop … (≤ 2000). */
  communicationNeeds: z.optional(TextSchema),
  /** Identifiers from other systems, e.g. a personal identity number (≤ 10). */
  identifiers: z.optional(list(PersonIdentifierSchema, 10)),
});
/** The person the plan is for. */
export type Person = z.infer<typeof PersonSchema>;

/** Ways the person took part in making the plan. */
export const PARTICIPATION_WAYS = [
  'attended-meeting',
  'spoke-for-themselves',
  'with-support',
  'in-writing',
  'through-representative',
  'through-guardian',
  'did-not-take-part',
] as const;
/** One of {@link PARTICIPATION_WAYS}. */
export type ParticipationWay = (typeof PARTICIPATION_WAYS)[number];

/** A child's own view, heard and written down in a way that suits their age. */
export const ChildViewSchema = z.strictObject({
  /** The child's view, in the child's own words where possible (≤ 10000). */
  text: text(LIMITS.longText, true),
  /** How the child was heard: a talk with the school nurse, drawing, a questionnaire … (≤ 2000). */
  howHeard: z.optional(TextSchema),
  /** When the view was recorded. */
  recordedOn: z.optional(IsoDateSchema),
  /** Participant who recorded it. */
  recordedBy: z.optional(RefSchema),
});
/** A child's own view. */
export type ChildView = z.infer<typeof ChildViewSchema>;

/** The person's own voice in the plan: what matters to them, in their words. */
export const PersonVoiceSchema = z.strictObject({
  /** "What matters to me" — in the person's own words (≤ 10000). */
  whatMattersToMe: z.optional(LongTextSchema),
  /** Anything else the person wants said, in their own words (≤ 10000). */
  ownWords: z.optional(LongTextSchema),
  /** What the person will do themselves towards the goals (≤ 10000; Norway's forskrift § 19 d: "egen innsats"). */
  ownContribution: z.optional(LongTextSchema),
  /** What relatives contribute, if the person wants them to (≤ 10000; § 19 d: "pårørendes bidrag"). */
  relativesContribution: z.optional(LongTextSchema),
  /** How the person took part in making the plan (≤ 7, see {@link PARTICIPATION_WAYS}). */
  participation: z.optional(list(z.enum(PARTICIPATION_WAYS), PARTICIPATION_WAYS.length)),
  /** More about how the person took part (≤ 2000). */
  participationNote: z.optional(TextSchema),
  /** For plans for children: the child's own view. */
  childView: z.optional(ChildViewSchema),
});
/** The person's own voice. */
export type PersonVoice = z.infer<typeof PersonVoiceSchema>;

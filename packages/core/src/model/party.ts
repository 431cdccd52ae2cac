import { IdSchema, NameSchema, RefSchema, ShortTextSchema, TextSchema } from './primitives.js';
import * as z from './zod.js';

/**
 * Sectors a party works in and a need belongs to. The rules engine's
 * eligibility facts use the same words.
 */
export const SECTORS = ['health-care', 'social-services', 'school', 'employment', 'social-insurance', 'other'] as const;
/** One of {@link SECTORS}. */
export type Sector = (typeof SECTORS)[number];

/** Kinds of organisation. */
export const PARTY_KINDS = ['region', 'municipality', 'state-agency', 'school', 'private-provider', 'ngo', 'other'] as const;
/** One of {@link PARTY_KINDS}. */
export type PartyKind = (typeof PARTY_KINDS)[number];

/**
 * An organisation or unit taking part: a region (primary care, psychiatry, BUP,
 * habilitation), a municipality (social services, LSS, school), or another
 * actor (Försäkringskassan, Arbetsförmedlingen, NAV, a private provider).
 */
export const PartySchema = z.strictObject({
  /** Id, unique among the plan's parties. */
  id: IdSchema,
  /** Name of the organisation or unit, e.g. "Region Värmland, Psykiatri Karlstad" (≤ 200). */
  name: NameSchema,
  /** What kind of organisation it is. */
  kind: z.enum(PARTY_KINDS),
  /**
   * True for a principal responsible for the plan (Swedish *huvudman*: the region
   * or the municipality; in Norway the municipality or the specialist health
   * service). Interventions by other actors point at a party where this is false.
   */
  principal: z.boolean(),
  /** The sector it works in. */
  sector: z.optional(z.enum(SECTORS)),
  /** A unit within it, when the party is the whole organisation (≤ 200). */
  unit: z.optional(ShortTextSchema),
  /** The party this one is a unit of (a party id). */
  partOf: z.optional(RefSchema),
  /** Phone, e-mail or other contact details for the party (≤ 200). */
  contact: z.optional(ShortTextSchema),
  /** Free note (≤ 2000). */
  note: z.optional(TextSchema),
});
/** An organisation or unit taking part in the plan. */
export type Party = z.infer<typeof PartySchema>;

/** The part someone plays in the plan. */
export const PARTICIPANT_ROLES = ['person', 'guardian', 'relative', 'representative', 'professional', 'other'] as const;
/** One of {@link PARTICIPANT_ROLES}. */
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * Someone taking part: the person themselves, a guardian, a relative, a personal
 * representative, or a professional representing a party (a professional must
 * name the `party`).
 */
export const ParticipantSchema = z.strictObject({
  /** Id, unique among the plan's participants. */
  id: IdSchema,
  /** The part they play. */
  role: z.enum(PARTICIPANT_ROLES),
  /** Name (≤ 200). */
  name: NameSchema,
  /** The party a professional represents (a party id); required for `professional`. */
  party: z.optional(RefSchema),
  /** Job title, e.g. "handläggare", "kurator", "fastlege" (≤ 200). */
  title: z.optional(ShortTextSchema),
  /** Relation to the person, e.g. "mother", "brother", "god man" (≤ 200). */
  relation: z.optional(ShortTextSchema),
  /** Phone number (≤ 200). */
  phone: z.optional(ShortTextSchema),
  /** E-mail address (≤ 200). */
  email: z.optional(ShortTextSchema),
  /** Free note (≤ 2000). */
  note: z.optional(TextSchema),
});
/** Someone taking part in the plan. */
export type Participant = z.infer<typeof ParticipantSchema>;

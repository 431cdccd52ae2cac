import { LIMITS } from './limits.js';
import { IdSchema, IsoDateSchema, LongTextSchema, RefSchema, RequiredTextSchema, ShortTextSchema, TextSchema, refs } from './primitives.js';
import * as z from './zod.js';

/** Where an intervention stands. */
export const INTERVENTION_STATUSES = ['planned', 'ongoing', 'paused', 'completed', 'cancelled'] as const;
/** One of {@link INTERVENTION_STATUSES}. */
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/**
 * An intervention (Swedish *insats*, Norwegian *tiltak*): what is done and
 * how, who answers for it, how much, where and when. Interventions by other
 * actors than the principals have the same shape, with a `party` whose
 * `principal` is false.
 */
export const InterventionSchema = z.strictObject({
  /** Id, unique among the plan's interventions. */
  id: IdSchema,
  /** What is done, in plain words (1–2000). */
  what: RequiredTextSchema,
  /**
   * How it is carried out: methods, way of working, who does what together
   * (≤ 2000). Norway's regulation asks for this per measure (*hvordan tiltakene
   * skal gjennomføres*); `extent` and `where` say how much and where.
   */
  how: z.optional(TextSchema),
  /** The party responsible for it (a party id). */
  party: RefSchema,
  /** The unit within the party (≤ 200). */
  unit: z.optional(ShortTextSchema),
  /** The participant responsible (a participant id). */
  responsible: z.optional(RefSchema),
  /** Name of the responsible person when they are not a participant (≤ 200). */
  responsibleName: z.optional(ShortTextSchema),
  /** Extent: how much and how often, e.g. "2 hours a week" (≤ 200). */
  extent: z.optional(ShortTextSchema),
  /** Where it is given (≤ 200). */
  where: z.optional(ShortTextSchema),
  /** First day. */
  startOn: z.optional(IsoDateSchema),
  /** Last day (not before `startOn`). */
  endOn: z.optional(IsoDateSchema),
  /** The party that pays (a party id). */
  costBearer: z.optional(RefSchema),
  /** More about costs, e.g. a fee the person pays (≤ 2000). */
  costNote: z.optional(TextSchema),
  /** Goals this intervention works towards (goal ids, ≤ 500). */
  goals: refs(LIMITS.references),
  /** Planned, ongoing, paused, completed or cancelled. */
  status: z.enum(INTERVENTION_STATUSES),
  /** Reference to the decision it rests on, e.g. a decision under SoL or LSS (≤ 200). */
  decision: z.optional(ShortTextSchema),
  /** Free note (≤ 10000). */
  note: z.optional(LongTextSchema),
});
/** An intervention. */
export type Intervention = z.infer<typeof InterventionSchema>;

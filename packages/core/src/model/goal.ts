import { LIMITS } from './limits.js';
import { IdSchema, IsoDateSchema, RefSchema, RequiredTextSchema, TextSchema, refs } from './primitives.js';
import { SECTORS } from './party.js';
import * as z from './zod.js';

/** Who put a need or goal into words. */
export const EXPRESSED_BY = ['person', 'guardian', 'professional', 'jointly'] as const;
/** One of {@link EXPRESSED_BY}. */
export type ExpressedBy = (typeof EXPRESSED_BY)[number];

/** Something the person needs help with. */
export const NeedSchema = z.strictObject({
  /** Id, unique among the plan's needs. */
  id: IdSchema,
  /** The need, in the person's words where possible (1–2000). */
  text: RequiredTextSchema,
  /** The sector the need belongs to (health care, social services, …). */
  sector: z.optional(z.enum(SECTORS)),
  /** Who put it into words. */
  expressedBy: z.optional(z.enum(EXPRESSED_BY)),
  /** The party that identified the need (a party id). */
  identifiedBy: z.optional(RefSchema),
});
/** Something the person needs help with. */
export type Need = z.infer<typeof NeedSchema>;

/** Kinds of strength. */
export const RESOURCE_KINDS = ['personal', 'network', 'professional', 'other'] as const;
/** One of {@link RESOURCE_KINDS}. */
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** A strength or resource the person has: an ability, an interest, people around them. */
export const ResourceSchema = z.strictObject({
  /** Id, unique among the plan's resources. */
  id: IdSchema,
  /** The strength, in the person's words where possible (1–2000). */
  text: RequiredTextSchema,
  /** Personal (own abilities), network (family, friends), professional, other. */
  kind: z.optional(z.enum(RESOURCE_KINDS)),
});
/** A strength or resource the person has. */
export type Resource = z.infer<typeof ResourceSchema>;

/** How far ahead a goal looks. */
export const GOAL_HORIZONS = ['long-term', 'short-term'] as const;
/** One of {@link GOAL_HORIZONS}. */
export type GoalHorizon = (typeof GOAL_HORIZONS)[number];

/** Where a goal stands. */
export const GOAL_STATUSES = ['active', 'achieved', 'discontinued'] as const;
/** One of {@link GOAL_STATUSES}. */
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A goal of the plan: what the person wants to achieve. */
export const GoalSchema = z.strictObject({
  /** Id, unique among the plan's goals. */
  id: IdSchema,
  /** The goal, in the person's own words where possible (1–2000). */
  text: RequiredTextSchema,
  /** Long-term or short-term. */
  horizon: z.enum(GOAL_HORIZONS),
  /** Who put the goal into words. */
  expressedBy: z.enum(EXPRESSED_BY),
  /** The participant who expressed it (a participant id). */
  expressedByParticipant: z.optional(RefSchema),
  /** Needs this goal answers (need ids, ≤ 500). */
  needs: refs(LIMITS.references),
  /** The long-term goal a short-term goal leads towards (a goal id). */
  partOf: z.optional(RefSchema),
  /** When the goal should be reached. */
  targetOn: z.optional(IsoDateSchema),
  /** How we will know the goal is reached (≤ 2000). */
  measure: z.optional(TextSchema),
  /** Active, achieved or discontinued. Goals with evaluations are kept, not removed. */
  status: z.enum(GOAL_STATUSES),
});
/** A goal of the plan. */
export type Goal = z.infer<typeof GoalSchema>;

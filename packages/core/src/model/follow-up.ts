import { LIMITS } from './limits.js';
import { IdSchema, IsoDateSchema, LongTextSchema, RefSchema, TextSchema, list } from './primitives.js';
import * as z from './zod.js';

/** How far a goal was reached. */
export const GOAL_OUTCOMES = ['achieved', 'partly', 'not-achieved', 'not-assessed'] as const;
/** One of {@link GOAL_OUTCOMES}. */
export type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

/** One goal's evaluation at a follow-up: the person's view beside the professional's. */
export const GoalEvaluationSchema = z.strictObject({
  /** The goal (a goal id); at most one evaluation per goal per follow-up. */
  goal: RefSchema,
  /** Achieved, partly, not achieved, or not assessed. */
  outcome: z.enum(GOAL_OUTCOMES),
  /** The person's own view, in their words (≤ 2000). */
  personView: z.optional(TextSchema),
  /** The professional's view (≤ 2000). */
  professionalView: z.optional(TextSchema),
  /** Note (≤ 2000). */
  note: z.optional(TextSchema),
  /** The participant who made the evaluation (a participant id). */
  evaluatedBy: z.optional(RefSchema),
});
/** One goal's evaluation at a follow-up. */
export type GoalEvaluation = z.infer<typeof GoalEvaluationSchema>;

/** A planned follow-up (evaluation) of the plan: when, who, and how each goal went. */
export const FollowUpSchema = z.strictObject({
  /** Id, unique among the plan's follow-ups. */
  id: IdSchema,
  /** The day it is due. */
  dueOn: IsoDateSchema,
  /** Who is responsible for it (a participant id). */
  responsible: RefSchema,
  /** The meeting where it happens, if any (a meeting id). */
  meeting: z.optional(RefSchema),
  /** The day it was done; absent while not done. */
  doneOn: z.optional(IsoDateSchema),
  /** Goal evaluations (≤ 500). */
  evaluations: list(GoalEvaluationSchema, LIMITS.evaluations),
  /** The follow-up booked next (a follow-up id). */
  nextFollowUp: z.optional(RefSchema),
  /** Note (≤ 10000). */
  note: z.optional(LongTextSchema),
});
/** A follow-up of the plan. */
export type FollowUp = z.infer<typeof FollowUpSchema>;

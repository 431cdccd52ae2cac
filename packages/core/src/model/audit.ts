import { IdSchema, InstantSchema, IsoDateSchema, NameSchema, RefSchema, ShortTextSchema, TextSchema } from './primitives.js';
import { PLAN_SECTIONS } from './consent.js';
import * as z from './zod.js';

/** Who made a change: a user of the host system. */
export const ActorSchema = z.strictObject({
  /** The host system's id for the user (1–200, any characters). */
  id: NameSchema,
  /** Display name (≤ 200). */
  name: z.optional(ShortTextSchema),
  /** The party the user acts for (a party id, not checked: the party may be outside the plan). */
  partyId: z.optional(RefSchema),
});
/** Who made a change. */
export type Actor = z.infer<typeof ActorSchema>;

/** One append-only audit entry: who ran which command when. */
export const AuditEntrySchema = z.strictObject({
  /** Id, unique among the audit entries. */
  id: IdSchema,
  /** Who. */
  actor: ActorSchema,
  /** When. */
  at: InstantSchema,
  /** The command's `type`, e.g. `addGoal` (1–200). */
  command: NameSchema,
  /** A short English summary for logs, e.g. `addGoal goal-3` (≤ 2000). */
  summary: TextSchema,
});
/** One audit entry. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A change of coordinator (overall responsibility), kept so continuity survives staff changes. */
export const CoordinatorHandoverSchema = z.strictObject({
  /** Id, unique among the handovers. */
  id: IdSchema,
  /** The previous coordinator (a participant id); absent for the first assignment. */
  from: z.optional(RefSchema),
  /** The new coordinator (a participant id). */
  to: RefSchema,
  /** The day responsibility passed. */
  on: IsoDateSchema,
  /** Why, e.g. "new job" (≤ 2000). */
  reason: z.optional(TextSchema),
  /** When it was recorded. */
  recordedAt: InstantSchema,
});
/** A change of coordinator. */
export type CoordinatorHandover = z.infer<typeof CoordinatorHandoverSchema>;

/** Kinds of change that await the person's approval. */
export const CHANGE_KINDS = ['added', 'changed', 'removed', 'moved'] as const;
/** One of {@link CHANGE_KINDS}. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * A change to content agreed with the person, made after the plan was
 * established, that the person has not yet approved. A plan may not change
 * without the person's agreement.
 */
export const PendingChangeSchema = z.strictObject({
  /** Id, unique among the pending changes. */
  id: IdSchema,
  /** The section changed. */
  section: z.enum(PLAN_SECTIONS),
  /** The item changed (its id; not checked — a removed item is gone). */
  item: z.optional(IdSchema),
  /** Added, changed, removed or moved. */
  change: z.enum(CHANGE_KINDS),
  /** When. */
  at: InstantSchema,
  /** The actor's id. */
  by: NameSchema,
});
/** A change awaiting the person's approval. */
export type PendingChange = z.infer<typeof PendingChangeSchema>;

/** The person's (or guardian's) approval of the pending changes. */
export const ApprovalSchema = z.strictObject({
  /** Id, unique among the approvals. */
  id: IdSchema,
  /** Who approved (a participant id: the person, a guardian or representative). */
  by: RefSchema,
  /** The day they approved. */
  on: IsoDateSchema,
  /** When it was recorded. */
  at: InstantSchema,
  /** How the approval was given, e.g. "at the follow-up meeting" (≤ 2000). */
  how: z.optional(TextSchema),
  /** How many pending changes it approved. */
  changes: z.int().check(z.minimum(0)),
});
/** An approval of pending changes. */
export type Approval = z.infer<typeof ApprovalSchema>;

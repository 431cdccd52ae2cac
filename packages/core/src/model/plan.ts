import { LOCALES } from '../i18n/locales.js';
import { ApprovalSchema, AuditEntrySchema, CoordinatorHandoverSchema, PendingChangeSchema } from './audit.js';
import { ConsentSchema } from './consent.js';
import { FollowUpSchema } from './follow-up.js';
import { GoalSchema, NeedSchema, ResourceSchema } from './goal.js';
import { InterventionSchema } from './intervention.js';
import { LIMITS } from './limits.js';
import { MeetingSchema } from './meeting.js';
import { ParticipantSchema, PartySchema } from './party.js';
import { PersonSchema, PersonVoiceSchema } from './person.js';
import { IdSchema, IsoDateSchema, RefSchema, ShortTextSchema, TextSchema, list } from './primitives.js';
import * as z from './zod.js';

/** The plan format this version of sip-kit reads and writes. */
export const FORMAT_VERSION = 1;

/**
 * Plan types, each with its own completeness rules:
 * - `se-sip` — Swedish SIP for adults (HSL 16:4, SoL);
 * - `se-sip-child` — SIP for children and young people, with guardians;
 * - `se-sip-discharge` — SIP at hospital discharge (LUS 2017:612);
 * - `se-lss-ip` — individual plan under LSS 10 § (not a SIP; reviewed yearly);
 * - `no-ip` — Norwegian individual plan (individuell plan);
 * - `pcsp` — person-centred care and support plan (UK).
 */
export const PLAN_TYPES = ['se-sip', 'se-sip-child', 'se-sip-discharge', 'se-lss-ip', 'no-ip', 'pcsp'] as const;
/** One of {@link PLAN_TYPES}. */
export type PlanType = (typeof PLAN_TYPES)[number];

/** Jurisdictions: Sweden, Norway, the United Kingdom. */
export const JURISDICTIONS = ['SE', 'NO', 'GB'] as const;
/** One of {@link JURISDICTIONS}. */
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** The jurisdiction each plan type belongs to. `se-*` must be `SE`, `no-ip` must be `NO`; `pcsp` may be any. */
export const PLAN_TYPE_JURISDICTION: Readonly<Record<PlanType, Jurisdiction>> = {
  'se-sip': 'SE',
  'se-sip-child': 'SE',
  'se-sip-discharge': 'SE',
  'se-lss-ip': 'SE',
  'no-ip': 'NO',
  pcsp: 'GB',
};

/**
 * The lifecycle: `initiated` → `meeting-scheduled` → `established` → `active` → `closed`.
 * See `PLAN_TRANSITIONS` in the store for the allowed moves.
 */
export const PLAN_STATUSES = ['initiated', 'meeting-scheduled', 'established', 'active', 'closed'] as const;
/** One of {@link PLAN_STATUSES}. */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Why a plan was closed. */
export const CLOSED_REASONS = [
  'goals-achieved',
  'no-longer-needed',
  'consent-withdrawn',
  'person-declined',
  'moved',
  'transferred',
  'deceased',
  'other',
] as const;
/** One of {@link CLOSED_REASONS}. */
export type ClosedReason = (typeof CLOSED_REASONS)[number];

/** A plan period (Norway: *planperiode*). */
export const PlanPeriodSchema = z.strictObject({
  /** First day. */
  from: IsoDateSchema,
  /** Last day, or absent when open-ended. */
  to: z.optional(IsoDateSchema),
});
/** A plan period. */
export type PlanPeriod = z.infer<typeof PlanPeriodSchema>;

/**
 * A coordinated individual plan: SIP, IP or person-centred plan.
 *
 * Unknown keys are **refused** (`unknown-key`) everywhere, so a typo never
 * disappears silently and nothing unexpected is stored. Cross-references
 * (participant, party, goal, need, meeting, consent and follow-up ids) are
 * checked by `parsePlan` after the shape (`reference-unknown`); the JSON Schema
 * from `planJsonSchema()` describes the shape only.
 */
export const PlanSchema = z.strictObject({
  /** The plan format; always {@link FORMAT_VERSION} (`1`). */
  formatVersion: z.literal(FORMAT_VERSION),
  /** The plan's id. */
  id: IdSchema,
  /** Saved version for optimistic concurrency: `0` before the first save, raised by one by each save. */
  version: z.int().check(z.minimum(0)),
  /** The plan type. */
  type: z.enum(PLAN_TYPES),
  /** The jurisdiction whose law and rules apply. */
  jurisdiction: z.enum(JURISDICTIONS),
  /** The plan's language: the language its texts are written in and its messages use. */
  locale: z.enum(LOCALES),
  /** A title, e.g. "SIP för Anna" (≤ 200). */
  title: z.optional(ShortTextSchema),
  /** Where the plan is in its lifecycle. */
  status: z.enum(PLAN_STATUSES),
  /** Why the plan was closed; required when `status` is `closed`. */
  closedReason: z.optional(z.enum(CLOSED_REASONS)),
  /** The day the plan was closed. */
  closedOn: z.optional(IsoDateSchema),
  /** More about why it was closed (≤ 2000). */
  closedNote: z.optional(TextSchema),
  /** The person the plan is for. */
  person: PersonSchema,
  /** The person's own voice: what matters to them, how they took part, a child's view. */
  personVoice: PersonVoiceSchema,
  /** Everyone taking part, the person included (≤ 200). */
  participants: list(ParticipantSchema, LIMITS.participants),
  /** Organisations and units taking part (≤ 200). */
  parties: list(PartySchema, LIMITS.parties),
  /** Who took the initiative to the plan (a participant id). */
  initiator: z.optional(RefSchema),
  /** Who chairs the meetings (a participant id). */
  meetingChair: z.optional(RefSchema),
  /** The coordinator with overall responsibility for the plan (a participant id). */
  coordinator: z.optional(RefSchema),
  /** Every change of coordinator, oldest first (≤ 500). */
  coordinatorHistory: list(CoordinatorHandoverSchema, LIMITS.handovers),
  /** The day the need for a plan was identified; deadlines count from it. */
  needIdentifiedOn: IsoDateSchema,
  /** The party that identified the need (a party id). */
  needIdentifiedBy: z.optional(RefSchema),
  /** For discharge plans: the day the patient was ready for discharge. */
  readyForDischargeOn: z.optional(IsoDateSchema),
  /** The day of first contact between the parties. */
  firstContactOn: z.optional(IsoDateSchema),
  /** The day the plan was established (*upprättad*). */
  establishedOn: z.optional(IsoDateSchema),
  /** The plan period, when one is set (required in Norway). */
  planPeriod: z.optional(PlanPeriodSchema),
  /** What the person needs help with (≤ 500). */
  needs: list(NeedSchema, LIMITS.needs),
  /** The person's strengths and resources (≤ 500). */
  resources: list(ResourceSchema, LIMITS.resources),
  /** Long-term and short-term goals, in the order the person wants them (≤ 500). */
  goals: list(GoalSchema, LIMITS.goals),
  /** Interventions by every party, principals and other actors alike (≤ 1000). */
  interventions: list(InterventionSchema, LIMITS.interventions),
  /**
   * The assessment of needed cooperation with other services, institutions and
   * agencies: which ones the plan needs to work with, and how (≤ 2000). Norway's
   * regulation requires it (*vurdering av behov for samarbeid med andre
   * tjenesteytere, institusjoner og etater*); "none needed" is a valid answer.
   */
  cooperation: z.optional(TextSchema),
  /** Meetings (≤ 500). */
  meetings: list(MeetingSchema, LIMITS.meetings),
  /** Consent records, including superseded and withdrawn ones (≤ 500). */
  consents: list(ConsentSchema, LIMITS.consents),
  /** Follow-ups, planned and done (≤ 500). */
  followUps: list(FollowUpSchema, LIMITS.followUps),
  /** Changes to agreed content that await the person's approval (≤ 5000). */
  pendingApproval: list(PendingChangeSchema, LIMITS.pendingApproval),
  /** Approvals the person has given (≤ 5000). */
  approvals: list(ApprovalSchema, LIMITS.approvals),
  /** Append-only audit trail (≤ 50000). */
  audit: list(AuditEntrySchema, LIMITS.audit),
});

/** A coordinated individual plan. See {@link PlanSchema} for every field. */
export type Plan = z.infer<typeof PlanSchema>;

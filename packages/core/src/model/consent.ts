import { LIMITS } from './limits.js';
import { IdSchema, InstantSchema, IsoDateSchema, LongTextSchema, NameSchema, RefSchema, RequiredTextSchema, ShortTextSchema, TextSchema, list, refs, text } from './primitives.js';
import * as z from './zod.js';

/** Sections of a plan, used to say what a consent exclusion covers and what a change touched. */
export const PLAN_SECTIONS = [
  'person',
  'personVoice',
  'participants',
  'needs',
  'resources',
  'goals',
  'interventions',
  'meetings',
  'followUps',
] as const;
/** One of {@link PLAN_SECTIONS}. */
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/**
 * Who gave (or refused) consent: the person themselves (also a child old
 * enough to consent), a guardian (a participant), or a representative such as a
 * personal representative or trustee.
 */
export const ConsentGiverSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    /** The person themselves. */
    kind: z.literal('person'),
  }),
  z.strictObject({
    /** A guardian of a child. */
    kind: z.literal('guardian'),
    /** The guardian (a participant id). */
    participant: RefSchema,
  }),
  z.strictObject({
    /** A representative acting for the person. */
    kind: z.literal('representative'),
    /** The representative, when a participant (a participant id). */
    participant: z.optional(RefSchema),
    /** The representative's name, when not a participant (≤ 200). */
    name: z.optional(ShortTextSchema),
  }),
]);
/** Who gave or refused consent. */
export type ConsentGiver = z.infer<typeof ConsentGiverSchema>;

/** How consent was given. `other-documented` needs a `formNote` saying how. */
export const CONSENT_FORMS = ['written', 'oral', 'digital', 'other-documented'] as const;
/** One of {@link CONSENT_FORMS}. */
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** Something the person does not want shared, in their own words. */
export const ConsentExclusionSchema = z.strictObject({
  /** Id, unique within the consent. */
  id: IdSchema,
  /** What must not be shared, in the person's words, e.g. "not my substance use to school" (1–2000). */
  text: RequiredTextSchema,
  /** The parties it applies to (party ids); absent means every party. */
  parties: z.optional(refs(LIMITS.parties)),
  /** The plan section it covers, when it can be pinned to one. */
  section: z.optional(z.enum(PLAN_SECTIONS)),
  /** Specific items it covers (ids of needs, resources, goals or interventions). */
  items: z.optional(refs(LIMITS.references)),
});
/** Something the person does not want shared. */
export type ConsentExclusion = z.infer<typeof ConsentExclusionSchema>;

/**
 * What the consent covers. Sharing is a list, not pairs: every party in
 * `shareWith` may see the plan and the parties listed may share with each
 * other, minus the `exclusions`. A party not listed sees nothing.
 */
export const ConsentScopeSchema = z.strictObject({
  /** True when the consent covers making the plan at all. */
  establishPlan: z.boolean(),
  /** Parties that may receive and see the plan's information (party ids, ≤ 200). */
  shareWith: refs(LIMITS.parties),
  /** What must not be shared (≤ 200). */
  exclusions: list(ConsentExclusionSchema, LIMITS.exclusions),
});
/** What a consent covers. */
export type ConsentScope = z.infer<typeof ConsentScopeSchema>;

/** A withdrawal of consent, whole or for some parties. Appended, never removed. */
export const ConsentWithdrawalSchema = z.strictObject({
  /** Id, unique within the consent. */
  id: IdSchema,
  /** The day it takes effect. */
  on: IsoDateSchema,
  /** Why, in the person's words when they gave a reason (≤ 2000). */
  reason: z.optional(TextSchema),
  /** Parties it applies to (party ids); absent means the whole consent is withdrawn. */
  parties: z.optional(refs(LIMITS.parties)),
  /** The participant who recorded it (a participant id). */
  recordedBy: z.optional(RefSchema),
  /** When it was recorded. */
  recordedAt: InstantSchema,
});
/** A withdrawal of consent. */
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawalSchema>;

/** Someone consulted to learn the person's view when the person cannot consent. */
export const ConsultedPersonSchema = z.strictObject({
  /** Name (≤ 200). */
  name: NameSchema,
  /** Relation to the person, e.g. "sister" (1–200). */
  relation: NameSchema,
  /** The same person as a participant, if they are one (a participant id). */
  participant: z.optional(RefSchema),
});
/** Someone consulted on the cannot-consent path. */
export type ConsultedPerson = z.infer<typeof ConsultedPersonSchema>;

/** The path taken when the person cannot give consent themselves. */
export const CannotConsentSchema = z.strictObject({
  /** Why the person cannot consent (≤ 2000). */
  reason: z.optional(TextSchema),
  /** Relatives and others consulted (≤ 50). */
  consulted: list(ConsultedPersonSchema, LIMITS.consulted),
  /** Their account of what the person would want (1–10000). */
  accountOfPersonsView: text(LIMITS.longText, true),
});
/** The cannot-consent path. */
export type CannotConsent = z.infer<typeof CannotConsentSchema>;

/** A child's own answer when asked about the plan. */
export const CHILD_ASSENTS = ['agrees', 'disagrees', 'unsure', 'not-asked'] as const;
/** One of {@link CHILD_ASSENTS}. */
export type ChildAssentValue = (typeof CHILD_ASSENTS)[number];

/** A child's own view of the consent, heard in a way that fits their age and maturity. */
export const ChildAssentSchema = z.strictObject({
  /** Agrees, disagrees, unsure, or was not asked. */
  assent: z.enum(CHILD_ASSENTS),
  /** What the child said, in their words (≤ 10000). */
  view: z.optional(LongTextSchema),
  /** How the child was heard (≤ 2000). */
  howHeard: z.optional(TextSchema),
  /** When. */
  recordedOn: z.optional(IsoDateSchema),
});
/** A child's own view of the consent. */
export type ChildAssent = z.infer<typeof ChildAssentSchema>;

/** Whether consent was given or refused. */
export const CONSENT_DECISIONS = ['given', 'refused'] as const;
/** One of {@link CONSENT_DECISIONS}. */
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/**
 * One consent record. Never deleted or overwritten: a withdrawal is appended to
 * `withdrawals`, and a changed consent is a new record whose `supersedes` names
 * the old one. For a child with two guardians there is one record per guardian.
 */
export const ConsentSchema = z.strictObject({
  /** Id, unique among the plan's consents. */
  id: IdSchema,
  /** Given or refused. */
  decision: z.enum(CONSENT_DECISIONS),
  /** Who gave or refused it. */
  givenBy: ConsentGiverSchema,
  /** The day it was given or refused. */
  givenOn: IsoDateSchema,
  /** What it covers. */
  scope: ConsentScopeSchema,
  /** Written, oral, digital or another documented way. */
  form: z.enum(CONSENT_FORMS),
  /** How it was documented, e.g. "signed form scanned to the record" (≤ 2000). */
  formNote: z.optional(TextSchema),
  /** The participant who recorded it (a participant id). */
  recordedBy: RefSchema,
  /** When it was recorded. */
  recordedAt: InstantSchema,
  /** Last day it is valid; absent means until withdrawn or the plan closes. */
  validUntil: z.optional(IsoDateSchema),
  /** Withdrawals, oldest first (≤ 200). */
  withdrawals: list(ConsentWithdrawalSchema, LIMITS.withdrawals),
  /** The consent this one replaces (a consent id). */
  supersedes: z.optional(RefSchema),
  /** When the person cannot consent: who was consulted and their account of the person's view. */
  cannotConsent: z.optional(CannotConsentSchema),
  /** For plans for children: the child's own view. */
  childView: z.optional(ChildAssentSchema),
  /** Free note (≤ 10000). */
  note: z.optional(LongTextSchema),
});
/** One consent record. */
export type Consent = z.infer<typeof ConsentSchema>;

/**
 * Documented size limits of a plan. Input over any limit is refused with
 * `too-long` (strings) or `too-many` (arrays), so a hostile or broken plan can
 * never make a browser or a server spend unbounded memory or time.
 *
 * The numbers are generous for real plans (a real SIP has a handful of goals and
 * interventions) and part of the format: raising one is a minor format change,
 * lowering one is a breaking change.
 */
export const LIMITS = {
  /** Ids: 1–64 characters from `A-Z a-z 0-9 . -` (the FHIR `id` alphabet). */
  idLength: 64,
  /** Names, titles, units, places, relations, short labels. */
  shortText: 200,
  /** A need, goal, intervention, exclusion, reason: a few sentences. */
  text: 2000,
  /** Notes and the person's own words: a page or two. */
  longText: 10000,
  /** A meeting link. */
  url: 2048,
  /** A BCP 47 language tag such as `sv-SE` or `se` (Northern Sami). */
  languageTag: 35,
  /** Parties, participants. */
  parties: 200,
  participants: 200,
  /** Needs, resources, goals. */
  needs: 500,
  resources: 500,
  goals: 500,
  /** Interventions. */
  interventions: 1000,
  /** Meetings and follow-ups. */
  meetings: 500,
  followUps: 500,
  /** Consent records (including superseded ones: never deleted). */
  consents: 500,
  /** Invitations and attendance entries per meeting. */
  invitations: 200,
  /** Agenda questions per meeting. */
  agenda: 100,
  /** Goal evaluations per follow-up. */
  evaluations: 500,
  /** Withdrawals and exclusions per consent; people consulted on the cannot-consent path. */
  withdrawals: 200,
  exclusions: 200,
  consulted: 50,
  /** Id references in one list (linked needs, linked goals, parties shared with). */
  references: 500,
  /** Coordinator handovers. */
  handovers: 500,
  /** Changes awaiting the person's approval, and recorded approvals. */
  pendingApproval: 5000,
  approvals: 5000,
  /** Audit entries. Long-lived plans stay well under this; hosts archive beyond it. */
  audit: 50000,
  /** Nesting depth of any input accepted by `parsePlan` (a plan needs 6). */
  depth: 16,
  /** Values (objects, arrays and scalars) in one input accepted by `parsePlan`. */
  nodes: 2_000_000,
} as const;

/** Names of the limits in {@link LIMITS}. */
export type LimitName = keyof typeof LIMITS;

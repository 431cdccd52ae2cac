/**
 * Consent and secrecy: which consents are in force, whether one party may
 * share the plan's information with another ({@link canShare}), and the copy
 * of a plan that one party may see ({@link redactForParty}).
 *
 * This is deliberately TypeScript, not pack rules: planning never widens what
 * the parties may share (§5 of the domain brief), so no regional pack may be
 * able to loosen it. Everything here fails closed — no consent, no sharing.
 * @module
 */
import { assertIsoDate, type IsoDate } from '../dates.js';
import { SipValidationError } from '../errors.js';
import type { Consent, ConsentExclusion, PlanSection } from '../model/consent.js';
import type { Plan } from '../model/plan.js';
import type { Person } from '../model/person.js';

/**
 * Why sharing is or is not allowed. Allowed: `consent-given`,
 * `consent-given-with-exclusions`. Refused: `consent-missing`,
 * `consent-refused`, `consent-expired`, `consent-withdrawn`,
 * `guardian-consent-missing`, `party-not-covered`, `party-withdrawn`, `party-unknown`.
 */
export const SHARE_REASONS = [
  'consent-given',
  'consent-given-with-exclusions',
  'consent-missing',
  'consent-refused',
  'consent-expired',
  'consent-withdrawn',
  'guardian-consent-missing',
  'party-not-covered',
  'party-withdrawn',
  'party-unknown',
] as const;
/** One of {@link SHARE_REASONS}. */
export type ShareReason = (typeof SHARE_REASONS)[number];

/** Result of {@link canShare}. */
export interface ShareDecision {
  /** True only when valid consent covers both parties on the day. */
  allowed: boolean;
  /** Why (a {@link ShareReason}; translate with `translate('share.' + reason)`). */
  reason: ShareReason;
}

/** Options of {@link canShare}. */
export interface CanShareOptions {
  /** The party that would share (a party id). */
  from: string;
  /** The party that would receive (a party id). */
  to: string;
  /** The day of the sharing. */
  on: IsoDate;
}

/** What {@link redactForParty} put in place of a withheld `person` section. */
export interface WithheldPerson {
  /** Always true: the person's details are not covered by consent for this party. */
  readonly withheld: true;
  /** Kept because rules and wording depend on it and it reveals nothing identifying. */
  readonly isChild: boolean;
}

/** The `redacted` marker of a {@link RedactedPlan}: what was removed and why, so a UI can say "not covered by consent". */
export interface Redaction {
  /** The party the copy was made for. */
  readonly party: string;
  /** The day consent was judged on. */
  readonly on: IsoDate;
  /** True when consent lets the party see the plan at all. */
  readonly allowed: boolean;
  /** Why (see {@link ShareReason}). */
  readonly reason: ShareReason;
  /** Plan sections withheld (emptied); all of them when `allowed` is false. */
  readonly sections: readonly PlanSection[];
  /** Ids of single needs, resources, goals or interventions withheld. */
  readonly items: readonly string[];
  /**
   * Ids of exclusions that apply to this party but name neither a section nor
   * items, so they cannot be enforced mechanically: a person must check what is
   * shared. Their text is not copied, since it often names what is secret.
   */
  readonly unresolvedExclusions: readonly string[];
  /** Always withheld from a party's copy: consent records, audit trail, pending changes and approvals. */
  readonly internal: readonly ['consents', 'audit', 'pendingApproval', 'approvals'];
}

/**
 * A party's copy of a plan: the plan's shape with withheld sections emptied
 * (`[]`, or `{}` for `personVoice`), withheld items removed, `person` replaced
 * by a {@link WithheldPerson} when withheld, internal records emptied, and a
 * `redacted` marker. It is a view model, not a `Plan`: references (ids) to
 * withheld items are kept as they are (an id reveals nothing) and the marker
 * makes `parsePlan` refuse it, so a redacted copy can never be saved back as
 * if it were the whole plan.
 */
export type RedactedPlan = Omit<Plan, 'person'> & {
  /** The person, or a marker when their details are withheld. */
  person: Person | WithheldPerson;
  /** What was removed. */
  redacted: Redaction;
};

/**
 * True when `c` was withdrawn as a whole on or before `on` (any withdrawal when `on` is undefined).
 * @internal
 */
export function wholeWithdrawn(c: Consent, on: IsoDate | undefined): boolean {
  return c.withdrawals.some((w) => w.parties === undefined && (on === undefined || w.on <= on));
}

/**
 * The consent records in force on `on`: given or refused on or before it, not
 * past `validUntil`, not withdrawn as a whole, and not superseded by a record
 * made by then. Without `on`, dates are not checked but every withdrawal and
 * supersession counts (the cautious reading).
 */
export function consentsInForce(plan: Pick<Plan, 'consents'>, on?: IsoDate): Consent[] {
  const made = plan.consents.filter((c) => on === undefined || c.givenOn <= on);
  const superseded = new Set(made.map((c) => c.supersedes).filter((id): id is string => id !== undefined));
  return made.filter((c) => !superseded.has(c.id) && (on === undefined || c.validUntil === undefined || on <= c.validUntil) && !wholeWithdrawn(c, on));
}

/**
 * Whose consent governs a plan: `guardian:<participant>` keys for a child with guardians taking part, else `person`.
 * @internal
 */
export function giverKey(c: Consent): string {
  return c.givenBy.kind === 'guardian' ? `guardian:${c.givenBy.participant}` : 'person';
}

/** The plan's guardians (participants with role `guardian`), when it is a plan for a child. */
export function guardianIds(plan: Pick<Plan, 'person' | 'participants'>): string[] {
  return plan.person.isChild ? plan.participants.filter((p) => p.role === 'guardian').map((p) => p.id) : [];
}

/**
 * The givers whose consent the plan needs: every guardian of a child (both,
 * where there are two), else the person (or their representative).
 */
function requiredGivers(plan: Pick<Plan, 'person' | 'participants'>): string[] {
  return giversFor(guardianIds(plan));
}

/** The required givers for a plan with these guardians (see {@link requiredGivers}). */
function giversFor(guardians: readonly string[]): string[] {
  return guardians.length ? guardians.map((g) => `guardian:${g}`) : ['person'];
}

/** Consent in force per giver: `given` records (optionally only those for establishing the plan) and whether any refusal is in force. */
function byGiver(records: readonly Consent[], establishOnly: boolean): Map<string, { given: Consent[]; refused: boolean }> {
  const map = new Map<string, { given: Consent[]; refused: boolean }>();
  for (const c of records) {
    const key = giverKey(c);
    const entry = map.get(key) ?? { given: [], refused: false };
    if (c.decision === 'refused') entry.refused = true;
    else if (!establishOnly || c.scope.establishPlan) entry.given.push(c);
    map.set(key, entry);
  }
  return map;
}

/**
 * Who still has to consent to the plan being made, on `on` (or regardless of
 * dates): `person` and/or `guardian:<id>` keys. A refusal in force counts as
 * missing consent — a plan is never made against the person's will.
 */
export function missingPlanConsent(plan: Pick<Plan, 'person' | 'participants' | 'consents'>, on?: IsoDate): string[] {
  return missingFrom(consentsInForce(plan, on), () => requiredGivers(plan));
}

/** The required givers without consent to the plan among the records in force (see {@link missingPlanConsent}). */
function missingFrom(inForce: readonly Consent[], required: () => readonly string[]): string[] {
  // A giver's consent counts when a record of theirs gives it (for establishing the plan) and none refuses it.
  // The keys of the records are made once: usually one or two records, one or two givers.
  const keys = inForce.map(giverKey);
  return required().filter((g) => {
    let given = false;
    for (let i = 0; i < inForce.length; i++) {
      if (keys[i] !== g) continue;
      const c = inForce[i] as Consent;
      if (c.decision === 'refused') return true;
      if (c.scope.establishPlan) given = true;
    }
    return !given;
  });
}

/**
 * What one evaluation needs to know about a plan's consent on one day, worked
 * out once and shared by the facts and the per-party sharing (internal; not
 * exported from the package). Every field is what the public function of the
 * same idea returns for `plan` and `on`.
 * @internal
 */
export class ConsentState {
  // Each part is worked out on first use, in the order the public functions would read the plan.
  private inForceCache: readonly Consent[] | undefined;
  private guardiansCache: readonly string[] | undefined;
  private requiredCache: readonly string[] | undefined;
  private missingCache: readonly string[] | undefined;
  private giversCache: Map<string, { given: Consent[]; refused: boolean }> | undefined;

  /**
   * @param plan - The plan (trusted: its `consents`, `person` and `participants` are read as they are).
   * @param on - The day, or undefined for the cautious reading of {@link consentsInForce}.
   */
  constructor(
    readonly plan: Plan,
    readonly on: IsoDate | undefined,
  ) {}

  /** `consentsInForce(plan, on)`. */
  get inForce(): readonly Consent[] {
    return (this.inForceCache ??= consentsInForce(this.plan, this.on));
  }

  /** `guardianIds(plan)`. */
  get guardians(): readonly string[] {
    return (this.guardiansCache ??= guardianIds(this.plan));
  }

  /** Whose consent the plan needs: `guardian:<id>` for each guardian of a child, else `person`. */
  get required(): readonly string[] {
    return (this.requiredCache ??= giversFor(this.guardians));
  }

  /** `missingPlanConsent(plan, on)`. */
  get missing(): readonly string[] {
    return (this.missingCache ??= missingFrom(this.inForce, () => this.required));
  }

  /** Consent in force per giver, every `given` record counted (for sharing). */
  get givers(): Map<string, { given: Consent[]; refused: boolean }> {
    return (this.giversCache ??= byGiver(this.inForce, false));
  }
}

/** Why no consent is in force for the required givers (for precise reasons). */
function absentReason(state: ConsentState, on: IsoDate): ShareReason {
  const { plan } = state;
  const relevant = new Set(state.required);
  const mine = plan.consents.filter((c) => relevant.has(giverKey(c)) && c.givenOn <= on);
  if (mine.length === 0) return plan.person.isChild && state.guardians.length ? 'guardian-consent-missing' : 'consent-missing';
  if (mine.some((c) => wholeWithdrawn(c, on))) return 'consent-withdrawn';
  if (mine.some((c) => c.validUntil !== undefined && c.validUntil < on)) return 'consent-expired';
  return plan.person.isChild ? 'guardian-consent-missing' : 'consent-missing';
}

/**
 * One party's access to a plan on a day: allowed or not, why, and the
 * exclusions that apply to it (internal).
 * @internal
 */
export interface Access {
  /** True when consent covers the party. */
  allowed: boolean;
  /** Why. */
  reason: ShareReason;
  /** The exclusions of the consents in force that apply to the party (empty when not allowed). */
  exclusions: ConsentExclusion[];
}

/**
 * Whether `party` may see the plan's information on `state.on`, and the
 * exclusions that apply to it. For a child every guardian's consent must
 * cover the party (the intersection); exclusions from every governing consent
 * apply. Works over a {@link ConsentState} made for a day (`state.on`
 * set; a programming error otherwise), so several parties share one reading
 * of the consents. Arguments are not validated: the public functions that
 * call it (`canShare`, `redactForParty`, `evaluatePlan`) do.
 * @internal
 */
export function partyAccessIn(state: ConsentState, party: string): Access {
  const { plan, on } = state;
  if (on === undefined) throw new TypeError('partyAccessIn needs a ConsentState made for a day');
  const deny = (reason: ShareReason): Access => ({ allowed: false, reason, exclusions: [] });
  if (!plan.parties.some((p) => p.id === party)) return deny('party-unknown');
  const givers = state.givers;
  for (const g of state.required) {
    const e = givers.get(g);
    if (e?.refused) return deny('consent-refused');
    if (!e || e.given.length === 0) return deny(absentReason(state, on));
    let covered = false;
    let withdrawnForParty = false;
    for (const c of e.given) {
      const withdrawn = c.withdrawals.some((w) => w.parties !== undefined && w.on <= on && w.parties.includes(party));
      if (c.scope.shareWith.includes(party)) {
        if (withdrawn) withdrawnForParty = true;
        else covered = true;
      }
    }
    // A withdrawal for the party in any record wins over another record that still lists it: never widen.
    if (withdrawnForParty) return deny('party-withdrawn');
    if (!covered) return deny('party-not-covered');
  }
  // Exclusions from every consent in force apply, whoever gave it: never widen.
  const exclusions: ConsentExclusion[] = [];
  for (const c of state.inForce) {
    if (c.decision !== 'given') continue;
    for (const x of c.scope.exclusions) if (x.parties === undefined || x.parties.includes(party)) exclusions.push(x);
  }
  return { allowed: true, reason: exclusions.length ? 'consent-given-with-exclusions' : 'consent-given', exclusions };
}

/**
 * Refuses a malformed plan, party id or day with a typed error (the public
 * consent functions' argument check).
 * @internal
 */
export function checkArgs(plan: unknown, parties: Record<string, unknown>, on: unknown): void {
  if (plan === null || typeof plan !== 'object' || !Array.isArray((plan as Plan).consents) || !Array.isArray((plan as Plan).parties)) {
    throw new SipValidationError([{ path: ['plan'], code: 'plan-invalid', message: 'Expected a plan (see parsePlan)' }]);
  }
  for (const [name, v] of Object.entries(parties)) {
    if (typeof v !== 'string' || v.length === 0) {
      throw new SipValidationError([{ path: [name], code: 'party-invalid', message: `${name} must be a party id` }]);
    }
  }
  assertIsoDate(on, ['on']);
}

/**
 * Whether the person's consent lets party `from` share the plan's information
 * with party `to` on `on`. Both must be covered by valid consent (given,
 * in force on the day, not withdrawn for either party); for a child, by every
 * guardian's consent. Sharing is never allowed by default.
 * @throws SipValidationError for a malformed plan, party or date.
 */
export function canShare(plan: Plan, options: CanShareOptions): ShareDecision {
  checkArgs(plan, { from: options?.from, to: options?.to }, options?.on);
  const state = new ConsentState(plan, options.on);
  const to = partyAccessIn(state, options.to);
  if (!to.allowed) return { allowed: false, reason: to.reason };
  const from = options.from === options.to ? to : partyAccessIn(state, options.from);
  if (!from.allowed) return { allowed: false, reason: from.reason };
  return { allowed: true, reason: to.reason };
}

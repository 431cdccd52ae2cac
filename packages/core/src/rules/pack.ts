/**
 * Rule packs: one JSON document per jurisdiction or regional agreement —
 * `{ id, version, jurisdiction, planTypes, settings, conditions?, rules }` —
 * validated by `loadRulePack` and specialised by `extendPack` (both in
 * load-pack.ts, so that bundles using only built-in packs leave them out).
 *
 * A pack's rules are json-rules-engine rules (sip-kit subset, see
 * docs/rules-engine.md). Each rule's `event.type` says which evaluation it
 * belongs to, so one flat list serves all of them:
 * - `missing` — completeness: `params: { code, path, each? }`;
 * - `eligibility` — eligibility: `params: { reason }` or `params: { flag }`;
 * - `deadline` — deadlines: `params: { kind, from, within, unit, metBy? }` or `{ kind, each }`.
 * See docs/rules.md for every fact each evaluation provides.
 * @module
 */
import type { CalendarSpec } from '../calendar/index.js';
import type { Jurisdiction, PlanType } from '../model/plan.js';
import type { NamedConditions, Rule, TopLevelCondition } from './engine/types.js';

/** The evaluations a pack's rules feed, chosen by each rule's `event.type`. */
export type PackDomain = 'eligibility' | 'completeness' | 'deadlines';

/** `event.type` → the evaluation it belongs to. */
export const PACK_EVENT_TYPES: Readonly<Record<string, PackDomain>> = Object.freeze({
  eligibility: 'eligibility',
  missing: 'completeness',
  deadline: 'deadlines',
});

/** Flags an `eligibility` event may set (`params.flag`). */
export const ELIGIBILITY_FLAGS = ['obligation', 'mayEstablish', 'presumedNeed'] as const;
/** One of {@link ELIGIBILITY_FLAGS}. */
export type EligibilityFlag = (typeof ELIGIBILITY_FLAGS)[number];

/** Dates a deadline may count from (`params.from`): see docs/rules.md for how each is derived. */
export const DEADLINE_FROM = ['needIdentifiedOn', 'readyForDischargeOn', 'lastReviewedOn', 'previousReviewedOn'] as const;
/**
 * Dates that meet a deadline (`params.metBy`): see docs/rules.md for how each is derived.
 * A deadline without `metBy` is never met: it is restarted instead, when its `from` date moves on.
 */
export const DEADLINE_MET_BY = ['firstContactOn', 'sipMeetingHeldOn', 'invitationSentOn', 'establishedOn', 'lastReviewedOn'] as const;
/** Units of a deadline (`params.unit`). `calendar-months` keeps the day of the month, or the month's last day when it is shorter. */
export const DEADLINE_UNITS = ['working-days', 'calendar-days', 'calendar-months'] as const;
/** Lists a deadline may be computed for, one deadline per item (`params.each`). */
export const DEADLINE_EACH = ['followUps'] as const;

/**
 * A pack's regional numbers. The named keys are the ones the built-in rules
 * and the deadline computation read; a pack may add its own (any JSON) for its
 * own rules, which see all settings as the fact `settings`.
 */
export interface PackSettings {
  /** Working-day calendar for deadlines: `'SE'`, `'NO'`, `{ base, closed?, open? }`, or `null` for none (then no working-day deadlines). */
  calendar?: CalendarSpec | null;
  /** First contact between the parties, in working days after the need was identified (SE default 3). */
  firstContactWithinWorkingDays?: number | null;
  /** The SIP meeting, in working days after the need was identified (SE default 10). */
  meetingWithinWorkingDays?: number | null;
  /** Discharge: the invitation, in calendar days after ready-for-discharge (default 3). */
  invitationWithinCalendarDays?: number | null;
  /** LSS individual plan: the next review, in calendar months after establishment or the last held review (SE default 12: LSS 10 §, at least once a year). */
  reviewWithinMonths?: number | null;
  /** Age from which the person's own consent counts; younger people are children whose guardians consent. */
  adultAge?: number;
  /** Warn this many working days before a consent runs out (`consentWarnings`; default 10, `null` for no warning). */
  consentExpiryWarningWorkingDays?: number | null;
  /** Norway: services a need must involve for a right to an IP (default 2). */
  minimumServices?: number;
  /** Group codes the law presumes to need a plan (they prompt an assessment). */
  presumedNeedGroups?: string[];
  /** Further settings for a pack's own rules. */
  [key: string]: unknown;
}

/** A validated rule pack (deep-frozen). */
export interface RulePack {
  /** Stable id, e.g. `se-default` (kebab-case, 1–64). */
  readonly id: string;
  /** The pack's own version, e.g. `1.0.0`. */
  readonly version: string;
  /** The jurisdiction whose law it encodes. */
  readonly jurisdiction: Jurisdiction;
  /** Plan types it is the default for (may be empty). */
  readonly planTypes: readonly PlanType[];
  /** Human title. */
  readonly title?: string;
  /** What it encodes and why. */
  readonly description?: string;
  /** The document it is based on. */
  readonly source?: string;
  /** Regional numbers (see {@link PackSettings}). */
  readonly settings: Readonly<PackSettings>;
  /** Named shared conditions that rules reference with `{ condition: name }`. */
  readonly conditions: NamedConditions;
  /** The rules, in declaration order. */
  readonly rules: readonly Rule[];
}

/** What {@link extendPack} may change. */
export interface PackOverrides {
  /** New id (recommended: name your region's pack). Default: the base id. */
  id?: string;
  /** New version. Default: the base version. */
  version?: string;
  /** New title. */
  title?: string;
  /** New description. */
  description?: string;
  /** Settings merged over the base's (a key set to `undefined` is removed). */
  settings?: Partial<PackSettings>;
  /** Named conditions added, or replacing the base's of the same name. */
  conditions?: Record<string, TopLevelCondition>;
  /** Rules appended after the base's (after `removeRules`). */
  rules?: readonly Rule[];
  /** Names of base rules to drop (each must exist). */
  removeRules?: readonly string[];
  /** New plan types. */
  planTypes?: readonly PlanType[];
}

export { deepFreeze } from '../freeze.js';

/** Packs whose rules were validated: returned by loadRulePack/extendPack, or built in (validated when generated). */
const validatedPacks = new WeakSet<object>();

/**
 * Records that `pack` (deep-frozen) was validated, so it is compiled without
 * running the rule validator again (see {@link isRulePack}).
 * @internal
 */
export function markValidated<T extends RulePack>(pack: T): T {
  validatedPacks.add(pack);
  return pack;
}

/**
 * True for a pack returned by {@link loadRulePack}, {@link extendPack} or
 * `getBuiltinPack` of this copy of sip-kit. Anything else — a copy, a
 * hand-frozen object, a pack from another copy of the SDK on the page — is
 * not trusted: pass it through `loadRulePack` first. The evaluation functions
 * compile trusted packs without validating their rules again, which keeps the
 * rule validator out of browser bundles that only use built-in packs.
 */
export function isRulePack(value: unknown): value is RulePack {
  return value !== null && typeof value === 'object' && validatedPacks.has(value);
}

/** The rules of `pack` that feed `domain` (by their `event.type`), in declaration order. */
export function packRules(pack: RulePack, domain: PackDomain): readonly Rule[] {
  return pack.rules.filter((r) => PACK_EVENT_TYPES[r.event.type] === domain);
}

/**
 * The named conditions that `rules` reach (directly or through other named
 * conditions). Each evaluation gets only these: json-rules-engine sets up every
 * named condition it is given on every run, which made the reference several
 * times slower for no effect.
 */
export function usedConditions(rules: readonly Rule[], conditions: NamedConditions): NamedConditions {
  const out: Record<string, TopLevelCondition> = {};
  const visit = (c: unknown): void => {
    if (c === null || typeof c !== 'object') return;
    const o = c as Record<string, unknown>;
    if (typeof o.condition === 'string') {
      const name = o.condition;
      if (!Object.hasOwn(out, name) && Object.hasOwn(conditions, name)) {
        out[name] = conditions[name] as TopLevelCondition;
        visit(out[name]);
      }
    } else if (Array.isArray(o.all)) o.all.forEach(visit);
    else if (Array.isArray(o.any)) o.any.forEach(visit);
    else if (o.not !== undefined) visit(o.not);
  };
  for (const r of rules) visit(r.conditions);
  return out;
}

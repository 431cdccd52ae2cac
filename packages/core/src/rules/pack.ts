/**
 * Rule packs: one JSON document per jurisdiction or regional agreement —
 * `{ id, version, jurisdiction, planTypes, settings, conditions?, rules }` —
 * validated by {@link loadRulePack} and specialised by {@link extendPack}.
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
import { parseCalendarSpec, type CalendarSpec } from '../calendar/index.js';
import { SipValidationError, type SipIssue } from '../errors.js';
import { JURISDICTIONS, PLAN_TYPES, type Jurisdiction, type PlanType } from '../model/plan.js';
import * as z from 'zod/mini';
import { createOperators, type OperatorDefinition } from './engine/operators.js';
import { validateRuleSet } from './engine/schema.js';
import type { JsonValue, NamedConditions, Rule, TopLevelCondition } from './engine/types.js';

// zod must never compile validators with `new Function` (strict CSP); this module may load before the model.
z.config({ jitless: true });

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

const PACK_ID = /^[a-z0-9][a-z0-9.-]{0,63}$/;

const nonNegativeInt = z.int().check(z.minimum(0), z.maximum(10_000));
const optionalDays = z.optional(z.nullable(nonNegativeInt));

/** The zod schema of a pack's shape (rules and conditions are checked by the rule validator after it). */
export const rulePackShapeSchema = z.strictObject({
  $schema: z.optional(z.string().check(z.maxLength(500))),
  id: z.string().check(z.regex(PACK_ID)),
  version: z.string().check(z.minLength(1), z.maxLength(64)),
  jurisdiction: z.enum(JURISDICTIONS),
  planTypes: z.array(z.enum(PLAN_TYPES)).check(z.maxLength(PLAN_TYPES.length)),
  title: z.optional(z.string().check(z.maxLength(200))),
  description: z.optional(z.string().check(z.maxLength(10_000))),
  source: z.optional(z.string().check(z.maxLength(2000))),
  settings: z.looseObject({
    calendar: z.optional(z.nullable(z.unknown())),
    firstContactWithinWorkingDays: optionalDays,
    meetingWithinWorkingDays: optionalDays,
    invitationWithinCalendarDays: optionalDays,
    reviewWithinMonths: optionalDays,
    consentExpiryWarningWorkingDays: optionalDays,
    adultAge: z.optional(z.int().check(z.minimum(0), z.maximum(150))),
    minimumServices: z.optional(z.int().check(z.minimum(1), z.maximum(10))),
    presumedNeedGroups: z.optional(z.array(z.string().check(z.maxLength(128))).check(z.maxLength(100))),
  }),
  conditions: z.optional(z.record(z.string(), z.unknown())),
  rules: z.array(z.unknown()),
});

// Validation only needs operator names and value checks: a stub calendar provides both.
const STANDARD_OPERATORS: readonly OperatorDefinition[] = createOperators({ calendar: { workingDaysBetween: () => 0 } });

const oneOf = (values: readonly string[], v: unknown): boolean => typeof v === 'string' && values.includes(v);

/** Checks each rule's event against the pack conventions (see the module doc). */
function eventIssues(rules: readonly Rule[]): SipIssue[] {
  const issues: SipIssue[] = [];
  const bad = (i: number, message: string): void => {
    issues.push({ path: ['rules', i, 'event'], code: 'pack-event-invalid', message });
  };
  rules.forEach((rule, i) => {
    const { type } = rule.event;
    const p = (rule.event.params ?? {}) as Record<string, JsonValue | undefined>;
    if (!Object.hasOwn(PACK_EVENT_TYPES, type)) {
      bad(i, `Unknown event type '${String(type).slice(0, 40)}' (known: ${Object.keys(PACK_EVENT_TYPES).join(', ')})`);
    } else if (type === 'missing') {
      if (typeof p.code !== 'string' || !/^[a-z0-9-]{1,64}$/.test(p.code)) bad(i, 'A missing event needs params.code (kebab-case)');
      else if (typeof p.path !== 'string' || p.path.length > 200) bad(i, 'A missing event needs params.path (e.g. "interventions.*.party")');
      else if (p.each !== undefined && (typeof p.each !== 'string' || !p.path.includes('*'))) {
        bad(i, 'params.each names a fact listing item ids, and params.path must contain * for the item');
      }
    } else if (type === 'eligibility') {
      const hasReason = typeof p.reason === 'string' && /^[a-z0-9-]{1,64}$/.test(p.reason);
      const hasFlag = oneOf(ELIGIBILITY_FLAGS, p.flag);
      if (hasReason === hasFlag) bad(i, `An eligibility event sets exactly one of params.reason (kebab-case) or params.flag (${ELIGIBILITY_FLAGS.join(', ')})`);
    } else if (type === 'deadline') {
      if (typeof p.kind !== 'string' || !/^[a-z0-9-]{1,64}$/.test(p.kind)) bad(i, 'A deadline event needs params.kind (kebab-case)');
      else if (p.each !== undefined) {
        if (!oneOf(DEADLINE_EACH, p.each)) bad(i, `params.each is one of ${DEADLINE_EACH.join(', ')}`);
      } else if (!oneOf(DEADLINE_FROM, p.from)) bad(i, `params.from is one of ${DEADLINE_FROM.join(', ')}`);
      else if (typeof p.within !== 'string') bad(i, 'params.within names the setting that holds the number of days');
      else if (!oneOf(DEADLINE_UNITS, p.unit)) bad(i, `params.unit is one of ${DEADLINE_UNITS.join(', ')}`);
      else if (p.metBy !== undefined && !oneOf(DEADLINE_MET_BY, p.metBy)) bad(i, `params.metBy is absent or one of ${DEADLINE_MET_BY.join(', ')}`);
    }
  });
  return issues;
}

/**
 * Freezes `value` and everything in it.
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function zodIssues(issues: readonly { path: PropertyKey[]; message: string }[]): SipIssue[] {
  return issues.slice(0, 50).map((i) => ({
    path: i.path.map((k) => (typeof k === 'number' ? k : String(k))),
    code: 'pack-invalid',
    message: i.message,
  }));
}

/**
 * Validates a rule pack (parsed JSON) and returns it typed and deep-frozen.
 * Checks the shape with zod, the calendar setting, every rule and named
 * condition with the rule validator (operators: built-ins plus sip-kit's
 * standard custom operators), and each event against the pack conventions.
 * The input is never mutated or kept.
 * @throws SipValidationError — codes `pack-invalid`, `pack-event-invalid`,
 * `calendar-*`, and the rule codes of `validateRuleSet` (paths prefixed with `rules`/`conditions`).
 */
export function loadRulePack(json: unknown): RulePack {
  const shape = rulePackShapeSchema.safeParse(json);
  if (!shape.success) throw new SipValidationError(zodIssues(shape.error.issues));
  const input = shape.data;
  const issues: SipIssue[] = [];
  const { calendar } = input.settings;
  if (calendar !== undefined && calendar !== null) {
    try {
      parseCalendarSpec(calendar);
    } catch (e) {
      if (!SipValidationError.is(e)) throw e;
      issues.push(...e.issues.map((i) => ({ ...i, path: ['settings', 'calendar', ...i.path] })));
    }
  }
  let ruleSet;
  try {
    ruleSet = validateRuleSet(input.rules, { operators: STANDARD_OPERATORS, conditions: input.conditions ?? {} });
  } catch (e) {
    if (!SipValidationError.is(e)) throw e;
    const prefixed = e.issues.map((i) => ({ ...i, path: i.path[0] === 'conditions' ? i.path : ['rules', ...i.path] }));
    throw new SipValidationError([...issues, ...prefixed]);
  }
  issues.push(...eventIssues(ruleSet.rules));
  const names = new Set<string>();
  ruleSet.rules.forEach((rule, i) => {
    if (rule.name === undefined) return;
    if (names.has(rule.name)) issues.push({ path: ['rules', i, 'name'], code: 'pack-rule-duplicate', message: `Rule name '${rule.name}' is used twice` });
    names.add(rule.name);
  });
  if (issues.length) throw new SipValidationError(issues);
  // Plain JSON copies: structuredClone drops nothing for JSON data and breaks every tie to the caller's object.
  const pack: RulePack = {
    id: input.id,
    version: input.version,
    jurisdiction: input.jurisdiction,
    planTypes: [...input.planTypes],
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.source !== undefined ? { source: input.source } : {}),
    settings: structuredClone(input.settings) as PackSettings,
    conditions: { ...ruleSet.conditions },
    rules: ruleSet.rules,
  };
  return markValidated(deepFreeze(pack));
}

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

/**
 * A new pack from `base` with some settings, named conditions or rules
 * changed — so a region states only how it differs instead of copying a pack.
 * Rules named in `removeRules` are dropped first, then `rules` are appended.
 * The result is validated like {@link loadRulePack}.
 * @example
 * const varmland2026 = extendPack(getBuiltinPack('se-default'), {
 *   id: 'se-varmland-2026',
 *   settings: { firstContactWithinWorkingDays: 2 },
 *   removeRules: ['other-actor-interventions-missing'],
 * });
 * @throws SipValidationError — `pack-rule-unknown` for a name in `removeRules` that the base lacks.
 */
export function extendPack(base: RulePack, overrides: PackOverrides = {}): RulePack {
  const remove = new Set(overrides.removeRules ?? []);
  const unknown = [...remove].filter((n) => !base.rules.some((r) => r.name === n));
  if (unknown.length) {
    throw new SipValidationError(
      unknown.map((n) => ({ path: ['removeRules'], code: 'pack-rule-unknown', message: `The base pack has no rule named '${n}'`, params: { rule: n } })),
    );
  }
  const settings: Record<string, unknown> = { ...base.settings };
  for (const [k, v] of Object.entries(overrides.settings ?? {})) {
    if (v === undefined) delete settings[k];
    else settings[k] = v;
  }
  return loadRulePack({
    id: overrides.id ?? base.id,
    version: overrides.version ?? base.version,
    jurisdiction: base.jurisdiction,
    planTypes: overrides.planTypes ?? base.planTypes,
    ...((overrides.title ?? base.title) !== undefined ? { title: overrides.title ?? base.title } : {}),
    ...((overrides.description ?? base.description) !== undefined ? { description: overrides.description ?? base.description } : {}),
    ...(base.source !== undefined ? { source: base.source } : {}),
    settings,
    conditions: { ...base.conditions, ...(overrides.conditions ?? {}) },
    rules: [...base.rules.filter((r) => r.name === undefined || !remove.has(r.name)), ...(overrides.rules ?? [])],
  });
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

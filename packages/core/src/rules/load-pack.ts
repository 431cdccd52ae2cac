/**
 * Loading rule packs: {@link loadRulePack} validates a pack's JSON (shape with
 * zod, rules with the rule validator, events against the pack conventions) and
 * {@link extendPack} derives one pack from another. A module of its own so that
 * bundles which only use built-in packs (validated when they were generated)
 * carry neither zod's pack schema nor the rule validator.
 * @module
 */
import { parseCalendarSpec } from '../calendar/index.js';
import { SipValidationError, type SipIssue } from '../errors.js';
import { JURISDICTIONS, PLAN_TYPES } from '../model/plan.js';
import * as z from 'zod/mini';
import { createOperators, type OperatorDefinition } from './engine/operators.js';
import { validateRuleSet } from './engine/schema.js';
import type { JsonValue, Rule } from './engine/types.js';
import {
  DEADLINE_EACH,
  DEADLINE_FROM,
  DEADLINE_MET_BY,
  DEADLINE_UNITS,
  ELIGIBILITY_FLAGS,
  PACK_EVENT_TYPES,
  deepFreeze,
  markValidated,
  type PackOverrides,
  type PackSettings,
  type RulePack,
} from './pack.js';

// zod must never compile validators with `new Function` (strict CSP); this module may load before the model.
z.config({ jitless: true });

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


/**
 * Pack evaluators: the compiled one ({@link compilePack}, synchronous, the
 * default everywhere) and the json-rules-engine reference
 * ({@link createPackReference}, asynchronous, loaded only on demand).
 * @module
 */
import { createCalendar, type WorkingDayCalendar } from '../calendar/index.js';
import { SipValidationError } from '../errors.js';
import { compileRuleSet, type CompiledRules } from './engine/compile.js';
import { createOperators, operatorRegistry, type OperatorDefinition } from './engine/operators.js';
import type { Facts, NamedConditions, Rule, RuleResult } from './engine/types.js';
import { isRulePack, packRules, usedConditions, type PackDomain, type RulePack } from './pack.js';

/** A pack compiled to closures: synchronous, reentrant, reusable. */
export interface CompiledPack {
  /** The pack it was compiled from. */
  readonly pack: RulePack;
  /** The working-day calendar of the pack's `settings.calendar` (or its jurisdiction), or null. */
  readonly calendar: WorkingDayCalendar | null;
  /** The custom operators the rules were compiled with (give the same to a reference evaluator). */
  readonly operators: readonly OperatorDefinition[];
  /** Runs the rules of one evaluation over `facts`. */
  run(domain: PackDomain, facts: Facts): RuleResult;
}

/** A pack evaluator that may be asynchronous (the reference). */
export interface AsyncPackEvaluator {
  /** The pack. */
  readonly pack: RulePack;
  /** See {@link CompiledPack.calendar}. */
  readonly calendar: WorkingDayCalendar | null;
  /** Runs the rules of one evaluation over `facts`. */
  run(domain: PackDomain, facts: Facts): Promise<RuleResult> | RuleResult;
}

const DOMAINS: readonly PackDomain[] = ['eligibility', 'completeness', 'deadlines'];

/** The calendar a pack's deadlines use: `settings.calendar`, else SE/NO by jurisdiction; `null` means none. */
export function packCalendar(pack: RulePack): WorkingDayCalendar | null {
  const spec = pack.settings.calendar;
  if (spec === null) return null;
  if (spec !== undefined) return createCalendar(spec);
  return pack.jurisdiction === 'SE' || pack.jurisdiction === 'NO' ? createCalendar(pack.jurisdiction) : null;
}

/** The operators a pack's rules run with: sip-kit's plan operators, plus working-day ones when it has a calendar. */
export function packOperators(calendar: WorkingDayCalendar | null): readonly OperatorDefinition[] {
  return createOperators(calendar ? { calendar } : {});
}

const compiledCache = new WeakMap<RulePack, CompiledPack>();

/**
 * Compiles a pack's rules, per evaluation, into plain closures (no `eval`, no
 * `new Function`). Cached per pack object, so calling it for every plan costs
 * nothing after the first time.
 * @throws SipValidationError `pack-invalid` for an object that is not a pack from `loadRulePack`, `extendPack` or `getBuiltinPack`; `rule-operator-unknown` when a rule uses an operator the pack's calendar cannot provide.
 */
export function compilePack(pack: RulePack): CompiledPack {
  const cached = compiledCache.get(pack);
  if (cached) return cached;
  if (!isRulePack(pack)) {
    throw new SipValidationError([{ path: ['pack'], code: 'pack-invalid', message: 'pack must be a built-in id or a pack from loadRulePack()' }]);
  }
  const calendar = packCalendar(pack);
  const operators = packOperators(calendar);
  const registry = operatorRegistry(operators);
  const byDomain = new Map<PackDomain, CompiledRules>();
  for (const d of DOMAINS) {
    // The pack's rules were validated by loadRulePack (built-in packs when they
    // were generated): compile them as they are. An operator this pack's
    // calendar cannot provide still throws `rule-operator-unknown`.
    const rules = packRules(pack, d);
    const conditions: NamedConditions = Object.assign(Object.create(null) as NamedConditions, usedConditions(rules, pack.conditions));
    byDomain.set(d, compileRuleSet(Object.freeze({ rules, conditions, operators: registry })));
  }
  const compiled: CompiledPack = Object.freeze({
    pack,
    calendar,
    operators,
    run: (domain: PackDomain, facts: Facts) => {
      const rules = byDomain.get(domain);
      if (!rules) throw new SipValidationError([{ path: ['domain'], code: 'pack-domain-unknown', message: `No evaluation '${String(domain)}'` }]);
      return rules.run(facts);
    },
  });
  compiledCache.set(pack, compiled);
  return compiled;
}

/** The part of `@sip-kit/core/reference` a pack reference needs. */
export interface ReferenceModule {
  /** See `createReferenceEvaluator` in `@sip-kit/core/reference`. */
  createReferenceEvaluator(
    rules: readonly Rule[],
    options: { operators?: readonly OperatorDefinition[]; conditions?: unknown },
  ): {
    /** Evaluates the rules over `facts` with a fresh json-rules-engine Engine. */
    run(facts: Facts): Promise<RuleResult>;
  };
}

/**
 * A pack evaluated by json-rules-engine itself, through `reference` — the
 * module `@sip-kit/core/reference`. Asynchronous; for differential tests,
 * audits and `engine: 'reference'`.
 */
export function createPackReference(pack: RulePack, reference: ReferenceModule): AsyncPackEvaluator {
  const calendar = packCalendar(pack);
  const operators = packOperators(calendar);
  const byDomain = new Map(
    DOMAINS.map((d) => {
      const rules = packRules(pack, d);
      return [d, reference.createReferenceEvaluator(rules, { operators, conditions: usedConditions(rules, pack.conditions) })] as const;
    }),
  );
  return Object.freeze({
    pack,
    calendar,
    run: (domain: PackDomain, facts: Facts) => {
      const ev = byDomain.get(domain);
      if (!ev) throw new SipValidationError([{ path: ['domain'], code: 'pack-domain-unknown', message: `No evaluation '${String(domain)}'` }]);
      return ev.run(facts);
    },
  });
}

// Kept in a variable so bundlers do not follow it: the reference (json-rules-engine,
// CommonJS, ~22.5 kB gzip) must never enter a browser bundle of `@sip-kit/core`.
const REFERENCE_ENTRY = '@sip-kit/core/reference';

/**
 * Loads `@sip-kit/core/reference` on demand (Node, or a bundler configured to
 * resolve it). Used by the `engine: 'reference'` option of the async functions.
 */
export async function loadReference(): Promise<ReferenceModule> {
  return (await import(/* @vite-ignore */ /* webpackIgnore: true */ REFERENCE_ENTRY)) as ReferenceModule;
}

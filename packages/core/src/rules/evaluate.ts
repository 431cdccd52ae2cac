/**
 * Everything about a plan in one call ({@link evaluatePlan}), batches
 * ({@link evaluateMany}), and the asynchronous variants that can run the
 * json-rules-engine reference instead of the compiled evaluator.
 * @module
 */
import { assertIsoDate, type IsoDate } from '../dates.js';
import { SipValidationError, type SipIssue } from '../errors.js';
import type { WorkingDayCalendar } from '../calendar/index.js';
import type { Locale } from '../i18n/index.js';
import { planIssues } from '../model/parse.js';
import type { Plan } from '../model/plan.js';
import { resolvePack, type BuiltinPackId } from './builtin.js';
import { interpretCompleteness, type CompletenessResult } from './completeness.js';
import { ConsentState, partyAccessIn, type ShareReason } from './consent.js';
import { interpretDeadlines, type Deadline } from './deadlines.js';
import { interpretEligibility, parseEligibilityInput, type EligibilityResult } from './eligibility.js';
import type { Facts, RuleResult } from './engine/types.js';
import { compilePack, createPackReference, loadReference, type AsyncPackEvaluator, type ReferenceModule } from './evaluator.js';
import { completenessFactsIn, deadlineFacts, eligibilityFacts, eligibilityInputIn, type EligibilityInput } from './facts.js';
import type { PackDomain, RulePack } from './pack.js';

/** Whether one party may see the plan on the day (see `canShare`). */
export interface PartySharing {
  /** The party (a party id). */
  party: string;
  /** True when valid consent covers the party. */
  allowed: boolean;
  /** Why. */
  reason: ShareReason;
}

/** Result of {@link evaluatePlan}. */
export interface PlanEvaluation {
  /** The plan's id. */
  planId: string;
  /** The pack used. */
  pack: { id: string; version: string };
  /** Eligibility, with input read from the plan (see `eligibilityInputFromPlan`). */
  eligibility: EligibilityResult;
  /** See `checkCompleteness`. */
  completeness: CompletenessResult;
  /** See `computeDeadlines`. */
  deadlines: Deadline[];
  /** For each party of the plan: may it see the plan on `today`. */
  sharing: PartySharing[];
}

/** Options of {@link evaluatePlan} and {@link evaluateMany}. */
export interface EvaluateOptions {
  /** The day deadlines and consent are judged on. */
  today: IsoDate;
  /** A pack, a built-in id, or nothing for each plan's default pack. */
  pack?: RulePack | BuiltinPackId;
  /** Language of messages; default each plan's `locale`. */
  locale?: Locale | string;
}

/** Options of {@link evaluateMany}. */
export interface EvaluateManyOptions extends EvaluateOptions {
  /**
   * Skip `parsePlan` on each input. Only for plans that already passed it (from
   * the store or a repository): evaluation of a malformed plan may then throw.
   */
  trusted?: boolean;
}

/** Which evaluator the async functions use: the compiled one (default) or json-rules-engine. */
export type EngineChoice = 'compiled' | 'reference';

/** Options of the async functions. */
export interface AsyncEvaluateOptions extends EvaluateManyOptions {
  /**
   * `'compiled'` (default) or `'reference'`: json-rules-engine via
   * `@sip-kit/core/reference`, loaded on first use (Node, or a bundler that can
   * resolve that entry). Results are identical; the reference is for audits
   * and differential tests, and is about 100× slower.
   */
  engine?: EngineChoice;
  /** The reference module itself, for bundlers that cannot load it by name. */
  reference?: ReferenceModule;
}

/** One entry of a batch result: the evaluation, or why the input was not a valid plan. */
export type BatchEntry =
  | { index: number; ok: true; result: PlanEvaluation }
  | { index: number; ok: false; error: { code: string; message: string; issues: SipIssue[] } };

const DOMAINS: readonly PackDomain[] = ['eligibility', 'completeness', 'deadlines'];

interface Prepared {
  pack: RulePack;
  facts: Record<PackDomain, Facts>;
  /** The plan's consent on `today`, read once for the facts and the sharing. */
  consent: ConsentState;
}

function prepare(plan: Plan, pack: RulePack, today: IsoDate): Prepared {
  const consent = new ConsentState(plan, today);
  return {
    pack,
    facts: {
      eligibility: eligibilityFacts(eligibilityInputIn(plan, today, pack, consent), pack),
      completeness: completenessFactsIn(plan, pack, consent),
      deadlines: deadlineFacts(plan, pack),
    },
    consent,
  };
}

/** Per-party sharing on the day of `consent`: what `canShare(plan, { from: party, to: party, on })` gives for each party. */
function sharing(plan: Plan, consent: ConsentState): PartySharing[] {
  const out: PartySharing[] = [];
  for (const party of plan.parties) {
    const id = party.id;
    // canShare's one check that a trusted plan could still fail (`today` is checked once by the caller).
    if (typeof id !== 'string' || id.length === 0) {
      throw new SipValidationError([{ path: ['from'], code: 'party-invalid', message: 'from must be a party id' }]);
    }
    const access = partyAccessIn(consent, id);
    out.push({ party: id, allowed: access.allowed, reason: access.reason });
  }
  return out;
}

function assemble(plan: Plan, p: Prepared, calendar: WorkingDayCalendar | null, results: readonly RuleResult[], options: EvaluateOptions): PlanEvaluation {
  const [eligibility, completeness, deadlines] = results as [RuleResult, RuleResult, RuleResult];
  return {
    planId: plan.id,
    pack: { id: p.pack.id, version: p.pack.version },
    eligibility: interpretEligibility(eligibility),
    completeness: interpretCompleteness(plan, p.facts.completeness, completeness, options.locale),
    deadlines: interpretDeadlines(plan, p.pack, calendar, p.facts.deadlines, deadlines, options.today),
    sharing: sharing(plan, p.consent),
  };
}

/**
 * Eligibility, completeness, deadlines and per-party sharing for one plan, on
 * `today`, with one pack (compiled, synchronous). `plan` is trusted (a `Plan`).
 * @throws SipValidationError for an invalid `today` or pack.
 */
export function evaluatePlan(plan: Plan, options: EvaluateOptions): PlanEvaluation {
  assertIsoDate(options?.today, ['today']);
  const pack = resolvePack(options.pack, plan);
  const compiled = compilePack(pack);
  const p = prepare(plan, pack, options.today);
  const results = [compiled.run('eligibility', p.facts.eligibility), compiled.run('completeness', p.facts.completeness), compiled.run('deadlines', p.facts.deadlines)];
  return assemble(plan, p, compiled.calendar, results, options);
}

function parseEntry(input: unknown, index: number, trusted: boolean | undefined): { plan: Plan } | BatchEntry {
  if (trusted) return { plan: input as Plan };
  const { plan, issues } = planIssues(input);
  if (plan) return { plan };
  const error = new SipValidationError(issues);
  return { index, ok: false, error: { code: 'plan-invalid', message: error.message, issues } };
}

/**
 * Evaluates many plans with the same options; each input is validated with
 * `parsePlan` first (unless `trusted`) and an invalid one yields an error entry
 * instead of stopping the batch. Packs are compiled once.
 */
export function evaluateMany(plans: Iterable<unknown>, options: EvaluateManyOptions): BatchEntry[] {
  assertIsoDate(options?.today, ['today']);
  const out: BatchEntry[] = [];
  let index = 0;
  for (const input of plans) {
    const parsed = parseEntry(input, index, options.trusted);
    if ('plan' in parsed) out.push({ index, ok: true, result: evaluatePlan(parsed.plan, options) });
    else out.push(parsed);
    index++;
  }
  return out;
}

const references = new WeakMap<RulePack, AsyncPackEvaluator>();

async function evaluatorFor(pack: RulePack, options: AsyncEvaluateOptions): Promise<AsyncPackEvaluator> {
  if ((options.engine ?? 'compiled') === 'compiled') return compilePack(pack);
  if (options.engine !== 'reference') {
    throw new SipValidationError([{ path: ['engine'], code: 'engine-invalid', message: "engine is 'compiled' or 'reference'" }]);
  }
  let ev = references.get(pack);
  if (!ev) {
    ev = createPackReference(pack, options.reference ?? (await loadReference()));
    references.set(pack, ev);
  }
  return ev;
}

/** Like {@link evaluatePlan}, with a choice of `engine` (see {@link AsyncEvaluateOptions}). */
export async function evaluatePlanAsync(plan: Plan, options: AsyncEvaluateOptions): Promise<PlanEvaluation> {
  assertIsoDate(options?.today, ['today']);
  const pack = resolvePack(options.pack, plan);
  const ev = await evaluatorFor(pack, options);
  const p = prepare(plan, pack, options.today);
  const results = await Promise.all(DOMAINS.map((d) => ev.run(d, p.facts[d])));
  return assemble(plan, p, compilePack(pack).calendar, results, options);
}

/** Like {@link evaluateMany}, with a choice of `engine`. Plans are evaluated one after another. */
export async function evaluateManyAsync(plans: Iterable<unknown>, options: AsyncEvaluateOptions): Promise<BatchEntry[]> {
  assertIsoDate(options?.today, ['today']);
  const out: BatchEntry[] = [];
  let index = 0;
  for (const input of plans) {
    const parsed = parseEntry(input, index, options.trusted);
    if ('plan' in parsed) out.push({ index, ok: true, result: await evaluatePlanAsync(parsed.plan, options) });
    else out.push(parsed);
    index++;
  }
  return out;
}

/** Like `evaluateEligibility`, with a choice of `engine` (see {@link AsyncEvaluateOptions}). */
export async function evaluateEligibilityAsync(
  facts: EligibilityInput,
  options: { pack?: RulePack | BuiltinPackId; engine?: EngineChoice; reference?: ReferenceModule } = {},
): Promise<EligibilityResult> {
  const input = parseEligibilityInput(facts);
  const pack = resolvePack(options.pack, { jurisdiction: input.jurisdiction });
  const ev = await evaluatorFor(pack, { today: '1970-01-01', ...options });
  return interpretEligibility(await ev.run('eligibility', eligibilityFacts(input, pack)));
}

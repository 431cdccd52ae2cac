/**
 * Completeness: what a plan still lacks under its pack (`missing` events).
 * @module
 */
import type { IsoDate } from '../dates.js';
import { formatIssues, type Locale } from '../i18n/index.js';
import type { Plan } from '../model/plan.js';
import { resolvePack, type BuiltinPackId } from './builtin.js';
import type { Facts, RuleResult } from './engine/types.js';
import { compilePack } from './evaluator.js';
import { completenessFacts } from './facts.js';
import type { RulePack } from './pack.js';

/** One thing a plan lacks. */
export interface MissingItem {
  /** Stable kebab-case code, e.g. `coordinator-missing` (see docs/rules.md). */
  code: string;
  /** Where in the plan, as keys and indexes (`['interventions', 2, 'party']`). */
  path: (string | number)[];
  /** The id of the item concerned, for per-item codes such as `intervention-party-missing`. */
  ref?: string;
  /** Plain-language text in the plan's locale (or `options.locale`). */
  message: string;
}

/** Result of {@link checkCompleteness}. */
export interface CompletenessResult {
  /** True when nothing is missing. */
  complete: boolean;
  /** What is missing, in the pack's rule order. */
  missing: MissingItem[];
}

/** Options of {@link checkCompleteness}. */
export interface CompletenessOptions {
  /** A pack, a built-in id, or nothing for the plan's default pack. */
  pack?: RulePack | BuiltinPackId;
  /** The day consent is judged on; without it, consent dates are not checked (withdrawals still count). */
  today?: IsoDate;
  /** Language of the messages; default the plan's `locale`. */
  locale?: Locale | string;
}

/** A path's keys with digit-only keys as numbers; `*` stays a string until an index fills it. */
type PathTemplate = readonly (string | number)[];

// Event paths come from the pack's rules: a few dozen per pack. Bounded all the same (a
// pack may be anyone's), cleared when full like the calendar's cache.
const TEMPLATE_LIMIT = 256;
const templates = new Map<string, PathTemplate>();

function template(path: string): PathTemplate {
  let t = templates.get(path);
  if (t === undefined) {
    if (templates.size >= TEMPLATE_LIMIT) templates.clear();
    t = Object.freeze(path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)));
    templates.set(path, t);
  }
  return t;
}

/** Splits an event path such as `interventions.*.party` into keys, with `*` → the item's index. A fresh array each call. */
function toPath(path: string, index?: number): (string | number)[] {
  const t = template(path);
  if (index === undefined) return t.slice();
  return t.map((k) => (k === '*' ? index : k));
}

/** Turns `missing` events into {@link MissingItem}s (one per listed id for `each` events). */
export function interpretCompleteness(plan: Plan, facts: Facts, result: RuleResult, locale?: Locale | string): CompletenessResult {
  const found: Omit<MissingItem, 'message'>[] = [];
  for (const event of result.events) {
    const params = event.params ?? {};
    const code = String(params.code);
    const path = String(params.path);
    if (typeof params.each === 'string') {
      const list = facts[params.each];
      if (!Array.isArray(list)) continue;
      const section = path.split('.')[0] as string;
      const items = (plan as unknown as Record<string, unknown>)[section];
      for (const id of list) {
        const index = Array.isArray(items) ? items.findIndex((i: { id?: unknown }) => i?.id === id) : -1;
        found.push({ code, path: toPath(path, index >= 0 ? index : undefined), ref: String(id) });
      }
    } else {
      found.push({ code, path: toPath(path) });
    }
  }
  const messages = formatIssues(
    found.map((f) => ({ code: f.code, message: f.code, params: f.ref ? { ref: f.ref } : undefined })),
    locale ?? plan.locale,
  );
  // Built key by key (not spread): the same keys in the same order, without copying through a spread.
  const missing = found.map((f, i): MissingItem => {
    const message = messages[i] as string;
    return f.ref === undefined ? { code: f.code, path: f.path, message } : { code: f.code, path: f.path, ref: f.ref, message };
  });
  return { complete: missing.length === 0, missing };
}

/**
 * What the plan lacks under its pack: `{ complete, missing: [{ code, path, ref?, message }] }`.
 * Synchronous (compiled pack). SE codes: `goals-missing`, `interventions-missing`,
 * `intervention-party-missing`, `other-actor-interventions-missing`,
 * `coordinator-missing`, `follow-up-missing`, `follow-up-responsible-missing`,
 * `consent-missing`; see docs/rules.md for every pack's codes.
 * `plan` is trusted (a `Plan` from `parsePlan` or the store).
 */
export function checkCompleteness(plan: Plan, options: CompletenessOptions = {}): CompletenessResult {
  const pack = resolvePack(options.pack, plan);
  const facts = completenessFacts(plan, pack, options.today);
  return interpretCompleteness(plan, facts, compilePack(pack).run('completeness', facts), options.locale);
}

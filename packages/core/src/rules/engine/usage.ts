/**
 * What a validated rule set uses: fact names and operator strings, from the
 * rules and the named conditions they reach. Both evaluators use this one
 * walker, so they agree on which facts `undefinedFacts: 'error'` requires.
 * @module
 */
import type { ValidatedRuleSet } from './schema.js';
import type { NestedCondition } from './types.js';

/** Facts and operators a rule set uses, each in first-seen order. */
export interface RuleSetUsage {
  /** Fact names read on either side of a condition. */
  readonly facts: readonly string[];
  /** Operator strings as written, decorators included (`not:in`). */
  readonly operators: readonly string[];
}

/** Walks a validated rule set (bounded depth: validation guarantees it). */
export function ruleSetUsage(ruleSet: ValidatedRuleSet): RuleSetUsage {
  const facts = new Set<string>();
  const operators = new Set<string>();
  const seen = new Set<string>();
  const visit = (c: NestedCondition): void => {
    const o = c as unknown as Record<string, unknown>;
    if (Object.hasOwn(o, 'condition')) {
      const name = o.condition as string;
      if (!seen.has(name)) {
        seen.add(name);
        visit(ruleSet.conditions[name] as NestedCondition);
      }
    } else if (Object.hasOwn(o, 'any')) (o.any as NestedCondition[]).forEach(visit);
    else if (Object.hasOwn(o, 'all')) (o.all as NestedCondition[]).forEach(visit);
    else if (Object.hasOwn(o, 'not')) visit(o.not as NestedCondition);
    else {
      facts.add(o.fact as string);
      operators.add(o.operator as string);
      const v = o.value;
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'fact')) {
        facts.add((v as { fact: string }).fact);
      }
    }
  };
  for (const rule of ruleSet.rules) visit(rule.conditions);
  return Object.freeze({ facts: Object.freeze([...facts]), operators: Object.freeze([...operators]) });
}

/** The example plans (packages/core/examples), parsed, for rule tests. */
import { readFileSync } from 'node:fs';
import { parsePlan, type Plan, type PlanType } from '../../src/model/index.js';

/** A fresh, parsed copy of the example plan of `type`. */
export function example(type: PlanType): Plan {
  return parsePlan(JSON.parse(readFileSync(new URL(`../../examples/${type}.json`, import.meta.url), 'utf8')));
}

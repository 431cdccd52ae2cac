/**
 * interpretCompleteness keeps a bounded cache of parsed event paths. The paths
 * it returns must be what splitting the path afresh gives, a fresh array each
 * time, however many distinct paths a pack uses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RuleEvent, RuleResult } from '../src/index.js';
import { interpretCompleteness } from '../src/rules/completeness.js';
import { example } from './support/rules-examples.js';

const expected = (path: string, index?: number): (string | number)[] =>
  path.split('.').map((k) => (k === '*' && index !== undefined ? index : /^\d+$/.test(k) ? Number(k) : k));

test('event paths are split the same way past the cache bound, into arrays no result shares', () => {
  const plan = example('se-sip');
  const paths = Array.from({ length: 700 }, (_, i) => (i % 3 === 0 ? `goals.${i}.title` : i % 3 === 1 ? `x${i}.*.y.007` : `a${i}`));
  const facts = { listed: plan.interventions.map((x) => x.id) };
  for (let round = 0; round < 2; round++) {
    const result: RuleResult = {
      events: paths.flatMap((path, i): RuleEvent[] => [
        { type: 'missing', params: { code: `c${i}`, path } },
        { type: 'missing', params: { code: `e${i}`, path: `interventions.*.${path}`, each: 'listed' } },
      ]),
      failureEvents: [],
    };
    const { missing } = interpretCompleteness(plan, facts, result, 'en');
    let k = 0;
    for (const path of paths) {
      assert.deepStrictEqual(missing[k++]!.path, expected(path));
      plan.interventions.forEach((_, index) => assert.deepStrictEqual(missing[k++]!.path, expected(`interventions.*.${path}`, index)));
    }
    assert.equal(k, missing.length);
    // Mutating one result's path must not leak into the next evaluation.
    for (const m of missing) m.path.push('mutated');
  }
});

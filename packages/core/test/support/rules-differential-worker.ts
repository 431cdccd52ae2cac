/**
 * Worker for rules-differential.test.ts: runs the compiled evaluator and the
 * json-rules-engine reference over generated cases of some packs and reports
 * the first difference (the reference dominates the cost, so the test spreads
 * packs over the machine's cores).
 */
import { isDeepStrictEqual } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { compilePack, createPackReference, getBuiltinPack, type BuiltinPackId, type RuleResult } from '../../src/index.js';
import * as reference from '../../src/rules/reference.js';
import { packCaseArbitrary } from './rules-facts-arbitraries.js';

const { ids, cases } = workerData as { ids: BuiltinPackId[]; cases: number };
const BATCH = 100;

for (const id of ids) {
  const pack = getBuiltinPack(id);
  const compiled = compilePack(pack);
  const ref = createPackReference(pack, reference);
  const sample = fc.sample(packCaseArbitrary(pack), { numRuns: cases, seed: 4242 + id.length });
  const seen = { eligibility: 0, completeness: 0, deadlines: 0, events: 0 };
  let mismatch: unknown = null;
  for (let i = 0; i < sample.length && !mismatch; i += BATCH) {
    const batch = sample.slice(i, i + BATCH);
    const expected = await Promise.all(batch.map((c) => ref.run(c.domain, c.facts) as Promise<RuleResult>));
    batch.forEach((c, j) => {
      const actual = compiled.run(c.domain, c.facts);
      if (!mismatch && !isDeepStrictEqual(actual, expected[j])) mismatch = { domain: c.domain, facts: c.facts, compiled: actual, reference: expected[j] };
      seen[c.domain]++;
      seen.events += actual.events.length;
    });
  }
  parentPort?.postMessage({ id, seen, mismatch: mismatch ? JSON.stringify(mismatch) : null });
}

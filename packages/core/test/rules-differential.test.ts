/**
 * The compiled evaluator and the json-rules-engine reference give identical
 * results on every built-in pack: ≥ 10,000 generated fact cases per pack
 * (SIP_FUZZ_RUNS scales it), plus whole plans through evaluatePlan.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { BUILTIN_PACK_IDS, evaluatePlan, evaluatePlanAsync, getBuiltinPack } from '../src/index.js';
import * as reference from '../src/rules/reference.js';
import { numRuns, planArbitrary } from './arbitraries.js';

const CASES = numRuns(10_000);
// The reference dominates the cost (a fresh json-rules-engine Engine per run),
// so packs are spread over worker threads, one per core (at most 3).
const WORKERS = Math.max(1, Math.min(3, availableParallelism()));

interface PackReport {
  id: string;
  seen: { eligibility: number; completeness: number; deadlines: number; events: number };
  mismatch: string | null;
}

function runWorker(ids: string[]): Promise<PackReport[]> {
  return new Promise((resolve, reject) => {
    const reports: PackReport[] = [];
    // Workers do not inherit tsx's loader: register it, then load the TypeScript worker.
    const url = new URL('./support/rules-differential-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { ids, cases: CASES } });
    worker.on('message', (m: PackReport) => reports.push(m));
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve(reports) : reject(new Error(`worker exited with ${code}`))));
  });
}

// Slowest packs first, dealt round-robin.
const ORDER = ['se-discharge', 'se-varmland-2014', 'se-default', 'no-default', 'gb-pcsp'].filter((id) => (BUILTIN_PACK_IDS as readonly string[]).includes(id));
const reports = Promise.all(
  Array.from({ length: WORKERS }, (_, w) => runWorker(ORDER.filter((_, i) => i % WORKERS === w))),
).then((all) => new Map(all.flat().map((r) => [r.id, r])));

for (const id of BUILTIN_PACK_IDS) {
  test(`compiled and reference agree on ${CASES} generated cases of ${id}`, async () => {
    const report = (await reports).get(id);
    assert.ok(report, `no report for ${id}`);
    assert.equal(report.mismatch, null, `${id}: ${report.mismatch}`);
    const { eligibility, completeness, deadlines, events } = report.seen;
    assert.equal(eligibility + completeness + deadlines, CASES);
    // The cases must exercise the rules, not only fail them.
    assert.ok(events > CASES / 2, `only ${events} events fired`);
  });
}

test('evaluatePlan gives the same result with the reference engine for generated plans', async () => {
  const plans = fc.sample(planArbitrary({ hostile: false, maxItems: 3 }), { numRuns: numRuns(100), seed: 7 });
  for (const plan of plans) {
    for (const today of ['2026-01-15', '2026-11-25']) {
      const compiled = evaluatePlan(plan, { today });
      const viaReference = await evaluatePlanAsync(plan, { today, engine: 'reference', reference });
      assert.deepEqual(viaReference, compiled);
    }
  }
});

test('every built-in pack is exercised by generated plans under its own plan types', async () => {
  for (const id of BUILTIN_PACK_IDS) {
    const pack = getBuiltinPack(id);
    if (!pack.planTypes.length) continue;
    const plans = fc.sample(planArbitrary({ hostile: false, maxItems: 2, types: pack.planTypes }), { numRuns: 10, seed: 11 });
    for (const plan of plans) {
      const a = evaluatePlan(plan, { today: '2026-06-01', pack });
      const b = await evaluatePlanAsync(plan, { today: '2026-06-01', pack, engine: 'reference', reference });
      assert.deepEqual(b, a);
    }
  }
});

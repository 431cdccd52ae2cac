// Rules: evaluations per second of the json-rules-engine reference, the
// compiled evaluator and a hand-written baseline of the same logic (se-default,
// over the same precomputed facts), their ratios, and `sip-rules check` plans
// per second end to end on 100,000 generated plans — with the ceiling the
// machine puts on that figure: `JSON.parse` alone of the same lines, and the
// CPU each step of the CLI's per-line work costs. Runs over the BUILT dist
// (`npm run build` first). With --check: fails when compiled < 100× reference
// (the CLI figure and its ceiling are printed, never a budget).
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
import { root } from '../scripts/lib/run.mjs';
import { seDefaultBaseline } from './rules-baseline.mjs';

const CLI_PLANS = Number(process.env.SIP_BENCH_CLI_PLANS ?? 100_000);
const TODAY = '2026-11-25';
const DOMAINS = ['eligibility', 'completeness', 'deadlines'];

/** `n` valid plans: the example plans, each varied (ids, missing parts, status) so results differ. */
export function generatePlans(n, offset = 0) {
  const dir = join(root, 'packages/core/examples');
  const bases = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const plans = [];
  for (let i = offset; i < offset + n; i++) {
    const p = structuredClone(bases[i % bases.length]);
    p.id = `bench-${i}`;
    if (i % 3 === 1) delete p.coordinator;
    if (i % 5 === 2) p.goals = p.goals.map((g) => ({ ...g, status: 'discontinued' }));
    if (i % 7 === 3) p.followUps = p.followUps.map((f) => ({ ...f, doneOn: f.dueOn }));
    if (i % 11 === 4) p.consents = [];
    plans.push(p);
  }
  return plans;
}

/** Calls `fn` for about `ms` milliseconds (after a warm-up) and returns calls per second. */
async function rate(fn, ms = 1500) {
  const warm = performance.now();
  while (performance.now() - warm < ms / 5) await fn();
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 10; k++) await fn();
    calls += 10;
    now = performance.now();
  }
  return (calls * 1000) / (now - start);
}

const fmt = (n) => Math.round(n).toLocaleString('en').padStart(12);

/** CPU milliseconds this process has used (user + system, every thread): a figure a busy machine does not inflate the way it inflates wall time. */
function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const SPLIT_STEPS = ['decode UTF-8', 'JSON.parse', 'validate', 'evaluatePlan', 'stringify'];
const SPLIT_ROUNDS = 9;

/**
 * What one core can do at best with the CLI's per-line work, in CPU time: the
 * same steps as `sip-rules check` (cli/check-batch.js) for each line, run as
 * cumulative pipelines — decode; decode + parse; … ; all five — so each step's
 * cost is the difference, with the garbage it leaves behind counted where it is
 * made, and every plan fresh from `JSON.parse` and dropped after, as in the
 * CLI. Best of several rounds: on a shared machine other work only ever adds
 * time, so the fastest round is the closest to the cost itself. Returns µs per
 * plan per step and the bytes per plan.
 */
async function perPlanSplit(dist, lines) {
  const { planIssuesFromJson } = await import(pathToFileURL(join(dist, 'cli/fast-plan.js')).href);
  const core = await import(pathToFileURL(join(dist, 'index.js')).href);
  const options = { today: TODAY };
  let sink = 0;
  const pipeline = (depth) => {
    for (const bytes of lines) {
      const text = bytes.toString('utf8', 0, bytes.length);
      if (depth === 0) {
        sink += text.length;
        continue;
      }
      const input = JSON.parse(text);
      if (depth === 1) {
        sink += input.id.length;
        continue;
      }
      const { plan } = planIssuesFromJson(input);
      if (!plan) throw new Error('a generated plan failed validation');
      if (depth === 2) {
        sink += plan.id.length;
        continue;
      }
      const result = core.evaluatePlan(plan, options);
      if (depth === 3) {
        sink += result.sharing.length;
        continue;
      }
      sink += `{"line":1,"ok":true,${JSON.stringify(result).slice(1)}\n`.length;
    }
  };
  const rounds = SPLIT_STEPS.map(() => []);
  for (let round = 0; round < 2 + SPLIT_ROUNDS; round++) {
    for (let depth = 0; depth < SPLIT_STEPS.length; depth++) {
      const start = cpuMs();
      pipeline(depth);
      if (round >= 2) rounds[depth].push(((cpuMs() - start) * 1000) / lines.length); // the first two rounds warm up
    }
  }
  if (sink === 0) throw new Error('nothing was measured');
  const cumulative = rounds.map((a) => Math.min(...a));
  const steps = cumulative.map((c, d) => Math.max(0, c - (d ? cumulative[d - 1] : 0)));
  return { steps, total: cumulative.at(-1), parse: cumulative[1], bytesPerPlan: lines.reduce((n, b) => n + b.length, 0) / lines.length };
}

/** Prints the ceiling under the CLI figure: parse alone, the per-plan CPU split, and what they allow on this machine's cores. */
function printCeiling(split, cliPerSecond) {
  const cores = availableParallelism();
  const us = (n) => `${n.toFixed(1)} µs`;
  const parseRate = 1e6 / split.parse;
  const perCore = 1e6 / split.total;
  const indent = '  ';
  console.log(`${indent}ceiling on this machine (${cores} cores; CPU time, best of ${SPLIT_ROUNDS} rounds, so other load counts as little as it can; ${(split.bytesPerPlan / 1000).toFixed(1)} kB of JSON per plan):`);
  console.log(
    `${`${indent}JSON.parse alone (with UTF-8 decoding)`.padEnd(44)}${fmt(parseRate)} plans/s per core   (${((split.bytesPerPlan * parseRate) / 1e6).toFixed(0)} MB/s; ${fmt(parseRate * cores).trim()} plans/s on ${cores} cores if nothing else were done)`,
  );
  const parts = SPLIT_STEPS.map((name, i) => `${name} ${us(split.steps[i])} (${((100 * split.steps[i]) / split.total).toFixed(0)}%)`);
  console.log(`${`${indent}CPU per plan, one core`.padEnd(44)}${us(split.total).padStart(12)}          = ${parts.join(' + ')}`);
  console.log(
    `${`${indent}all of it, every core busy`.padEnd(44)}${fmt(perCore * cores)} plans/s   (${fmt(perCore).trim()} per core × ${cores}; the CLI reached ${((100 * cliPerSecond) / (perCore * cores)).toFixed(0)}% of it; the rest went to reading, writing, thread hand-offs and whatever else ran meanwhile — load average ${loadavg()[0].toFixed(1)})`,
  );
}

function runCli(file) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'packages/core/dist/cli/sip-rules.js'), 'check', '--today', TODAY], { stdio: ['pipe', 'pipe', 'inherit'] });
    let lines = 0;
    let errors = 0;
    let tail = Buffer.alloc(0);
    // Counted on bytes, not decoded text: this process shares the machine with the CLI it measures.
    const okFalse = Buffer.from('"ok":false');
    const lineStart = Buffer.from('{"line":');
    child.stdout.on('data', (chunk) => {
      const data = tail.length ? Buffer.concat([tail, chunk]) : chunk;
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        lines++;
        const line = data.subarray(start, nl);
        if (line.subarray(0, lineStart.length).equals(lineStart) && line.indexOf(okFalse) !== -1) errors++;
        start = nl + 1;
      }
      tail = Buffer.from(data.subarray(start));
    });
    createReadStream(file).pipe(child.stdin);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines, errors, seconds: (performance.now() - started) / 1000 }));
  });
}

export async function run({ check } = {}) {
  const failures = [];
  const dist = join(root, 'packages/core/dist');
  if (!existsSync(join(dist, 'index.js'))) {
    console.log('dist/ missing: run `npm run build` first.');
    return { failures: ['rules: no build'] };
  }
  const core = await import(pathToFileURL(join(dist, 'index.js')).href);
  const reference = await import(pathToFileURL(join(dist, 'rules/reference.js')).href);
  const pack = core.getBuiltinPack('se-default');
  const compiled = core.compilePack(pack);
  const ref = core.createPackReference(pack, reference);
  const baseline = seDefaultBaseline(pack);

  // The same facts for all three: derived once from varied Swedish plans (untimed).
  const plans = generatePlans(600).map((p) => core.parsePlan(p)).filter((p) => p.jurisdiction === 'SE');
  const cases = plans.map((plan) => ({
    eligibility: core.eligibilityFacts(core.eligibilityInputFromPlan(plan, TODAY, pack), pack),
    completeness: core.completenessFacts(plan, pack, TODAY),
    deadlines: core.deadlineFacts(plan, pack),
  }));
  // Same logic: all three give identical results on every case before anything is timed.
  let disagreement = null;
  compare: for (const c of cases) {
    for (const d of DOMAINS) {
      const expected = await ref.run(d, c[d]);
      if (!isDeepStrictEqual(compiled.run(d, c[d]), expected) || !isDeepStrictEqual(baseline.run(d, c[d]), expected)) {
        disagreement = `${d} ${JSON.stringify(c[d])}`;
        break compare;
      }
    }
  }

  if (disagreement) {
    // Reported, not thrown: the evaluatePlan and CLI figures below do not depend on it.
    console.log(`evaluators disagree, so their rates are not compared: ${disagreement}`);
    failures.push(`rules: evaluators disagree on ${disagreement.slice(0, 200)}`);
  } else {
    // One evaluation = the pack's eligibility, completeness and deadline rules over one plan's facts.
    let i = 0;
    const next = () => cases[i++ % cases.length];
    const refRate = await rate(async () => {
      const c = next();
      await Promise.all(DOMAINS.map((d) => ref.run(d, c[d])));
    }, 3000);
    const compiledRate = await rate(() => {
      const c = next();
      for (const d of DOMAINS) compiled.run(d, c[d]);
    });
    const baselineRate = await rate(() => {
      const c = next();
      for (const d of DOMAINS) baseline.run(d, c[d]);
    });
    console.log('se-default, one evaluation = eligibility + completeness + deadline rules over one plan');
    console.log(`${'reference (json-rules-engine)'.padEnd(44)}${fmt(refRate)} evals/s`);
    console.log(`${'compiled (compilePack)'.padEnd(44)}${fmt(compiledRate)} evals/s   ${(compiledRate / refRate).toFixed(0)}× reference (target ≥ 100×)`);
    console.log(`${'hand-written baseline'.padEnd(44)}${fmt(baselineRate)} evals/s   compiled is ${(baselineRate / compiledRate).toFixed(1)}× slower (target ≤ 5×)`);
    if (check && compiledRate < 100 * refRate) failures.push(`rules: compiled is ${(compiledRate / refRate).toFixed(0)}× the reference, below 100×`);
  }
  // The whole of evaluatePlan (facts, rules, deadlines, messages, sharing), for context.
  let j = 0;
  const planRate = await rate(() => core.evaluatePlan(plans[j++ % plans.length], { today: TODAY }));
  console.log(`${'evaluatePlan (facts + rules + sharing)'.padEnd(44)}${fmt(planRate)} plans/s`);

  const tmp = mkdtempSync(join(tmpdir(), 'sip-rules-bench-'));
  try {
    const file = join(tmp, 'plans.ndjson');
    // Written in slices: 100,000 plans are far more than one string may hold.
    const fd = openSync(file, 'w');
    for (let k = 0; k < CLI_PLANS; k += 1000) writeSync(fd, generatePlans(Math.min(1000, CLI_PLANS - k), k).map((p) => `${JSON.stringify(p)}\n`).join(''));
    closeSync(fd);
    // The ceiling is measured first, on the first lines of the same file: this process is idle while the CLI runs.
    const sample = [];
    for (let k = 0; k < Math.min(CLI_PLANS, 4000); k += 1000) sample.push(...generatePlans(Math.min(1000, CLI_PLANS - k), k).map((p) => Buffer.from(JSON.stringify(p))));
    const split = await perPlanSplit(dist, sample);
    const cli = await runCli(file);
    const perSecond = CLI_PLANS / cli.seconds;
    console.log(`${`sip-rules check, ${CLI_PLANS.toLocaleString('en')} plans end to end`.padEnd(44)}${fmt(perSecond)} plans/s   (${cli.seconds.toFixed(1)} s, ${cli.lines} lines, ${cli.errors} errors, exit ${cli.code}; target ≥ 50,000)`);
    printCeiling(split, perSecond);
    if (cli.lines !== CLI_PLANS || cli.errors) failures.push(`rules: the CLI wrote ${cli.lines} lines with ${cli.errors} errors for ${CLI_PLANS} plans`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { failures };
}

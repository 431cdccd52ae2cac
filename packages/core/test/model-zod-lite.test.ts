/**
 * Differential test: `src/model/zod-lite.ts` (the small stand-in for zod in
 * browser bundles) gives the same results as zod on the plan model.
 *
 * The model and store are bundled twice by esbuild: once as they are
 * (real zod, `model/zod.ts`) and once with `model/zod.ts` replaced by
 * `zod-lite.ts`, exactly as the browser build aliases it. Both bundles then
 * see the same inputs: the examples, generated valid plans, generated plans
 * with 1–4 random mutations each (missing keys, wrong types, limits ±1 in
 * UTF-16 units and code points, unknown keys, bad enums, dates, instants,
 * ids and links, odd numbers, discriminator changes), every schema against a
 * zoo of odd values, and every store command with valid and mutated
 * arguments. What must be equal: the sip-kit issues (`mapZodIssues` output,
 * path and order included) and the parsed data (deep-equal, and equal as JSON,
 * so key order too). `SIP_FUZZ_RUNS` scales the generated cases.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Plugin, build } from 'esbuild';
import fc from 'fast-check';
import * as lite from '../src/model/zod-lite.js';
import { numRuns, planArbitrary } from './arbitraries.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CORE = resolve(HERE, '..');
const MODEL = join(CORE, 'src/model');

/** What the test needs from one copy of the model and store. */
interface Model {
  planIssues: typeof import('../src/model/parse.js').planIssues;
  createPlanStore: typeof import('../src/store/store.js').createPlanStore;
  argsSchema: (type: string) => Schema | undefined;
  mapZodIssues: typeof import('../src/model/issues.js').mapZodIssues;
  sanitize: typeof import('../src/model/sanitize.js').sanitize;
  schemas: Record<string, Schema>;
}
interface Schema {
  safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: Parameters<Model['mapZodIssues']>[0] } };
}

const ENTRY = `
export { planIssues } from './src/model/parse.js';
export { createPlanStore } from './src/store/store.js';
export { argsSchema } from './src/store/commands.js';
export { mapZodIssues } from './src/model/issues.js';
export { sanitize } from './src/model/sanitize.js';
import * as primitives from './src/model/primitives.js';
import * as person from './src/model/person.js';
import * as party from './src/model/party.js';
import * as goal from './src/model/goal.js';
import * as intervention from './src/model/intervention.js';
import * as meeting from './src/model/meeting.js';
import * as consent from './src/model/consent.js';
import * as followUp from './src/model/follow-up.js';
import * as audit from './src/model/audit.js';
import * as plan from './src/model/plan.js';
const all = { ...primitives, ...person, ...party, ...goal, ...intervention, ...meeting, ...consent, ...followUp, ...audit, ...plan };
export const schemas = Object.fromEntries(Object.entries(all).filter(([k]) => k.endsWith('Schema')));
`;

/** Redirects `model/zod.js` to `zod-lite.ts`, as the browser build does. */
const useLite: Plugin = {
  name: 'zod-lite',
  setup(b) {
    b.onResolve({ filter: /(^|\/)zod\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path) === join(MODEL, 'zod.js') ? { path: join(MODEL, 'zod-lite.ts') } : undefined,
    );
  },
};

let tmp = '';
let ref: Model;
let alt: Model;

async function load(withLite: boolean): Promise<Model> {
  const file = join(tmp, withLite ? 'lite.mjs' : 'zod.mjs');
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: CORE, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: file,
    metafile: true,
    logLevel: 'silent',
    plugins: withLite ? [useLite] : [],
  });
  const inputs = Object.keys(result.metafile.inputs);
  const has = (name: string) => inputs.some((i) => i.endsWith(`src/model/${name}`));
  // The lite copy must not contain zod's schemas at all, and the reference must.
  assert.equal(has('zod.ts'), !withLite, `model/zod.ts in the ${withLite ? 'lite' : 'reference'} bundle`);
  assert.equal(has('zod-lite.ts'), withLite);
  assert.equal(
    inputs.some((i) => i.includes('node_modules/zod/')),
    !withLite,
    'zod itself in the lite bundle',
  );
  return (await import(pathToFileURL(file).href)) as Model;
}

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'sip-zod-lite-'));
  [ref, alt] = await Promise.all([load(false), load(true)]);
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ------------------------------------------------------------ comparing

let compared = 0;

/** Both copies' planIssues agree on `input`, and PlanSchema alone agrees on it. */
function samePlanResult(input: unknown, label: string): void {
  compared++;
  const a = ref.planIssues(input);
  const b = alt.planIssues(input);
  assert.deepStrictEqual(b, a, `${label}: planIssues differ`);
  assert.equal(JSON.stringify(b), JSON.stringify(a), `${label}: planIssues JSON differs`);
  sameSchemaResult('PlanSchema', input, label);
  const clean = ref.sanitize(input);
  if (clean.ok) sameSchemaResult('PlanSchema', clean.value, `${label} (sanitized)`);
}

/** `schema` gives the same success, data (with key order) and sip-kit issues in both copies. */
function sameSchemaResult(name: string, input: unknown, label: string, schemas: [Schema, Schema] = [ref.schemas[name] as Schema, alt.schemas[name] as Schema]): void {
  const [x, y] = schemas;
  const a = x.safeParse(input);
  const b = y.safeParse(input);
  const issuesA = a.success ? [] : ref.mapZodIssues(a.error?.issues ?? [], input);
  const issuesB = b.success ? [] : ref.mapZodIssues(b.error?.issues ?? [], input);
  assert.deepStrictEqual(issuesB, issuesA, `${label}: ${name} issues differ`);
  assert.equal(b.success, a.success, `${label}: ${name} success differs`);
  if (a.success) {
    assert.deepStrictEqual(b.data, a.data, `${label}: ${name} data differs`);
    assert.equal(JSON.stringify(b.data), JSON.stringify(a.data), `${label}: ${name} data JSON differs`);
  }
}

// ------------------------------------------------------------ mutating

/** A small seeded PRNG (mulberry32), so every failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

const LIMIT_LENGTHS = [0, 1, 2, 34, 35, 36, 63, 64, 65, 128, 199, 200, 201, 1999, 2000, 2001, 2047, 2048, 2049, 9999, 10000, 10001];
const UNITS = ['a', '😀', '\ud800', 'å', '.'];

/** A string of `n` code points of `unit` (a surrogate pair is one code point but two UTF-16 units). */
const repeat = (unit: string, n: number) => unit.repeat(n);

function oddString(r: Rand): string {
  switch (Math.floor(r() * 4)) {
    case 0:
      return repeat(pick(r, UNITS), pick(r, LIMIT_LENGTHS));
    case 1:
      // Half pairs, half ASCII, around a limit in either measure.
      return repeat('😀', Math.floor(pick(r, LIMIT_LENGTHS) / 2)) + repeat('a', Math.floor(r() * 3));
    default:
      return pick(r, ODD_STRINGS);
  }
}

const ODD_STRINGS = [
  '',
  ' ',
  'x',
  '.',
  '..',
  '...',
  'a.b',
  'a b',
  'ä',
  'id-1',
  'pa0-',
  '2026-02-30',
  '2026-02-28',
  '2024-02-29',
  '2023-02-29',
  '2026-13-01',
  '26-01-01',
  '2026-1-1',
  '2026-01-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T09:30:00+01:00',
  '2026-01-01T09:30Z',
  '2026-01-01T09:30:00.1234567891Z',
  'https://meet.example.se/x',
  'https://user:pw@example.se/',
  'http://example.se/',
  'javascript:alert(1)',
  'https://',
  'https:///x',
  'data:text/html,x',
  'person',
  'guardian',
  'representative',
  'active',
  'Active',
  'se-sip',
  'SE',
  'sv',
  'nb',
  'planned',
  '__proto__',
  'constructor',
  'toString',
  'length',
  '0',
  '1',
  'NaN',
  '\u0000',
  '\ud800\udc00',
  '\udc00\ud800',
];

const ODD_NUMBERS = [0, -0, 1, -1, 1.5, -1.5, 150, 151, 0.1, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), 2 ** 53 - 1, 1e300, -1e300, Number.MIN_VALUE, 1e-7];

function oddValue(r: Rand, depth = 0): unknown {
  switch (Math.floor(r() * 12)) {
    case 0:
    case 1:
      return pick(r, ODD_NUMBERS);
    case 2:
    case 3:
    case 4:
      return oddString(r);
    case 5:
      return pick(r, [null, true, false, undefined]);
    case 6:
      return depth > 2 ? [] : Array.from({ length: Math.floor(r() * 3) }, () => oddValue(r, depth + 1));
    case 7:
      // Arrays around the list limits (items are cheap strings; sizes are capped).
      return Array.from({ length: pick(r, [0, 1, 2, 10, 11, 50, 51, 100, 101, 200, 201]) }, (_, i) => (r() < 0.5 ? `x${i}` : i));
    case 8:
      return depth > 2 ? {} : Object.fromEntries(Array.from({ length: Math.floor(r() * 3) }, () => [pick(r, ODD_STRINGS), oddValue(r, depth + 1)]));
    case 9:
      // Objects that look like strings or arrays to a length check.
      return pick(r, [{ length: 5 }, { length: 70 }, { length: 0 }, { length: '300' }, { length: null }, { length: [1] }, { kind: 'person' }, { kind: 'guardian', participant: 'p' }]);
    case 10:
      return pick(r, [[[]], [{}], [null], [undefined], ['a', 1, null]]);
    default:
      return pick(r, ['person', 'guardian', 'representative', 'added', 'written', 'sip-meeting', 'held', 'long-term', 'x']);
  }
}

type Path = (string | number)[];

/** Every path to a node inside `value` (not the root). */
function nodePaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...path, i]), nodePaths(v, [...path, i], out)));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push([...path, k]), nodePaths(v, [...path, k], out);
  return out;
}

function at(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** A copy of `value` with 1–4 random mutations (deterministic for `seed`). */
function mutate(value: unknown, seed: number): unknown {
  const r = prng(seed);
  const root = { v: structuredClone(value) as unknown };
  const times = 1 + Math.floor(r() * 4);
  for (let t = 0; t < times; t++) {
    const paths = nodePaths(root.v, ['v']);
    paths.push(['v']);
    const path = pick(r, paths);
    const key = path[path.length - 1] as string | number;
    const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
    const node = parent[key];
    const op = Math.floor(r() * 10);
    if (op <= 1 && path.length > 1) {
      // Delete (a required key, an item).
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (op === 2 && typeof node === 'object' && node !== null && !Array.isArray(node)) {
      // Unknown keys, one or several.
      const n = 1 + Math.floor(r() * 3);
      for (let i = 0; i < n; i++) (node as Record<string, unknown>)[pick(r, ['extra', 'Id', 'length', 'kind', 'x y', '0', '7', 'toString', 'valueOf', 'idx'])] = oddValue(r);
    } else if (op === 3 && Array.isArray(node) && node.length) {
      // Too many items: copies of the first up to a limit ±1.
      const n = pick(r, [50, 51, 100, 101, 200, 201]);
      while (node.length < n) node.push(structuredClone(node[0]));
    } else if (op === 4 && typeof node === 'string') {
      parent[key] = node + repeat(pick(r, UNITS), pick(r, LIMIT_LENGTHS));
    } else if (op === 5 && typeof node === 'object' && node !== null && 'kind' in node) {
      // Another discriminator, or another variant's fields.
      const giver = node as Record<string, unknown>;
      if (r() < 0.5) giver['kind'] = pick(r, ['person', 'guardian', 'representative', 'other', '', null, 1, undefined]);
      else giver['participant'] = oddValue(r);
    } else {
      parent[key] = oddValue(r);
    }
  }
  return root.v;
}

// ------------------------------------------------------------ cases

const examples = readdirSync(join(CORE, 'examples'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(CORE, 'examples', f), 'utf8')) as unknown] as const);

const PLANS = numRuns(150);
const MUTANTS_PER_PLAN = 20;
const plans = fc.sample(planArbitrary({ maxItems: 3 }), { numRuns: PLANS, seed: 4242 }) as unknown[];

describe('zod-lite gives the same results as zod', () => {
  test('every example plan', () => {
    for (const [name, plan] of examples) {
      samePlanResult(plan, name);
      assert.equal(ref.planIssues(plan).issues.length, 0, `${name} is valid`);
    }
  });

  test(`${PLANS} generated valid plans and ${PLANS * MUTANTS_PER_PLAN} mutated ones`, () => {
    let invalid = 0;
    plans.forEach((plan, i) => {
      samePlanResult(plan, `plan ${i}`);
      for (let m = 0; m < MUTANTS_PER_PLAN; m++) {
        const seed = i * 1000 + m;
        const mutant = mutate(plan, seed);
        samePlanResult(mutant, `plan ${i}, mutation seed ${seed}`);
        if (ref.planIssues(mutant).issues.length) invalid++;
      }
    });
    // The mutations must mostly break the plans, or they test little.
    assert.ok(invalid > (PLANS * MUTANTS_PER_PLAN) / 2, `only ${invalid} mutants were invalid`);
  });

  test('every schema against odd values', () => {
    const names = Object.keys(ref.schemas);
    assert.deepEqual(Object.keys(alt.schemas), names);
    assert.ok(names.length > 20, `only ${names.length} schemas`);
    const r = prng(99);
    for (const name of names) {
      for (let i = 0; i < 60; i++) {
        compared++;
        sameSchemaResult(name, oddValue(r), `${name} #${i}`);
      }
    }
  });
});

test('zod-lite module size stays small (sanity: no zod inside)', () => {
  const source = readFileSync(join(MODEL, 'zod-lite.ts'), 'utf8');
  assert.ok(!/from ['"]zod/.test(source));
  assert.ok(!/new Function\(|\beval\(/.test(source));
  assert.equal(typeof lite.strictObject, 'function');
});

after(() => {
  writeFileSync(join(tmpdir(), 'sip-zod-lite-count.txt'), String(compared));
});

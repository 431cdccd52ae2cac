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
 * ids and links, odd numbers, discriminator changes), every field of two
 * plans replaced by each of 20 sharp values, every schema against a zoo of
 * odd values (functions, symbols, class instances, objects with a `length`),
 * every store command with valid and mutated arguments, and the store's actor
 * check. What must be equal: the sip-kit issues (`mapZodIssues` output, path
 * and order included; the raw issues on every field it reads), the parsed data
 * (deep-equal, and equal as JSON, so key order too) and any exception thrown.
 * `SIP_FUZZ_RUNS` scales the generated cases (800 gives ~47,000).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Plugin, build } from 'esbuild';
import fc from 'fast-check';
import * as lite from '../src/model/zod-lite.js';
import { mapZodIssues } from '../src/model/issues.js';
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

/**
 * Both copies' planIssues agree on `input`, and so does PlanSchema alone (which
 * also shows the parsed data when references are broken, and sees keys whose
 * value is `undefined`, which sanitize drops). Returns the reference result.
 */
function samePlanResult(input: unknown, label: string): ReturnType<Model['planIssues']> {
  compared++;
  const a = ref.planIssues(input);
  const b = alt.planIssues(input);
  assert.deepStrictEqual(b, a, `${label}: planIssues differ`);
  assert.equal(JSON.stringify(b), JSON.stringify(a), `${label}: planIssues JSON differs`);
  sameSchemaResult('PlanSchema', input, label);
  return a;
}

const RAW_FIELDS = ['code', 'path', 'expected', 'origin', 'maximum', 'minimum', 'values', 'options', 'keys', 'params'] as const;
const raw = (result: ReturnType<Schema['safeParse']>) =>
  (result.error?.issues ?? []).map((issue) => {
    const i = issue as unknown as Record<string, unknown>;
    return Object.fromEntries(RAW_FIELDS.filter((k) => i[k] !== undefined).map((k) => [k, i[k]]));
  });

/** `schema` gives the same success, data (with key order) and sip-kit issues in both copies. */
function sameSchemaResult(name: string, input: unknown, label: string, schemas: [Schema, Schema] = [ref.schemas[name] as Schema, alt.schemas[name] as Schema]): void {
  // A length check compares whatever `length` holds: an object without a prototype there throws, in both (sanitize copies such objects first).
  const attempt = (schema: Schema) => {
    try {
      return schema.safeParse(input);
    } catch (error) {
      return String(error);
    }
  };
  const [a, b] = schemas.map(attempt) as [ReturnType<typeof attempt>, ReturnType<typeof attempt>];
  if (typeof a === 'string' || typeof b === 'string') return assert.equal(b, a, `${label}: ${name} throws differently`);
  const issuesA = a.success ? [] : ref.mapZodIssues(a.error?.issues ?? [], input);
  const issuesB = b.success ? [] : ref.mapZodIssues(b.error?.issues ?? [], input);
  assert.deepStrictEqual(issuesB, issuesA, `${label}: ${name} issues differ`);
  // Stricter than needed: the raw issues agree on every field mapZodIssues may read.
  assert.deepStrictEqual(raw(b), raw(a), `${label}: ${name} raw issues differ`);
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
  switch (Math.floor(r() * 13)) {
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
      return pick(r, [{ length: 5 }, { length: 70 }, { length: 0 }, { length: '300' }, { length: null }, { length: [1] }, { length: Object.create(null) as object }, { kind: 'person' }, { kind: 'guardian', participant: 'p' }]);
    case 10:
      return pick(r, [[[]], [{}], [null], [undefined], ['a', 1, null]]);
    case 11:
      // Not JSON, but sanitize lets functions and symbols through, and schemas may see the rest directly.
      return pick(r, [() => 0, function named(a: unknown, b: unknown) { return [a, b]; }, Symbol('s'), new Date(0), new Map([[1, 2]]), Object.create(null) as object, JSON.parse('{"__proto__":{"id":"x"},"a":1}') as object, Object.create({ id: 'inherited' }) as object]);
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
      while (node.length < n) node.push(node[0]);
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
        if (samePlanResult(mutate(plan, seed), `plan ${i}, mutation seed ${seed}`).issues.length) invalid++;
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


// ------------------------------------------------------------ every node, sharp values

/** Values at the edges of every rule: each replaces each node of a plan in turn. */
const SHARP: unknown[] = [
  -1e300,
  1e300,
  2 ** 53,
  1.5,
  NaN,
  -1,
  151,
  '',
  'x',
  'a'.repeat(65),
  '😀'.repeat(200),
  '😀'.repeat(201),
  'a'.repeat(201),
  [],
  ['x'],
  {},
  { length: 70 },
  null,
  undefined,
  true,
];

/** The generated plan with the most nodes, with the optional fields the generator leaves out. */
function richPlan(): unknown {
  const plan = structuredClone(plans.reduce((a, b) => (nodePaths(b).length > nodePaths(a).length ? b : a))) as Record<string, Record<string, unknown>>;
  (plan['person'] as Record<string, unknown>)['age'] = 30;
  return plan;
}

describe('zod-lite gives the same results as zod: every field of a plan, replaced', () => {
  // Each field once (the first item of a list stands for the others), in a rich generated plan, then the example.
  const seen = new Set<string>();
  const example = examples.find(([n]) => n === 'se-sip-child.json') ?? examples[0];
  const cases: (readonly [string, unknown])[] = [['a rich generated plan', undefined], ...(example ? [example] : [])];
  for (const [name, plan] of cases) {
    test(`each field of ${name} replaced by each of ${SHARP.length} sharp values`, () => {
      const base = plan ?? richPlan();
      const root = { v: base };
      let fields = 0;
      for (const path of nodePaths(base, ['v'])) {
        const general = JSON.stringify(path.map((k) => (typeof k === 'number' ? (k === 0 ? 0 : '*') : k)));
        if (seen.has(general) || general.includes('"*"')) continue;
        seen.add(general);
        fields++;
        const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
        const key = path[path.length - 1] as string | number;
        const keep = parent[key];
        for (const value of SHARP) {
          parent[key] = value;
          compared++;
          sameSchemaResult('PlanSchema', base, `${name} ${JSON.stringify(path)} = ${String(value).slice(0, 20)}`);
        }
        if (Array.isArray(parent)) parent[key as number] = keep;
        else {
          delete parent[key];
          parent[key] = keep;
        }
      }
      assert.ok(fields > (plan ? 0 : 100), `only ${fields} fields`);
    });
  }
});

// ------------------------------------------------------------ store commands

const COMMAND_TYPES = [
  'updateDetails', 'updatePerson', 'updatePersonVoice',
  'addParty', 'updateParty', 'removeParty',
  'addParticipant', 'updateParticipant', 'removeParticipant',
  'addNeed', 'updateNeed', 'removeNeed', 'moveNeed',
  'addResource', 'updateResource', 'removeResource', 'moveResource',
  'addGoal', 'updateGoal', 'removeGoal', 'moveGoal',
  'addIntervention', 'updateIntervention', 'removeIntervention', 'moveIntervention',
  'assignCoordinator', 'setMeetingChair', 'setInitiator',
  'planMeeting', 'updateMeeting', 'removeMeeting', 'inviteToMeeting', 'recordInvitationResponse', 'withdrawInvitation', 'recordAttendance',
  'recordConsent', 'withdrawConsent',
  'scheduleFollowUp', 'updateFollowUp', 'removeFollowUp', 'completeFollowUp', 'evaluateGoal',
  'setStatus', 'approveChanges',
] as const; // prettier-ignore

type Obj = Record<string, unknown>;
const COLLECTION: Record<string, string> = {
  Party: 'parties',
  Participant: 'participants',
  Need: 'needs',
  Resource: 'resources',
  Goal: 'goals',
  Intervention: 'interventions',
  Meeting: 'meetings',
  FollowUp: 'followUps',
};
const ARG_NAME: Record<string, string> = { addParty: 'party', addParticipant: 'participant', addNeed: 'need', addResource: 'resource', addGoal: 'goal', addIntervention: 'intervention', planMeeting: 'meeting', recordConsent: 'consent', scheduleFollowUp: 'followUp' };
const ADD_FROM: Record<string, string> = { planMeeting: 'meetings', recordConsent: 'consents', scheduleFollowUp: 'followUps' };
const DAYS = ['2026-05-01', '2026-06-15', '2025-12-31', '2026-02-30'];

/** Plausible arguments for `type` on `plan` (valid more often than not; `mutate` breaks them). */
function argsFor(type: string, plan: Obj, r: Rand): Obj {
  const items = (key: string) => (plan[key] as Obj[] | undefined) ?? [];
  const idOf = (key: string) => (items(key).length && r() < 0.9 ? (pick(r, items(key))['id'] as string) : 'ghost');
  const other = (key: string) => {
    const pool = plans.flatMap((q) => ((q as Obj)[key] as Obj[] | undefined) ?? []);
    return pool.length ? structuredClone(pick(r, pool)) : {};
  };
  const subset = (o: Obj) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'id' && r() < 0.4).map(([k, v]) => [k, r() < 0.1 ? null : v]));
  const maybe = (o: Obj) => Object.fromEntries(Object.entries(o).filter(() => r() < 0.6));
  const participant = () => idOf('participants');
  const day = () => pick(r, DAYS);
  const m = /^(add|update|remove|move)(.+)$/.exec(type);
  if (m && COLLECTION[m[2] as string]) {
    const key = COLLECTION[m[2] as string] as string;
    if (m[1] === 'add') {
      const item = other(key);
      if (r() < 0.7) delete item['id'];
      return { [ARG_NAME[type] as string]: item };
    }
    if (m[1] === 'update') return { id: idOf(key), changes: subset(other(key)) };
    if (m[1] === 'remove') return { id: idOf(key) };
    return { id: idOf(key), to: Math.floor(r() * 4) - 1 };
  }
  if (ARG_NAME[type]) {
    const item = other(ADD_FROM[type] as string);
    if (r() < 0.7) delete item['id'];
    return { [ARG_NAME[type] as string]: item };
  }
  const source = plans[Math.floor(r() * plans.length)] as Obj;
  switch (type) {
    case 'updateDetails':
      return { changes: subset(Object.fromEntries(['title', 'needIdentifiedOn', 'needIdentifiedBy', 'readyForDischargeOn', 'firstContactOn', 'planPeriod', 'locale', 'cooperation'].map((k) => [k, source[k] ?? plan[k]]))) };
    case 'updatePerson':
      return { changes: subset(source['person'] as Obj) };
    case 'updatePersonVoice':
      return { changes: subset(source['personVoice'] as Obj) };
    case 'assignCoordinator':
      return maybe({ participant: participant(), on: day(), reason: 'Byte' });
    case 'setMeetingChair':
    case 'setInitiator':
      return { participant: r() < 0.2 ? null : participant() };
    case 'inviteToMeeting':
      return { meeting: idOf('meetings'), participant: participant(), mode: pick(r, ['called', 'invited']), ...maybe({ sentOn: day() }) };
    case 'recordInvitationResponse':
      return { meeting: idOf('meetings'), participant: participant(), response: pick(r, ['pending', 'accepted', 'declined', 'tentative']), ...maybe({ on: day() }) };
    case 'withdrawInvitation':
      return { meeting: idOf('meetings'), participant: participant() };
    case 'recordAttendance':
      return {
        meeting: idOf('meetings'),
        attendance: Array.from({ length: Math.floor(r() * 3) }, () => ({ participant: participant(), status: pick(r, ['attended', 'absent', 'excused']), ...maybe({ how: 'digital', note: 'ok' }) })),
        ...maybe({ heldOn: day() }),
      };
    case 'withdrawConsent':
      return { consent: idOf('consents'), on: day(), ...maybe({ reason: 'Vill inte', parties: [idOf('parties')], recordedBy: participant() }) };
    case 'completeFollowUp':
      return { id: idOf('followUps'), on: day(), ...maybe({ note: 'Klart', nextFollowUp: idOf('followUps') }) };
    case 'evaluateGoal':
      return { followUp: idOf('followUps'), goal: idOf('goals'), outcome: pick(r, ['achieved', 'partly', 'not-achieved', 'not-assessed']), ...maybe({ personView: 'Bra', professionalView: 'Bra', note: 'n', evaluatedBy: participant() }) };
    case 'setStatus':
      return { status: pick(r, ['initiated', 'meeting-scheduled', 'established', 'active', 'closed']), ...maybe({ on: day(), reason: pick(r, ['goals-achieved', 'person-declined', 'x']), note: 'n' }) };
    case 'approveChanges':
      return { by: participant(), on: day(), ...maybe({ how: 'muntligt' }) };
    default:
      throw new Error(`no arguments for ${type}`);
  }
}

/** What running `fn` gave: its value, or the error's name and issues (the copies have their own error classes). */
function outcome(fn: () => unknown): unknown {
  try {
    return { value: fn() };
  } catch (error) {
    const e = error as { name?: string; issues?: unknown; message?: string };
    return { error: e.name, issues: e.issues ?? e.message };
  }
}

function storeOptions() {
  let tick = 0;
  let n = 0;
  return {
    actor: { id: 'lena.berg', name: 'Lena Berg', partyId: 'kommun-soc' },
    now: () => new Date(Date.UTC(2026, 4, 1, 8, 0, tick++)).toISOString(),
    createId: () => `id${++n}`,
  };
}

describe('zod-lite gives the same results as zod: store commands', () => {
  test('every command type has argument schemas in both copies', () => {
    for (const type of COMMAND_TYPES) {
      assert.ok(ref.argsSchema(type), type);
      assert.ok(alt.argsSchema(type), type);
    }
  });

  const STORE_PLANS = Math.max(20, Math.round(numRuns(150) / 3));
  const STEPS = COMMAND_TYPES.length * 2;
  test(`${STORE_PLANS} stores × ${STEPS} commands (every type, half of them mutated)`, () => {
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < STORE_PLANS; i++) {
      const plan = plans[i % plans.length] as Obj;
      const a = ref.createPlanStore(plan as never, storeOptions());
      const b = alt.createPlanStore(plan as never, storeOptions());
      const r = prng(7000 + i);
      for (let step = 0; step < STEPS; step++) {
        const type = COMMAND_TYPES[(step + i) % COMMAND_TYPES.length] as string;
        let args: unknown = argsFor(type, a.plan as unknown as Obj, r);
        if (step % 2) args = mutate(args, i * 1000 + step);
        const command = typeof args === 'object' && args !== null && !Array.isArray(args) ? { type, ...args } : { type, args };
        const label = `store ${i} step ${step} ${JSON.stringify(command).slice(0, 300)}`;
        compared++;
        const x = outcome(() => a.dispatch(command as never));
        const y = outcome(() => b.dispatch(command as never));
        assert.deepStrictEqual(y, x, label);
        assert.equal(JSON.stringify(b.plan), JSON.stringify(a.plan), `${label}: plans differ`);
        if ('error' in (x as object)) refused++;
        else accepted++;
        // Argument schemas on their own, on the same arguments.
        const sa = ref.argsSchema(type) as Schema;
        const sb = alt.argsSchema(type) as Schema;
        sameSchemaResult(type, args, label, [sa, sb]);
      }
    }
    // Both kinds of outcome must be common.
    assert.ok(accepted > STORE_PLANS * 10, `only ${accepted} commands accepted`);
    assert.ok(refused > STORE_PLANS * 10, `only ${refused} commands refused`);
  });

  test('the actor check in the store constructor', () => {
    const plan = examples[0]?.[1];
    const actor = { id: 'lena.berg', name: 'Lena Berg', partyId: 'kommun-soc' };
    for (let seed = 0; seed < 300; seed++) {
      const variant = seed === 0 ? actor : mutate(actor, 50_000 + seed);
      compared++;
      const x = outcome(() => ref.createPlanStore(plan as never, { actor: variant as never }).plan);
      const y = outcome(() => alt.createPlanStore(plan as never, { actor: variant as never }).plan);
      assert.deepStrictEqual(y, x, `actor ${JSON.stringify(variant)}`);
      assert.equal(JSON.stringify(y), JSON.stringify(x));
    }
  });
});

// ------------------------------------------------------------ zod-lite alone

describe('zod-lite on its own', () => {
  const sip = (schema: lite.LiteSchema, value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? [] : mapZodIssues(result.error.issues, value).map(({ path, code, params }) => ({ path, code, ...(params ? { params } : {}) }));
  };
  const Item = lite.strictObject({ id: lite.string().check(lite.minLength(1), lite.maxLength(3)), note: lite.optional(lite.string()) });

  test('unknown keys: one unknown-key each, after the fields, at their own path', () => {
    assert.deepEqual(sip(lite.array(Item), [{ id: 1, b: 1, a: 2 }]), [
      { path: [0, 'id'], code: 'wrong-type', params: { expected: 'string' } },
      { path: [0, 'b'], code: 'unknown-key', params: { key: 'b' } },
      { path: [0, 'a'], code: 'unknown-key', params: { key: 'a' } },
    ]);
  });

  test('missing, empty and too long texts; lengths in code points', () => {
    assert.deepEqual(sip(Item, {}), [{ path: ['id'], code: 'required' }]);
    assert.deepEqual(sip(Item, { id: '' }), [{ path: ['id'], code: 'required' }]);
    assert.deepEqual(sip(Item, { id: '😀😀😀' }), []);
    assert.deepEqual(sip(Item, { id: 'abcd' }), [{ path: ['id'], code: 'too-long', params: { max: 3 } }]);
    // Length checks still run after a type error on anything with a length.
    assert.deepEqual(sip(Item, { id: [1, 2, 3, 4] }), [
      { path: ['id'], code: 'wrong-type', params: { expected: 'string' } },
      { path: ['id'], code: 'too-many', params: { max: 3 } },
    ]);
  });

  test('an array over its limit reports only that', () => {
    assert.deepEqual(sip(lite.array(Item).check(lite.maxLength(1)), [{}, {}]), [{ path: [], code: 'too-many', params: { max: 1 } }]);
    assert.deepEqual(sip(lite.array(Item).check(lite.maxLength(2)), [{}, { id: 'a' }]), [{ path: [0, 'id'], code: 'required' }]);
  });

  test('integers: type, integer, safe range, then the bounds', () => {
    const Age = lite.int().check(lite.minimum(0), lite.maximum(150));
    assert.deepEqual(sip(Age, '3'), [{ path: [], code: 'wrong-type', params: { expected: 'number' } }]);
    assert.deepEqual(sip(Age, NaN), [{ path: [], code: 'wrong-type', params: { expected: 'number' } }]);
    assert.deepEqual(sip(Age, 1.5), [{ path: [], code: 'wrong-type', params: { expected: 'int' } }]);
    assert.deepEqual(sip(Age, 1e300), [
      { path: [], code: 'too-big', params: { max: Number.MAX_SAFE_INTEGER } },
      { path: [], code: 'too-big', params: { max: 150 } },
    ]);
    assert.deepEqual(sip(Age, -1), [{ path: [], code: 'too-small', params: { min: 0 } }]);
  });

  test('a refinement with abort stops the checks after it', () => {
    const Id = lite.string().check(lite.maxLength(2), lite.refine((v: string) => /^[a-z]+$/.test(v), { params: { sipCode: 'id-invalid' }, abort: true }), lite.minLength(5));
    assert.deepEqual(sip(Id, 'AAA'), [
      { path: [], code: 'too-long', params: { max: 2 } },
      { path: [], code: 'id-invalid' },
    ]);
  });

  test('discriminated unions: an unknown discriminator is invalid-value at its key', () => {
    const Giver = lite.discriminatedUnion('kind', [lite.strictObject({ kind: lite.literal('a') }), lite.strictObject({ kind: lite.literal('b'), who: lite.string() })]);
    assert.deepEqual(sip(Giver, { kind: 'c' }), [{ path: ['kind'], code: 'invalid-value', params: { allowed: 'a, b' } }]);
    assert.deepEqual(sip(Giver, {}), [{ path: ['kind'], code: 'invalid-value', params: { allowed: 'a, b' } }]);
    assert.deepEqual(sip(Giver, { kind: 'b' }), [{ path: ['who'], code: 'required' }]);
    assert.deepEqual(sip(Giver, []), [{ path: [], code: 'wrong-type', params: { expected: 'object' } }]);
  });

  test('output: shape order, absent optional keys stay absent, loose objects keep unknown keys last', () => {
    const S = lite.looseObject({ a: lite.optional(lite.string()), b: lite.string(), c: lite.optional(lite.string()) });
    const parsed = S.parse({ z: 1, c: undefined, b: 'x' });
    assert.equal(JSON.stringify(Object.keys(parsed as object)), '["b","c","z"]');
    assert.deepEqual(parsed, { b: 'x', c: undefined, z: 1 });
    assert.throws(() => Item.parse({ id: 5 }), (e: Error & { issues?: unknown[] }) => e.issues?.length === 1);
    assert.deepEqual(Object.keys(Item.shape ?? {}), ['id', 'note']);
  });

  test('toJSONSchema is not available and says where it is', () => {
    assert.throws(() => lite.toJSONSchema(), /Node entry/);
  });
});

test('zod-lite module size stays small (sanity: no zod inside)', () => {
  const source = readFileSync(join(MODEL, 'zod-lite.ts'), 'utf8');
  assert.ok(!/from ['"]zod/.test(source));
  assert.ok(!/new Function\(|\beval\(/.test(source));
  assert.equal(typeof lite.strictObject, 'function');
});

test('enough differential cases ran', (t) => {
  t.diagnostic(`${compared} differential cases`);
  assert.ok(compared >= 3000, `only ${compared} cases`);
});

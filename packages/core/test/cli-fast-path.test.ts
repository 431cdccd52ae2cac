/**
 * `sip-rules check` takes short cuts for speed (a schema walk in front of
 * `planIssues`, batches of lines, results written without copying): each must
 * give exactly what the plain path gives.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { readBatches, type LineBatch } from '../src/cli/batches.js';
import { createBatchProcessor, parseCheckArgs } from '../src/cli/check-batch.js';
import { compileAcceptor, fastPlanPathAvailable, planIssuesFromJson } from '../src/cli/fast-plan.js';
import { readLines, type InputLine } from './support/read-lines.js';
import { SipValidationError, evaluatePlan, type Plan } from '../src/index.js';
import { planIssues } from '../src/model/parse.js';
import * as z from '../src/model/zod.js';
import { numRuns, planArbitrary } from './arbitraries.js';

const TODAY = '2026-11-25';
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Every path to a value inside `value`, the root excluded. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...at, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      paths(v, p, out);
    }
  }
  return out;
}

/** A copy of `plan` with one thing changed: a value replaced, a key removed, or a key added. */
function mutated(plan: unknown, pick: number, change: 'replace' | 'remove' | 'add', value: unknown): unknown {
  const copy = json(plan) as Record<string, unknown>;
  const all = paths(copy);
  const path = all[pick % all.length] as (string | number)[];
  let holder = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) holder = holder[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (change === 'remove') {
    if (Array.isArray(holder)) holder.splice(last as number, 1);
    else delete holder[last];
  } else if (change === 'add' && !Array.isArray(holder)) {
    holder['extraKey'] = value;
  } else {
    holder[last] = value;
  }
  return copy;
}

describe('the fast plan check', () => {
  test('covers the whole plan schema, so every valid line can take it', () => {
    assert.equal(fastPlanPathAvailable(), true);
  });

  test('a generated valid plan takes the fast path and evaluates to the same bytes as after parsePlan', () => {
    fc.assert(
      fc.property(planArbitrary(), (plan) => {
        const input = json(plan);
        const fast = planIssuesFromJson(input);
        assert.equal(fast.plan, input, 'the fast path hands on the parsed JSON itself');
        const slow = planIssues(input);
        assert.ok(slow.plan);
        assert.equal(JSON.stringify(evaluatePlan(fast.plan as Plan, { today: TODAY })), JSON.stringify(evaluatePlan(slow.plan, { today: TODAY })));
      }),
      { numRuns: numRuns(150) },
    );
  });

  test('a plan with one thing changed gets the issues planIssues gives, or the same plan', () => {
    const values = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('', 'x'.repeat(65), '2026-02-30', '2026-11-25', '2026-11-25T10:00:00Z', 'https://example.org', 'javascript:alert(1)', -1, 1.5, 151, '\ud83d\ude00'.repeat(201)),
    );
    fc.assert(
      fc.property(planArbitrary({ maxItems: 2 }), fc.nat(), fc.constantFrom('replace', 'remove', 'add') as fc.Arbitrary<'replace' | 'remove' | 'add'>, values, (plan, pick, change, value) => {
        const input = mutated(plan, pick, change, value);
        const fast = planIssuesFromJson(input);
        const slow = planIssues(input);
        assert.deepStrictEqual(fast.issues, slow.issues);
        assert.deepStrictEqual(fast.plan, slow.plan);
      }),
      { numRuns: numRuns(400) },
    );
  });

  test('text is measured in code points, as the schema measures it', () => {
    const base = json(fc.sample(planArbitrary({ maxItems: 1, hostile: false }), { numRuns: 1, seed: 7 })[0]) as { person: { name: string } };
    for (const name of ['\ud83d\ude00'.repeat(200), '\ud83d\ude00'.repeat(201), `${'\ud83d\ude00'.repeat(199)}xy`, '\ud83d']) {
      const input = { ...base, person: { ...base.person, name } };
      assert.deepStrictEqual(planIssuesFromJson(input), planIssues(input), `name of ${name.length} units`);
    }
    assert.ok(planIssuesFromJson({ ...base, person: { ...base.person, name: '\ud83d\ude00'.repeat(200) } }).plan);
  });

  test('forbidden and unknown keys from JSON text go to the full check', () => {
    const base = JSON.stringify(fc.sample(planArbitrary({ maxItems: 1 }), { numRuns: 1, seed: 11 })[0]);
    for (const text of [`{"__proto__":{"x":1},${base.slice(1)}`, `{"constructor":1,${base.slice(1)}`, `{"extra":null,${base.slice(1)}`]) {
      const input: unknown = JSON.parse(text);
      const fast = planIssuesFromJson(input);
      assert.equal(fast.plan, undefined);
      assert.deepStrictEqual(fast, planIssues(input));
    }
  });

  test('input that is not JSON data gets the answer planIssues gives', () => {
    const base = json(fc.sample(planArbitrary({ maxItems: 1, hostile: false }), { numRuns: 1, seed: 13 })[0]) as Record<string, unknown>;
    const throwing = { ...base };
    Object.defineProperty(throwing, 'title', {
      enumerable: true,
      get: () => {
        throw new TypeError('no');
      },
    });
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, base);
    for (const input of [throwing, nullProto, { ...base, goals: new Map() }, new Proxy(base, {})]) {
      assert.deepStrictEqual(planIssuesFromJson(input), planIssues(input));
    }
  });

  test('a schema construct it does not know turns the fast path off instead of guessing', () => {
    assert.equal(compileAcceptor(z.looseObject({ a: z.string() })), null);
    assert.equal(compileAcceptor(z.strictObject({ a: z.record(z.string(), z.string()) })), null);
    assert.equal(compileAcceptor(z.strictObject({ a: z.unknown() })), null);
  });

  test('what it accepts, zod accepts', () => {
    const schema = z.strictObject({
      a: z.optional(z.string().check(z.minLength(2), z.maxLength(3))),
      b: z.array(z.int().check(z.minimum(0), z.maximum(9))).check(z.maxLength(2)),
      c: z.discriminatedUnion('k', [z.strictObject({ k: z.literal('x') }), z.strictObject({ k: z.literal('y'), v: z.boolean() })]),
    });
    const accepts = compileAcceptor(schema);
    assert.ok(accepts);
    const candidate = fc.record(
      {
        a: fc.oneof(fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 4 }), fc.integer()),
        b: fc.array(fc.oneof(fc.integer({ min: -2, max: 11 }), fc.double()), { maxLength: 3 }),
        c: fc.oneof(fc.constant({ k: 'x' }), fc.record({ k: fc.constantFrom('x', 'y', 'z'), v: fc.oneof(fc.boolean(), fc.constant(1)) })),
        d: fc.constant(1),
      },
      { requiredKeys: ['b', 'c'] },
    );
    fc.assert(
      fc.property(candidate, (value) => {
        // On JSON data (what the CLI has) it decides exactly; on anything else it may only be more careful.
        const data = json(value);
        assert.equal(accepts(data), schema.safeParse(data).success);
        if (accepts(value)) assert.ok(schema.safeParse(value).success);
      }),
      { numRuns: numRuns(500) },
    );
  });
});

/** The lines in `batches`, as readLines reports them. */
function linesOf(batches: LineBatch[]): InputLine[] {
  const out: InputLine[] = [];
  for (const b of batches) {
    const data = Buffer.from(b.data);
    let number = b.first;
    for (let start = 0; start < data.length; number++) {
      const nl = data.indexOf(0x0a, start);
      let end = nl;
      if (b.tooLong.includes(number)) out.push({ number, tooLong: true, bytes: -1 });
      else {
        if (end > start && data[end - 1] === 0x0d) end--;
        out.push({ number, text: data.toString('utf8', start, end) });
      }
      start = nl + 1;
    }
  }
  return out;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** `items` as a stream would give them. */
async function* stream<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/** `bytes` cut into chunks at `cuts`. */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) out.push(bytes.subarray(from, c));
    from = c;
  }
  return out;
}

describe('batches of lines', () => {
  test('hold the lines readLines gives, with the same numbers and the same over-long lines', async () => {
    const text = fc.array(fc.constantFrom('a', 'é', '€', '\ud83d\ude00', ' ', '{}', '\n', '\r', '\r\n', '\n\n'), { maxLength: 60 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 40 }), async (input, cuts, maxLineBytes, targetBytes) => {
        const bytes = Buffer.from(input, 'utf8');
        const expected = (await collect(readLines(stream(chunked(bytes, cuts)), maxLineBytes))).map((l) => (l.tooLong ? { ...l, bytes: -1 } : l));
        const batches = await collect(readBatches(stream(chunked(bytes, cuts)), { maxLineBytes, targetBytes }));
        assert.deepStrictEqual(linesOf(batches), expected);
        assert.deepStrictEqual(
          batches.map((b) => b.seq),
          batches.map((_, i) => i),
        );
      }),
      { numRuns: numRuns(300) },
    );
  });
});

/** What `sip-rules check` wrote for each line before batches and the fast path (the reference for the bytes). */
async function plainCheck(input: Buffer, today: string, maxLineBytes: number): Promise<{ text: string; invalid: number }> {
  let text = '';
  let invalid = 0;
  const emit = (r: { line: number; ok: boolean }): void => {
    if (!r.ok) invalid++;
    text += `${JSON.stringify(r)}\n`;
  };
  const errorResult = (line: number, code: string, message: string, issues?: unknown[]) => ({ line, ok: false, error: issues ? { code, message, issues: issues.slice(0, 20) } : { code, message } });
  for await (const line of readLines(stream([input]), maxLineBytes)) {
    if (line.tooLong) {
      emit(errorResult(line.number, 'line-too-long', `The line is longer than ${maxLineBytes} bytes`));
      continue;
    }
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      emit(errorResult(line.number, 'json-invalid', 'The line is not valid JSON'));
      continue;
    }
    const { plan, issues } = planIssues(value);
    if (!plan) {
      emit(errorResult(line.number, 'plan-invalid', new SipValidationError(issues).message, issues));
      continue;
    }
    emit({ line: line.number, ok: true, ...evaluatePlan(plan, { today }) });
  }
  return { text, invalid };
}

describe('the batch processor', () => {
  test('writes, byte for byte, what the line-by-line check wrote', async () => {
    const line = fc.oneof(
      { weight: 6, arbitrary: planArbitrary({ maxItems: 2 }).map((p) => JSON.stringify(p)) },
      { weight: 2, arbitrary: fc.tuple(planArbitrary({ maxItems: 1 }), fc.nat(), fc.jsonValue({ maxDepth: 1 })).map(([p, pick, v]) => JSON.stringify(mutated(p, pick, 'replace', v))) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', '{not json', '{"formatVersion":1}', 'null', '\ufeff{}', 'x'.repeat(3000)) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 12 }), fc.integer({ min: 200, max: 4000 }), async (lines, targetBytes) => {
        const input = Buffer.from(lines.map(([l, end]) => l + end).join(''), 'utf8');
        const maxLineBytes = 2500;
        const expected = await plainCheck(input, TODAY, maxLineBytes);
        const run = createBatchProcessor(parseCheckArgs(['--today', TODAY, '--max-line-bytes', String(maxLineBytes)]));
        let text = '';
        let invalid = 0;
        for await (const batch of readBatches(stream([input]), { maxLineBytes, targetBytes })) {
          const out = await run(batch);
          text += out.text;
          invalid += out.invalid;
        }
        assert.equal(text, expected.text);
        assert.equal(invalid, expected.invalid);
      }),
      { numRuns: numRuns(40) },
    );
  });
});

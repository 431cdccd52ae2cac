/**
 * Tests of the rule-evaluation machinery: the path subset, every operator,
 * validation (including hostile rule JSON), the reference evaluator's
 * concurrency guarantees, and the differential test that holds the compiled
 * evaluator identical to json-rules-engine on generated rule sets and facts.
 *
 * SIP_FUZZ_RUNS scales the differential and fuzz runs (default: 10,000
 * differential cases).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { SipValidationError } from '../src/errors.js';
import {
  BUILTIN_OPERATOR_NAMES,
  DECORATOR_NAMES,
  compileRules,
  createOperators,
  createRulesSchema,
  defineOperator,
  parsePath,
  parseRules,
  planOperators,
  ruleSchema,
  rulesSchema,
  type Facts,
  type JsonValue,
  type OperatorDefinition,
  type Rule,
  type RuleEvent,
  type RuleResult,
} from '../src/rules/engine/index.js';
import { composeOperator, operatorRegistry } from '../src/rules/engine/operators.js';
import { createReferenceEvaluator, runReference } from '../src/rules/reference.js';

const SCALE = Math.max(0.01, Number(process.env.SIP_FUZZ_RUNS ?? 10_000) / 10_000);
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

/** Deterministic stub calendar: Monday–Friday, no holidays; throws on bad dates. */
const stubCalendar = {
  workingDaysBetween(from: string, to: string): number {
    const day = (s: string): number => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new SipValidationError([{ path: [], code: 'date-invalid', message: s }]);
      const t = Date.parse(`${s}T00:00:00Z`);
      if (Number.isNaN(t)) throw new SipValidationError([{ path: [], code: 'date-invalid', message: s }]);
      return t / 86_400_000;
    };
    const a = day(from);
    const b = day(to);
    const isWork = (d: number): boolean => {
      const wd = (d + 4) % 7; // 1970-01-01 was a Thursday (4)
      return wd >= 1 && wd <= 5;
    };
    let n = 0;
    if (b >= a) for (let d = a + 1; d <= b; d++) n += isWork(d) ? 1 : 0;
    else for (let d = b + 1; d <= a; d++) n -= isWork(d) ? 1 : 0;
    return n;
  },
};
const OPERATORS = createOperators({ calendar: stubCalendar });

function expectSipError(fn: () => unknown, code?: string): SipValidationError {
  try {
    fn();
  } catch (e) {
    assert.ok(SipValidationError.is(e), `expected SipValidationError, got ${String(e)}`);
    if (code) assert.ok(e.issues.some((i) => i.code === code), `expected ${code}, got ${JSON.stringify(e.issues)}`);
    return e;
  }
  assert.fail('expected a SipValidationError');
}

const leafRule = (leaf: Record<string, unknown>, type = 'hit'): Rule[] =>
  [{ conditions: { all: [leaf] }, event: { type } }] as unknown as Rule[];

/** Runs a single-leaf rule through both evaluators; asserts they agree; returns the outcome. */
async function holds(leaf: Record<string, unknown>, facts: Facts, operators: readonly OperatorDefinition[] = OPERATORS): Promise<boolean> {
  const rules = leafRule(leaf);
  const compiled = compileRules(rules, { operators }).run(facts);
  const reference = await runReference(rules, facts, { operators });
  assert.deepStrictEqual(compiled, reference);
  return compiled.events.length === 1;
}

// ---------------------------------------------------------------------------

describe('path subset', () => {
  test('accepts $, .name, [index] and quoted keys', () => {
    assert.deepStrictEqual(parsePath('$'), []);
    assert.deepStrictEqual(parsePath('$.a.b'), ['a', 'b']);
    assert.deepStrictEqual(parsePath('$.a[0].b'), ['a', '0', 'b']);
    assert.deepStrictEqual(parsePath("$['key with space']"), ['key with space']);
    assert.deepStrictEqual(parsePath("$.vård['å-b'][12]"), ['vård', 'å-b', '12']);
  });

  test('refuses everything else with rule-path-unsupported', () => {
    const refused = [
      '', 'a.b', '$..a', '$.*', '$[*]', '$[0:2]', '$[-1]', '$[01]', '$.a[?(@.b)]', '$[(@.length-1)]', "$['a','b']",
      '$.a.', '$.__proto__', "$['constructor']", '$.prototype', '$["a"]', "$['a.b']", '$.a~', '$.^', '$.@string()',
      `$${'.a'.repeat(40)}`, `$.${'a'.repeat(300)}`, '$ .a', '$.1a',
    ];
    for (const p of refused) {
      assert.ok(!Array.isArray(parsePath(p)), `should refuse ${p}`);
      expectSipError(() => compileRules(leafRule({ fact: 'f', path: p, operator: 'equal', value: 1 })), 'rule-path-unsupported');
      expectSipError(
        () => compileRules(leafRule({ fact: 'f', operator: 'equal', value: { fact: 'g', path: p } })),
        'rule-path-unsupported',
      );
    }
  });

  test('resolves like json-rules-engine (jsonpath-plus), including quirks', async () => {
    const facts = { o: { a: { b: 1 }, list: [10, { x: 'y' }], s: 'abc', zero: 0, 'k k': true }, p: 7, n: null };
    assert.equal(await holds({ fact: 'o', path: '$.a.b', operator: 'equal', value: 1 }, facts), true);
    assert.equal(await holds({ fact: 'o', path: '$.list[1].x', operator: 'equal', value: 'y' }, facts), true);
    assert.equal(await holds({ fact: 'o', path: "$['k k']", operator: 'equal', value: true }, facts), true);
    // Strings have own indexes and length; arrays have own length.
    assert.equal(await holds({ fact: 'o', path: '$.s[1]', operator: 'equal', value: 'b' }, facts), true);
    assert.equal(await holds({ fact: 'o', path: '$.s.length', operator: 'equal', value: 3 }, facts), true);
    assert.equal(await holds({ fact: 'o', path: '$.list.length', operator: 'equal', value: 2 }, facts), true);
    // Falsy values have no children; missing steps give undefined.
    assert.equal(await holds({ fact: 'o', path: '$.zero.x', operator: 'notEqual', value: 0 }, facts), true);
    assert.equal(await holds({ fact: 'o', path: '$.nope.deeper', operator: 'equal', value: null }, facts), false);
    // Inherited members are never found.
    assert.equal(await holds({ fact: 'o', path: '$.a.toString', operator: 'notEqual', value: null }, facts), true);
    // A path on a primitive or null fact returns the fact itself.
    assert.equal(await holds({ fact: 'p', path: '$.a.b', operator: 'equal', value: 7 }, facts), true);
    assert.equal(await holds({ fact: 'n', path: '$.a', operator: 'equal', value: null }, facts), true);
    // '$' is the whole value.
    assert.equal(await holds({ fact: 'p', path: '$', operator: 'equal', value: 7 }, facts), true);
  });
});

describe('operators', () => {
  test('built-ins match json-rules-engine on examples', async () => {
    const f = { n: 5, s: '5', t: '12abc', arr: [1, 'a', null], str: 'hello', nul: null, b: true, o: { k: 1 } };
    const cases: [string, string, JsonValue, boolean][] = [
      ['n', 'equal', 5, true], ['s', 'equal', 5, false], ['n', 'notEqual', '5', true],
      ['n', 'in', [4, 5], true], ['s', 'in', [5], false], ['n', 'notIn', [1], true], ['missing', 'notIn', [1], true],
      ['arr', 'contains', 'a', true], ['arr', 'contains', null, true], ['str', 'contains', 'ell', false],
      ['arr', 'doesNotContain', 2, true], ['str', 'doesNotContain', 'x', false],
      ['n', 'lessThan', 6, true], ['n', 'lessThanInclusive', 5, true], ['n', 'greaterThan', 5, false],
      ['n', 'greaterThanInclusive', 5, true], ['s', 'greaterThan', 4, true], ['t', 'greaterThan', 11, false],
      ['nul', 'lessThan', 1, false], ['b', 'lessThan', 2, false], ['missing', 'lessThan', 1, false],
      ['o', 'equal', { k: 1 }, false],
    ];
    for (const [fact, operator, value, expected] of cases) {
      assert.equal(await holds({ fact, operator, value }, f), expected, `${fact} ${operator} ${JSON.stringify(value)}`);
    }
  });

  test('decorators compose as in json-rules-engine (leftmost outermost)', async () => {
    const f = { xs: [1, 2, 3], n: 2, ys: [], s: 'abc' };
    assert.equal(await holds({ fact: 'xs', operator: 'everyFact:greaterThan', value: 0 }, f), true);
    assert.equal(await holds({ fact: 'xs', operator: 'someFact:equal', value: 3 }, f), true);
    assert.equal(await holds({ fact: 'n', operator: 'someValue:equal', value: [1, 2] }, f), true);
    assert.equal(await holds({ fact: 'n', operator: 'everyValue:lessThan', value: [3, 4] }, f), true);
    assert.equal(await holds({ fact: 'n', operator: 'swap:in', value: [1, 2] }, f), false); // in([1,2], 2): (2).indexOf throws → false
    assert.equal(await holds({ fact: 'n', operator: 'swap:contains', value: [1, 2] }, f), true);
    assert.equal(await holds({ fact: 'n', operator: 'not:equal', value: 2 }, f), false);
    assert.equal(await holds({ fact: 'ys', operator: 'everyFact:equal', value: 9 }, f), true);
    assert.equal(await holds({ fact: 's', operator: 'everyFact:equal', value: 'a' }, f), false); // validator: Array.isArray
    // someValue on a non-array throws inside json-rules-engine → false, even under not:
    assert.equal(await holds({ fact: 'n', operator: 'not:someValue:equal', value: { fact: 'n' } }, f), false);
    assert.equal(await holds({ fact: 'xs', operator: 'not:everyFact:not:lessThan', value: 2 }, f), true);
  });

  test('a throwing operator is false in both evaluators', async () => {
    const f = { n: 1, hostile: { valueOf: 1, toString: 1 }, arr: [{ toString: 'x', valueOf: 'y' }] };
    assert.equal(await holds({ fact: 'n', operator: 'in', value: { fact: 'n' } }, f), false); // (1).indexOf
    assert.equal(await holds({ fact: 'n', operator: 'notIn', value: { fact: 'n' } }, f), false);
    assert.equal(await holds({ fact: 'hostile', operator: 'lessThan', value: 1 }, f), false);
    assert.equal(await holds({ fact: 'n', operator: 'lessThan', value: { fact: 'hostile' } }, f), false);
    assert.equal(await holds({ fact: 'arr', operator: 'greaterThan', value: 0 }, f), false);
  });

  test('compiled built-ins equal guarded json-rules-engine operators on random values', () => {
    const engine = new Engine();
    const table = (engine as unknown as { operators: { get(n: string): { evaluate(a: unknown, b: unknown): boolean } | null } }).operators;
    const registry = operatorRegistry([]);
    const names = fc.tuple(fc.array(fc.constantFrom(...DECORATOR_NAMES), { maxLength: 2 }), fc.constantFrom(...BUILTIN_OPERATOR_NAMES));
    fc.assert(
      fc.property(names, hostileJson(), hostileJson(), ([decs, base], a, b) => {
        const name = [...decs, base].join(':');
        const ours = composeOperator(name, registry);
        const theirs = table.get(name);
        assert.ok(ours && theirs);
        let expected: boolean;
        try {
          expected = theirs.evaluate(a, b);
        } catch {
          expected = false;
        }
        assert.equal(ours(a, b), expected, `${name}(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
      }),
      { numRuns: runs(20_000) },
    );
  });

  test('plan operators', async () => {
    const f = { needs: ['health-care', 'social-services'], text: 'abc', yes: true, no: false, date: '2026-03-10', nothing: null };
    assert.equal(await holds({ fact: 'needs', operator: 'containsAll', value: ['health-care', 'social-services'] }, f), true);
    assert.equal(await holds({ fact: 'needs', operator: 'containsAll', value: ['health-care', 'school'] }, f), false);
    assert.equal(await holds({ fact: 'needs', operator: 'containsAll', value: [] }, f), true);
    assert.equal(await holds({ fact: 'text', operator: 'containsAll', value: ['a'] }, f), false);
    assert.equal(await holds({ fact: 'needs', operator: 'containsAny', value: ['school', 'social-services'] }, f), true);
    assert.equal(await holds({ fact: 'needs', operator: 'containsAny', value: [] }, f), false);
    assert.equal(await holds({ fact: 'needs', operator: 'lengthAtLeast', value: 2 }, f), true);
    assert.equal(await holds({ fact: 'text', operator: 'lengthAtLeast', value: 4 }, f), false);
    assert.equal(await holds({ fact: 'needs', operator: 'lengthAtMost', value: 1 }, f), false);
    assert.equal(await holds({ fact: 'missing', operator: 'lengthAtMost', value: 1 }, f), false);
    assert.equal(await holds({ fact: 'yes', operator: 'isTrue', value: true }, f), true);
    assert.equal(await holds({ fact: 'text', operator: 'isTrue', value: true }, f), false);
    assert.equal(await holds({ fact: 'no', operator: 'isFalse', value: true }, f), true);
    assert.equal(await holds({ fact: 'missing', operator: 'isFalse', value: true }, f), false);
    assert.equal(await holds({ fact: 'no', operator: 'isPresent', value: true }, f), true);
    assert.equal(await holds({ fact: 'nothing', operator: 'isPresent', value: true }, f), false);
    assert.equal(await holds({ fact: 'missing', operator: 'not:isPresent', value: true }, f), true);
    assert.equal(await holds({ fact: 'date', operator: 'dateBefore', value: '2026-03-11' }, f), true);
    assert.equal(await holds({ fact: 'date', operator: 'dateOnOrBefore', value: '2026-03-10' }, f), true);
    assert.equal(await holds({ fact: 'date', operator: 'dateAfter', value: '2026-03-10' }, f), false);
    assert.equal(await holds({ fact: 'date', operator: 'dateOnOrAfter', value: '2026-03-10' }, f), true);
    assert.equal(await holds({ fact: 'text', operator: 'not:dateAfter', value: '2026-03-10' }, f), true);
  });

  test('working-day operators use the calendar', async () => {
    // 2026-03-06 is a Friday; to the next Friday is 5 working days.
    const f = { win: { from: '2026-03-06', to: '2026-03-13' }, bad: { from: 'x', to: '2026-03-13' }, days: 5 };
    assert.equal(await holds({ fact: 'win', operator: 'workingDaysAtMost', value: 5 }, f), true);
    assert.equal(await holds({ fact: 'win', operator: 'workingDaysAtMost', value: 4 }, f), false);
    assert.equal(await holds({ fact: 'win', operator: 'workingDaysMoreThan', value: 4 }, f), true);
    assert.equal(await holds({ fact: 'win', operator: 'workingDaysMoreThan', value: { fact: 'days' } }, f), false);
    assert.equal(await holds({ fact: 'bad', operator: 'workingDaysAtMost', value: 100 }, f), false);
    assert.equal(await holds({ fact: 'bad', operator: 'workingDaysMoreThan', value: 0 }, f), false);
    // A calendar that throws is contained.
    const throwing = createOperators({
      calendar: {
        workingDaysBetween: () => {
          throw new Error('boom');
        },
      },
    });
    assert.equal(await holds({ fact: 'win', operator: 'workingDaysAtMost', value: 5 }, f, throwing), false);
    // Without a calendar the operators do not exist.
    expectSipError(() => compileRules(leafRule({ fact: 'win', operator: 'workingDaysAtMost', value: 5 }), { operators: planOperators }), 'rule-operator-unknown');
  });

  test('defineOperator: names, truthiness, registry', async () => {
    expectSipError(() => defineOperator('equal', () => true), 'rule-operator-invalid');
    expectSipError(() => defineOperator('not', () => true), 'rule-operator-invalid');
    expectSipError(() => defineOperator('a:b', () => true), 'rule-operator-invalid');
    expectSipError(() => defineOperator('', () => true), 'rule-operator-invalid');
    expectSipError(() => defineOperator('x', 5 as never), 'rule-operator-invalid');
    const truthy = defineOperator('truthy', ((a: unknown) => a) as never);
    // Only exactly `true` passes, in both evaluators.
    assert.equal(await holds({ fact: 'v', operator: 'truthy', value: 0 }, { v: 1 }, [truthy]), false);
    assert.equal(await holds({ fact: 'v', operator: 'truthy', value: 0 }, { v: true }, [truthy]), true);
    assert.equal(await holds({ fact: 'v', operator: 'not:truthy', value: 0 }, { v: 'yes' }, [truthy]), true);
    const dup = defineOperator('containsAll', () => true);
    expectSipError(() => compileRules([], { operators: [...planOperators, dup] }), 'rule-operator-invalid');
    expectSipError(() => compileRules([], { operators: [{ name: 'x' } as never] }), 'rule-operator-invalid');
  });
});

describe('rule validation', () => {
  const ok = { conditions: { all: [] }, event: { type: 't' } };
  const cases: [string, unknown, string][] = [
    ['not an array', { a: 1 }, 'rule-invalid'],
    ['rule not object', [5], 'rule-invalid'],
    ['unknown rule key', [{ ...ok, onSuccess: 'x' }], 'rule-key-unknown'],
    ['missing event', [{ conditions: { all: [] } }], 'rule-event-invalid'],
    ['event without type', [{ ...ok, event: {} }], 'rule-event-invalid'],
    ['event params not object', [{ ...ok, event: { type: 't', params: 1 } }], 'rule-event-invalid'],
    ['priority 0', [{ ...ok, priority: 0 }], 'rule-priority-invalid'],
    ['priority float', [{ ...ok, priority: 1.5 }], 'rule-priority-invalid'],
    ['leaf at root', [{ ...ok, conditions: { fact: 'a', operator: 'equal', value: 1 } }], 'rule-condition-invalid'],
    ['all not array', [{ ...ok, conditions: { all: {} } }], 'rule-condition-invalid'],
    ['not is array', [{ ...ok, conditions: { not: [] } }], 'rule-condition-invalid'],
    ['ambiguous', [{ ...ok, conditions: { all: [], any: [] } }], 'rule-condition-ambiguous'],
    ['leaf without value', [{ ...ok, conditions: { all: [{ fact: 'a', operator: 'equal' }] } }], 'rule-condition-invalid'],
    ['unknown operator', [{ ...ok, conditions: { all: [{ fact: 'a', operator: 'like', value: 1 }] } }], 'rule-operator-unknown'],
    ['unknown decorator', [{ ...ok, conditions: { all: [{ fact: 'a', operator: 'maybe:equal', value: 1 }] } }], 'rule-operator-unknown'],
    ['in with scalar', [{ ...ok, conditions: { all: [{ fact: 'a', operator: 'in', value: 'abc' }] } }], 'rule-value-invalid'],
    ['unknown condition', [{ ...ok, conditions: { condition: 'nope' } }], 'rule-condition-unknown'],
    ['fact name __proto__', [{ ...ok, conditions: { all: [{ fact: 'constructor', operator: 'equal', value: 1 }] } }], 'rule-fact-invalid'],
    ['forbidden key', JSON.parse('[{"conditions":{"all":[]},"event":{"type":"t","params":{"__proto__":{"x":1}}}}]'), 'rule-key-forbidden'],
    ['Object.prototype key', [{ ...ok, event: { type: 't', params: { valueOf: 1 } } }], 'rule-key-forbidden'],
    ['function', [{ ...ok, event: { type: 't', params: { f: () => 1 } } }], 'rule-not-json'],
    ['NaN', [{ ...ok, priority: Number.NaN }], 'rule-not-json'],
    ['Date', [{ ...ok, event: { type: 't', params: { d: new Date() } } }], 'rule-not-json'],
    ['value ref extra key', [{ ...ok, conditions: { all: [{ fact: 'a', operator: 'equal', value: { fact: 'b', x: 1 } }] } }], 'rule-key-unknown'],
  ];
  for (const [name, input, code] of cases) {
    test(`refuses: ${name} (${code})`, () => {
      expectSipError(() => parseRules(input, { operators: OPERATORS }), code);
      // The zod schema reports the same code.
      const r = rulesSchema.safeParse(input);
      if (code !== 'rule-condition-unknown') {
        assert.equal(r.success, false);
        assert.ok(r.error!.issues.some((i) => (i as { params?: { code?: string } }).params?.code === code), JSON.stringify(r.error!.issues));
      }
    });
  }

  test('named conditions: unknown, cyclic and valid references', async () => {
    const rules = [{ conditions: { condition: 'a' }, event: { type: 't' } }];
    expectSipError(() => compileRules(rules, { conditions: { a: { condition: 'b' }, b: { not: { condition: 'a' } } } }), 'rule-condition-cycle');
    expectSipError(() => compileRules(rules, { conditions: { a: { condition: 'a' } } }), 'rule-condition-cycle');
    expectSipError(() => compileRules(rules, { conditions: { a: { condition: 'zzz' } } }), 'rule-condition-unknown');
    expectSipError(() => compileRules(rules, { conditions: { a: { fact: 'x', operator: 'equal', value: 1 } } }), 'rule-condition-invalid');
    const conditions = { adult: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18 }] }, a: { not: { condition: 'adult' } } };
    const facts = { age: 12 };
    const compiled = compileRules(rules, { conditions }).run(facts);
    assert.deepStrictEqual(compiled, { events: [{ type: 't' }], failureEvents: [] });
    assert.deepStrictEqual(await runReference(rules, facts, { conditions }), compiled);
  });

  test('depth and size limits refuse huge input without a RangeError', () => {
    let deep: unknown = { fact: 'a', operator: 'equal', value: 1 };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    expectSipError(() => compileRules([{ conditions: deep, event: { type: 't' } }]), 'rule-too-deep');
    let deepValue: unknown = 1;
    for (let i = 0; i < 100_000; i++) deepValue = [deepValue];
    expectSipError(() => compileRules(leafRule({ fact: 'a', operator: 'equal', value: deepValue })), 'rule-too-deep');
    let deep33: unknown = { fact: 'a', operator: 'equal', value: 1 };
    for (let i = 0; i < 33; i++) deep33 = { not: deep33 };
    expectSipError(() => compileRules([{ conditions: deep33, event: { type: 't' } }]), 'rule-too-deep');
    expectSipError(() => compileRules(new Array(2000).fill({ conditions: { all: [] }, event: { type: 't' } })), 'rule-too-large');
    const sparse = new Array(1e9);
    expectSipError(() => compileRules(sparse), 'rule-too-large');
    expectSipError(() => compileRules(leafRule({ fact: 'a', operator: 'equal', value: 'x'.repeat(20_000) })), 'rule-too-long');
  });

  test('exotic objects: getters are not invoked, proxies and class instances are refused', () => {
    let called = false;
    const getter = { event: { type: 't' }, get conditions() { called = true; return { all: [] }; } };
    expectSipError(() => compileRules([getter]), 'rule-not-json');
    assert.equal(called, false);
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    expectSipError(() => compileRules([proxy]));
    class C { conditions = { all: [] }; event = { type: 't' }; }
    expectSipError(() => compileRules([new C()]), 'rule-not-json');
    expectSipError(() => compileRules([Object.assign([], { x: 1 })]), 'rule-invalid');
  });

  test('validated rules are a frozen copy: mutating the input later changes nothing', async () => {
    const rules = [{ conditions: { all: [{ fact: 'a', operator: 'equal', value: 1 }] }, event: { type: 't', params: { p: [1] } } }];
    const compiled = compileRules(rules);
    const reference = createReferenceEvaluator(rules);
    rules[0]!.conditions.all[0]!.value = 2;
    rules[0]!.event.params.p.push(2);
    const expected = { events: [{ type: 't', params: { p: [1] } }], failureEvents: [] };
    assert.deepStrictEqual(compiled.run({ a: 1 }), expected);
    assert.deepStrictEqual(await reference.run({ a: 1 }), expected);
    const ev = compiled.run({ a: 1 }).events[0]!;
    assert.ok(Object.isFrozen(ev) && Object.isFrozen(ev.params) && Object.isFrozen(ev.params!.p));
  });

  test('rule and rules schemas embed in a zod pack schema', () => {
    assert.equal(ruleSchema.safeParse({ conditions: { any: [] }, event: { type: 'x' } }).success, true);
    const r = ruleSchema.safeParse({ conditions: { any: [{ fact: 'a', path: '$..x', operator: 'equal', value: 1 }] }, event: { type: 'x' } });
    assert.equal(r.success, false);
    assert.deepStrictEqual(r.error!.issues[0]!.path, ['conditions', 'any', 0, 'path']);
    const withRefs = createRulesSchema({ conditionNames: ['c'] });
    assert.equal(withRefs.safeParse([{ conditions: { condition: 'c' }, event: { type: 'x' } }]).success, true);
    assert.equal(withRefs.safeParse([{ conditions: { condition: 'd' }, event: { type: 'x' } }]).success, false);
  });

  test('fuzz: arbitrary and mutated rule JSON only ever yields SipValidationError', () => {
    const check = (input: unknown): void => {
      try {
        compileRules(input, { operators: OPERATORS });
      } catch (e) {
        assert.ok(SipValidationError.is(e), `non-Sip error ${String(e)} for ${JSON.stringify(input)?.slice(0, 200)}`);
      }
      const r = rulesSchema.safeParse(input); // must not throw either
      assert.equal(typeof r.success, 'boolean');
    };
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), check), { numRuns: runs(2000) });
    fc.assert(fc.property(fc.anything({ maxDepth: 5, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true }), check), { numRuns: runs(2000) });
    // Structurally close to valid rules, with random mutations.
    fc.assert(fc.property(ruleSetArb().chain(({ rules }) => mutate(rules)), check), { numRuns: runs(2000) });
  });
});

describe('facts', () => {
  const rules = leafRule({ fact: 'a', operator: 'equal', value: 1 });
  test('missing facts read as undefined by default; undefinedFacts: error refuses them', async () => {
    assert.deepStrictEqual(compileRules(rules).run({}), { events: [], failureEvents: [{ type: 'hit' }] });
    assert.deepStrictEqual(await runReference(rules, {}), { events: [], failureEvents: [{ type: 'hit' }] });
    expectSipError(() => compileRules(rules, { undefinedFacts: 'error' }).run({ b: 1 }), 'rule-fact-missing');
    await assert.rejects(runReference(rules, {}, { undefinedFacts: 'error' }), (e) => SipValidationError.is(e) && e.issues[0]!.code === 'rule-fact-missing');
    expectSipError(() => compileRules(rules, { undefinedFacts: 'maybe' as never }), 'rule-option-invalid');
  });

  test('only own enumerable facts are read; odd facts objects are refused', async () => {
    const protoRules = leafRule({ fact: 'toString', operator: 'equal', value: null });
    assert.deepStrictEqual(compileRules(protoRules).run({}).events, []);
    assert.deepStrictEqual((await runReference(protoRules, {})).events, []);
    assert.equal(await holds({ fact: 'toString', operator: 'equal', value: 1 }, { toString: 1 } as Facts), true);
    expectSipError(() => compileRules(rules, null as never), 'rule-option-invalid');
    await assert.rejects(runReference(rules, {}, null as never), (e) => SipValidationError.is(e));
    expectSipError(() => createReferenceEvaluator(rules, 5 as never), 'rule-option-invalid');
    const inherited = Object.create({ a: 1 }) as Facts;
    assert.deepStrictEqual(compileRules(rules).run(inherited).events, []);
    assert.deepStrictEqual((await runReference(rules, inherited)).events, []);
    for (const bad of [null, 5, 'x', [1], undefined]) {
      expectSipError(() => compileRules(rules).run(bad as never), 'rule-facts-invalid');
      await assert.rejects(runReference(rules, bad as never), (e) => SipValidationError.is(e));
    }
    // A function-valued fact is a value, never called.
    let called = false;
    const fn = () => {
      called = true;
      return 1;
    };
    assert.deepStrictEqual((await runReference(rules, { a: fn } as never)).events, []);
    assert.deepStrictEqual(compileRules(rules).run({ a: fn } as never).events, []);
    assert.equal(called, false);
  });
});

describe('reference evaluator', () => {
  // Two priority groups, so that a run has more than one step to lose.
  const rules = [
    { conditions: { all: [{ fact: 'x', operator: 'greaterThan', value: 0 }] }, event: { type: 'high' }, priority: 2 },
    { conditions: { all: [{ fact: 'x', operator: 'greaterThan', value: 0 }] }, event: { type: 'low' }, priority: 1 },
  ];

  test('overlapping runs on ONE json-rules-engine Engine drop rules (why we never share one)', async () => {
    // Start a second run a few microtasks after the first: when the first
    // finishes it marks the shared engine FINISHED and the second silently
    // skips its remaining priority groups.
    let lost = 0;
    for (let delay = 0; delay < 30; delay++) {
      const engine = new Engine(structuredClone(rules) as never);
      const first = engine.run({ x: 1 });
      for (let i = 0; i < delay; i++) await null;
      const [a, b] = await Promise.all([first, engine.run({ x: 2 })]);
      if (a.events.length + b.events.length < 4) lost++;
    }
    assert.ok(lost > 0, 'expected json-rules-engine to drop events of overlapping runs');
  });

  test('createReferenceEvaluator is safe under concurrent runs', async () => {
    const evaluator = createReferenceEvaluator(rules);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => evaluator.run({ x: i % 2 })));
    results.forEach((r, i) => {
      const types = i % 2 ? ['high', 'low'] : [];
      assert.deepStrictEqual(r.events.map((e) => e.type), types);
    });
  });

  test('events are ordered by priority, then declaration order', async () => {
    // Deeper conditions finish later in json-rules-engine; order must not depend on that.
    const deep = { all: [{ any: [{ not: { all: [{ fact: 'x', operator: 'equal', value: 1 }, { fact: 'x', operator: 'equal', value: 1 }] } }, { fact: 'x', operator: 'equal', value: 1 }] }] };
    const set = [
      { conditions: deep, event: { type: 'first' } },
      { conditions: { all: [] }, event: { type: 'second' } },
      { conditions: { any: [] }, event: { type: 'top' }, priority: 5 },
      { conditions: { not: { fact: 'x', operator: 'equal', value: 1 } }, event: { type: 'fails' }, priority: 3 },
      { conditions: { not: { fact: 'x', operator: 'equal', value: 1 } }, event: { type: 'fails-too' }, priority: 3 },
    ];
    const expected: RuleResult = {
      events: [{ type: 'top' }, { type: 'first' }, { type: 'second' }],
      failureEvents: [{ type: 'fails' }, { type: 'fails-too' }],
    };
    assert.deepStrictEqual(compileRules(set).run({ x: 1 }), expected);
    assert.deepStrictEqual(await runReference(set, { x: 1 }), expected);
    // json-rules-engine alone reports the shallow rule first.
    const raw = await new Engine(structuredClone(set) as never).run({ x: 1 });
    assert.deepStrictEqual(raw.events.map((e) => e.type), ['top', 'second', 'first']);
  });
});

describe('bundle boundary', () => {
  test('only rules/reference.ts imports json-rules-engine, and no source module imports the reference entry', () => {
    const src = fileURLToPath(new URL('../src/', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.ts')) files.push(join(dir, e.name));
      }
    };
    walk(src);
    for (const f of files) {
      const rel = relative(src, f).split('\\').join('/');
      const text = readFileSync(f, 'utf8');
      if (rel !== 'rules/reference.ts') {
        assert.doesNotMatch(text, /from\s+['"]json-rules-engine['"]|require\(['"]json-rules-engine['"]\)|import\(['"]json-rules-engine['"]\)/, rel);
        assert.doesNotMatch(text, /from\s+['"][./]*(rules\/)?reference\.js['"]/, rel);
      }
    }
  });
});

// ---------------------------------------------------------------------------
// Differential test.

const FACT_NAMES = ['a', 'b', 'c', 'd', 'e'] as const;
const KEYS = ['a', 'b', '0', '1', 'x y', 'length', 'valueOf', 'toString', 'from', 'to', 'å'];
const DATES = ['2026-03-06', '2026-03-09', '2026-03-13', '2026-12-24', '2027-01-04', '2026-02-30'];
const PATHS = ['$', '$.a', '$.b', '$[0]', '$[1]', "$['x y']", '$.length', '$.valueOf', "$['0']", '$.å', '$.a.b', '$.a[0]', '$[0].a', '$.from', '$.to', '$.a.a.a'];

/** JSON values with the shapes that trip operators: numeric strings, hostile valueOf/toString, dates, windows. */
function hostileJson(forRules = false): fc.Arbitrary<JsonValue> {
  // Rule JSON may not use Object.prototype member names as keys (refused by
  // validation); facts may, and are where hostile valueOf/toString live.
  const keys = forRules ? KEYS.filter((k) => !Object.hasOwn(Object.prototype, k)) : KEYS;
  const hostile: JsonValue[] = forRules
    ? [[[1]], [3]]
    : [{ valueOf: 1, toString: 1 }, { toString: 'x' }, [{ valueOf: 'x', toString: 'y' }], [[1]], [3]];
  const scalar = fc.oneof(
    fc.constantFrom<JsonValue>(0, -0, 1, 2, 3, -1, 1.5, 10, 1e21, '', '0', '1', '2', '12abc', 'abc', 'a', 'b', 'Infinity', true, false, null),
    fc.constantFrom<JsonValue>(...DATES),
    fc.integer({ min: -5, max: 12 }),
    fc.string({ maxLength: 3 }),
  );
  const { value } = fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 4 }),
      fc.constantFrom<JsonValue>(...hostile),
      fc.record({ from: fc.constantFrom(...DATES, 'x'), to: fc.constantFrom(...DATES) }),
    ),
  }));
  return value;
}

const OPERATOR_BASES = [...BUILTIN_OPERATOR_NAMES, ...OPERATORS.map((o) => o.name)];
const OP_BY_NAME = new Map(OPERATORS.map((o) => [o.name, o]));

function valueFor(base: string, decorated: boolean, literal: JsonValue): JsonValue {
  if (decorated) return literal;
  if ((base === 'in' || base === 'notIn') && !Array.isArray(literal)) return [literal];
  const def = OP_BY_NAME.get(base);
  if (def?.validateValue && def.validateValue(literal) !== null) {
    if (base.startsWith('contains')) return Array.isArray(literal) ? literal : [literal];
    if (base.startsWith('length') || base.startsWith('workingDays')) return Number.isSafeInteger(literal) && (literal as number) >= 0 ? literal : 2;
    if (base.startsWith('date')) return '2026-03-09';
    return true;
  }
  return literal;
}

const leafArb = fc
  .record({
    fact: fc.constantFrom(...FACT_NAMES),
    path: fc.option(fc.constantFrom(...PATHS), { nil: undefined }),
    decorators: fc.array(fc.constantFrom(...DECORATOR_NAMES), { maxLength: 2 }),
    base: fc.constantFrom(...OPERATOR_BASES),
    literal: hostileJson(true),
    ref: fc.option(fc.record({ fact: fc.constantFrom(...FACT_NAMES), path: fc.option(fc.constantFrom(...PATHS), { nil: undefined }) }), { freq: 3, nil: undefined }),
    params: fc.option(fc.constant({ p: 1 }), { freq: 5, nil: undefined }),
    priority: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 4, nil: undefined }),
  })
  .map(({ fact, path, decorators, base, literal, ref, params, priority }) => {
    const leaf: Record<string, unknown> = { fact, operator: [...decorators, base].join(':') };
    leaf.value = ref ? (ref.path === undefined ? { fact: ref.fact } : ref) : valueFor(base, decorators.length > 0, literal);
    if (path !== undefined) leaf.path = path;
    if (params) leaf.params = params;
    if (priority !== undefined) leaf.priority = priority;
    return leaf;
  });

function conditionArb(names: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const { node } = fc.letrec<{ node: Record<string, unknown>; top: Record<string, unknown> }>((tie) => {
    const boolNode = fc.oneof(
      fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }),
      fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }),
      fc.record({ not: tie('node') }),
      ...(names.length ? [fc.record({ condition: fc.constantFrom(...names) })] : []),
    );
    return {
      node: fc.oneof({ depthSize: 'small', maxDepth: 5 }, leafArb, leafArb, tie('top')),
      top: boolNode,
    };
  });
  return node;
}

function topArb(names: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return conditionArb(names).map((c) =>
    ['all', 'any', 'not', 'condition'].some((k) => Object.hasOwn(c, k)) ? c : { all: [c] },
  );
}

function ruleSetArb(): fc.Arbitrary<{ rules: unknown[]; conditions: Record<string, unknown> }> {
  return fc.integer({ min: 0, max: 3 }).chain((nNamed) => {
    // Named condition i may reference only names < i: no cycles.
    const named = Array.from({ length: nNamed }, (_, i) => topArb(Array.from({ length: i }, (_, j) => `n${j}`)));
    const names = Array.from({ length: nNamed }, (_, i) => `n${i}`);
    const rule = fc.record(
      {
        conditions: topArb(names),
        event: fc.record({ type: fc.constantFrom('e1', 'e2', 'e3', 'e4'), params: fc.option(fc.dictionary(fc.constantFrom('k', 'l'), hostileJson(true), { maxKeys: 2 }), { nil: undefined }) }, { requiredKeys: ['type'] }),
        priority: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        name: fc.option(fc.constantFrom('r', 'rule'), { freq: 4, nil: undefined }),
      },
      { requiredKeys: ['conditions', 'event'] },
    );
    return fc.record({
      rules: fc.array(rule, { minLength: 1, maxLength: 8 }),
      conditions: fc.tuple(...named).map((cs) => Object.fromEntries(cs.map((c, i) => [`n${i}`, c]))),
    });
  }).map((s) => JSON.parse(JSON.stringify(s)) as { rules: unknown[]; conditions: Record<string, unknown> }); // drop undefined keys
}

const factsArb: fc.Arbitrary<Facts> = fc.dictionary(fc.constantFrom(...FACT_NAMES), hostileJson(), { maxKeys: 5 });

function mutate(rules: unknown[]): fc.Arbitrary<unknown> {
  // Replace one random sub-value with garbage.
  return fc.tuple(fc.nat(), fc.anything({ maxDepth: 2 })).map(([seed, junk]) => {
    const copy = structuredClone(rules) as unknown;
    const spots: { parent: Record<string | number, unknown>; key: string | number }[] = [];
    const walk = (v: unknown): void => {
      if (v && typeof v === 'object') {
        for (const k of Object.keys(v)) {
          spots.push({ parent: v as Record<string, unknown>, key: k });
          walk((v as Record<string, unknown>)[k]);
        }
      }
    };
    walk(copy);
    if (spots.length) {
      const s = spots[seed % spots.length]!;
      s.parent[s.key] = junk;
    }
    return copy;
  });
}

describe('differential: compiled evaluator ≡ json-rules-engine', () => {
  test('identical events and failureEvents on generated rule sets and facts', async (t) => {
    const FACTS_PER_SET = 4;
    const sets = runs(10_000 / FACTS_PER_SET);
    let cases = 0;
    let rawComparisons = 0;
    await fc.assert(
      fc.asyncProperty(ruleSetArb(), fc.array(factsArb, { minLength: FACTS_PER_SET, maxLength: FACTS_PER_SET }), async ({ rules, conditions }, factsList) => {
        const options = { operators: OPERATORS, conditions };
        const compiled = compileRules(rules, options);
        const reference = createReferenceEvaluator(rules, options);
        for (const facts of factsList) {
          const expected = await reference.run(facts);
          assert.deepStrictEqual(compiled.run(facts), expected);
          cases++;
          // Unwrapped json-rules-engine, where it does not throw, agrees up to
          // the order within a priority group.
          const raw = await rawJre(rules, conditions, facts);
          if (raw) {
            rawComparisons++;
            assertSameUpToGroupOrder(raw.events, expected.events);
            assertSameUpToGroupOrder(raw.failureEvents, expected.failureEvents);
          }
        }
      }),
      { numRuns: sets },
    );
    assert.ok(cases >= runs(10_000) - FACTS_PER_SET, `ran ${cases} cases`);
    t.diagnostic(`differential cases: ${cases}; unguarded json-rules-engine also ran without throwing and agreed on ${rawComparisons}`);
  });
});

/** Plain json-rules-engine: no guards, no reordering. `null` if the run rejected. */
async function rawJre(rules: unknown[], conditions: Record<string, unknown>, facts: Facts): Promise<RawResult | null> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of OPERATORS) engine.addOperator(op.name, op.evaluate);
  for (const [n, c] of Object.entries(conditions)) engine.setCondition(n, structuredClone(c) as never);
  // The name (unused by evaluation) tags each rule with its index.
  rules.forEach((r, i) => engine.addRule({ ...(structuredClone(r) as object), name: i } as never));
  try {
    const res = await engine.run(facts as never);
    const tag = (rs: { name: unknown; priority: unknown; event: unknown }[]) =>
      rs.map((r) => ({ index: Number(r.name), priority: Number(r.priority), event: r.event as RuleEvent }));
    return { events: tag(res.results as never), failureEvents: tag(res.failureResults as never) };
  } catch {
    return null;
  }
}

interface RawEntry {
  index: number;
  priority: number;
  event: RuleEvent;
}
interface RawResult {
  events: RawEntry[];
  failureEvents: RawEntry[];
}

/**
 * json-rules-engine's own order: priority groups never interleave (highest
 * first); only the order inside a group differs. Sorting inside groups by
 * declaration order gives sip-kit's order.
 */
function assertSameUpToGroupOrder(raw: RawEntry[], expected: RuleEvent[]): void {
  for (let i = 1; i < raw.length; i++) assert.ok(raw[i - 1]!.priority >= raw[i]!.priority, 'priority groups interleaved');
  const sorted = [...raw].sort((a, b) => b.priority - a.priority || a.index - b.index).map((r) => r.event);
  assert.deepStrictEqual(sorted, expected);
}

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { SipValidationError } from '../src/errors.js';
import { ISSUE_CODES, LIMITS, PLAN_TYPES, type Plan, createPlan, isId, parsePlan, safeParsePlan } from '../src/model/index.js';
import { numRuns, planArbitrary } from './arbitraries.js';

const examplesDir = new URL('../examples/', import.meta.url);
const exampleNames = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort();
const example = (name: string): Plan => JSON.parse(readFileSync(new URL(name, examplesDir), 'utf8')) as Plan;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Runs parsePlan and returns the SipValidationError it must throw. */
function refused(input: unknown): SipValidationError {
  try {
    parsePlan(input);
  } catch (error) {
    assert.ok(SipValidationError.is(error), `expected SipValidationError, got ${String(error)}`);
    assert.equal(error.name, 'SipValidationError');
    return error;
  }
  assert.fail('parsePlan accepted invalid input');
}

function codes(error: SipValidationError): string[] {
  return error.issues.map((i) => i.code);
}

function mutated(mutate: (plan: Record<string, any>) => void): Record<string, any> {
  const plan = clone(example('se-sip.json')) as unknown as Record<string, any>;
  mutate(plan);
  return plan;
}

test('ISSUE_CODES lists every issue code once, in the documented order', () => {
  // ISSUE_CODES is read from the keys of the English messages: this pins its order.
  assert.deepEqual(ISSUE_CODES, [
    'required', 'wrong-type', 'too-long', 'too-short', 'too-many', 'too-few', 'too-big', 'too-small',
    'date-invalid', 'instant-invalid', 'id-invalid', 'url-not-allowed', 'invalid-value', 'unknown-key',
    'forbidden-key', 'reference-unknown', 'duplicate-id', 'duplicate', 'date-order', 'type-mismatch',
    'too-deep', 'too-large', 'cycle', 'unreadable', 'transition-not-allowed', 'command-unknown',
    'not-found', 'nothing-to-undo', 'nothing-to-redo', 'invitation-locked',
  ]);
});

describe('example plans', () => {
  test('there is one example per plan type', () => {
    assert.deepEqual(exampleNames, PLAN_TYPES.map((t) => `${t}.json`).sort());
  });
  for (const name of exampleNames) {
    test(`${name} parses unchanged`, () => {
      const plan = example(name);
      assert.deepStrictEqual(parsePlan(plan), plan);
      assert.equal(plan.type, name.replace('.json', ''));
    });
  }
});

describe('parsePlan accepts valid plans', () => {
  test('generated plans round-trip through JSON and parsePlan unchanged', () => {
    fc.assert(
      fc.property(planArbitrary(), (plan) => {
        const json = JSON.parse(JSON.stringify(plan)) as unknown;
        assert.deepStrictEqual(parsePlan(json), plan);
      }),
      { numRuns: numRuns(60) },
    );
  });

  test('parsePlan returns a copy, not the input', () => {
    const plan = example('pcsp.json');
    const parsed = parsePlan(plan);
    assert.notEqual(parsed, plan);
    assert.notEqual(parsed.goals, plan.goals);
  });

  test('safeParsePlan reports success with the data', () => {
    const result = safeParsePlan(example('no-ip.json'));
    assert.equal(result.success, true);
  });

  test('plans from another realm (plain objects with a foreign Object.prototype) are accepted', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext(`(${JSON.stringify(example('se-lss-ip.json'))})`) as unknown;
    assert.deepStrictEqual(parsePlan(foreign), example('se-lss-ip.json'));
  });
});

describe('parsePlan refuses bad input with SipValidationError only', () => {
  test('an impossible date is refused with date-invalid', () => {
    const error = refused(mutated((p) => (p['needIdentifiedOn'] = '2026-02-30')));
    assert.deepEqual(error.issues[0]?.path, ['needIdentifiedOn']);
    assert.equal(error.issues[0]?.code, 'date-invalid');
  });

  test('a date with a time, and 29 February in a common year, are refused', () => {
    assert.ok(codes(refused(mutated((p) => (p['firstContactOn'] = '2026-02-12T10:00:00Z')))).includes('date-invalid'));
    assert.ok(codes(refused(mutated((p) => (p['firstContactOn'] = '2027-02-29')))).includes('date-invalid'));
    assert.equal(parsePlan(mutated((p) => (p['firstContactOn'] = '2028-02-29'))).firstContactOn, '2028-02-29');
  });

  test('an instant without an offset is refused with instant-invalid', () => {
    const error = refused(mutated((p) => (p['consents'][0]['recordedAt'] = '2026-02-12T09:00:00')));
    assert.deepEqual(error.issues[0]?.path, ['consents', 0, 'recordedAt']);
    assert.equal(error.issues[0]?.code, 'instant-invalid');
  });

  test('a string over its limit is refused with too-long and the limit', () => {
    const error = refused(mutated((p) => (p['goals'][0]['text'] = 'x'.repeat(LIMITS.text + 1))));
    assert.deepEqual(error.issues[0], {
      path: ['goals', 0, 'text'],
      code: 'too-long',
      message: `Too long: at most ${LIMITS.text} characters`,
      params: { max: LIMITS.text },
    });
  });

  test('an array over its limit is refused with too-many', () => {
    const error = refused(mutated((p) => (p['meetings'][0]['agenda'] = Array.from({ length: LIMITS.agenda + 1 }, () => 'q'))));
    assert.equal(error.issues[0]?.code, 'too-many');
    assert.deepEqual(error.issues[0]?.params, { max: LIMITS.agenda });
  });

  test('a missing field is required, a wrong type is wrong-type, NaN and Infinity are refused', () => {
    const error = refused(
      mutated((p) => {
        delete p['person']['name'];
        p['version'] = NaN;
        p['person']['age'] = Infinity;
        p['status'] = 7;
      }),
    );
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path.join('.'), i.code]));
    assert.equal(byPath['person.name'], 'required');
    assert.equal(byPath['version'], 'wrong-type');
    assert.equal(byPath['person.age'], 'wrong-type');
    assert.ok(['wrong-type', 'invalid-value'].includes(byPath['status'] ?? ''));
  });

  test('an empty required text is required', () => {
    const error = refused(mutated((p) => (p['goals'][0]['text'] = '')));
    assert.deepEqual([error.issues[0]?.path, error.issues[0]?.code], [['goals', 0, 'text'], 'required']);
  });

  test('unknown keys are refused with unknown-key, at every level', () => {
    const error = refused(
      mutated((p) => {
        p['colour'] = 'blue';
        p['goals'][1]['priority'] = 1;
      }),
    );
    const found = error.issues.map((i) => [i.path.join('.'), i.code, i.params]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    assert.deepEqual(found, [
      ['colour', 'unknown-key', { key: 'colour' }],
      ['goals.1.priority', 'unknown-key', { key: 'priority' }],
    ]);
  });

  test('__proto__, constructor and prototype keys are refused and pollute nothing', () => {
    const text = JSON.stringify(example('se-sip.json')).replace('{"formatVersion"', '{"__proto__":{"polluted":true},"formatVersion"').replace('"person":{', '"person":{"constructor":{"prototype":{"polluted":true}},');
    const error = refused(JSON.parse(text));
    assert.deepEqual(
      error.issues.map((i) => [i.path.join('.'), i.code]),
      [
        ['__proto__', 'forbidden-key'],
        ['person.constructor', 'forbidden-key'],
      ],
    );
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal((Object.prototype as Record<string, unknown>)['polluted'], undefined);
  });

  test('a meeting link must be https', () => {
    for (const link of ['javascript:alert(1)', 'http://meet.example.se/x', 'data:text/html,<b>x</b>', 'https://user:pw@example.se/', '//example.se/x', 'meet.example.se']) {
      const error = refused(mutated((p) => (p['meetings'][1]['link'] = link)));
      assert.deepEqual([error.issues[0]?.path, error.issues[0]?.code], [['meetings', 1, 'link'], 'url-not-allowed'], link);
    }
  });

  test('ids outside the id alphabet are refused with id-invalid', () => {
    const error = refused(mutated((p) => (p['goals'][0]['id'] = 'goal 1/<x>')));
    assert.equal(error.issues[0]?.code, 'id-invalid');
  });

  test('ids of dots alone are refused (they mean "this/parent directory" in URLs); dots inside an id are fine', () => {
    for (const id of ['.', '..', '...']) {
      assert.equal(refused(mutated((p) => (p['id'] = id))).issues[0]?.code, 'id-invalid', id);
      assert.equal(isId(id), false, id);
    }
    for (const id of ['a.b', '.a', 'v1..2']) assert.equal(isId(id), true, id);
  });

  const danglingReferences: [string, (p: Record<string, any>) => void, (string | number)[]][] = [
    ['the coordinator', (p) => (p['coordinator'] = 'ghost'), ['coordinator']],
    ['the initiator', (p) => (p['initiator'] = 'ghost'), ['initiator']],
    ['the meeting chair', (p) => (p['meetingChair'] = 'ghost'), ['meetingChair']],
    ['a handover', (p) => (p['coordinatorHistory'][1]['from'] = 'ghost'), ['coordinatorHistory', 1, 'from']],
    ["a professional's party", (p) => (p['participants'][2]['party'] = 'ghost'), ['participants', 2, 'party']],
    ["an intervention's party", (p) => (p['interventions'][0]['party'] = 'ghost'), ['interventions', 0, 'party']],
    ["an intervention's goal", (p) => (p['interventions'][0]['goals'] = ['ghost']), ['interventions', 0, 'goals', 0]],
    ["a goal's need", (p) => (p['goals'][0]['needs'] = ['ghost']), ['goals', 0, 'needs', 0]],
    ["a follow-up's responsible", (p) => (p['followUps'][0]['responsible'] = 'ghost'), ['followUps', 0, 'responsible']],
    ['an evaluated goal', (p) => (p['followUps'][0]['evaluations'][0]['goal'] = 'ghost'), ['followUps', 0, 'evaluations', 0, 'goal']],
    ['an invitation', (p) => (p['meetings'][0]['invitations'][0]['participant'] = 'ghost'), ['meetings', 0, 'invitations', 0, 'participant']],
    ['an attendance entry', (p) => (p['meetings'][0]['attendance'][0]['participant'] = 'ghost'), ['meetings', 0, 'attendance', 0, 'participant']],
    ["a consent's sharing", (p) => (p['consents'][0]['scope']['shareWith'] = ['ghost']), ['consents', 0, 'scope', 'shareWith', 0]],
    ["a consent exclusion's party", (p) => (p['consents'][0]['scope']['exclusions'][0]['parties'] = ['ghost']), ['consents', 0, 'scope', 'exclusions', 0, 'parties', 0]],
    ["a withdrawal's party", (p) => (p['consents'][0]['withdrawals'][0]['parties'] = ['ghost']), ['consents', 0, 'withdrawals', 0, 'parties', 0]],
    ['a superseded consent', (p) => (p['consents'][0]['supersedes'] = 'ghost'), ['consents', 0, 'supersedes']],
  ];
  for (const [what, mutate, path] of danglingReferences) {
    test(`${what} pointing nowhere is reference-unknown`, () => {
      const error = refused(mutated(mutate));
      assert.deepEqual(error.issues[0], {
        path,
        code: 'reference-unknown',
        message: 'Refers to "ghost", which is not in the plan',
        params: { id: 'ghost' },
      });
    });
  }

  test('duplicate ids, a professional without a party, a closed plan without a reason and reversed dates are refused', () => {
    const error = refused(
      mutated((p) => {
        p['goals'][1]['id'] = p['goals'][0]['id'];
        delete p['participants'][2]['party'];
        p['status'] = 'closed';
        p['interventions'][1]['endOn'] = '2026-01-01';
      }),
    );
    assert.deepEqual(new Set(codes(error)), new Set(['duplicate-id', 'required', 'date-order', 'reference-unknown']));
  });

  test('a Swedish plan type in Norway is type-mismatch', () => {
    assert.deepEqual(codes(refused(mutated((p) => (p['jurisdiction'] = 'NO')))), ['type-mismatch']);
  });

  test('cyclic input is refused with cycle', () => {
    const plan = mutated(() => {});
    plan['person']['self'] = plan;
    assert.deepEqual(codes(refused(plan)), ['cycle']);
  });

  test('deeply nested junk is refused quickly with too-deep', () => {
    const deep: Record<string, unknown> = {};
    let node = deep;
    for (let i = 0; i < 1_000_000; i++) {
      const next = {};
      node['a'] = next;
      node = next;
    }
    const started = performance.now();
    assert.deepEqual(codes(refused(deep)), ['too-deep']);
    // A loose bound: the point is "no hang, no stack overflow", on a loaded CI machine too.
    assert.ok(performance.now() - started < 10_000);
  });

  test('a huge array is refused without reading its items', () => {
    let reads = 0;
    const goals = new Proxy(new Array(10_000_000).fill(0), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    assert.ok(codes(refused(mutated((p) => (p['goals'] = goals)))).includes('too-many'));
    assert.equal(reads, 0);
  });

  test('huge strings are refused without hanging', () => {
    const longTitle = mutated((p) => (p['title'] = 'x'.repeat(50_000_000)));
    const longDate = mutated((p) => (p['needIdentifiedOn'] = '2'.repeat(10_000_000)));
    const longLink = mutated((p) => (p['meetings'][1]['link'] = `https://${'a'.repeat(10_000_000)}`));
    const started = performance.now();
    assert.ok(codes(refused(longTitle)).includes('too-long'));
    assert.ok(codes(refused(longDate)).includes('date-invalid'));
    assert.ok(codes(refused(longLink)).includes('too-long'));
    // A loose bound that still catches a hang, even on a loaded CI machine.
    assert.ok(performance.now() - started < 10_000);
  });

  test('getters that throw, revoked proxies, hostile proxies, class instances and functions are refused', () => {
    const throwing = mutated(() => {});
    Object.defineProperty(throwing, 'title', { enumerable: true, get: () => { throw new TypeError('boom'); } });
    assert.deepEqual(codes(refused(throwing)), ['unreadable']);

    const { proxy, revoke } = Proxy.revocable(mutated(() => {}), {});
    revoke();
    assert.deepEqual(codes(refused(proxy)), ['unreadable']);

    const trap = () => { throw new Error('trap'); };
    assert.deepEqual(codes(refused(new Proxy({}, { ownKeys: trap }))), ['unreadable']);
    assert.deepEqual(codes(refused(new Proxy({}, { getPrototypeOf: trap }))), ['unreadable']);
    assert.deepEqual(codes(refused(new Proxy([], { get: trap }))), ['unreadable']);

    assert.ok(codes(refused(mutated((p) => (p['needIdentifiedOn'] = new Date())))).includes('wrong-type'));
    assert.ok(codes(refused(mutated((p) => (p['goals'] = new Map())))).includes('wrong-type'));
    assert.ok(codes(refused(mutated((p) => (p['title'] = () => 'x')))).includes('wrong-type'));
    assert.ok(codes(refused(mutated((p) => (p['version'] = 10n)))).includes('wrong-type'));
    assert.ok(codes(refused(mutated((p) => (p['title'] = Symbol('x'))))).includes('wrong-type'));
  });

  test('anything that is not a plan is refused with SipValidationError', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true }), (input) => {
        refused(input);
      }),
      { numRuns: numRuns(200) },
    );
  });

  test('generated valid plans with one thing broken are refused with SipValidationError', () => {
    const breakers: ((p: Record<string, any>) => void)[] = [
      (p) => delete p['person'],
      (p) => (p['version'] = -1),
      (p) => (p['type'] = 'se-sip-adult'),
      (p) => (p['needIdentifiedOn'] = '2026-13-01'),
      (p) => (p['participants'] = 'many'),
      (p) => (p['parties'][0]['principal'] = 'yes'),
      (p) => (p['extra'] = null),
      (p) => (p['coordinator'] = 'nobody-here'),
      (p) => (p['audit'] = [{}]),
      (p) => (p['formatVersion'] = 2),
      (p) => (p['person']['name'] = 'x'.repeat(LIMITS.shortText + 1)),
      (p) => (p['parties'][0]['name'] = NaN),
    ];
    fc.assert(
      fc.property(planArbitrary({ maxItems: 2 }), fc.constantFrom(...breakers), (plan, breakIt) => {
        const broken = clone(plan) as unknown as Record<string, any>;
        breakIt(broken);
        const error = refused(broken);
        assert.ok(error.issues.length > 0);
        assert.ok(error.issues.every((i) => typeof i.code === 'string' && /^[a-z]+(-[a-z]+)*$/.test(i.code)));
      }),
      { numRuns: numRuns(60) },
    );
  });

  test('safeParsePlan returns the error instead of throwing', () => {
    const result = safeParsePlan(null);
    assert.equal(result.success, false);
    if (!result.success) assert.equal(result.error.issues[0]?.code, 'wrong-type');
  });
});

describe('createPlan', () => {
  test('fills defaults and ids', () => {
    let n = 0;
    const plan = createPlan(
      {
        type: 'se-sip-child',
        person: { name: 'Elsa' },
        needIdentifiedOn: '2026-03-02',
        parties: [{ name: 'BUP', kind: 'region', principal: true }],
        goals: [{ text: 'Gå till skolan', horizon: 'long-term', expressedBy: 'person' }],
      },
      { createId: () => `id${++n}` },
    );
    assert.equal(plan.formatVersion, 1);
    assert.equal(plan.version, 0);
    assert.equal(plan.status, 'initiated');
    assert.equal(plan.jurisdiction, 'SE');
    assert.equal(plan.locale, 'sv');
    assert.equal(plan.person.isChild, true);
    assert.equal(plan.id, 'id1');
    assert.equal(plan.parties[0]?.id, 'id2');
    assert.deepEqual(plan.goals[0], { id: 'id3', text: 'Gå till skolan', horizon: 'long-term', expressedBy: 'person', needs: [], status: 'active' });
    for (const key of ['participants', 'needs', 'resources', 'interventions', 'meetings', 'consents', 'followUps', 'coordinatorHistory', 'pendingApproval', 'approvals', 'audit'] as const) {
      assert.deepEqual(plan[key], [], key);
    }
  });

  test('gives a Norwegian plan Norwegian defaults and unique ids without a generator', () => {
    const a = createPlan({ type: 'no-ip', person: { name: 'Kari' }, needIdentifiedOn: '2026-01-05' });
    const b = createPlan({ type: 'no-ip', person: { name: 'Kari' }, needIdentifiedOn: '2026-01-05' });
    assert.equal(a.jurisdiction, 'NO');
    assert.equal(a.locale, 'nb');
    assert.notEqual(a.id, b.id);
  });

  test('refuses an incomplete init with SipValidationError', () => {
    assert.throws(() => createPlan({ type: 'se-sip', person: { name: 'A' }, needIdentifiedOn: '2026-02-30' }), SipValidationError);
    assert.throws(() => createPlan(null as never), SipValidationError);
  });
});

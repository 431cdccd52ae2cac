// The browser entry ships no built-in pack up front: each loads on demand.
// Each test file runs in its own process, so this one starts with none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SipValidationError, checkCompleteness, defaultPackIdFor, getBuiltinPack, isBuiltinPackLoaded, loadBuiltinPack, loadRulePack } from '../src/index.browser.js';
import { readPackFiles } from './support/rules-packs-source.js';
import { example } from './support/rules-examples.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return SipValidationError.is(error) ? error.issues[0]?.code : 'not a SipValidationError';
  }
  return 'no error';
};

test('before loading, synchronous use says which pack to load; after, it works and equals the validated JSON', async () => {
  const plan = example('se-sip');
  assert.equal(defaultPackIdFor(plan), 'se-default');
  assert.equal(isBuiltinPackLoaded('se-default'), false);
  assert.equal(codeOf(() => getBuiltinPack('se-default')), 'pack-not-loaded');
  assert.equal(codeOf(() => checkCompleteness(plan)), 'pack-not-loaded');
  const [a, b] = await Promise.all([loadBuiltinPack('se-default'), loadBuiltinPack('se-default')]);
  assert.equal(a, b, 'one pack object, loaded once');
  assert.equal(getBuiltinPack('se-default'), a);
  assert.ok(Object.isFrozen(a) && Object.isFrozen(a.rules));
  // The shipped module is what loadRulePack makes of the JSON file (generated at build time).
  assert.deepEqual(a, loadRulePack(readPackFiles()['se-default']));
  assert.equal(checkCompleteness(plan).complete, checkCompleteness(plan, { pack: a }).complete);
  assert.equal(isBuiltinPackLoaded('no-default'), false, 'only what was asked for is loaded');
});

test('an unknown id is refused, as a rejection', async () => {
  await assert.rejects(loadBuiltinPack('se-nowhere' as 'se-default'), (e: unknown) => SipValidationError.is(e) && e.issues[0]?.code === 'pack-unknown');
});

test('only packs from loadRulePack, extendPack or the built-in registry are trusted: copies are refused, not compiled unchecked', async () => {
  const plan = example('se-sip');
  const pack = await loadBuiltinPack('se-default');
  const viaJson = loadRulePack(JSON.parse(JSON.stringify(pack)));
  assert.deepEqual(checkCompleteness(plan, { pack: viaJson }), checkCompleteness(plan, { pack }));
  // A deep-frozen copy looks like a pack but was never validated here.
  const freeze = <T>(v: T): T => {
    if (v && typeof v === 'object') {
      Object.values(v).forEach(freeze);
      Object.freeze(v);
    }
    return v;
  };
  const copy = freeze(structuredClone(pack));
  assert.equal(codeOf(() => checkCompleteness(plan, { pack: copy })), 'pack-invalid');
  // With invalid rules inside, it is refused the same way, never compiled into a crash.
  const hostile = freeze({ ...structuredClone(pack), rules: [{ conditions: { all: [{ fact: 'x', operator: 'nope', value: 1 }] }, event: { type: 'missing' } }] });
  assert.equal(codeOf(() => checkCompleteness(plan, { pack: hostile as unknown as typeof pack })), 'pack-invalid');
});

test('a validated pack whose calendar cannot count working days still refuses working-day operators when compiled', () => {
  const base = readPackFiles()['se-default'] as { settings: Record<string, unknown>; rules: unknown[] };
  const json = {
    ...base,
    settings: { ...base.settings, calendar: null },
    rules: [...base.rules, { name: 'x', conditions: { all: [{ fact: 'needIdentifiedOn', operator: 'workingDaysAtMost', value: 3 }] }, event: { type: 'missing', params: { code: 'x', path: 'x' } } }],
  };
  const pack = loadRulePack(json);
  assert.equal(codeOf(() => checkCompleteness(example('se-sip'), { pack })), 'rule-operator-unknown');
});

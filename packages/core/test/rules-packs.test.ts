import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  BUILTIN_PACK_IDS,
  SipValidationError,
  checkCompleteness,
  computeDeadlines,
  defaultPackFor,
  extendPack,
  getBuiltinPack,
  loadRulePack,
} from '../src/index.js';
import { readPackFiles, renderMirrors } from './support/rules-packs-source.js';
import { example } from './support/rules-examples.js';

test('the shipped pack mirrors match the JSON packs (SIP_WRITE_PACKS=1 rewrites them)', () => {
  for (const [file, expected] of renderMirrors(loadRulePack)) {
    if (process.env['SIP_WRITE_PACKS'] === '1') {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, expected);
    }
    assert.ok(existsSync(file), `${file} is missing: run with SIP_WRITE_PACKS=1`);
    assert.equal(readFileSync(file, 'utf8'), expected, `${file} is stale: run with SIP_WRITE_PACKS=1`);
  }
});

test('every built-in pack loads, and its file name is its id', () => {
  const files = readPackFiles();
  assert.deepEqual(Object.keys(files).sort(), [...BUILTIN_PACK_IDS].sort());
  for (const id of BUILTIN_PACK_IDS) {
    const pack = getBuiltinPack(id);
    assert.equal(pack.id, id);
    assert.ok(Object.isFrozen(pack) && Object.isFrozen(pack.rules));
    assert.ok(pack.rules.length > 5);
  }
});

test('the Swedish packs hold the regional numbers: 3 and 10 working days, discharge invitation in 3 calendar days', () => {
  for (const id of ['se-default', 'se-varmland-2014', 'se-discharge'] as const) {
    assert.equal(getBuiltinPack(id).settings.firstContactWithinWorkingDays, 3);
    assert.equal(getBuiltinPack(id).settings.meetingWithinWorkingDays, 10);
  }
  assert.equal(getBuiltinPack('se-discharge').settings.invitationWithinCalendarDays, 3);
});

test('the default pack follows the plan type, then the jurisdiction', () => {
  assert.equal(defaultPackFor({ type: 'se-sip' }).id, 'se-default');
  assert.equal(defaultPackFor({ type: 'se-sip-discharge' }).id, 'se-discharge');
  assert.equal(defaultPackFor({ type: 'no-ip' }).id, 'no-default');
  assert.equal(defaultPackFor({ type: 'pcsp' }).id, 'gb-pcsp');
  assert.equal(defaultPackFor({ jurisdiction: 'NO' }).id, 'no-default');
});

test('a pack with an unknown operator is refused with a path to the rule', () => {
  const json = structuredClone(readPackFiles()['se-default']) as { rules: { conditions: { all: { operator: string; fact?: string }[] } }[] };
  const rule = json.rules.find((r) => Array.isArray(r.conditions.all) && r.conditions.all[0]?.fact !== undefined)!;
  rule.conditions.all[0]!.operator = 'sortOf';
  assert.throws(() => loadRulePack(json), (e: unknown) => SipValidationError.is(e) && e.issues.some((i) => i.code === 'rule-operator-unknown' && i.path[0] === 'rules'));
});

test('a pack with a missing event without a code is refused', () => {
  const base = readPackFiles()['gb-pcsp'] as Record<string, unknown>;
  const bad = { ...base, rules: [{ conditions: { all: [] }, event: { type: 'missing', params: { path: 'goals' } } }] };
  assert.throws(() => loadRulePack(bad), (e: unknown) => SipValidationError.is(e) && e.issues[0]!.code === 'pack-event-invalid');
});

test('hostile pack input is refused with SipValidationError, never another error', () => {
  const inputs: unknown[] = [null, 42, 'se-default', [], { id: 'x' }, { ...(readPackFiles()['gb-pcsp'] as object), extra: 1 }, JSON.parse('{"__proto__":{"a":1}}')];
  for (const input of inputs) assert.throws(() => loadRulePack(input), (e: unknown) => SipValidationError.is(e));
});

test('a region extends a pack: a new setting changes the meeting deadline without copying the rules', () => {
  const plan = example('se-sip');
  const fast = extendPack(getBuiltinPack('se-default'), { id: 'se-fast', settings: { meetingWithinWorkingDays: 5 } });
  const meeting = (pack: typeof fast) => computeDeadlines(plan, { today: '2026-11-25', pack }).find((d) => d.kind === 'meeting')!;
  assert.equal(meeting(getBuiltinPack('se-default')).due, '2026-02-24');
  assert.equal(meeting(fast).due, '2026-02-17');
  assert.equal(fast.rules.length, getBuiltinPack('se-default').rules.length);
});

test('a region extends a pack: removing a rule and adding one changes completeness', () => {
  const plan = { ...example('se-sip'), coordinator: undefined };
  const pack = extendPack(getBuiltinPack('se-default'), {
    id: 'se-region',
    removeRules: ['missing.coordinator-missing'],
    rules: [{ name: 'missing.plan-period-missing', conditions: { all: [{ fact: 'planPeriodSet', operator: 'isFalse', value: true }] }, event: { type: 'missing', params: { code: 'plan-period-missing', path: 'planPeriod' } } }],
  });
  const codes = checkCompleteness(plan, { pack }).missing.map((m) => m.code);
  assert.ok(!codes.includes('coordinator-missing'));
  assert.ok(codes.includes('plan-period-missing'));
});

test('extending with an unknown rule name to remove is refused', () => {
  assert.throws(() => extendPack(getBuiltinPack('se-default'), { removeRules: ['nope'] }), (e: unknown) => SipValidationError.is(e) && e.issues[0]!.code === 'pack-rule-unknown');
});

test('a meeting deadline can be turned off by a setting of null', () => {
  const pack = extendPack(getBuiltinPack('se-default'), { settings: { meetingWithinWorkingDays: null } });
  assert.ok(!computeDeadlines(example('se-sip'), { today: '2026-11-25', pack }).some((d) => d.kind === 'meeting'));
});

test('every built-in pack validates against docs/pack.schema.json', async () => {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  // ajv-formats is CommonJS with a `default` export: under NodeNext it arrives one level down.
  const formats = (await import('ajv-formats')).default as unknown as { default: (ajv: object) => void };
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  formats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../../docs/pack.schema.json', import.meta.url), 'utf8')));
  for (const [id, pack] of Object.entries(readPackFiles())) assert.ok(validate(pack), `${id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
});

test('a deadline may leave out metBy (a rolling review), but not name a date the engine does not derive', () => {
  const base = readPackFiles()['gb-pcsp'] as Record<string, unknown>;
  const deadline = (params: Record<string, unknown>) => ({ ...base, settings: { calendar: null, every: 3 }, rules: [{ conditions: { all: [] }, event: { type: 'deadline', params } }] });
  const rolling = { kind: 'check-in', from: 'lastReviewedOn', within: 'every', unit: 'calendar-months' };
  assert.equal(loadRulePack(deadline(rolling)).rules.length, 1);
  for (const bad of [{ ...rolling, metBy: 'whenever' }, { ...rolling, unit: 'calendar-years' }, { ...rolling, from: 'today' }]) {
    assert.throws(() => loadRulePack(deadline(bad)), (e: unknown) => SipValidationError.is(e) && e.issues[0]!.code === 'pack-event-invalid', JSON.stringify(bad));
  }
});

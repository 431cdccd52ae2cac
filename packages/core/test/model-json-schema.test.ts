import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { LIMITS, planJsonSchema } from '../src/model/index.js';
import { generatePlanJsonSchema, generatedModule } from '../src/model/json-schema-source.js';
import { numRuns, planArbitrary } from './arbitraries.js';

const examplesDir = new URL('../examples/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, examplesDir), 'utf8')) as Record<string, any>] as const);

// ajv ships CommonJS with `exports.default`; under NodeNext the default import is the module object.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

function validator() {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(planJsonSchema());
}

describe('plan JSON Schema (2020-12)', () => {
  const validate = validator();

  test('is a 2020-12 schema that forbids unknown keys', () => {
    const schema = planJsonSchema();
    assert.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema['additionalProperties'], false);
  });

  for (const [name, plan] of examples) {
    test(`accepts the example ${name}`, () => {
      assert.equal(validate(plan), true, JSON.stringify(validate.errors));
    });
  }

  test('accepts generated valid plans', () => {
    fc.assert(
      fc.property(planArbitrary({ maxItems: 2 }), (plan) => {
        assert.equal(validate(JSON.parse(JSON.stringify(plan))), true, JSON.stringify(validate.errors));
      }),
      { numRuns: numRuns(30) },
    );
  });

  const invalid: [string, (p: Record<string, any>) => void][] = [
    ['an unknown key', (p) => (p['colour'] = 'blue')],
    ['an impossible date', (p) => (p['needIdentifiedOn'] = '2026-02-30')],
    ['an instant without offset', (p) => (p['consents'][0]['recordedAt'] = '2026-02-12T09:00:00')],
    ['a missing person', (p) => delete p['person']],
    ['an unknown plan type', (p) => (p['type'] = 'se-sip-adult')],
    ['a text over its limit', (p) => (p['goals'][0]['text'] = 'x'.repeat(LIMITS.text + 1))],
    ['a negative version', (p) => (p['version'] = -1)],
    ['a javascript: link', (p) => (p['meetings'][1]['link'] = 'javascript:alert(1)')],
    ['a bad consent giver', (p) => (p['consents'][0]['givenBy'] = { kind: 'neighbour' })],
    ['an id with spaces', (p) => (p['goals'][0]['id'] = 'goal one')],
  ];
  for (const [what, breakIt] of invalid) {
    test(`rejects ${what}`, () => {
      const plan = JSON.parse(JSON.stringify(examples.find(([n]) => n === 'se-sip.json')?.[1])) as Record<string, any>;
      breakIt(plan);
      assert.equal(validate(plan), false);
    });
  }

  test('docs/plan.schema.json and the generated module are what zod generates now (node --import tsx scripts/write-plan-schema.mjs)', () => {
    const fresh = generatePlanJsonSchema();
    assert.deepEqual(planJsonSchema(), fresh);
    const written = readFileSync(new URL('../../../docs/plan.schema.json', import.meta.url), 'utf8');
    assert.equal(written, `${JSON.stringify(fresh, null, 2)}\n`);
    assert.equal(readFileSync(new URL('../src/model/plan-schema.generated.ts', import.meta.url), 'utf8'), generatedModule(fresh));
    // A fresh copy each time: callers may change it.
    const a = planJsonSchema();
    (a as { title: string }).title = 'changed';
    assert.equal(planJsonSchema().title, 'sip-kit plan');
  });
});

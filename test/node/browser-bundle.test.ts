// What a vendor's bundler makes of the components for a browser: core's
// "browser" field swaps its zod module for zod-lite, and nothing on the
// components' path imports zod otherwise (pack loading, the rule validator and
// eligibility's input schema stay out unless a page calls them). Checked with
// two bundlers that honour the field: rollup (node-resolve, browser: true) and
// esbuild (platform: browser). Also: what each element loads on demand stays
// out of its first download. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build } from 'esbuild';
import { root } from '../lib/pack.js';

const ENTRY = join(root, 'packages/components/dist/define/all.js');
const isZod = (id: string) => /node_modules[\\/]zod[\\/]/.test(id);
const isLite = (id: string) => /core[\\/]dist[\\/]model[\\/]zod-lite\.js$/.test(id);

test('rollup: the components bundle validates with zod-lite and carries no zod', async () => {
  const bundle = await rollup({ input: ENTRY, plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] })], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  const ids = output.flatMap((o) => (o.type === 'chunk' ? Object.keys(o.modules).filter((id) => o.modules[id]!.renderedLength > 0) : []));
  assert.ok(ids.some(isLite), 'zod-lite is in the bundle');
  assert.deepEqual(ids.filter(isZod), []);
});

test('esbuild: the same', async () => {
  const result = await build({ entryPoints: [ENTRY], bundle: true, write: false, platform: 'browser', format: 'esm', splitting: true, outdir: join(root, '.tmp/esbuild-browser-bundle'), metafile: true, logLevel: 'silent', tsconfigRaw: {} });
  const ids = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([k]) => k));
  assert.ok(ids.some(isLite), 'zod-lite is in the bundle');
  assert.deepEqual(ids.filter(isZod), []);
});

/** Modules of each element that its first screen never shows: they must stay out of its first download (docs/development.md, "Parts loaded on demand"). */
const ON_DEMAND: Record<string, RegExp[]> = {
  'sip-plan-editor': [/plan-editor[\\/]person-view\.js$/, /plan-editor[\\/]party-view\.js$/, /messages[\\/]person-sv\.js$/, /core[\\/]dist[\\/]rules[\\/]redact\.js$/],
  'sip-consent': [/consent[\\/]parts[\\/]print-form\.js$/, /consent[\\/]parts[\\/]withdraw-form\.js$/, /consent[\\/]parts[\\/]cannot-consent\.js$/, /messages[\\/]print-sv\.js$/],
  'sip-followup': [/followup[\\/]parts[\\/]ics-export\.js$/, /followup[\\/]parts[\\/]party-copy\.js$/, /core[\\/]dist[\\/]ical\.js$/, /core[\\/]dist[\\/]rules[\\/]redact\.js$/],
};

for (const [element, lazy] of Object.entries(ON_DEMAND)) {
  test(`rollup: <${element}>'s first download leaves out what its first screen never shows, and the on-demand chunks have it`, async () => {
    const bundle = await rollup({
      input: join(root, `packages/components/dist/define/${element}.js`),
      plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] })],
      onwarn: () => {},
    });
    const { output } = await bundle.generate({ format: 'esm' });
    await bundle.close();
    const chunks = new Map(output.flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
    const eager = new Set<string>();
    const visit = (name: string) => {
      if (eager.has(name)) return;
      eager.add(name);
      for (const dep of chunks.get(name)?.imports ?? []) visit(dep);
    };
    visit(output.find((o) => o.type === 'chunk' && o.isEntry)!.fileName);
    const modulesOf = (names: Iterable<string>) => [...names].flatMap((n) => Object.keys(chunks.get(n)!.modules));
    const first = modulesOf(eager);
    const later = modulesOf([...chunks.keys()].filter((n) => !eager.has(n)));
    for (const part of lazy) {
      assert.deepEqual(first.filter((id) => part.test(id)), [], `${part} is not in the first download`);
      assert.ok(later.some((id) => part.test(id)), `${part} is in an on-demand chunk`);
    }
  });
}

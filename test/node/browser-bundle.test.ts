// What a vendor's bundler makes of the components for a browser: core's
// "browser" field swaps its zod module for zod-lite, and nothing on the
// components' path imports zod otherwise (pack loading, the rule validator and
// eligibility's input schema stay out unless a page calls them). Checked with
// two bundlers that honour the field: rollup (node-resolve, browser: true) and
// esbuild (platform: browser). Needs `npm run build` first.
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

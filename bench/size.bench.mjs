// Min+gzip size of each public entry with everything it pulls in, bundled the
// way a vendor's bundler would (node-resolve, browser conditions, terser).
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../scripts/lib/run.mjs';

const KB = 1024;
/** Budgets in bytes (min+gzip). */
export const BUDGETS = {
  component: 30 * KB,
  allComponentsAndCore: 40 * KB,
};

async function gzipSize(input) {
  const bundle = await rollup({
    input,
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }), terser({ format: { comments: false } })],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'esm', inlineDynamicImports: true });
  await bundle.close();
  const code = output.map((o) => (o.type === 'chunk' ? o.code : '')).join('\n');
  return { min: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length };
}

const fmt = (n) => `${(n / KB).toFixed(1)} kB`;

export async function run() {
  const failures = [];
  const dist = (p) => join(root, p);
  if (!existsSync(dist('packages/core/dist/index.js'))) {
    console.log('dist/ missing: run `npm run build` first.');
    return { failures: ['sizes: no build'] };
  }
  const rows = [];
  const core = await gzipSize(dist('packages/core/dist/index.js'));
  rows.push(['@sip-kit/core', core]);
  const defineDir = dist('packages/components/dist/define');
  const defines = existsSync(defineDir) ? readdirSync(defineDir).filter((f) => f.endsWith('.js') && f !== 'all.js') : [];
  for (const f of defines) {
    const size = await gzipSize(join(defineDir, f));
    rows.push([`define/${f}`, size]);
    if (f.startsWith('sip-') && size.gz > BUDGETS.component) failures.push(`define/${f} is ${fmt(size.gz)} > ${fmt(BUDGETS.component)}`);
  }
  if (existsSync(join(defineDir, 'all.js'))) {
    const all = await gzipSize(join(defineDir, 'all.js'));
    rows.push(['all components + core (one locale)', all]);
    if (all.gz > BUDGETS.allComponentsAndCore) failures.push(`all components + core is ${fmt(all.gz)} > ${fmt(BUDGETS.allComponentsAndCore)}`);
  }
  console.log('entry'.padEnd(44), 'min'.padStart(10), 'min+gzip'.padStart(10));
  for (const [name, s] of rows) console.log(name.padEnd(44), fmt(s.min).padStart(10), fmt(s.gz).padStart(10));
  console.log(`budgets: each component ≤ ${fmt(BUDGETS.component)}, all three + core ≤ ${fmt(BUDGETS.allComponentsAndCore)}`);
  return { failures };
}

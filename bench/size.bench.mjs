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

/**
 * Bundles `input` like a vendor's bundler would and measures what a page loads
 * before first render: the entry chunk, everything it imports statically, and
 * the rule pack a Swedish SIP is judged by (built-in packs load on demand, but
 * the first render of a plan needs one, so it is counted). Other chunks
 * reached only through `import()` (other packs, other locales, the default
 * browser repository) load on demand and are reported as `lazy`.
 */
async function gzipSize(input) {
  const bundle = await rollup({
    input,
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }), terser({ format: { comments: false } })],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const entry = output.find((o) => o.type === 'chunk' && o.isEntry);
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of chunks.get(name)?.imports ?? []) visit(dep);
  };
  visit(entry.fileName);
  // The one pack a first render needs (for the demo's Swedish SIP: se-default).
  for (const c of chunks.values()) if (c.moduleIds.some((id) => /rules[\\/]builtin-packs[\\/]se-default\./.test(id))) visit(c.fileName);
  const eager = [...seen].map((n) => chunks.get(n).code).join('\n');
  const lazy = [...chunks.values()].filter((c) => !seen.has(c.fileName)).map((c) => c.code).join('\n');
  return { min: Buffer.byteLength(eager), gz: gzipSync(eager, { level: 9 }).length, lazyGz: lazy ? gzipSync(lazy, { level: 9 }).length : 0 };
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
  // What a browser gets for `@sip-kit/core` (the `browser` export condition).
  const core = await gzipSize(dist('packages/core/dist/index.browser.js'));
  rows.push(['@sip-kit/core (browser entry)', core]);
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
  console.log('entry (before first render, with one pack)'.padEnd(44), 'min'.padStart(10), 'min+gzip'.padStart(10), 'lazy gzip'.padStart(11));
  for (const [name, s] of rows) console.log(name.padEnd(44), fmt(s.min).padStart(10), fmt(s.gz).padStart(10), fmt(s.lazyGz).padStart(11));
  console.log(`budgets: each component ≤ ${fmt(BUDGETS.component)}, all three + core ≤ ${fmt(BUDGETS.allComponentsAndCore)}`);
  return { failures };
}

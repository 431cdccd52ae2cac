// Builds every workspace package to unbundled ESM in its dist/ (one file per
// source module, so bundlers can tree-shake), plus single-file bundles for a
// plain <script type="module"> in dist/cdn/. Types come from tsc (scripts/build.mjs).
import { readdirSync, statSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const SKIP = /\.(test|stories|spec)\.ts$/;

function sources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && !SKIP.test(name)) out.push(full);
  }
  return out;
}

function external(pkgDir) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  return (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`));
}

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', sourceMap: false });

/** Unbundled ESM for one package. */
function unbundled(name) {
  const pkgDir = `packages/${name}`;
  const files = sources(join(pkgDir, 'src'));
  const input = Object.fromEntries(files.map((f) => [relative(join(pkgDir, 'src'), f).replace(/\.ts$/, ''), f]));
  return {
    input,
    external: external(pkgDir),
    plugins: [ts()],
    output: { dir: join(pkgDir, 'dist'), format: 'esm', entryFileNames: '[name].js', chunkFileNames: '_chunks/[name]-[hash].js', hoistTransitiveImports: false },
    onwarn(warning, warn) {
      if (warning.code === 'EMPTY_BUNDLE') return;
      warn(warning);
    },
  };
}

/** One self-contained, minified file for CDN-style use: every element defined. */
function cdnBundle() {
  const entry = 'packages/components/src/define/all.ts';
  if (!existsSync(entry)) return [];
  return [
    {
      input: entry,
      plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }), ts(), terser({ format: { comments: false } })],
      output: { file: 'packages/components/dist/cdn/sip-kit.js', format: 'esm', inlineDynamicImports: true },
    },
  ];
}

const hasSources = (name) => sources(`packages/${name}/src`).length > 0;

export default [...['core', 'adapters', 'components'].filter(hasSources).map(unbundled), ...cdnBundle()];

#!/usr/bin/env node
// Builds the framework examples into examples/<name>/dist from the built
// packages (run `npm run build` first): html copies the single-file CDN bundle,
// react and vue use Vite's JS API, angular compiles AOT with ngc and bundles
// with esbuild (running Angular's linker on the partially compiled framework
// packages, as the Angular CLI does). Usage: node scripts/build-examples.mjs [name…]
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run, root } from './lib/run.mjs';

export const EXAMPLES = ['html', 'react', 'vue', 'angular'];

const examplesDir = join(root, 'examples');
const cdnBundle = join(root, 'packages/components/dist/cdn/sip-kit.js');
const examplePlan = join(root, 'packages/core/examples/se-sip.json');

function needsBuiltPackages() {
  for (const file of [cdnBundle, join(root, 'packages/components/dist/define/all.js'), join(root, 'packages/core/dist/index.js')]) {
    if (!existsSync(file)) throw new Error(`build-examples: ${file} is missing; run \`npm run build\` first`);
  }
}

/** Plain HTML: the page, its script, the CDN bundle and the example plan, side by side. */
function buildHtml(dir, out) {
  mkdirSync(out, { recursive: true });
  for (const file of ['index.html', 'main.js']) cpSync(join(dir, file), join(out, file));
  cpSync(cdnBundle, join(out, 'sip-kit.js'));
  cpSync(examplePlan, join(out, 'se-sip.json'));
}

/** React and Vue: `vite build` with the example's own vite.config.mjs. */
async function buildVite(dir) {
  const { build } = await import('vite');
  await build({
    configFile: join(dir, 'vite.config.mjs'),
    logLevel: 'warn',
    build: {
      rollupOptions: {
        // Rollup drops misplaced /* @__PURE__ */ comments in dependencies (zod) and says so; nothing to act on.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  });
}

/** Runs Angular's linker (Babel) on framework files shipped in partial-compilation form. */
function angularLinker() {
  const requireFromCli = createRequire(createRequire(import.meta.url).resolve('@angular/compiler-cli/package.json'));
  return {
    name: 'angular-linker',
    async setup(build) {
      const babel = requireFromCli('@babel/core');
      const { default: linkerPlugin } = await import('@angular/compiler-cli/linker/babel');
      build.onLoad({ filter: /[\\/]node_modules[\\/]@angular[\\/].*\.m?js$/ }, async (args) => {
        const code = await readFile(args.path, 'utf8');
        if (!code.includes('ɵɵngDeclare')) return { contents: code, loader: 'js' };
        const result = await babel.transformAsync(code, {
          filename: args.path,
          plugins: [linkerPlugin],
          babelrc: false,
          configFile: false,
          compact: false,
          sourceMaps: false,
        });
        return { contents: result.code, loader: 'js' };
      });
    },
  };
}

/** Angular: ngc (AOT, full compilation) into dist/.ngc, then one esbuild bundle. */
async function buildAngular(dir, out) {
  const ngcOut = join(out, '.ngc');
  await run('ngc', ['-p', join(dir, 'tsconfig.json')]);
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(ngcOut, 'main.js')],
    outfile: join(out, 'main.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Only this tsconfig: the root one maps @sip-kit/* to sources, which would bundle core twice.
    tsconfig: join(dir, 'tsconfig.json'),
    // The packages' dist files keep bare imports of pure modules; dropping them is right.
    logOverride: { 'ignored-bare-import': 'silent' },
    // What the Angular CLI sets for a production build: no dev-mode checks, no JIT.
    define: { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false' },
    plugins: [angularLinker()],
  });
  rmSync(ngcOut, { recursive: true, force: true });
  cpSync(join(dir, 'index.html'), join(out, 'index.html'));
}

/** Builds one example into examples/<name>/dist and returns that path. */
export async function buildExample(name) {
  if (!EXAMPLES.includes(name)) throw new Error(`build-examples: unknown example "${name}" (known: ${EXAMPLES.join(', ')})`);
  needsBuiltPackages();
  const dir = join(examplesDir, name);
  const out = join(dir, 'dist');
  rmSync(out, { recursive: true, force: true });
  if (name === 'html') buildHtml(dir, out);
  else if (name === 'angular') await buildAngular(dir, out);
  else await buildVite(dir);
  if (!existsSync(join(out, 'index.html'))) throw new Error(`build-examples: ${name} wrote no index.html`);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : EXAMPLES;
  for (const name of names) {
    const started = Date.now();
    await buildExample(name);
    const size = readFileSync(join(examplesDir, name, 'dist/index.html')).length;
    console.log(`examples/${name}/dist built in ${((Date.now() - started) / 1000).toFixed(1)} s (index.html ${size} B)`);
  }
}

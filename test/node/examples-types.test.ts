// Type-checks the React and Vue examples the way a vendor's editor would,
// against the built packages' types (run `npm run build` first). The Angular
// example needs no test here: its build (ngc, strictTemplates) type-checks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { parse, compileScript, type SFCTemplateCompileOptions } from '@vue/compiler-sfc';

const root = join(import.meta.dirname, '..', '..');

test('the React example type-checks with the repository\'s TypeScript (JSX types for <sip-*> tags, typed wrapper events)', { timeout: 60_000 }, () => {
  // The repository's tsc, not whatever npx would find.
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(root, 'examples/react')], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc -p examples/react:\n${run.stdout}${run.stderr}`);
});

/**
 * Checks what can be checked without vue-tsc: App.vue compiled by
 * @vue/compiler-sfc with the example's own Vite options (as the build does,
 * template inlined into setup), then the result and src/main.ts type-checked
 * with tsconfig.json. That covers the script, the template's expressions
 * against the script's bindings, and the import in main.ts. Not covered: types
 * of `$event` in handlers (the compiler writes `any`) and attribute names on
 * the sip-* tags (custom elements, left to the browser).
 */
test('the Vue example\'s App.vue and main.ts type-check (script and template expressions, via @vue/compiler-sfc)', { timeout: 60_000 }, async () => {
  const dir = join(root, 'examples/vue');
  const file = join(dir, 'src/App.vue');
  const config = (await import(join(dir, 'vite.config.mjs'))).default as { plugins: unknown[] };
  const vue = config.plugins.flat().find((p): p is { api: { options: { template?: SFCTemplateCompileOptions } } } => (p as { name?: string } | null)?.name === 'vite:vue');
  assert.ok(vue, 'examples/vue/vite.config.mjs uses @vitejs/plugin-vue');
  const compilerOptions = vue.api.options.template?.compilerOptions ?? {};

  const { descriptor, errors } = parse(readFileSync(file, 'utf8'), { filename: file, templateParseOptions: compilerOptions });
  assert.deepEqual(errors, [], 'App.vue parses');
  assert.equal(descriptor.scriptSetup?.lang, 'ts', 'App.vue uses <script setup lang="ts">');
  const compiled = compileScript(descriptor, { id: 'app', inlineTemplate: true, templateOptions: { compilerOptions } });
  // Every tag is an element or a custom element (no component to resolve), and
  // every name in the template is a binding of <script setup> (an unknown name
  // would fall back to `_ctx.name`, typed any, and pass the check below).
  assert.doesNotMatch(compiled.content, /resolveComponent\(/, 'no tag is left for Vue to resolve as a component');
  assert.doesNotMatch(compiled.content, /_ctx\.\w+/, 'every template expression uses a <script setup> binding');

  // `import App from './App.vue'` resolves to App.vue.ts: serve the compiled code there.
  const virtual = `${file}.ts`;
  const { config: tsconfig } = ts.readConfigFile(join(dir, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(tsconfig, ts.sys, dir);
  assert.deepEqual(parsed.errors, []);
  const host = ts.createCompilerHost(parsed.options);
  const { fileExists, readFile } = host;
  host.fileExists = (f) => f === virtual || fileExists.call(host, f);
  host.readFile = (f) => (f === virtual ? compiled.content : readFile.call(host, f));
  const program = ts.createProgram({ rootNames: [...parsed.fileNames, virtual], options: parsed.options, host });
  assert.ok(program.getSourceFile(virtual), 'the compiled App.vue is part of the program');
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const text = ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' });
  assert.equal(diagnostics.length, 0, `examples/vue does not type-check:\n${text}\n--- compiled App.vue.ts ---\n${compiled.content}`);
});

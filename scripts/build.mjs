#!/usr/bin/env node
// Build order matters: core's .d.ts must exist before adapters and components
// type-check against it through their package exports.
import { rmSync } from 'node:fs';
import { run, root } from './lib/run.mjs';

const packages = ['core', 'adapters', 'components'];
for (const p of packages) rmSync(`${root}/packages/${p}/dist`, { recursive: true, force: true });

// The plan's JSON Schema is generated from the zod schema into a source module first.
await run('node', ['--import', 'tsx', 'scripts/write-plan-schema.mjs']);
await run('rollup', ['-c', 'rollup.config.js', '--silent']);
for (const p of packages) await run('tsc', ['-p', `packages/${p}/tsconfig.build.json`]);
await run('cem', ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
console.log('build: dist/ written for core, adapters, components; custom-elements.json generated');

#!/usr/bin/env node
// `npm start`: install if needed, build, then serve the demo journal page.
// It keeps serving until stopped (Ctrl+C).
import { ensureDependencies } from './lib/deps.mjs';
import { run } from './lib/run.mjs';

await ensureDependencies();
await run('node', ['scripts/build.mjs']);
const { startDemoServer } = await import('./lib/demo-server.mjs');
const port = Number(process.env.PORT ?? 8080);
const server = await startDemoServer({ port, host: process.env.HOST ?? 'localhost' });
const address = server.address();
console.log(`sip-kit demo: http://localhost:${typeof address === 'object' && address ? address.port : port}/  (Ctrl+C to stop)`);

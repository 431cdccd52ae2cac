// Installs dependencies when node_modules is missing or older than the lock
// file, so `npm start` works on a fresh clone with no other step.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { run, root } from './run.mjs';

const stamp = join(root, 'node_modules', '.sip-kit-lock-hash');

function lockHash() {
  const lock = join(root, 'package-lock.json');
  return existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : 'no-lock';
}

/** Runs `npm ci` when node_modules is missing or was installed from another lock file. */
export async function ensureDependencies() {
  const want = lockHash();
  const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
  if (existsSync(join(root, 'node_modules', '.package-lock.json')) && have === want) return;
  console.log('Installing dependencies (npm ci)…');
  await run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, want);
}

/** Records that node_modules matches the current lock file (after a CI install). */
export function markDependenciesInstalled() {
  writeFileSync(stamp, lockHash());
}

// Small helpers shared by the project's scripts: run a command with the local
// node_modules/.bin on PATH, and know where the repository root is.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, delimiter } from 'node:path';

/** Absolute path of the repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Runs `cmd args` from the repository root, inheriting stdio unless `capture`.
 * Resolves with { code, stdout }; rejects on a non-zero exit unless `allowFail`.
 */
export function run(cmd, args = [], { env = {}, allowFail = false, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
      env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH}`, ...env },
    });
    let stdout = '';
    if (capture) child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && !allowFail) reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`));
      else resolve({ code: code ?? 1, stdout });
    });
  });
}

// `npm pack` of the workspace packages, shared by the pack-contents test and
// the fresh-folder getting-started test. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

/** The published packages, in dependency order. */
export const PACKAGES = ['core', 'adapters', 'components'] as const;
export type PackageName = (typeof PACKAGES)[number];

/** What `npm pack --json` reports for one package. */
export interface PackResult {
  name: string;
  filename: string;
  files: { path: string }[];
}

/**
 * Packs `names` (without lifecycle scripts). With `destination` the tarballs
 * are written there; without it this is a dry run that only lists the files.
 */
export function npmPack(names: readonly PackageName[], destination?: string): PackResult[] {
  const args = ['pack', '--json', '--ignore-scripts', ...names.flatMap((n) => ['-w', `packages/${n}`])];
  if (destination) args.push('--pack-destination', destination);
  else args.push('--dry-run');
  const out = execFileSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out) as PackResult[];
}

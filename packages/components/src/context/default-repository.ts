import type { RepositoryService } from './services.js';

let shared: Promise<RepositoryService | undefined> | undefined;

/**
 * The repository used when the host gives none: browser storage
 * (`browserRepository()` from `@sip-kit/adapters`, IndexedDB). Loaded on first
 * use so pages that bring their own repository never download it. Resolves to
 * `undefined` when browser storage is unavailable (then nothing autosaves, and
 * elements say so).
 */
export function defaultRepository(): Promise<RepositoryService | undefined> {
  shared ??= import('@sip-kit/adapters').then(
    (mod: Record<string, unknown>) => {
      const make = mod['browserRepository'];
      return typeof make === 'function' ? (make() as RepositoryService) : undefined;
    },
    () => undefined,
  );
  return shared;
}

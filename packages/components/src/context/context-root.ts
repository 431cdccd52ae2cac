import { ContextRoot } from '@lit/context';

const FLAG = 'sip-kit/context-root@1';

/**
 * Attaches one `ContextRoot` to the document (once per page, even with two
 * copies of the SDK), so an element that asks for a service before its
 * provider has upgraded is connected when the provider arrives.
 */
export function ensureContextRoot(): void {
  if (typeof document === 'undefined') return;
  const g = globalThis as Record<string, unknown>;
  if (g[FLAG]) return;
  g[FLAG] = true;
  new ContextRoot().attach(document.documentElement);
}

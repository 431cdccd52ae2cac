import { ContextProvider, type Context } from '@lit/context';
import { ensureContextRoot } from './context-root.js';
import { actorContext, localeContext, planStoreContext, repositoryContext, rulesContext, saverContext } from './keys.js';
import { PlanSaver } from './saver.js';
import type { SipServices } from './services.js';

/**
 * Marks an element as a locale provider (a function telling whether it
 * provides a locale right now), so elements below can tell whether a `lang`
 * attribute is nearer than the provider: the nearer one wins. A string key, so
 * two SDK copies agree.
 */
export const LOCALE_PROVIDER_MARK = 'sip-kit/locale-provider@1';

/** What {@link provideSip} returns. */
export interface SipProvision {
  /** Replaces some services; elements below re-render with them. */
  update(services: Partial<SipServices>): void;
  /** The services currently provided (including an autosaver made for you). */
  readonly services: SipServices;
  /** Stops providing and stops autosaving. */
  dispose(): void;
}

/** Options for {@link provideSip}. */
export interface ProvideOptions {
  /** Autosave the store to the repository when both are given and no `saver` is (default true). */
  autosave?: boolean;
  /** Autosave debounce in milliseconds (default 1000). */
  autosaveDelay?: number;
}

type AnyProvider = ContextProvider<Context<unknown, unknown>>;

const KEYS = {
  store: planStoreContext,
  rules: rulesContext,
  locale: localeContext,
  repository: repositoryContext,
  actor: actorContext,
  saver: saverContext,
} as const;

/**
 * Provides sip-kit services to every element inside `root`, for hosts that
 * cannot add a `<sip-context>` element (a framework root, a journal's panel).
 *
 * ```js
 * const sip = provideSip(document.querySelector('#panel'), { store, rules, locale: 'nb' });
 * sip.update({ locale: 'en' });
 * ```
 */
export function provideSip(root: HTMLElement, services: SipServices, options: ProvideOptions = {}): SipProvision {
  ensureContextRoot();
  const providers = new Map<keyof typeof KEYS, AnyProvider>();
  let current: SipServices = {};
  let ownSaver: PlanSaver | undefined;
  (root as unknown as Record<string, unknown>)[LOCALE_PROVIDER_MARK] = () => current.locale !== undefined;

  const apply = (next: SipServices) => {
    const merged = { ...current, ...next };
    if (options.autosave !== false && !next.saver && (next.store !== undefined || next.repository !== undefined)) {
      ownSaver?.dispose();
      ownSaver = merged.store && merged.repository ? new PlanSaver(merged.store, merged.repository, options.autosaveDelay) : undefined;
      merged.saver = ownSaver;
    }
    current = merged;
    for (const name of Object.keys(KEYS) as (keyof typeof KEYS)[]) {
      const value = merged[name];
      let provider = providers.get(name);
      if (!provider) {
        provider = new ContextProvider(root, { context: KEYS[name] as Context<unknown, unknown>, initialValue: value });
        providers.set(name, provider);
        provider.hostConnected();
      } else if (provider.value !== value) {
        provider.setValue(value);
      }
    }
  };
  apply(services);

  return {
    update: apply,
    get services() {
      return current;
    },
    dispose() {
      ownSaver?.dispose();
      for (const provider of providers.values()) {
        provider.setValue(undefined);
        root.removeEventListener('context-request', provider.onContextRequest);
        root.removeEventListener('context-provider', provider.onProviderRequest);
      }
      providers.clear();
      delete (root as unknown as Record<string, unknown>)[LOCALE_PROVIDER_MARK];
    },
  };
}

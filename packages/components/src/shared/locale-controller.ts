import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_LOCALE, isLocale, isLocaleLoaded, loadLocale, resolveLocale, type Locale } from '@sip-kit/core';
import { localeContext } from '../context/keys.js';
import { LOCALE_PROVIDER_MARK } from '../context/provide.js';
import type { Catalogue } from '../i18n/catalogue.js';

type Host = ReactiveControllerHost & HTMLElement & { locale?: string | undefined };

const controllers = new Set<LocaleController>();
let observer: MutationObserver | undefined;

/** One observer for the whole document: `lang` changes are rare, so every controller just re-resolves. */
function watchLang(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const c of controllers) c.resolve();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The locale for a BCP 47 tag, or undefined for an empty one. */
function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  return isLocale(tag) ? tag : resolveLocale(tag);
}

/**
 * Where an element's UI language comes from, nearest first:
 * 1. the element's own `locale` property;
 * 2. a `lang` attribute on the element or an ancestor (crossing shadow roots)
 *    that is nearer than the provider;
 * 3. the provider's locale (`<sip-context locale>`, `provideSip({ locale })`);
 * 4. a `lang` further up (e.g. `<html lang>`);
 * 5. Swedish.
 * A provider deeper in the page than `<html lang>` is a deliberate choice, so
 * it beats the page's language, and a `lang` set on or near the element beats
 * the provider.
 */
export function resolveElementLocale(element: HTMLElement, provided: Locale | undefined, own?: string): Locale {
  const explicit = toLocale(own);
  if (explicit) return explicit;
  let node: Node | null = element;
  let providerSeen = false;
  let beyond: Locale | undefined;
  while (node) {
    if (node instanceof Element) {
      const lang = toLocale(node.getAttribute('lang'));
      if (lang) {
        if (!providerSeen) return lang;
        beyond ??= lang;
        break;
      }
      const mark = (node as unknown as Record<string, unknown>)[LOCALE_PROVIDER_MARK];
      if (typeof mark === 'function' && mark()) providerSeen = true;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return provided ?? beyond ?? DEFAULT_LOCALE;
}

/**
 * Keeps an element's locale current (see {@link resolveElementLocale}) and
 * loads the catalogues it needs, so only the active locale's strings are
 * fetched. The host re-renders when the locale changes or its strings arrive;
 * until then it renders in Swedish.
 */
export class LocaleController implements ReactiveController {
  /** The resolved locale. */
  value: Locale = DEFAULT_LOCALE;
  private provided: Locale | undefined;
  private loading: Promise<unknown> = Promise.resolve();

  /**
   * @param host - The element.
   * @param catalogues - The catalogues its UI uses (its own and `sharedMessages`).
   */
  constructor(
    private readonly host: Host,
    private readonly catalogues: Catalogue<string>[],
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: localeContext,
      subscribe: true,
      callback: (value) => {
        this.provided = value;
        this.resolve();
      },
    });
  }

  /** Resolves once the active locale's strings are loaded. */
  get ready(): Promise<unknown> {
    return this.loading;
  }

  /**
   * Adds a catalogue the element needs from now on — a part's own strings,
   * loaded with the part (see `LazyPart`). Loads it for the active locale and
   * keeps it loaded on every later locale change (adding it again only makes
   * sure the active locale is loaded). Resolves once it is.
   */
  use(catalogue: Catalogue<string>): Promise<unknown> {
    if (!this.catalogues.includes(catalogue)) this.catalogues.push(catalogue);
    return catalogue.load(this.value);
  }

  hostConnected(): void {
    controllers.add(this);
    watchLang();
    this.resolve();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  /** Works the locale out again (called on `lang` changes, provider changes and by the host when `locale` changes). */
  resolve(): void {
    const next = resolveElementLocale(this.host, this.provided, this.host.locale);
    // Core's messages (validation and rule texts) load per locale too.
    const missing = !isLocaleLoaded(next) || this.catalogues.some((c) => !c.peek(next));
    if (next === this.value && !missing) return;
    this.value = next;
    this.host.requestUpdate();
    if (missing) {
      const core = loadLocale(next).catch((error: unknown) => console.warn(`sip-kit: the ${next} messages could not be loaded`, error));
      this.loading = Promise.all([core, ...this.catalogues.map((c) => c.load(next))]).then(() => {
        if (this.value === next) this.host.requestUpdate();
      });
    }
  }
}

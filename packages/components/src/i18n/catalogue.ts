import { DEFAULT_LOCALE, type Locale } from '@sip-kit/core';

/** A catalogue of UI strings: one plain-language string per key; `{name}` placeholders. */
export type UiMessages<K extends string = string> = Readonly<Record<K, string>>;

/** Loads one locale's catalogue (a dynamic `import()` so only the active locale is fetched). */
export type CatalogueLoader<K extends string> = () => Promise<{ default: UiMessages<K> }>;

/**
 * A component's UI strings in every locale: Swedish is bundled (the default and
 * the fallback), the other locales are loaded on first use. Each component owns
 * one catalogue, so a page that uses only the editor never loads the consent
 * form's strings.
 */
export class Catalogue<K extends string> {
  private readonly loaded = new Map<Locale, UiMessages<K>>();
  private readonly pending = new Map<Locale, Promise<UiMessages<K>>>();

  /**
   * @param sv - The Swedish catalogue (always bundled).
   * @param loaders - How to load every other locale, e.g. `{ en: () => import('./messages/en.js') }`.
   */
  constructor(
    readonly sv: UiMessages<K>,
    private readonly loaders: Partial<Record<Locale, CatalogueLoader<K>>>,
  ) {
    this.loaded.set(DEFAULT_LOCALE, sv);
  }

  /** The catalogue for `locale` when it is loaded, else `undefined`. */
  peek(locale: Locale): UiMessages<K> | undefined {
    return this.loaded.get(locale);
  }

  /** Loads `locale` (once); resolves to Swedish when the locale has no catalogue or loading fails. */
  load(locale: Locale): Promise<UiMessages<K>> {
    const ready = this.loaded.get(locale);
    if (ready) return Promise.resolve(ready);
    let p = this.pending.get(locale);
    if (!p) {
      const loader = this.loaders[locale];
      p = loader
        ? loader().then(
            (m) => {
              this.loaded.set(locale, m.default);
              return m.default;
            },
            () => this.sv,
          )
        : Promise.resolve(this.sv);
      this.pending.set(locale, p);
    }
    return p;
  }

  /**
   * The string for `key` in `locale` with `{name}` placeholders filled.
   * Falls back to Swedish while a locale is loading, then to the key itself.
   */
  t(locale: Locale, key: K, params?: Readonly<Record<string, string | number>>): string {
    const template = this.loaded.get(locale)?.[key] ?? this.sv[key] ?? key;
    return fill(template, params);
  }
}

/** Fills `{name}` placeholders from `params`; unknown placeholders stay as written. */
export function fill(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

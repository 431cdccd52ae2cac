/**
 * Translations: message catalogues for sv (default), nb, nn and en, and
 * `formatIssues` to turn validation or rule issues into plain-language text.
 * @module
 */
import type { SipIssue } from '../errors.js';
import { DEFAULT_LOCALE, isLocale, type Locale, resolveLocale } from './locales.js';
import { type MessageKey, type Messages, sv } from './messages/sv.js';

export { DEFAULT_LOCALE, LOCALES, isLocale, resolveLocale, type Locale } from './locales.js';
export type { MessageKey, Messages } from './messages/sv.js';

const catalogues: Partial<Record<Locale, Messages>> = { sv };

/**
 * The catalogues loaded so far, by locale. Swedish always; in Node all four
 * from the start; in browsers the others after {@link loadLocale}.
 */
export const MESSAGES: Readonly<Partial<Record<Locale, Messages>>> = catalogues;

// Literal import() calls, so bundlers give each locale its own chunk.
const LOADERS: Readonly<Record<Exclude<Locale, 'sv'>, () => Promise<Record<string, Messages>>>> = {
  nb: () => import('./messages/nb.js'),
  nn: () => import('./messages/nn.js'),
  en: () => import('./messages/en.js'),
};
const pendingLocales = new Map<Locale, Promise<void>>();

/**
 * Makes catalogues available. Called by the Node entry for every locale and by
 * {@link loadLocale}.
 * @internal
 */
export function registerMessages(messages: Readonly<Partial<Record<Locale, Messages>>>): void {
  for (const [locale, catalogue] of Object.entries(messages)) if (isLocale(locale) && catalogue) catalogues[locale] = catalogue;
}

/** True when `locale`'s messages are there for {@link translate} and {@link formatIssues}. */
export function isLocaleLoaded(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/**
 * Loads `locale`'s messages (in browsers, its own small chunk, fetched once).
 * Until then {@link translate} and {@link formatIssues} answer in Swedish for
 * that locale. In Node every locale is loaded from the start. Any BCP 47 tag
 * is accepted (see {@link resolveLocale}).
 */
export function loadLocale(locale: Locale | string): Promise<void> {
  const resolved = toLocale(locale);
  if (isLocaleLoaded(resolved) || resolved === 'sv') return Promise.resolve();
  let p = pendingLocales.get(resolved);
  if (!p) {
    p = LOADERS[resolved]().then(
      (module) => {
        const catalogue = module[resolved];
        if (catalogue) registerMessages({ [resolved]: catalogue });
      },
      (error: unknown) => {
        pendingLocales.delete(resolved); // a failed fetch (offline) may be retried
        throw error;
      },
    );
    pendingLocales.set(resolved, p);
  }
  return p;
}

/** True when `key` is a message key of the catalogues. */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(sv, key);
}

function toLocale(locale: Locale | string | undefined): Locale {
  if (locale === undefined) return DEFAULT_LOCALE;
  return isLocale(locale) ? locale : resolveLocale(locale);
}

/** Fills `{name}` placeholders from `params`; unknown placeholders are left as they are. */
function interpolate(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The message for `key` in `locale` (a {@link Locale} or any BCP 47 tag, see
 * {@link resolveLocale}), with `{name}` placeholders filled from `params`.
 * Falls back to Swedish (also for a locale not loaded yet, see
 * {@link loadLocale}), then to the key itself.
 */
export function translate(key: MessageKey, locale?: Locale | string, params?: Readonly<Record<string, string | number>>): string {
  const template = catalogues[toLocale(locale)]?.[key] ?? sv[key] ?? key;
  return interpolate(template, params);
}

/** What `formatIssues` reads from an issue: a {@link SipIssue}, or a rule result with the same `code`/`message`/`params`. */
export type FormattableIssue = Pick<SipIssue, 'code' | 'message'> & { params?: SipIssue['params'] | undefined; path?: unknown };

/**
 * Plain-language messages for `issues`, one per issue in the same order, in
 * `locale`. Looks up `issue.<code>`; a code without a message falls back to the
 * issue's own (English) `message`, so new codes never show as blank.
 */
export function formatIssues(issues: readonly FormattableIssue[], locale?: Locale | string): string[] {
  const resolved = toLocale(locale);
  return issues.map((found) => {
    const key = `issue.${found.code}`;
    return hasMessage(key) ? translate(key, resolved, found.params) : found.message;
  });
}

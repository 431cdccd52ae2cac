/**
 * Translations: message catalogues for sv (default), nb, nn and en, and
 * `formatIssues` to turn validation or rule issues into plain-language text.
 * @module
 */
import type { SipIssue } from '../errors.js';
import { DEFAULT_LOCALE, isLocale, type Locale, resolveLocale } from './locales.js';
import { en } from './messages/en.js';
import { nb } from './messages/nb.js';
import { nn } from './messages/nn.js';
import { type MessageKey, type Messages, sv } from './messages/sv.js';

export { DEFAULT_LOCALE, LOCALES, isLocale, resolveLocale, type Locale } from './locales.js';
export type { MessageKey, Messages } from './messages/sv.js';

/** Every catalogue by locale. */
export const MESSAGES: Readonly<Record<Locale, Messages>> = { sv, nb, nn, en };

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
 * Falls back to Swedish, then to the key itself.
 */
export function translate(key: MessageKey, locale?: Locale | string, params?: Readonly<Record<string, string | number>>): string {
  const catalogue = MESSAGES[toLocale(locale)];
  const template = catalogue[key] ?? sv[key] ?? key;
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

/** The languages sip-kit speaks: Swedish (default), Norwegian Bokmål, Norwegian Nynorsk, English. */
export const LOCALES = ['sv', 'nb', 'nn', 'en'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** The locale used when nothing else is asked for. */
export const DEFAULT_LOCALE: Locale = 'sv';

/** True when `value` is one of {@link LOCALES}. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported locale for a BCP 47 tag such as `sv-SE`, `nb-NO`, `no`,
 * `nn-NO` or `en-GB`: Swedish tags give `sv`, `no`/`nb` give `nb`, `nn` gives
 * `nn`, and every other language gives `en` (a reader who does not read Swedish
 * is more likely to read English). Empty or non-string input gives
 * {@link DEFAULT_LOCALE}.
 */
export function resolveLocale(tag: unknown): Locale {
  if (typeof tag !== 'string' || tag.trim() === '') return DEFAULT_LOCALE;
  const lang = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (lang === 'sv') return 'sv';
  if (lang === 'nb' || lang === 'no') return 'nb';
  if (lang === 'nn') return 'nn';
  return 'en';
}

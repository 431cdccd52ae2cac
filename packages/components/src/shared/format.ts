import type { IsoDate, Locale } from '@sip-kit/core';
import type { DeadlineInfo } from '../context/services.js';
import { sharedMessages } from '../i18n/shared.js';

const INTL: Record<Locale, string> = { sv: 'sv-SE', nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day in words for `locale`, e.g. "3 december 2026". Formatted in
 * UTC from the ISO string, so it never shifts with the machine's time zone.
 */
export function formatDate(date: IsoDate, locale: Locale): string {
  const key = locale;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL[locale] ?? 'sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formatters.set(key, f);
  }
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : f.format(d);
}

const DEADLINE_KINDS = ['first-contact', 'meeting', 'follow-up', 'invitation', 'review'] as const;

/** The shared message key naming a deadline kind; a kind a custom pack invents is just "Deadline". */
export function deadlineLabelKey(kind: string): `deadline.${(typeof DEADLINE_KINDS)[number] | 'other'}` {
  return (DEADLINE_KINDS as readonly string[]).includes(kind) ? `deadline.${kind as (typeof DEADLINE_KINDS)[number]}` : 'deadline.other';
}

/** A deadline as one plain sentence, e.g. "SIP-möte: om 3 arbetsdagar (4 december 2026)". */
export function deadlineText(d: DeadlineInfo, locale: Locale): string {
  const t = sharedMessages.t.bind(sharedMessages, locale);
  const what = t(deadlineLabelKey(d.kind));
  const date = formatDate(d.status === 'met' || d.status === 'met-late' ? (d.metOn ?? d.due) : d.due, locale);
  if (d.status === 'upcoming') {
    const days = d.workingDaysLeft ?? 0;
    return days === 1 ? t('deadline.upcoming-one', { what, date }) : t('deadline.upcoming', { what, days, date });
  }
  return t(`deadline.${d.status}`, { what, date });
}

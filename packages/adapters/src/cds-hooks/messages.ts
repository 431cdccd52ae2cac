/**
 * The CDS Hooks cards' wording, in the four locales. It lives here, not in
 * core's catalogues, because only this server-side service uses it: a page
 * with sip-kit's elements never downloads it. Placeholders are `{name}`.
 * @module
 */
import type { Locale } from '@sip-kit/core';

const sv = {
  'cds.source': 'sip-kit: regler för samordnade planer',
  'cds.plan-name.SE': 'en samordnad individuell plan (SIP)',
  'cds.plan-name.NO': 'en individuell plan (IP)',
  'cds.plan-name.GB': 'en personcentrerad plan',
  'cds.suggest.summary': 'Överväg {plan}: behov från flera verksamheter men ingen plan.',
  'cds.suggest.why': 'Därför:',
  'cds.suggest.services': 'Verksamheter som ger insatser nu:',
  'cds.suggest.next': 'Bedöm om en plan behövs och fråga personen om samtycke. En plan görs aldrig mot personens vilja.',
  'cds.suggest.action': 'Påbörja ett planutkast',
  'cds.overdue.summary': 'Försenat i planen: {what}, sista dag {due} ({late} sedan).',
  'cds.overdue.more': '{n} till är försenade.',
  'cds.overdue.item': '{what}: sista dag {due}, {late} sedan.',
  'cds.overdue.plan': 'Plan: {title}',
  'cds.working-days.one': '1 arbetsdag',
  'cds.working-days.other': '{n} arbetsdagar',
  'cds.calendar-days.one': '1 dag',
  'cds.calendar-days.other': '{n} dagar',
  'cds.discharge.summary': 'SIP vid utskrivning: skicka kallelsen senast {due}.',
  'cds.discharge.overdue-summary': 'SIP vid utskrivning: kallelsen är försenad. Sista dag var {due}.',
  'cds.discharge.detail': 'Patienten har behov från både hälso- och sjukvården och socialtjänsten. Kallelsen till SIP-mötet ska skickas inom {days} kalenderdagar från att patienten blev utskrivningsklar ({ready}).',
  'cds.discharge.rule': 'Regel: {pack}.',
} as const satisfies Record<string, string>;

/** Every key of the cards' wording. */
export type CdsMessageKey = keyof typeof sv;

/** The cards' wording per locale (each has every key; a test checks placeholders match). */
export const CDS_MESSAGES: Readonly<Record<Locale, Readonly<Record<CdsMessageKey, string>>>> = {
  sv,
  nb: {
    'cds.source': 'sip-kit: regler for samordnede planer',
    'cds.plan-name.SE': 'en samordnet individuell plan (SIP)',
    'cds.plan-name.NO': 'en individuell plan (IP)',
    'cds.plan-name.GB': 'en personsentrert plan',
    'cds.suggest.summary': 'Vurder {plan}: behov fra flere tjenester, men ingen plan.',
    'cds.suggest.why': 'Derfor:',
    'cds.suggest.services': 'Tjenester som gir tiltak nå:',
    'cds.suggest.next': 'Vurder om en plan trengs, og spør personen om samtykke. En plan lages aldri mot personens vilje.',
    'cds.suggest.action': 'Start et planutkast',
    'cds.overdue.summary': 'Forsinket i planen: {what}, frist {due} ({late} siden).',
    'cds.overdue.more': '{n} til er forsinket.',
    'cds.overdue.item': '{what}: frist {due}, {late} siden.',
    'cds.overdue.plan': 'Plan: {title}',
    'cds.working-days.one': '1 arbeidsdag',
    'cds.working-days.other': '{n} arbeidsdager',
    'cds.calendar-days.one': '1 dag',
    'cds.calendar-days.other': '{n} dager',
    'cds.discharge.summary': 'SIP ved utskrivning: send innkallingen senest {due}.',
    'cds.discharge.overdue-summary': 'SIP ved utskrivning: innkallingen er forsinket. Fristen var {due}.',
    'cds.discharge.detail': 'Pasienten har behov fra både helsetjenesten og sosialtjenesten. Innkallingen til SIP-møtet skal sendes innen {days} kalenderdager etter at pasienten ble utskrivningsklar ({ready}).',
    'cds.discharge.rule': 'Regel: {pack}.',
  },
  nn: {
    'cds.source': 'sip-kit: reglar for samordna planar',
    'cds.plan-name.SE': 'ein samordna individuell plan (SIP)',
    'cds.plan-name.NO': 'ein individuell plan (IP)',
    'cds.plan-name.GB': 'ein personsentrert plan',
    'cds.suggest.summary': 'Vurder {plan}: behov frå fleire tenester, men ingen plan.',
    'cds.suggest.why': 'Difor:',
    'cds.suggest.services': 'Tenester som gir tiltak no:',
    'cds.suggest.next': 'Vurder om ein plan trengst, og spør personen om samtykke. Ein plan blir aldri laga mot viljen til personen.',
    'cds.suggest.action': 'Start eit planutkast',
    'cds.overdue.summary': 'Forseinka i planen: {what}, frist {due} ({late} sidan).',
    'cds.overdue.more': '{n} til er forseinka.',
    'cds.overdue.item': '{what}: frist {due}, {late} sidan.',
    'cds.overdue.plan': 'Plan: {title}',
    'cds.working-days.one': '1 arbeidsdag',
    'cds.working-days.other': '{n} arbeidsdagar',
    'cds.calendar-days.one': '1 dag',
    'cds.calendar-days.other': '{n} dagar',
    'cds.discharge.summary': 'SIP ved utskriving: send innkallinga seinast {due}.',
    'cds.discharge.overdue-summary': 'SIP ved utskriving: innkallinga er forseinka. Fristen var {due}.',
    'cds.discharge.detail': 'Pasienten har behov frå både helsetenesta og sosialtenesta. Innkallinga til SIP-møtet skal sendast innan {days} kalenderdagar etter at pasienten vart utskrivingsklar ({ready}).',
    'cds.discharge.rule': 'Regel: {pack}.',
  },
  en: {
    'cds.source': 'sip-kit: rules for coordinated plans',
    'cds.plan-name.SE': 'a coordinated individual plan (SIP)',
    'cds.plan-name.NO': 'an individual plan (IP)',
    'cds.plan-name.GB': 'a person-centred plan',
    'cds.suggest.summary': 'Consider {plan}: needs from several services but no plan.',
    'cds.suggest.why': 'Why:',
    'cds.suggest.services': 'Services helping the person now:',
    'cds.suggest.next': "Assess whether a plan is needed and ask the person for consent. A plan is never made against the person's will.",
    'cds.suggest.action': 'Start a draft plan',
    'cds.overdue.summary': 'Overdue in the plan: {what}, due {due} ({late} ago).',
    'cds.overdue.more': '{n} more overdue.',
    'cds.overdue.item': '{what}: due {due}, {late} ago.',
    'cds.overdue.plan': 'Plan: {title}',
    'cds.working-days.one': '1 working day',
    'cds.working-days.other': '{n} working days',
    'cds.calendar-days.one': '1 day',
    'cds.calendar-days.other': '{n} days',
    'cds.discharge.summary': 'SIP at discharge: send the invitation by {due}.',
    'cds.discharge.overdue-summary': 'SIP at discharge: the invitation is overdue. It was due {due}.',
    'cds.discharge.detail': 'The patient needs help from both health care and social services. The invitation to the SIP meeting must be sent within {days} calendar days of the patient being ready for discharge ({ready}).',
    'cds.discharge.rule': 'Rule: {pack}.',
  },
};

/** The card text for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function cdsText(key: CdsMessageKey, locale: Locale, params?: Readonly<Record<string, string | number>>): string {
  // A key outside the table (a jurisdiction the cards don't word yet) reads as itself, as core's translate does.
  const template: string = CDS_MESSAGES[locale]?.[key] ?? CDS_MESSAGES.sv[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

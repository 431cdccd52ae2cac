import type { UiMessages } from '../catalogue.js';
import type { SharedKey } from './sv.js';

/** Norwegian Bokmål UI strings shared by every sip-kit element. */
const nb: UiMessages<SharedKey> = {
  'list.moveUp': 'Flytt opp',
  'list.moveDown': 'Flytt ned',
  'list.remove': 'Fjern',
  'list.add': 'Legg til',
  'list.empty': 'Ingenting ennå.',
  'list.moved': '{item} ble flyttet til plass {position} av {count}.',
  'list.removed': '{item} ble fjernet.',
  'list.added': '{item} ble lagt til.',
  'field.required': 'må fylles ut',
  'field.optional': 'valgfritt',
  'consent.notCovered': 'Denne delen vises ikke. Personen har ikke sagt ja til at den deles med deg.',
  'save.saving': 'Lagrer …',
  'save.saved': 'Lagret',
  'save.unsaved': 'Ikke lagret ennå',
  'save.retry': 'Prøv å lagre igjen',
  'save.error.network': 'Det gikk ikke å lagre, fordi kontakten med serveren ble brutt. Alt du har skrevet, er fortsatt her.',
  'save.error.conflict': 'Det gikk ikke å lagre, fordi noen andre har endret planen samtidig. Alt du har skrevet, er fortsatt her.',
  'save.error.not-found': 'Det gikk ikke å lagre, fordi planen ikke finnes der den lagres. Alt du har skrevet, er fortsatt her.',
  'save.error.invalid': 'Det gikk ikke å lagre, fordi noe i planen ikke stemmer. Alt du har skrevet, er fortsatt her.',
  'save.error.other': 'Det gikk ikke å lagre. Alt du har skrevet, er fortsatt her.',
  'deadline.first-contact': 'Første kontakt',
  'deadline.meeting': 'Møte om planen',
  'deadline.follow-up': 'Oppfølging',
  'deadline.upcoming': '{what}: om {days} arbeidsdager ({date})',
  'deadline.upcoming-one': '{what}: om 1 arbeidsdag ({date})',
  'deadline.due-today': '{what}: i dag',
  'deadline.overdue': '{what}: forsinket siden {date}',
  'deadline.met': '{what}: gjort {date}',
  'deadline.met-late': '{what}: gjort for seint, {date}',
  'approval.needed': 'Personen må godkjenne denne endringen',
  'undo.done': 'Angret.',
  'redo.done': 'Gjort om igjen.',
};
export default nb;

import type { UiMessages } from '../catalogue.js';
import type { SharedKey } from './sv.js';

/** Norwegian Nynorsk UI strings shared by every sip-kit element. */
const nn: UiMessages<SharedKey> = {
  'list.moveUp': 'Flytt opp',
  'list.moveDown': 'Flytt ned',
  'list.remove': 'Fjern',
  'list.add': 'Legg til',
  'list.empty': 'Ingenting enno.',
  'list.moved': '{item} vart flytta til plass {position} av {count}.',
  'list.removed': '{item} vart fjerna.',
  'list.added': '{item} vart lagd til.',
  'field.required': 'må fyllast ut',
  'field.optional': 'valfritt',
  'consent.notCovered': 'Denne delen blir ikkje vist. Personen har ikkje sagt ja til at han blir delt med deg.',
  'save.saving': 'Lagrar …',
  'save.saved': 'Lagra',
  'save.unsaved': 'Ikkje lagra enno',
  'save.retry': 'Prøv å lagre igjen',
  'save.error.network': 'Det gjekk ikkje å lagre, fordi kontakten med serveren vart broten. Alt du har skrive, er framleis her.',
  'save.error.conflict': 'Det gjekk ikkje å lagre, fordi nokon andre har endra planen samtidig. Alt du har skrive, er framleis her.',
  'save.error.not-found': 'Det gjekk ikkje å lagre, fordi planen ikkje finst der han blir lagra. Alt du har skrive, er framleis her.',
  'save.error.invalid': 'Det gjekk ikkje å lagre, fordi noko i planen ikkje stemmer. Alt du har skrive, er framleis her.',
  'save.error.other': 'Det gjekk ikkje å lagre. Alt du har skrive, er framleis her.',
  'deadline.first-contact': 'Første kontakt',
  'deadline.meeting': 'Møte om planen',
  'deadline.follow-up': 'Oppfølging',
  'deadline.upcoming': '{what}: om {days} arbeidsdagar ({date})',
  'deadline.upcoming-one': '{what}: om 1 arbeidsdag ({date})',
  'deadline.due-today': '{what}: i dag',
  'deadline.overdue': '{what}: forseinka sidan {date}',
  'deadline.met': '{what}: gjort {date}',
  'deadline.met-late': '{what}: gjort for seint, {date}',
  'approval.needed': 'Personen må godkjenne denne endringa',
  'undo.done': 'Angra.',
  'redo.done': 'Gjort om att.',
};
export default nn;

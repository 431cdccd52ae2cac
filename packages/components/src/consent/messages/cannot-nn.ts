import type { UiMessages } from '../../i18n/catalogue.js';
import type { CannotKey } from './cannot-sv.js';

/** Norwegian Nynorsk strings of `<sip-consent>`'s cannot-consent path (loaded with the part, in this locale only). */
const nn: UiMessages<CannotKey> = {
  'cannot.heading': 'Når personen ikkje kan samtykke',
  'cannot.help': 'Snakk med pårørande for å finne ut kva personen sjølv ville ønskt. Ein verje kan hjelpe.',
  'cannot.reason': 'Kvifor personen ikkje kan samtykke',
  'cannot.consulted': 'Pårørande som er spurt',
  'cannot.name': 'Namn',
  'cannot.relation': 'Forhold til personen',
  'cannot.add': 'Legg til pårørande',
  'cannot.person': 'Pårørande {n}',
  'cannot.account': 'Biletet deira av kva personen vil',
};
export default nn;

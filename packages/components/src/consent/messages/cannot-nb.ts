import type { UiMessages } from '../../i18n/catalogue.js';
import type { CannotKey } from './cannot-sv.js';

/** Norwegian Bokmål strings of `<sip-consent>`'s cannot-consent path (loaded with the part, in this locale only). */
const nb: UiMessages<CannotKey> = {
  'cannot.heading': 'Når personen ikke kan samtykke',
  'cannot.help': 'Snakk med pårørende for å finne ut hva personen selv ville ønsket. En verge kan hjelpe.',
  'cannot.reason': 'Hvorfor personen ikke kan samtykke',
  'cannot.consulted': 'Pårørende som er spurt',
  'cannot.name': 'Navn',
  'cannot.relation': 'Forhold til personen',
  'cannot.add': 'Legg til pårørende',
  'cannot.person': 'Pårørende {n}',
  'cannot.account': 'Deres bilde av hva personen vil',
};
export default nb;

import type { UiMessages } from '../../i18n/catalogue.js';
import type { PersonViewKey } from './person-sv.js';

/** Norwegian Bokmål strings of the person's "my plan" view (`mode="person"`) in `<sip-plan-editor>`. */
const nb: UiMessages<PersonViewKey> = {
  'personTitle': 'Planen min',
  'p.whatMatters': 'Dette er viktig for meg',
  'p.ownContribution': 'Dette gjør jeg selv',
  'p.relativesContribution': 'Dette gjør mine pårørende',
  'p.goals': 'Dette vil jeg klare',
  'p.help': 'Denne hjelpen får jeg',
  'p.helpLine': '{who} hjelper meg: {what}',
  'p.when': 'Når: {when}',
  'p.how': 'Slik: {how}',
  'p.cooperation': 'Disse samarbeider også',
  'p.coordinator': 'Denne personen holder sammen planen min',
  'p.nextFollowUp': 'Neste gang vi ser hvordan det går',
  'p.followUpLine': '{date}, med {who}',
  'p.childView': 'Dette mener jeg',
  'p.nothing': 'Ingenting skrevet ennå.',
  'p.pending': 'Noe i planen er endret. Du får si om det er greit.',
};

export default nb;

import type { UiMessages } from '../../i18n/catalogue.js';
import type { PersonViewKey } from './person-sv.js';

/** Norwegian Nynorsk strings of the person's "my plan" view (`mode="person"`) in `<sip-plan-editor>`. */
const nn: UiMessages<PersonViewKey> = {
  'personTitle': 'Planen min',
  'p.whatMatters': 'Dette er viktig for meg',
  'p.ownContribution': 'Dette gjer eg sjølv',
  'p.relativesContribution': 'Dette gjer dei pårørande mine',
  'p.goals': 'Dette vil eg klare',
  'p.help': 'Denne hjelpa får eg',
  'p.helpLine': '{who} hjelper meg: {what}',
  'p.when': 'Når: {when}',
  'p.how': 'Slik: {how}',
  'p.cooperation': 'Desse samarbeider òg',
  'p.coordinator': 'Denne personen held saman planen min',
  'p.nextFollowUp': 'Neste gong vi ser korleis det går',
  'p.followUpLine': '{date}, med {who}',
  'p.childView': 'Dette meiner eg',
  'p.nothing': 'Ingenting skrive enno.',
  'p.pending': 'Noko i planen er endra. Du får seie om det er greitt.',
};

export default nn;

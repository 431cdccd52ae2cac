import type { UiMessages } from '../../i18n/catalogue.js';
import type { CannotKey } from './cannot-sv.js';

/** English strings of `<sip-consent>`'s cannot-consent path (loaded with the part, in this locale only). */
const en: UiMessages<CannotKey> = {
  'cannot.heading': 'When the person cannot consent',
  'cannot.help': 'Talk to the people close to the person to find out what the person would want. A trustee or guardian can help.',
  'cannot.reason': 'Why the person cannot consent',
  'cannot.consulted': 'People close to the person who were asked',
  'cannot.name': 'Name',
  'cannot.relation': 'Relation to the person',
  'cannot.add': 'Add a person who was asked',
  'cannot.person': 'Person asked {n}',
  'cannot.account': 'What they think the person wants',
};
export default en;

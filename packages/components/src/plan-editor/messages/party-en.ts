import type { UiMessages } from '../../i18n/catalogue.js';
import type { PartyViewKey } from './party-sv.js';

/** English strings of the view of what one party may see (`party` set) in `<sip-plan-editor>`. */
const en: UiMessages<PartyViewKey> = {
  'party.note': 'You see the plan as this organisation may see it. Nothing can be changed here.',
  'party.itemsWithheld': 'Some things in the plan are not shown. The person has not agreed to share them with you.',
  'party.unresolved': 'The person has said some things must not be shared with you. Ask the person who coordinates the plan before you use anything from here.',
};

export default en;

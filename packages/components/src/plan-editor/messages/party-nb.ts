import type { UiMessages } from '../../i18n/catalogue.js';
import type { PartyViewKey } from './party-sv.js';

/** Norwegian Bokmål strings of the view of what one party may see (`party` set) in `<sip-plan-editor>`. */
const nb: UiMessages<PartyViewKey> = {
  'party.note': 'Du ser planen slik denne virksomheten får se den. Her kan du ikke endre noe.',
  'party.itemsWithheld': 'Noen ting i planen vises ikke. Personen har ikke sagt ja til at de deles med deg.',
  'party.unresolved': 'Personen har sagt at noen ting ikke skal deles med deg. Spør den som koordinerer planen før du bruker noe herfra.',
};

export default nb;

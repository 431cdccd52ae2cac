import type { UiMessages } from '../../i18n/catalogue.js';
import type { PartyViewKey } from './party-sv.js';

/** Norwegian Nynorsk strings of the view of what one party may see (`party` set) in `<sip-plan-editor>`. */
const nn: UiMessages<PartyViewKey> = {
  'party.note': 'Du ser planen slik denne verksemda får sjå han. Her kan du ikkje endre noko.',
  'party.itemsWithheld': 'Nokre ting i planen blir ikkje viste. Personen har ikkje sagt ja til at dei blir delte med deg.',
  'party.unresolved': 'Personen har sagt at nokre ting ikkje skal delast med deg. Spør den som koordinerer planen før du brukar noko herifrå.',
};

export default nn;

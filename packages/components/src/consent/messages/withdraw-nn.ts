import type { UiMessages } from '../../i18n/catalogue.js';
import type { WithdrawKey } from './withdraw-sv.js';

/** Norwegian Nynorsk strings of `<sip-consent>`'s withdrawal form (loaded with the part, in this locale only). */
const nn: UiMessages<WithdrawKey> = {
  'withdraw.heading': 'Trekk tilbake samtykke frå {giver}',
  'withdraw.what': 'Kva blir trekt tilbake?',
  'withdraw.whole': 'Heile samtykket',
  'withdraw.some': 'Berre for noen tenester',
  'withdraw.parties': 'Kva for tenester?',
  'withdraw.on': 'Frå og med',
  'withdraw.reason': 'Grunn, med personens ord viss personen sa noko',
  'withdraw.submit': 'Trekk tilbake',
  'withdraw.cancel': 'Avbryt',
  'withdraw.done': 'Tilbaketrekkinga er registrert. Det gamle samtykket ligg framleis i historikken.',
  'withdraw.noParties': 'Vel minst éin teneste.',
};
export default nn;

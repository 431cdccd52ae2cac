import type { UiMessages } from '../../i18n/catalogue.js';
import type { WithdrawKey } from './withdraw-sv.js';

/** Norwegian Bokmål strings of `<sip-consent>`'s withdrawal form (loaded with the part, in this locale only). */
const nb: UiMessages<WithdrawKey> = {
  'withdraw.heading': 'Trekk tilbake samtykke fra {giver}',
  'withdraw.what': 'Hva trekkes tilbake?',
  'withdraw.whole': 'Hele samtykket',
  'withdraw.some': 'Bare for noen tjenester',
  'withdraw.parties': 'Hvilke tjenester?',
  'withdraw.on': 'Fra og med',
  'withdraw.reason': 'Grunn, med personens ord hvis personen sa noe',
  'withdraw.submit': 'Trekk tilbake',
  'withdraw.cancel': 'Avbryt',
  'withdraw.done': 'Tilbaketrekningen er registrert. Det gamle samtykket ligger fortsatt i historikken.',
  'withdraw.noParties': 'Velg minst én tjeneste.',
};
export default nb;

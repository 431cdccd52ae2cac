import type { UiMessages } from '../../i18n/catalogue.js';
import type { WithdrawKey } from './withdraw-sv.js';

/** English strings of `<sip-consent>`'s withdrawal form (loaded with the part, in this locale only). */
const en: UiMessages<WithdrawKey> = {
  'withdraw.heading': 'Take back consent from {giver}',
  'withdraw.what': 'What is taken back?',
  'withdraw.whole': 'The whole consent',
  'withdraw.some': 'Only for some organisations',
  'withdraw.parties': 'Which organisations?',
  'withdraw.on': 'From',
  'withdraw.reason': 'Reason, in the person’s words if they said something',
  'withdraw.submit': 'Take back',
  'withdraw.cancel': 'Cancel',
  'withdraw.done': 'The withdrawal is recorded. The old consent stays in the history.',
  'withdraw.noParties': 'Choose at least one organisation.',
};
export default en;

import type { UiMessages } from '../../i18n/catalogue.js';
import type { PersonViewKey } from './person-sv.js';

/** English strings of the person's "my plan" view (`mode="person"`) in `<sip-plan-editor>`. */
const en: UiMessages<PersonViewKey> = {
  'personTitle': 'My plan',
  'p.whatMatters': 'What matters to me',
  'p.ownContribution': 'What I will do myself',
  'p.relativesContribution': 'What my family will do',
  'p.goals': 'What I want to achieve',
  'p.help': 'The help I get',
  'p.helpLine': '{who} helps me: {what}',
  'p.when': 'When: {when}',
  'p.how': 'How: {how}',
  'p.cooperation': 'Who else works together on this',
  'p.coordinator': 'This person keeps my plan together',
  'p.nextFollowUp': 'Next time we check how it is going',
  'p.followUpLine': '{date}, with {who}',
  'p.childView': 'What I think',
  'p.nothing': 'Nothing written yet.',
  'p.pending': 'Something in the plan has changed. You can say if that is OK.',
};

export default en;

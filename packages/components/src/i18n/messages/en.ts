import type { UiMessages } from '../catalogue.js';
import type { SharedKey } from './sv.js';

/** English UI strings shared by every sip-kit element. */
const en: UiMessages<SharedKey> = {
  'list.moveUp': 'Move up',
  'list.moveDown': 'Move down',
  'list.remove': 'Remove',
  'list.add': 'Add',
  'list.empty': 'Nothing yet.',
  'list.moved': '{item} moved to place {position} of {count}.',
  'list.removed': '{item} was removed.',
  'list.added': '{item} was added.',
  'field.required': 'required',
  'field.optional': 'optional',
  'consent.notCovered': 'This part is not shown. The person has not agreed to share it with you.',
  'save.saving': 'Saving …',
  'save.saved': 'Saved',
  'save.unsaved': 'Not saved yet',
  'save.retry': 'Try saving again',
  'save.error.network': 'We could not save, because the connection to the server was lost. Everything you wrote is still here.',
  'save.error.conflict': 'We could not save, because someone else changed the plan at the same time. Everything you wrote is still here.',
  'save.error.not-found': 'We could not save, because the plan is no longer where it is kept. Everything you wrote is still here.',
  'save.error.invalid': 'We could not save, because something in the plan is not right. Everything you wrote is still here.',
  'save.error.other': 'We could not save. Everything you wrote is still here.',
  'deadline.first-contact': 'First contact',
  'deadline.meeting': 'Planning meeting',
  'deadline.follow-up': 'Follow-up',
  'deadline.upcoming': '{what}: in {days} working days ({date})',
  'deadline.upcoming-one': '{what}: in 1 working day ({date})',
  'deadline.due-today': '{what}: today',
  'deadline.overdue': '{what}: late since {date}',
  'deadline.met': '{what}: done {date}',
  'deadline.met-late': '{what}: done late, {date}',
  'approval.needed': 'The person needs to approve this change',
  'undo.done': 'Undone.',
  'redo.done': 'Redone.',
};
export default en;

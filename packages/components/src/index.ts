/**
 * `@sip-kit/components` — lit web components for coordinated individual plans.
 * Importing this module defines nothing; import `@sip-kit/components/define/<tag>.js`
 * to register an element, or use the classes with your own tag names.
 * @packageDocumentation
 */
export { defineElement } from './shared/define.js';
export { SipStatusBadge, type BadgeStatus } from './shared/status-badge.js';

// The shared layer: services, providers and the base every element builds on.
export { SipContext, type SipContextErrorDetail } from './context/sip-context.js';
export { provideSip, LOCALE_PROVIDER_MARK, type SipProvision, type ProvideOptions } from './context/provide.js';
export { ensureContextRoot } from './context/context-root.js';
export { planStoreContext, rulesContext, localeContext, repositoryContext, actorContext, saverContext } from './context/keys.js';
export { createRulesService, localToday, type RulesServiceOptions } from './context/rules-service.js';
export { PlanSaver, classifySaveError, type SaveState, type SaveStatus, type SaveFailure } from './context/saver.js';
export { defaultRepository } from './context/default-repository.js';
export type {
  PlanStoreService,
  RulesService,
  RepositoryService,
  SipServices,
  PlanFeedback,
  CompletenessIssue,
  DeadlineInfo,
} from './context/services.js';
export { SipElement } from './shared/sip-element.js';
export { PlanController, type PlanHost, type PlanChangeListener } from './shared/plan-controller.js';
export { LocaleController, resolveElementLocale } from './shared/locale-controller.js';
export { AnnouncerController } from './shared/announcer.js';
export { sipBaseStyles } from './shared/styles.js';
export {
  field,
  textField,
  textareaField,
  dateField,
  selectField,
  checkboxGroup,
  sectionHeading,
  notCoveredNotice,
  approvalMarker,
  type FieldBase,
  type ValueField,
  type SelectOption,
} from './shared/fields.js';
export { listEditor, focusAfterUpdate, type ListEditorOptions } from './shared/list-editor.js';
export { formatDate, deadlineText } from './shared/format.js';
export { Catalogue, fill, type UiMessages, type CatalogueLoader } from './i18n/catalogue.js';
export { sharedMessages, type SharedKey } from './i18n/shared.js';

// The editor.
export {
  SipPlanEditor,
  type PlanEditorMode,
  type PlanChangeDetail,
  type PlanSaveDetail,
  type PlanSaveErrorDetail,
  type PlanInvalidDetail,
} from './plan-editor/sip-plan-editor.js';
export { editorMessages, type EditorKey } from './plan-editor/messages.js';
export { personViewMessages, type PersonViewKey } from './plan-editor/person-messages.js';
export { partyViewMessages, type PartyViewKey } from './plan-editor/party-messages.js';
export { SipFollowup, followupMessages, type FollowupChange, type FollowupChangeDetail, type MeetingPlannedDetail, type AttendanceRecordedDetail, type GoalEvaluatedDetail } from './followup/sip-followup.js';
export { SipConsent, consentMessages, type ConsentChangeDetail, type ConsentWithdrawDetail } from './consent/sip-consent.js';

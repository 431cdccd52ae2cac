/**
 * `@sip-kit/components/react` — React wrappers (made with `@lit/react`) for
 * every sip-kit element. Each wrapper passes React props to the element as
 * properties (so `plan={plan}` sets the `plan` object, not an attribute) and
 * maps each `sip-*` event to an `onSip…` prop: `sip-plan-change` →
 * `onSipPlanChange`.
 *
 * Importing this module defines no element, like the package root. Register
 * the elements you use once, before rendering, with their define entries:
 *
 * ```ts
 * import '@sip-kit/components/define/sip-plan-editor.js';
 * import { SipPlanEditor } from '@sip-kit/components/react';
 * ```
 *
 * React 19 also renders the custom elements directly (`<sip-plan-editor>`);
 * the wrappers add typed props and event handlers. React is a peer dependency.
 * @packageDocumentation
 */
import * as React from 'react';
import { createComponent, type EventName, type ReactWebComponent, type WebComponentProps } from '@lit/react';
import { SipStatusBadge as SipStatusBadgeElement } from '../shared/status-badge.js';
import { SipContext as SipContextElement, type SipContextErrorDetail } from '../context/sip-context.js';
import type { PlanStoreService } from '../context/services.js';
import { SipPlanEditor as SipPlanEditorElement, type PlanChangeDetail, type PlanInvalidDetail, type PlanSaveDetail, type PlanSaveErrorDetail } from '../plan-editor/sip-plan-editor.js';
import { SipConsent as SipConsentElement } from '../consent/sip-consent.js';
import {
  SipFollowup as SipFollowupElement,
  type AttendanceRecordedDetail,
  type FollowupChangeDetail,
  type GoalEvaluatedDetail,
  type MeetingPlannedDetail,
} from '../followup/sip-followup.js';

/** `sip-plan-change` → `SipPlanChange`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/** Event types of elements that do not declare them in `HTMLElementEventMap`. */
interface SipEventTypes {
  'sip-context-ready': CustomEvent<{ store: PlanStoreService }>;
  'sip-context-error': CustomEvent<SipContextErrorDetail>;
  'sip-plan-change': CustomEvent<PlanChangeDetail>;
  'sip-plan-save': CustomEvent<PlanSaveDetail>;
  'sip-plan-save-error': CustomEvent<PlanSaveErrorDetail>;
  'sip-plan-invalid': CustomEvent<PlanInvalidDetail>;
  'sip-followup-change': CustomEvent<FollowupChangeDetail>;
  'sip-meeting-planned': CustomEvent<MeetingPlannedDetail>;
  'sip-attendance-recorded': CustomEvent<AttendanceRecordedDetail>;
  'sip-goal-evaluated': CustomEvent<GoalEvaluatedDetail>;
}

/**
 * The event object for `name`: the element's own type from `HTMLElementEventMap`
 * or the table above, else a `CustomEvent` with an untyped detail.
 */
export type SipEventOf<Name extends string> = Name extends keyof HTMLElementEventMap
  ? HTMLElementEventMap[Name]
  : Name extends keyof SipEventTypes
    ? SipEventTypes[Name]
    : CustomEvent<unknown>;

/** The React props for a list of event names: `'sip-plan-change'` → `onSipPlanChange`. */
export type SipEventProps<Names extends readonly string[]> = { [N in Names[number] as `on${Pascal<N>}`]: EventName<SipEventOf<N>> };

/** Every event each sip-kit element fires (they match the `@fires` tags of the element classes). */
export const SIP_EVENTS = {
  'sip-plan-editor': ['sip-plan-change', 'sip-plan-save', 'sip-plan-save-error', 'sip-plan-invalid'],
  'sip-consent': ['sip-consent-change', 'sip-consent-withdraw'],
  'sip-followup': ['sip-followup-change', 'sip-meeting-planned', 'sip-attendance-recorded', 'sip-goal-evaluated'],
  'sip-context': ['sip-context-ready', 'sip-context-error'],
  'sip-status-badge': [],
} as const;

type SipTag = keyof typeof SIP_EVENTS;

const pascal = (name: string) => name.replace(/(?:^|-)([a-z])/g, (_, c: string) => c.toUpperCase());

/** Builds the wrapper for one element: its events become `onSip…` props. */
function wrap<Tag extends SipTag, I extends HTMLElement>(tagName: Tag, elementClass: new () => I): ReactWebComponent<I, SipEventProps<(typeof SIP_EVENTS)[Tag]>> {
  const events = Object.fromEntries((SIP_EVENTS[tagName] as readonly string[]).map((name) => [`on${pascal(name)}`, name])) as SipEventProps<(typeof SIP_EVENTS)[Tag]>;
  return createComponent({ react: React, tagName, elementClass, events, displayName: pascal(tagName) });
}

// One line per element. The `@__PURE__` marks let bundlers drop the wrappers
// (and the element classes) a page does not use.

/** `<sip-plan-editor>`: the whole plan, edited together with the person. Props: `plan`, `locale`, `mode`, `readonly`; events `onSipPlanChange`, `onSipPlanSave`, `onSipPlanSaveError`, `onSipPlanInvalid`. */
export const SipPlanEditor = /* @__PURE__ */ wrap('sip-plan-editor', SipPlanEditorElement);
/** `<sip-consent>`: record, scope and withdraw the person's consent. Events `onSipConsentChange`, `onSipConsentWithdraw`. */
export const SipConsent = /* @__PURE__ */ wrap('sip-consent', SipConsentElement);
/** `<sip-followup>`: deadlines, meetings, attendance and goal evaluation. Events `onSipFollowupChange`, `onSipMeetingPlanned`, `onSipAttendanceRecorded`, `onSipGoalEvaluated`. */
export const SipFollowup = /* @__PURE__ */ wrap('sip-followup', SipFollowupElement);
/** `<sip-context>`: provides the plan store, rules, locale and repository to the elements inside. Props: `plan`, `planId`, `locale`, `pack`, `today`, `actor`, `repository`; events `onSipContextReady`, `onSipContextError`. */
export const SipContext = /* @__PURE__ */ wrap('sip-context', SipContextElement);
/** `<sip-status-badge>`: a deadline status pill. Props: `status`, `label`. */
export const SipStatusBadge = /* @__PURE__ */ wrap('sip-status-badge', SipStatusBadgeElement);

// Typed JSX for the elements used directly (React 19 sets known properties and
// listens to `on<event-name>` props on custom elements). Active in any file that
// imports this module, even as `import type {} from '@sip-kit/components/react'`.
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'sip-context': WebComponentProps<SipContextElement>;
      'sip-status-badge': WebComponentProps<SipStatusBadgeElement>;
      'sip-plan-editor': WebComponentProps<SipPlanEditorElement>;
      'sip-consent': WebComponentProps<SipConsentElement>;
      'sip-followup': WebComponentProps<SipFollowupElement>;
    }
  }
}

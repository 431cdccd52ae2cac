import { html } from 'lit';
import type { Plan } from '@sip-kit/core';
import type { RepositoryService } from '../packages/components/src/context/services.js';
import sePlan from '../packages/core/examples/se-sip.json' with { type: 'json' };
import { SipContext } from '../packages/components/src/context/sip-context.js';
import { SipPlanEditor } from '../packages/components/src/plan-editor/sip-plan-editor.js';
import { SipStatusBadge } from '../packages/components/src/shared/status-badge.js';
import { defineElement } from '../packages/components/src/shared/define.js';

const memory = (): RepositoryService => ({ load: async () => sePlan as unknown as Plan, save: async (p) => ({ ...p, version: p.version + 1 }) });

// Defined here, not by a bare import of src/define/*: the components package marks
// only dist/define as having side effects, so a production build drops those imports.
defineElement('sip-status-badge', SipStatusBadge);
defineElement('sip-context', SipContext);
defineElement('sip-plan-editor', SipPlanEditor);

export default {
  title: 'Shared/Context',
  component: 'sip-context',
};

/** One <sip-context> shares the plan store, rules, locale and autosave with the elements inside. */
export const SharedStore = {
  render: () =>
    html`<sip-context locale="en" today="2026-03-10" .plan=${sePlan as unknown as Plan} .repository=${memory()}>
      <sip-plan-editor></sip-plan-editor>
      <sip-plan-editor mode="person"></sip-plan-editor>
    </sip-context>`,
};

import { html } from 'lit';
import type { Plan } from '@sip-kit/core';
import type { RepositoryService } from '../packages/components/src/context/services.js';
import sePlan from '../packages/core/examples/se-sip.json' with { type: 'json' };
// Bare imports survive the production build: packages/components/package.json
// lists src/define/*.ts under sideEffects.
import '../packages/components/src/define/sip-context.js';
import '../packages/components/src/define/sip-plan-editor.js';

const memory = (): RepositoryService => ({ load: async () => sePlan as unknown as Plan, save: async (p) => ({ ...p, version: p.version + 1 }) });

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

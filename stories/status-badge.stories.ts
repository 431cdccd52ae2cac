import { html } from 'lit';
// A bare import survives the production build: packages/components/package.json
// lists src/define/*.ts under sideEffects.
import '../packages/components/src/define/sip-status-badge.js';

export default {
  title: 'Shared/Status badge',
  component: 'sip-status-badge',
};

const statuses = ['upcoming', 'due-today', 'overdue', 'met', 'met-late'] as const;

/** Every deadline state, each with icon and text (never colour alone). */
export const AllStates = {
  render: () => html`${statuses.map((s) => html`<p><sip-status-badge status=${s} label=${s}></sip-status-badge></p>`)}`,
};

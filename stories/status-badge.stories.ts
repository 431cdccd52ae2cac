import { html } from 'lit';
import { SipStatusBadge } from '../packages/components/src/shared/status-badge.js';
import { defineElement } from '../packages/components/src/shared/define.js';

// Defined here, not by a bare import of src/define/*: the components package marks
// only dist/define as having side effects, so a production build drops those imports.
defineElement('sip-status-badge', SipStatusBadge);

export default {
  title: 'Shared/Status badge',
  component: 'sip-status-badge',
};

const statuses = ['upcoming', 'due-today', 'overdue', 'met', 'met-late'] as const;

/** Every deadline state, each with icon and text (never colour alone). */
export const AllStates = {
  render: () => html`${statuses.map((s) => html`<p><sip-status-badge status=${s} label=${s}></sip-status-badge></p>`)}`,
};

import { css } from 'lit';

/**
 * `<sip-consent>`'s own styles, on top of `sipBaseStyles`. Only `--sip-*`
 * tokens, with fallbacks. The print form is hidden on screen (unless
 * `view="print"`) and is the only thing printed. The print form and the
 * withdrawal form, which load on demand, bring their own styles.
 */
export const consentStyles = css`
  .sip-fieldset > button,
  .row > button {
    align-self: flex-start;
  }
  .plain {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  input[type='radio'] {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    min-height: 0;
    margin: 0;
    padding: 0;
    accent-color: var(--sip-color-accent, #0b5cad);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sip-space-xs, 0.5rem);
    align-items: center;
    justify-content: space-between;
  }
  .warnings {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--sip-space-xs, 0.5rem);
  }
  .warning,
  .ok {
    padding: var(--sip-space-xs, 0.5rem) var(--sip-space-s, 0.75rem);
    border-radius: var(--sip-radius, 0.375rem);
    border-inline-start: 4px solid var(--sip-color-danger, #a4000f);
    background: var(--sip-color-danger-surface, #ffebe9);
    color: var(--sip-color-text, #1f2328);
  }
  .ok {
    border-inline-start-color: var(--sip-color-success, #1a7f37);
    background: var(--sip-color-surface-muted, #f3f4f6);
  }
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    margin-block: var(--sip-space-xs, 0.5rem);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--sip-space-2xs, 0.25rem);
  }
  th,
  td {
    border: 1px solid var(--sip-color-border, #8c959f);
    padding: var(--sip-space-2xs, 0.25rem) var(--sip-space-xs, 0.5rem);
    text-align: start;
    vertical-align: middle;
  }
  thead th {
    background: var(--sip-color-surface-muted, #f3f4f6);
    font-size: 0.9em;
  }
  td.center {
    text-align: center;
  }
  .status-allowed::before {
    content: '✓ ';
  }
  .status-denied::before {
    content: '✗ ';
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0 0 0 var(--sip-space-s, 0.75rem);
    border-inline-start: 3px solid var(--sip-color-border, #8c959f);
  }
  .event {
    margin: 0 0 var(--sip-space-m, 1rem);
    padding-inline-start: var(--sip-space-s, 0.75rem);
  }
  .event .what,
  .event .when {
    margin: 0;
  }
  .event .what {
    font-weight: 600;
  }
  .event .when {
    font-size: 0.9em;
  }
  .details {
    margin: var(--sip-space-2xs, 0.25rem) 0;
    padding-inline-start: var(--sip-space-m, 1rem);
  }
  .muted {
    color: var(--sip-color-muted, #57606a);
  }
  .actions,
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sip-space-xs, 0.5rem);
    margin-block: var(--sip-space-xs, 0.5rem);
  }
  .row {
    border: 1px dashed var(--sip-color-border, #8c959f);
    border-radius: var(--sip-radius, 0.375rem);
    padding: var(--sip-space-xs, 0.5rem) var(--sip-space-s, 0.75rem);
    margin-block-end: var(--sip-space-s, 0.75rem);
  }
  .print {
    display: none;
  }
  :host([view='print']) .print {
    display: block;
  }
  @media (prefers-color-scheme: dark) {
    .warning {
      background: var(--sip-color-danger-surface, #3d0a0f);
      color: var(--sip-color-text, #e6e6e6);
    }
    .ok,
    thead th {
      background: var(--sip-color-surface-muted, #2a2d33);
      color: var(--sip-color-text, #e6e6e6);
    }
    .muted {
      color: var(--sip-color-muted, #b1bac4);
    }
  }
  @media (forced-colors: active) {
    .warning,
    .ok {
      border: 1px solid CanvasText;
    }
  }
  @media print {
    .screen {
      display: none !important;
    }
    .print {
      display: block !important;
      font-size: 11pt;
    }
    th,
    td {
      border-color: #000;
    }
    thead th {
      background: none;
    }
  }
`;

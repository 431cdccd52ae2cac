import { css } from 'lit';

/**
 * Styles every sip-kit element shares: the `--sip-*` tokens with fallbacks,
 * the host page's font, fields, buttons (targets ≥ 24×24 px), lists, notices,
 * focus rings, dark scheme, forced colours, reflow at 320 px and print.
 *
 * Tokens (all optional; set them on the element or any ancestor):
 * `--sip-font-family`, `--sip-font-size`, `--sip-color-text`, `--sip-color-muted`,
 * `--sip-color-surface`, `--sip-color-surface-muted`, `--sip-color-border`,
 * `--sip-color-accent`, `--sip-color-accent-text`, `--sip-color-focus`,
 * `--sip-color-danger`, `--sip-color-danger-surface`, `--sip-color-warning`,
 * `--sip-color-warning-surface`, `--sip-color-success`, `--sip-space-2xs`,
 * `--sip-space-xs`, `--sip-space-s`, `--sip-space-m`, `--sip-space-l`,
 * `--sip-radius`, `--sip-radius-pill`, `--sip-target-size`.
 */
export const sipBaseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--sip-font-family, inherit);
    font-size: var(--sip-font-size, inherit);
    line-height: 1.5;
    color: var(--sip-color-text, #1f2328);
    min-width: 0;
    max-width: 100%;
    overflow-wrap: anywhere;
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3 {
    margin: var(--sip-space-m, 1rem) 0 var(--sip-space-xs, 0.5rem);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.05em;
  }
  p {
    margin: 0 0 var(--sip-space-xs, 0.5rem);
  }
  section {
    margin-block: var(--sip-space-l, 1.5rem);
  }
  .sip-field,
  .sip-fieldset {
    display: flex;
    flex-direction: column;
    gap: var(--sip-space-2xs, 0.25rem);
    margin: 0 0 var(--sip-space-s, 0.75rem);
    min-width: 0;
  }
  .sip-fieldset {
    border: 1px solid var(--sip-color-border, #8c959f);
    border-radius: var(--sip-radius, 0.375rem);
    padding: var(--sip-space-xs, 0.5rem) var(--sip-space-s, 0.75rem);
  }
  label,
  legend {
    font-weight: 600;
  }
  .sip-required,
  .sip-help {
    font-weight: 400;
    color: var(--sip-color-muted, #57606a);
    font-size: 0.9em;
    margin: 0;
  }
  input,
  textarea,
  select,
  button {
    font: inherit;
    color: inherit;
  }
  input:not([type='checkbox']),
  textarea,
  select {
    width: 100%;
    max-width: 40rem;
    min-height: var(--sip-target-size, 2.5rem);
    padding: var(--sip-space-2xs, 0.25rem) var(--sip-space-xs, 0.5rem);
    border: 1px solid var(--sip-color-border, #8c959f);
    border-radius: var(--sip-radius, 0.375rem);
    background: var(--sip-color-surface, #fff);
  }
  input[type='checkbox'] {
    /* Never shrunk below 24 × 24 px by a label that wraps beside it. */
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--sip-color-accent, #0b5cad);
  }
  .sip-check {
    display: flex;
    align-items: center;
    gap: var(--sip-space-xs, 0.5rem);
    min-height: 1.75rem;
  }
  .sip-check label {
    font-weight: 400;
  }
  input[readonly],
  textarea[readonly] {
    background: var(--sip-color-surface-muted, #f3f4f6);
  }
  .sip-invalid input,
  .sip-invalid textarea,
  .sip-invalid select {
    border: 2px solid var(--sip-color-danger, #a4000f);
  }
  .sip-errors {
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--sip-color-danger, #a4000f);
    font-weight: 600;
  }
  .sip-errors li::before {
    content: '! ';
  }
  button {
    min-height: var(--sip-target-size, 2.5rem);
    min-width: 1.5rem;
    padding: var(--sip-space-2xs, 0.25rem) var(--sip-space-s, 0.75rem);
    border: 1px solid var(--sip-color-border, #8c959f);
    border-radius: var(--sip-radius, 0.375rem);
    background: var(--sip-color-surface, #fff);
    cursor: pointer;
  }
  button.sip-primary {
    background: var(--sip-color-accent, #0b5cad);
    color: var(--sip-color-accent-text, #fff);
    border-color: var(--sip-color-accent, #0b5cad);
    font-weight: 600;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  :focus-visible {
    outline: 3px solid var(--sip-color-focus, #0b5cad);
    outline-offset: 2px;
  }
  .sip-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--sip-space-s, 0.75rem);
  }
  .sip-item {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sip-space-xs, 0.5rem);
    align-items: flex-start;
    padding: var(--sip-space-s, 0.75rem);
    border: 1px solid var(--sip-color-border, #8c959f);
    border-radius: var(--sip-radius, 0.375rem);
    background: var(--sip-color-surface, #fff);
    /* No content-visibility: skipped items' buttons overlap what follows (axe target-size). */
  }
  .sip-item-body {
    flex: 1 1 16rem;
    min-width: 0;
  }
  .sip-item-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sip-space-2xs, 0.25rem);
  }
  .sip-empty {
    color: var(--sip-color-muted, #57606a);
    font-style: italic;
  }
  .sip-notice,
  .sip-approval {
    padding: var(--sip-space-xs, 0.5rem) var(--sip-space-s, 0.75rem);
    border-inline-start: 4px solid var(--sip-color-warning, #6b4500);
    background: var(--sip-color-warning-surface, #fff4d6);
    color: var(--sip-color-text, #1f2328);
    border-radius: var(--sip-radius, 0.375rem);
  }
  .sip-visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      color: var(--sip-color-text, #e6e6e6);
    }
    input:not([type='checkbox']),
    textarea,
    select,
    button,
    .sip-item {
      background: var(--sip-color-surface, #1c1f24);
      border-color: var(--sip-color-border, #6e7681);
    }
    input[readonly],
    textarea[readonly] {
      background: var(--sip-color-surface-muted, #2a2d33);
    }
    .sip-required,
    .sip-help,
    .sip-empty {
      color: var(--sip-color-muted, #b1bac4);
    }
    .sip-errors {
      color: var(--sip-color-danger, #ff8a93);
    }
    .sip-notice,
    .sip-approval {
      background: var(--sip-color-warning-surface, #3a2d00);
      color: var(--sip-color-text, #e6e6e6);
    }
    button.sip-primary {
      background: var(--sip-color-accent, #4b9be8);
      border-color: var(--sip-color-accent, #4b9be8);
      color: var(--sip-color-accent-text, #0d1117);
    }
  }
  @media (forced-colors: active) {
    input:not([type='checkbox']),
    textarea,
    select,
    button,
    .sip-item,
    .sip-notice,
    .sip-approval {
      border: 1px solid CanvasText;
      forced-color-adjust: auto;
    }
    button.sip-primary {
      border: 2px solid ButtonText;
    }
    .sip-errors {
      color: CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
  @media (max-width: 30rem) {
    .sip-item-actions {
      width: 100%;
    }
  }
  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    button,
    [part~='announcer'],
    [part~='toolbar'],
    [part~='item-actions'] {
      display: none !important;
    }
    input:not([type='checkbox']),
    textarea,
    select {
      border: none;
      border-bottom: 1px solid #000;
      background: none;
      resize: none;
    }
    .sip-item,
    section {
      break-inside: avoid;
      border-color: #000;
    }
  }
`;

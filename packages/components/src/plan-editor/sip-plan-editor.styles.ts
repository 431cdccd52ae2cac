import { css } from 'lit';

/** Styles of `<sip-plan-editor>` beyond the shared base. */
export const planEditorStyles = css`
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sip-space-xs, 0.5rem);
    padding-block: var(--sip-space-xs, 0.5rem);
    border-bottom: 1px solid var(--sip-color-border, #8c959f);
  }
  [part~='save-status'] {
    margin: 0;
    margin-inline-start: auto;
    color: var(--sip-color-muted, #57606a);
  }
  /* The three boxes above the plan. */
  [part~='save-error'],
  [part~='deadline-banner'],
  [part~='completeness'] {
    padding: var(--sip-space-s, 0.75rem);
    border-radius: var(--sip-radius, 0.375rem);
    background: var(--sip-color-surface-muted, #f3f4f6);
    margin-block: var(--sip-space-s, 0.75rem);
  }
  [part~='save-error'] {
    border: 2px solid var(--sip-color-danger, #a4000f);
    background: var(--sip-color-danger-surface, #fde8ea);
  }
  [part~='deadline-banner'] ul,
  [part~='completeness'] ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  [part~='deadline-banner'] li {
    list-style: none;
    margin-block: var(--sip-space-2xs, 0.25rem);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: 0 var(--sip-space-s, 0.75rem);
  }
  .add-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--sip-space-xs, 0.5rem);
    margin-top: var(--sip-space-s, 0.75rem);
  }
  .add-row .sip-field {
    flex: 1 1 14rem;
    margin: 0;
  }
  .summary {
    margin: 0;
    color: var(--sip-color-muted, #57606a);
  }
  [part~='person-view'] h2 {
    font-size: 1.2em;
  }
  [part~='person-view'] p,
  [part~='person-view'] li {
    font-size: 1.1em;
  }
  @media (prefers-color-scheme: dark) {
    [part~='deadline-banner'],
    [part~='completeness'] {
      background: var(--sip-color-surface-muted, #2a2d33);
    }
    [part~='save-error'] {
      background: var(--sip-color-danger-surface, #3d0a10);
    }
  }
  /* The save error has its border already (forced colours recolour it). */
  @media (forced-colors: active) {
    [part~='deadline-banner'],
    [part~='completeness'] {
      border: 2px solid CanvasText;
    }
  }
`;

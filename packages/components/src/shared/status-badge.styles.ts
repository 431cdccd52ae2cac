import { css } from 'lit';

/** Styles for `<sip-status-badge>`: shape and icon carry the status too, never colour alone. */
export const statusBadgeStyles = css`
  :host {
    display: inline-flex;
    font: inherit;
  }
  [part='badge'] {
    display: inline-flex;
    align-items: center;
    gap: var(--sip-space-2xs, 0.25rem);
    padding: var(--sip-space-2xs, 0.125rem) var(--sip-space-xs, 0.5rem);
    border-radius: var(--sip-radius-pill, 999px);
    border: 1px solid currentColor;
    font-size: var(--sip-font-size-sm, 0.875em);
    line-height: 1.4;
    color: var(--sip-color-text, #1f2328);
    background: var(--sip-color-surface-muted, #f3f4f6);
  }
  [part='icon'] {
    font-weight: 700;
  }
  :host([status='overdue']) [part='badge'] {
    color: var(--sip-color-danger, #a4000f);
    background: var(--sip-color-danger-surface, #fde8ea);
    border-width: 2px;
    font-weight: 700;
  }
  :host([status='due-today']) [part='badge'],
  :host([status='met-late']) [part='badge'] {
    color: var(--sip-color-warning, #6b4500);
    background: var(--sip-color-warning-surface, #fff4d6);
  }
  :host([status='met']) [part='badge'] {
    color: var(--sip-color-success, #0b5d1e);
    background: var(--sip-color-success-surface, #e3f4e7);
  }
  @media (prefers-color-scheme: dark) {
    [part='badge'] {
      color: var(--sip-color-text, #e6e6e6);
      background: var(--sip-color-surface-muted, #2a2d33);
    }
  }
  @media (forced-colors: active) {
    [part='badge'] {
      border-color: CanvasText;
      color: CanvasText;
      background: Canvas;
    }
  }
`;

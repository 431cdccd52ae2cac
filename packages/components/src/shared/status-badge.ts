import { LitElement, html } from 'lit';
import { statusBadgeStyles } from './status-badge.styles.js';

/** The deadline states a badge can show (the same words as `computeDeadlines` in core). */
export type BadgeStatus = 'upcoming' | 'due-today' | 'overdue' | 'met' | 'met-late';

const ICONS: Record<BadgeStatus, string> = {
  upcoming: '○',
  'due-today': '◐',
  overdue: '!',
  met: '✓',
  'met-late': '✓',
};

/**
 * A small status pill for deadlines. The status is carried by an icon and the
 * visible label as well as colour, so it reads in forced-colors mode and for
 * people who do not see colour.
 *
 * @tagname sip-status-badge
 * @csspart badge - The pill.
 * @csspart icon - The status icon (hidden from assistive technology).
 * @cssprop --sip-color-danger - Text colour of an overdue badge.
 * @cssprop --sip-color-warning - Text colour of due-today and met-late badges.
 * @cssprop --sip-color-success - Text colour of a met badge.
 * @cssprop --sip-radius-pill - Corner radius of the pill.
 */
export class SipStatusBadge extends LitElement {
  static override styles = statusBadgeStyles;

  static override properties = {
    status: { reflect: true },
    label: {},
  };

  /** Which state to show. */
  status: BadgeStatus = 'upcoming';
  /** The visible, already translated text, e.g. "Försenad sedan 3 dec". */
  label = '';

  override render() {
    return html`<span part="badge"><span part="icon" aria-hidden="true">${ICONS[this.status] ?? '○'}</span><span>${this.label}</span></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sip-status-badge': SipStatusBadge;
  }
}

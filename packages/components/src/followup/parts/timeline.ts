/**
 * The deadline timeline of `<sip-followup>`: one entry per deadline from the
 * rules (`computeDeadlines`), oldest due date first. An overdue entry stands
 * out by its badge icon and word, a heavier dashed frame and a leading mark —
 * never by colour alone.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Deadline } from '@sip-kit/core';
import { deadlineLabelKey } from '../../shared/format.js';
import type { FollowupKey } from '../messages/sv.js';
import type { SharedKey } from '../../i18n/shared.js';

/** Translates a key of `<sip-followup>` (or a shared key). */
export type Translate = (key: FollowupKey | SharedKey, params?: Readonly<Record<string, string | number>>) => string;

/** A copy of `items` sorted by the ISO day each has, oldest first (ties keep their order). */
export function oldestFirst<T>(items: readonly T[], day: (item: T) => string): T[] {
  return [...items].sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0));
}

/** The timeline list (or a sentence when there is nothing to show). */
export function deadlineTimeline(deadlines: readonly Deadline[], t: Translate, date: (d: string) => string, who: (ref: string | undefined) => string): TemplateResult {
  if (!deadlines.length) return html`<p part="empty">${t('deadlines.none')}</p>`;
  return html`<ol class="timeline" part="timeline">
    ${oldestFirst(deadlines, (d) => d.due).map((d) => {
      const left = d.workingDaysLeft;
      const days =
        d.metOn !== undefined
          ? t('deadline.metOn', { date: date(d.metOn) })
          : left === undefined
            ? ''
            : left < 0
              ? t('deadline.late', { days: -left })
              : left === 1
                ? t('deadline.leftOne')
                : left > 1
                  ? t('deadline.left', { days: left })
                  : '';
      const ref = d.kind === 'follow-up' ? who(d.ref) : '';
      return html`<li class="deadline ${d.status}" part="deadline deadline-${d.status}" data-status=${d.status}>
        <span class="mark" aria-hidden="true"></span>
        <span class="what">${t(deadlineLabelKey(d.kind))}${ref ? html` <span class="muted">(${ref})</span>` : nothing}</span>
        <sip-status-badge status=${d.status} label=${t(`status.${d.status}`)}></sip-status-badge>
        <span class="when">${t('deadline.due', { date: date(d.due) })}${days ? html` · <strong>${days}</strong>` : nothing}</span>
      </li>`;
    })}
  </ol>`;
}

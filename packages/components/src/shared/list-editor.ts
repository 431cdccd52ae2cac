import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Locale } from '@sip-kit/core';
import { sharedMessages } from '../i18n/shared.js';

/** Options of {@link listEditor}. */
export interface ListEditorOptions<T> {
  /** Prefix for DOM ids, unique in the shadow root (e.g. `goals`). Buttons get `${id}-${key}-up|down|remove`. */
  id: string;
  /** Id of the heading that names the list. */
  labelledBy: string;
  /** The items, in order. */
  items: readonly T[];
  /** A stable key per item (its id). */
  key: (item: T) => string;
  /** A short name of the item for button labels and announcements, e.g. the goal's text. */
  itemLabel: (item: T, index: number) => string;
  /** The item's own content. */
  renderItem: (item: T, index: number) => TemplateResult;
  /** The UI locale. */
  locale: Locale;
  /** No buttons when read-only. */
  readonly?: boolean | undefined;
  /** Move an item to position `to` (0-based). Omit to hide the move buttons. */
  onMove?: ((item: T, to: number) => void) | undefined;
  /** Remove an item. Omit to hide the remove button. */
  onRemove?: ((item: T) => void) | undefined;
  /** Text shown when the list is empty. */
  emptyText?: string | undefined;
  /** Extra part names on the list (always has `list`). */
  part?: string | undefined;
}

/**
 * An ordered list whose items can be moved and removed with buttons, so
 * reordering never needs a mouse or drag and drop. Pair it with
 * {@link focusAfterUpdate} to put focus back after a move or removal.
 */
export function listEditor<T>(o: ListEditorOptions<T>): TemplateResult {
  const t = (k: 'list.moveUp' | 'list.moveDown' | 'list.remove' | 'list.empty') => sharedMessages.t(o.locale, k);
  if (o.items.length === 0) return html`<p class="sip-empty" part="empty">${o.emptyText ?? t('list.empty')}</p>`;
  const last = o.items.length - 1;
  return html`<ol class="sip-list" part=${`list ${o.part ?? ''}`.trim()} aria-labelledby=${o.labelledBy}>
    ${repeat(
      o.items,
      o.key,
      (item, i) => html`<li class="sip-item" part="item" data-key=${o.key(item)}>
        <div class="sip-item-body">${o.renderItem(item, i)}</div>
        ${o.readonly || (!o.onMove && !o.onRemove)
          ? nothing
          : html`<div class="sip-item-actions" part="item-actions">
              ${o.onMove
                ? html`<button type="button" part="button move-up" id=${`${o.id}-${o.key(item)}-up`} ?disabled=${i === 0} @click=${() => o.onMove!(item, i - 1)}>
                      <span aria-hidden="true">↑ </span>${t('list.moveUp')}<span class="sip-visually-hidden">: ${o.itemLabel(item, i)}</span></button
                    ><button type="button" part="button move-down" id=${`${o.id}-${o.key(item)}-down`} ?disabled=${i === last} @click=${() => o.onMove!(item, i + 1)}>
                      <span aria-hidden="true">↓ </span>${t('list.moveDown')}<span class="sip-visually-hidden">: ${o.itemLabel(item, i)}</span>
                    </button>`
                : nothing}
              ${o.onRemove
                ? html`<button type="button" part="button remove" id=${`${o.id}-${o.key(item)}-remove`} @click=${() => o.onRemove!(item)}>
                    ${t('list.remove')}<span class="sip-visually-hidden">: ${o.itemLabel(item, i)}</span>
                  </button>`
                : nothing}
            </div>`}
      </li>`,
    )}
  </ol>`;
}

/**
 * After the host's next render, focuses the first of `selectors` that exists
 * and is enabled (e.g. the moved item's button, else its other move button,
 * else the list's add button). Keeps keyboard users where they were working.
 */
export async function focusAfterUpdate(host: { updateComplete: Promise<unknown>; renderRoot: ParentNode }, ...selectors: string[]): Promise<void> {
  await host.updateComplete;
  for (const s of selectors) {
    const el = host.renderRoot.querySelector<HTMLElement>(s);
    if (el && !(el as HTMLButtonElement).disabled) {
      el.focus();
      return;
    }
  }
}

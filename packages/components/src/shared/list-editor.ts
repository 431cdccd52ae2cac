import { html, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
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
  /**
   * What an item's content depends on besides the item object, its position,
   * `locale` and `readonly` (e.g. its error messages). When given, an item is
   * rendered again only when one of these changed (compared with `===`), so a
   * keystroke in a long list touches only the edited item: plans are immutable,
   * so an unchanged item is the same object. `renderItem` must then read
   * nothing else, and its event handlers must not hold on to anything else.
   * Omit to render every item every time.
   */
  deps?: ((item: T, index: number) => readonly unknown[]) | undefined;
  /**
   * Render only the first `rendered` items for now (a long list's rest can
   * follow after the first paint); positions and move buttons still count
   * every item, and the list is `aria-busy` until all are there. Default: all.
   */
  rendered?: number | undefined;
}

/**
 * One click handler per list instead of three closures per item: an item that
 * was not rendered again still acts on the list as it is now, because the
 * handler finds the item in the options of the latest render.
 */
function onListClick<T>(e: Event, o: ListEditorOptions<T>): void {
  const button = (e.target as Element).closest?.<HTMLButtonElement>('button[data-list-action]');
  if (!button || button.disabled || button.closest('ol') !== e.currentTarget) return;
  const key = button.closest<HTMLElement>('li')?.dataset['key'];
  const index = o.items.findIndex((item) => o.key(item) === key);
  const item = o.items[index];
  if (item === undefined) return;
  const action = button.dataset['listAction'];
  if (action === 'remove') o.onRemove?.(item);
  else o.onMove?.(item, action === 'up' ? index - 1 : index + 1);
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
  const up = o.onMove && !o.readonly ? t('list.moveUp') : '';
  const down = o.onMove && !o.readonly ? t('list.moveDown') : '';
  const remove = o.onRemove && !o.readonly ? t('list.remove') : '';
  // One template per item, without whitespace between tags or hidden spans
  // (the item's name is in aria-label): in a list of hundreds of items every
  // node and every nested template counts. The name is the visible text and
  // the item, e.g. "Move up: Find work" (the arrow is not part of it).
  const render = (item: T, i: number): TemplateResult => {
    const key = o.key(item);
    const body = o.renderItem(item, i);
    const label = o.itemLabel(item, i);
    if (up && remove) {
      return html`<li class="sip-item" part="item" data-key=${key}><div class="sip-item-body">${body}</div><div class="sip-item-actions" part="item-actions"><button type="button" part="button move-up" id=${`${o.id}-${key}-up`} data-list-action="up" aria-label=${`${up}: ${label}`} ?disabled=${i === 0}>↑ ${up}</button><button type="button" part="button move-down" id=${`${o.id}-${key}-down`} data-list-action="down" aria-label=${`${down}: ${label}`} ?disabled=${i === last}>↓ ${down}</button><button type="button" part="button remove" id=${`${o.id}-${key}-remove`} data-list-action="remove" aria-label=${`${remove}: ${label}`}>${remove}</button></div></li>`;
    }
    if (up) {
      return html`<li class="sip-item" part="item" data-key=${key}><div class="sip-item-body">${body}</div><div class="sip-item-actions" part="item-actions"><button type="button" part="button move-up" id=${`${o.id}-${key}-up`} data-list-action="up" aria-label=${`${up}: ${label}`} ?disabled=${i === 0}>↑ ${up}</button><button type="button" part="button move-down" id=${`${o.id}-${key}-down`} data-list-action="down" aria-label=${`${down}: ${label}`} ?disabled=${i === last}>↓ ${down}</button></div></li>`;
    }
    if (remove) {
      return html`<li class="sip-item" part="item" data-key=${key}><div class="sip-item-body">${body}</div><div class="sip-item-actions" part="item-actions"><button type="button" part="button remove" id=${`${o.id}-${key}-remove`} data-list-action="remove" aria-label=${`${remove}: ${label}`}>${remove}</button></div></li>`;
    }
    return html`<li class="sip-item" part="item" data-key=${key}><div class="sip-item-body">${body}</div></li>`;
  };
  const deps = o.deps;
  const partial = o.rendered !== undefined && o.rendered < o.items.length;
  return html`<ol class="sip-list" part=${`list ${o.part ?? ''}`.trim()} aria-labelledby=${o.labelledBy} aria-busy=${partial ? 'true' : 'false'} @click=${(e: Event) => onListClick(e, o)}>
    ${repeat(partial ? o.items.slice(0, o.rendered) : o.items, o.key, deps ? (item, i) => guard([item, i, i === last, Boolean(o.readonly), up, remove, o.locale, o.id, ...deps(item, i)], () => render(item, i)) : render)}
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

import { CSSResult, LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Actor, IsoDate, Locale, Plan, PlanCommand, StoreEvent } from '@sip-kit/core';
import type { PlanFeedback, PlanStoreService, RepositoryService } from '../context/services.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { sharedMessages, type SharedKey } from '../i18n/shared.js';
import { AnnouncerController } from './announcer.js';
import type { LazyPart } from './lazy-part.js';
import { LocaleController } from './locale-controller.js';
import { PlanController } from './plan-controller.js';

/**
 * A bubbling, composed `sip-` event. Built outside the class so the manifest
 * analyzer lists only the events each element documents with `@fires`.
 */
function sipEvent<T>(type: string, detail: T, cancelable: boolean): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable });
}

/**
 * The base of every sip-kit element. It resolves, the same way everywhere:
 * - the plan store (the provider's, or its own when given `.plan`);
 * - the locale (`locale` property, a nearer `lang`, the provider, Swedish) and
 *   the active locale's strings only;
 * - rules feedback (`this.feedback`) from the provider's rules service or the
 *   plan's default pack;
 * - autosave status, and a live region (`this.announcer`).
 *
 * A subclass supplies its catalogue (`catalogue`), renders from `this.plan`,
 * changes the plan only through `this.runCommand(store => store.addGoal(…))`,
 * and fires its own events from `planChanged()`.
 *
 * @typeParam K - The keys of the subclass's own UI catalogue.
 */
export abstract class SipElement<K extends string = never> extends LitElement {
  static override properties: PropertyDeclarations = {
    plan: { attribute: false, noAccessor: true },
    locale: { reflect: false },
    readonly: { type: Boolean, reflect: true },
    today: {},
    repository: { attribute: false },
    actor: { attribute: false },
    autosave: { type: Boolean, converter: { fromAttribute: (v: string | null) => v !== 'false' } },
  };

  /** UI language: `sv` (default), `nb`, `nn`, `en` or any BCP 47 tag. Beats `lang` and the provider. */
  locale?: string;
  /** Show the plan without any way of changing it. */
  readonly = false;
  /** The day counted as today (`YYYY-MM-DD`) when no provider gives a rules service. */
  today?: IsoDate;
  /** Where drafts of a plan given with `.plan` are saved (default: the provider's, else browser storage). */
  repository?: RepositoryService;
  /** Who is making changes to a plan given with `.plan` (default: the provider's actor). */
  actor?: Actor;
  /** Autosave a plan given with `.plan` (default true; `autosave="false"` turns it off). */
  autosave = true;

  /** The subclass's own catalogue (override it; read once, in the constructor). */
  protected get catalogue(): Catalogue<K> | undefined {
    return undefined;
  }

  /** @internal */
  protected readonly planController = new PlanController(this, (plan, change) => this.planChanged(plan, change));
  /** @internal */
  protected readonly localeController: LocaleController;
  /** The element's live region. */
  protected readonly announcer = new AnnouncerController(this);

  constructor() {
    super();
    const own = this.catalogue;
    this.localeController = new LocaleController(this, own ? [sharedMessages, own as Catalogue<string>] : [sharedMessages]);
  }

  /**
   * The plan shown. Setting it gives the element a store of its own (unless it
   * is the plan already shown); reading it gives the current plan, with every
   * edit made so far.
   */
  get plan(): Plan | undefined {
    return this.planController.plan;
  }
  set plan(value: Plan | undefined) {
    const old = this.planController.plan;
    this.planController.setPlan(value);
    this.requestUpdate('plan', old);
  }

  /** The store the element works on. */
  get store(): PlanStoreService | undefined {
    return this.planController.store;
  }

  /** The resolved UI locale. */
  get activeLocale(): Locale {
    return this.localeController.value;
  }

  /** Completeness and deadlines for the current plan, from the rules. */
  get feedback(): PlanFeedback {
    return this.planController.feedback(this.localeController.value);
  }

  /** A UI string in the active locale. */
  protected t(key: K | SharedKey, params?: Readonly<Record<string, string | number>>): string {
    const own = this.catalogue;
    const locale = this.localeController.value;
    if (own && key in own.sv) return own.t(locale, key as K, params);
    return sharedMessages.t(locale, key as SharedKey, params);
  }

  /**
   * Runs one store command. A refused command does not throw: it is returned
   * (and announced by the subclass) so the user's input stays where it is.
   */
  protected runCommand<R>(command: (store: PlanStoreService) => R) {
    return this.planController.run(command);
  }

  #lazyLoads = new Set<Promise<unknown>>();

  /**
   * Renders a part whose code loads on demand (see `LazyPart`): `render(module)`
   * once it has loaded; until then a busy status line, and after a failed load a
   * plain-language message with a retry button. `updateComplete` waits for it.
   * `messages` names the part's own catalogue, if it has one: it is loaded in
   * the active locale before the part shows, and on every later locale change.
   * A part module that exports `styles` (a lit `css` result) has them adopted
   * into the element's shadow root before it first shows.
   */
  protected lazy<T>(
    part: LazyPart<T>,
    render: (module: T) => TemplateResult | typeof nothing,
    messages?: (module: T) => Catalogue<string>,
  ): TemplateResult | typeof nothing {
    const module = part.get(this);
    // A part may bring its own strings: it shows once they are there in the active locale (no flash of Swedish).
    const catalogue = module && messages?.(module);
    if (module && (!catalogue || catalogue.peek(this.activeLocale))) {
      if (catalogue) void this.localeController.use(catalogue);
      const styles = (module as { styles?: unknown }).styles;
      if (styles instanceof CSSResult) this.#adopt(styles);
      return render(module);
    }
    const failed = !catalogue && part.failed;
    if (catalogue) this.#track(this.localeController.use(catalogue).then(() => this.requestUpdate()));
    else if (!failed) this.#track(part.load());
    // One paragraph for both states, so a keyboard user who presses "try again" keeps focus on it while the part loads.
    return html`<p class=${failed ? 'lazy-failed' : 'lazy-loading'} role=${failed ? 'alert' : 'status'} aria-busy=${failed ? 'false' : 'true'} tabindex="-1">
      ${failed ? this.t('part.failed') : this.t('part.loading')}
      ${failed ? html`<button type="button" @click=${(e: Event) => this.#retry(part, e)}>${this.t('part.retry')}</button>` : nothing}
    </p>`;
  }

  #retry(part: LazyPart<unknown>, event: Event): void {
    (event.currentTarget as HTMLElement).parentElement?.focus();
    this.#track(part.retry());
    this.requestUpdate();
  }

  /**
   * Adds a part's styles to the shadow root as a constructed style sheet, the
   * way lit adopts `static styles`: a strict CSP (`style-src 'self'`) allows
   * it, where a `<style>` element in the template would be a violation.
   */
  #adopt(styles: CSSResult): void {
    const root = this.renderRoot;
    const sheet = styles.styleSheet;
    if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  #track(load: Promise<unknown>): void {
    this.#lazyLoads.add(load);
    void load.finally(() => this.#lazyLoads.delete(load));
  }

  /** Fires a `sip-` event that bubbles out of the shadow root. */
  protected emit<T>(type: `sip-${string}`, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(sipEvent(type, detail, cancelable));
  }

  /** Called after every change of the plan (command, undo, redo, save, replace). */
  protected planChanged(_plan: Plan, _change: PlanCommand | StoreEvent): void {}

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale' as keyof SipElement)) this.localeController.resolve();
  }

  /** Resolves after the next render, once the active locale's strings, the rule pack and core's messages are loaded. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    // Strings, the rule pack and core's messages load on demand: wait for them and the render they cause.
    for (let round = 0; round < 5; round++) {
      const pending = this.planController.pending;
      await Promise.all([this.localeController.ready, pending?.catch(() => undefined), ...this.#lazyLoads]);
      if (!this.isUpdatePending && !this.planController.pending && this.#lazyLoads.size === 0) break;
      result = await super.getUpdateComplete();
    }
    return result;
  }
}

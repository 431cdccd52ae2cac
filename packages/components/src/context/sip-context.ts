import { LitElement, css, html, type PropertyValues } from 'lit';
import { createPlanStore, isLocale, resolveLocale, type Actor, type IsoDate, type Locale, type Plan } from '@sip-kit/core';
import { defaultRepository } from './default-repository.js';
import { provideSip, type SipProvision } from './provide.js';
import { createRulesService } from './rules-service.js';
import type { PlanStoreService, RepositoryService, RulesService } from './services.js';

/** Detail of `sip-context-error`. */
export interface SipContextErrorDetail {
  /** What failed: loading the plan by `plan-id`, or turning `.plan` into a store. */
  stage: 'load' | 'plan';
  /** The error (a `NotFoundError`, `NetworkError`, `SipValidationError` …). */
  error: unknown;
}

/** Used when the host names no actor; hosts should always set `.actor` so the audit trail says who. */
const UNKNOWN_ACTOR: Actor = { id: 'unknown-user' };

/**
 * Provides sip-kit services — plan store, rules, locale, repository, actor,
 * autosave — to every sip-kit element inside it. It renders nothing of its
 * own (`display: contents`).
 *
 * Give it a plan with `.plan`, or a `plan-id` to load from `.repository`
 * (browser storage when none is given). Changes autosave to the repository.
 *
 * @tagname sip-context
 * @slot - The sip-kit elements (and anything else) that use the services.
 * @fires {CustomEvent<{ store: PlanStoreService }>} sip-context-ready - A plan store is ready (after `.plan` is set or `plan-id` has loaded).
 * @fires {CustomEvent<SipContextErrorDetail>} sip-context-error - Loading the plan failed, or `.plan` is not a valid plan.
 */
export class SipContext extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    planId: { attribute: 'plan-id' },
    pack: {},
    locale: {},
    today: {},
    autosaveDelay: { attribute: 'autosave-delay', type: Number },
    repository: { attribute: false },
    actor: { attribute: false },
    plan: { attribute: false },
    rules: { attribute: false },
  };

  /** Id of the plan to load from the repository. */
  planId?: string;
  /** Rule pack id, e.g. `se-default`, `se-varmland-2014`, `no-default` (default: the plan type's pack). */
  pack?: string;
  /** UI locale: `sv` (default), `nb`, `nn`, `en`, or any BCP 47 tag. A nearer `lang` attribute wins. */
  locale?: string;
  /** The day counted as today for deadlines (`YYYY-MM-DD`; default the local day). */
  today?: IsoDate;
  /** Autosave debounce in milliseconds (default 1000). */
  autosaveDelay = 1000;
  /** Where plans are loaded from and saved to (default: browser storage). */
  repository?: RepositoryService;
  /** The user of the host system, written to the audit trail. */
  actor?: Actor;
  /** A plan to edit (instead of `plan-id`). */
  plan?: Plan;
  /** A rules service of your own (instead of `pack` and `today`). */
  rules?: RulesService;

  private readonly provideOptions = { autosaveDelay: 1000 };
  private readonly provision: SipProvision = provideSip(this, {}, this.provideOptions);
  private loadToken = 0;

  /** The store provided to the elements inside (undefined until a plan is set or loaded). */
  get store(): PlanStoreService | undefined {
    return this.provision.services.store;
  }

  override render() {
    return html`<slot></slot>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) {
      this.provision.update({ locale: toLocale(this.locale) });
    }
    if (changed.has('autosaveDelay')) this.provideOptions.autosaveDelay = this.autosaveDelay;
    if (changed.has('actor')) this.provision.update({ actor: this.actor });
    if (changed.has('rules') || changed.has('pack') || changed.has('today')) {
      this.provision.update({ rules: this.rules ?? createRulesService({ ...(this.pack ? { pack: this.pack } : {}), ...(this.today ? { today: this.today } : {}) }) });
    }
    // A `.plan` without a repository autosaves to browser storage, like a plan loaded by `plan-id`.
    if (changed.has('repository') || (changed.has('plan') && this.plan && !this.provision.services.repository)) void this.resolveRepository();
    if (changed.has('plan') && this.plan) this.useplan(this.plan);
    else if (changed.has('planId') && this.planId && !this.plan) void this.load(this.planId);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Save what is pending before the element goes away.
    void this.provision.services.saver?.flush();
  }

  private async resolveRepository(): Promise<RepositoryService | undefined> {
    const repository = this.repository ?? (await defaultRepository());
    if (this.provision.services.repository !== repository) this.provision.update({ repository });
    return repository;
  }

  private useplan(plan: Plan): void {
    if (this.provision.services.store?.plan === plan) return;
    try {
      this.setStore(createPlanStore(plan, { actor: this.actor ?? UNKNOWN_ACTOR }));
    } catch (error) {
      this.fail('plan', error);
    }
  }

  private async load(id: string): Promise<void> {
    const token = ++this.loadToken;
    try {
      const repository = await this.resolveRepository();
      if (!repository) throw new Error('No repository to load the plan from');
      const plan = await repository.load(id);
      if (token !== this.loadToken) return;
      this.setStore(createPlanStore(plan, { actor: this.actor ?? UNKNOWN_ACTOR }));
    } catch (error) {
      if (token === this.loadToken) this.fail('load', error);
    }
  }

  private setStore(store: PlanStoreService): void {
    void this.provision.services.saver?.flush();
    this.provision.update({ store });
    this.dispatchEvent(new CustomEvent('sip-context-ready', { detail: { store }, bubbles: true, composed: true }));
  }

  private fail(stage: SipContextErrorDetail['stage'], error: unknown): void {
    this.dispatchEvent(new CustomEvent<SipContextErrorDetail>('sip-context-error', { detail: { stage, error }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sip-context': SipContext;
  }
}

/** The locale a `locale` attribute asks for. */
export function toLocale(value: string | undefined): Locale | undefined {
  return value ? (isLocale(value) ? value : resolveLocale(value)) : undefined;
}

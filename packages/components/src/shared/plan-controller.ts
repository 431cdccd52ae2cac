import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createPlanStore, type Actor, type IsoDate, type Locale, type Plan, type PlanCommand, type RulePack, type StoreEvent } from '@sip-kit/core';
import { ensureContextRoot } from '../context/context-root.js';
import { defaultRepository } from '../context/default-repository.js';
import { actorContext, planStoreContext, repositoryContext, rulesContext, saverContext } from '../context/keys.js';
import { createRulesService } from '../context/rules-service.js';
import { PlanSaver, type SaveStatus } from '../context/saver.js';
import type { PlanFeedback, PlanStoreService, RepositoryService, RulesService } from '../context/services.js';

/** What a host element offers the controller (the {@link SipElement} properties). */
export interface PlanHost extends ReactiveControllerHost, HTMLElement {
  /** A repository of the element's own (beats the provider's). */
  repository?: RepositoryService | undefined;
  /** The actor of the element's own (beats the provider's). */
  actor?: Actor | undefined;
  /** The day counted as today, when the element works without a provider. */
  today?: IsoDate | undefined;
  /** False turns autosave off for a store the element owns. */
  autosave?: boolean;
}

/** Called after every change of the active store's plan. */
export type PlanChangeListener = (plan: Plan, change: PlanCommand | StoreEvent) => void;

const UNKNOWN_ACTOR: Actor = { id: 'unknown-user' };
const NO_FEEDBACK: PlanFeedback = { complete: true, missing: [], deadlines: [] };

/**
 * Finds the plan store an element works on and keeps the element in step with
 * it: the provider's store (`<sip-context>`, `provideSip`), or — when the
 * element is given `.plan` directly — a store of its own, autosaved to its own
 * repository (browser storage by default). Also resolves the rules service and
 * the autosaver the same way, and re-renders the host on every change.
 */
export class PlanController implements ReactiveController {
  private contextStore: PlanStoreService | undefined;
  private ownStore: PlanStoreService | undefined;
  private contextRules: RulesService | undefined;
  private ownRules: RulesService | undefined;
  private ownRulesToday: IsoDate | undefined;
  private contextSaver: PlanSaver | undefined;
  private ownSaver: PlanSaver | undefined;
  private contextRepository: RepositoryService | undefined;
  private contextActor: Actor | undefined;
  private subscribed: PlanStoreService | undefined;
  private unsubscribeStore: (() => void) | undefined;
  private subscribedSaver: PlanSaver | undefined;
  private unsubscribeSaver: (() => void) | undefined;
  private connected = false;
  /** The last error thrown by a command run through {@link run}. */
  lastError: unknown;

  /**
   * @param host - The element.
   * @param onChange - Called after every change of the plan (to fire the element's own events).
   */
  constructor(
    private readonly host: PlanHost,
    private readonly onChange?: PlanChangeListener,
  ) {
    host.addController(this);
    // Attach the root before the first request, so a provider that upgrades later still finds this element.
    ensureContextRoot();
    new ContextConsumer(host, { context: planStoreContext, subscribe: true, callback: (v) => ((this.contextStore = v), this.sync()) });
    new ContextConsumer(host, { context: rulesContext, subscribe: true, callback: (v) => ((this.contextRules = v), host.requestUpdate()) });
    new ContextConsumer(host, { context: saverContext, subscribe: true, callback: (v) => ((this.contextSaver = v), this.sync()) });
    new ContextConsumer(host, { context: repositoryContext, subscribe: true, callback: (v) => (this.contextRepository = v) });
    new ContextConsumer(host, { context: actorContext, subscribe: true, callback: (v) => (this.contextActor = v) });
  }

  /** The store the element works on: its own (from `.plan`) or the provider's. */
  get store(): PlanStoreService | undefined {
    return this.ownStore ?? this.contextStore;
  }

  /** The current plan, or undefined while there is none. */
  get plan(): Plan | undefined {
    return this.store?.plan;
  }

  /** True when the element edits a store of its own (no provider, or an explicit `.plan`). */
  get standalone(): boolean {
    return this.ownStore !== undefined;
  }

  /** The rules service: the provider's, or one for the plan's default pack. */
  get rules(): RulesService {
    if (this.contextRules) return this.contextRules;
    if (!this.ownRules || this.ownRulesToday !== this.host.today) {
      this.ownRulesToday = this.host.today;
      this.ownRules = createRulesService(this.host.today ? { today: this.host.today } : {});
    }
    return this.ownRules;
  }

  /** Completeness and deadlines for the current plan, messages in `locale` (memoised per plan); empty while the pack loads. */
  feedback(locale?: Locale): PlanFeedback {
    const plan = this.plan;
    if (!plan) return NO_FEEDBACK;
    this.waitFor(this.rules.prepare?.(plan, locale));
    return this.rules.feedback(plan, locale);
  }

  /** The rule pack the current plan is judged by; undefined while it loads (the host re-renders when it arrives). */
  pack(): RulePack | undefined {
    const plan = this.plan;
    if (!plan) return undefined;
    let rules = this.rules;
    // A host's own service may not say which pack it uses: judge by its pack id (or the plan's default).
    if (!rules.packFor) rules = this.packRules ??= createRulesService({ ...(rules.packId ? { pack: rules.packId } : {}), today: rules.today });
    const ready = rules.prepare?.(plan);
    if (ready) {
      this.waitFor(ready);
      return undefined;
    }
    return rules.packFor?.(plan);
  }

  private waiting: Promise<void> | undefined;

  /** What the rules still load for the current plan (a pack, messages), if anything; for `updateComplete`. */
  get pending(): Promise<void> | undefined {
    return this.waiting;
  }
  private packRules: RulesService | undefined;

  /** Re-renders the host once what the rules need has loaded (once per load, not per render). */
  private waitFor(ready: Promise<void> | undefined): void {
    if (!ready || ready === this.waiting) return;
    this.waiting = ready;
    ready.then(
      () => {
        if (this.waiting === ready) this.waiting = undefined;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (this.waiting === ready) this.waiting = undefined;
        console.warn('sip-kit: the rule pack or messages could not be loaded', error);
      },
    );
  }

  /** The autosaver of the active store, if any. */
  get saver(): PlanSaver | undefined {
    return this.ownStore ? this.ownSaver : this.contextSaver;
  }

  /** The autosaver's status (`idle` without one). */
  get saveStatus(): SaveStatus {
    return this.saver?.current ?? { state: 'idle' };
  }

  /** True when there are changes not yet saved. */
  get unsaved(): boolean {
    const saver = this.saver;
    return saver ? saver.unsaved : (this.store?.dirty ?? false);
  }

  /**
   * Gives the element a plan of its own: creates a store for it (unless it is
   * the plan the active store already holds, e.g. a framework echoing the
   * `sip-plan-change` detail back). `undefined` goes back to the provider's store.
   */
  setPlan(plan: Plan | undefined): void {
    if (plan === this.store?.plan) return;
    this.ownSaver?.dispose();
    this.ownSaver = undefined;
    this.ownStore = plan ? createPlanStore(plan, { actor: this.host.actor ?? this.contextActor ?? UNKNOWN_ACTOR }) : undefined;
    if (this.ownStore && this.host.autosave !== false) void this.startOwnSaver(this.ownStore);
    this.sync();
  }

  /**
   * Runs one store command; a refused command (`SipValidationError`) is
   * returned instead of thrown, so the element can show it and keep the input.
   * @returns The command's result, or the error.
   */
  run<R>(command: (store: PlanStoreService) => R): { ok: true; value: R } | { ok: false; error: unknown } {
    const store = this.store;
    if (!store) return { ok: false, error: new Error('No plan') };
    try {
      this.lastError = undefined;
      return { ok: true, value: command(store) };
    } catch (error) {
      this.lastError = error;
      return { ok: false, error };
    }
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribeStore?.();
    this.unsubscribeStore = undefined;
    this.subscribed = undefined;
    this.unsubscribeSaver?.();
    this.unsubscribeSaver = undefined;
    this.subscribedSaver = undefined;
    // Whatever is typed is saved before the element goes away.
    void this.ownSaver?.flush();
  }

  private async startOwnSaver(store: PlanStoreService): Promise<void> {
    const repository = this.host.repository ?? this.contextRepository ?? (await defaultRepository());
    if (!repository || this.ownStore !== store) return;
    this.ownSaver = new PlanSaver(store, repository);
    this.sync();
  }

  /** Subscribes to the active store and saver (and only to them). */
  private sync(): void {
    const store = this.connected ? this.store : undefined;
    if (store !== this.subscribed) {
      this.unsubscribeStore?.();
      this.subscribed = store;
      this.unsubscribeStore = store?.subscribe((plan, change) => {
        this.host.requestUpdate();
        this.onChange?.(plan, change);
      });
    }
    const saver = this.connected ? this.saver : undefined;
    if (saver !== this.subscribedSaver) {
      this.unsubscribeSaver?.();
      this.subscribedSaver = saver;
      this.unsubscribeSaver = saver?.subscribe(() => this.host.requestUpdate());
    }
    this.host.requestUpdate();
  }
}

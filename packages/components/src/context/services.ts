/**
 * The services a host (or `<sip-context>`) provides to sip-kit elements. They
 * are live objects, not snapshots: elements subscribe to the store and ask the
 * rules service for feedback whenever the plan changes.
 * @module
 */
import type { Actor, Deadline, IsoDate, Locale, MissingItem, Plan, PlanStore, RulePack } from '@sip-kit/core';

/**
 * The plan store (`createPlanStore` in `@sip-kit/core`): the one way elements
 * change a plan. Call its commands (`store.addGoal(…)`, `store.dispatch({ type, … })`).
 */
export type PlanStoreService = PlanStore;

/** One completeness problem (core's `MissingItem`): `code`, `path` of the field it concerns, `ref`, `message`. */
export type CompletenessIssue = MissingItem;

/** One computed deadline (core's `Deadline`): `kind`, `ref`, `due`, `status`, `metOn`, `workingDaysLeft`. */
export type DeadlineInfo = Deadline;

/** What the rules say about one plan version. */
export interface PlanFeedback {
  /** True when the plan has everything the pack requires. */
  complete: boolean;
  /** What is missing, each with the path of the field it concerns. */
  missing: CompletenessIssue[];
  /** Deadlines from the pack and calendar. */
  deadlines: DeadlineInfo[];
  /** True while the rule pack or messages are still loading: nothing is known yet (so `complete` says nothing). */
  pending?: boolean;
}

/**
 * The rules service: the compiled (synchronous) evaluator of a rule pack, with
 * its calendar and the day counted as today. Elements never implement rules;
 * they call this.
 */
export interface RulesService {
  /** The pack's id, e.g. `se-default` (undefined: each plan type's default pack). */
  readonly packId: string | undefined;
  /** The day deadlines are counted from (`YYYY-MM-DD`). */
  readonly today: IsoDate;
  /** Completeness and deadlines for `plan`, messages in `locale` (default the plan's); memoised per plan object and locale. */
  feedback(plan: Plan, locale?: Locale): PlanFeedback;
  /**
   * Starts loading what `feedback(plan, locale)` needs (a built-in pack, core's
   * messages in `locale`) and resolves when it is there; `undefined` when
   * nothing is missing. Elements re-render when it resolves. Optional for a
   * host's own service.
   */
  prepare?(plan: Plan, locale?: Locale): Promise<void> | undefined;
  /** The pack `plan` is judged by, when it is loaded (for rules elements call themselves, such as consent warnings). */
  packFor?(plan: Plan): RulePack | undefined;
}

/** Where plans are loaded from and saved to (`PlanRepository` in core; every adapter satisfies it). */
export interface RepositoryService {
  /** Loads the plan with `id`. */
  load(id: string): Promise<Plan>;
  /** Saves `plan` if the stored version is still `expectedVersion`; resolves to the saved plan with its new version. */
  save(plan: Plan, options: { expectedVersion: number }): Promise<Plan>;
}

/** Everything a provider can hand to elements (`provideSip`, `<sip-context>`). */
export interface SipServices {
  /** The shared plan store. */
  store?: PlanStoreService;
  /** The rules service. */
  rules?: RulesService;
  /** The locale of the UI (`lang` on an element or ancestor wins over this). */
  locale?: Locale;
  /** The repository for drafts. */
  repository?: RepositoryService;
  /** The user of the host system, for the audit trail. */
  actor?: Actor;
  /** The autosaver of the shared store. */
  saver?: import('./saver.js').PlanSaver;
}

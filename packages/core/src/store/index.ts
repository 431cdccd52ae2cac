/**
 * The plan store: commands, undo/redo, audit, subscriptions.
 * @module
 */
export { PlanStore, createPlanStore, type PlanListener, type PlanStoreOptions, type StoreEvent } from './store.js';
export { PLAN_TRANSITIONS, applyPatch, type Patch, type PlanCommand, type PlanCommandType, type PlanDetails } from './commands.js';

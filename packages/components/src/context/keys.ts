/**
 * Context keys. They are versioned strings, not symbols, so two copies of the
 * SDK on one page still find each other's providers; the `@1` changes only
 * when a service's shape changes incompatibly.
 * @module
 */
import { createContext } from '@lit/context';
import type { Actor, Locale } from '@sip-kit/core';
import type { PlanSaver } from './saver.js';
import type { PlanStoreService, RepositoryService, RulesService } from './services.js';

/** The shared plan store. */
export const planStoreContext = createContext<PlanStoreService | undefined>('sip-kit/plan-store@1');
/** The rules service (compiled pack + calendar + today). */
export const rulesContext = createContext<RulesService | undefined>('sip-kit/rules@1');
/** The UI locale chosen by the provider. */
export const localeContext = createContext<Locale | undefined>('sip-kit/locale@1');
/** The repository plans are saved to. */
export const repositoryContext = createContext<RepositoryService | undefined>('sip-kit/repository@1');
/** The acting user. */
export const actorContext = createContext<Actor | undefined>('sip-kit/actor@1');
/** The autosaver of the shared store (save state, retry). */
export const saverContext = createContext<PlanSaver | undefined>('sip-kit/plan-saver@1');

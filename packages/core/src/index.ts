/**
 * `@sip-kit/core` — the headless heart of sip-kit: the plan model, the plan store,
 * the working-day calendar, rule packs and their evaluators, and translations.
 * Runs in Node and in browsers; touches no DOM.
 *
 * Everything public is re-exported here from one barrel per area, so nothing is
 * exported by accident.
 * @packageDocumentation
 */
export * from './version.js';
export * from './errors.js';
export * from './dates.js';
export * from './model/index.js';
export * from './store/index.js';
export * from './i18n/index.js';
export * from './calendar/index.js';
export * from './rules/index.js';
export * from './repository.js';
export * from './ical.js';

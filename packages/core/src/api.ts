/**
 * Everything public of `@sip-kit/core`, re-exported from one barrel per area
 * so nothing is exported by accident. Both entries (`index.ts` for Node and
 * the default, `index.browser.ts` for browsers) export exactly this.
 * @module
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

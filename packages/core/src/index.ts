/**
 * `@sip-kit/core` — the headless heart of sip-kit: the plan model, the plan store,
 * the working-day calendar, rule packs and their evaluators, and translations.
 * Runs in Node and in browsers; touches no DOM.
 *
 * This is the default entry (Node, and any environment without the `browser`
 * export condition): every built-in rule pack and every locale is there
 * synchronously. The `browser` entry exports the same API but loads packs and
 * locales on demand (`loadBuiltinPack`, `loadLocale`), which keeps them out of
 * a page's first download.
 * @packageDocumentation
 */
// Side effects on purpose: register every pack and locale for synchronous use.
import './rules/all-packs.js';
import './i18n/all-locales.js';

export * from './api.js';

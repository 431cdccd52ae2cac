/**
 * The browser entry of `@sip-kit/core` (chosen by the `browser` export
 * condition): the same API as the default entry, but built-in rule packs and
 * the nb/nn/en messages load on demand — `await loadBuiltinPack(id)` and
 * `await loadLocale(locale)` (the sip-kit elements do both themselves) — so a
 * page downloads only the pack and language it uses.
 * @packageDocumentation
 */
export * from './api.js';

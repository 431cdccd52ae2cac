/**
 * `@sip-kit/components` — lit web components for coordinated individual plans.
 * Importing this module defines nothing; import `@sip-kit/components/define/<tag>.js`
 * to register an element, or use the classes with your own tag names.
 * @packageDocumentation
 */
export { defineElement } from './shared/define.js';
export { SipStatusBadge, type BadgeStatus } from './shared/status-badge.js';

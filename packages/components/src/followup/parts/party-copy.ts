/**
 * Core's redaction (`redactForParty`), loaded only when `<sip-followup>` acts
 * for a party (`party` set): the usual first screen, for the plan's own
 * professionals, never needs it. Until it has loaded the element shows nothing
 * of the plan, so no unredacted data is ever on screen.
 * @module
 */
export { redactForParty } from '@sip-kit/core';

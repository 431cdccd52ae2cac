// Bundled by test/node/outbox-reload.test.ts into one file the test page loads.
export { restRepository, outboxRepository, indexedDbOutboxStore, browserRepository } from '@sip-kit/adapters';
export { parsePlan } from '@sip-kit/core';

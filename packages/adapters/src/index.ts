/**
 * `@sip-kit/adapters` — where plans live: browser storage (the embedded
 * default), a vendor REST back end, or a FHIR R4 server. Every adapter
 * implements `PlanRepository` from `@sip-kit/core` and throws only its typed
 * errors (`ConflictError`, `NetworkError`, `NotFoundError`, `SipValidationError`).
 * @packageDocumentation
 */
export { restRepository, versionTag, type RestRepositoryOptions } from './rest.js';
export { defaultBackoff, type FetchLike, type HttpOptions } from './http.js';
export { browserRepository, type BrowserRepository, type BrowserRepositoryOptions } from './browser.js';
export {
  createOutbox,
  outboxRepository,
  outboxBackoff,
  memoryOutboxStore,
  indexedDbOutboxStore,
  type Outbox,
  type OutboxBlock,
  type OutboxEntry,
  type OutboxOptions,
  type OutboxStatus,
  type OutboxStore,
} from './outbox.js';
export { fhirRepository, type FhirRepositoryOptions } from './fhir.js';
export {
  toFhirBundle,
  fromFhirBundle,
  fhirResourceId,
  FHIR_BASE,
  FHIR_EXTENSIONS,
  FHIR_CODE_SYSTEMS,
  FHIR_TAGS,
  type FhirBundle,
  type FhirResource,
} from './fhir-mapping.js';

/**
 * `@sip-kit/adapters/cds-hooks` — sip-kit's rules as a CDS Hooks 2.0 service
 * (Node only): `patient-view` suggests a coordinated individual plan or warns
 * about an overdue one, `encounter-discharge` says when the discharge SIP
 * invitation is due. Prefetch is FHIR; plans are read with `fromFhirBundle`.
 * See docs/cds-hooks.md.
 * @packageDocumentation
 */
export { createCdsHooksHandler, localeFromAcceptLanguage, type CdsHooksHandler, type CdsHooksOptions } from './handler.js';
export { startCdsHooksServer, type CdsHooksServer, type CdsHooksServerOptions } from './server.js';
export {
  CDS_SERVICES,
  CDS_SERVICE_IDS,
  JURISDICTION_EXTENSION,
  LOCALE_EXTENSION,
  READY_FOR_DISCHARGE_EXTENSION,
  SECTOR_SYSTEM,
  isCdsServiceId,
  type CdsServiceDefinition,
  type CdsServiceId,
} from './services.js';
export {
  CARD_TOPIC_SYSTEM,
  encounterDischargeCards,
  patientViewCards,
  readyForDischargeOn,
  type CardSettings,
  type CdsAction,
  type CdsCard,
  type CdsSource,
  type CdsSuggestion,
  type PatientFacts,
} from './cards.js';
export { PrefetchError, readPlans, type PlansRead } from './prefetch.js';

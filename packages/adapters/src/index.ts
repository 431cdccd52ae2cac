/**
 * `@sip-kit/adapters` — where plans live: browser storage (the embedded
 * default), a vendor REST back end, or a FHIR R4 server.
 * @packageDocumentation
 */
export {};

/**
 * Validation of CDS Hooks requests and of the few FHIR fields the services
 * read from prefetch. Only what the rules need is checked strictly; unknown
 * keys pass, because CDS clients and FHIR servers add their own.
 * @module
 */
import * as z from 'zod/mini';
import { SECTORS } from '@sip-kit/core';
import type { CdsServiceId } from './services.js';

// Never compile validators with `new Function`: the service may run under a locked-down policy, and core does the same.
z.config({ jitless: true });

const MAX_TEXT = 1000;
const text = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT));
// FHIR ids are [A-Za-z0-9\-.]{1,64}; a looser check would let a patient id smuggle markup or a path.
const fhirId = z.string().check(z.regex(/^[A-Za-z0-9\-.]{1,64}$/));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}/));

/** The body of `POST /cds-services/{id}` (CDS Hooks 2.0), before the hook's own context is checked. */
export const CdsRequestSchema = z.looseObject({
  hook: text,
  hookInstance: text,
  context: z.record(z.string(), z.unknown()),
  prefetch: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  fhirServer: z.optional(z.string().check(z.maxLength(2000))),
  fhirAuthorization: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  extension: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});
/** A validated request. */
export type CdsRequest = z.infer<typeof CdsRequestSchema>;

/** Context of `patient-view`. */
export const PatientViewContextSchema = z.looseObject({
  userId: text,
  patientId: fhirId,
  encounterId: z.optional(fhirId),
});

/** Context of `encounter-discharge`: the spec makes all three required. */
export const EncounterDischargeContextSchema = z.looseObject({
  userId: text,
  patientId: fhirId,
  encounterId: fhirId,
});

/** Context of either hook: what the services read. */
export interface HookContext {
  /** Who is using the client, e.g. `Practitioner/123`. */
  userId: string;
  /** The patient's FHIR id. */
  patientId: string;
  /** The encounter's FHIR id. */
  encounterId?: string | undefined;
}

/** The context schema per service. */
export const CONTEXT_SCHEMAS: Readonly<Record<CdsServiceId, z.ZodMiniType<HookContext>>> = {
  'patient-view': PatientViewContextSchema,
  'encounter-discharge': EncounterDischargeContextSchema,
};

const coding = z.looseObject({ system: z.optional(z.string()), code: z.optional(z.string()) });
const reference = z.looseObject({ reference: z.optional(z.string()), display: z.optional(z.string()) });

/** The fields of a prefetched `Patient` the services read. */
export const PatientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  id: z.optional(z.string()),
  birthDate: z.optional(isoDate),
});

/** The fields of an `EpisodeOfCare` the services read: its status, sector and managing organisation. */
export const EpisodeOfCareSchema = z.looseObject({
  resourceType: z.literal('EpisodeOfCare'),
  status: z.string(),
  type: z.optional(z.array(z.looseObject({ coding: z.optional(z.array(coding).check(z.maxLength(50))) })).check(z.maxLength(50))),
  managingOrganization: z.optional(reference),
});
/** An episode of care as read. */
export type EpisodeOfCare = z.infer<typeof EpisodeOfCareSchema>;

/** The fields of a prefetched `Encounter` the discharge service reads. */
export const EncounterSchema = z.looseObject({
  resourceType: z.literal('Encounter'),
  period: z.optional(z.looseObject({ start: z.optional(z.string()), end: z.optional(z.string()) })),
  extension: z.optional(z.array(z.looseObject({ url: z.string(), valueDate: z.optional(z.string()) })).check(z.maxLength(200))),
});
/** An encounter as read. */
export type Encounter = z.infer<typeof EncounterSchema>;

/** A FHIR Bundle (searchset or collection): entries with resources. */
export const BundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z.optional(z.array(z.looseObject({ resource: z.optional(z.record(z.string(), z.unknown())) })).check(z.maxLength(5000))),
});
/** A bundle as read. */
export type Bundle = z.infer<typeof BundleSchema>;

/** The sector codes an episode may carry. */
export const SECTOR_CODES: readonly string[] = SECTORS;

/** A readable path for an issue, e.g. `prefetch.episodes.entry[0]`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k).slice(0, 60)}`)).join('');
}

/** The first few problems of a failed parse, each as `path: message`. */
export function describeIssues(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): string[] {
  return error.issues.slice(0, 5).map((i) => `${issuePath([...prefix, ...i.path]) || '(body)'}: ${i.message}`);
}

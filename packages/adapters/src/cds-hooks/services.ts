/**
 * The CDS Hooks services sip-kit offers, as the discovery endpoint lists
 * them, and the FHIR code systems and extensions their prefetch data uses.
 * docs/cds-hooks.md explains every template.
 * @module
 */

/** Code system of `EpisodeOfCare.type` that names the sector an episode serves (codes are core's `SECTORS`). */
export const SECTOR_SYSTEM = 'https://sip-kit.dev/fhir/CodeSystem/sector';

/** Extension on `Encounter` (`valueDate`): the day the patient was judged ready for discharge (*utskrivningsklar*). */
export const READY_FOR_DISCHARGE_EXTENSION = 'https://sip-kit.dev/fhir/StructureDefinition/ready-for-discharge';

/** Request `extension` key for the card language (a BCP 47 tag); wins over `Accept-Language`. */
export const LOCALE_EXTENSION = 'dev.sip-kit.locale';

/** Request `extension` key for the jurisdiction (`SE`, `NO`, `GB`) when the server's default does not fit the client. */
export const JURISDICTION_EXTENSION = 'dev.sip-kit.jurisdiction';

/** Ids of the services, also the last path segment of `POST /cds-services/{id}`. */
export const CDS_SERVICE_IDS = ['patient-view', 'encounter-discharge'] as const;
/** One of {@link CDS_SERVICE_IDS}. */
export type CdsServiceId = (typeof CDS_SERVICE_IDS)[number];

/** One service as the discovery endpoint describes it (CDS Hooks 2.0). */
export interface CdsServiceDefinition {
  /** The hook the service answers. */
  hook: string;
  /** The id in `/cds-services/{id}`. */
  id: CdsServiceId;
  /** Human-friendly name. */
  title: string;
  /** What the service does. */
  description: string;
  /** Prefetch templates: key → FHIR query with `{{context.*}}` tokens. */
  prefetch: Record<string, string>;
  /** What a client must do to use the service. */
  usageRequirements?: string;
}

// The plans query brings each CarePlan with the resources standard R4 search parameters can reach;
// docs/cds-hooks.md says what else a plan's bundle needs (fromFhirBundle rebuilds a plan only when complete).
const PLANS =
  'CarePlan?subject={{context.patientId}}&status=active,draft,on-hold' +
  '&_include=CarePlan:subject&_include=CarePlan:care-team&_include=CarePlan:goal&_include=CarePlan:condition&_include=CarePlan:activity-reference';

const COMMON_PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  episodes: 'EpisodeOfCare?patient={{context.patientId}}&status=active',
  plans: PLANS,
};

/** Both services, in the order discovery lists them. Frozen: the server never changes them per request. */
export const CDS_SERVICES: readonly CdsServiceDefinition[] = Object.freeze([
  {
    hook: 'patient-view',
    id: 'patient-view',
    title: 'Coordinated individual plan (SIP / IP)',
    description:
      'Suggests a coordinated individual plan (Sweden: SIP, Norway: IP) when the person has needs from both health care and social services and no plan, ' +
      'and warns when a plan has an overdue meeting or follow-up (in working days).',
    prefetch: { ...COMMON_PREFETCH },
    usageRequirements: `EpisodeOfCare.type carries the sector in ${SECTOR_SYSTEM}; plans are CarePlans as sip-kit's FHIR mapping writes them.`,
  },
  {
    hook: 'encounter-discharge',
    id: 'encounter-discharge',
    title: 'SIP at hospital discharge',
    description:
      'Says when the invitation to a SIP at discharge is due (LUS 2017:612: within the regional number of calendar days of the patient being ready for discharge) ' +
      'for a patient with needs from both health care and social services.',
    prefetch: { ...COMMON_PREFETCH, encounter: 'Encounter/{{context.encounterId}}' },
    usageRequirements: `The ready-for-discharge day is read from the Encounter extension ${READY_FOR_DISCHARGE_EXTENSION} (valueDate), else Encounter.period.end, else today.`,
  },
] satisfies CdsServiceDefinition[]);

/** True when `id` names one of the services. */
export function isCdsServiceId(id: unknown): id is CdsServiceId {
  return typeof id === 'string' && (CDS_SERVICE_IDS as readonly string[]).includes(id);
}

/**
 * Reading prefetched FHIR data into what the card rules need: the patient's
 * birth date, their episodes of care, their encounter, and their plans
 * rebuilt with the FHIR mapping's `fromFhirBundle`.
 * @module
 */
import type { Plan } from '@sip-kit/core';
import { FHIR_TAGS, fromFhirBundle } from '../fhir-mapping.js';
import { BundleSchema, EncounterSchema, EpisodeOfCareSchema, PatientSchema, describeIssues, type Bundle, type Encounter, type EpisodeOfCare } from './request.js';

/** Bad prefetch data: the handler answers 400 with these messages. */
export class PrefetchError extends Error {
  /** What was wrong, one line each. */
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('; '));
    this.name = 'PrefetchError';
    this.problems = problems;
  }
}

type J = Record<string, unknown>;
const obj = (v: unknown): J | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as J) : undefined);

/**
 * True when a prefetch value counts as absent. CDS Hooks 2.0 lets a client
 * send `null`, or an OperationOutcome, for data it could not fetch.
 */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || obj(value)?.resourceType === 'OperationOutcome';
}

function bundleOf(value: unknown, key: string): Bundle {
  const parsed = BundleSchema.safeParse(value);
  if (!parsed.success) throw new PrefetchError(describeIssues(parsed.error, ['prefetch', key]));
  return parsed.data;
}

/** The patient's birth date from `prefetch.patient`, if any. @throws PrefetchError when it is not a Patient. */
export function readPatient(value: unknown): { birthDate?: string | undefined } {
  if (isAbsent(value)) return {};
  const parsed = PatientSchema.safeParse(value);
  if (!parsed.success) throw new PrefetchError(describeIssues(parsed.error, ['prefetch', 'patient']));
  return { birthDate: parsed.data.birthDate };
}

/** The EpisodeOfCare resources of `prefetch.episodes` (a search Bundle); other entries are ignored. @throws PrefetchError */
export function readEpisodes(value: unknown): EpisodeOfCare[] {
  const out: EpisodeOfCare[] = [];
  const entries = bundleOf(value, 'episodes').entry ?? [];
  entries.forEach((e, i) => {
    if (e.resource?.resourceType !== 'EpisodeOfCare') return;
    const parsed = EpisodeOfCareSchema.safeParse(e.resource);
    if (!parsed.success) throw new PrefetchError(describeIssues(parsed.error, ['prefetch', 'episodes', 'entry', i, 'resource']));
    out.push(parsed.data);
  });
  return out;
}

/** The Encounter of `prefetch.encounter`, if any. @throws PrefetchError when it is not an Encounter. */
export function readEncounter(value: unknown): Encounter | undefined {
  if (isAbsent(value)) return undefined;
  const parsed = EncounterSchema.safeParse(value);
  if (!parsed.success) throw new PrefetchError(describeIssues(parsed.error, ['prefetch', 'encounter']));
  return parsed.data;
}

/** The plan id a resource is tagged with (every resource the mapping writes carries one). */
function planTag(resource: J): string | undefined {
  const tags = obj(resource.meta)?.tag;
  if (!Array.isArray(tags)) return undefined;
  for (const t of tags) {
    const tag = obj(t);
    if (tag?.system === FHIR_TAGS.plan && typeof tag.code === 'string') return tag.code;
  }
  return undefined;
}

/** What `prefetch.plans` held. */
export interface PlansRead {
  /** Plans rebuilt from the bundle. */
  plans: Plan[];
  /** CarePlans that could not be rebuilt (resources missing from the bundle, or not written by sip-kit). */
  unreadable: number;
}

/**
 * The plans in `prefetch.plans`: a search Bundle may hold several CarePlans,
 * while `fromFhirBundle` reads one plan per bundle, so each CarePlan gets the
 * entries tagged with its plan id (plus untagged ones). A CarePlan that does
 * not rebuild is counted, not fatal: it still shows that a plan exists.
 * @throws PrefetchError when the value is not a Bundle.
 */
export function readPlans(value: unknown): PlansRead {
  const entries = bundleOf(value, 'plans').entry ?? [];
  const carePlans = entries.filter((e) => e.resource?.resourceType === 'CarePlan');
  const result: PlansRead = { plans: [], unreadable: 0 };
  for (const cp of carePlans) {
    const resource = cp.resource as J;
    const id = planTag(resource) ?? (typeof resource.id === 'string' ? resource.id : undefined);
    const own = entries.filter((e) => {
      const r = e.resource;
      if (!r || r.resourceType === 'CarePlan') return e === cp;
      const tag = planTag(r);
      return tag === undefined || tag === id;
    });
    try {
      result.plans.push(fromFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: own }));
    } catch {
      // fromFhirBundle throws only SipValidationError for bad data; either way this CarePlan is not one we can evaluate.
      result.unreadable += 1;
    }
  }
  return result;
}

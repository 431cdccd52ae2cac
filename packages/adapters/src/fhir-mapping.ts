/**
 * A plan as FHIR R4 resources and back (docs/fhir-mapping.md has the table).
 *
 * Every element with a FHIR home goes there. What FHIR has no element for
 * goes, per resource or backbone element, into one `leftovers` extension
 * holding those fields as JSON — and so does a value FHIR cannot carry
 * exactly (an empty string, which FHIR forbids; an instant outside FHIR's
 * range). That is what makes `fromFhirBundle(toFhirBundle(plan))` exact.
 */
import { SipValidationError, parsePlan, type Consent, type FollowUp, type Goal, type Intervention, type Meeting, type Need, type Participant, type Party, type Plan } from '@sip-kit/core';

/** The base URL of sip-kit's FHIR definitions: extensions, code systems and id systems hang under it. */
export const FHIR_BASE = 'https://sip-kit.dev/fhir';
/** Extension URLs. */
export const FHIR_EXTENSIONS = {
  /** CarePlan: the plan's integer `version` (FHIR's `meta.versionId` is the server's, not ours). */
  planVersion: `${FHIR_BASE}/StructureDefinition/plan-version`,
  /** CarePlan: the exact plan status (CarePlan.status is coarser). */
  planStatus: `${FHIR_BASE}/StructureDefinition/plan-status`,
  /** CarePlan: the participant with overall responsibility (the coordinator). */
  custodian: `${FHIR_BASE}/StructureDefinition/custodian`,
  /** Consent.performer: who consented — person, guardian or representative. */
  consentGiverKind: `${FHIR_BASE}/StructureDefinition/consent-giver-kind`,
  /** Any resource or element: the sip-kit fields FHIR has no element for, as JSON. */
  leftovers: `${FHIR_BASE}/StructureDefinition/leftovers`,
} as const;
/** Code systems. */
export const FHIR_CODE_SYSTEMS = {
  planType: `${FHIR_BASE}/CodeSystem/plan-type`,
  participantRole: `${FHIR_BASE}/CodeSystem/participant-role`,
  planRole: `${FHIR_BASE}/CodeSystem/plan-role`,
  partyKind: `${FHIR_BASE}/CodeSystem/party-kind`,
  partyPrincipal: `${FHIR_BASE}/CodeSystem/party-principal`,
  sector: `${FHIR_BASE}/CodeSystem/sector`,
  goalHorizon: `${FHIR_BASE}/CodeSystem/goal-horizon`,
  meetingKind: `${FHIR_BASE}/CodeSystem/meeting-kind`,
  attendance: `${FHIR_BASE}/CodeSystem/attendance`,
  attendanceMode: `${FHIR_BASE}/CodeSystem/attendance-mode`,
  consentPurpose: `${FHIR_BASE}/CodeSystem/consent-purpose`,
  consentPolicy: `${FHIR_BASE}/CodeSystem/consent-policy`,
  planSection: `${FHIR_BASE}/CodeSystem/plan-section`,
  goalOutcome: `${FHIR_BASE}/CodeSystem/goal-outcome`,
  taskKind: `${FHIR_BASE}/CodeSystem/task-kind`,
} as const;
/** Tag systems used to find a plan's resources on a server. */
export const FHIR_TAGS = {
  /** Every resource of a plan: code = the plan id. */
  plan: `${FHIR_BASE}/plan`,
  /** Every resource of a plan: code = the plan version it was written at (for history). */
  planVersion: `${FHIR_BASE}/plan-version`,
  /** CarePlans written by sip-kit: code `sip-kit-plan`. */
  format: `${FHIR_BASE}/format`,
} as const;
const ID = (kind: string) => `${FHIR_BASE}/id/${kind}`;
const CS = FHIR_CODE_SYSTEMS;
const EXT = FHIR_EXTENSIONS;

/** A FHIR resource as plain JSON. */
export type FhirResource = { resourceType: string; id?: string; meta?: Record<string, unknown> } & Record<string, unknown>;
/** A FHIR Bundle as plain JSON. */
export interface FhirBundle {
  resourceType: 'Bundle';
  type: string;
  entry?: { fullUrl?: string; resource?: FhirResource; request?: { method: string; url: string; ifMatch?: string } }[];
  [key: string]: unknown;
}

type J = Record<string, unknown>;

// ---------------------------------------------------------------- ids

/** A 128-bit string hash (cyrb128): stable resource ids without async crypto. */
function hash(text: string): string {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [h1 ^ h2 ^ h3 ^ h4, h2 ^ h1, h3 ^ h1, h4 ^ h1].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/**
 * The FHIR id of a plan's resource. Item ids are only unique within a plan,
 * and a plan id plus an item id can exceed FHIR's 64 characters, so ids are
 * a hash of both; the item's own id travels in `identifier`.
 */
export function fhirResourceId(planId: string, kind: string, itemId = ''): string {
  return `sip-${hash(`${planId}\u0000${kind}\u0000${itemId}`)}`;
}

// ---------------------------------------------------------------- value guards

/** FHIR forbids empty and whitespace-only strings (servers drop or refuse them), so those go to the leftovers. */
const fhirString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
/** FHIR `code`: no leading/trailing or double whitespace. */
const fhirCode = (v: unknown): v is string => typeof v === 'string' && /^[^\s]+( [^\s]+)*$/.test(v);
/** FHIR `uri`: no whitespace. */
const fhirUri = (v: unknown): v is string => typeof v === 'string' && /^\S+$/.test(v);
/** FHIR `instant`: year 0001+, offsets up to ±14:00. */
const fhirInstant = (v: unknown): v is string =>
  typeof v === 'string' && /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/.test(v);
/** FHIR `date`/`dateTime` from a day: year 0001+. */
const fhirDate = (v: unknown): v is string => typeof v === 'string' && !v.startsWith('0000');

const obj = (v: unknown): J | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as J) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const codeIn = (concepts: unknown, system: string): string | undefined => {
  for (const c of arr(concepts)) for (const coding of arr(obj(c)?.coding)) if (obj(coding)?.system === system) return str(obj(coding)?.code);
  return undefined;
};
const codingIn = (codings: unknown, system: string): string | undefined => {
  for (const coding of arr(codings)) if (obj(coding)?.system === system) return str(obj(coding)?.code);
  return undefined;
};
const concept = (system: string, code: string) => ({ coding: [{ system, code }] });
const ident = (kind: string, value: string) => ({ system: ID(kind), value });
const identOf = (identifiers: unknown, kind: string): string | undefined => {
  for (const i of arr(identifiers)) if (obj(i)?.system === ID(kind)) return str(obj(i)?.value);
  return undefined;
};

// ---------------------------------------------------------------- leftovers

/** Collects fields without a FHIR home; `ext()` gives the extension (if any). */
class Leftovers {
  readonly rest: J = {};
  keep(key: string, value: unknown): void {
    if (value !== undefined) this.rest[key] = value;
  }
  /** Writes a string with `set` when FHIR can carry it, else keeps it. */
  str(key: string, value: string | undefined, set: (v: string) => void, ok: (v: unknown) => boolean = fhirString): void {
    if (value === undefined) return;
    if (ok(value)) set(value);
    else this.rest[key] = value;
  }
  ext(): { url: string; valueString: string }[] {
    return Object.keys(this.rest).length ? [{ url: EXT.leftovers, valueString: JSON.stringify(this.rest) }] : [];
  }
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads an element's leftovers; a broken extension is the sender's fault (SipValidationError). */
function leftoversOf(element: unknown): J {
  for (const e of arr(obj(element)?.extension)) {
    if (obj(e)?.url !== EXT.leftovers) continue;
    const text = str(obj(e)?.valueString);
    let value: unknown;
    try {
      value = text === undefined ? undefined : JSON.parse(text);
    } catch {
      value = undefined;
    }
    const o = obj(value);
    if (!o) throw new SipValidationError([{ path: ['extension'], code: 'wrong-type', message: 'The leftovers extension is not a JSON object' }]);
    const out: J = {};
    for (const [k, v] of Object.entries(o)) if (!FORBIDDEN.has(k)) out[k] = v;
    return out;
  }
  return {};
}

function extValue(element: unknown, url: string, key: string): unknown {
  for (const e of arr(obj(element)?.extension)) if (obj(e)?.url === url) return obj(e)?.[key];
  return undefined;
}

/** Builds an object from mapped fields, dropping undefined ones, then adds leftovers. */
function build(mapped: J, element: unknown): J {
  const out: J = {};
  for (const [k, v] of Object.entries(mapped)) if (v !== undefined) out[k] = v;
  return { ...out, ...leftoversOf(element) };
}

// ---------------------------------------------------------------- status maps

const invert = <K extends string, V extends string>(m: Record<K, V>): Record<string, K> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as Record<string, K>;
const GOAL_STATUS = { active: 'active', achieved: 'completed', discontinued: 'cancelled' } as const;
const GOAL_STATUS_BACK = invert(GOAL_STATUS);
const INTERVENTION_STATUS = { planned: 'not-started', ongoing: 'in-progress', paused: 'on-hold', completed: 'completed', cancelled: 'cancelled' } as const;
const INTERVENTION_STATUS_BACK = invert(INTERVENTION_STATUS);
const RESPONSE = { pending: 'needs-action', accepted: 'accepted', declined: 'declined', tentative: 'tentative' } as const;
const RESPONSE_BACK = invert(RESPONSE);
const CAREPLAN_STATUS: Record<Plan['status'], string> = { initiated: 'draft', 'meeting-scheduled': 'draft', established: 'active', active: 'active', closed: 'completed' };
const PLAN_ROLES = ['coordinator', 'initiator', 'chair'] as const;

// ---------------------------------------------------------------- plan → FHIR

interface Refs {
  planId: string;
  patient: string;
  party(id: string): string;
  goal(id: string): string;
  need(id: string): string;
}

const participantRef = (id: string) => ({ identifier: ident('participant', id) });

function patientOf(plan: Plan, r: Refs): FhirResource {
  const p = plan.person;
  const left = new Leftovers();
  const res: J = { resourceType: 'Patient', id: r.patient.split('/')[1], name: [] };
  left.str('name', p.name, (v) => (res.name as J[]).push({ use: 'official', text: v }));
  left.str('preferredName', p.preferredName, (v) => (res.name as J[]).push({ use: 'usual', text: v }));
  left.str('dateOfBirth', p.dateOfBirth, (v) => (res.birthDate = v), fhirDate);
  left.keep('age', p.age);
  left.keep('isChild', p.isChild);
  left.str('preferredLanguage', p.preferredLanguage, (v) => (res.communication = [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: v }] }, preferred: true }]), fhirCode);
  if (p.interpreterNeeded !== undefined) res.extension = [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired', valueBoolean: p.interpreterNeeded }];
  left.keep('communicationNeeds', p.communicationNeeds);
  if (p.identifiers !== undefined) {
    if (p.identifiers.length && p.identifiers.every((i) => fhirUri(i.system) && fhirString(i.value))) res.identifier = p.identifiers.map((i) => ({ system: i.system, value: i.value }));
    else left.keep('identifiers', p.identifiers);
  }
  res.extension = [...arr(res.extension), ...left.ext()];
  if (!(res.name as J[]).length) delete res.name;
  return res as FhirResource;
}

function organizationOf(party: Party, r: Refs): FhirResource {
  const left = new Leftovers();
  const res: J = {
    resourceType: 'Organization',
    id: r.party(party.id).split('/')[1],
    identifier: [ident('party', party.id)],
    type: [concept(CS.partyKind, party.kind), concept(CS.partyPrincipal, party.principal ? 'principal' : 'other-actor')],
  };
  left.str('name', party.name, (v) => (res.name = v));
  if (party.sector !== undefined) (res.type as J[]).push(concept(CS.sector, party.sector));
  left.keep('unit', party.unit);
  if (party.partOf !== undefined) res.partOf = { reference: r.party(party.partOf) };
  left.str('contact', party.contact, (v) => (res.telecom = [{ system: 'other', value: v }]));
  left.keep('note', party.note);
  res.extension = left.ext();
  return res as FhirResource;
}

function careTeamOf(plan: Plan, r: Refs): FhirResource {
  const participant = plan.participants.map((p: Participant) => {
    const left = new Leftovers();
    const roles: J[] = [{ coding: [{ system: CS.participantRole, code: p.role }] }];
    left.str('title', p.title, (v) => ((roles[0] as J).text = v));
    const planRoles = PLAN_ROLES.filter((role) => ({ coordinator: plan.coordinator, initiator: plan.initiator, chair: plan.meetingChair })[role] === p.id);
    for (const role of planRoles) roles.push(concept(CS.planRole, role));
    const member: J = participantRef(p.id);
    left.str('name', p.name, (v) => (member.display = v));
    // ctm-1: onBehalfOf only for practitioners, so a person acting for a party is referred to by identifier alone.
    if (p.role === 'person' && p.party === undefined) member.reference = r.patient;
    const el: J = { role: roles, member };
    if (p.party !== undefined) el.onBehalfOf = { reference: r.party(p.party) };
    left.keep('relation', p.relation);
    left.keep('phone', p.phone);
    left.keep('email', p.email);
    left.keep('note', p.note);
    el.extension = left.ext();
    return el;
  });
  return { resourceType: 'CareTeam', id: fhirResourceId(r.planId, 'care-team'), status: 'active', subject: { reference: r.patient }, participant };
}

function conditionOf(need: Need, r: Refs): FhirResource {
  const left = new Leftovers();
  const category: J[] = [concept('http://terminology.hl7.org/CodeSystem/condition-category', 'problem-list-item')];
  if (need.sector !== undefined) category.push(concept(CS.sector, need.sector));
  left.keep('expressedBy', need.expressedBy);
  left.keep('identifiedBy', need.identifiedBy);
  const code: J = {};
  left.str('text', need.text, (v) => (code.text = v));
  return {
    resourceType: 'Condition',
    id: r.need(need.id).split('/')[1],
    identifier: [ident('need', need.id)],
    clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
    category,
    code,
    subject: { reference: r.patient },
    extension: left.ext(),
  };
}

function goalOf(goal: Goal, r: Refs): FhirResource {
  const left = new Leftovers();
  const res: J = {
    resourceType: 'Goal',
    id: r.goal(goal.id).split('/')[1],
    identifier: [ident('goal', goal.id)],
    lifecycleStatus: GOAL_STATUS[goal.status],
    category: [concept(CS.goalHorizon, goal.horizon)],
    // Goal.description is required: a blank goal text travels in the leftovers, with a marker here.
    description: { text: fhirString(goal.text) ? goal.text : '(see leftovers)' },
    subject: { reference: r.patient },
  };
  if (!fhirString(goal.text)) left.keep('text', goal.text);
  left.keep('expressedBy', goal.expressedBy);
  if (goal.expressedByParticipant !== undefined) res.expressedBy = participantRef(goal.expressedByParticipant);
  if (goal.needs.length) res.addresses = goal.needs.map((n) => ({ reference: r.need(n) }));
  left.keep('partOf', goal.partOf);
  const target: J = {};
  if (goal.targetOn !== undefined) target.dueDate = goal.targetOn;
  left.str('measure', goal.measure, (v) => (target.measure = { text: v }));
  if (Object.keys(target).length) res.target = [target];
  res.extension = left.ext();
  return res as FhirResource;
}

function activityOf(v: Intervention, r: Refs): J {
  const left = new Leftovers();
  const detail: J = { status: INTERVENTION_STATUS[v.status], performer: [{ reference: r.party(v.party) }] };
  left.str('what', v.what, (w) => (detail.description = w));
  left.keep('how', v.how);
  const responsible: J = {};
  if (v.responsible !== undefined) responsible.identifier = ident('participant', v.responsible);
  left.str('responsibleName', v.responsibleName, (n) => (responsible.display = n));
  if (Object.keys(responsible).length) (detail.performer as J[]).push(responsible);
  left.keep('unit', v.unit);
  left.keep('extent', v.extent);
  left.str('where', v.where, (w) => (detail.location = { display: w }));
  if (v.startOn !== undefined || v.endOn !== undefined) detail.scheduledPeriod = { start: v.startOn, end: v.endOn };
  left.keep('costBearer', v.costBearer);
  left.keep('costNote', v.costNote);
  if (v.goals.length) detail.goal = v.goals.map((g) => ({ reference: r.goal(g) }));
  left.keep('decision', v.decision);
  left.keep('note', v.note);
  return { id: v.id, detail, extension: left.ext() };
}

function meetingOf(m: Meeting, r: Refs): FhirResource[] {
  const left = new Leftovers();
  const timed = m.startsAt !== undefined && m.endsAt !== undefined && fhirInstant(m.startsAt) && fhirInstant(m.endsAt);
  // FHIR (app-3) allows an appointment without times only when proposed or cancelled; a held
  // meeting without times is therefore `proposed` here and its Encounter says it was held.
  const status = m.status === 'cancelled' ? 'cancelled' : m.status === 'held' ? (timed ? 'fulfilled' : 'proposed') : timed ? 'booked' : 'proposed';
  const appointment: J = {
    resourceType: 'Appointment',
    id: fhirResourceId(r.planId, 'meeting', m.id),
    identifier: [ident('meeting', m.id)],
    status,
    appointmentType: concept(CS.meetingKind, m.kind),
  };
  if (timed) {
    appointment.start = m.startsAt;
    appointment.end = m.endsAt;
  } else {
    left.keep('startsAt', m.startsAt);
    left.keep('endsAt', m.endsAt);
  }
  left.keep('place', m.place);
  left.keep('placeChosenByPerson', m.placeChosenByPerson);
  left.keep('link', m.link);
  left.keep('organizer', m.organizer);
  if (m.agenda.every(fhirString)) {
    if (m.agenda.length) appointment.reasonCode = m.agenda.map((text) => ({ text }));
  } else left.keep('agenda', m.agenda);
  left.str('notes', m.notes, (v) => (appointment.comment = v));
  // The person is always part of their own meeting, and FHIR needs at least one participant.
  appointment.participant = [
    { actor: { reference: r.patient }, type: [concept('http://terminology.hl7.org/CodeSystem/v3-ParticipationType', 'SBJ')], status: 'accepted' },
    ...m.invitations.map((inv) => {
      const l = new Leftovers();
      l.keep('sentOn', inv.sentOn);
      l.keep('respondedOn', inv.respondedOn);
      l.keep('note', inv.note);
      return { actor: participantRef(inv.participant), required: inv.mode === 'called' ? 'required' : 'optional', status: RESPONSE[inv.response], extension: l.ext() };
    }),
  ];
  appointment.extension = left.ext();
  const out: FhirResource[] = [appointment as FhirResource];
  if (m.status === 'held' || m.heldOn !== undefined || m.attendance.length) {
    const encounter: J = {
      resourceType: 'Encounter',
      id: fhirResourceId(r.planId, 'encounter', m.id),
      identifier: [ident('meeting', m.id)],
      status: m.status === 'held' ? 'finished' : m.status === 'cancelled' ? 'cancelled' : 'planned',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject: { reference: r.patient },
      appointment: [{ reference: `Appointment/${appointment.id as string}` }],
    };
    if (m.heldOn !== undefined) encounter.period = { start: m.heldOn };
    if (m.attendance.length) {
      encounter.participant = m.attendance.map((a) => {
        const l = new Leftovers();
        l.keep('note', a.note);
        const type: J[] = [concept(CS.attendance, a.status)];
        if (a.how !== undefined) type.push(concept(CS.attendanceMode, a.how));
        return { type, individual: participantRef(a.participant), extension: l.ext() };
      });
    }
    out.push(encounter as FhirResource);
  }
  return out;
}

function consentOf(c: Consent, r: Refs): FhirResource {
  const left = new Leftovers();
  const res: J = {
    resourceType: 'Consent',
    id: fhirResourceId(r.planId, 'consent', c.id),
    identifier: [ident('consent', c.id)],
    status: c.decision === 'given' ? 'active' : 'rejected',
    scope: concept('http://terminology.hl7.org/CodeSystem/consentscope', 'patient-privacy'),
    category: [concept('http://loinc.org', '59284-0')],
    patient: { reference: r.patient },
    dateTime: c.givenOn,
    policyRule: concept(CS.consentPolicy, 'sip-coordination'),
  };
  const g = c.givenBy;
  const kindExt = [{ url: EXT.consentGiverKind, valueCode: g.kind }];
  if (g.kind === 'person') res.performer = [{ reference: r.patient, extension: kindExt }];
  else if (g.kind === 'guardian') res.performer = [{ ...participantRef(g.participant), extension: kindExt }];
  else if (g.name !== undefined && !fhirString(g.name)) left.keep('givenBy', g);
  else res.performer = [{ ...(g.participant !== undefined ? participantRef(g.participant) : {}), ...(g.name !== undefined ? { display: g.name } : {}), extension: kindExt }];
  const provision: J = { type: c.decision === 'given' ? 'permit' : 'deny' };
  if (c.validUntil !== undefined) provision.period = { end: c.validUntil };
  if (c.scope.establishPlan) provision.purpose = [{ system: CS.consentPurpose, code: 'establish-plan' }];
  const recipient = (party: string) => ({
    role: concept('http://terminology.hl7.org/CodeSystem/v3-ParticipationType', 'IRCP'),
    reference: { reference: r.party(party) },
  });
  const nested: J[] = [
    ...c.scope.shareWith.map((party) => ({ type: 'permit', actor: [recipient(party)] })),
    ...c.scope.exclusions.map((x) => {
      const l = new Leftovers();
      const el: J = { id: x.id, type: 'deny' };
      l.str('text', x.text, (t) => (el.code = [{ text: t }]));
      if (x.parties !== undefined) {
        if (x.parties.length) el.actor = x.parties.map(recipient);
        else l.keep('parties', x.parties);
      }
      if (x.section !== undefined) el.class = [{ system: CS.planSection, code: x.section }];
      l.keep('items', x.items);
      el.extension = l.ext();
      return el;
    }),
  ];
  if (nested.length) provision.provision = nested;
  res.provision = provision;
  for (const key of ['form', 'formNote', 'recordedBy', 'recordedAt', 'withdrawals', 'supersedes', 'cannotConsent', 'childView', 'note'] as const) left.keep(key, c[key]);
  res.extension = left.ext();
  return res as FhirResource;
}

function taskOf(f: FollowUp, r: Refs): FhirResource {
  const left = new Leftovers();
  const res: J = {
    resourceType: 'Task',
    id: fhirResourceId(r.planId, 'follow-up', f.id),
    identifier: [ident('follow-up', f.id)],
    basedOn: [{ reference: `CarePlan/${r.planId}` }],
    status: f.doneOn === undefined ? 'requested' : 'completed',
    intent: 'plan',
    code: concept(CS.taskKind, 'follow-up'),
    for: { reference: r.patient },
    restriction: { period: { end: f.dueOn } },
    owner: participantRef(f.responsible),
  };
  if (f.doneOn !== undefined) res.executionPeriod = { end: f.doneOn };
  left.keep('meeting', f.meeting);
  left.keep('nextFollowUp', f.nextFollowUp);
  left.str('note', f.note, (v) => (res.note = [{ text: v }]));
  if (f.evaluations.length) {
    res.output = f.evaluations.map((e) => {
      const l = new Leftovers();
      for (const key of ['personView', 'professionalView', 'note', 'evaluatedBy'] as const) l.keep(key, e[key]);
      return { type: concept(CS.goalOutcome, e.outcome), valueReference: { reference: r.goal(e.goal) }, extension: l.ext() };
    });
  }
  res.extension = left.ext();
  return res as FhirResource;
}

/** Drops empty `extension` arrays and undefined values so the JSON is what a FHIR server stores. */
function tidy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'extension' && Array.isArray(v) && v.length === 0 ? undefined : v))) as T;
}

/**
 * The plan as a FHIR R4 transaction Bundle: CarePlan first (so a version
 * conflict stops the transaction before anything else is written), then
 * Patient, Organizations, CareTeam, Conditions, Goals, Appointments,
 * Encounters, Consents and Tasks, each a `PUT` of a stable id. Every resource
 * is tagged with the plan id and version so it can be found and its history
 * read back.
 */
export function toFhirBundle(input: Plan): FhirBundle {
  const plan = parsePlan(input);
  const planId = plan.id;
  const patient = `Patient/${fhirResourceId(planId, 'person')}`;
  const r: Refs = {
    planId,
    patient,
    party: (id) => `Organization/${fhirResourceId(planId, 'party', id)}`,
    goal: (id) => `Goal/${fhirResourceId(planId, 'goal', id)}`,
    need: (id) => `Condition/${fhirResourceId(planId, 'need', id)}`,
  };
  const left = new Leftovers();
  const carePlan: J = {
    resourceType: 'CarePlan',
    id: planId,
    extension: [
      { url: EXT.planVersion, valueInteger: plan.version },
      { url: EXT.planStatus, valueCode: plan.status },
    ],
    status: CAREPLAN_STATUS[plan.status],
    intent: 'plan',
    category: [concept(CS.planType, plan.type), concept('urn:iso:std:iso:3166', plan.jurisdiction)],
    language: plan.locale,
    subject: { reference: patient },
  };
  if (plan.coordinator !== undefined) (carePlan.extension as J[]).push({ url: EXT.custodian, valueReference: participantRef(plan.coordinator) });
  left.keep('formatVersion', plan.formatVersion);
  left.str('title', plan.title, (v) => (carePlan.title = v));
  for (const key of ['closedReason', 'closedOn', 'closedNote', 'personVoice', 'coordinatorHistory', 'needIdentifiedOn', 'needIdentifiedBy', 'readyForDischargeOn', 'firstContactOn', 'resources', 'cooperation', 'pendingApproval', 'approvals', 'audit'] as const) {
    left.keep(key, plan[key]);
  }
  if (plan.planPeriod !== undefined) carePlan.period = { start: plan.planPeriod.from, end: plan.planPeriod.to };
  if (plan.establishedOn !== undefined) carePlan.created = plan.establishedOn;
  if (plan.parties.length) carePlan.contributor = plan.parties.map((p) => ({ reference: r.party(p.id) }));
  carePlan.careTeam = [{ reference: `CareTeam/${fhirResourceId(planId, 'care-team')}` }];
  if (plan.needs.length) carePlan.addresses = plan.needs.map((n) => ({ reference: r.need(n.id) }));
  if (plan.goals.length) carePlan.goal = plan.goals.map((g) => ({ reference: r.goal(g.id) }));
  const meetings = plan.meetings.map((m) => meetingOf(m, r));
  const consents = plan.consents.map((c) => consentOf(c, r));
  const tasks = plan.followUps.map((f) => taskOf(f, r));
  const supporting = [...meetings.flat(), ...consents].map((x) => ({ reference: `${x.resourceType}/${x.id as string}` }));
  if (supporting.length) carePlan.supportingInfo = supporting;
  const activity = [...plan.interventions.map((v) => activityOf(v, r)), ...tasks.map((t) => ({ reference: { reference: `Task/${t.id as string}` } }))];
  if (activity.length) carePlan.activity = activity;
  carePlan.extension = [...(carePlan.extension as J[]), ...left.ext()];

  const resources: FhirResource[] = [
    carePlan as FhirResource,
    patientOf(plan, r),
    ...plan.parties.map((p) => organizationOf(p, r)),
    careTeamOf(plan, r),
    ...plan.needs.map((n) => conditionOf(n, r)),
    ...plan.goals.map((g) => goalOf(g, r)),
    ...meetings.flat(),
    ...consents,
    ...tasks,
  ];
  const tags = (extra: J[] = []) => ({ tag: [{ system: FHIR_TAGS.plan, code: planId }, { system: FHIR_TAGS.planVersion, code: String(plan.version) }, ...extra] });
  return tidy({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.map((res, i) => {
      const resource = { ...res, meta: tags(i === 0 ? [{ system: FHIR_TAGS.format, code: 'sip-kit-plan' }] : []) };
      return { fullUrl: `${FHIR_BASE}/${res.resourceType}/${res.id as string}`, resource, request: { method: 'PUT', url: `${res.resourceType}/${res.id as string}` } };
    }),
  });
}

// ---------------------------------------------------------------- FHIR → plan

/** Input larger than this (as JSON) is refused before it is read. */
const MAX_BUNDLE_JSON = 64 * 1024 * 1024;

function unreadable(message: string, path: (string | number)[] = []): SipValidationError {
  return new SipValidationError([{ path, code: 'wrong-type', message }]);
}

/**
 * Reads a plan from a Bundle (any type: transaction, collection, searchset)
 * holding its CarePlan and the resources it refers to. Hostile or broken
 * input only ever gives a `SipValidationError`: the bundle is copied to
 * plain JSON first, every element is type-checked as it is read, and the
 * result goes through `parsePlan`.
 */
export function fromFhirBundle(bundle: unknown): Plan {
  let plain: unknown;
  try {
    const text = JSON.stringify(bundle);
    if (text === undefined || text.length > MAX_BUNDLE_JSON) throw unreadable('Not a Bundle, or too large');
    plain = JSON.parse(text);
  } catch (error) {
    if (SipValidationError.is(error)) throw error;
    throw new SipValidationError([{ path: [], code: 'unreadable', message: 'The bundle cannot be read as JSON' }]);
  }
  try {
    return readBundle(plain);
  } catch (error) {
    if (SipValidationError.is(error)) throw error;
    throw new SipValidationError([{ path: [], code: 'unreadable', message: 'The bundle does not have the shape of a sip-kit plan' }]);
  }
}

function readBundle(input: unknown): Plan {
  const b = obj(input);
  if (!b || b.resourceType !== 'Bundle') throw unreadable('Not a FHIR Bundle', ['resourceType']);
  const byRef = new Map<string, J>();
  const carePlans: J[] = [];
  arr(b.entry).forEach((e, i) => {
    const res = obj(obj(e)?.resource);
    if (!res) return;
    const type = str(res.resourceType);
    const id = str(res.id);
    if (!type || !id) throw unreadable('A resource without resourceType or id', ['entry', i, 'resource']);
    byRef.set(`${type}/${id}`, res);
    if (type === 'CarePlan') carePlans.push(res);
  });
  if (carePlans.length !== 1) throw unreadable(`Expected one CarePlan, found ${carePlans.length}`, ['entry']);
  const cp = carePlans[0] as J;
  const deref = (ref: unknown, type: string): J => {
    const target = str(obj(ref)?.reference);
    const res = target === undefined ? undefined : byRef.get(target);
    if (!res || res.resourceType !== type) throw unreadable(`Missing ${type} ${target ?? ''} in the bundle`, ['entry']);
    return res;
  };
  const localId = (res: J, kind: string): string => {
    const v = identOf(res.identifier, kind);
    if (v === undefined) throw unreadable(`${String(res.resourceType)} without its sip-kit ${kind} identifier`, ['entry']);
    return v;
  };
  // FHIR ids back to item ids, for references between resources.
  const idOf = (ref: unknown, type: string, kind: string): string => localId(deref(ref, type), kind);
  const participantId = (ref: unknown): string | undefined => identOf([obj(ref)?.identifier], 'participant');

  const patient = deref(cp.subject, 'Patient');
  const careTeam = deref(arr(cp.careTeam)[0], 'CareTeam');
  const planLeft = leftoversOf(cp);

  // Person
  const names = arr(patient.name).map(obj);
  const person = build(
    {
      name: str(names.find((n) => n?.use === 'official')?.text),
      preferredName: str(names.find((n) => n?.use === 'usual')?.text),
      dateOfBirth: str(patient.birthDate),
      preferredLanguage: codingIn(obj(obj(arr(patient.communication)[0])?.language)?.coding, 'urn:ietf:bcp:47'),
      interpreterNeeded: extValue(patient, 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired', 'valueBoolean'),
      identifiers: patient.identifier === undefined ? undefined : arr(patient.identifier).map((i) => ({ system: obj(i)?.system, value: obj(i)?.value })),
    },
    patient,
  );

  // Parties, in CarePlan.contributor order
  const parties = arr(cp.contributor).map((ref) => {
    const org = deref(ref, 'Organization');
    return build(
      {
        id: localId(org, 'party'),
        name: str(org.name),
        kind: codeIn(org.type, CS.partyKind),
        principal: codeIn(org.type, CS.partyPrincipal) === 'principal',
        sector: codeIn(org.type, CS.sector),
        partOf: org.partOf === undefined ? undefined : idOf(org.partOf, 'Organization', 'party'),
        contact: str(obj(arr(org.telecom)[0])?.value),
      },
      org,
    );
  });

  // Participants and the three plan roles
  const roles: Partial<Record<(typeof PLAN_ROLES)[number], string>> = {};
  const participants = arr(careTeam.participant).map((raw) => {
    const el = obj(raw) ?? {};
    const id = participantId(el.member);
    for (const role of PLAN_ROLES) if (arr(el.role).some((c) => codeIn([c], CS.planRole) === role) && id !== undefined) roles[role] = id;
    const roleConcept = arr(el.role).map(obj).find((c) => codeIn([c], CS.participantRole) !== undefined);
    return build(
      {
        id,
        role: codeIn([roleConcept], CS.participantRole),
        name: str(obj(el.member)?.display),
        party: el.onBehalfOf === undefined ? undefined : idOf(el.onBehalfOf, 'Organization', 'party'),
        title: str(roleConcept?.text),
      },
      el,
    );
  });
  const coordinator = participantId(extValue(cp, EXT.custodian, 'valueReference'));

  const needs = arr(cp.addresses).map((ref) => {
    const c = deref(ref, 'Condition');
    return build({ id: localId(c, 'need'), text: str(obj(c.code)?.text), sector: codeIn(c.category, CS.sector) }, c);
  });

  const goals = arr(cp.goal).map((ref) => {
    const g = deref(ref, 'Goal');
    const target = obj(arr(g.target)[0]);
    return build(
      {
        id: localId(g, 'goal'),
        text: str(obj(g.description)?.text),
        horizon: codeIn(g.category, CS.goalHorizon),
        expressedByParticipant: g.expressedBy === undefined ? undefined : participantId(g.expressedBy),
        needs: arr(g.addresses).map((n) => idOf(n, 'Condition', 'need')),
        targetOn: str(target?.dueDate),
        measure: str(obj(target?.measure)?.text),
        status: GOAL_STATUS_BACK[str(g.lifecycleStatus) ?? ''],
      },
      g,
    );
  });

  const activities = arr(cp.activity).map(obj);
  const interventions = activities
    .filter((a) => a?.detail !== undefined)
    .map((a) => {
      const d = obj(a?.detail) ?? {};
      const performers = arr(d.performer).map(obj);
      const responsible = performers[1];
      const period = obj(d.scheduledPeriod);
      return build(
        {
          id: str(a?.id),
          what: str(d.description),
          party: idOf(performers[0], 'Organization', 'party'),
          responsible: responsible ? identOf([responsible.identifier], 'participant') : undefined,
          responsibleName: str(responsible?.display),
          where: str(obj(d.location)?.display),
          startOn: str(period?.start),
          endOn: str(period?.end),
          goals: arr(d.goal).map((g) => idOf(g, 'Goal', 'goal')),
          status: INTERVENTION_STATUS_BACK[str(d.status) ?? ''],
        },
        a,
      );
    });

  const supporting = arr(cp.supportingInfo).map((ref) => str(obj(ref)?.reference) ?? '');
  const encounters = new Map<string, J>();
  for (const ref of supporting) {
    const e = ref.startsWith('Encounter/') ? byRef.get(ref) : undefined;
    if (e) encounters.set(localId(e, 'meeting'), e);
  }
  const meetings = supporting
    .filter((ref) => ref.startsWith('Appointment/'))
    .map((ref) => {
      const a = deref({ reference: ref }, 'Appointment');
      const id = localId(a, 'meeting');
      const enc = encounters.get(id);
      const status = str(a.status);
      const invitations = arr(a.participant)
        .map(obj)
        .filter((p) => p?.actor !== undefined && participantId(p.actor) !== undefined)
        .map((p) =>
          build({ participant: participantId(p?.actor), mode: p?.required === 'required' ? 'called' : 'invited', response: RESPONSE_BACK[str(p?.status) ?? ''] }, p),
        );
      const attendance = arr(enc?.participant).map((raw) => {
        const p = obj(raw);
        return build({ participant: participantId(p?.individual), status: codeIn(p?.type, CS.attendance), how: codeIn(p?.type, CS.attendanceMode) }, p);
      });
      return build(
        {
          id,
          kind: codeIn([a.appointmentType], CS.meetingKind),
          status: status === 'cancelled' ? 'cancelled' : status === 'fulfilled' || str(enc?.status) === 'finished' ? 'held' : 'planned',
          startsAt: str(a.start),
          endsAt: str(a.end),
          heldOn: str(obj(enc?.period)?.start),
          agenda: arr(a.reasonCode).map((c) => str(obj(c)?.text)),
          invitations,
          attendance,
          notes: str(a.comment),
        },
        a,
      );
    });

  const consents = supporting
    .filter((ref) => ref.startsWith('Consent/'))
    .map((ref) => {
      const c = deref({ reference: ref }, 'Consent');
      const performer = obj(arr(c.performer)[0]);
      const kind = str(extValue(performer, EXT.consentGiverKind, 'valueCode'));
      const givenBy =
        performer === undefined
          ? undefined
          : kind === 'person'
            ? { kind }
            : kind === 'guardian'
              ? { kind, participant: participantId(performer) }
              : build({ kind, participant: participantId(performer), name: str(performer.display) }, {});
      const provision = obj(c.provision) ?? {};
      const nested = arr(provision.provision).map(obj);
      const partyOfActor = (actor: unknown) => idOf(obj(actor)?.reference, 'Organization', 'party');
      return build(
        {
          id: localId(c, 'consent'),
          decision: str(c.status) === 'active' ? 'given' : 'refused',
          givenBy,
          givenOn: str(c.dateTime),
          validUntil: str(obj(provision.period)?.end),
          scope: {
            establishPlan: codingIn(provision.purpose, CS.consentPurpose) === 'establish-plan',
            shareWith: nested.filter((p) => p?.type === 'permit').flatMap((p) => arr(p?.actor).map(partyOfActor)),
            exclusions: nested
              .filter((p) => p?.type === 'deny')
              .map((p) =>
                build(
                  {
                    id: str(p?.id),
                    text: str(obj(arr(p?.code)[0])?.text),
                    parties: p?.actor === undefined ? undefined : arr(p.actor).map(partyOfActor),
                    section: codingIn(p?.class, CS.planSection),
                  },
                  p,
                ),
              ),
          },
        },
        c,
      );
    });

  const followUps = activities
    .filter((a) => a?.reference !== undefined)
    .map((a) => {
      const t = deref(a?.reference, 'Task');
      return build(
        {
          id: localId(t, 'follow-up'),
          dueOn: str(obj(obj(t.restriction)?.period)?.end),
          responsible: participantId(t.owner),
          doneOn: str(obj(t.executionPeriod)?.end),
          evaluations: arr(t.output).map((raw) => {
            const o = obj(raw);
            return build({ goal: idOf(o?.valueReference, 'Goal', 'goal'), outcome: codeIn([o?.type], CS.goalOutcome) }, o);
          }),
          note: str(obj(arr(t.note)[0])?.text),
        },
        t,
      );
    });

  const period = obj(cp.period);
  const plan = build(
    {
      id: str(cp.id),
      version: extValue(cp, EXT.planVersion, 'valueInteger'),
      type: codeIn(cp.category, CS.planType),
      jurisdiction: codeIn(cp.category, 'urn:iso:std:iso:3166'),
      locale: str(cp.language),
      title: str(cp.title),
      status: str(extValue(cp, EXT.planStatus, 'valueCode')),
      person,
      participants,
      parties,
      initiator: roles.initiator,
      meetingChair: roles.chair,
      coordinator,
      establishedOn: str(cp.created),
      planPeriod: period === undefined ? undefined : build({ from: str(period.start), to: str(period.end) }, {}),
      needs,
      goals,
      interventions,
      meetings,
      consents,
      followUps,
    },
    {},
  );
  return parsePlan({ ...plan, ...planLeft });
}

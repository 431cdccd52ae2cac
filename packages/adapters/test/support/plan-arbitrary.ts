/**
 * fast-check generator of valid plans that exercises every field the adapters
 * map (each optional field present or absent, empty strings, odd whitespace,
 * non-ASCII text, offsets on instants). Kept here so the adapter tests do not
 * depend on core's test helpers; every generated plan passes `parsePlan`.
 */
import fc from 'fast-check';
import {
  ATTENDANCE_MODES,
  ATTENDANCE_STATUSES,
  CHANGE_KINDS,
  CHILD_ASSENTS,
  CLOSED_REASONS,
  CONSENT_DECISIONS,
  CONSENT_FORMS,
  EXPRESSED_BY,
  GOAL_HORIZONS,
  GOAL_OUTCOMES,
  GOAL_STATUSES,
  INTERVENTION_STATUSES,
  INVITATION_MODES,
  INVITATION_RESPONSES,
  JURISDICTIONS,
  LOCALES,
  MEETING_KINDS,
  MEETING_STATUSES,
  PARTICIPANT_ROLES,
  PARTICIPATION_WAYS,
  PARTY_KINDS,
  PLAN_SECTIONS,
  PLAN_STATUSES,
  PLAN_TYPES,
  PLAN_TYPE_JURISDICTION,
  RESOURCE_KINDS,
  SECTORS,
  parsePlan,
  type Jurisdiction,
  type Plan,
  type PlanType,
} from '@sip-kit/core';

type Arb<T> = fc.Arbitrary<T>;

const opt = <T>(arb: Arb<T>): Arb<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });
const pick = <T>(values: readonly T[]): Arb<T> => fc.constantFrom(...values);

const idArb = fc.stringMatching(/^[A-Za-z0-9.-]{1,12}$/).filter((id) => !/^\.+$/.test(id)); // dots alone are not ids
const ids = (min: number, max: number) => fc.uniqueArray(idArb, { minLength: min, maxLength: max });

/** Text with the awkward cases: empty, whitespace around, unicode, newlines. */
const text = (required = false): Arb<string> =>
  fc.oneof(
    fc.string({ minLength: required ? 1 : 0, maxLength: 24 }),
    fc.string({ unit: 'grapheme', minLength: required ? 1 : 0, maxLength: 12 }),
    pick(required ? ['Anna', ' padded ', 'två\nrader', 'Åsa Öberg'] : ['', 'Anna', ' padded ', 'två\nrader', 'Åsa Öberg']),
  );

const dateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const instantArb = fc.oneof(
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.tuple(dateArb, fc.integer({ min: 0, max: 23 }), fc.constantFrom('+01:00', '+02:00', '-05:00', 'Z')).map(([d, h, off]) => `${d}T${String(h).padStart(2, '0')}:30:00${off}`),
);
const sortedDates = fc.tuple(dateArb, dateArb).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);

function subset<T>(values: readonly T[]): Arb<T[]> {
  return values.length ? fc.subarray([...values]) : fc.constant([]);
}
function ref(values: readonly string[]): Arb<string | undefined> {
  return values.length ? opt(pick(values)) : fc.constant(undefined);
}

interface Pools {
  parties: string[];
  participants: string[];
  needs: string[];
  resources: string[];
  goals: string[];
  interventions: string[];
  meetings: string[];
  consents: string[];
  followUps: string[];
  handovers: string[];
  pending: string[];
  approvals: string[];
  audit: string[];
}

const poolsArb: Arb<Pools> = fc.record({
  parties: ids(1, 3),
  participants: ids(1, 4),
  needs: ids(0, 3),
  resources: ids(0, 2),
  goals: ids(0, 3),
  interventions: ids(0, 3),
  meetings: ids(0, 2),
  consents: ids(0, 2),
  followUps: ids(0, 2),
  handovers: ids(0, 2),
  pending: ids(0, 2),
  approvals: ids(0, 2),
  audit: ids(0, 3),
});

function each<T>(pool: readonly string[], item: (id: string) => Arb<T>): Arb<T[]> {
  return pool.length ? fc.tuple(...pool.map(item)) : fc.constant([]);
}

function planFrom(p: Pools): Arb<Plan> {
  const items = [...p.needs, ...p.resources, ...p.goals, ...p.interventions];
  const typeAndJurisdiction: Arb<readonly [PlanType, Jurisdiction]> = pick(PLAN_TYPES).chain(
    (type): Arb<readonly [PlanType, Jurisdiction]> =>
      type === 'pcsp' ? pick(JURISDICTIONS).map((j) => [type, j] as const) : fc.constant([type, PLAN_TYPE_JURISDICTION[type]] as const),
  );
  const statusArb = fc.oneof(
    pick(PLAN_STATUSES.filter((s) => s !== 'closed')).map((status) => ({ status, closedReason: undefined as string | undefined })),
    pick(CLOSED_REASONS).map((closedReason) => ({ status: 'closed' as const, closedReason: closedReason as string | undefined })),
  );
  const participant = (id: string) =>
    fc.record({
      id: fc.constant(id),
      role: pick(PARTICIPANT_ROLES),
      name: text(true),
      party: ref(p.parties),
      title: opt(text()),
      relation: opt(text()),
      phone: opt(text()),
      email: opt(text()),
      note: opt(text()),
    }).chain((x) => (x.role === 'professional' && x.party === undefined ? pick(p.parties).map((party) => ({ ...x, party })) : fc.constant(x)));
  const party = (id: string) =>
    fc.record({
      id: fc.constant(id),
      name: text(true),
      kind: pick(PARTY_KINDS),
      principal: fc.boolean(),
      sector: opt(pick(SECTORS)),
      unit: opt(text()),
      partOf: ref(p.parties),
      contact: opt(text()),
      note: opt(text()),
    });
  const need = (id: string) =>
    fc.record({ id: fc.constant(id), text: text(true), sector: opt(pick(SECTORS)), expressedBy: opt(pick(EXPRESSED_BY)), identifiedBy: ref(p.parties) });
  const resource = (id: string) => fc.record({ id: fc.constant(id), text: text(true), kind: opt(pick(RESOURCE_KINDS)) });
  const goal = (id: string) =>
    fc.record({
      id: fc.constant(id),
      text: text(true),
      horizon: pick(GOAL_HORIZONS),
      expressedBy: pick(EXPRESSED_BY),
      expressedByParticipant: ref(p.participants),
      needs: subset(p.needs),
      partOf: ref(p.goals),
      targetOn: opt(dateArb),
      measure: opt(text()),
      status: pick(GOAL_STATUSES),
    });
  const intervention = (id: string) =>
    fc.record({
      id: fc.constant(id),
      what: text(true),
      how: opt(text()),
      party: pick(p.parties),
      unit: opt(text()),
      responsible: ref(p.participants),
      responsibleName: opt(text()),
      extent: opt(text()),
      where: opt(text()),
      dates: opt(sortedDates.chain(([a, b]) => fc.constantFrom({ startOn: a, endOn: b }, { startOn: a }, { endOn: b }))),
      costBearer: ref(p.parties),
      costNote: opt(text()),
      goals: subset(p.goals),
      status: pick(INTERVENTION_STATUSES),
      decision: opt(text()),
      note: opt(text()),
    }).map(({ dates, ...x }) => ({ ...x, ...(dates ?? {}) }));
  const meeting = (id: string) =>
    fc.record({
      id: fc.constant(id),
      kind: pick(MEETING_KINDS),
      status: pick(MEETING_STATUSES),
      startsAt: opt(instantArb),
      endsAt: opt(instantArb),
      heldOn: opt(dateArb),
      place: opt(text()),
      placeChosenByPerson: opt(fc.boolean()),
      link: opt(pick(['https://meet.example.se/room/1', 'https://video.example.no/a?b=c'])),
      organizer: ref(p.participants),
      agenda: fc.array(text(), { maxLength: 3 }),
      invitations: subset(p.participants).chain((who) =>
        each(who, (participant) =>
          fc.record({
            participant: fc.constant(participant),
            mode: pick(INVITATION_MODES),
            sentOn: opt(dateArb),
            response: pick(INVITATION_RESPONSES),
            respondedOn: opt(dateArb),
            note: opt(text()),
          }),
        ),
      ),
      attendance: subset(p.participants).chain((who) =>
        each(who, (participant) => fc.record({ participant: fc.constant(participant), status: pick(ATTENDANCE_STATUSES), how: opt(pick(ATTENDANCE_MODES)), note: opt(text()) })),
      ),
      notes: opt(text()),
    });
  const giver = fc.oneof(
    fc.constant({ kind: 'person' as const }),
    pick(p.participants).map((participant) => ({ kind: 'guardian' as const, participant })),
    fc.record({ kind: fc.constant('representative' as const), participant: ref(p.participants), name: opt(text()) }),
  );
  const consent = (id: string) =>
    fc.record({
      id: fc.constant(id),
      decision: pick(CONSENT_DECISIONS),
      givenBy: giver,
      givenOn: dateArb,
      scope: fc.record({
        establishPlan: fc.boolean(),
        shareWith: subset(p.parties),
        exclusions: ids(0, 2).chain((xs) =>
          each(xs, (xid) =>
            fc.record({ id: fc.constant(xid), text: text(true), parties: opt(subset(p.parties)), section: opt(pick(PLAN_SECTIONS)), items: opt(subset(items)) }),
          ),
        ),
      }),
      form: pick(CONSENT_FORMS),
      formNote: opt(text()),
      recordedBy: pick(p.participants),
      recordedAt: instantArb,
      validUntil: opt(dateArb),
      withdrawals: ids(0, 2).chain((ws) =>
        each(ws, (wid) =>
          fc.record({ id: fc.constant(wid), on: dateArb, reason: opt(text()), parties: opt(subset(p.parties)), recordedBy: ref(p.participants), recordedAt: instantArb }),
        ),
      ),
      supersedes: ref(p.consents),
      cannotConsent: opt(
        fc.record({
          reason: opt(text()),
          consulted: fc.array(fc.record({ name: text(true), relation: text(true), participant: ref(p.participants) }), { maxLength: 2 }),
          accountOfPersonsView: text(true),
        }),
      ),
      childView: opt(fc.record({ assent: pick(CHILD_ASSENTS), view: opt(text()), howHeard: opt(text()), recordedOn: opt(dateArb) })),
      note: opt(text()),
    });
  const followUp = (id: string) =>
    fc.record({
      id: fc.constant(id),
      dueOn: dateArb,
      responsible: pick(p.participants),
      meeting: ref(p.meetings),
      doneOn: opt(dateArb),
      evaluations: subset(p.goals).chain((gs) =>
        each(gs, (g) =>
          fc.record({
            goal: fc.constant(g),
            outcome: pick(GOAL_OUTCOMES),
            personView: opt(text()),
            professionalView: opt(text()),
            note: opt(text()),
            evaluatedBy: ref(p.participants),
          }),
        ),
      ),
      nextFollowUp: ref(p.followUps),
      note: opt(text()),
    });
  const actor = fc.record({ id: text(true), name: opt(text()), partyId: opt(idArb) });

  return fc
    .record({
      id: idArb,
      version: fc.nat({ max: 50 }),
      tj: typeAndJurisdiction,
      locale: pick(LOCALES),
      title: opt(text()),
      st: statusArb,
      closedOn: opt(dateArb),
      closedNote: opt(text()),
      person: fc.record({
        name: text(true),
        preferredName: opt(text()),
        dateOfBirth: opt(dateArb),
        age: opt(fc.integer({ min: 0, max: 150 })),
        isChild: fc.boolean(),
        preferredLanguage: opt(pick(['sv', 'se', 'ar', 'nb-NO', ''])),
        interpreterNeeded: opt(fc.boolean()),
        communicationNeeds: opt(text()),
        identifiers: opt(fc.array(fc.record({ system: text(true), value: text(true) }), { maxLength: 2 })),
      }),
      personVoice: fc.record({
        whatMattersToMe: opt(text()),
        ownWords: opt(text()),
        ownContribution: opt(text()),
        relativesContribution: opt(text()),
        participation: opt(subset(PARTICIPATION_WAYS)),
        participationNote: opt(text()),
        childView: opt(fc.record({ text: text(true), howHeard: opt(text()), recordedOn: opt(dateArb), recordedBy: ref(p.participants) })),
      }),
      participants: each(p.participants, participant),
      parties: each(p.parties, party),
      initiator: ref(p.participants),
      meetingChair: ref(p.participants),
      coordinator: ref(p.participants),
      coordinatorHistory: each(p.handovers, (id) =>
        fc.record({ id: fc.constant(id), from: ref(p.participants), to: pick(p.participants), on: dateArb, reason: opt(text()), recordedAt: instantArb }),
      ),
      needIdentifiedOn: dateArb,
      needIdentifiedBy: ref(p.parties),
      readyForDischargeOn: opt(dateArb),
      firstContactOn: opt(dateArb),
      establishedOn: opt(dateArb),
      planPeriod: opt(sortedDates.chain(([from, to]) => fc.constantFrom({ from, to }, { from }))),
      needs: each(p.needs, need),
      resources: each(p.resources, resource),
      goals: each(p.goals, goal),
      interventions: each(p.interventions, intervention),
      cooperation: opt(text()),
      meetings: each(p.meetings, meeting),
      consents: each(p.consents, consent),
      followUps: each(p.followUps, followUp),
      pendingApproval: each(p.pending, (id) =>
        fc.record({ id: fc.constant(id), section: pick(PLAN_SECTIONS), item: opt(idArb), change: pick(CHANGE_KINDS), at: instantArb, by: text(true) }),
      ),
      approvals: each(p.approvals, (id) =>
        fc.record({ id: fc.constant(id), by: pick(p.participants), on: dateArb, at: instantArb, how: opt(text()), changes: fc.nat({ max: 20 }) }),
      ),
      audit: each(p.audit, (id) => fc.record({ id: fc.constant(id), actor, at: instantArb, command: text(true), summary: text() })),
    })
    .map(({ tj, st, ...rest }) => parsePlan({ formatVersion: 1, type: tj[0], jurisdiction: tj[1], ...st, ...rest }));
}

/** Valid plans of every type, with every optional field sometimes present. */
export function planArbitrary(): Arb<Plan> {
  return poolsArb.chain(planFrom);
}

/** How many generated cases a property runs: `SIP_FUZZ_RUNS` scales every test up from `base`. */
export function fuzzRuns(base: number): number {
  const env = typeof process !== 'undefined' ? Number(process.env?.SIP_FUZZ_RUNS) : NaN;
  return Number.isFinite(env) && env > 0 ? Math.max(base, Math.round(env)) : base;
}

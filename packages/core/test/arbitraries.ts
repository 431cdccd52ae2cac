/**
 * fast-check arbitraries for sip-kit plans, shared by the model, store, rules,
 * adapter and fuzzing tests. `planArbitrary()` produces VALID plans: every
 * reference points at something in the plan, ids are unique, dates are real,
 * and texts vary from plain Swedish and Norwegian to hostile strings (markup,
 * right-to-left overrides, lone surrogates, `__proto__` as a value).
 *
 * Use `SIP_FUZZ_RUNS` to run property tests longer: `numRuns(50)` returns 50 by
 * default and the env value when set.
 */
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../src/dates.js';
import {
  ATTENDANCE_MODES,
  ATTENDANCE_STATUSES,
  CHANGE_KINDS,
  CHILD_ASSENTS,
  CLOSED_REASONS,
  CONSENT_DECISIONS,
  CONSENT_FORMS,
  DEFAULT_PLAN_LOCALE,
  EXPRESSED_BY,
  GOAL_HORIZONS,
  GOAL_OUTCOMES,
  GOAL_STATUSES,
  INTERVENTION_STATUSES,
  INVITATION_MODES,
  INVITATION_RESPONSES,
  LIMITS,
  MEETING_KINDS,
  MEETING_STATUSES,
  PARTICIPANT_ROLES,
  PARTICIPATION_WAYS,
  PARTY_KINDS,
  PLAN_SECTIONS,
  PLAN_STATUSES,
  PLAN_TYPE_JURISDICTION,
  PLAN_TYPES,
  RESOURCE_KINDS,
  SECTORS,
  type Plan,
  type PlanType,
} from '../src/model/index.js';

/** Number of runs for a property: `fallback`, or `SIP_FUZZ_RUNS` when set (for long fuzzing sessions). */
export function numRuns(fallback: number): number {
  const env = Number(process.env['SIP_FUZZ_RUNS']);
  return Number.isSafeInteger(env) && env > 0 ? env : fallback;
}

/** Strings that have broken other software; all are valid plan text. */
export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"; DROP TABLE plans; --',
  '__proto__',
  'constructor',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  '\u202eevil\u202c',
  'Zero\u200bwidth',
  '\ud800',
  '😀👩‍👩‍👧‍👦',
  'Åsa Öberg-Ängström',
  'Bjørn Ærø Håland',
  'Siobhán Ó Súilleabháin',
  'تجربة',
  '\t \n',
  'null',
  '0',
] as const;

/** Options for {@link planArbitrary}. */
export interface PlanArbitraryOptions {
  /** Most items per list (goals, interventions, …). Default 4. */
  maxItems?: number;
  /** Mix hostile strings and random unicode into texts. Default true. */
  hostile?: boolean;
  /** Plan types to draw from. Default all. */
  types?: readonly PlanType[];
}

/** A real calendar day between 1990 and 2100. */
export const isoDateArbitrary = (): fc.Arbitrary<string> =>
  fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);

/** An instant with seconds and an offset. */
export const instantArbitrary = (): fc.Arbitrary<string> =>
  fc
    .record({
      date: isoDateArbitrary(),
      h: fc.integer({ min: 0, max: 23 }),
      m: fc.integer({ min: 0, max: 59 }),
      s: fc.integer({ min: 0, max: 59 }),
      ms: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
      offset: fc.constantFrom('Z', '+01:00', '+02:00', '-05:00', '+14:00', '-12:00', '+05:30'),
    })
    .map(({ date, h, m, s, ms, offset }) => {
      const two = (n: number) => String(n).padStart(2, '0');
      return `${date}T${two(h)}:${two(m)}:${two(s)}${ms === undefined ? '' : `.${String(ms).padStart(3, '0')}`}${offset}`;
    });

// Built once: string arbitraries with rich units build large lookup tables when created.
const TEXT_CAP = 60;
const plainText = fc.constantFrom('Bo i egen lägenhet', 'Gå i skolen hver dag', 'Get back to work', 'Träffa vänner', 'Sove bedre om natta');
const asciiText = fc.string({ maxLength: TEXT_CAP });
const hostileText = fc.constantFrom(...HOSTILE_STRINGS);
const binaryText = fc.string({ unit: 'binary', maxLength: TEXT_CAP });
const graphemeText = fc.string({ unit: 'grapheme', maxLength: TEXT_CAP });
const textCache = new Map<string, fc.Arbitrary<string>>();

/** Text of 0/1…`max` UTF-16 units: plain words, random unicode, or (when `hostile`) known-hostile strings. */
export function textArbitrary(max: number, required: boolean, hostile = true): fc.Arbitrary<string> {
  const key = `${max}/${required}/${hostile}`;
  let arb = textCache.get(key);
  if (!arb) {
    const arbs: fc.Arbitrary<string>[] = hostile ? [plainText, asciiText, hostileText, binaryText, graphemeText] : [plainText, asciiText];
    arb = fc.oneof(...arbs).map((s) => {
      const cut = s.slice(0, max);
      return required && cut.length === 0 ? 'x' : cut;
    });
    textCache.set(key, arb);
  }
  return arb;
}

const suffix = fc.string({ unit: fc.constantFrom(...'ABCXYZabcxyz0189.-'.split('')), maxLength: 8 });

/** `n` unique ids with the given prefix (unique because the index is followed by `-`). */
const idsArbitrary = (prefix: string, n: number): fc.Arbitrary<string[]> =>
  fc.array(suffix, { minLength: n, maxLength: n }).map((sfx) => sfx.map((s, i) => `${prefix}${i}-${s}`));

/** A valid plan with consistent references. See the module comment. */
export function planArbitrary(options: PlanArbitraryOptions = {}): fc.Arbitrary<Plan> {
  const max = options.maxItems ?? 4;
  const hostile = options.hostile ?? true;
  const types = options.types ?? PLAN_TYPES;
  const t = (limit: number, required = false) => textArbitrary(limit, required, hostile);
  const sizes = fc.record({
    parties: fc.integer({ min: 1, max }),
    participants: fc.integer({ min: 1, max: max + 1 }),
    needs: fc.integer({ min: 0, max }),
    resources: fc.integer({ min: 0, max }),
    goals: fc.integer({ min: 0, max }),
    interventions: fc.integer({ min: 0, max }),
    meetings: fc.integer({ min: 0, max: Math.min(max, 3) }),
    consents: fc.integer({ min: 0, max: Math.min(max, 3) }),
    followUps: fc.integer({ min: 0, max: Math.min(max, 3) }),
    handovers: fc.integer({ min: 0, max: 2 }),
    pending: fc.integer({ min: 0, max: 2 }),
    approvals: fc.integer({ min: 0, max: 2 }),
    audit: fc.integer({ min: 0, max }),
  });

  return sizes.chain((n) =>
    fc
      .record({
        partyIds: idsArbitrary('pa', n.parties),
        participantIds: idsArbitrary('pt', n.participants),
        needIds: idsArbitrary('ne', n.needs),
        resourceIds: idsArbitrary('re', n.resources),
        goalIds: idsArbitrary('go', n.goals),
        interventionIds: idsArbitrary('in', n.interventions),
        meetingIds: idsArbitrary('me', n.meetings),
        consentIds: idsArbitrary('co', n.consents),
        followUpIds: idsArbitrary('fu', n.followUps),
      })
      .chain((ids) => {
        const pick = (list: string[]) => fc.constantFrom(...list);
        const maybePick = (list: string[]) => (list.length ? pick(list) : fc.constant(undefined));
        const subset = (list: string[]) => (list.length ? fc.uniqueArray(pick(list), { maxLength: list.length }) : fc.constant<string[]>([]));
        const party = pick(ids.partyIds);
        const participant = pick(ids.participantIds);
        const itemIds = [...ids.needIds, ...ids.resourceIds, ...ids.goalIds, ...ids.interventionIds];

        const parties = fc.tuple(
          ...ids.partyIds.map((id, i) =>
            fc.record(
              {
                id: fc.constant(id),
                name: t(LIMITS.shortText, true),
                kind: fc.constantFrom(...PARTY_KINDS),
                principal: fc.boolean(),
                sector: fc.constantFrom(...SECTORS),
                unit: t(LIMITS.shortText),
                // Only earlier parties, so `partOf` never forms a cycle.
                ...(i > 0 ? { partOf: pick(ids.partyIds.slice(0, i)) } : {}),
                contact: t(LIMITS.shortText),
                note: t(LIMITS.text),
              },
              { requiredKeys: ['id', 'name', 'kind', 'principal'] },
            ),
          ),
        );
        const participants = fc.tuple(
          ...ids.participantIds.map((id) =>
            fc
              .record(
                {
                  id: fc.constant(id),
                  role: fc.constantFrom(...PARTICIPANT_ROLES),
                  name: t(LIMITS.shortText, true),
                  party,
                  title: t(LIMITS.shortText),
                  relation: t(LIMITS.shortText),
                  phone: fc.constantFrom('070-123 45 67', '+47 22 00 00 00'),
                  email: fc.constantFrom('anna@example.se', 'x@example.no'),
                  note: t(LIMITS.text),
                },
                { requiredKeys: ['id', 'role', 'name'] },
              )
              .chain((p) => (p.role === 'professional' && p.party === undefined ? party.map((pa) => ({ ...p, party: pa })) : fc.constant(p))),
          ),
        );
        const needs = fc.tuple(
          ...ids.needIds.map((id) =>
            fc.record(
              { id: fc.constant(id), text: t(LIMITS.text, true), sector: fc.constantFrom(...SECTORS), expressedBy: fc.constantFrom(...EXPRESSED_BY), identifiedBy: party },
              { requiredKeys: ['id', 'text'] },
            ),
          ),
        );
        const resources = fc.tuple(
          ...ids.resourceIds.map((id) =>
            fc.record({ id: fc.constant(id), text: t(LIMITS.text, true), kind: fc.constantFrom(...RESOURCE_KINDS) }, { requiredKeys: ['id', 'text'] }),
          ),
        );
        const goals = fc.tuple(
          ...ids.goalIds.map((id) =>
            fc.record(
              {
                id: fc.constant(id),
                text: t(LIMITS.text, true),
                horizon: fc.constantFrom(...GOAL_HORIZONS),
                expressedBy: fc.constantFrom(...EXPRESSED_BY),
                expressedByParticipant: participant,
                needs: subset(ids.needIds),
                ...(ids.goalIds.length ? { partOf: pick(ids.goalIds) } : {}),
                targetOn: isoDateArbitrary(),
                measure: t(LIMITS.text),
                status: fc.constantFrom(...GOAL_STATUSES),
              },
              { requiredKeys: ['id', 'text', 'horizon', 'expressedBy', 'needs', 'status'] },
            ),
          ),
        );
        const interventions = fc.tuple(
          ...ids.interventionIds.map((id) =>
            fc
              .record(
                {
                  id: fc.constant(id),
                  what: t(LIMITS.text, true),
                  how: t(LIMITS.text),
                  party,
                  unit: t(LIMITS.shortText),
                  responsible: participant,
                  responsibleName: t(LIMITS.shortText),
                  extent: t(LIMITS.shortText),
                  where: t(LIMITS.shortText),
                  startOn: isoDateArbitrary(),
                  endOn: isoDateArbitrary(),
                  costBearer: party,
                  costNote: t(LIMITS.text),
                  goals: subset(ids.goalIds),
                  status: fc.constantFrom(...INTERVENTION_STATUSES),
                  decision: t(LIMITS.shortText),
                  note: t(LIMITS.longText),
                },
                { requiredKeys: ['id', 'what', 'party', 'goals', 'status'] },
              )
              .map((v) => (v.startOn !== undefined && v.endOn !== undefined && v.endOn < v.startOn ? { ...v, startOn: v.endOn, endOn: v.startOn } : v)),
          ),
        );
        const meetings = fc.tuple(
          ...ids.meetingIds.map((id) =>
            fc.record(
              {
                id: fc.constant(id),
                kind: fc.constantFrom(...MEETING_KINDS),
                status: fc.constantFrom(...MEETING_STATUSES),
                startsAt: instantArbitrary(),
                endsAt: instantArbitrary(),
                heldOn: isoDateArbitrary(),
                place: t(LIMITS.shortText),
                placeChosenByPerson: fc.boolean(),
                link: fc.constantFrom('https://meet.example.se/abc-123', 'https://video.example.no/rom?id=42&x=%3Cb%3E'),
                organizer: participant,
                agenda: fc.array(t(LIMITS.text), { maxLength: 3 }),
                invitations: fc.uniqueArray(
                  fc.record(
                    {
                      participant,
                      mode: fc.constantFrom(...INVITATION_MODES),
                      sentOn: isoDateArbitrary(),
                      response: fc.constantFrom(...INVITATION_RESPONSES),
                      respondedOn: isoDateArbitrary(),
                      note: t(LIMITS.shortText),
                    },
                    { requiredKeys: ['participant', 'mode', 'response'] },
                  ),
                  { selector: (x) => x.participant, maxLength: ids.participantIds.length },
                ),
                attendance: fc.uniqueArray(
                  fc.record(
                    { participant, status: fc.constantFrom(...ATTENDANCE_STATUSES), how: fc.constantFrom(...ATTENDANCE_MODES), note: t(LIMITS.shortText) },
                    { requiredKeys: ['participant', 'status'] },
                  ),
                  { selector: (x) => x.participant, maxLength: ids.participantIds.length },
                ),
                notes: t(LIMITS.longText),
              },
              { requiredKeys: ['id', 'kind', 'status', 'agenda', 'invitations', 'attendance'] },
            ),
          ),
        );
        const giver = fc.oneof(
          fc.constant({ kind: 'person' as const }),
          participant.map((p) => ({ kind: 'guardian' as const, participant: p })),
          fc.record({ kind: fc.constant('representative' as const), participant, name: t(LIMITS.shortText) }, { requiredKeys: ['kind'] }),
        );
        const consents = fc.tuple(
          ...ids.consentIds.map((id, i) =>
            fc.record(
              {
                id: fc.constant(id),
                decision: fc.constantFrom(...CONSENT_DECISIONS),
                givenBy: giver,
                givenOn: isoDateArbitrary(),
                scope: fc.record({
                  establishPlan: fc.boolean(),
                  shareWith: subset(ids.partyIds),
                  exclusions: idsArbitrary('ex', 2).chain((exIds) =>
                    fc.uniqueArray(
                      fc.record(
                        {
                          id: fc.constantFrom(...exIds),
                          text: t(LIMITS.text, true),
                          parties: subset(ids.partyIds),
                          section: fc.constantFrom(...PLAN_SECTIONS),
                          items: subset(itemIds),
                        },
                        { requiredKeys: ['id', 'text'] },
                      ),
                      { selector: (x) => x.id, maxLength: 2 },
                    ),
                  ),
                }),
                form: fc.constantFrom(...CONSENT_FORMS),
                formNote: t(LIMITS.text),
                recordedBy: participant,
                recordedAt: instantArbitrary(),
                validUntil: isoDateArbitrary(),
                withdrawals: idsArbitrary('wd', 2).chain((wdIds) =>
                  fc.uniqueArray(
                    fc.record(
                      {
                        id: fc.constantFrom(...wdIds),
                        on: isoDateArbitrary(),
                        reason: t(LIMITS.text),
                        parties: subset(ids.partyIds),
                        recordedBy: participant,
                        recordedAt: instantArbitrary(),
                      },
                      { requiredKeys: ['id', 'on', 'recordedAt'] },
                    ),
                    { selector: (x) => x.id, maxLength: 2 },
                  ),
                ),
                ...(i > 0 ? { supersedes: pick(ids.consentIds.slice(0, i)) } : {}),
                cannotConsent: fc.record(
                  {
                    reason: t(LIMITS.text),
                    consulted: fc.array(
                      fc.record({ name: t(LIMITS.shortText, true), relation: t(LIMITS.shortText, true), participant }, { requiredKeys: ['name', 'relation'] }),
                      { maxLength: 2 },
                    ),
                    accountOfPersonsView: t(LIMITS.longText, true),
                  },
                  { requiredKeys: ['consulted', 'accountOfPersonsView'] },
                ),
                childView: fc.record(
                  { assent: fc.constantFrom(...CHILD_ASSENTS), view: t(LIMITS.longText), howHeard: t(LIMITS.text), recordedOn: isoDateArbitrary() },
                  { requiredKeys: ['assent'] },
                ),
                note: t(LIMITS.longText),
              },
              { requiredKeys: ['id', 'decision', 'givenBy', 'givenOn', 'scope', 'form', 'recordedBy', 'recordedAt', 'withdrawals'] },
            ),
          ),
        );
        const followUps = fc.tuple(
          ...ids.followUpIds.map((id) =>
            fc.record(
              {
                id: fc.constant(id),
                dueOn: isoDateArbitrary(),
                responsible: participant,
                ...(ids.meetingIds.length ? { meeting: pick(ids.meetingIds) } : {}),
                doneOn: isoDateArbitrary(),
                evaluations: ids.goalIds.length
                  ? fc.uniqueArray(
                      fc.record(
                        {
                          goal: pick(ids.goalIds),
                          outcome: fc.constantFrom(...GOAL_OUTCOMES),
                          personView: t(LIMITS.text),
                          professionalView: t(LIMITS.text),
                          note: t(LIMITS.text),
                          evaluatedBy: participant,
                        },
                        { requiredKeys: ['goal', 'outcome'] },
                      ),
                      { selector: (x) => x.goal, maxLength: ids.goalIds.length },
                    )
                  : fc.constant([]),
                nextFollowUp: pick(ids.followUpIds),
                note: t(LIMITS.longText),
              },
              { requiredKeys: ['id', 'dueOn', 'responsible', 'evaluations'] },
            ),
          ),
        );
        const actor = fc.record({ id: t(LIMITS.shortText, true), name: t(LIMITS.shortText), partyId: party }, { requiredKeys: ['id'] });

        return fc
          .record(
            {
              formatVersion: fc.constant(1 as const),
              id: suffix.map((s) => `plan-${s}`),
              version: fc.nat({ max: 1000 }),
              type: fc.constantFrom(...types),
              title: t(LIMITS.shortText),
              status: fc.constantFrom(...PLAN_STATUSES),
              closedReason: fc.constantFrom(...CLOSED_REASONS),
              closedOn: isoDateArbitrary(),
              closedNote: t(LIMITS.text),
              person: fc.record(
                {
                  name: t(LIMITS.shortText, true),
                  preferredName: t(LIMITS.shortText),
                  dateOfBirth: isoDateArbitrary(),
                  age: fc.integer({ min: 0, max: 150 }),
                  isChild: fc.boolean(),
                  preferredLanguage: fc.constantFrom('sv', 'nb-NO', 'se', 'ar', 'en-GB'),
                  interpreterNeeded: fc.boolean(),
                  communicationNeeds: t(LIMITS.text),
                  identifiers: fc.array(fc.record({ system: t(LIMITS.shortText, true), value: t(LIMITS.shortText, true) }), { maxLength: 2 }),
                },
                { requiredKeys: ['name', 'isChild'] },
              ),
              personVoice: fc.record(
                {
                  whatMattersToMe: t(LIMITS.longText),
                  ownWords: t(LIMITS.longText),
                  ownContribution: t(LIMITS.longText),
                  relativesContribution: t(LIMITS.longText),
                  participation: fc.uniqueArray(fc.constantFrom(...PARTICIPATION_WAYS), { maxLength: 3 }),
                  participationNote: t(LIMITS.text),
                  childView: fc.record(
                    { text: t(LIMITS.longText, true), howHeard: t(LIMITS.text), recordedOn: isoDateArbitrary(), recordedBy: participant },
                    { requiredKeys: ['text'] },
                  ),
                },
                { requiredKeys: [] },
              ),
              participants,
              parties,
              initiator: participant,
              meetingChair: participant,
              coordinator: participant,
              coordinatorHistory: fc.array(
                fc.record(
                  { from: participant, to: participant, on: isoDateArbitrary(), reason: t(LIMITS.text), recordedAt: instantArbitrary() },
                  { requiredKeys: ['to', 'on', 'recordedAt'] },
                ),
                { minLength: n.handovers, maxLength: n.handovers },
              ),
              needIdentifiedOn: isoDateArbitrary(),
              needIdentifiedBy: party,
              readyForDischargeOn: isoDateArbitrary(),
              firstContactOn: isoDateArbitrary(),
              establishedOn: isoDateArbitrary(),
              planPeriod: fc
                .record({ from: isoDateArbitrary(), to: isoDateArbitrary() }, { requiredKeys: ['from'] })
                .map((p) => (p.to !== undefined && p.to < p.from ? { from: p.to, to: p.from } : p)),
              needs,
              resources,
              goals,
              interventions,
              cooperation: t(LIMITS.text),
              meetings,
              consents,
              followUps,
              pendingApproval: fc.array(
                fc.record(
                  {
                    section: fc.constantFrom(...PLAN_SECTIONS),
                    item: maybePick(itemIds),
                    change: fc.constantFrom(...CHANGE_KINDS),
                    at: instantArbitrary(),
                    by: t(LIMITS.shortText, true),
                  },
                  { requiredKeys: ['section', 'change', 'at', 'by'] },
                ),
                { minLength: n.pending, maxLength: n.pending },
              ),
              approvals: fc.array(
                fc.record(
                  { by: participant, on: isoDateArbitrary(), at: instantArbitrary(), how: t(LIMITS.text), changes: fc.nat({ max: 20 }) },
                  { requiredKeys: ['by', 'on', 'at', 'changes'] },
                ),
                { minLength: n.approvals, maxLength: n.approvals },
              ),
              audit: fc.array(
                fc.record({ actor, at: instantArbitrary(), command: fc.constantFrom('addGoal', 'recordConsent', 'setStatus'), summary: t(LIMITS.text) }),
                { minLength: n.audit, maxLength: n.audit },
              ),
            },
            {
              requiredKeys: [
                'formatVersion', 'id', 'version', 'type', 'status', 'person', 'personVoice', 'participants', 'parties',
                'coordinatorHistory', 'needIdentifiedOn', 'needs', 'resources', 'goals', 'interventions', 'meetings',
                'consents', 'followUps', 'pendingApproval', 'approvals', 'audit',
              ],
            },
          )
          .map((draft) => finish(draft as unknown as Record<string, unknown>));
      }),
  );
}

/** Adds what depends on other drawn values: jurisdiction, locale, closure, list ids, no self-references. */
function finish(draft: Record<string, unknown>): Plan {
  const type = draft['type'] as PlanType;
  const plan: Record<string, unknown> = {
    ...draft,
    jurisdiction: PLAN_TYPE_JURISDICTION[type],
    locale: DEFAULT_PLAN_LOCALE[type],
    coordinatorHistory: (draft['coordinatorHistory'] as object[]).map((h, i) => ({ id: `ho${i}`, ...h })),
    pendingApproval: (draft['pendingApproval'] as Record<string, unknown>[]).map((p, i) => {
      const { item, ...rest } = p;
      return item === undefined ? { id: `pc${i}`, ...rest } : { id: `pc${i}`, ...rest, item };
    }),
    approvals: (draft['approvals'] as object[]).map((a, i) => ({ id: `ap${i}`, ...a })),
    audit: (draft['audit'] as object[]).map((a, i) => ({ id: `au${i}`, ...a })),
  };
  if (plan['status'] !== 'closed') {
    delete plan['closedReason'];
  } else if (plan['closedReason'] === undefined) {
    plan['closedReason'] = 'other';
  }
  // Plain objects only: fast-check may build records without a prototype, and parsed plans have one.
  return JSON.parse(JSON.stringify(plan)) as Plan;
}

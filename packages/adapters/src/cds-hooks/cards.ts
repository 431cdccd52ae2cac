/**
 * The decisions behind the cards: pure functions from prefetched facts (the
 * patient, their episodes of care, their plans) to CDS Hooks cards. Every
 * rule comes from core's packs — eligibility, deadlines — so a region that
 * changes a setting changes the cards; this file only words the result.
 * @module
 */
import {
  ageOn,
  calendarDaysBetween,
  computeDeadlines,
  createPlan,
  evaluateEligibility,
  hasMessage,
  isIsoDate,
  resolvePack,
  translate,
  type Deadline,
  type EligibilityInput,
  type IsoDate,
  type Jurisdiction,
  type Locale,
  type MessageKey,
  type Plan,
  type RulePack,
} from '@sip-kit/core';
import { cdsText, type CdsMessageKey } from './messages.js';
import type { Encounter, EpisodeOfCare } from './request.js';
import { READY_FOR_DISCHARGE_EXTENSION, SECTOR_SYSTEM } from './services.js';

/** A card's source: who says so. */
export interface CdsSource {
  /** Short, human-readable name of the source. */
  label: string;
  /** Where to read more. */
  url?: string;
  /** What the card is about, as a coding, so clients can group or silence cards of one kind. */
  topic?: { system: string; code: string; display?: string };
}

/** An action of a suggestion (CDS Hooks 2.0). */
export interface CdsAction {
  /** `create`, `update` or `delete`. */
  type: 'create' | 'update' | 'delete';
  /** What the action does. */
  description: string;
  /** The FHIR resource to create or update. */
  resource?: Record<string, unknown>;
}

/** A suggestion the clinician can accept. */
export interface CdsSuggestion {
  /** Text on the button. */
  label: string;
  /** Id, so the client can report which one was accepted. */
  uuid: string;
  /** True when this is the suggestion to take. */
  isRecommended?: boolean;
  /** What accepting does. */
  actions: CdsAction[];
}

/** One card (CDS Hooks 2.0). */
export interface CdsCard {
  /** Unique per card, for feedback. */
  uuid: string;
  /** One line, at most 140 characters. */
  summary: string;
  /** How urgent. */
  indicator: 'info' | 'warning' | 'critical';
  /** Who says so. */
  source: CdsSource;
  /** More, in GitHub-flavoured markdown. */
  detail?: string;
  /** Actions the clinician may accept. */
  suggestions?: CdsSuggestion[];
  /** How many suggestions may be accepted; required with suggestions. */
  selectionBehavior?: 'at-most-one' | 'any';
}

/** What every card decision needs beyond the prefetched facts. */
export interface CardSettings {
  /** The day deadlines are judged on. */
  today: IsoDate;
  /** Language of the card texts. */
  locale: Locale;
  /** Whose law applies when no plan says so. */
  jurisdiction: Jurisdiction;
  /** The pack for eligibility and plan deadlines; absent → each plan's (or the jurisdiction's) default. */
  pack?: RulePack | undefined;
  /** The pack for discharge deadlines (a pack with `invitationWithinCalendarDays`). */
  dischargePack: RulePack;
  /** Makes card and suggestion ids. */
  createId: () => string;
}

/** What the services read from prefetch, already validated. */
export interface PatientFacts {
  /** The patient's FHIR id (from the context). */
  patientId: string;
  /** The patient's birth date, when prefetched. */
  birthDate?: string | undefined;
  /** Episodes of care (any status: the services keep the ongoing ones). */
  episodes: readonly EpisodeOfCare[];
  /** The patient's plans, rebuilt from FHIR. */
  plans: readonly Plan[];
  /** CarePlans in the prefetch that could not be rebuilt: they still show that a plan exists. */
  unreadablePlans?: number;
  /** The encounter (discharge only). */
  encounter?: Encounter | undefined;
}

const SUMMARY_MAX = 140;
/** Codes of `CdsSource.topic`, so a client can tell the three kinds of card apart. */
export const CARD_TOPIC_SYSTEM = 'https://sip-kit.dev/fhir/CodeSystem/cds-card';
const ONGOING_EPISODE = new Set(['planned', 'waitlist', 'active', 'onhold']);

/** Cuts `text` to the spec's 140 characters on a word boundary, with an ellipsis. */
export function clampSummary(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SUMMARY_MAX) return flat;
  const cut = flat.slice(0, SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 80 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Escapes text from plans, packs and FHIR data so a client's markdown renderer
 * shows it as text: no emphasis, links, images, tables, code or HTML. Callers
 * never put it at the start of a line, so block syntax (`#`, `-`) cannot start.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|~!]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const t = (key: MessageKey | CdsMessageKey, s: CardSettings, params?: Record<string, string | number>): string =>
  key.startsWith('cds.') ? cdsText(key as CdsMessageKey, s.locale, params) : translate(key as MessageKey, s.locale, params);
const source = (s: CardSettings, code: string): CdsSource => ({ label: t('cds.source', s), topic: { system: CARD_TOPIC_SYSTEM, code } });

function days(n: number, working: boolean, s: CardSettings): string {
  if (working) return n === 1 ? t('cds.working-days.one', s) : t('cds.working-days.other', s, { n });
  return n === 1 ? t('cds.calendar-days.one', s) : t('cds.calendar-days.other', s, { n });
}

function deadlineName(kind: string, s: CardSettings): string {
  const key = `deadline.${kind}`;
  return hasMessage(key) ? t(key, s) : kind;
}

/** Sectors of the ongoing episodes, each with the organisations that serve it. */
export function sectorsOf(episodes: readonly EpisodeOfCare[]): Map<EligibilityInput['needs'][number], string[]> {
  const out = new Map<EligibilityInput['needs'][number], string[]>();
  for (const e of episodes) {
    if (!ONGOING_EPISODE.has(e.status)) continue;
    for (const type of e.type ?? []) {
      for (const c of type.coding ?? []) {
        if (c.system !== SECTOR_SYSTEM || !isSector(c.code)) continue;
        const orgs = out.get(c.code) ?? [];
        const name = e.managingOrganization?.display?.trim();
        if (name && !orgs.includes(name)) orgs.push(name.slice(0, 200));
        out.set(c.code, orgs);
      }
    }
  }
  return out;
}

const SECTOR_SET = new Set(['health-care', 'social-services', 'school', 'employment', 'social-insurance', 'other']);
function isSector(code: unknown): code is EligibilityInput['needs'][number] {
  return typeof code === 'string' && SECTOR_SET.has(code);
}

function packFor(s: CardSettings, jurisdiction: Jurisdiction): RulePack {
  // A configured pack of another country would apply the wrong law: fall back to that country's default.
  if (s.pack && s.pack.jurisdiction === jurisdiction) return s.pack;
  return resolvePack(undefined, { jurisdiction });
}

function ageFrom(birthDate: string | undefined, s: CardSettings, pack: RulePack): number {
  const adult = typeof pack.settings.adultAge === 'number' ? pack.settings.adultAge : 18;
  const day = birthDate?.slice(0, 10);
  if (day === undefined || !isIsoDate(day) || day > s.today) return adult;
  return Math.min(150, Math.max(0, ageOn(day, s.today)));
}

/**
 * Would the law oblige a plan if a party judged one needed and consent were
 * given? That is the question a clinician can act on, so the card asks it of
 * the pack instead of re-implementing "needs from both principals".
 */
function wouldOblige(base: EligibilityInput, pack: RulePack): boolean {
  const adult = typeof pack.settings.adultAge === 'number' ? pack.settings.adultAge : 18;
  return evaluateEligibility(
    {
      ...base,
      assessments: [{ party: 'assessing-party', planNeeded: true }],
      consent: 'given',
      guardianConsents: base.person.age < adult ? ['given'] : [],
      longTerm: true,
    },
    { pack },
  ).obligation;
}

function eligibilityBase(facts: PatientFacts, s: CardSettings, jurisdiction: Jurisdiction, pack: RulePack): EligibilityInput {
  return {
    jurisdiction,
    needs: [...sectorsOf(facts.episodes).keys()],
    assessments: [],
    consent: 'not-asked',
    person: { age: ageFrom(facts.birthDate, s, pack) },
  };
}

const openPlans = (plans: readonly Plan[]): Plan[] => plans.filter((p) => p.status !== 'closed');

function suggestPlanCard(facts: PatientFacts, s: CardSettings): CdsCard[] {
  const pack = packFor(s, s.jurisdiction);
  const base = eligibilityBase(facts, s, s.jurisdiction, pack);
  if (!wouldOblige(base, pack)) return [];
  // The reasons as things stand (nobody has assessed, nobody asked for consent) tell the clinician what to do next.
  // Long-term need is not in the prefetch data, so a "not long-term" reason would be a guess.
  const reasons = evaluateEligibility(base, { pack }).reasons.filter((r) => r !== 'not-long-term' && r !== 'long-term');
  const plan = t(`cds.plan-name.${s.jurisdiction}` as CdsMessageKey, s);
  const lines = [t('cds.suggest.why', s), ...reasons.map((r) => `- ${hasMessage(`eligibility.${r}`) ? t(`eligibility.${r}` as MessageKey, s) : markdownText(r)}`)];
  const orgs = [...sectorsOf(facts.episodes).values()].flat();
  if (orgs.length) lines.push('', t('cds.suggest.services', s), ...orgs.map((o) => `- ${markdownText(o)}`));
  lines.push('', t('cds.suggest.next', s));
  const label = t('cds.suggest.action', s);
  return [
    {
      uuid: s.createId(),
      summary: clampSummary(t('cds.suggest.summary', s, { plan })),
      indicator: 'info',
      source: source(s, 'plan-suggested'),
      detail: lines.join('\n'),
      suggestions: [
        {
          label,
          uuid: s.createId(),
          actions: [
            {
              type: 'create',
              description: label,
              resource: { resourceType: 'CarePlan', status: 'draft', intent: 'plan', subject: { reference: `Patient/${facts.patientId}` }, created: s.today },
            },
          ],
        },
      ],
      selectionBehavior: 'at-most-one',
    },
  ];
}

function overdueText(d: Deadline, s: CardSettings): { what: string; due: string; late: string } {
  const working = d.workingDaysLeft !== undefined;
  const n = working ? -(d.workingDaysLeft as number) : calendarDaysBetween(d.due, s.today);
  return { what: deadlineName(d.kind, s), due: d.due, late: days(n, working, s) };
}

function overdueCards(plans: readonly Plan[], s: CardSettings): CdsCard[] {
  const cards: CdsCard[] = [];
  for (const plan of plans) {
    const pack = s.pack && s.pack.jurisdiction === plan.jurisdiction && (s.pack.planTypes as readonly string[]).includes(plan.type) ? s.pack : undefined;
    const overdue = computeDeadlines(plan, { today: s.today, pack }).filter((d) => d.status === 'overdue');
    if (!overdue.length) continue;
    // Oldest first: the longest-overdue item is the one the summary names.
    overdue.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    const first = overdue[0] as Deadline;
    let summary = t('cds.overdue.summary', s, overdueText(first, s));
    if (overdue.length > 1) summary += ` ${t('cds.overdue.more', s, { n: overdue.length - 1 })}`;
    const title = plan.title ?? t(`planType.${plan.type}` as MessageKey, s);
    const detail = [t('cds.overdue.plan', s, { title: markdownText(title) }), '', ...overdue.map((d) => `- ${t('cds.overdue.item', s, overdueText(d, s))}`)];
    cards.push({ uuid: s.createId(), summary: clampSummary(summary), indicator: 'warning', source: source(s, 'plan-overdue'), detail: detail.join('\n') });
  }
  return cards;
}

/**
 * `patient-view`: with no open plan, an info card suggesting one when the
 * pack would oblige it (SE: needs from health care and social services); with
 * open plans, one warning card per plan that has an overdue deadline (first
 * contact, meeting, invitation or follow-up), naming what and since when.
 */
export function patientViewCards(facts: PatientFacts, s: CardSettings): CdsCard[] {
  const plans = openPlans(facts.plans);
  // A CarePlan we could not rebuild still means the person has a plan, so never suggest another one.
  return plans.length || facts.unreadablePlans ? overdueCards(plans, s) : suggestPlanCard(facts, s);
}

/** The ready-for-discharge day: the sip-kit extension, else the end of the encounter, else today. */
export function readyForDischargeOn(encounter: Encounter | undefined, today: IsoDate): IsoDate {
  const ext = encounter?.extension?.find((e) => e.url === READY_FOR_DISCHARGE_EXTENSION)?.valueDate?.slice(0, 10);
  if (ext !== undefined && isIsoDate(ext)) return ext;
  const end = encounter?.period?.end?.slice(0, 10);
  if (end !== undefined && isIsoDate(end)) return end;
  return today;
}

function dischargeCard(invitation: Deadline, ready: IsoDate, pack: RulePack, s: CardSettings): CdsCard {
  const overdue = invitation.status === 'overdue';
  const within = pack.settings.invitationWithinCalendarDays;
  const summary = overdue ? t('cds.discharge.overdue-summary', s, { due: invitation.due }) : t('cds.discharge.summary', s, { due: invitation.due });
  const detail = [
    t('cds.discharge.detail', s, { days: typeof within === 'number' ? within : '?', ready }),
    '',
    t('cds.discharge.rule', s, { pack: markdownText(`${pack.title ?? pack.id} (${pack.id} ${pack.version})`) }),
  ].join('\n');
  return { uuid: s.createId(), summary: clampSummary(summary), indicator: overdue ? 'warning' : 'info', source: source(s, 'discharge-invitation'), detail };
}

/**
 * `encounter-discharge` (Sweden only): when the patient's needs would oblige a
 * SIP, a card saying by which day the invitation is due (the discharge pack's
 * calendar days from ready-for-discharge) — a warning once that day has
 * passed. A discharge plan that already sent its invitation gives no card.
 */
export function encounterDischargeCards(facts: PatientFacts, s: CardSettings): CdsCard[] {
  if (s.jurisdiction !== 'SE') return [];
  const pack = s.dischargePack;
  const existing = openPlans(facts.plans).find((p) => p.type === 'se-sip-discharge');
  if (existing) {
    const invitation = computeDeadlines(existing, { today: s.today, pack }).find((d) => d.kind === 'invitation');
    if (!invitation || invitation.status === 'met' || invitation.status === 'met-late') return [];
    return [dischargeCard(invitation, existing.readyForDischargeOn ?? existing.needIdentifiedOn, pack, s)];
  }
  if (!wouldOblige(eligibilityBase(facts, s, 'SE', pack), pack)) return [];
  const ready = readyForDischargeOn(facts.encounter, s.today);
  // A throw-away plan lets the pack's own deadline rules decide (a region may turn the invitation deadline off).
  const draft = createPlan(
    { type: 'se-sip-discharge', id: 'cds-discharge', person: { name: 'patient' }, needIdentifiedOn: ready, readyForDischargeOn: ready },
    { createId: () => 'cds-discharge' },
  );
  const invitation = computeDeadlines(draft, { today: s.today, pack }).find((d) => d.kind === 'invitation');
  return invitation ? [dischargeCard(invitation, ready, pack, s)] : [];
}

/**
 * The consent being filled in, before it is recorded: plain strings and
 * arrays, so inputs bind to it directly and it can be saved as form state.
 * Nothing here judges consent; the store validates the record and core's
 * rules say what it means.
 * @module
 */
import {
  CHILD_ASSENTS,
  CONSENT_FORMS,
  PLAN_SECTIONS,
  type ChildAssentValue,
  type Consent,
  type ConsentForm,
  type ConsentGiver,
  type ConsentInput,
  type IsoDate,
  type PlanSection,
  type SipIssue,
} from '@sip-kit/core';

/** One exclusion in the draft. `parties` undefined means every party. */
export interface DraftExclusion {
  /** A key for the list (the exclusion's id once recorded). */
  key: string;
  /** What must not be shared, in the person's words. */
  text: string;
  /** The parties it applies to; undefined for every party. */
  parties?: string[] | undefined;
  /** The plan section, when it can be pinned to one ('' for none). */
  section: PlanSection | '';
}

/** Someone consulted on the cannot-consent path. */
export interface DraftConsulted {
  /** A key for the list. */
  key: string;
  /** Their name. */
  name: string;
  /** Their relation to the person. */
  relation: string;
}

/** The consent form's state. Giver keys: `person`, `guardian:<id>`, `representative:<id>`, `representative`. */
export interface ConsentDraft {
  /** Who answers (see the interface description for the keys). */
  giver: string;
  /** A representative's name when not a participant. */
  representativeName: string;
  /** Given, refused, or not chosen yet. */
  decision: Consent['decision'] | '';
  /** The day of the answer. */
  givenOn: string;
  /** Consent to making the plan. */
  establishPlan: boolean;
  /** Parties that may see the plan and share with each other. */
  shareWith: string[];
  /** What must not be shared. */
  exclusions: DraftExclusion[];
  /** Last valid day ('' for until withdrawn). */
  validUntil: string;
  /** How it was given ('' when not chosen). */
  form: ConsentForm | '';
  /** How it was documented. */
  formNote: string;
  /** The participant who records it. */
  recordedBy: string;
  /** A free note. */
  note: string;
  /** The person cannot consent themselves. */
  cannotConsent: boolean;
  /** Why not. */
  cannotReason: string;
  /** Who was consulted. */
  consulted: DraftConsulted[];
  /** Their account of the person's view. */
  account: string;
  /** The child's own answer ('' when not recorded). */
  childAssent: ChildAssentValue | '';
  /** What the child said. */
  childView: string;
  /** How the child was heard. */
  childHowHeard: string;
  /** When the child was heard. */
  childRecordedOn: string;
  /** The record this one replaces, when changing a consent. */
  supersedes: string;
}

let counter = 0;
/** A key for a new list row, unique in the page. */
export const newKey = (prefix: string): string => `${prefix}${++counter}`;

/** An empty form: nothing shared, nothing chosen — consent is never assumed. */
export function emptyDraft(today: IsoDate, giver = 'person'): ConsentDraft {
  return {
    giver,
    representativeName: '',
    decision: '',
    givenOn: today,
    establishPlan: false,
    shareWith: [],
    exclusions: [],
    validUntil: '',
    form: '',
    formNote: '',
    recordedBy: '',
    note: '',
    cannotConsent: false,
    cannotReason: '',
    consulted: [],
    account: '',
    childAssent: '',
    childView: '',
    childHowHeard: '',
    childRecordedOn: '',
    supersedes: '',
  };
}

/** The giver key of a record (see {@link ConsentDraft.giver}). */
export function giverKey(g: ConsentGiver): string {
  if (g.kind === 'person') return 'person';
  if (g.kind === 'guardian') return `guardian:${g.participant}`;
  return g.participant ? `representative:${g.participant}` : 'representative';
}

/** A draft that changes `c`: the same giver and scope, a new date, and `supersedes` naming `c`. */
export function draftFromConsent(c: Consent, today: IsoDate): ConsentDraft {
  return {
    ...emptyDraft(today, giverKey(c.givenBy)),
    representativeName: c.givenBy.kind === 'representative' ? (c.givenBy.name ?? '') : '',
    decision: c.decision,
    establishPlan: c.scope.establishPlan,
    shareWith: [...c.scope.shareWith],
    exclusions: c.scope.exclusions.map((x) => ({ key: newKey('x'), text: x.text, parties: x.parties ? [...x.parties] : undefined, section: x.section ?? '' })),
    validUntil: c.validUntil ?? '',
    form: c.form,
    formNote: c.formNote ?? '',
    note: c.note ?? '',
    cannotConsent: Boolean(c.cannotConsent),
    cannotReason: c.cannotConsent?.reason ?? '',
    consulted: (c.cannotConsent?.consulted ?? []).map((p) => ({ key: newKey('p'), name: p.name, relation: p.relation })),
    account: c.cannotConsent?.accountOfPersonsView ?? '',
    childAssent: c.childView?.assent ?? '',
    childView: c.childView?.view ?? '',
    childHowHeard: c.childView?.howHeard ?? '',
    supersedes: c.id,
  };
}

function giverOf(d: ConsentDraft): ConsentGiver {
  const [kind, id] = d.giver.split(':', 2) as [string, string | undefined];
  if (kind === 'guardian' && id) return { kind: 'guardian', participant: id };
  if (kind === 'representative') {
    return { kind: 'representative', ...(id ? { participant: id } : {}), ...(!id && d.representativeName.trim() ? { name: d.representativeName.trim() } : {}) };
  }
  return { kind: 'person' };
}

const opt = <K extends string>(key: K, value: string): Partial<Record<K, string>> => (value.trim() ? ({ [key]: value.trim() } as Record<K, string>) : {});

/**
 * The record command's input. Empty answers stay empty (`decision: ''`), so
 * the store refuses them with issues the form shows next to each field.
 */
export function toConsentInput(d: ConsentDraft, isChild: boolean): ConsentInput {
  const childView =
    isChild && d.childAssent
      ? { childView: { assent: d.childAssent, ...opt('view', d.childView), ...opt('howHeard', d.childHowHeard), ...opt('recordedOn', d.childRecordedOn) } }
      : {};
  const cannot = d.cannotConsent
    ? {
        cannotConsent: {
          ...opt('reason', d.cannotReason),
          consulted: d.consulted.map((p) => ({ name: p.name.trim(), relation: p.relation.trim() })),
          accountOfPersonsView: d.account.trim(),
        },
      }
    : {};
  return {
    decision: d.decision as Consent['decision'],
    givenBy: giverOf(d),
    givenOn: d.givenOn,
    scope: {
      establishPlan: d.establishPlan,
      shareWith: [...d.shareWith],
      exclusions: d.exclusions.map((x) => ({
        text: x.text.trim(),
        ...(x.parties ? { parties: [...x.parties] } : {}),
        ...(x.section ? { section: x.section } : {}),
      })),
    },
    form: d.form as ConsentForm,
    ...opt('formNote', d.formNote),
    recordedBy: d.recordedBy,
    ...opt('validUntil', d.validUntil),
    ...opt('note', d.note),
    ...opt('supersedes', d.supersedes),
    ...cannot,
    ...childView,
  } as ConsentInput;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 10_000) : '');
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 200) : []);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | '' => (allowed.includes(v as T) ? (v as T) : '');

/**
 * A draft from saved form state (`formStateRestoreCallback`). The state comes
 * from the browser, so every field is checked; anything odd is dropped.
 */
export function restoreDraft(state: unknown, today: IsoDate): ConsentDraft | undefined {
  if (typeof state !== 'string') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(state);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const base = emptyDraft(today);
  return {
    ...base,
    giver: str(r.giver) || base.giver,
    representativeName: str(r.representativeName),
    decision: oneOf(r.decision, ['given', 'refused'] as const),
    givenOn: str(r.givenOn) || base.givenOn,
    establishPlan: r.establishPlan === true,
    shareWith: strs(r.shareWith),
    exclusions: (Array.isArray(r.exclusions) ? r.exclusions : []).slice(0, 200).map((x: Record<string, unknown>) => ({
      key: newKey('x'),
      text: str(x?.text),
      parties: Array.isArray(x?.parties) ? strs(x.parties) : undefined,
      section: oneOf(x?.section, PLAN_SECTIONS),
    })),
    validUntil: str(r.validUntil),
    form: oneOf(r.form, CONSENT_FORMS),
    formNote: str(r.formNote),
    recordedBy: str(r.recordedBy),
    note: str(r.note),
    cannotConsent: r.cannotConsent === true,
    cannotReason: str(r.cannotReason),
    consulted: (Array.isArray(r.consulted) ? r.consulted : []).slice(0, 50).map((p: Record<string, unknown>) => ({ key: newKey('p'), name: str(p?.name), relation: str(p?.relation) })),
    account: str(r.account),
    childAssent: oneOf(r.childAssent, CHILD_ASSENTS),
    childView: str(r.childView),
    childHowHeard: str(r.childHowHeard),
    childRecordedOn: str(r.childRecordedOn),
    supersedes: str(r.supersedes),
  };
}

/**
 * Which form field an issue from the store belongs to: issues of the resulting
 * plan have paths `['consents', i, …]`. Returns a field id of the form
 * (`givenOn`, `form`, `excl-<key>`, `consulted-<key>` …) or `''` for the form as a whole.
 */
export function fieldOf(issue: SipIssue, d: ConsentDraft): string {
  const path = issue.path[0] === 'consents' ? issue.path.slice(2) : issue.path[0] === 'consent' ? issue.path.slice(1) : issue.path;
  const [a, b, c] = path;
  if (a === 'scope') {
    if (b === 'exclusions' && typeof c === 'number') return `excl-${d.exclusions[c]?.key ?? ''}`;
    if (b === 'shareWith') return 'matrix';
    return 'establish';
  }
  if (a === 'cannotConsent') {
    if (b === 'consulted' && typeof c === 'number') return `consulted-${d.consulted[c]?.key ?? ''}`;
    return b === 'reason' ? 'cannotReason' : 'account';
  }
  if (a === 'childView') return b === 'view' ? 'childView' : b === 'howHeard' ? 'childHowHeard' : 'childAssent';
  if (a === 'givenBy') return 'giver';
  if (typeof a === 'string' && ['decision', 'givenOn', 'form', 'formNote', 'recordedBy', 'validUntil', 'note'].includes(a)) return a;
  return '';
}

/**
 * Consent warnings: what a coordinator should act on about the person's
 * consent on a given day — missing, a guardian's missing, withdrawn, expired,
 * or running out within the pack's `consentExpiryWarningWorkingDays`
 * (default {@link DEFAULT_CONSENT_EXPIRY_WARNING_WORKING_DAYS}) working days.
 *
 * Built on {@link consentsInForce} and {@link missingPlanConsent}; like them
 * it is TypeScript, not pack rules: a pack only sets how early to warn.
 * @module
 */
import type { WorkingDayCalendar } from '../calendar/index.js';
import { addCalendarDays, assertIsoDate, calendarDaysBetween, isoWeekday, type IsoDate } from '../dates.js';
import { SipValidationError } from '../errors.js';
import type { Plan } from '../model/plan.js';
import { resolvePack, type BuiltinPackId } from './builtin.js';
import { ConsentState, giverKey, wholeWithdrawn } from './consent.js';
import { packCalendar } from './evaluator.js';
import type { RulePack } from './pack.js';

/** Warn this many working days before a consent's `validUntil` when the pack does not say otherwise. */
export const DEFAULT_CONSENT_EXPIRY_WARNING_WORKING_DAYS = 10;

/** Codes of {@link ConsentWarning}; translate with `translate('consentWarning.' + code)`. */
export const CONSENT_WARNING_CODES = ['consent-missing', 'guardian-consent-missing', 'consent-withdrawn', 'consent-expired', 'consent-expiring'] as const;
/** One of {@link CONSENT_WARNING_CODES}. */
export type ConsentWarningCode = (typeof CONSENT_WARNING_CODES)[number];

/** One warning from {@link consentWarnings}. */
export interface ConsentWarning {
  /**
   * `consent-missing` / `guardian-consent-missing`: no consent to the plan in
   * force from the person / that guardian (a refusal counts as missing);
   * `consent-withdrawn`: a record withdrawn as a whole (or, with `parties`, for
   * those parties); `consent-expired`: the record's `validUntil` has passed
   * and no other record of the same giver is in force; `consent-expiring`:
   * 0 ≤ working days left ≤ the pack's setting.
   */
  code: ConsentWarningCode;
  /** Whose consent: `person` or `guardian:<participant id>` (the keys of `missingPlanConsent`). */
  giver?: string;
  /** The consent record concerned. */
  consentId?: string;
  /** `consent-withdrawn`: the parties it was withdrawn for (absent for a whole withdrawal). `consent-expiring`/`-expired`: the parties the record covers. */
  parties?: string[];
  /** `consent-expiring`/`-expired`: the record's last valid day. */
  validUntil?: IsoDate;
  /** `consent-expiring`/`-expired`: working days d with today < d ≤ validUntil (negative when expired). */
  workingDaysLeft?: number;
}

/** Options of {@link consentWarnings}. */
export interface ConsentWarningOptions {
  /** The day the warnings are judged on. */
  today: IsoDate;
  /** A pack, a built-in id, or nothing for the plan's default pack (its calendar and `consentExpiryWarningWorkingDays`). */
  pack?: RulePack | BuiltinPackId;
}

/** Monday–Friday in (from, to], for a pack without a calendar; capped past `cap` (only "more than the warning window" matters then). */
function weekdaysBetween(from: IsoDate, to: IsoDate, cap: number): number {
  const span = calendarDaysBetween(from, to);
  const sign = span < 0 ? -1 : 1;
  const [a, n] = span < 0 ? [to, -span] : [from, span];
  let count = 0;
  for (let i = 1; i <= n && count <= cap; i++) if (isoWeekday(addCalendarDays(a, i)) <= 5) count++;
  return sign * count;
}

function warningDays(pack: RulePack): number | null {
  const v = pack.settings['consentExpiryWarningWorkingDays'];
  if (v === null) return null;
  return Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : DEFAULT_CONSENT_EXPIRY_WARNING_WORKING_DAYS;
}

/**
 * The consent warnings of `plan` on `today`, in a stable order: missing
 * consent first (person, then each guardian), then per record (in the plan's
 * order) withdrawn, expired, expiring. Working days are counted with the
 * pack's calendar (Monday–Friday when it has none); a pack setting
 * `consentExpiryWarningWorkingDays: null` turns the expiring warning off.
 * @throws SipValidationError for a malformed plan, `today` or pack.
 */
export function consentWarnings(plan: Plan, options: ConsentWarningOptions): ConsentWarning[] {
  if (plan === null || typeof plan !== 'object' || !Array.isArray(plan.consents) || !Array.isArray(plan.participants) || typeof plan.person !== 'object' || plan.person === null) {
    throw new SipValidationError([{ path: ['plan'], code: 'plan-invalid', message: 'Expected a plan (see parsePlan)' }]);
  }
  const today = options?.today;
  assertIsoDate(today, ['today']);
  const pack = resolvePack(options.pack, plan);
  const calendar: WorkingDayCalendar | null = packCalendar(pack);
  const window = warningDays(pack);
  const left = (to: IsoDate): number => (calendar ? calendar.workingDaysBetween(today, to) : weekdaysBetween(today, to, (window ?? 0) + 1));

  // One reading of the consents in force and the missing givers (what consentsInForce and missingPlanConsent return).
  const state = new ConsentState(plan, today);
  const out: ConsentWarning[] = [];
  for (const g of state.missing) {
    out.push(g === 'person' ? { code: 'consent-missing', giver: g } : { code: 'guardian-consent-missing', giver: g });
  }

  const required = new Set(state.required);
  // The records that stand on `today`: made by then and not superseded by a record made by then.
  const made = plan.consents.filter((c) => c.givenOn <= today && required.has(giverKey(c)));
  const superseded = new Set(plan.consents.filter((c) => c.givenOn <= today).map((c) => c.supersedes));
  const current = made.filter((c) => !superseded.has(c.id) && c.decision === 'given');
  const inForce = state.inForce.filter((c) => c.decision === 'given');
  // The latest day each giver's consent lasts to (undefined: open-ended), so a renewed consent silences the old one.
  const lastsTo = new Map<string, IsoDate | 'open'>();
  for (const c of inForce) {
    const k = giverKey(c);
    const prev = lastsTo.get(k);
    const v = c.validUntil ?? 'open';
    if (prev === undefined || (prev !== 'open' && (v === 'open' || v > prev))) lastsTo.set(k, v);
  }

  for (const c of current) {
    const giver = giverKey(c);
    if (wholeWithdrawn(c, today)) {
      out.push({ code: 'consent-withdrawn', giver, consentId: c.id });
      continue;
    }
    if (c.validUntil !== undefined && c.validUntil < today) {
      if (!lastsTo.has(giver)) out.push({ code: 'consent-expired', giver, consentId: c.id, parties: [...c.scope.shareWith], validUntil: c.validUntil, workingDaysLeft: left(c.validUntil) });
      continue;
    }
    const partly = [...new Set(c.withdrawals.filter((w) => w.parties !== undefined && w.on <= today).flatMap((w) => w.parties ?? []))];
    if (partly.length) out.push({ code: 'consent-withdrawn', giver, consentId: c.id, parties: partly });
    if (c.validUntil !== undefined && window !== null && lastsTo.get(giver) === c.validUntil) {
      const days = left(c.validUntil);
      if (days >= 0 && days <= window) out.push({ code: 'consent-expiring', giver, consentId: c.id, parties: [...c.scope.shareWith], validUntil: c.validUntil, workingDaysLeft: days });
    }
  }
  return out;
}

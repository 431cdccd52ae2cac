import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_CONSENT_EXPIRY_WARNING_WORKING_DAYS,
  SipValidationError,
  consentWarnings,
  createCalendar,
  extendPack,
  getBuiltinPack,
  translate,
  type Consent,
  type Plan,
} from '../src/index.js';
import { example } from './support/rules-examples.js';

/** se-sip with Anna's consent valid until `validUntil` and without the withdrawal for one party. */
function adultUntil(validUntil: string | undefined): Plan {
  const plan = example('se-sip');
  return {
    ...plan,
    consents: plan.consents.map((c) => {
      const next: Consent = { ...c, withdrawals: [] };
      if (validUntil === undefined) delete next.validUntil;
      else next.validUntil = validUntil;
      return next;
    }),
  };
}

test('the built-in packs warn 10 working days ahead', () => {
  assert.equal(DEFAULT_CONSENT_EXPIRY_WARNING_WORKING_DAYS, 10);
  for (const id of ['se-default', 'se-varmland-2014', 'se-discharge', 'no-default', 'gb-pcsp'] as const) {
    assert.equal(getBuiltinPack(id).settings.consentExpiryWarningWorkingDays, 10);
  }
});

test('a valid, open-ended consent gives no warnings', () => {
  assert.deepEqual(consentWarnings(adultUntil(undefined), { today: '2026-12-21' }), []);
});

test('consent running out within N working days across Christmas and New Year warns, counted with the Swedish calendar', () => {
  // 2026-12-21 (Mon) → 2027-01-08: julafton, juldagen, nyårsafton, nyårsdagen and trettondagen are not working days.
  const plan = adultUntil('2027-01-08');
  assert.equal(createCalendar('SE').workingDaysBetween('2026-12-21', '2027-01-08'), 9);
  assert.deepEqual(consentWarnings(plan, { today: '2026-12-21' }), [
    {
      code: 'consent-expiring',
      giver: 'person',
      consentId: 'c-anna',
      parties: ['region-psykiatri', 'kommun-soc', 'fk', 'af'],
      validUntil: '2027-01-08',
      workingDaysLeft: 9,
    },
  ]);
  // From 2026-12-21 that is 14 weekdays: only the holidays bring it inside the window. A week earlier it is outside.
  assert.equal(consentWarnings(plan, { today: '2026-12-18' })[0]?.workingDaysLeft, 10);
  assert.deepEqual(consentWarnings(plan, { today: '2026-12-17' }), []);
});

test('validUntil just after Christmas: three working days left', () => {
  const [w] = consentWarnings(adultUntil('2026-12-28'), { today: '2026-12-21' });
  assert.equal(w?.code, 'consent-expiring');
  assert.equal(w?.workingDaysLeft, 3);
});

test('the last valid day still warns as expiring, with 0 working days left', () => {
  const [w] = consentWarnings(adultUntil('2026-12-28'), { today: '2026-12-28' });
  assert.deepEqual([w?.code, w?.workingDaysLeft], ['consent-expiring', 0]);
});

test("the pack's setting decides the window; null turns the warning off", () => {
  const plan = adultUntil('2027-01-08');
  const narrow = extendPack(getBuiltinPack('se-default'), { id: 'se-narrow', settings: { consentExpiryWarningWorkingDays: 5 } });
  assert.deepEqual(consentWarnings(plan, { today: '2026-12-21', pack: narrow }), []);
  assert.equal(consentWarnings(plan, { today: '2027-01-01', pack: narrow })[0]?.code, 'consent-expiring');
  const off = extendPack(getBuiltinPack('se-default'), { id: 'se-off', settings: { consentExpiryWarningWorkingDays: null } });
  assert.deepEqual(consentWarnings(plan, { today: '2027-01-07', pack: off }), []);
  const absent = extendPack(getBuiltinPack('se-default'), { id: 'se-absent', settings: { consentExpiryWarningWorkingDays: undefined } });
  assert.equal(consentWarnings(plan, { today: '2026-12-21', pack: absent })[0]?.code, 'consent-expiring');
});

test('a pack without a calendar counts Monday to Friday', () => {
  const plan = adultUntil('2027-01-08');
  const w = consentWarnings(plan, { today: '2026-12-28', pack: 'gb-pcsp' });
  assert.deepEqual([w[0]?.code, w[0]?.workingDaysLeft], ['consent-expiring', 9]);
});

test('an expired consent: missing and expired', () => {
  const plan = example('se-sip');
  // Expired is by date: on Saturday 2027-02-13 it is expired with 0 working days since; on Monday, -1.
  assert.equal(consentWarnings(plan, { today: '2027-02-13' })[1]?.code, 'consent-expired');
  assert.deepEqual(consentWarnings(plan, { today: '2027-02-15' }), [
    { code: 'consent-missing', giver: 'person' },
    {
      code: 'consent-expired',
      giver: 'person',
      consentId: 'c-anna',
      parties: ['region-psykiatri', 'kommun-soc', 'fk', 'af'],
      validUntil: '2027-02-12',
      workingDaysLeft: -1,
    },
  ]);
});

test('a renewed consent silences the expired and expiring ones it replaces', () => {
  const base = adultUntil('2027-01-08');
  const old = base.consents[0]!;
  const renewed: Consent = { ...old, id: 'c-anna-2', givenOn: '2027-01-04', validUntil: '2028-01-08', recordedAt: '2027-01-04T09:00:00+01:00' };
  const plan: Plan = { ...base, consents: [old, renewed] };
  assert.deepEqual(consentWarnings(plan, { today: '2027-01-05' }), []);
  assert.deepEqual(consentWarnings(plan, { today: '2027-01-11' }), []);
});

test('no consent at all: consent missing', () => {
  const plan: Plan = { ...example('se-sip'), consents: [] };
  assert.deepEqual(consentWarnings(plan, { today: '2026-03-01' }), [{ code: 'consent-missing', giver: 'person' }]);
});

test("a child's plan: a guardian's consent missing", () => {
  const plan = example('se-sip-child');
  assert.deepEqual(consentWarnings(plan, { today: '2026-04-01' }), []);
  const onlyMother: Plan = { ...plan, consents: plan.consents.filter((c) => c.id !== 'c-pappa') };
  assert.deepEqual(consentWarnings(onlyMother, { today: '2026-04-01' }), [{ code: 'guardian-consent-missing', giver: 'guardian:pappa' }]);
  assert.deepEqual(consentWarnings({ ...plan, consents: [] }, { today: '2026-04-01' }), [
    { code: 'guardian-consent-missing', giver: 'guardian:mamma' },
    { code: 'guardian-consent-missing', giver: 'guardian:pappa' },
  ]);
});

test('withdrawn: for one party, and as a whole', () => {
  const plan = example('se-sip');
  assert.deepEqual(consentWarnings(plan, { today: '2026-04-19' }), []);
  assert.deepEqual(consentWarnings(plan, { today: '2026-04-20' }), [{ code: 'consent-withdrawn', giver: 'person', consentId: 'c-anna', parties: ['fk'] }]);
  const whole: Plan = {
    ...plan,
    consents: plan.consents.map((c) => ({ ...c, withdrawals: [...c.withdrawals, { id: 'w-all', on: '2026-05-04', recordedAt: '2026-05-04T09:00:00+02:00' }] })),
  };
  assert.deepEqual(consentWarnings(whole, { today: '2026-05-04' }), [
    { code: 'consent-missing', giver: 'person' },
    { code: 'consent-withdrawn', giver: 'person', consentId: 'c-anna' },
  ]);
});

test('every code has a message in every locale', () => {
  for (const locale of ['sv', 'nb', 'nn', 'en'] as const) {
    const text = translate('consentWarning.consent-expiring', locale, { validUntil: '2027-01-08', workingDaysLeft: 9 });
    assert.match(text, /2027-01-08/);
    assert.match(text, /9/);
  }
});

test('an invalid today, plan or pack is refused with SipValidationError', () => {
  const plan = example('se-sip');
  const isSip = (e: unknown) => SipValidationError.is(e);
  assert.throws(() => consentWarnings(plan, { today: 'tomorrow' }), isSip);
  assert.throws(() => consentWarnings(plan, { today: '2026-02-30' }), isSip);
  assert.throws(() => consentWarnings(plan, undefined as unknown as { today: string }), isSip);
  assert.throws(() => consentWarnings(null as unknown as Plan, { today: '2026-03-01' }), isSip);
  assert.throws(() => consentWarnings(plan, { today: '2026-03-01', pack: 'xx' as 'se-default' }), isSip);
});

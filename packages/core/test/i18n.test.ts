import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SipValidationError } from '../src/errors.js';
// The default entry: every locale registered (the browser entry's on-demand loading is tested in i18n-lazy.test.ts).
import { DEFAULT_LOCALE, LOCALES, MESSAGES, formatIssues, hasMessage, isLocale, resolveLocale, translate } from '../src/index.js';
import { ISSUE_CODES, PLAN_STATUSES, PLAN_TYPES, parsePlan } from '../src/model/index.js';

describe('message catalogues', () => {
  test('every key in every locale, and no locale has keys the others lack', () => {
    const reference = Object.keys(MESSAGES.sv!).sort();
    for (const locale of LOCALES) {
      const keys = Object.keys(MESSAGES[locale]!).sort();
      const missing = reference.filter((k) => !keys.includes(k));
      const extra = keys.filter((k) => !reference.includes(k));
      assert.deepEqual({ locale, missing, extra }, { locale, missing: [], extra: [] });
    }
  });

  test('no message is empty, and placeholders match the Swedish ones', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(MESSAGES[locale]!)) {
        assert.ok(text.trim().length > 0, `${locale} ${key}`);
        assert.deepEqual(placeholders(text), placeholders(MESSAGES.sv![key as keyof typeof MESSAGES.sv]), `${locale} ${key}`);
      }
    }
  });

  test('every issue code, plan status and plan type has a message', () => {
    for (const code of ISSUE_CODES) assert.ok(hasMessage(`issue.${code}`), code);
    for (const status of PLAN_STATUSES) assert.ok(hasMessage(`planStatus.${status}`), status);
    for (const type of PLAN_TYPES) assert.ok(hasMessage(`planType.${type}`), type);
  });
});

describe('formatIssues and translate', () => {
  function issuesOf(input: unknown) {
    try {
      parsePlan(input);
    } catch (error) {
      if (SipValidationError.is(error)) return error.issues;
    }
    assert.fail('expected a SipValidationError');
  }

  test('a too-long text is explained with its limit in each language', () => {
    const issues = [{ path: ['goals', 0, 'text'], code: 'too-long', message: 'Too long', params: { max: 2000 } }];
    assert.deepEqual(formatIssues(issues, 'sv'), ['Texten är för lång. Den får vara högst 2000 tecken.']);
    assert.deepEqual(formatIssues(issues, 'nb'), ['Teksten er for lang. Den kan være på høyst 2000 tegn.']);
    assert.deepEqual(formatIssues(issues, 'nn'), ['Teksten er for lang. Han kan vere på høgst 2000 teikn.']);
    assert.deepEqual(formatIssues(issues, 'en'), ['The text is too long. It can be at most 2000 characters.']);
  });

  test('issues from parsePlan are formatted in the asked language, defaulting to Swedish', () => {
    const issues = issuesOf({ __proto__: null, hello: 1 });
    const sv = formatIssues(issues);
    assert.equal(sv.length, issues.length);
    assert.ok(sv.includes('En plan har inget fält som heter "hello".'), sv.join('\n'));
    assert.ok(formatIssues(issues, 'en-GB').includes('A plan has no field called "hello".'));
  });

  test('an unknown code falls back to the issue’s own message', () => {
    assert.deepEqual(formatIssues([{ path: [], code: 'not-a-real-code', message: 'Something new' }], 'nb'), ['Something new']);
  });

  test('translate fills placeholders and accepts any language tag', () => {
    assert.equal(translate('issue.unknown-key', 'nn-NO', { key: 'x' }), 'Ein plan har ikkje noko felt som heiter «x».');
    assert.equal(translate('planStatus.established', 'no'), 'Opprettet');
    assert.equal(translate('planType.pcsp'), 'Personcentrerad plan');
    assert.equal(translate('issue.too-long', 'en'), 'The text is too long. It can be at most {max} characters.');
  });

  test('resolveLocale maps language tags to supported locales', () => {
    const cases: [unknown, string][] = [
      ['sv-SE', 'sv'], ['sv', 'sv'], ['SV_fi', 'sv'], ['no', 'nb'], ['nb-NO', 'nb'], ['nn-NO', 'nn'], ['nn', 'nn'],
      ['en-GB', 'en'], ['de-DE', 'en'], ['', DEFAULT_LOCALE], [undefined, DEFAULT_LOCALE], [42, DEFAULT_LOCALE],
    ];
    for (const [tag, expected] of cases) assert.equal(resolveLocale(tag), expected, String(tag));
  });

  test('isLocale knows exactly the four locales', () => {
    assert.deepEqual(LOCALES, ['sv', 'nb', 'nn', 'en']);
    assert.ok(LOCALES.every(isLocale));
    assert.equal(isLocale('sv-SE'), false);
    assert.equal(isLocale('__proto__'), false);
  });
});

// The browser entry loads nb/nn/en on demand. Each test file runs in its own
// process, so this one starts with only Swedish registered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MESSAGES, formatIssues, isLocaleLoaded, loadLocale, translate } from '../src/index.browser.js';
import { en } from '../src/i18n/messages/en.js';
import { nb } from '../src/i18n/messages/nb.js';

test('the browser entry starts with Swedish only, answers in Swedish until a locale is loaded, then in that locale', async () => {
  assert.equal(isLocaleLoaded('sv'), true);
  assert.equal(isLocaleLoaded('en'), false);
  assert.equal(MESSAGES.en, undefined);
  const key = 'planStatus.active';
  assert.equal(translate(key, 'en'), translate(key, 'sv'), 'not loaded yet: Swedish');
  await loadLocale('en-GB');
  assert.equal(isLocaleLoaded('en'), true);
  assert.equal(translate(key, 'en'), en[key]);
  assert.notEqual(en[key], translate(key, 'sv'));
  const issues = [{ code: 'required', message: 'Required', path: ['goals'] }];
  assert.notDeepEqual(formatIssues(issues, 'nb'), [nb['issue.required']]);
  await Promise.all([loadLocale('nb'), loadLocale('no')]); // one fetch for both
  assert.deepEqual(formatIssues(issues, 'nb'), [nb['issue.required']]);
  assert.equal(isLocaleLoaded('nn'), false, 'only what was asked for is loaded');
});

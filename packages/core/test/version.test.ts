import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SIP_KIT_VERSION } from '../src/index.js';

test('the core package reports a semantic version', () => {
  assert.match(SIP_KIT_VERSION, /^\d+\.\d+\.\d+$/);
});

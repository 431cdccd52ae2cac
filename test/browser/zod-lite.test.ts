// Browsers get what vendors' bundlers give them: core's "browser" field swaps
// its zod module for zod-lite, so plans are validated without zod. These tests
// run in that setting (web-test-runner resolves with `browser: true`), so the
// component tests exercise the validator that ships.
import { expect } from '@open-wc/testing';
import { SipValidationError, createPlan, parsePlan } from '@sip-kit/core';

const loaded = () => performance.getEntriesByType('resource').map((e) => e.name);

describe('core in a browser', () => {
  it("validates plans with zod-lite: core's zod module is swapped out", () => {
    const plan = parsePlan(createPlan({ type: 'se-sip', person: { name: 'Test', isChild: false }, needIdentifiedOn: '2026-11-25' }));
    expect(plan.person.name).to.equal('Test');
    const urls = loaded();
    expect(urls.some((u) => /\/core\/dist\/model\/zod-lite\.js/.test(u)), 'zod-lite.js loaded').to.equal(true);
    // Unbundled, the dev server still fetches zod for modules a bundler drops
    // (pack loading, eligibility input); test/node/browser-bundle.test.ts checks the bundle.
    expect(urls.filter((u) => /\/core\/dist\/model\/zod\.js/.test(u))).to.deep.equal([]);
  });

  it('refuses bad input with the same translated issues as in Node', () => {
    let error: unknown;
    try {
      parsePlan({ id: 'x', unknownKey: 1 });
    } catch (e) {
      error = e;
    }
    expect(SipValidationError.is(error)).to.equal(true);
    const codes = (error as SipValidationError).issues.map((i) => i.code);
    expect(codes).to.include('unknown-key');
    expect(codes).to.include('required');
  });
});

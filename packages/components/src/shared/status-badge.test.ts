import { fixture, html, expect } from '@open-wc/testing';
import '../define/sip-status-badge.js';
import { SipStatusBadge } from './status-badge.js';
import { defineElement } from './define.js';

describe('<sip-status-badge>', () => {
  it('shows an overdue deadline with an icon and text, not colour alone', async () => {
    const el = await fixture<SipStatusBadge>(html`<sip-status-badge status="overdue" label="Försenad sedan 3 dec"></sip-status-badge>`);
    const badge = el.shadowRoot!.querySelector('[part="badge"]')!;
    expect(badge.textContent).to.contain('Försenad sedan 3 dec');
    expect(el.shadowRoot!.querySelector('[part="icon"]')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('is accessible in every status', async () => {
    for (const status of ['upcoming', 'due-today', 'overdue', 'met', 'met-late'] as const) {
      const el = await fixture<SipStatusBadge>(html`<sip-status-badge .status=${status} label=${status}></sip-status-badge>`);
      await expect(el).to.be.accessible();
    }
  });

  it('warns instead of throwing when defined a second time by another copy', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      expect(defineElement('sip-status-badge', class extends SipStatusBadge {})).to.equal(false);
    } finally {
      console.warn = original;
    }
    expect(warnings.length).to.equal(1);
  });
});

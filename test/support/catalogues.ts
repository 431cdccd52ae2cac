import { expect } from '@open-wc/testing';
import type { Catalogue } from '../../packages/components/src/i18n/catalogue.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * Checks an element's catalogue and its parts' catalogues (named, for the
 * messages): every locale loads with exactly the Swedish keys, none empty, with
 * the Swedish placeholders; and no key is both in `element` and in a part's
 * catalogue (a part's strings travel with the part, never twice).
 */
export async function expectCatalogues(element: [string, Catalogue<string>], parts: Record<string, Catalogue<string>>): Promise<void> {
  for (const [name, catalogue] of [element, ...Object.entries(parts)]) {
    const keys = Object.keys(catalogue.sv).sort();
    for (const locale of ['sv', 'nb', 'nn', 'en'] as const) {
      await catalogue.load(locale);
      const messages = catalogue.peek(locale);
      expect(messages, `${name} ${locale} loads`).to.exist;
      expect(Object.keys(messages!).sort(), `${name} ${locale} keys`).to.deep.equal(keys);
      for (const key of keys) {
        const text = messages![key]!;
        expect(text.trim(), `${name} ${locale} ${key}`).not.to.equal('');
        expect(placeholders(text), `${name} ${locale} ${key}`).to.deep.equal(placeholders(catalogue.sv[key]!));
      }
    }
  }
  const elementKeys = new Set(Object.keys(element[1].sv));
  const inBoth = Object.values(parts).flatMap((c) => Object.keys(c.sv)).filter((k) => elementKeys.has(k));
  expect(inBoth, `in both ${element[0]} and a part's catalogue`).to.deep.equal([]);
}

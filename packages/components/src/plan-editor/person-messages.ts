import { Catalogue } from '../i18n/catalogue.js';
import sv, { type PersonViewKey } from './messages/person-sv.js';

export type { PersonViewKey } from './messages/person-sv.js';

/**
 * The UI strings only the person's view of `<sip-plan-editor>` shows
 * (`mode="person"`: `personTitle`, `p.*`). Only that view imports them, so
 * Swedish travels in the view's chunk, not the editor's first render; the other
 * locales load on first use. The editor shows the view once they are loaded in
 * its active locale, and loads them again on every locale change.
 */
export const personViewMessages = new Catalogue<PersonViewKey>(sv, {
  nb: () => import('./messages/person-nb.js'),
  nn: () => import('./messages/person-nn.js'),
  en: () => import('./messages/person-en.js'),
});

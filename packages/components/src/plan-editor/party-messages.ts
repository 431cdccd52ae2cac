import { Catalogue } from '../i18n/catalogue.js';
import sv, { type PartyViewKey } from './messages/party-sv.js';

export type { PartyViewKey } from './messages/party-sv.js';

/**
 * The UI strings only the party view of `<sip-plan-editor>` shows (`party`
 * set: `party.*`, the note on whose view it is). Only that view imports them,
 * so Swedish travels in the view's chunk, not the editor's first render; the
 * other locales load on first use. The editor shows the view once they are
 * loaded in its active locale, and loads them again on every locale change.
 */
export const partyViewMessages = new Catalogue<PartyViewKey>(sv, {
  nb: () => import('./messages/party-nb.js'),
  nn: () => import('./messages/party-nn.js'),
  en: () => import('./messages/party-en.js'),
});

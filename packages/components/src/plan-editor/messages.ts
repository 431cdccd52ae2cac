import { Catalogue } from '../i18n/catalogue.js';
import sv, { type EditorKey } from './messages/sv.js';

export type { EditorKey } from './messages/sv.js';

/** The editor's UI strings: Swedish bundled, the other locales loaded on first use. */
export const editorMessages = new Catalogue<EditorKey>(sv, {
  nb: () => import('./messages/nb.js'),
  nn: () => import('./messages/nn.js'),
  en: () => import('./messages/en.js'),
});

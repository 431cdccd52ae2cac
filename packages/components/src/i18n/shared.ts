import { Catalogue } from './catalogue.js';
import sv, { type SharedKey } from './messages/sv.js';

export type { SharedKey } from './messages/sv.js';

/** UI strings shared by every element (list editor, save status, consent notice, deadlines). */
export const sharedMessages = new Catalogue<SharedKey>(sv, {
  nb: () => import('./messages/nb.js'),
  nn: () => import('./messages/nn.js'),
  en: () => import('./messages/en.js'),
});

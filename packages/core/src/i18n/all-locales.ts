/**
 * Registers every locale's messages synchronously. The default (Node) entry
 * of `@sip-kit/core` imports this; the browser entry does not, and loads
 * locales on demand with `loadLocale`.
 * @module
 */
import { registerMessages } from './index.js';
import { en } from './messages/en.js';
import { nb } from './messages/nb.js';
import { nn } from './messages/nn.js';

registerMessages({ nb, nn, en });

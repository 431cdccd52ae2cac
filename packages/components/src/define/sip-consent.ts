// Define-only entry: importing this file registers <sip-consent>.
import { SipConsent } from '../consent/sip-consent.js';
import { defineElement } from '../shared/define.js';

defineElement('sip-consent', SipConsent);

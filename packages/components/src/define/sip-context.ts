// Define-only entry: importing this file registers <sip-context>.
import { SipContext } from '../context/sip-context.js';
import { defineElement } from '../shared/define.js';

defineElement('sip-context', SipContext);

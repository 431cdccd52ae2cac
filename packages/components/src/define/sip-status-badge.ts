// Define-only entry: importing this file registers <sip-status-badge>.
import { SipStatusBadge } from '../shared/status-badge.js';
import { defineElement } from '../shared/define.js';

defineElement('sip-status-badge', SipStatusBadge);

// Define-only entry: importing this file registers <sip-followup> (and the <sip-status-badge> it uses).
import { SipFollowup } from '../followup/sip-followup.js';
import { SipStatusBadge } from '../shared/status-badge.js';
import { defineElement } from '../shared/define.js';

defineElement('sip-status-badge', SipStatusBadge);
defineElement('sip-followup', SipFollowup);

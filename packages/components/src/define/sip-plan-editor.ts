// Define-only entry: importing this file registers <sip-plan-editor> (and the <sip-status-badge> it uses).
import { SipPlanEditor } from '../plan-editor/sip-plan-editor.js';
import { defineElement } from '../shared/define.js';
import './sip-status-badge.js';

defineElement('sip-plan-editor', SipPlanEditor);

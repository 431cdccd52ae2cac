// Define-only entry for every sip-kit element (used by the single-file CDN bundle).
import './sip-status-badge.js';
import './sip-context.js';
import './sip-plan-editor.js';
import './sip-consent.js';
import './sip-followup.js';

// Hands the plan to <sip-context> and follows its events. A separate file, not
// an inline script, so the page works under a strict Content-Security-Policy.
const context = document.querySelector('sip-context');
const badge = document.querySelector('sip-status-badge');

context.addEventListener('sip-context-ready', () => {
  badge.status = 'met';
  badge.label = 'Planen är laddad';
});
context.addEventListener('sip-context-error', (event) => {
  badge.status = 'overdue';
  badge.label = 'Planen kunde inte läsas';
  console.warn('sip-kit:', event.detail.error);
});
document.addEventListener('sip-plan-change', (event) => console.info('plan changed', event.detail));

// In a journal system the plan comes from your back end. Objects are set as
// properties (`.plan`), never as attributes.
const response = await fetch('./se-sip.json');
context.plan = await response.json();

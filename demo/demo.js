// The demo journal's own script. It plays the vendor: seeds browser storage
// with an example plan the first time, and wires the demo toolbar (language,
// today, reset). Text goes in with textContent only (never innerHTML).
const PLAN_ID = 'demo-se-sip';
const DB_NAME = 'sip-kit'; // browserRepository()'s default database
const status = document.getElementById('demo-status');
const context = document.getElementById('demo-context');

context.actor = { id: 'sara.lind', name: 'Sara Lind' };

function isoToday() {
  return new Date().toISOString().slice(0, 10);
}

function showPerson(plan) {
  const name = document.getElementById('patient-name');
  const meta = document.getElementById('patient-meta');
  if (name) name.textContent = plan.person?.name ?? 'Patient';
  if (meta) meta.textContent = plan.person?.dateOfBirth ? `Född ${plan.person.dateOfBirth}` : '';
}

// First visit: nothing stored yet, so start from the example plan (it is saved
// to browser storage by the components' autosave on the first change).
context.addEventListener('sip-context-error', async (event) => {
  if (event.detail.stage !== 'load') {
    status.textContent = 'Planen kunde inte visas.';
    return;
  }
  const response = await fetch('/packages/core/examples/se-sip.json');
  const example = await response.json();
  context.plan = { ...example, id: PLAN_ID, version: 0 };
});

context.addEventListener('sip-context-ready', (event) => {
  showPerson(event.detail.store.plan);
  status.textContent = 'Planen är laddad. Ändringar sparas automatiskt i webbläsaren.';
});

context.addEventListener('sip-plan-change', (event) => showPerson(event.detail.plan));

const localeSelect = document.getElementById('demo-locale');
if (localeSelect) {
  localeSelect.value = localStorage.getItem('sip-demo-locale') ?? 'sv';
  context.setAttribute('locale', localeSelect.value);
  localeSelect.addEventListener('change', () => {
    localStorage.setItem('sip-demo-locale', localeSelect.value);
    context.setAttribute('locale', localeSelect.value);
    document.documentElement.lang = localeSelect.value;
  });
} else {
  const saved = localStorage.getItem('sip-demo-locale');
  if (saved) context.setAttribute('locale', saved);
}

const todayInput = document.getElementById('demo-today');
const today = localStorage.getItem('sip-demo-today') ?? isoToday();
context.setAttribute('today', today);
if (todayInput) {
  todayInput.value = today;
  todayInput.addEventListener('change', () => {
    if (!todayInput.value) return;
    localStorage.setItem('sip-demo-today', todayInput.value);
    context.setAttribute('today', todayInput.value);
  });
}

document.getElementById('demo-reset')?.addEventListener('click', () => {
  localStorage.removeItem('sip-demo-today');
  localStorage.removeItem('sip-demo-locale');
  const request = indexedDB.deleteDatabase(DB_NAME);
  // Reload once, whichever comes first. The repository closes its connection
  // when asked, so "blocked" only happens if another tab holds the database
  // open; then reloading lets the queued deletion run.
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  };
  request.onsuccess = reload;
  request.onerror = reload;
  request.onblocked = reload;
});

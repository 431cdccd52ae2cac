// The demo journal's own script: loads the example plan and shows what the SDK
// renders. Text goes in with textContent only (never innerHTML).
const status = document.getElementById('demo-status');

async function main() {
  const response = await fetch('/packages/core/examples/se-sip.json');
  if (!response.ok) {
    status.textContent = 'Exempelplanen saknas ännu.';
    return;
  }
  const plan = await response.json();
  const person = plan.person ?? {};
  document.getElementById('patient-name').textContent = person.name ?? 'Patient';
  document.getElementById('patient-meta').textContent = person.dateOfBirth ? `Född ${person.dateOfBirth}` : '';
  const list = document.getElementById('deadline-list');
  const items = [
    ['Behov identifierat', plan.needIdentifiedOn, 'met'],
    ['Första kontakt', plan.firstContactOn, plan.firstContactOn ? 'met' : 'upcoming'],
  ];
  for (const [label, date, state] of items) {
    const li = document.createElement('li');
    const badge = document.createElement('sip-status-badge');
    badge.status = state;
    badge.label = `${label}: ${date ?? '—'}`;
    li.append(badge);
    list.append(li);
  }
  status.textContent = 'Planen är laddad.';
}

main().catch(() => {
  status.textContent = 'Planen kunde inte laddas.';
});

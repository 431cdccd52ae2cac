// Renders every component in every state we can reach from the example plans,
// under the strict CSP the demo server sends. test/node/csp.test.ts reads
// window.__cspReport when window.__cspDone is set.
const stage = document.getElementById('stage');
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));

const EXAMPLES = ['se-sip', 'se-sip-child', 'se-sip-discharge', 'se-lss-ip', 'no-ip', 'pcsp'];
const SETUPS = [
  ['sip-plan-editor', {}],
  ['sip-plan-editor', { mode: 'person' }],
  ['sip-plan-editor', { readonly: '' }],
  ['sip-consent', {}],
  ['sip-consent', { view: 'print' }],
  ['sip-followup', { today: '2026-11-25' }],
  ['sip-followup', { today: '2030-01-01' }],
];
const LOCALES = ['sv', 'nb', 'nn', 'en'];

/** The example with its content emptied: the "just started" state. */
function emptied(plan) {
  return {
    ...plan,
    id: `${plan.id}-empty`,
    goals: [], interventions: [], needs: [], resources: [], followUps: [], meetings: [], consents: [],
    coordinator: undefined, coordinatorHistory: [], pendingApproval: [], approvals: [], audit: [],
    personVoice: {}, establishedOn: undefined, firstContactOn: undefined, status: 'initiated',
  };
}

async function settle(el) {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 20));
}

async function main() {
  await customElements.whenDefined('sip-followup');
  let rendered = 0;
  const errors = [];
  for (const name of EXAMPLES) {
    const example = await (await fetch(`/packages/core/examples/${name}.json`)).json();
    for (const plan of [example, emptied(example)]) {
      for (const [tag, attrs] of SETUPS) {
        for (const locale of plan === example ? LOCALES : ['sv']) {
          const el = document.createElement(tag);
          el.autosave = false;
          for (const [k, v] of Object.entries({ ...attrs, locale })) el.setAttribute(k, v);
          el.plan = plan;
          stage.append(el);
          try {
            await settle(el);
            if ((el.shadowRoot?.childElementCount ?? 0) > 0) rendered++;
            else errors.push(`${tag} ${name} rendered nothing`);
          } catch (error) {
            errors.push(`${tag} ${name}: ${error}`);
          }
          el.remove();
        }
      }
    }
  }
  window.__cspReport = { rendered, errors, violations };
  window.__cspDone = true;
}

main().catch((error) => {
  window.__cspReport = { rendered: 0, errors: [String(error)], violations };
  window.__cspDone = true;
});

// sip-kit in React 19, two ways: the custom elements used directly (React 19
// sets known properties and adds `on<event-name>` listeners on custom
// elements), and the typed @lit/react wrappers from `@sip-kit/components/react`.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { parsePlan, type Plan } from '@sip-kit/core';
// Register the elements you use once, before the first render
// ('@sip-kit/components/define/all.js' registers every sip-kit element).
import '@sip-kit/components/define/sip-context.js';
import '@sip-kit/components/define/sip-status-badge.js';
import '@sip-kit/components/define/sip-plan-editor.js';
import { SipContext, SipPlanEditor, SipStatusBadge } from '@sip-kit/components/react';
import example from '@sip-kit/core/examples/se-sip.json' with { type: 'json' };

// In a journal system the plan comes from your back end; validate it on the way in.
const plan: Plan = parsePlan(example);

/** The elements used directly: lower-case tags, `on` + the exact event name. */
function Direct() {
  const [ready, setReady] = useState(false);
  const [changes, setChanges] = useState(0);
  return (
    <sip-context id="direct" plan={plan} locale="sv" onsip-context-ready={() => setReady(true)} onsip-plan-change={() => setChanges((n) => n + 1)}>
      <sip-status-badge status={ready ? 'met' : 'upcoming'} label={ready ? `Planen är laddad (${changes} ändringar)` : 'Laddar planen…'}></sip-status-badge>
      <sip-plan-editor></sip-plan-editor>
    </sip-context>
  );
}

/** The @lit/react wrappers: PascalCase components, typed props, `onSip…` event props. */
function Wrapped() {
  const [ready, setReady] = useState(false);
  const [goals, setGoals] = useState(plan.goals.length);
  return (
    <SipContext id="wrapped" plan={plan} locale="sv" onSipContextReady={() => setReady(true)}>
      <SipStatusBadge status={ready ? 'met' : 'upcoming'} label={ready ? `Planen är laddad (${goals} mål)` : 'Laddar planen…'} />
      {/* The event prop's argument is typed: CustomEvent<PlanChangeDetail>. */}
      <SipPlanEditor onSipPlanChange={(e) => setGoals(e.detail.plan.goals.length)} />
    </SipContext>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <h1>sip-kit in React 19</h1>
      <h2>Custom elements, used directly</h2>
      <Direct />
      <h2>@lit/react wrappers</h2>
      <Wrapped />
    </main>
  </StrictMode>,
);

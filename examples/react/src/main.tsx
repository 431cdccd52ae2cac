// sip-kit in React 19, two ways: the custom elements used directly (React 19
// sets known properties and adds `on<event-name>` listeners on custom
// elements), and the typed @lit/react wrappers from `@sip-kit/components/react`.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { parsePlan, type Plan } from '@sip-kit/core';
// Register the elements once, before the first render. `all.js` defines every
// sip-kit element; import only the ones you use in an app, e.g.
// '@sip-kit/components/define/sip-plan-editor.js'.
import '@sip-kit/components/define/all.js';
import { SipContext, SipStatusBadge } from '@sip-kit/components/react';
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
  return (
    <SipContext id="wrapped" plan={plan} locale="sv" onSipContextReady={() => setReady(true)}>
      <SipStatusBadge status={ready ? 'met' : 'upcoming'} label={ready ? 'Planen är laddad' : 'Laddar planen…'} />
      <sip-plan-editor></sip-plan-editor>
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

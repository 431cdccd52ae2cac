import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { parsePlan, type Plan } from '@sip-kit/core';
import example from '@sip-kit/core/examples/se-sip.json' with { type: 'json' };

/**
 * CUSTOM_ELEMENTS_SCHEMA lets the template use <sip-*> tags. `[plan]` sets the
 * DOM property; `(sip-context-ready)` listens to the element's CustomEvent.
 * Signals drive change detection (the app is zoneless).
 */
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>sip-kit in Angular</h1>
      <sip-context [plan]="plan" locale="sv" (sip-context-ready)="ready.set(true)" (sip-plan-change)="onPlanChange($event)">
        <sip-status-badge
          [status]="ready() ? 'met' : 'upcoming'"
          [label]="ready() ? 'Planen är laddad (' + changes() + ' ändringar)' : 'Laddar planen…'"
        ></sip-status-badge>
        <sip-plan-editor></sip-plan-editor>
      </sip-context>
    </main>
  `,
})
export class AppComponent {
  // In a journal system the plan comes from your back end; validate it on the way in.
  readonly plan: Plan = parsePlan(example);
  readonly ready = signal(false);
  readonly changes = signal(0);

  onPlanChange(_event: Event): void {
    this.changes.update((n) => n + 1);
  }
}

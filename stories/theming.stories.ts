import { html } from 'lit';
import type { Plan } from '@sip-kit/core';
import type { RepositoryService } from '../packages/components/src/context/services.js';
import sePlan from '../packages/core/examples/se-sip.json' with { type: 'json' };
// Bare imports survive the production build: packages/components/package.json
// lists src/define/*.ts under sideEffects.
import '../packages/components/src/define/sip-plan-editor.js';
import '../packages/components/src/define/sip-consent.js';

/**
 * The components take their look from `--sip-*` custom properties. They
 * inherit through the shadow root, so a vendor sets them once on any ancestor
 * (here a wrapper `<div>`; in a journal system usually `:root` or the panel
 * that hosts the plan) and every element follows. Change the controls to see
 * the tokens applied live.
 */

export default {
  title: 'Guides/Theming',
  component: 'sip-plan-editor',
};

const TODAY = '2026-05-04';
const copy = (p: unknown): Plan => structuredClone(p) as Plan;
const memory = (plan: Plan): RepositoryService => ({ load: async () => plan, save: async (p) => ({ ...p, version: p.version + 1 }) });
const statuses = ['upcoming', 'due-today', 'overdue', 'met', 'met-late'] as const;

/** The elements a theme should be checked against: the editor, the consent form and every badge. */
const sample = () => {
  const plan = copy(sePlan);
  return html`<p>${statuses.map((s) => html`<sip-status-badge status=${s} label=${s}></sip-status-badge> `)}</p>
    <sip-plan-editor locale="sv" today=${TODAY} .plan=${plan} .repository=${memory(plan)}></sip-plan-editor>
    <sip-consent autosave="false" locale="sv" today=${TODAY} .plan=${copy(sePlan)}></sip-consent>`;
};

interface BrandArgs {
  accent: string;
  accentText: string;
  focus: string;
  text: string;
  border: string;
  radius: string;
  font: string;
  fontSize: string;
}

/**
 * A vendor's brand: a dark teal accent, square-ish corners and the journal's
 * own serif. Keep 4.5:1 contrast between `accentText` and `accent`, and 3:1
 * between `border`/`focus` and the page: the a11y test checks every story.
 */
export const VendorBrand = {
  args: {
    accent: '#00575c',
    accentText: '#ffffff',
    focus: '#b3005e',
    text: '#1b1b1b',
    border: '#5c6670',
    radius: '2px',
    font: 'Georgia, "Times New Roman", serif',
    fontSize: '17px',
  } satisfies BrandArgs,
  argTypes: {
    accent: { control: 'color' },
    accentText: { control: 'color' },
    focus: { control: 'color' },
    text: { control: 'color' },
    border: { control: 'color' },
    radius: { control: 'text' },
    font: { control: 'text' },
    fontSize: { control: 'text' },
  },
  render: (a: BrandArgs) => {
    const tokens = [
      `--sip-color-accent: ${a.accent}`,
      `--sip-color-accent-text: ${a.accentText}`,
      `--sip-color-focus: ${a.focus}`,
      `--sip-color-text: ${a.text}`,
      `--sip-color-border: ${a.border}`,
      `--sip-radius: ${a.radius}`,
      `--sip-font-family: ${a.font}`,
      `--sip-font-size: ${a.fontSize}`,
    ].join('; ');
    // A plain style attribute: fine here (stories are served without a CSP). Under
    // the strict CSP a vendor sets the same properties in its own stylesheet.
    return html`<div class="vendor-journal" style=${tokens}>${sample()}</div>`;
  },
};

/** The token values of the dark theme, as a vendor would put them in its stylesheet. */
const DARK = [
  'color-scheme: dark',
  'background: #0d1117',
  'color: #e6e6e6',
  'padding: 1rem',
  '--sip-color-text: #e6e6e6',
  '--sip-color-muted: #b1bac4',
  '--sip-color-surface: #1c1f24',
  '--sip-color-surface-muted: #2a2d33',
  '--sip-color-border: #6e7681',
  '--sip-color-accent: #4b9be8',
  '--sip-color-accent-text: #0d1117',
  '--sip-color-focus: #79c0ff',
  '--sip-color-danger: #ff8a93',
  '--sip-color-danger-surface: #3d0a10',
  '--sip-color-warning: #e3b341',
  '--sip-color-warning-surface: #3a2d00',
  '--sip-color-success: #56d364',
  '--sip-color-success-surface: #0f2d16',
].join('; ');

/**
 * A dark journal: the wrapper sets `color-scheme: dark`, a dark background and
 * the dark `--sip-*` tokens, so the elements follow the host page whatever the
 * operating system's setting. Without tokens, the elements switch to their own
 * dark defaults under `prefers-color-scheme: dark`.
 *
 * **Forced colours (Windows High Contrast) and the OS dark setting cannot be
 * forced from a story.** To check them in Chromium: open DevTools → ⋮ → More
 * tools → Rendering, and set "Emulate CSS media feature forced-colors" to
 * `active` (or "prefers-color-scheme" to `dark`). In a test, puppeteer's
 * `page.emulateMediaFeatures([{ name: 'forced-colors', value: 'active' }])`
 * does the same. In forced colours every field, button, notice and badge keeps
 * a visible `CanvasText` border, focus uses `Highlight`, and each status keeps
 * its icon and word, so nothing depends on colour.
 */
export const DarkAndForcedColors = {
  name: 'Dark scheme / forced colors',
  render: () => html`<div class="vendor-journal-dark" style=${DARK}>${sample()}</div>`,
};

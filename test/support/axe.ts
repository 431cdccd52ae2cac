/**
 * Loaded on every browser test page before the test file (testRunnerHtml in
 * web-test-runner.config.mjs). Turns on axe-core's WCAG 2.2 AA rule
 * `target-size` (2.5.8: targets at least 24 × 24 CSS px, or spaced apart),
 * which axe ships disabled, so `await expect(el).to.be.accessible()` checks it
 * along with every rule that runs by default.
 *
 * chai-a11y-axe (via @open-wc/testing) uses `window.axe` when it is already
 * there and only imports axe-core/axe.min.js itself otherwise, so configuring
 * the instance this module registers configures the one the assertions run.
 */
import 'axe-core/axe.min.js';

type Axe = typeof import('axe-core');

const axe = (window as unknown as { axe?: Axe }).axe;
if (!axe) throw new Error('axe-core/axe.min.js did not register window.axe');
axe.configure({ rules: [{ id: 'target-size', enabled: true }] });

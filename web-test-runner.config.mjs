// Browser tests run in the system's headless Chromium (Debian's `chromium`),
// never a downloaded one. TypeScript is stripped by esbuild; @sip-kit/core is
// imported from its build (dist/) because json-rules-engine is CommonJS.
// Every test page loads test/support/axe.ts before the test file: it turns on
// axe's WCAG 2.2 `target-size` rule (off by default) for `to.be.accessible()`.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { findChromium, CHROMIUM_ARGS } from './scripts/lib/chromium.mjs';
import { countingReporter } from './scripts/lib/wtr-counting-reporter.mjs';

const executablePath = findChromium();

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['packages/components/src/**/*.test.ts', 'packages/adapters/test/browser/**/*.test.ts', 'test/browser/**/*.test.ts'],
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head></head><body><script type="module" src="/test/support/axe.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
  // browser: true applies packages' "browser" field maps (core swaps its zod module for zod-lite there), as vendors' bundlers do.
  nodeResolve: { browser: true, exportConditions: ['browser', 'import', 'default'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')) },
    }),
  ],
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), countingReporter(process.env.WTR_COUNTS_FILE)],
};

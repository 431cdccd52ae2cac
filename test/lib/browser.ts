// Drives the system Chromium from Node tests (end-to-end checks of served
// pages: the demo, strict-CSP pages). puppeteer-core never downloads a browser.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error -- plain .mjs helper shared with the scripts, no types needed
import { findChromium, CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';

/** Launches headless system Chromium with a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = (findChromium as () => string | undefined)();
  if (!executablePath) throw new Error('Chromium not found: install Debian\'s chromium or set CHROME_PATH');
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: (CHROMIUM_ARGS as string[]).filter((a) => !a.startsWith('--headless')),
  });
}

/** What a page reported while it was open: console errors, page errors, CSP violations. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
}

/**
 * Opens `url` in a new page and collects its problems until the caller closes
 * it. `beforeLoad` may add listeners of its own before the page loads.
 */
export async function openPage(browser: Browser, url: string, options: { beforeLoad?: (page: Page) => void } = {}): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage();
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  await page.exposeFunction('__sipReportCsp', (v: string) => problems.cspViolations.push(v));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __sipReportCsp(v: string): void }).__sipReportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  options.beforeLoad?.(page);
  await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, problems };
}

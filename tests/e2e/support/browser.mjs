// Headless Chromium for the end-to-end tests, with every console error and uncaught exception
// collected so that a test can fail on them.
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Chromium's flags for these tests and the benchmark: on loopback only, no background traffic. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Launches Debian's Chromium headless with `CHROMIUM_FLAGS`; `extraFlags` are added to them. */
export function launchBrowser(extraFlags = []) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, ...extraFlags] });
}

/**
 * Opens a new page in a fresh context. `page.problems` collects console errors and page errors;
 * `expectNoProblems(page, allowed)` asserts that every one of them matches an allowed pattern.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  // Failing fast keeps a broken page from stalling the suite for the default 30 seconds.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      page.problems.push(`console error: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => page.problems.push(`uncaught exception: ${error.message}`));
  return page;
}

/** Fails when the page logged an error or threw, except for problems matching `allowed`. */
export function expectNoProblems(page, allowed = []) {
  const unexpected = page.problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
  if (unexpected.length > 0) {
    throw new Error(`the page reported problems:\n  ${unexpected.join('\n  ')}`);
  }
}

/**
 * The console error Chromium logs when the document itself comes with status 404: expected when a
 * deep link is served by the host's 404.html, as GitHub Pages does.
 */
export function documentNotFound(url) {
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`status of 404 .*\\(${escaped}\\)$`);
}

/**
 * Waits until the app has taken over the prerendered page (its `vita:takeover` performance
 * mark): from then on its controls answer.
 */
export async function appReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('vita:takeover').length > 0);
}

/** Waits for the page's `<h1>` and returns its text. */
export async function mainHeading(page) {
  const h1 = page.locator('main h1');
  await h1.waitFor();
  return (await h1.textContent()).trim();
}

// Headless Chromium for the benchmark: cold pages with the in-page probe installed.
import { launchBrowser } from '../../tests/e2e/support/browser.mjs';
import { fileURLToPath } from 'node:url';

export const PROBE = fileURLToPath(new URL('../page/probe.js', import.meta.url));
export const HEADING_PROBE = fileURLToPath(new URL('../page/heading-probe.js', import.meta.url));

/** The end-to-end tests' headless Chromium, with unquantized `performance.memory` figures. */
export function launch() {
  return launchBrowser(['--enable-precise-memory-info']);
}

/**
 * Runs `measure({ page, cdp, problems })` in a page of a fresh browser context (nothing cached,
 * viewport 1280x800, HTTP cache disabled, CPU slowed `throttle` times, probe scripts installed)
 * and closes the context whatever happens. `problems` collects the page's uncaught errors.
 */
export async function withColdPage(browser, { throttle = 1, timeout, initScripts = [] }, measure) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    context.setDefaultTimeout(timeout * 1000);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    for (const path of [PROBE, ...initScripts]) await page.addInitScript({ path });
    return await measure({ page, cdp, problems });
  } finally {
    await context.close();
  }
}

/** Waits until the page has set performance mark `name`; says what went wrong otherwise. */
export async function waitForMark({ page, problems }, name) {
  try {
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, { polling: 50 });
  } catch (error) {
    const reported = problems.length ? `; the page reported: ${problems.join('; ')}` : '';
    throw new Error(`${page.url()}: no "${name}" mark (${error.message.split('\n')[0]})${reported}`);
  }
}

/** Waits until the frame after mark `name` has been painted; returns its time. */
export async function paintAfter(page, name) {
  const handle = await page.waitForFunction((mark) => window.__bench.paintedAfter[mark], name, { polling: 50 });
  return handle.jsonValue();
}

/** Collects garbage, then returns the JS heap in use and the size of the app's wasm memory. */
export async function memoryAfterGc({ page, cdp }) {
  await cdp.send('HeapProfiler.collectGarbage');
  return page.evaluate(() => ({
    jsHeap: performance.memory.usedJSHeapSize,
    wasm: window.__bench.wasmMemory?.buffer.byteLength ?? 0,
  }));
}

/** The start time of every performance mark of the page, by name (the first of each). */
export function marks(page) {
  return page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').reverse().map((mark) => [mark.name, mark.startTime])),
  );
}

/** The long tasks the probe saw, as `{ start, duration }`. */
export function longTasks(page) {
  return page.evaluate(() => window.__bench.longTasks);
}

/** The longest task running at any time within `from..to` (0 when none was long). */
export function longestTaskWithin(tasks, from, to) {
  return tasks
    .filter((task) => task.start < to && task.start + task.duration > from)
    .reduce((longest, task) => Math.max(longest, task.duration), 0);
}

// Each route of a large index opened cold, as a reader following a link from elsewhere lands on
// it: the data it fetches (each data file requested, at its gzip -9 size), the time from the
// module's start to its content painted by the app, and the longest task meanwhile; a two-word
// search of the papers page; then, in one page, ten routes and five searches, and the memory
// held after them. Measured on a build with the sharded layout (`data/index/`) and on one that
// reads the single data file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { longTasks, longestTaskWithin, marks, memoryAfterGc, paintAfter, waitForMark, withColdPage } from '../lib/browser.mjs';

/** The two-word search: words of the generator's titles, common enough to have many matches. */
export const ROUTE_QUERY = 'sparse attention';

/** Searches typed in the tour of ten routes, after its first. */
const TOUR_QUERIES = ['robust learning', 'causal inference', 'graph networks', 'private sampling'];

/** The gzip -9 size of each served file, measured once. */
const gzipSizes = new Map();
function gzipSize(root, path) {
  const file = join(root, path);
  if (!gzipSizes.has(file)) gzipSizes.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipSizes.get(file);
}

/** Records the data files `page` requests, as paths below the site. */
function recordData(page, site) {
  const files = [];
  const base = new URL(site.url).pathname;
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith(`${base}data/`)) files.push(path.slice(base.length));
  });
  return files;
}

/** The files' gzip -9 bytes in all. */
const bytesOf = (site, files) => files.reduce((sum, file) => sum + gzipSize(site.root, file), 0);

/** When the module started reading data: its first data mark. */
function moduleStart(at) {
  return Math.min(at['vita:parts-fetch'] ?? Infinity, at['vita:fetch-start'] ?? Infinity);
}

/** The longest task running at any time from `from` on. */
const longestFrom = (tasks, from) => longestTaskWithin(tasks, from, Infinity);

/**
 * Opens `route` of `site` in a cold page and waits for the app to take the page over. Returns the
 * data fetched (files, gzip bytes), the time from the module's start to the painted takeover, and
 * the longest task after the module started.
 */
export function measureRoute({ browser, site, route, options }) {
  const settings = { throttle: options.throttle, timeout: options.timeout };
  return withColdPage(browser, settings, async (cold) => {
    const files = recordData(cold.page, site);
    await cold.page.goto(site.url + route);
    await waitForMark(cold, 'vita:takeover');
    const painted = await paintAfter(cold.page, 'vita:takeover');
    const at = await marks(cold.page);
    const start = moduleStart(at);
    return {
      files: files.length,
      bytes: bytesOf(site, files),
      painted: painted - start,
      longestTask: longestFrom(await longTasks(cold.page), start),
    };
  });
}

/**
 * Runs in the page, its search box empty ([`clearSearch`]): sets the papers page's search box to
 * `query` as one input, then waits for the result count to name the matches (`N of M papers`,
 * or `N found among…`). Returns the time from
 * the input to the frame painted after the count changed, and how long the input event's own
 * task took to paint the typed text.
 */
async function searchOnce({ query }) {
  const box = document.querySelector('main input[type=search]');
  const count = document.querySelector('main .result-count');
  const answered = () => / of [\d,]+ paper|found among/.test(count.textContent) && !count.textContent.startsWith('Searching');
  const start = performance.now();
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  const typed = await window.__bench.nextPaint();
  await new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`"${query}": no result count in 60 s (${count.textContent})`)), 60_000);
    const check = () => {
      if (answered()) {
        clearTimeout(deadline);
        resolve();
      } else {
        requestAnimationFrame(check);
      }
    };
    check();
  });
  const painted = await window.__bench.nextPaint();
  return { results: painted - start, keystroke: typed - start, count: count.textContent };
}

/** Clears the papers page's search box and waits for the unfiltered count. */
async function clearSearch() {
  const box = document.querySelector('main input[type=search]');
  box.value = '';
  box.dispatchEvent(new Event('input', { bubbles: true }));
  const count = document.querySelector('main .result-count');
  while (!count.textContent.includes('newest first')) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Waits until the app's list on the papers page is drawn. */
async function papersReady(cold) {
  await waitForMark(cold, 'vita:takeover');
  await cold.page.locator('main .result-count', { hasText: 'newest first' }).waitFor();
}

/**
 * The search of the papers page, cold (the first search after the page loaded: the data it
 * fetches and the time to its first results, which include a 120 ms pause the app leaves for
 * typing) and warm (the same search again, once cleared: its data is read); and the keystroke's
 * own time to paint.
 */
export function measureRouteSearch({ browser, site, options }) {
  const settings = { throttle: options.throttle, timeout: options.timeout };
  return withColdPage(browser, settings, async (cold) => {
    const files = recordData(cold.page, site);
    await cold.page.goto(`${site.url}papers/`);
    await papersReady(cold);
    const before = files.length;
    const first = await cold.page.evaluate(searchOnce, { query: ROUTE_QUERY });
    const fetched = files.slice(before);
    const startedAt = (await marks(cold.page))['vita:takeover'];
    await cold.page.evaluate(clearSearch);
    const again = await cold.page.evaluate(searchOnce, { query: ROUTE_QUERY });
    return {
      files: fetched.length,
      bytes: bytesOf(site, fetched),
      coldResults: first.results,
      warmResults: again.results,
      keystroke: Math.max(first.keystroke, again.keystroke),
      longestTask: longestFrom(await longTasks(cold.page), startedAt),
      count: first.count,
    };
  });
}

/**
 * Ten routes in one page, followed as in-app links, and five searches on the papers page; then
 * the JS heap and wasm memory after a garbage collection, the longest task of the tour from the
 * module's start, and the longest before it (the browser drawing the prerendered first page).
 */
export function measureRouteTour({ browser, site, routes, options }) {
  const settings = { throttle: options.throttle, timeout: options.timeout };
  return withColdPage(browser, settings, async (cold) => {
    const { page } = cold;
    await page.goto(site.url);
    await waitForMark(cold, 'vita:takeover');
    const base = new URL(site.url).pathname;
    for (const route of routes) {
      // A link in the page, clicked: the router follows it as a reader's click.
      await page.evaluate((href) => {
        const link = document.createElement('a');
        link.href = href;
        document.body.append(link);
        link.click();
        link.remove();
      }, base + route);
      await page.waitForFunction((path) => location.pathname === path && document.querySelector('main')?.getAttribute('aria-busy') !== 'true', base + route);
      await page.locator('main h1').first().waitFor();
      if (route === 'papers/') {
        for (const query of [ROUTE_QUERY, ...TOUR_QUERIES]) {
          await page.evaluate(searchOnce, { query });
          await page.evaluate(clearSearch);
        }
      }
    }
    const memory = await memoryAfterGc(cold);
    const tasks = await longTasks(page);
    const start = moduleStart(await marks(page));
    return {
      memory: memory.jsHeap + memory.wasm,
      jsHeap: memory.jsHeap,
      wasmMemory: memory.wasm,
      // From the module's start, as for each route: the browser's first layout of the prerendered
      // page, before any of the app's code, is the static page's (firstLayout).
      longestTask: longestFrom(tasks, start),
      firstLayout: longestTaskWithin(tasks, 0, start),
    };
  });
}

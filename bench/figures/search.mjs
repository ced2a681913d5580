// Typing a query into the papers page's search box one letter at a time: the time from each
// input event to the list's first change, and to the next painted frame. The app is measured
// against a naive substring scan that renders its first 30 results, on the vanilla page.
import { readFileSync } from 'node:fs';
import { paintAfter, waitForMark, withColdPage } from '../lib/browser.mjs';
import { median, percentile } from '../lib/stats.mjs';

export const QUERY = 'distillation';

/**
 * Runs in the page: types `query` into `input` a letter at a time, `pause` ms apart. For each
 * letter: from dispatching the input event to the first mutation under `list` (seen by a
 * MutationObserver, a microtask after the DOM changed), and to the frame painted after it.
 * Returns them with the text of `count` after the last letter.
 */
async function typeQuery({ query, input, list, count, pause }) {
  const box = document.querySelector(input);
  const keystrokes = [];
  for (let length = 1; length <= query.length; length += 1) {
    const target = document.querySelector(list);
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(target, { childList: true, subtree: true, characterData: true });
      setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, 5000);
    });
    const start = performance.now();
    box.value = query.slice(0, length);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    const mutated = await changed;
    if (mutated === null) throw new Error(`typing "${box.value}" left the list unchanged for 5 s`);
    const painted = await window.__bench.nextPaint();
    keystrokes.push({ toMutation: mutated - start, toPaint: painted - start });
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return { keystrokes, count: document.querySelector(count).textContent };
}

/** Median and p95 of the keystrokes of one run. */
function summarize({ keystrokes, count }) {
  const toMutation = keystrokes.map((keystroke) => keystroke.toMutation);
  const toPaint = keystrokes.map((keystroke) => keystroke.toPaint);
  return {
    median: median(toMutation),
    p95: percentile(toMutation, 0.95),
    paintMedian: median(toPaint),
    paintP95: percentile(toPaint, 0.95),
    found: Number(count.match(/\d+/)?.[0]),
    keystrokes,
  };
}

const SELECTORS = { input: 'main input[type=search]', list: 'main .paper-list', count: 'main .result-count' };

async function type(page, expected) {
  const result = summarize(await page.evaluate(typeQuery, { query: QUERY, pause: 50, ...SELECTORS }));
  if (result.found !== expected) {
    throw new Error(`${page.url()}: "${QUERY}" found ${result.found} papers where the data has ${expected}: the search did not run as expected`);
  }
  return result;
}

/** The app's `/papers`, once its search index is built, so that no keystroke waits for it. */
export function measureAppSearch({ browser, site, expected, options }) {
  const settings = { throttle: options.throttle, timeout: options.timeout };
  return withColdPage(browser, settings, async (cold) => {
    await cold.page.goto(`${site.url}papers/`);
    await waitForMark(cold, 'vita:index-ready');
    await paintAfter(cold.page, 'vita:index-ready');
    return type(cold.page, expected.app);
  });
}

/** The vanilla page with the naive scan. */
export function measureNaiveSearch({ browser, site, expected, options }) {
  const settings = { throttle: options.throttle, timeout: options.timeout };
  return withColdPage(browser, settings, async (cold) => {
    await cold.page.goto(`${site.url}vanilla.html?search=1`);
    await waitForMark(cold, 'vanilla:search-ready');
    await paintAfter(cold.page, 'vanilla:search-ready');
    return type(cold.page, expected.naive);
  });
}

const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * How many papers of `dataFile` each search should find for the whole query: the app's rule (a
 * word of the title, authors, venue, tags, year or abstract starts with it) and the naive one (the
 * lower-cased text contains it).
 */
export function expectedMatches(dataFile) {
  const { papers } = JSON.parse(readFileSync(dataFile, 'utf8'));
  const texts = papers.map((paper) =>
    [paper.title, ...paper.authors.map((author) => author.name ?? author), paper.venue, paper.venue_short, ...(paper.tags ?? []), paper.date.slice(0, 4), paper.abstract]
      .filter(Boolean)
      .join(' '),
  );
  return {
    app: texts.filter((text) => fold(text).split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(QUERY))).length,
    naive: texts.filter((text) => text.toLowerCase().includes(QUERY)).length,
  };
}

// Loading the papers page with a large data file: fetch, parse, validate and index in the app,
// against fetch + JSON.parse in the same page; the first screen of the list, against a vanilla
// page rendering the whole list; and the memory both hold afterwards.
import { longTasks, longestTaskWithin, marks, memoryAfterGc, paintAfter, waitForMark, withColdPage } from '../lib/browser.mjs';

/** Fetches and parses the data file in the page, as plainly as possible; returns milliseconds. */
async function fetchAndParse() {
  const start = performance.now();
  const response = await fetch('data/site.json', { cache: 'no-store' });
  const data = JSON.parse(await response.text());
  const time = performance.now() - start;
  if (!Array.isArray(data.papers)) throw new Error('the data file has no papers');
  return time;
}

/** The app's `/papers/`, cold: its load marks, first screen, long tasks and memory. */
export function measureAppLoad({ browser, site, options }) {
  const settings = { throttle: options.throttle, timeout: options.timeout };
  return withColdPage(browser, settings, async (cold) => {
    const { page } = cold;
    await page.goto(`${site.url}papers/`);
    // The search indexes are built last, when the browser is idle after the first screen. The
    // app draws its list off screen, and shows it as it takes the page over.
    await waitForMark(cold, 'vita:index-ready');
    const painted = await paintAfter(page, 'vita:takeover');
    const at = await marks(page);
    const tasks = await longTasks(page);
    const memory = await memoryAfterGc(cold);
    const baseline = await page.evaluate(fetchAndParse);
    return {
      fetch: at['vita:fetched'] - at['vita:fetch-start'],
      parse: at['vita:parsed'] - at['vita:fetched'],
      validate: at['vita:ready'] - at['vita:parsed'],
      toReady: at['vita:ready'] - at['vita:fetch-start'],
      index: at['vita:index-ready'] - at['vita:index-start'],
      load: at['vita:ready'] - at['vita:fetch-start'] + (at['vita:index-ready'] - at['vita:index-start']),
      firstScreen: painted - at['vita:ready'],
      firstScreenLongestTask: longestTaskWithin(tasks, at['vita:ready'], painted),
      longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
      longTasks: tasks,
      memory: memory.jsHeap + memory.wasm,
      jsHeap: memory.jsHeap,
      wasmMemory: memory.wasm,
      baselineFetchParse: baseline,
    };
  });
}

/** The vanilla page rendering the whole list, cold: its first screen and memory. */
export function measureVanillaLoad({ browser, site, options }) {
  const settings = { throttle: options.throttle, timeout: options.timeout };
  return withColdPage(browser, settings, async (cold) => {
    const { page } = cold;
    await page.goto(`${site.url}vanilla.html?list=all`);
    await waitForMark(cold, 'vanilla:rendered');
    const painted = await paintAfter(page, 'vanilla:rendered');
    const at = await marks(page);
    const tasks = await longTasks(page);
    const memory = await memoryAfterGc(cold);
    return {
      firstScreen: painted - at['vanilla:parsed'],
      firstScreenLongestTask: longestTaskWithin(tasks, at['vanilla:parsed'], painted),
      memory: memory.jsHeap,
    };
  });
}

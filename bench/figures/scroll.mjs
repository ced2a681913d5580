// Scrolling through the whole list at a steady speed, one step per animation frame: how many
// frames came late and how many long tasks ran, for the app (which renders entries as the reader
// nears them) and for the vanilla page (every entry in the page, with content-visibility: auto).
//
// The step is three screens per frame (about 144,000 px/s, a scrollbar drag rather than a
// reading pace), the same for both pages. The whole list would take the vanilla page ~3 s only
// with steps of ~10,000 px, but a jump that long lands the app's list sentinel in view again in
// the very frame it was pushed down, so its IntersectionObserver never fires again: the app
// cannot be scrolled that way, while a reader, whose scrolls come frames apart, never meets this.
import { paintAfter, waitForMark, withColdPage } from '../lib/browser.mjs';
import { median } from '../lib/stats.mjs';

const SCREENS_PER_FRAME = 3;

/**
 * Runs in the page: scrolls down `screens` viewport heights per frame until the bottom of the
 * page is reached and `entries` matches `expected` elements (the app adds entries as the bottom
 * nears, so the bottom moves). Gives up after `limit` ms.
 */
function scrollThrough({ screens, limit, entries, expected }) {
  return new Promise((resolve) => {
    const frames = [];
    const start = performance.now();
    const complete = () => expected === null || document.querySelectorAll(entries).length >= expected;
    function step(now) {
      frames.push(now);
      const bottom = document.scrollingElement.scrollHeight - innerHeight;
      scrollTo(0, Math.min(bottom, scrollY + screens * innerHeight));
      const done = scrollY >= bottom - 1 && complete();
      if (done || now - start > limit) {
        const tasks = window.__bench.longTasks.filter((task) => task.start + task.duration > start && task.start < now);
        resolve({ frames, reachedEnd: done, longTasks: tasks, entries: document.querySelectorAll(entries).length });
      } else {
        requestAnimationFrame(step);
      }
    }
    requestAnimationFrame(step);
  });
}

/**
 * Frame intervals, dropped frames (intervals over 1.5 times the median one), as a count and a
 * share of all frames, and the long tasks of a scroll.
 */
function summarize(scroll) {
  const intervals = scroll.frames.slice(1).map((time, index) => time - scroll.frames[index]);
  const typical = median(intervals);
  const dropped = intervals.filter((interval) => interval > 1.5 * typical).length;
  return {
    duration: scroll.frames.at(-1) - scroll.frames[0],
    frames: scroll.frames.length,
    medianFrame: typical,
    droppedFrames: dropped,
    droppedShare: (100 * dropped) / intervals.length,
    longTasks: scroll.longTasks.length,
    longTaskTime: scroll.longTasks.reduce((sum, task) => sum + task.duration, 0),
    reachedEnd: scroll.reachedEnd,
    entries: scroll.entries,
  };
}

async function scroll(page, expected) {
  const settings = { screens: SCREENS_PER_FRAME, limit: 300_000, entries: 'main .paper-list > .paper', expected };
  const result = summarize(await page.evaluate(scrollThrough, settings));
  if (!result.reachedEnd) {
    throw new Error(`${page.url()}: the scroll did not reach the end of the list within 5 minutes (${result.entries} entries)`);
  }
  return result;
}

/** The app's `/papers`, scrolled once its search indexes are built (they would land mid-scroll). */
export function measureAppScroll({ browser, site, size, options }) {
  const settings = { throttle: options.throttle, timeout: options.timeout };
  return withColdPage(browser, settings, async (cold) => {
    await cold.page.goto(`${site.url}papers/`);
    await waitForMark(cold, 'vita:index-ready');
    await paintAfter(cold.page, 'vita:index-ready');
    return scroll(cold.page, size);
  });
}

/** The vanilla page with every entry rendered and `content-visibility: auto` on them. */
export function measureVanillaScroll({ browser, site, options }) {
  const settings = { throttle: options.throttle, timeout: options.timeout };
  return withColdPage(browser, settings, async (cold) => {
    await cold.page.goto(`${site.url}vanilla.html?list=all&cv=1`);
    await waitForMark(cold, 'vanilla:rendered');
    await paintAfter(cold.page, 'vanilla:rendered');
    return scroll(cold.page, null);
  });
}

// First contentful paint and "about heading visible" of a person's about page, for the app and
// for a static page with the same content and CSS, made from the app's own rendering.
import { HEADING_PROBE, withColdPage } from '../lib/browser.mjs';

/**
 * The app's page at `url` as rendered, without any script or preload: what a static site
 * generator would serve for it.
 */
export function staticSnapshot({ browser, url, options }) {
  return withColdPage(browser, { timeout: options.timeout }, async ({ page }) => {
    await page.goto(url);
    await page.locator('main h1').waitFor();
    const html = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true);
      copy.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((node) => node.remove());
      return copy.outerHTML;
    });
    return `<!DOCTYPE html>\n${html}\n`;
  });
}

/** Loads `url` cold: when the first content was painted, and when the frame showing `main h1`. */
export function measureFirstPaint({ browser, url, options }) {
  const settings = { throttle: options.throttle, timeout: options.timeout, initScripts: [HEADING_PROBE] };
  return withColdPage(browser, settings, async ({ page }) => {
    await page.goto(url);
    const handle = await page.waitForFunction(() => {
      const [paint] = performance.getEntriesByName('first-contentful-paint');
      const probe = window.__bench;
      return paint && probe.headingPainted && { fcp: paint.startTime, heading: probe.headingPainted, visible: probe.headingVisible };
    }, null, { polling: 50 });
    const result = await handle.jsonValue();
    if (!result.visible) throw new Error(`${url}: the main heading is in the page but not visible`);
    return { fcp: result.fcp, heading: result.heading };
  });
}

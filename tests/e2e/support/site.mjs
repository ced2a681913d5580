// Shared set-up of the end-to-end tests: where the builds are, and starting a server plus browser.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, mainHeading, openPage } from './browser.mjs';
import { startServer } from './server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The release build served at the host root (`trunk build --release`). */
export const DIST = join(ROOT, 'dist');
/** The release build for a subpath (`trunk build --release --public-url /vita/`). */
export const DIST_SUBPATH = join(ROOT, 'target/dist-subpath');
/** Hostile and broken data files. */
export const FIXTURES = join(ROOT, 'tests/fixtures');

/** The demo data, as the built site serves it. */
export function demoData() {
  return JSON.parse(readFileSync(join(DIST, 'data/site.json'), 'utf8'));
}

/** Starts a server (see `startServer`) and a browser; `close()` stops both. */
export async function startSite({ root = DIST, mount = '/', delays } = {}) {
  const server = await startServer({ root, mount, delays });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens `route` of `site` (from `startSite`) in a fresh page, closed when test `t` ends, and
 * waits for its main heading. `options` are `openPage`'s.
 */
export async function visitRoute(t, site, route, options) {
  const page = await openPage(site.browser, options);
  t.after(() => page.context().close());
  await page.goto(site.server.url + route);
  await mainHeading(page);
  return page;
}

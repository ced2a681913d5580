// Shared set-up of the end-to-end tests: where the builds are, and starting a server plus browser.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { appReady, launchBrowser, mainHeading, openPage } from './browser.mjs';
import { startServer } from './server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The release build served at the host root (`trunk build --release`). */
export const DIST = join(ROOT, 'dist');
/** The release build for a subpath (`trunk build --release --public-url /vita/`). */
export const DIST_SUBPATH = join(ROOT, 'target/dist-subpath');
/** Hostile and broken data files. */
export const FIXTURES = join(ROOT, 'tests/fixtures');

/** The command that renders a built site's pages from its data (built with the release build). */
export const VITA_RENDER = join(ROOT, 'target/release/vita-render');

/**
 * A copy of the built site `dist` in a temporary folder, its pages rendered again by
 * `vita-render` from `files` (a map from names in the data folder, `site.json` and the files it
 * lists, to the files to copy there), as a researcher publishing new data would. Returns the
 * folder; the caller removes it (`removeCopy`).
 */
export async function renderedCopy(files, dist = DIST) {
  const root = await siteCopy(dist);
  const data = join(root, '.data');
  await mkdir(data);
  for (const [name, file] of Object.entries(files)) await copyFile(file, join(data, name));
  await promisify(execFile)(VITA_RENDER, ['--data', data, root]);
  await rm(data, { recursive: true });
  return root;
}

/** A copy of the built site `dist` in a temporary folder; the caller removes it (`removeCopy`). */
export async function siteCopy(dist = DIST) {
  const root = await mkdtemp(join(tmpdir(), 'vita-site-'));
  await cp(dist, root, { recursive: true });
  return root;
}

/** Removes a copy made by `siteCopy` or `renderedCopy`. */
export function removeCopy(root) {
  return rm(root, { recursive: true, force: true });
}

/** The demo data, as the built site serves it. */
export function demoData() {
  return JSON.parse(readFileSync(join(DIST, 'data/site.json'), 'utf8'));
}

/** Starts a server (see `startServer`) and a browser; `close()` stops both. */
export async function startSite({ root = DIST, mount = '/', delays, precompressed } = {}) {
  const server = await startServer({ root, mount, delays, precompressed });
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
 * waits for its main heading and for the app to take the page over. `options` are `openPage`'s.
 */
export async function visitRoute(t, site, route, options) {
  const page = await openPage(site.browser, options);
  t.after(() => page.context().close());
  await page.goto(site.server.url + route);
  await mainHeading(page);
  await appReady(page);
  return page;
}

// The build for a subpath (`--public-url /vita/`) served under /vita/, as a GitHub project page:
// every asset, data fetch and link must stay under the base path.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appReady, documentNotFound, expectNoProblems, mainHeading as heading, openPage } from './support/browser.mjs';
import { DIST_SUBPATH, demoData, startSite } from './support/site.mjs';

const MOUNT = '/vita/';
let site;
before(async () => {
  site = await startSite({ root: DIST_SUBPATH, mount: MOUNT });
});
after(() => site?.close());

test('the site loads under the subpath and requests nothing outside it', async (t) => {
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(site.server.url);
  assert.equal(await heading(page), demoData().site.title);
  await appReady(page);
  assert.ok(requested.some((path) => path === `${MOUNT}data/site.json`), 'the data file is fetched under the base');
  assert.ok(requested.some((path) => path.endsWith('.wasm')), 'the wasm module is fetched');
  const outside = requested.filter((path) => !path.startsWith(MOUNT));
  assert.deepEqual(outside, [], 'every request stays under the base path');
  for (const href of await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    assert.ok(href.startsWith(MOUNT), `internal link ${href} keeps the base path`);
  }
  expectNoProblems(page);
});

test('navigation, reload and the link home keep the base path', async (t) => {
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  const data = demoData();
  const person = data.people[0];
  await page.goto(site.server.url);
  await heading(page);
  await appReady(page);
  await page.getByRole('link', { name: person.name }).click();
  const personUrl = `${site.server.url}people/${person.id}/`;
  await page.waitForURL(personUrl);
  assert.equal(await heading(page), person.name);

  await page.reload();
  assert.equal(await heading(page), person.name);
  await appReady(page);

  await page.getByRole('link', { name: data.site.title }).click();
  await page.waitForURL(site.server.url);
  assert.equal(await heading(page), data.site.title);
  expectNoProblems(page);
});

test('an unknown path under the subpath shows the 404 page linking to the subpath home', async (t) => {
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  const url = `${site.server.url}missing`;
  await page.goto(url);
  assert.equal(await heading(page), 'Page not found');
  await appReady(page);
  const home = page.getByRole('link', { name: 'Go to the home page' });
  assert.equal(await home.getAttribute('href'), MOUNT);
  await home.click();
  await page.waitForURL(site.server.url);
  expectNoProblems(page, [documentNotFound(url)]);
});

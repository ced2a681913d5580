// The app shell served from the host root: routes, client-side navigation, history, deep links
// and the 404 page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appReady, documentNotFound, expectNoProblems, mainHeading as heading, openPage } from './support/browser.mjs';
import { demoData, startSite, visitRoute } from './support/site.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(() => site?.close());

test('home page lists every person in the data file', async (t) => {
  const page = await visitRoute(t, site, '');
  const data = demoData();
  assert.equal(await heading(page), data.site.title);
  const names = await page.locator('main .people a').allTextContents();
  assert.deepEqual(names, data.people.map((person) => person.name));
  assert.ok(await page.locator('header nav').isVisible(), 'the header navigation is shown');
  assert.ok(await page.locator('footer').isVisible(), 'the footer is shown');
  expectNoProblems(page);
});

test('links navigate inside the app, and back and forward step through history', async (t) => {
  const page = await visitRoute(t, site, '');
  const data = demoData();
  const person = data.people[1];
  await page.evaluate(() => {
    window.sameDocument = true;
  });

  await page.getByRole('link', { name: person.name }).click();
  await page.waitForURL(`${site.server.url}people/${person.id}/`);
  assert.equal(await heading(page), person.name);
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'no full page reload');

  await page.goBack();
  await page.waitForURL(site.server.url);
  assert.equal(await heading(page), data.site.title);

  await page.goForward();
  await page.waitForURL(`${site.server.url}people/${person.id}/`);
  assert.equal(await heading(page), person.name);
  expectNoProblems(page);
});

test('a deep link is a page of its own, with status 200, with or without its final slash', async (t) => {
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  const person = demoData().people[2];
  const url = `${site.server.url}people/${person.id}/`;
  const response = await page.goto(url);
  assert.equal(response.status(), 200, 'the host serves the page written for the route');
  assert.equal(await heading(page), person.name);
  await appReady(page);

  const redirected = await page.goto(url.slice(0, -1));
  assert.equal(redirected.status(), 200, 'redirected to the folder, as GitHub Pages does');
  assert.equal(page.url(), url);
  assert.equal(await heading(page), person.name);

  await page.reload();
  assert.equal(await heading(page), person.name);
  expectNoProblems(page);
});

test('an unknown path shows the 404 page with a working link home', async (t) => {
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  const url = `${site.server.url}no/such/page`;
  const response = await page.goto(url);
  assert.equal(response.status(), 404);
  assert.equal(await heading(page), 'Page not found');
  await appReady(page);
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await page.waitForURL(site.server.url);
  assert.equal(await heading(page), demoData().site.title);
  expectNoProblems(page, [documentNotFound(url)]);
});

test('an unknown person id shows the 404 page', async (t) => {
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  const url = `${site.server.url}people/nobody-here/`;
  await page.goto(url);
  assert.equal(await heading(page), 'Page not found');
  await appReady(page);
  assert.equal(await heading(page), 'Page not found', 'the app agrees');
  expectNoProblems(page, [documentNotFound(url)]);
});

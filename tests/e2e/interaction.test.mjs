// What readers do with the keyboard and the mouse: paging, themes, focus, skip links, and a site
// with an owner.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appReady, expectNoProblems, mainHeading } from './support/browser.mjs';
import { FIXTURES, removeCopy, renderedCopy, startSite, visitRoute } from './support/site.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(() => site?.close());

const visit = (t, route, options) => visitRoute(t, site, route, options);

const postsAndComments = '#posts-heading + .activity-list > article';

test('"Load more" adds ten items at a time, says how many remain, and disappears at the end', async (t) => {
  const page = await visit(t, 'people/mark-xu/activity/');
  const items = page.locator(postsAndComments);
  const more = page.getByRole('button', { name: /^Load more/ });
  assert.equal(await items.count(), 10);
  assert.equal(await more.textContent(), 'Load more (5 remaining)');
  assert.equal(await page.locator('.list-status').textContent(), 'Showing 10 of 15');
  await more.click();
  await page.waitForURL(/shown=15/);
  assert.equal(await items.count(), 15);
  assert.equal(await more.count(), 0, 'no button once everything is shown');
  assert.equal(await page.locator('.list-status').textContent(), 'Showing 15 of 15');
  expectNoProblems(page);
});

test('the loaded items survive going elsewhere and coming back', async (t) => {
  const page = await visit(t, 'people/mark-xu/activity/');
  await page.getByRole('button', { name: /^Load more/ }).click();
  await page.waitForURL(/shown=15/);
  await page.getByRole('navigation', { name: 'Mark Xu pages' }).getByRole('link', { name: 'About' }).click();
  await page.waitForURL(/people\/mark-xu\/$/);
  await page.goBack();
  await page.waitForURL(/shown=15/);
  await page.locator(postsAndComments).nth(14).waitFor();
  assert.equal(await page.locator(postsAndComments).count(), 15);
  await page.reload();
  await appReady(page);
  await page.locator(postsAndComments).nth(14).waitFor();
  assert.equal(await page.getByRole('button', { name: /^Load more/ }).count(), 0);
});

test('back and forward return to where the reader was on each page', async (t) => {
  const page = await visit(t, 'papers/');
  const title = 'Neural Networks Learn Statistics of Increasing Complexity';
  const link = page.getByRole('link', { name: title });
  await link.scrollIntoViewIfNeeded();
  // Entries off screen have an estimated height until drawn (content-visibility), so let the
  // layout settle before noting where the link sits on screen.
  const onScreen = () => link.evaluate((element) => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(Math.round(element.getBoundingClientRect().top))));
  }));
  const before = await onScreen();
  assert.ok(await page.evaluate(() => window.scrollY) > 300, 'scrolled down the list');
  await link.click();
  await page.waitForURL(/papers\/statistics-increasing-complexity\/$/);
  await page.waitForFunction(() => window.scrollY === 0);
  await page.goBack();
  await page.waitForURL(/papers\/$/);
  await page.waitForFunction(() => window.scrollY > 300);
  const after = await onScreen();
  assert.ok(Math.abs(after - before) <= 2, `the link is back where it was on screen (${before} px from the top, now ${after})`);
  await page.goForward();
  await page.waitForURL(/papers\/statistics-increasing-complexity\/$/);
  await page.waitForFunction(() => window.scrollY === 0);
});

test('navigating moves focus to the new page heading', async (t) => {
  const page = await visit(t, '');
  await page.getByRole('link', { name: 'Alex Mallen' }).click();
  await page.waitForURL(/people\/alex-mallen\/$/);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Alex Mallen');
});

test('the skip link moves focus to the main content', async (t) => {
  const page = await visit(t, 'papers/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.ok(await skip.evaluate((link) => link === document.activeElement), 'the skip link is the first stop');
  assert.ok(await skip.isVisible(), 'and visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.equal(new URL(page.url()).pathname, '/papers/', 'the page stays where it is');
});

test('toggles work from the keyboard', async (t) => {
  const page = await visit(t, 'papers/poisson-equation-representations/');
  await page.goto(`${site.server.url}news/`);
  await mainHeading(page);
  await appReady(page);
  const toggle = page.locator('.news-item', { hasText: 'Stochastic Systems' }).getByRole('button', { name: 'Details' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Space');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
});

test('the theme follows the system, and a chosen theme persists and applies before the app loads', async (t) => {
  const page = await visit(t, '', { colorScheme: 'dark' });
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'dark, as the system prefers');
  assert.equal(await background(), 'rgb(17, 20, 24)');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await background(), 'rgb(255, 255, 255)');

  // Reload with the wasm module held back: the saved light theme must already apply.
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.reload({ waitUntil: 'domcontentloaded' });
  assert.equal(await page.evaluate(() => performance.getEntriesByName('vita:takeover').length), 0, 'the app has not started yet');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.equal(await background(), 'rgb(255, 255, 255)');
  release();
  await appReady(page);
  assert.equal(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'), 'false');
});

test('a site with an owner shows the owner\'s about page at /', async (t) => {
  const root = await renderedCopy({ 'site.json': join(FIXTURES, 'owner-site.json') });
  t.after(() => removeCopy(root));
  const owned = await startSite({ root });
  t.after(() => owned.close());
  const page = await visitRoute(t, owned, '');
  assert.equal(await mainHeading(page), 'Ada Lovelace');
  assert.equal(await page.title(), 'Ada Lovelace');
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.getByRole('link').first().textContent(), 'About');
  assert.match(await page.locator('.paper-title').first().textContent(), /Notes on the Analytical Engine/);
  assert.equal(await page.locator('.author-self').first().textContent(), 'A. A. Lovelace', 'the owner, by alias');
  await page.getByRole('link', { name: 'News 1' }).click();
  await page.waitForURL(/people\/ada-lovelace\/news\/$/);
  assert.match(await page.locator('.news-item').textContent(), /The Notes are published/);
  await page.getByRole('navigation', { name: 'Ada Lovelace pages' }).getByRole('link', { name: 'About' }).click();
  await page.waitForURL(owned.server.url);
  expectNoProblems(page);
});

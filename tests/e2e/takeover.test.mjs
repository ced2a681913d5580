// The app taking over a prerendered page: nothing moves (layout shift at most 0.01, and every
// part of the page on screen exactly where it was), the reader's scroll position and focus are
// kept, and data edited on the host after the build shows once the app has loaded.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appReady, expectNoProblems, mainHeading, openPage } from './support/browser.mjs';
import { fetchPage } from './support/raw.mjs';
import { removeCopy, siteCopy, startSite } from './support/site.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(() => site?.close());

const ROUTES = [
  '',
  'people/alex-infanger/',
  'people/alex-infanger/papers/',
  'people/mark-xu/activity/',
  'papers/',
  'papers/poisson-equation-representations/',
  'news/',
  'authors/',
  'authors/alex-mallen/',
  'no/such/page',
];

/** Counts layout shifts from the first paint on, as the Layout Instability API reports them. */
const SHIFT_OBSERVER = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** Where the parts of the page a reader sees are: every element of the header, `<main>` and the
 * footer that is on screen, in document order, with its classes (but the app's own marker of
 * entries it drew), box and text. */
function visibleLayout(page) {
  return page.evaluate(() => {
    const parts = [];
    const elements = document.querySelectorAll('#app header *, #app main *, #app footer *');
    elements.forEach((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > innerHeight) return;
      const classes = [...element.classList].filter((name) => name !== 'always-drawn').join('.');
      parts.push(`${element.localName}.${classes} ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)} ${element.textContent.trim().slice(0, 40)}`);
    });
    return parts;
  });
}

/** Opens `route` with the wasm module held back until `release()` is called. */
async function openHeldBack(t, route, options) {
  const page = await openPage(site.browser, options);
  t.after(() => page.context().close());
  await page.addInitScript(SHIFT_OBSERVER);
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/*.wasm', async (request) => {
    await held;
    await request.continue();
  });
  const response = await page.goto(site.server.url + route, { waitUntil: 'domcontentloaded' });
  await mainHeading(page);
  return { page, response, release };
}

for (const route of ROUTES) {
  test(`taking over /${route} shifts nothing`, async (t) => {
    const { page, release } = await openHeldBack(t, route);
    // Two frames, so the static page is drawn and measured as the reader sees it.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const before = await visibleLayout(page);
    release();
    await appReady(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const after = await visibleLayout(page);
    assert.deepEqual(after, before, 'everything on screen stays where it was');
    const shift = await page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));
    assert.ok(shift <= 0.01, `cumulative layout shift ${shift}`);
    assert.equal(await page.locator('main h1').count(), 1, 'the page once, not twice');
    expectNoProblems(page, route.startsWith('no/') ? [/status of 404/] : []);
  });
}

test('a reader who scrolled down the list before the app was ready stays on the same paper', async (t) => {
  const { page, release } = await openHeldBack(t, 'papers/', { viewport: { width: 1280, height: 500 } });
  const title = page.getByRole('link', { name: 'A posteriori error bounds for truncated Markov chain linear systems arising from first transition analysis' });
  await title.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const top = () => title.evaluate((link) => Math.round(link.getBoundingClientRect().top));
  const before = await top();
  assert.ok(await page.evaluate(() => scrollY) > 500, 'scrolled well down the list');
  release();
  await appReady(page);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.ok(Math.abs((await top()) - before) <= 1, `the paper is where it was on screen (${before} px, now ${await top()})`);
});

test('focus moved before the app was ready stays on the same control', async (t) => {
  const { page, release } = await openHeldBack(t, 'people/alex-infanger/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => `${document.activeElement.localName} ${document.activeElement.textContent}`);
  const before = await focused();
  assert.equal(before, 'a Vita demo', 'the site title link, after the skip link');
  release();
  await appReady(page);
  assert.equal(await focused(), before);
  assert.ok(await page.evaluate(() => document.getElementById('app').contains(document.activeElement)), 'on the app\'s own element');
});

test('data edited on the host after the build shows once the app has loaded', async (t) => {
  const root = await siteCopy();
  t.after(() => removeCopy(root));
  const file = join(root, 'data/site.json');
  const data = JSON.parse(await readFile(file, 'utf8'));
  data.site.title = 'Vita demo, edited';
  data.people[0].name = 'Alexander Infanger';
  await writeFile(file, JSON.stringify(data));
  const edited = await startSite({ root });
  t.after(() => edited.close());

  const raw = await fetchPage(`${edited.server.url}people/alex-infanger/`);
  assert.equal(raw.document.querySelector('main h1').textContent, 'Alex Infanger', 'crawlers see the pages as built');
  const page = await openPage(edited.browser);
  t.after(() => page.context().close());
  await page.goto(`${edited.server.url}people/alex-infanger/`);
  await appReady(page);
  assert.equal(await mainHeading(page), 'Alexander Infanger');
  assert.equal(await page.locator('.site-title').textContent(), 'Vita demo, edited');
  assert.equal(await page.title(), 'Alexander Infanger · Vita demo, edited', 'the head follows the data too');
  expectNoProblems(page);
});

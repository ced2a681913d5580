// A reader with JavaScript turned off browses the whole site through plain links and reads
// everything; no control that needs the app is shown to them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mainHeading } from './support/browser.mjs';
import { demoData, startSite } from './support/site.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(() => site?.close());

/** A page in a browser context with scripts off. */
async function scriptlessPage(t) {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  t.after(() => context.close());
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

/** The visible controls that would need the app: none may show. */
function visibleControls(page) {
  return page.locator('#app :is(button, input, select, details)').evaluateAll((controls) =>
    controls.filter((control) => control.checkVisibility()).map((control) => control.outerHTML.slice(0, 80)),
  );
}

/** Clicks the link and waits for the page it loads (a full page load: no app). */
async function follow(page, link) {
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

test('from the home page to a person, their papers, a paper and an author cluster, by links alone', async (t) => {
  const page = await scriptlessPage(t);
  const data = demoData();
  await page.goto(site.server.url);
  assert.equal(await mainHeading(page), data.site.title);
  assert.deepEqual(await visibleControls(page), []);

  await follow(page, page.locator('main').getByRole('link', { name: 'Alex Infanger' }));
  assert.equal(new URL(page.url()).pathname, '/people/alex-infanger/');
  assert.equal(await mainHeading(page), 'Alex Infanger');
  assert.match(await page.locator('.about .prose').first().textContent(), /interpretability/);
  assert.ok(await page.getByText('The email address is shown with JavaScript on.').isVisible(), 'the email says it needs scripts');
  assert.deepEqual(await visibleControls(page), []);

  await follow(page, page.getByRole('navigation', { name: 'Alex Infanger pages' }).getByRole('link', { name: /^Papers/ }));
  assert.equal(await mainHeading(page), 'Papers by Alex Infanger');
  const papers = page.locator('main .paper');
  assert.equal(await papers.count(), 10, 'every paper, with no scrolling to load them');
  const unlearning = papers.filter({ hasText: 'Distillation Robustifies Unlearning' });
  assert.match(await unlearning.locator('.authors').innerText(), /A\. M\. Turner$/, 'long author lists are shown whole');
  assert.deepEqual(await visibleControls(page), []);

  await follow(page, unlearning.getByRole('link', { name: 'Distillation Robustifies Unlearning' }));
  assert.equal(new URL(page.url()).pathname, '/papers/distillation-robustifies-unlearning/');
  assert.equal(await mainHeading(page), 'Distillation Robustifies Unlearning');
  assert.match(await page.locator('main .prose').first().textContent(), /fine-tuning/, 'the full abstract');
  assert.match(await page.locator('.citation-text').textContent(), /^@misc\{lee2025distillation,/, 'the citation, to copy by hand');
  assert.deepEqual(await visibleControls(page), []);

  await follow(page, page.locator('main .authors').getByRole('link', { name: 'A. Infanger' }));
  assert.equal(new URL(page.url()).pathname, '/authors/alex-infanger/');
  assert.equal(await mainHeading(page), 'Alex Infanger');
  assert.equal(await page.locator('.cluster-summary').textContent(), '10 papers · 2 author rows');
  assert.equal(await page.locator('main .paper').count(), 10);
  assert.ok(await page.locator('.coauthors li').first().isVisible());
  assert.deepEqual(await visibleControls(page), []);
});

test('news details, every activity item and the author index read in full without scripts', async (t) => {
  const page = await scriptlessPage(t);
  await page.goto(`${site.server.url}news/`);
  const details = page.locator('.news-item', { hasText: 'Stochastic Systems' }).locator('.news-details');
  assert.ok(await details.isVisible(), 'details are open');
  assert.ok(await details.locator('math').first().isVisible());

  await page.goto(`${site.server.url}people/mark-xu/activity/`);
  assert.equal(await page.locator('#posts-heading ~ .activity-list > article:visible').count(), 15, 'every post and comment');
  assert.equal(await page.locator('.load-more:visible').count(), 0, 'no "Load more": everything is there');

  await page.goto(`${site.server.url}authors/`);
  const headers = page.locator('.authors-table thead th');
  assert.deepEqual(await headers.allInnerTexts(), ['Name', 'Papers'], 'the headers are labels, not sort links');
  assert.equal(await headers.locator('a:visible').count(), 0);
  assert.ok((await page.locator('.authors-table tbody a').count()) > 30);
  assert.deepEqual(await visibleControls(page), []);
});

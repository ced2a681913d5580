// Every route with its real content from the demo data, loaded by deep link as a reader arriving
// from a search engine would and taken over by the app, and checked for one <h1>, a title and a
// description.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { documentNotFound, expectNoProblems, mainHeading } from './support/browser.mjs';
import { demoData, startSite, visitRoute } from './support/site.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(() => site?.close());

/** Opens `route` by deep link; returns the page once its heading shows. */
const visit = (t, route) => visitRoute(t, site, route);

/** The page has one <h1>, a specific title and a description; no errors besides the deep link. */
async function expectWellFormed(page, route, titleStart) {
  assert.equal(await page.locator('h1').count(), 1, 'one <h1> per page');
  const title = await page.title();
  assert.ok(title.startsWith(titleStart), `title "${title}" starts with "${titleStart}"`);
  const description = await page.locator('meta[name=description]').getAttribute('content');
  assert.ok(description.length > 10, `a description: "${description}"`);
  expectNoProblems(page);
}

test('the directory lists each person with a summary and counts', async (t) => {
  const page = await visit(t, '');
  const cards = page.locator('.person-card');
  assert.equal(await cards.count(), 3);
  assert.match(await cards.nth(0).textContent(), /Alex Infanger.*Independent researcher.*10 papers · 11 news items · no forum items/s);
  assert.match(await cards.nth(2).textContent(), /Mark Xu.*Alignment Research Center.*no papers · no news items · 17 forum items/s);
  await expectWellFormed(page, '', demoData().site.title);
});

test('an about page shows bio, highlights, links, selected papers and latest news', async (t) => {
  const page = await visit(t, 'people/alex-infanger/');
  assert.equal(await mainHeading(page), 'Alex Infanger');
  const main = page.locator('main');
  assert.match(await main.locator('.person-facts').textContent(), /Independent researcher · San Francisco Bay Area/);
  assert.equal(await main.locator('.prose strong').first().textContent(), 'interpretability', 'the bio is Markdown');
  assert.equal(await main.locator('.highlights li').count(), 2);
  assert.deepEqual(
    await main.locator('#papers-heading + .paper-list .paper-title').allTextContents(),
    [
      'Distillation Robustifies Unlearning',
      'The Persian Rug: Solving Toy Models of Superposition using Large-Scale Symmetries',
      'A posteriori error bounds for truncated Markov chain linear systems arising from first transition analysis',
    ],
    'the selected papers, newest first',
  );
  assert.equal(await main.locator('.news-item').count(), 3, 'the three latest news items');
  assert.match(await main.locator('.news-item').first().textContent(), /July 2025/);
  assert.match(await main.textContent(), /Last updated 18 July 2025/);
  const linkKinds = await main.locator('.contact .link-kind').allTextContents();
  assert.deepEqual(linkKinds, ['Twitter/X', 'LinkedIn', 'GitHub', 'CV', 'CV']);
  await expectWellFormed(page, 'people/alex-infanger/', 'Alex Infanger · ');
});

test('the email address is not in the page until asked for, then it can be used and copied', async (t) => {
  const page = await visit(t, 'people/alex-infanger/');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const address = 'alex.infanger@example.org';
  assert.ok(!(await page.content()).includes(address), 'no address in the initial DOM');
  assert.ok(!(await page.content()).includes('mailto:'), 'no mailto link in the initial DOM');
  await page.getByRole('button', { name: 'Show email address' }).click();
  const link = page.getByRole('link', { name: address });
  assert.equal(await link.getAttribute('href'), `mailto:${address}`);
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.getByText('Copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), address);
});

test('a person without papers or news says so', async (t) => {
  const papers = await visit(t, 'people/mark-xu/papers/');
  assert.equal(await mainHeading(papers), 'Papers by Mark Xu');
  assert.match(await papers.locator('main .empty').textContent(), /Mark Xu has no papers listed yet/);
  const news = await visit(t, 'people/mark-xu/news/');
  assert.match(await news.locator('main .empty').textContent(), /No news yet/);
  await expectWellFormed(news, 'people/mark-xu/news/', 'News from Mark Xu · ');
});

test('the news lists every item newest first, with expandable details and rendered math', async (t) => {
  const page = await visit(t, 'news/');
  const data = demoData();
  const dates = await page.locator('.news-item time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
  assert.equal(dates.length, data.news.length);
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  const poisson = page.locator('.news-item', { hasText: 'appeared in Stochastic Systems' });
  const toggle = poisson.getByRole('button', { name: 'Details' });
  const details = poisson.locator('.news-details');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.ok(await details.isHidden());
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await details.isVisible());
  assert.ok((await details.locator('math').count()) >= 3, 'inline and display math render as MathML');
  assert.equal(await details.locator('math[display="block"]').count(), 1);
  await poisson.getByRole('button', { name: 'Hide details' }).click();
  assert.ok(await details.isHidden());
  await expectWellFormed(page, 'news/', 'News · ');
});

test('papers are grouped by year, newest first, with preprints marked and abstracts on demand', async (t) => {
  const page = await visit(t, 'papers/');
  const years = (await page.locator('.year-heading').allTextContents()).map(Number);
  assert.deepEqual(years, [2025, 2024, 2023, 2022]);
  assert.equal(await page.locator('.paper').count(), demoData().papers.length);
  const unlearning = page.locator('.paper', { hasText: 'Distillation Robustifies Unlearning' });
  assert.equal(await unlearning.locator('.badge-preprint').count(), 1, 'a preprint is marked');
  assert.match(await unlearning.locator('.authors').innerText(), /B\. W\. Lee, A\. Foote, A\. Infanger, L\. Shor, H\. Kamath\s*and 4 more$/);
  const journal = page.locator('.paper', { hasText: 'A posteriori error bounds' });
  assert.equal(await journal.locator('.badge-preprint').count(), 0, 'a publication is not');
  assert.match(await journal.locator('.paper-facts').textContent(), /Operations Research Letters · Journal article · March 2024/);
  const toggle = journal.getByRole('button', { name: 'Abstract' });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.match(await journal.locator('.paper-abstract').textContent(), /computable lower and upper bounds/);
  await expectWellFormed(page, 'papers/', 'Papers · ');
});

test('long author lists expand and never hide the highlighted person', async (t) => {
  const page = await visit(t, 'people/alex-infanger/papers/');
  const authors = page.locator('.paper', { hasText: 'Distillation Robustifies Unlearning' }).locator('.authors');
  assert.equal(await authors.locator('.author-self').textContent(), 'A. Infanger');
  const more = authors.getByRole('button', { name: 'and 4 more' });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await authors.locator('.author:visible').count(), 5);
  await more.click();
  assert.equal(await authors.locator('.author:visible').count(), 9);
  assert.match(await authors.innerText(), /A\. M\. Turner show fewer$/);
  assert.equal(await authors.getByRole('button', { name: 'show fewer' }).getAttribute('aria-expanded'), 'true');
});

test('a paper page shows its full record and a citation in every format', async (t) => {
  const page = await visit(t, 'papers/poisson-equation-representations/');
  assert.equal(
    await mainHeading(page),
    "Solution Representations for Poisson's Equation, Martingale Structure, and the Markov Chain Central Limit Theorem",
  );
  const main = page.locator('main');
  assert.equal(await main.locator('.authors a').count(), 2);
  assert.match(await main.locator('.paper-facts').textContent(), /Stochastic Systems · Journal article · December 2023/);
  assert.equal(await main.locator('.prose math').count(), 1, 'math in the abstract is MathML');
  assert.deepEqual(await main.locator('.tags a').allTextContents(), ['Markov chains', "Poisson's equation", 'central limit theorem']);
  const citation = main.locator('.citation-text');
  assert.match(await citation.textContent(), /^@article\{glynn2023solution,\n {2}author += \{Glynn, P\. W\. and Infanger, A\.\},/);
  await main.getByLabel('Format').selectOption({ label: 'RIS' });
  assert.match(await citation.textContent(), /^TY {2}- JOUR\r?\n/);
  await main.getByLabel('Format').selectOption({ label: 'APA' });
  assert.match(await citation.textContent(), /^Glynn, P\. W\., & Infanger, A\. \(2023, December\)\./);
  await expectWellFormed(page, 'papers/poisson-equation-representations/', 'Solution Representations');
});

test('an unknown paper id shows the 404 page', async (t) => {
  const page = await visit(t, 'papers/no-such-paper/');
  assert.equal(await mainHeading(page), 'Page not found');
});

test('the author index lists every name and sorts by name or paper count', async (t) => {
  const page = await visit(t, 'authors/');
  const names = page.locator('.authors-table tbody th a');
  const byName = await names.allTextContents();
  assert.ok(byName.length > 30, `${byName.length} names`);
  assert.equal(byName[0], 'Nora Belrose', 'sorted by family name');
  await page.locator('thead').getByRole('link', { name: 'Papers' }).click();
  await page.waitForURL(/sort=papers/);
  await page.locator('th[aria-sort="descending"]').waitFor();
  assert.equal(await names.first().textContent(), 'Alex Infanger');
  const counts = (await page.locator('.authors-table tbody td').allTextContents()).map(Number);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most papers first');
  await page.goBack();
  await page.locator('th[aria-sort="ascending"]').waitFor();
  assert.equal(await names.first().textContent(), 'Nora Belrose');
  await expectWellFormed(page, 'authors/', 'Authors · ');
});

test('the author cluster of Alex Mallen has 3 papers in 2 author rows, honestly explained', async (t) => {
  const page = await visit(t, 'authors/alex-mallen/');
  assert.equal(await mainHeading(page), 'Alex Mallen');
  const main = page.locator('main');
  assert.equal(await main.locator('.cluster-summary').textContent(), '3 papers · 2 author rows');
  assert.match(await main.locator('.cluster-note').textContent(), /not a full identity disambiguation/);
  assert.deepEqual(await main.locator('.paper-title').allTextContents(), [
    'Automatically Interpreting Millions of Features in Large Language Models',
    "Why Do Some Language Models Fake Alignment While Others Don't?",
    'Neural Networks Learn Statistics of Increasing Complexity',
  ]);
  assert.equal(await main.locator('.rows-table tbody tr').count(), 2);
  assert.equal(await main.locator('.author-self').count(), 3, 'the name is highlighted on every paper');
  await main.getByRole('link', { name: 'Alex Mallen has a profile on this site →' }).waitFor();
  const coauthor = main.locator('.coauthors li').first();
  assert.match(await coauthor.textContent(), /Nora Belrose\s*2 papers/);
  await coauthor.getByRole('link').click();
  await page.waitForURL(/authors\/nora-belrose\/$/);
  assert.equal(await mainHeading(page), 'Nora Belrose');
  await expectWellFormed(page, 'authors/alex-mallen/', 'Nora Belrose · ');
});

test('compatible names are listed apart with their reason, not merged', async (t) => {
  const page = await visit(t, 'authors/julian-michael/');
  assert.equal(await page.locator('.cluster-summary').textContent(), '1 paper · 1 author row');
  const variant = page.locator('.variant');
  assert.match(await variant.textContent(), /J\. Michael · 1 paper · initial J\. matches Julian/);
  assert.match(await variant.textContent(), /Eliciting Language Model Behaviors using Reverse Language Models \(2023\)/);
});

test('an alias of a person redirects to their cluster', async (t) => {
  const page = await visit(t, 'authors/a-infanger/');
  await page.waitForURL(/authors\/alex-infanger\/$/);
  assert.equal(await mainHeading(page), 'Alex Infanger');
  assert.equal(await page.locator('.cluster-summary').textContent(), '10 papers · 2 author rows');
  expectNoProblems(page, [documentNotFound(`${site.server.url}authors/a-infanger/`)]);
});

test('the activity profile shows the bio, the sequences, then posts and comments', async (t) => {
  const page = await visit(t, 'people/mark-xu/activity/');
  assert.equal(await mainHeading(page), 'Mark Xu');
  assert.match(await page.locator('.activity-header .prose').textContent(), /Alignment Research Center/);
  assert.deepEqual(await page.locator('.sequences .activity-title').allTextContents(), ['Intermittent Distllations', 'Training Regime']);
  assert.equal(await page.locator('#posts-heading + .activity-list > article').count(), 10);
  await expectWellFormed(page, 'people/mark-xu/activity/', "Mark Xu's activity · ");
});

test('every external link opens without opener or referrer', async (t) => {
  for (const route of ['people/alex-infanger/', 'papers/', 'authors/alex-mallen/', 'news/']) {
    const page = await visit(t, route);
    const external = await page.locator('a[href^="http"]').evaluateAll((links) =>
      links.map((link) => ({ href: link.getAttribute('href'), rel: link.getAttribute('rel') ?? '' })),
    );
    assert.ok(external.length > 0, `${route} has external links`);
    for (const { href, rel } of external) {
      assert.ok(rel.includes('noopener') && rel.includes('noreferrer'), `${route}: ${href} has rel="${rel}"`);
    }
  }
});

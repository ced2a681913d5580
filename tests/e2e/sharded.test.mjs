// A large index, sharded by the build (data/index/): each page reads only its own files, and the
// app shows what the data file would. The site is generated (3,000 papers, above the size from
// which the build shards by default) and rendered again from the release build.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { appReady, expectNoProblems, mainHeading, openPage } from './support/browser.mjs';
import { fetchPage } from './support/raw.mjs';
import { DIST_SUBPATH, ROOT, removeCopy, renderedCopy, startSite } from './support/site.mjs';

const PAPERS = 3_000;
const run = promisify(execFile);

let root;
let site;
let data;
let dataFile;
before(async () => {
  // The unit suite builds vita-gen; a run of this file alone builds it first.
  let generator = join(ROOT, 'target/debug/vita-gen');
  if (!existsSync(generator)) {
    await run('cargo', ['build', '--quiet', '--bin', 'vita-gen'], { cwd: ROOT });
  }
  dataFile = join(tmpdir(), `vita-sharded-${process.pid}.json`);
  await run(generator, ['--papers', String(PAPERS), '--seed', '5', '--out', dataFile]);
  data = JSON.parse(await readFile(dataFile, 'utf8'));
  root = await renderedCopy({ 'site.json': dataFile });
  site = await startSite({ root });
});
after(async () => {
  await site?.close();
  if (root) await removeCopy(root);
  if (dataFile) await rm(dataFile, { force: true });
});

/** Opens `route` in a fresh page, closed when `t` ends, recording the paths it requests. */
async function open(t, route) {
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  page.requested = [];
  page.on('request', (request) => page.requested.push(new URL(request.url()).pathname));
  await page.goto(site.server.url + route);
  await mainHeading(page);
  await appReady(page);
  return page;
}

/** The data files a page requested, in order. */
const dataFiles = (page) => page.requested.filter((path) => path.startsWith('/data/'));

const newest = () => [...data.papers].sort((a, b) => b.date.localeCompare(a.date));

test('every page of a sharded build tells the app to read the layout', async () => {
  const paper = data.papers[7];
  for (const route of ['', 'papers/', `papers/${paper.id}/`, 'authors/', 'no/such/page']) {
    const { document } = await fetchPage(site.server.url + route);
    assert.ok(document.querySelector('meta[name=vita-data][content=sharded]'), `/${route} has the marker`);
  }
});

test('a paper page deep link reads the manifest and one bucket, never the data file', async (t) => {
  const paper = data.papers[42];
  const page = await open(t, `papers/${paper.id}/`);
  assert.equal(await mainHeading(page), paper.title);
  const files = dataFiles(page);
  assert.ok(files.includes('/data/index/manifest.json'), files.join(' '));
  assert.equal(files.filter((path) => path.startsWith('/data/index/papers/')).length, 1, files.join(' '));
  assert.ok(!files.includes('/data/site.json'), 'the whole data file is not read');
  expectNoProblems(page);
});

test('following an author link reads that cluster and shows its page', async (t) => {
  const paper = data.papers[42];
  const page = await open(t, `papers/${paper.id}/`);
  const author = page.locator('main a[href^="/authors/"]').first();
  const name = (await author.textContent()).trim();
  await author.click();
  await page.waitForURL(/\/authors\/[^/]+\/$/);
  await page.locator('main h1', { hasText: name }).waitFor();
  assert.ok(dataFiles(page).some((path) => path.startsWith('/data/index/authors/')), 'the cluster file is read');
  assert.ok(!dataFiles(page).includes('/data/site.json'));
  assert.ok((await page.locator('main .paper-list article').count()) > 0, 'the cluster lists its papers');
  expectNoProblems(page);
});

test('a prolific author page reads its first papers, more as asked, and every one to filter', async (t) => {
  const index = join(root, 'data/index');
  const names = [];
  for (const file of await readdir(join(index, 'names'))) {
    if (file.endsWith('.json')) names.push(...JSON.parse(await readFile(join(index, 'names', file), 'utf8')));
  }
  const top = names.sort((a, b) => b.papers - a.papers)[0];
  assert.ok(top.papers > 200, `${top.name} has ${top.papers} papers`);
  const page = await open(t, `authors/${top.key}/`);
  await page.locator('main h1', { hasText: top.name }).waitFor();
  const clusterFiles = () => dataFiles(page).filter((path) => path.startsWith(`/data/index/authors/${top.key}`));
  assert.deepEqual(clusterFiles(), [`/data/index/authors/${top.key}.json`], 'the cluster file alone');
  const more = page.getByRole('button', { name: /Load more papers/ });
  assert.match(await more.textContent(), new RegExp(`\\(${top.papers - 100} remaining\\)`));
  await more.click();
  await page.getByRole('button', { name: new RegExp(`\\(${top.papers - 200} remaining\\)`) }).waitFor();
  assert.equal(clusterFiles().length, 2, 'the next page of the cluster');
  // Filtering reads the rest, and counts every paper of the author.
  await page.getByRole('searchbox', { name: 'Search papers' }).fill(top.name.split(' ').at(-1));
  await page.locator('.result-count', { hasText: ` of ${top.papers} papers` }).waitFor({ timeout: 20_000 });
  assert.equal(clusterFiles().length, Math.ceil(top.papers / 100), 'every page of the cluster');
  assert.equal(await countShown(page), top.papers, 'every paper has its author');
  assert.ok(!dataFiles(page).includes('/data/site.json'), 'the whole file is never read');
  expectNoProblems(page);
});

test("a person's about and papers pages read their cluster's first file, the papers page more as asked", async (t) => {
  const owner = data.people.find((person) => person.id === data.site.owner);
  const names = JSON.parse(await readFile(join(root, 'data/index/names/papers/0.json'), 'utf8'));
  const cluster = names.find((entry) => entry.name === owner.name);
  assert.ok(cluster.papers > 100, `${owner.name} has ${cluster.papers} papers`);
  const clusterFiles = (page) => dataFiles(page).filter((path) => path.startsWith(`/data/index/authors/${cluster.key}`));
  const about = await open(t, '');
  await about.getByRole('link', { name: `All ${cluster.papers.toLocaleString('en')} papers →` }).waitFor();
  assert.deepEqual(clusterFiles(about), [`/data/index/authors/${cluster.key}.json`], 'the about page reads the first file alone');
  const page = await open(t, `people/${owner.id}/papers/`);
  await page.locator('.result-count', { hasText: `${cluster.papers.toLocaleString('en')} papers, newest first` }).waitFor();
  assert.deepEqual(clusterFiles(page), [`/data/index/authors/${cluster.key}.json`], 'the papers page starts with it');
  await page.getByRole('button', { name: `Load more papers (${cluster.papers - 100} remaining)` }).waitFor();
  // Scrolling to the end of the list reads the next page of the cluster.
  await scrollUntil(page, Math.min(cluster.papers, 200));
  assert.equal(clusterFiles(page).length, 2, 'the next page of the cluster');
  assert.ok(!dataFiles(page).includes('/data/site.json'), 'the whole file is never read');
  expectNoProblems(about);
  expectNoProblems(page);
});

test('the papers page counts the corpus, lists the newest and reads more as asked', async (t) => {
  const page = await open(t, 'papers/');
  await page.locator('.result-count', { hasText: `${PAPERS.toLocaleString('en')} papers, newest first` }).waitFor();
  const first = await page.locator('main .paper-list article .paper-title a').first().getAttribute('href');
  const shown = data.papers.find((paper) => first === `/papers/${paper.id}/`);
  assert.equal(shown?.date, newest()[0].date, 'the list starts with the newest paper');
  const more = page.getByRole('button', { name: /Load more papers/ });
  await more.waitFor();
  const before = dataFiles(page).filter((path) => path.startsWith('/data/index/list/')).length;
  const remaining = async () => Number((await more.textContent()).match(/\(([\d,]+) remaining\)/)[1].replace(/,/g, ''));
  const left = await remaining();
  await more.click();
  await page.waitForFunction(
    (left) => {
      const button = [...document.querySelectorAll('main .load-more button')][0];
      return button && !button.textContent.includes(`(${left.toLocaleString('en')} remaining)`);
    },
    left,
  );
  const listPages = () => dataFiles(page).filter((path) => path.startsWith('/data/index/list/')).length;
  const after = listPages();
  assert.ok(after > before, `another list page is read (${before} → ${after})`);
  assert.equal(await remaining(), left - 25);
  // Scrolling to the end of the list reads further pages by itself.
  for (let tries = 0; listPages() === after && tries < 50; tries += 1) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(100);
  }
  assert.ok(listPages() > after, 'scrolling reads the next page of the list');
  assert.ok(!dataFiles(page).includes('/data/site.json'), 'browsing the list never reads the whole file');
  // The kind filter's counts are the corpus's.
  await page.locator('details.filters summary').click();
  await page.locator('legend', { hasText: 'Kind' }).waitFor();
  const journals = data.papers.filter((paper) => paper.kind === 'journal').length;
  if (journals > 0) {
    await page.locator('.facet-option', { hasText: 'Journal' }).locator('.facet-count', { hasText: String(journals) }).waitFor();
  }
  expectNoProblems(page);
});

test("the owner's author-position filter counts and filters through the shards", async (t) => {
  const manifest = JSON.parse(await readFile(join(root, 'data/index/manifest.json'), 'utf8'));
  const [, firsts] = manifest.facets.positions.find(([position]) => position === 'first');
  assert.ok(firsts > 25, `the owner is the first author of ${firsts} papers`);
  const page = await open(t, 'papers/');
  await page.locator('details.filters summary').click();
  const option = page.locator('.facet-option', { hasText: 'First author' });
  await option.locator('.facet-count', { hasText: firsts.toLocaleString('en') }).waitFor();
  await option.click();
  await page.locator('.result-count', { hasText: `${firsts.toLocaleString('en')} of ${PAPERS.toLocaleString('en')} papers` }).waitFor({ timeout: 20_000 });
  assert.match(page.url(), /position=first/);
  const files = dataFiles(page);
  assert.ok(files.some((path) => /^\/data\/index\/search\/\d+\/23706f736974696f6e2d6669727374\.json$/.test(path)), files.join(' '));
  assert.ok(!files.includes('/data/site.json'), 'filtering by position never reads the whole file');
  expectNoProblems(page);
});

/** Scrolls to the end of the list until it shows at least `n` papers. */
async function scrollUntil(page, n) {
  const shown = () => page.locator('main .paper-list article').count();
  for (let tries = 0; (await shown()) < n && tries < 100; tries += 1) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(100);
  }
  assert.ok((await shown()) >= n, `the list shows ${n} papers once scrolled (${await shown()})`);
}

/** The number a result count starts with: `12 of 3,000 papers`. */
const countShown = async (page) =>
  Number((await page.locator('.result-count').textContent()).match(/^([\d,]+) /)[1].replace(/,/g, ''));

test('searching the papers page reads the search shards of its word, not the data file', async (t) => {
  const page = await open(t, 'papers/');
  const word = newest()[5].title.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w));
  await page.getByRole('searchbox', { name: 'Search papers' }).fill(word);
  const expected = data.papers.filter((paper) => paper.title.toLowerCase().includes(word.toLowerCase())).length;
  await page.locator('.result-count', { hasText: / of 3,000 papers/ }).waitFor({ timeout: 20_000 });
  const count = await countShown(page);
  assert.ok(count >= expected, `${count} found, at least the ${expected} with ${word} in the title`);
  // The list draws its first screen, and more as the reader scrolls.
  await scrollUntil(page, Math.min(count, 25));
  const articles = await page.locator('main .paper-list article').count();
  assert.ok(articles >= Math.min(count, 25), 'the matches show as the reader scrolls');
  const files = dataFiles(page);
  assert.ok(files.some((path) => path.startsWith('/data/index/search/0/')), files.join(' '));
  assert.ok(!files.includes('/data/site.json'), 'searching never reads the whole file');
  expectNoProblems(page);
});

test('a filtered deep link counts exactly, and more matches are read as asked', async (t) => {
  const byYear = new Map();
  for (const paper of data.papers) {
    const year = paper.date.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), paper]);
  }
  const [year, papers] = [...byYear].sort((a, b) => b[1].length - a[1].length)[0];
  const journals = papers.filter((paper) => paper.kind === 'journal' || paper.kind === 'conference');
  assert.ok(journals.length > 25, `the generated ${year} has enough journal and conference papers`);
  const page = await open(t, `papers/?kind=conference,journal&year=${year}`);
  await page.locator('.result-count', { hasText: ` of ${PAPERS.toLocaleString('en')} papers` }).waitFor({ timeout: 20_000 });
  assert.equal(await countShown(page), journals.length, 'every match of the corpus is counted');
  // The options count the corpus, not the matches, and say so.
  await page.locator('.facet-note', { hasText: `Counts are of all ${PAPERS.toLocaleString('en')} papers.` }).waitFor();
  const ids = async () =>
    page.locator('main .paper-list article .paper-title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  const more = page.getByRole('button', { name: /Load more matches/ });
  assert.match(await more.textContent(), new RegExp(`\\(${(journals.length - 25).toLocaleString('en')} remaining\\)`));
  await scrollUntil(page, 25);
  const first = (await ids()).slice(0, 25);
  const wanted = new Set(journals.map((paper) => `/papers/${paper.id}/`));
  assert.ok(first.every((href) => wanted.has(href)), 'every paper shown matches');
  // Scrolling past the first page of matches reads the next, as the button does.
  const shownAfter = Math.min(50, journals.length);
  await scrollUntil(page, shownAfter);
  const next = (await ids()).slice(0, shownAfter);
  assert.equal(next.length, shownAfter);
  assert.deepEqual(next.slice(0, 25), first, 'the first matches stay in place');
  assert.ok(next.every((href) => wanted.has(href)));
  assert.ok(!dataFiles(page).includes('/data/site.json'), 'filtering never reads the whole file');
  expectNoProblems(page);
});

test('the site-wide search finds papers through the search shards, with people and news', async (t) => {
  const paper = newest()[3];
  const page = await open(t, `papers/${data.papers[42].id}/`);
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the site' });
  await dialog.waitFor();
  const box = dialog.getByRole('combobox');
  const options = dialog.getByRole('option');
  const person = data.people[0];
  await box.fill(person.name);
  await options.first().waitFor();
  assert.match(await options.first().textContent(), new RegExp(`^Person\\s*${person.name}`));
  // A whole title finds its paper first: every word is in its title.
  await box.fill(paper.title);
  await dialog.getByRole('option', { name: new RegExp(`^Paper`) }).first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    (title) => document.querySelector('.quick-result .quick-title')?.textContent === title,
    paper.title,
  );
  assert.match(await dialog.locator('.quick-status').textContent(), /results?\./);
  const more = dialog.getByRole('link', { name: /^Every paper matching/ });
  const papersHref = new URL(await more.getAttribute('href'), site.server.url);
  assert.equal(papersHref.pathname, '/papers/');
  assert.equal(papersHref.searchParams.get('q'), paper.title, 'the papers page, searching the same words');
  const files = dataFiles(page);
  assert.ok(files.some((path) => path.startsWith('/data/index/search/0/')), files.join(' '));
  assert.ok(files.some((path) => path.startsWith('/data/index/texts/')), 'news and activity are searched through their postings');
  assert.ok(!files.some((path) => /news\.json|activity\.json/.test(path)), 'never a whole list of news or activity');
  assert.ok(!files.includes('/data/site.json'), 'the site-wide search never reads the whole file');
  // A word of news items that no paper has finds them, read from their pages of everyone's news.
  const inPapers = data.papers.map((item) => JSON.stringify(item).toLowerCase());
  const newsWord = data.news
    .flatMap((item) => item.text.split(/\s+/))
    .find((word) => /^[A-Za-z]{6,}$/.test(word) && !inPapers.some((text) => text.includes(word.toLowerCase())));
  assert.ok(newsWord, 'a word of the news in no paper');
  await box.fill(newsWord);
  await dialog.getByRole('option', { name: /^News/ }).first().waitFor({ timeout: 20_000 });
  assert.ok(dataFiles(page).some((path) => /^\/data\/index\/news\/\d+\.json$/.test(path)), 'the page of the news found');
  await box.fill(paper.title);
  await page.waitForFunction(
    (title) => document.querySelector('.quick-result .quick-title')?.textContent === title,
    paper.title,
  );
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/papers/${paper.id}/$`));
  // The page before stays while the paper's bucket is read.
  await page.locator('main h1', { hasText: paper.title }).waitFor();
  expectNoProblems(page);
});

test('the names page reads the name index a page at a time, in either order', async (t) => {
  const manifest = JSON.parse(await readFile(join(root, 'data/index/manifest.json'), 'utf8'));
  const total = manifest.counts.clusters;
  assert.ok(total > 2_000, `${total} names fill several pages`);
  const page = await open(t, 'authors/');
  const rows = page.locator('main .authors-table tbody tr');
  assert.equal(await rows.count(), 1_000, 'the first page of names');
  await page.locator('main .lead', { hasText: `${total.toLocaleString('en')} author names` }).waitFor();
  assert.deepEqual(
    dataFiles(page).filter((path) => path.startsWith('/data/index/names/')),
    ['/data/index/names/0.json'],
  );
  const more = page.getByRole('button', { name: /Load more names/ });
  assert.match(await more.textContent(), new RegExp(`\\(${(total - 1_000).toLocaleString('en')} remaining\\)`));
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('main .authors-table tbody tr').length === 2_000);
  // Sorted by paper count: the other order's first page, the most prolific name first.
  await page.getByRole('link', { name: 'Papers', exact: true }).last().click();
  await page.waitForURL(/\?sort=papers$/);
  const first = JSON.parse(await readFile(join(root, 'data/index/names/papers/0.json'), 'utf8'))[0];
  await page.locator('main .authors-table tbody tr').first().filter({ hasText: first.name }).waitFor();
  assert.equal(await rows.count(), 1_000);
  assert.equal((await rows.first().locator('td').textContent()).trim(), String(first.papers));
  const files = dataFiles(page);
  assert.ok(files.includes('/data/index/names/papers/0.json'), files.join(' '));
  assert.ok(!files.includes('/data/site.json'), 'the names page never reads the whole file');
  expectNoProblems(page);
});

/** Whose a news item or forum item is: its person, else the site owner. */
const whose = (item) => item.person ?? data.site.owner;

/** The entries the app draws in the first list of `selector` (not the copy for readers without JavaScript). */
const drawn = (page, selector) => page.locator(`main ${selector}:not(.without-js) > article`);

test('news and activity read their lists a file at a time, more as asked, and never the whole files', async (t) => {
  const total = data.news.length;
  assert.ok(total > 100, `${total} news items: three files of them`);
  const page = await open(t, 'news/');
  assert.equal(await drawn(page, '.news-list').count(), 50);
  assert.deepEqual(dataFiles(page), ['/data/index/manifest.json', '/data/index/news/0.json']);
  assert.equal(await page.locator('main .list-status').textContent(), `Showing 50 of ${total}`);
  await page.getByRole('button', { name: `Load more (${total - 50} remaining)` }).click();
  await page.waitForURL(/\?shown=100$/);
  await page.locator('main .list-status', { hasText: `Showing 100 of ${total}` }).waitFor();
  assert.equal(await drawn(page, '.news-list').count(), 100);
  assert.ok(dataFiles(page).includes('/data/index/news/1.json'), 'the next file, once asked for');

  // A link to an item far down (as a feed gives it) shows every item, then that one.
  const raw = await fetchPage(`${site.server.url}news/`);
  const items = raw.document.querySelectorAll('main .news-item');
  assert.equal(items.length, total, 'the static page lists every item');
  const far = items[total - 2].getAttribute('id');
  const deep = await open(t, `news/#${far}`);
  await deep.waitForURL(new RegExp(`\\?shown=${total}#${far}$`));
  await drawn(deep, '.news-list').nth(total - 1).waitFor();
  await deep.waitForFunction((id) => {
    const item = document.querySelector(`main .news-list:not(.without-js) #${id}`);
    const box = item?.getBoundingClientRect();
    return box && box.top >= 0 && box.top < innerHeight;
  }, far);

  // The owner's about page reads the first file of their news, and nothing of activity.
  const owner = data.site.owner;
  const about = await open(t, '');
  const aboutFiles = dataFiles(about);
  assert.ok(aboutFiles.includes(`/data/index/people/${owner}/news/0.json`), aboutFiles.join(' '));
  assert.ok(!aboutFiles.some((path) => /news\.json|activity/.test(path)), aboutFiles.join(' '));
  const theirNews = data.news.filter((item) => whose(item) === owner).length;
  await about.getByRole('link', { name: `All ${theirNews} news items →` }).waitFor();

  // An activity profile: its sequences and first ten posts from the person's first file, then
  // ten more at a time. (Reading a further file as more are asked for is tested natively, on a
  // larger site.)
  const busiest = data.people
    .map((person) => ({ id: person.id, items: data.activity.filter((item) => whose(item) === person.id) }))
    .sort((a, b) => b.items.length - a.items.length)[0];
  const sequences = busiest.items.filter((item) => item.kind === 'sequence').length;
  const posts = busiest.items.length - sequences;
  assert.ok(posts > 20, `${busiest.id} has ${posts} posts and comments`);
  const activity = await open(t, `people/${busiest.id}/activity/`);
  assert.equal(await drawn(activity, '.activity-list:not(.sequences)').count(), 10);
  assert.equal(await activity.locator('main .sequences > article').count(), sequences);
  const activityFiles = dataFiles(activity);
  assert.ok(activityFiles.includes(`/data/index/people/${busiest.id}/activity/0.json`), activityFiles.join(' '));
  assert.ok(!activityFiles.some((path) => /news|activity\.json/.test(path)), activityFiles.join(' '));
  const more = activity.getByRole('button', { name: /^Load more/ });
  for (let shown = 20; shown < posts + 10; shown += 10) {
    await more.click();
    await activity.locator('main .list-status', { hasText: `Showing ${Math.min(shown, posts)} of ${posts}` }).waitFor();
  }
  assert.equal(await drawn(activity, '.activity-list:not(.sequences)').count(), posts);
  assert.equal(await more.count(), 0, 'no "Load more" once every post shows');
  expectNoProblems(page);
  expectNoProblems(activity);
});

test('a missing shard is named on the page, and the rest of the site works', async (t) => {
  const page = await open(t, 'papers/');
  // The buckets of paper records go missing from the host, as after a partial upload.
  const link = page.locator('main .paper-list article .paper-title a').nth(1);
  const hidden = join(root, 'data/index/papers-hidden');
  await run('mv', [join(root, 'data/index/papers'), hidden]);
  t.after(() => run('mv', [hidden, join(root, 'data/index/papers')]));
  await link.click();
  await page.locator('main h1', { hasText: 'This page could not be loaded' }).waitFor();
  const detail = await page.locator('main .error-detail').textContent();
  assert.match(detail, /data\/index\/papers\/\d+\.json: the server answered 404/);
  await page.getByRole('link', { name: 'Papers', exact: true }).first().click();
  await page.locator('main h1', { hasText: 'Papers' }).waitFor();
  expectNoProblems(page, [/404/]);
});

test('under a subpath, a sharded site reads its files below it, and routes and search work', async (t) => {
  const mount = '/vita/';
  const subpathRoot = await renderedCopy({ 'site.json': dataFile }, DIST_SUBPATH);
  t.after(() => removeCopy(subpathRoot));
  const subpath = await startSite({ root: subpathRoot, mount });
  t.after(() => subpath.close());
  const page = await openPage(subpath.browser);
  t.after(() => page.context().close());
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const paper = data.papers[42];
  await page.goto(`${subpath.server.url}papers/${paper.id}/`);
  assert.equal(await mainHeading(page), paper.title);
  await appReady(page);
  // An author link, then the papers page and a search, all inside the app.
  const author = page.locator(`main a[href^="${mount}authors/"]`).first();
  const name = (await author.textContent()).trim();
  await author.click();
  await page.locator('main h1', { hasText: name }).waitFor();
  await page.getByRole('link', { name: 'Papers', exact: true }).first().click();
  await page.locator('.result-count', { hasText: `${PAPERS.toLocaleString('en')} papers, newest first` }).waitFor();
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('sparse');
  await page.locator('.result-count', { hasText: / of 3,000 papers/ }).waitFor({ timeout: 20_000 });
  const files = requested.filter((path) => path.includes('/data/'));
  assert.ok(files.includes(`${mount}data/index/manifest.json`), files.join(' '));
  assert.ok(files.some((path) => path.startsWith(`${mount}data/index/authors/`)), 'the cluster file, below the subpath');
  assert.ok(files.some((path) => path.startsWith(`${mount}data/index/search/`)), 'the search shards, below the subpath');
  assert.ok(!files.includes(`${mount}data/site.json`), 'never the whole file');
  assert.deepEqual(requested.filter((path) => !path.startsWith(mount)), [], 'every request stays under the subpath');
  expectNoProblems(page);
});

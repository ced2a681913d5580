// What crawlers, Google Scholar, link previews and readers without JavaScript get: the HTML the
// host sends for every kind of route, fetched without a browser and parsed without running
// anything, at the host root and under a subpath; and the sitemap, robots.txt and Atom feeds.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser } from './support/browser.mjs';
import { fetchPage, fetchText, headOf, textOf } from './support/raw.mjs';
import { DIST, DIST_SUBPATH, FIXTURES, demoData, removeCopy, renderedCopy, startSite } from './support/site.mjs';
import { startServer } from './support/server.mjs';

const BASE_URL = 'https://example.org/';

let root;
let scholarRoot;
let scholar;
let subpathRoot;
let subpath;
let browser;
before(async () => {
  root = await startServer({ root: DIST });
  scholarRoot = await renderedCopy({ 'site.json': join(FIXTURES, 'scholar-site/site.json') });
  scholar = await startServer({ root: scholarRoot });
  // The demo published as a project site: its base_url names the subpath.
  const data = demoData();
  data.site.base_url = 'https://example.org/vita/';
  const file = join(tmpdir(), `vita-subpath-data-${process.pid}.json`);
  await writeFile(file, JSON.stringify(data));
  subpathRoot = await renderedCopy({ 'site.json': file }, DIST_SUBPATH);
  subpath = await startServer({ root: subpathRoot, mount: '/vita/' });
  browser = await launchBrowser();
});
after(async () => {
  await Promise.all([root?.close(), scholar?.close(), subpath?.close(), browser?.close()]);
  await Promise.all([removeCopy(scholarRoot), removeCopy(subpathRoot)]);
});

/** Fetches `route` of the root build and checks what every page has: status 200, one `<h1>`,
 * the header navigation and footer, a specific title and description, the canonical URL, and
 * OpenGraph tags agreeing with them. */
async function page(route, { h1, title, type = 'website' }) {
  const fetched = await fetchPage(root.url + route);
  assert.equal(fetched.status, 200, `/${route}`);
  const { document } = fetched;
  assert.equal(document.querySelectorAll('h1').length, 1, `/${route}: one <h1>`);
  assert.equal(textOf(document.querySelector('main h1')), h1);
  assert.deepEqual(
    [...document.querySelectorAll('header nav[aria-label="Main"] a')].map((link) => link.textContent),
    ['People', 'Papers', 'News', 'Authors'],
  );
  assert.match(textOf(document.querySelector('footer')), /Built with Vita/);
  const head = headOf(document);
  assert.equal(head.title, title);
  assert.ok(head.description.length > 20, `/${route}: a description: ${head.description}`);
  assert.equal(head.canonical, BASE_URL + route);
  assert.equal(head.og.url, head.canonical);
  assert.equal(head.og.type, type);
  assert.equal(head.og.siteName, 'Vita demo');
  assert.equal(head.og.description, head.description);
  assert.equal(head.twitterCard, 'summary');
  assert.deepEqual(head.feeds.slice(0, 1), [`${BASE_URL}feed.xml`], 'the site feed is advertised');
  return { document, head };
}

test('the home page is the directory of people', async () => {
  const { document, head } = await page('', { h1: 'Vita demo', title: 'Vita demo' });
  assert.deepEqual(
    [...document.querySelectorAll('.person-card h2 a')].map((link) => [link.textContent, link.getAttribute('href')]),
    demoData().people.map((person) => [person.name, `/people/${person.id}/`]),
  );
  assert.equal(head.jsonLd[0]['@type'], 'WebSite');
});

test('an about page holds the bio, links, selected papers and news, and describes the person', async () => {
  const { document, head } = await page('people/alex-infanger/', { h1: 'Alex Infanger', title: 'Alex Infanger · Vita demo', type: 'profile' });
  assert.match(textOf(document.querySelector('.about .prose')), /interpretability/);
  assert.equal(document.querySelectorAll('#papers-heading ~ .paper-list .paper').length, 3, 'the selected papers');
  assert.equal(document.querySelectorAll('.news-item').length, 3);
  assert.ok(!document.documentElement.outerHTML.includes('alex.infanger@example.org'), 'no email address in the page');
  const [profile] = head.jsonLd;
  assert.equal(profile['@type'], 'ProfilePage');
  assert.equal(profile.mainEntity['@type'], 'Person');
  assert.equal(profile.mainEntity.name, 'Alex Infanger');
  assert.equal(profile.mainEntity.affiliation.name, 'Independent researcher');
  assert.ok(profile.mainEntity.sameAs.includes('https://example.org/demo-links/alex-infanger/github'));
  assert.equal(profile.mainEntity.url, head.canonical);
  assert.deepEqual(head.feeds, [`${BASE_URL}feed.xml`, `${BASE_URL}people/alex-infanger/feed.xml`]);
});

test('the papers page lists every paper grouped by year, with links to their pages', async () => {
  const { document } = await page('papers/', { h1: 'Papers', title: 'Papers · Vita demo' });
  assert.deepEqual([...document.querySelectorAll('.year-heading')].map((heading) => heading.textContent), ['2025', '2024', '2023', '2022']);
  const titles = [...document.querySelectorAll('.paper-title a')];
  assert.equal(titles.length, demoData().papers.length, 'every paper, not a first screen');
  assert.ok(titles.every((link) => /^\/papers\/[a-z0-9-]+\/$/.test(link.getAttribute('href'))));
  assert.match(textOf(document.querySelector('.result-count')), /^13 papers, newest first/);
});

test('a paper page holds the full record with its abstract, a citation and its structured data', async () => {
  const { document, head } = await page('papers/poisson-equation-representations/', {
    h1: "Solution Representations for Poisson's Equation, Martingale Structure, and the Markov Chain Central Limit Theorem",
    title: "Solution Representations for Poisson's Equation, Martingale Structure, and the Markov Chain Central Limit Theorem · Vita demo",
    type: 'article',
  });
  const main = document.querySelector('main');
  assert.deepEqual([...main.querySelectorAll('.authors a')].map((link) => link.textContent), ['P. W. Glynn', 'A. Infanger']);
  assert.match(textOf(main.querySelector('.prose')), /central limit theorem/);
  assert.ok(main.querySelector('.prose math'), 'math as MathML');
  assert.match(main.querySelector('.citation-text').textContent, /^@article\{glynn2023solution,/);
  const [article] = head.jsonLd;
  assert.equal(article['@type'], 'ScholarlyArticle');
  assert.deepEqual(article.author.map((author) => author.name), ['P. W. Glynn', 'A. Infanger']);
  assert.equal(article.datePublished, '2023-12');
  assert.deepEqual(article.isPartOf, { '@type': 'Periodical', name: 'Stochastic Systems' });
  assert.equal(article.url, head.canonical);
  assert.deepEqual(head.scholar.slice(0, 3), [
    ['title', "Solution Representations for Poisson's Equation, Martingale Structure, and the Markov Chain Central Limit Theorem"],
    ['author', 'P. W. Glynn'],
    ['author', 'A. Infanger'],
  ]);
});

test('the news page lists every item with its details open to readers without scripts', async () => {
  const { document } = await page('news/', { h1: 'News', title: 'News · Vita demo' });
  const items = document.querySelectorAll('.news-item');
  assert.equal(items.length, demoData().news.length);
  assert.ok([...items].every((item) => /^news-\d{4}(-\d\d){0,2}(-\d+)?$/.test(item.id)), 'each item has its anchor');
  assert.ok(document.querySelector('.news-details math'), 'the details, with their math, are in the page');
});

test('the author index and an author cluster with its counts, rows and co-authors', async () => {
  const index = await page('authors/', { h1: 'Authors', title: 'Authors · Vita demo' });
  assert.ok(index.document.querySelectorAll('.authors-table tbody tr').length > 30);
  const { document, head } = await page('authors/alex-mallen/', { h1: 'Alex Mallen', title: 'Alex Mallen · Vita demo' });
  assert.equal(textOf(document.querySelector('.cluster-summary')), '3 papers · 2 author rows');
  assert.match(textOf(document.querySelector('.cluster-note')), /not a full identity disambiguation/);
  assert.equal(document.querySelectorAll('.rows-table tbody tr').length, 2);
  assert.equal(document.querySelectorAll('.paper').length, 3);
  assert.match(textOf(document.querySelector('.coauthors li')), /Nora Belrose\s*2 papers/);
  assert.match(head.description, /3 papers · 2 author rows/);
});

test('the activity page lists every post and comment, the later ones shown only without scripts', async () => {
  const { document } = await page('people/mark-xu/activity/', { h1: 'Mark Xu', title: "Mark Xu's activity · Vita demo" });
  const pages = document.querySelectorAll('#posts-heading ~ .activity-list');
  assert.equal(pages.length, 2);
  assert.equal(pages[0].querySelectorAll('article').length, 10, 'the first page, as the app shows it');
  assert.ok(pages[1].classList.contains('without-js'));
  assert.equal(pages[1].querySelectorAll('article').length, 5, 'and the rest');
  assert.ok(document.querySelector('.load-more').classList.contains('needs-js'));
});

test('a person\'s own papers and news pages', async () => {
  const papers = await page('people/alex-infanger/papers/', { h1: 'Papers by Alex Infanger', title: 'Papers by Alex Infanger · Vita demo' });
  assert.equal(papers.document.querySelectorAll('.paper').length, 10);
  const news = await page('people/alex-infanger/news/', { h1: 'News from Alex Infanger', title: 'News from Alex Infanger · Vita demo' });
  assert.equal(news.document.querySelectorAll('.news-item').length, 11);
});

test('the CV, talks and teaching pages hold their sections, and the CV describes the person with schools and awards', async () => {
  const { document, head } = await page('people/alex-infanger/cv/', { h1: 'Alex Infanger', title: 'CV of Alex Infanger · Vita demo', type: 'profile' });
  assert.deepEqual(
    [...document.querySelectorAll('.cv-section > h2')].map(textOf),
    ['Education', 'Positions', 'Publications', 'Talks', 'Teaching', 'Awards'],
    'the sections with items, in CV order',
  );
  assert.match(textOf(document.querySelector('.cv-section')), /2022\s*PhD, Computational and Mathematical Engineering \(ICME\)\s*Stanford University · Stanford, California\s*Thesis: Truncation Algorithms for Markov Chains and Processes/);
  assert.equal(document.querySelectorAll('.cv .paper').length, 10, 'every paper of the person');
  const person = head.jsonLd[0].mainEntity;
  assert.equal(head.jsonLd[0]['@type'], 'ProfilePage');
  assert.deepEqual(person.alumniOf, [{ '@type': 'EducationalOrganization', name: 'Stanford University' }]);
  assert.deepEqual(person.award, ['Gene Golub Dissertation Award, honorable mention', 'Teaching Assistant Award, 2020–2021 academic year']);
  assert.ok(document.querySelector('.cv-controls.needs-js'), 'printing and the download need the app, and say so by their class');

  const talks = await page('people/alex-infanger/talks/', { h1: 'Talks by Alex Infanger', title: 'Talks by Alex Infanger · Vita demo' });
  assert.deepEqual([...talks.document.querySelectorAll('main .year-heading')].map(textOf), ['2025', '2023']);
  const teaching = await page('people/alex-infanger/teaching/', { h1: 'Teaching by Alex Infanger', title: 'Teaching by Alex Infanger · Vita demo' });
  assert.equal(teaching.document.querySelectorAll('main .cv-entry').length, 3);

  const missing = await fetchPage(`${root.url}people/mark-xu/talks/`);
  assert.equal(missing.status, 404, 'no talks, no talks page');
});

test('an address without its final slash is redirected to the page, 200', async () => {
  const fetched = await fetchPage(`${root.url}papers/persian-rug`);
  assert.equal(fetched.status, 200);
  assert.equal(fetched.url, `${root.url}papers/persian-rug/`);
  assert.match(textOf(fetched.document.querySelector('h1')), /^The Persian Rug/);
});

test('an unknown address gets the 404 page with status 404, not to be indexed', async () => {
  const fetched = await fetchPage(`${root.url}no/such/page`);
  assert.equal(fetched.status, 404);
  assert.equal(textOf(fetched.document.querySelector('main h1')), 'Page not found');
  const head = headOf(fetched.document);
  assert.equal(head.robots, 'noindex');
  assert.equal(head.canonical, null);
  assert.equal(head.title, 'Page not found · Vita demo');
});

test('controls that need the app are marked so, and work without it nowhere', async () => {
  for (const route of ['', 'people/alex-infanger/', 'papers/', 'papers/persian-rug/', 'authors/alex-mallen/', 'people/mark-xu/activity/']) {
    const { document } = await fetchPage(root.url + route);
    for (const control of document.querySelectorAll('#app button, #app input, #app select, #app details')) {
      const marked = control.closest('.needs-js, dialog') || control.hasAttribute('data-toggle');
      assert.ok(marked, `/${route}: ${control.outerHTML.slice(0, 100)} works only with the app and is not marked so`);
    }
  }
});

test('a paper page carries every Google Scholar tag its data gives, with absolute URLs', async () => {
  const { status, document } = await fetchPage(`${scholar.url}papers/engine-notes/`);
  assert.equal(status, 200);
  const head = headOf(document);
  assert.deepEqual(head.scholar, [
    ['title', 'Notes on the Analytical Engine'],
    ['author', 'Ada Lovelace'],
    ['author', 'L. F. Menabrea'],
    ['author', 'Charles Babbage'],
    ['publication_date', '2024/03/05'],
    ['journal_title', 'Scientific Memoirs'],
    ['volume', '3'],
    ['issue', '2'],
    ['firstpage', '666'],
    ['lastpage', '731'],
    ['doi', '10.5555/engine.notes'],
    ['arxiv_id', '2403.01234'],
    ['pdf_url', 'https://lab.example.org/files/engine-notes.pdf'],
    ['abstract_html_url', 'https://lab.example.org/papers/engine-notes/'],
  ]);
  const [article] = head.jsonLd;
  assert.deepEqual(article.identifier, [
    { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.5555/engine.notes' },
    { '@type': 'PropertyValue', propertyID: 'arXiv', value: '2403.01234' },
  ]);
  assert.equal(article.sameAs, 'https://doi.org/10.5555/engine.notes');
  assert.match(textOf(document.querySelector('main .prose')), /Bernoulli numbers/, 'the full abstract is on the page');
  const about = headOf((await fetchPage(scholar.url)).document);
  assert.equal(about.og.type, 'profile');
  assert.equal(about.og.image, 'https://lab.example.org/files/ada.jpg');
  assert.ok(about.jsonLd[0].mainEntity.sameAs.includes('https://orcid.org/0000-0002-1825-0097'));
  assert.equal(about.canonical, 'https://lab.example.org/');
  const ownerPage = headOf((await fetchPage(`${scholar.url}people/ada/`)).document);
  assert.equal(ownerPage.canonical, 'https://lab.example.org/', 'the owner\'s profile page names the home page');
});

test('under a subpath every page, link and URL keeps the subpath', async () => {
  for (const [route, h1] of [
    ['', 'Vita demo'],
    ['people/alex-infanger/', 'Alex Infanger'],
    ['papers/', 'Papers'],
    ['papers/persian-rug/', 'The Persian Rug: Solving Toy Models of Superposition using Large-Scale Symmetries'],
    ['authors/alex-mallen/', 'Alex Mallen'],
    ['people/mark-xu/activity/', 'Mark Xu'],
  ]) {
    const { status, document } = await fetchPage(subpath.url + route);
    assert.equal(status, 200, `/vita/${route}`);
    assert.equal(textOf(document.querySelector('main h1')), h1);
    const head = headOf(document);
    assert.equal(head.canonical, `https://example.org/vita/${route}`);
    for (const link of document.querySelectorAll('a[href^="/"], link[href^="/"], script[src^="/"]')) {
      const href = link.getAttribute('href') ?? link.getAttribute('src');
      assert.ok(href.startsWith('/vita/'), `/vita/${route}: ${href} keeps the subpath`);
    }
  }
  const missing = await fetchPage(`${subpath.url}no/such/page`);
  assert.equal(missing.status, 404);
  assert.equal(missing.document.querySelector('main a[href="/vita/"]')?.textContent, 'Go to the home page');
});

/** Parses XML in Chromium's strict parser: `null` and the error when it is not well-formed. */
async function parseXml(text, extract) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      ({ text, extract }) => {
        const document = new DOMParser().parseFromString(text, 'application/xml');
        const error = document.querySelector('parsererror');
        if (error) return { error: error.textContent };
        return { value: new Function('document', extract)(document) };
      },
      { text, extract },
    );
  } finally {
    await page.close();
  }
}

test('sitemap.xml lists every page that is its own canonical page, and each answers 200', async () => {
  const sitemap = await fetchText(`${root.url}sitemap.xml`);
  assert.equal(sitemap.status, 200);
  const parsed = await parseXml(
    sitemap.text,
    `const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';
     if (document.documentElement.localName !== 'urlset' || document.documentElement.namespaceURI !== ns) return null;
     return [...document.getElementsByTagNameNS(ns, 'url')].map((url) => ({
       loc: url.getElementsByTagNameNS(ns, 'loc')[0]?.textContent,
       lastmod: url.getElementsByTagNameNS(ns, 'lastmod')[0]?.textContent,
     }));`,
  );
  assert.equal(parsed.error, undefined, parsed.error);
  const urls = parsed.value;
  const data = demoData();
  assert.ok(urls.length >= 1 + 3 + data.papers.length + data.people.length * 4, `${urls.length} URLs`);
  assert.ok(urls.every((url) => url.lastmod === '2025-07-18'), 'lastmod is the data\'s date');
  assert.ok(urls.some((url) => url.loc === `${BASE_URL}papers/persian-rug/`));
  assert.ok(!urls.some((url) => url.loc.includes('404')), 'the 404 page is not listed');
  for (const { loc } of urls) {
    const { status } = await fetchText(loc.replace(BASE_URL, root.url));
    assert.equal(status, 200, loc);
  }
});

test('robots.txt lets crawlers in and names the sitemap', async () => {
  const robots = await fetchText(`${root.url}robots.txt`);
  assert.equal(robots.status, 200);
  const lines = robots.text.trim().split('\n');
  assert.deepEqual(lines, ['User-agent: *', 'Allow: /', '', `Sitemap: ${BASE_URL}sitemap.xml`]);
});

const FEED_EXTRACT = `
  const ns = 'http://www.w3.org/2005/Atom';
  const feed = document.documentElement;
  if (feed.localName !== 'feed' || feed.namespaceURI !== ns) return null;
  const child = (element, name) => [...element.children].filter((node) => node.namespaceURI === ns && node.localName === name);
  const text = (element, name) => child(element, name)[0]?.textContent ?? null;
  return {
    id: text(feed, 'id'),
    title: text(feed, 'title'),
    updated: text(feed, 'updated'),
    author: child(feed, 'author').map((author) => text(author, 'name')),
    links: child(feed, 'link').map((link) => [link.getAttribute('rel'), link.getAttribute('href')]),
    entries: child(feed, 'entry').map((entry) => ({
      id: text(entry, 'id'),
      title: text(entry, 'title'),
      updated: text(entry, 'updated'),
      link: child(entry, 'link')[0]?.getAttribute('href'),
      content: text(entry, 'content'),
      contentType: child(entry, 'content')[0]?.getAttribute('type'),
    })),
  };`;

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

test('the Atom feeds of the site and of each person are valid RFC 4287 and link to the pages', async () => {
  const data = demoData();
  for (const [file, count, self] of [
    ['feed.xml', data.news.length, `${BASE_URL}feed.xml`],
    ['people/alex-infanger/feed.xml', data.news.length, `${BASE_URL}people/alex-infanger/feed.xml`],
  ]) {
    const fetched = await fetchText(root.url + file);
    assert.equal(fetched.status, 200, file);
    const { error, value: feed } = await parseXml(fetched.text, FEED_EXTRACT);
    assert.equal(error, undefined, `${file}: ${error}`);
    assert.equal(feed.id, self);
    assert.ok(feed.title.startsWith('News from '), feed.title);
    assert.match(feed.updated, RFC3339);
    assert.ok(feed.author.length === 1 && feed.author[0], 'a feed author');
    assert.ok(feed.links.some(([rel, href]) => rel === 'self' && href === self));
    assert.ok(feed.links.some(([rel]) => rel === 'alternate'));
    assert.equal(feed.entries.length, count);
    const ids = new Set();
    for (const entry of feed.entries) {
      assert.ok(entry.id.startsWith(`${BASE_URL}news/#news-`), entry.id);
      ids.add(entry.id);
      assert.ok(entry.title, 'an entry title');
      assert.match(entry.updated, RFC3339);
      assert.equal(entry.contentType, 'html');
      assert.ok(entry.content.length > 0);
      const { status } = await fetchText(entry.link.replace(BASE_URL, root.url));
      assert.equal(status, 200, entry.link);
    }
    assert.equal(ids.size, feed.entries.length, 'entry ids are unique');
  }
  // The same item has the same id in both feeds.
  const site = (await parseXml((await fetchText(`${root.url}feed.xml`)).text, FEED_EXTRACT)).value;
  const person = (await parseXml((await fetchText(`${root.url}people/alex-infanger/feed.xml`)).text, FEED_EXTRACT)).value;
  assert.deepEqual(person.entries.map((entry) => entry.id), site.entries.map((entry) => entry.id));
  const scholarFeed = (await parseXml((await fetchText(`${scholar.url}feed.xml`)).text, FEED_EXTRACT)).value;
  assert.deepEqual(scholarFeed.entries.map((entry) => entry.id), [
    'https://lab.example.org/news/#news-2024-03-05',
    'https://lab.example.org/news/#news-2024-03-05-2',
    'https://lab.example.org/news/#news-2023-07',
  ]);
  assert.equal(scholarFeed.entries[0].link, 'https://lab.example.org/papers/engine-notes/', 'an item about a paper links to it');
  assert.match(scholarFeed.entries[0].content, /<em>Notes<\/em> are published\.<p>With a table of <math/);
});

test('the pages are the same files whatever builds them: the build leaves no staging behind', async () => {
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  assert.ok(index.includes('<!--vita:head-->') && index.includes('<!--vita:page-->'), 'pages keep their markers for the next build');
  const { status } = await fetchText(`${root.url}.vita-staging/`);
  assert.equal(status, 404);
});

// A site whose papers come from a BibTeX, a CSL-JSON, a RIS and a DBLP file that share papers with
// each other and with the site file: each paper is listed once, a paper merged from its preprint
// and its publication shows both, and its citation carries both identifiers.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { expectNoProblems, mainHeading } from './support/browser.mjs';
import { FIXTURES, removeCopy, renderedCopy, startSite, visitRoute } from './support/site.mjs';

const SOURCES = join(FIXTURES, 'sources');

let root;
let site;
before(async () => {
  root = await renderedCopy(
    Object.fromEntries(['site.json', 'papers.bib', 'papers.json', 'papers.ris', 'dblp.xml'].map((name) => [name, join(SOURCES, name)])),
  );
  site = await startSite({ root });
});
after(async () => {
  await site?.close();
  await removeCopy(root);
});

const MERGED = 'A posteriori error bounds for truncated Markov chain linear systems arising from first transition analysis';

test('each paper of the four files is listed once, in the static page and in the app', async (t) => {
  const html = await readFile(join(root, 'papers/index.html'), 'utf8');
  assert.equal(html.split(MERGED).length - 1, 1, 'the merged paper once in the static list');
  const page = await visitRoute(t, site, 'papers/');
  const titles = await page.locator('.paper-title').allTextContents();
  assert.equal(titles.length, 8, titles.join(' | '));
  assert.equal(new Set(titles).size, 8, 'no title twice');
  assert.equal(titles.filter((title) => title === 'Distillation Robustifies Unlearning').length, 1, 'one paper from four records');
  const merged = page.locator('.paper', { hasText: MERGED });
  assert.match(await merged.locator('.paper-facts').textContent(), /Operations Research Letters · Journal article · 1 March 2024/);
  expectNoProblems(page);
});

test('a paper merged from its preprint and its publication shows both, and cites both identifiers', async (t) => {
  const page = await visitRoute(t, site, 'papers/infanger2023posteriori/');
  assert.equal(await mainHeading(page), MERGED);
  const main = page.locator('main');
  const links = await main.locator('.link-buttons .link-kind').allTextContents();
  assert.ok(links.includes('DOI') && links.includes('arXiv'), `the publication and its preprint: ${links.join(', ')}`);
  assert.match(await main.locator('.prose').first().textContent(), /Computable lower and upper bounds/);
  const citation = main.locator('.citation-text');
  const bibtex = await citation.textContent();
  assert.match(bibtex, /^@article\{/);
  assert.match(bibtex, /doi += \{10\.1016\/j\.orl\.2024\.107092\}/);
  assert.match(bibtex, /eprint += \{2301\.01234\}/);
  await main.getByLabel('Format').selectOption({ label: 'CSL-JSON' });
  const csl = JSON.parse(await citation.textContent());
  assert.equal(csl[0].DOI, '10.1016/j.orl.2024.107092');
  expectNoProblems(page);
});

test('the author page counts each paper once', async (t) => {
  const page = await visitRoute(t, site, 'authors/alex-infanger/');
  assert.match(await page.locator('main').textContent(), /6 papers/);
  expectNoProblems(page);
});

// A site whose papers come partly from a .bib file, hostile entries included: the readable
// entries are written into the pages and render in the app, the others are reported with file,
// line and reason.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appReady, expectNoProblems, mainHeading, openPage } from './support/browser.mjs';
import { FIXTURES, removeCopy, renderedCopy, startSite } from './support/site.mjs';

let root;
let site;
before(async () => {
  root = await renderedCopy({
    'site.json': join(FIXTURES, 'bib-site/site.json'),
    'papers.bib': join(FIXTURES, 'bib-site/papers.bib'),
  });
  site = await startSite({ root });
});
after(async () => {
  await site?.close();
  await removeCopy(root);
});

const TITLES = [
  'Notes on the Analytical Engine',
  'Distillation Robustifies Unlearning',
  'Über formal unentscheidbare Sätze',
  'LEACE: Perfect linear concept erasure in closed form',
  'Stochastic Models & Sampling',
];

test('papers from the .bib file are written into the static pages', async () => {
  const html = await readFile(join(root, 'papers/index.html'), 'utf8');
  for (const title of TITLES) {
    const escaped = title.replace(/&/g, '&amp;');
    assert.ok(html.includes(escaped), `"${title}" is in the static list`);
  }
  assert.ok(!html.includes('An Unclosed Title'), 'a broken entry is left out');
});

test('papers from the .bib file render beside the JSON ones, bad entries reported', async (t) => {
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  const warnings = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await page.goto(`${site.server.url}papers/`);
  assert.equal(await mainHeading(page), 'Papers');
  await appReady(page);
  await page.locator('.paper').first().waitFor();
  const titles = await page.locator('.paper-title').allTextContents();
  assert.equal(titles.length, 10);
  for (const title of TITLES) {
    assert.ok(titles.includes(title), `"${title}" is listed: ${titles.join(' | ')}`);
  }
  for (const missing of ['An Unclosed Title', 'A Draft Without a Year', 'Same Id Again', 'Not loaded']) {
    assert.ok(!titles.includes(missing), `"${missing}" is left out`);
  }
  const reported = warnings.join('\n');
  assert.match(reported, /papers\.bib line 56: broken:brace: missing closing brace .*; the entry is left out/);
  assert.match(reported, /papers\.bib line 96: noyear: missing year; the entry is left out/);
  assert.match(reported, /papers\.bib line 118: lee2025:Distill_X: duplicate key, first defined on line 11/);
  expectNoProblems(page);
});

test('the .bib file is fetched beside the site file', async (t) => {
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  await page.goto(site.server.url);
  await appReady(page);
  assert.ok(site.server.requests.some((request) => request.path === '/data/papers.bib'));
});

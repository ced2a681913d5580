// A site whose data file is broken or missing (edited on the host after the build) keeps showing
// its pages as they were built, with a notice above them that names the file, the place in it and
// what is wrong. A page that was never built (an unknown address) says the same.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { documentNotFound, expectNoProblems, openPage } from './support/browser.mjs';
import { DIST, FIXTURES, startSite } from './support/site.mjs';

let root;
let site;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'vita-broken-'));
  await cp(DIST, root, { recursive: true });
  site = await startSite({ root });
});
after(async () => {
  await site?.close();
  await rm(root, { recursive: true, force: true });
});

/** Serves `fixture` (a file under tests/fixtures/broken, or null for none) as data/site.json. */
async function serveDataFile(fixture) {
  const target = join(root, 'data/site.json');
  await rm(target, { force: true });
  if (fixture) await copyFile(join(FIXTURES, fixture), target);
}

/** Waits for the notice, and checks that the page it is about is still there, shown as without
 * scripts (the controls that need the app are gone). */
async function noticeShown(page) {
  await page.getByRole('heading', { level: 2, name: 'The site data could not be loaded' }).waitFor();
  assert.equal(await page.locator('main h1').textContent(), 'Vita demo', 'the page as built stays');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('js')), false);
  assert.ok(!(await page.getByRole('button', { name: 'Dark theme' }).isVisible()), 'no control that needs the app');
}

async function errorText(page) {
  await noticeShown(page);
  return page.getByRole('alert').textContent();
}

/** The lines of the error list. */
async function errorLines(page) {
  await noticeShown(page);
  return page.getByRole('alert').locator('li').allTextContents();
}

const FAILED_FETCH = /Failed to load resource: the server responded with a status of 404 .*data\/site\.json/;

const cases = [
  {
    fixture: 'broken/wrong-type.json',
    expect: ['data/site.json:8: people[1].name: invalid type: integer `42`, expected a string: write it in quotes, "42"'],
  },
  { fixture: 'broken/syntax-error.json', expect: ['data/site.json', 'trailing comma', 'line 4, column 3'] },
  {
    fixture: 'broken/unknown-field.json',
    expect: ['data/site.json:4: people[0].affilation: unknown field `affilation`: did you mean `affiliation`?'],
  },
];

for (const { fixture, expect } of cases) {
  test(`the error page explains ${fixture}`, async (t) => {
    await serveDataFile(fixture);
    const page = await openPage(site.browser);
    t.after(() => page.context().close());
    await page.goto(site.server.url);
    const text = await errorText(page);
    for (const part of expect) assert.ok(text.includes(part), `"${text}" mentions ${part}`);
    expectNoProblems(page);
  });
}

test('a file with content errors lists every error with its JSON path', async (t) => {
  await serveDataFile('invalid/many-problems.json');
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  await page.goto(site.server.url);
  const lines = await errorLines(page);
  assert.deepEqual(lines, [
    'data/site.json:2: site.owner: unknown person "alex-malen" (did you mean "alex-mallen"?)',
    'data/site.json:5: people[1].id: duplicate id "alex-mallen": people[0] has it too',
    'data/site.json:11: papers[0].authors[1].person: unknown person "alex-malen" (did you mean "alex-mallen"?)',
    'data/site.json:12: papers[0].date: invalid month in "2025-13": expected 01 to 12',
    'data/site.json:16: news[0].paper: unknown paper "missing-paper"',
  ]);
  expectNoProblems(page);
});

test('a file with misspelt keys, wrong types and content errors lists them all in file order', async (t) => {
  await serveDataFile('invalid/shape-and-content.json');
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  await page.goto(site.server.url);
  const lines = await errorLines(page);
  assert.deepEqual(lines, [
    'data/site.json:7: people[0].affilation: unknown field `affilation`: did you mean `affiliation`?',
    'data/site.json:8: people[0].links[0].kind: unknown value `homepage`: did you mean `website`?',
    'data/site.json:10: people[1].name: invalid type: integer `42`, expected a string: write it in quotes, "42"',
    'data/site.json:17: papers[0].year: unknown field `year`: papers take `date`, e.g. "date": "2024"',
    'data/site.json:23: papers[1].authors[0].person: unknown person "adda" (did you mean "ada"?)',
    'data/site.json:24: papers[1].date: invalid month in "2024-13": expected 01 to 12',
    'data/site.json:25: papers[1].kind: unknown value `jurnal`: did you mean `journal`?',
    'data/site.json:30: papers[2].authors: invalid type: string "Ada Example", expected a sequence',
    'data/site.json:31: papers[2].date: invalid type: integer `2023`, expected a string: write it in quotes, "2023"',
    'data/site.json:33: papers[2].selected: invalid type: string "yes", expected a boolean',
    'data/site.json:36: news[0].date: invalid day in "2025-02-30": February 2025 has days 01 to 28',
    'data/site.json:36: news[0].paper: unknown paper "missing-paper"',
  ]);
  expectNoProblems(page);
});

test('a missing data file is reported with the server status', async (t) => {
  await serveDataFile(null);
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  await page.goto(site.server.url);
  const text = await errorText(page);
  assert.match(text, /data\/site\.json: the server answered 404/);
  expectNoProblems(page, [FAILED_FETCH]);
});

test('an address that was never built shows the error as its page', async (t) => {
  await serveDataFile('broken/syntax-error.json');
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  const url = `${site.server.url}papers/added-after-the-build/`;
  await page.goto(url);
  await page.getByRole('heading', { level: 2, name: 'The site data could not be loaded' }).waitFor();
  assert.equal(await page.locator('main h1').textContent(), 'Page not found', 'the 404 page as built stays');
  assert.match(await page.getByRole('alert').textContent(), /trailing comma/);
  expectNoProblems(page, [documentNotFound(url)]);
});

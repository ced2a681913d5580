// Search and filters whose state lives in the URL, export of the filtered list, and the
// site-wide quick search.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appReady, expectNoProblems, mainHeading } from './support/browser.mjs';
import { startSite, visitRoute } from './support/site.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(() => site?.close());

const visit = (t, route) => visitRoute(t, site, route);

const titles = (page) => page.locator('main .paper-title').allTextContents();

/** Waits until the list holds `count` papers, scrolling to its end as a reader would: long lists
 * render the rest of their entries as the reader nears them. */
async function waitForCount(page, count) {
  await page.waitForFunction((expected) => {
    document.querySelector('main .list-sentinel')?.scrollIntoView();
    return document.querySelectorAll('main .paper').length === expected;
  }, count);
}

test('typing a word keeps only the matching papers, in the URL, across reload and back', async (t) => {
  const page = await visit(t, 'papers/');
  await waitForCount(page, 13);
  await page.getByRole('searchbox', { name: 'Search papers' }).pressSequentially('unlearning');
  await page.waitForURL(/\/papers\/\?q=unlearning$/);
  await waitForCount(page, 1);
  assert.deepEqual(await titles(page), ['Distillation Robustifies Unlearning']);
  assert.equal(await page.locator('main .paper-title mark').textContent(), 'Unlearning', 'the match is marked');
  assert.match(await page.locator('.result-count').textContent(), /^1 of 13 papers/);

  await page.reload();
  await appReady(page);
  await waitForCount(page, 1);
  assert.equal(await page.getByRole('searchbox', { name: 'Search papers' }).inputValue(), 'unlearning');

  await page.goBack();
  await page.waitForURL(/\/papers\/$/);
  await waitForCount(page, 13);
  assert.equal(await page.getByRole('searchbox', { name: 'Search papers' }).inputValue(), '');
  expectNoProblems(page);
});

test('search ignores case and accents and needs every word', async (t) => {
  const page = await visit(t, 'papers/?q=GONCALO%20interp');
  await waitForCount(page, 1);
  assert.deepEqual(await titles(page), ['Automatically Interpreting Millions of Features in Large Language Models']);
  assert.equal(await page.locator('main .authors mark').first().textContent(), 'Gonçalo');
});

test('filters show counts, narrow the list, and step through history', async (t) => {
  const page = await visit(t, 'papers/');
  await waitForCount(page, 13);
  await page.getByText('Filters', { exact: true }).click();
  const journal = page.getByRole('button', { name: 'Journal article 2' });
  assert.equal(await journal.getAttribute('aria-pressed'), 'false');
  await journal.click();
  await page.waitForURL(/kind=journal/);
  await waitForCount(page, 2);
  assert.equal(await page.getByRole('button', { name: 'Journal article 2' }).getAttribute('aria-pressed'), 'true');
  await page.goBack();
  await waitForCount(page, 13);
  await page.goForward();
  await waitForCount(page, 2);
});

test('a year range and a status combine', async (t) => {
  const page = await visit(t, 'papers/?year=2024-2025&status=preprint');
  await waitForCount(page, 3);
  assert.deepEqual(await titles(page), [
    'Misalignment from Treating Means as Ends',
    'Distillation Robustifies Unlearning',
    'The Persian Rug: Solving Toy Models of Superposition using Large-Scale Symmetries',
  ]);
  assert.ok(await page.locator('details.filters').evaluate((details) => details.open), 'filters from a link are in view');
});

test('author position finds the highlighted person\'s first-author papers', async (t) => {
  const page = await visit(t, 'people/alex-infanger/papers/?position=first');
  await waitForCount(page, 5);
  for (const paper of await page.locator('main .paper').all()) {
    assert.ok(await paper.locator('.author').first().locator('.author-self').count(), 'first author is highlighted');
  }
});

test('a filter with no results says so and offers to clear the filters', async (t) => {
  const page = await visit(t, 'papers/?q=zebra');
  await page.getByText('No papers match these filters.').waitFor();
  await page.locator('main .empty').getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL(/\/papers\/$/);
  await waitForCount(page, 13);
});

test('the author cluster page searches its own papers', async (t) => {
  const page = await visit(t, 'authors/alex-mallen/');
  await waitForCount(page, 3);
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('fake');
  await waitForCount(page, 1);
  assert.deepEqual(await titles(page), ["Why Do Some Language Models Fake Alignment While Others Don't?"]);
  // The list follows each keystroke; the address follows a pause in typing.
  await page.waitForURL(/authors\/alex-mallen\/\?q=fake$/);
});

test('the export holds exactly the papers shown', async (t) => {
  const page = await visit(t, 'papers/?kind=journal');
  await waitForCount(page, 2);
  await page.getByText('Cite these 2 papers').click();
  const bibtex = await page.locator('.export .citation-text').textContent();
  assert.equal(bibtex.match(/^@/gm).length, 2);
  assert.match(bibtex, /@article\{infanger2024posteriori,/);
  assert.match(bibtex, /@article\{glynn2023solution,/);
});

test('the quick search opens with / and Ctrl-K, and the keyboard chooses a result', async (t) => {
  const page = await visit(t, 'news/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the site' });
  await dialog.waitFor();
  const box = dialog.getByRole('combobox');
  assert.ok(await box.evaluate((input) => input === document.activeElement), 'the box has focus');
  await box.fill('mallen');
  const options = dialog.getByRole('option');
  await options.first().waitFor();
  assert.match(await options.first().textContent(), /^Person\s*Alex Mallen/);
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowDown');
  assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.waitForURL(/people\/alex-mallen\/$/);
  assert.equal(await mainHeading(page), 'Alex Mallen');
  assert.ok(!(await dialog.isVisible()), 'the dialog closes');

  await page.keyboard.press('Control+k');
  await dialog.waitFor();
  await box.fill('persian rug');
  await options.first().waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(/papers\/persian-rug\/$/);
  assert.match(await mainHeading(page), /^The Persian Rug/);
});

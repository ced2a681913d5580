// The CV, talks and teaching pages in the browser: their content from the demo data, the tabs a
// person has and has not, the JSON Resume download, a CV imported from a JSON Resume file, and
// the CV printed to PDF on A4 and US Letter, read back page by page.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { documentNotFound, expectNoProblems, mainHeading } from './support/browser.mjs';
import { readPdf, savePdfPage } from './support/pdf.mjs';
import { FIXTURES, ROOT, removeCopy, renderedCopy, startSite, visitRoute } from './support/site.mjs';

let site;
let importedRoot;
let imported;
before(async () => {
  site = await startSite();
  importedRoot = await renderedCopy({
    'site.json': join(FIXTURES, 'resume-site/site.json'),
    'resume.json': join(FIXTURES, 'resume-site/resume.json'),
  });
  imported = await startSite({ root: importedRoot });
});
after(async () => {
  await Promise.all([site?.close(), imported?.close()]);
  await removeCopy(importedRoot);
});

const visit = (t, route) => visitRoute(t, site, route);

/** The labels of the person's tabs, counts included ("Papers 10"). */
const tabsOf = (page) =>
  page.locator('.person-tabs a').evaluateAll((links) => links.map((link) => link.textContent.replace(/\s+/g, ' ').trim()));

/** The text of each element matching `selector`, white space collapsed. */
const textsOf = (page, selector) =>
  page.locator(selector).evaluateAll((elements) => elements.map((element) => element.textContent.replace(/\s+/g, ' ').trim()));

test('a person\'s tabs are the pages that have content', async (t) => {
  for (const [id, tabs] of [
    ['alex-infanger', ['About', 'CV', 'Papers 10', 'Talks 2', 'Teaching 3', 'News 11']],
    ['alex-mallen', ['About', 'CV', 'Papers 3']],
    ['mark-xu', ['About', 'CV', 'Activity 17']],
  ]) {
    const page = await visit(t, `people/${id}/`);
    assert.deepEqual(await tabsOf(page), tabs, id);
  }
  const page = await visit(t, 'people/mark-xu/');
  await page.locator('.person-tabs').getByRole('link', { name: 'CV' }).click();
  assert.equal(await mainHeading(page), 'Mark Xu');
  assert.deepEqual(await textsOf(page, '.cv-section > h2'), ['Positions'], 'only the sections with items');
  assert.match(await page.locator('.cv-entry').textContent(), /Current\s*Alignment researcher\s*Alignment Research Center \(ARC\)/);
  expectNoProblems(page);
});

test('a talks page for someone without talks is the 404 page', async (t) => {
  const route = 'people/mark-xu/talks/';
  const page = await visitRoute(t, site, route);
  assert.equal(await mainHeading(page), 'Page not found');
  expectNoProblems(page, [documentNotFound(site.server.url + route)]);
});

test('the CV holds every section with items, the papers grouped as the papers page groups them', async (t) => {
  const page = await visit(t, 'people/alex-infanger/');
  await page.getByRole('link', { name: 'Curriculum vitae' }).click();
  assert.equal(await mainHeading(page), 'Alex Infanger');
  assert.equal(await page.title(), 'CV of Alex Infanger · Vita demo');
  assert.deepEqual(await textsOf(page, '.cv-section > h2'), ['Education', 'Positions', 'Publications', 'Talks', 'Teaching', 'Awards']);
  const education = page.locator('#cv-education + .cv-entries .cv-entry');
  assert.match(await education.textContent(), /2022\s*PhD, Computational and Mathematical Engineering \(ICME\)/);
  assert.equal(
    await education.getByRole('link', { name: 'Truncation Algorithms for Markov Chains and Processes' }).getAttribute('href'),
    '/papers/truncation-algorithms-thesis/',
    'the thesis links to its paper',
  );
  assert.deepEqual(await textsOf(page, '.cv .cv-group'), ['Published', 'Preprints']);
  assert.deepEqual(await textsOf(page, '.cv .year-heading'), ['2024', '2023', '2022', '2025', '2024', '2023', '2022']);
  const papers = page.locator('.cv .paper');
  assert.equal(await papers.count(), 10);
  assert.equal(await page.locator('.cv .paper:has(.author-self)').count(), 10, 'the person is highlighted in every paper');
  assert.equal(await page.locator('.cv .author-gap').count(), 0, 'a CV lists every author');
  assert.deepEqual(await textsOf(page, '#cv-talks + .cv-entries .cv-when'), ['March 2025', '2023'], 'talks newest first');
  assert.deepEqual(
    await textsOf(page, '#cv-teaching + .cv-entries .cv-title'),
    ['Reading groups on the AGI safety fundamentals curriculum', 'CME 305: Discrete Mathematics & Algorithms', 'CME 308: Stochastic Methods in Engineering'],
  );
  assert.match(await page.locator('#cv-awards + .cv-entries').textContent(), /June 2022\s*Gene Golub Dissertation Award, honorable mention\s*For Truncation Algorithms/);
  expectNoProblems(page);
});

test('the talks page groups talks by year with the papers they present, the teaching page lists every course', async (t) => {
  const page = await visit(t, 'people/alex-infanger/talks/');
  assert.equal(await mainHeading(page), 'Talks by Alex Infanger');
  assert.deepEqual(await textsOf(page, 'main .year-heading'), ['2025', '2023']);
  const first = page.locator('.cv-entry').first();
  assert.match(await first.textContent(), /Distillation Robustifies Unlearning\s*Spotlight\s*MATS 7 Symposium/);
  assert.equal(await first.getByRole('link').first().getAttribute('href'), '/papers/distillation-robustifies-unlearning/');
  await page.locator('.person-tabs').getByRole('link', { name: /Teaching/ }).click();
  assert.equal(await mainHeading(page), 'Teaching by Alex Infanger');
  assert.deepEqual(await textsOf(page, 'main .cv-when'), ['Fall 2022', '2020–2021', '2020–2021']);
  assert.match(await page.locator('main .cv-entry').nth(1).textContent(), /Teaching assistant · ICME, Stanford University/);
  expectNoProblems(page);
});

test('the CV downloads as a JSON Resume file holding its sections and papers', async (t) => {
  const page = await visit(t, 'people/alex-infanger/cv/');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as JSON Resume' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'alex-infanger-resume.json');
  const resume = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(resume.basics.name, 'Alex Infanger');
  assert.equal(resume.basics.email, 'alex.infanger@example.org');
  assert.equal(resume.education[0].institution, 'Stanford University');
  assert.equal(resume.education[0].studyType, 'PhD');
  assert.equal(resume.work[0].name, 'Independent');
  assert.deepEqual(resume.awards.map((award) => award.date), ['2022-06', '2021-06']);
  assert.equal(resume.publications.length, 10);
  assert.equal(resume.publications[0].url, 'https://example.org/papers/misalignment-means-as-ends/');
  assert.equal(resume.talks.length, 2);
  assert.equal(resume.teaching.length, 3);
  await page.getByText('Saved alex-infanger-resume.json').waitFor();
  expectNoProblems(page);
});

test('a CV imported from a JSON Resume file shows its sections beside those of the site file', async (t) => {
  const page = await visitRoute(t, imported, 'people/dana-reyes/cv/');
  assert.deepEqual(await textsOf(page, '.cv-section > h2'), ['Education', 'Positions', 'Publications', 'Talks', 'Teaching', 'Awards', 'Service', 'Mentoring']);
  assert.deepEqual(await textsOf(page, '#cv-positions + .cv-entries .cv-when'), ['September 2021 – present', 'January 2019 – August 2021']);
  assert.match(await page.locator('#cv-positions + .cv-entries').textContent(), /Built the lab's probing toolkit/);
  const education = page.locator('#cv-education + .cv-entries');
  assert.match(await education.textContent(), /PhD, Computer Science\s*University of Porto\s*Thesis: Probing Representations\s*Advisors: Lee Okafor, R\. Silva/);
  assert.equal(await education.getByRole('link', { name: 'Lee Okafor' }).getAttribute('href'), '/people/lee-okafor/', 'an advisor with a page is linked');
  assert.equal(await education.getByRole('link', { name: 'R. Silva' }).count(), 0, 'one without stays text');
  assert.deepEqual(await textsOf(page, '#cv-awards + .cv-entries .cv-title'), ['Best Paper Award'], 'the site file\'s awards come first');
  assert.match(await page.locator('#cv-service + .cv-entries').textContent(), /2022 – 2024\s*Reviewer, ICML/);
  assert.match(await page.locator('#cv-mentoring + .cv-entries').textContent(), /June 2023 – September 2023\s*Sam Ito, summer intern/);
  assert.match(await page.locator('.cv-header .person-facts').textContent(), /Research scientist, Example Lab · Lisbon, PT/);
  expectNoProblems(page);
});

/** Where the README's image of a printed CV page is kept, and where the test leaves its own. */
const README_SHOT = join(ROOT, 'docs/screenshots/cv-print-a4.png');
const SHOT = join(ROOT, 'target/screenshots/cv-print-a4.png');

test('the CV prints as a document on A4 and US Letter: named and numbered pages, whole entries, no controls', async (t) => {
  const page = await visit(t, 'people/alex-infanger/cv/');
  // The browser's print dialog cannot be driven here: the button's own work is checked, then
  // the page is printed as the dialog would print it.
  await page.evaluate(() => {
    window.print = () => {
      window.printed = true;
    };
  });
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  await page.waitForFunction(() => window.printed === true);
  assert.match(await page.locator('.cv-header .email').textContent(), /alex\.infanger@example\.org/, 'the address is shown for print');
  const entries = await page.locator('.cv-entry').evaluateAll((items) =>
    items.map((item) => ({
      first: item.querySelector('.cv-title, .cv-what p').textContent.replace(/\s+/g, ' ').trim(),
      last: [...item.querySelectorAll('.cv-what p')].at(-1).textContent.replace(/\s+/g, ' ').trim(),
    })),
  );
  assert.ok(entries.length >= 8);
  for (const [format, size] of [['A4', [596, 843]], ['Letter', [612, 792]]]) {
    const pdf = await page.pdf({ format });
    const pages = await readPdf(pdf);
    assert.ok(pages.length >= 2 && pages.length <= 6, `${format}: ${pages.length} pages`);
    pages.forEach(({ text, size: pageSize }, index) => {
      assert.deepEqual(pageSize, size, `${format} page ${index + 1} size`);
      assert.match(text, /^Alex Infanger$/m, `${format} page ${index + 1} names the person`);
      assert.match(text, new RegExp(`^Page ${index + 1} of ${pages.length}$`, 'm'), `${format} page ${index + 1} is numbered`);
    });
    const flat = pages.map(({ text }) => text.replace(/\n/g, ' '));
    const all = flat.join(' ');
    for (const heading of ['Education', 'Positions', 'Publications', 'Talks', 'Teaching', 'Awards']) {
      assert.ok(pages.some(({ text }) => text.split('\n').includes(heading)), `${format}: the ${heading} section`);
    }
    assert.match(all, /alex\.infanger@example\.org/);
    assert.match(all, /GitHub <https:\/\/example\.org\/demo-links\/alex-infanger\/github>/, 'external links are printed with their URLs');
    for (const absent of ['Skip to content', 'Print or save as PDF', 'Download as JSON Resume', 'Dark theme', 'Built with Vita', 'Show email address', 'Abstract']) {
      assert.ok(!all.includes(absent), `${format}: nothing of the page's controls or navigation ("${absent}")`);
    }
    for (const { first, last } of entries) {
      assert.ok(flat.some((text) => text.includes(first) && text.includes(last)), `${format}: "${first}" is whole on one page`);
    }
    assert.ok(flat.some((text) => /Talks March 2025 Distillation Robustifies Unlearning/.test(text)), `${format}: a heading stays with its first entry`);
    if (format === 'A4') {
      await mkdir(join(ROOT, 'target/screenshots'), { recursive: true });
      await savePdfPage(site.browser, pdf, 1, SHOT);
      if (process.env.VITA_UPDATE_SCREENSHOTS === '1') await savePdfPage(site.browser, pdf, 1, README_SHOT);
    }
  }
  expectNoProblems(page);
});

// Hostile data: scripts, event handlers and javascript: or data: URLs in every text field. The
// build writes it into the static pages as text, the app renders it as text, neither runs any of
// it or puts such an attribute or URL in the document; typed links with such URLs are refused by
// validation.
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appReady, expectNoProblems, mainHeading, openPage } from './support/browser.mjs';
import { fetchPage } from './support/raw.mjs';
import { FIXTURES, removeCopy, renderedCopy, siteCopy, startSite } from './support/site.mjs';

let hostileRoot;
let hostile;
before(async () => {
  hostileRoot = await renderedCopy({ 'site.json': join(FIXTURES, 'hostile-site.json') });
  hostile = await startSite({ root: hostileRoot });
});
after(async () => {
  await hostile?.close();
  await removeCopy(hostileRoot);
});

/** The scripts a page may hold: the theme script and the start-up guard of index.html, trunk's
 * module loader, and structured data (which browsers never run). */
function unexpectedScripts(document) {
  return [...document.querySelectorAll('script')]
    .filter((script) => {
      const type = script.getAttribute('type');
      if (type === 'application/ld+json') return false;
      const text = script.textContent;
      return !(text.includes("localStorage.getItem('vita-theme')") || text.includes('This site could not start') || (type === 'module' && text.includes('const { default: init } = await import(')));
    })
    .map((script) => script.outerHTML.slice(0, 120));
}

/** Every way the page could run or carry hostile code, as a list of findings. */
function unsafeParts(page) {
  return page.evaluate(() => {
    const found = [];
    if (window.__pwned !== undefined) found.push(`a payload ran: __pwned = ${window.__pwned}`);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`<${element.localName} ${attribute.name}>`);
        const url = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(attribute.name.toLowerCase());
        if (url && /^\s*(javascript|data|vbscript):/i.test(attribute.value)) {
          found.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
        }
      }
    }
    const content = 'header, main, footer';
    for (const tag of ['script', 'iframe', 'object', 'embed', 'style', 'svg', 'img', 'link', 'meta', 'form', 'base']) {
      for (const element of document.querySelectorAll(`:is(${content}) ${tag}`)) found.push(`a <${tag}> in the content: ${element.outerHTML.slice(0, 80)}`);
    }
    return found;
  });
}

/** Opens every toggle, reveals the email, and shows every citation format, to render all of it. */
async function openEverything(page) {
  await page.evaluate(() => {
    document.querySelectorAll('main button[aria-expanded="false"]').forEach((toggle) => toggle.click());
    document.querySelectorAll('main details').forEach((details) => {
      details.open = true;
    });
  });
  const reveal = page.getByRole('button', { name: 'Show email address' });
  if (await reveal.count()) await reveal.click();
  const format = page.getByLabel('Format');
  if (await format.count()) {
    for (const label of ['BibTeX', 'RIS', 'CSL-JSON', 'APA', 'CV line']) await format.first().selectOption({ label });
  }
}

const ROUTES = [
  '',
  'people/mallory/',
  'people/mallory/papers/',
  'people/mallory/news/',
  'people/mallory/activity/',
  'papers/',
  'papers/hostile-paper/',
  'news/',
  'authors/',
];

test('hostile text in every field is written into the static pages as text', async () => {
  const { document } = await fetchPage(`${hostile.server.url}authors/`);
  const clusters = [...document.querySelectorAll('.authors-table tbody a')].map((link) => link.getAttribute('href').slice(1));
  assert.equal(clusters.length, 4);
  for (const route of [...ROUTES, ...clusters, '404.html']) {
    const page = await fetchPage(hostile.server.url + route);
    assert.equal(page.status, 200, `/${route}`);
    assert.deepEqual(unexpectedScripts(page.document), [], `/${route}`);
    for (const element of page.document.querySelectorAll('*')) {
      for (const { name, value } of element.attributes) {
        assert.ok(!/^on/i.test(name), `/${route}: <${element.localName} ${name}>`);
        if (['href', 'src', 'action', 'formaction'].includes(name)) {
          assert.ok(!/^\s*(javascript|data|vbscript):/i.test(value), `/${route}: <${element.localName} ${name}="${value}">`);
        }
      }
    }
    for (const tag of ['iframe', 'object', 'embed', 'style', 'svg', 'img', 'link', 'meta', 'form', 'base']) {
      assert.equal(page.document.querySelectorAll(`#app ${tag}`).length, 0, `/${route}: a <${tag}> in the content`);
    }
  }
  const mallory = await fetchPage(`${hostile.server.url}people/mallory/`);
  assert.match(mallory.document.querySelector('main h1').textContent, /^Mallory <img src=x onerror=window\.__pwned=13>$/);
  assert.match(mallory.document.querySelector('title').textContent, /Hostile <script>window\.__pwned=12<\/script> site$/);
});

test('hostile text in every field renders as text and runs nothing, before and after the app takes over', async (t) => {
  const page = await openPage(hostile.browser);
  t.after(() => page.context().close());
  // Every author name's cluster page, hostile names included.
  await page.goto(`${hostile.server.url}authors/`);
  await mainHeading(page);
  const clusters = await page.locator('.authors-table tbody a').evaluateAll((links) => links.map((link) => link.getAttribute('href').slice(1)));
  for (const route of [...ROUTES, ...clusters]) {
    await page.goto(hostile.server.url + route, { waitUntil: 'domcontentloaded' });
    assert.deepEqual(await unsafeParts(page), [], `/${route}, as built`);
    await appReady(page);
    await openEverything(page);
    assert.deepEqual(await unsafeParts(page), [], `/${route}, in the app`);
  }
  assert.match(await page.title(), /Hostile <script>window\.__pwned=12<\/script> site$/, 'titles show the text as written');
  await page.goto(`${hostile.server.url}people/mallory/`);
  assert.match(await page.locator('main h1').textContent(), /^Mallory <img src=x onerror=window\.__pwned=13>$/);
  await appReady(page);
  assert.match(await page.locator('main .prose').first().textContent(), /<script>window\.__pwned = 1<\/script>/);
  expectNoProblems(page);
});

test('typed links with javascript: or data: URLs are refused with an error notice, never a link', async (t) => {
  const root = await siteCopy();
  t.after(() => removeCopy(root));
  await copyFile(join(FIXTURES, 'invalid/hostile-links.json'), join(root, 'data/site.json'));
  const site = await startSite({ root });
  t.after(() => site.close());
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  await page.goto(site.server.url);
  await page.getByRole('heading', { level: 2, name: 'The site data could not be loaded' }).waitFor();
  const lines = await page.getByRole('alert').locator('li').allTextContents();
  assert.deepEqual(lines, [
    'data/site.json:24: people[0].links[0].url: "javascript:window.__pwned=20" is not an http(s) URL',
    'data/site.json:28: people[0].links[1].url: "data:text/html,<script>window.__pwned=21</script>" is not an http(s) URL',
    'data/site.json:62: papers[0].links[0].url: "JaVaScRiPt:window.__pwned=22" is not an http(s) URL',
  ]);
  assert.deepEqual(await unsafeParts(page), []);
  expectNoProblems(page);
});

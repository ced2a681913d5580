// Hostile data: scripts, event handlers and javascript: or data: URLs in every text field. The
// site renders it as text, runs none of it, and puts no such attribute or URL in the DOM; typed
// links with such URLs are refused by validation.
import assert from 'node:assert/strict';
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { documentNotFound, expectNoProblems, mainHeading, openPage } from './support/browser.mjs';
import { DIST, FIXTURES, startSite } from './support/site.mjs';

let root;
let site;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'vita-hostile-'));
  await cp(DIST, root, { recursive: true });
  site = await startSite({ root });
});
after(async () => {
  await site?.close();
  await rm(root, { recursive: true, force: true });
});

async function serve(fixture) {
  await copyFile(join(FIXTURES, fixture), join(root, 'data/site.json'));
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

test('hostile text in every field renders as text and runs nothing', async (t) => {
  await serve('hostile-site.json');
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  const routes = [
    '',
    'people/mallory',
    'people/mallory/papers',
    'people/mallory/news',
    'people/mallory/activity',
    'papers',
    'papers/hostile-paper',
    'news',
    'authors',
  ];
  for (const route of routes) {
    await page.goto(site.server.url + route);
    await mainHeading(page);
    await openEverything(page);
    assert.deepEqual(await unsafeParts(page), [], `/${route}`);
  }
  // Every author name's cluster page, hostile names included.
  await page.goto(`${site.server.url}authors`);
  await mainHeading(page);
  const clusters = await page.locator('.authors-table tbody a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  assert.equal(clusters.length, 4);
  for (const href of clusters) {
    await page.goto(site.server.origin + href);
    await mainHeading(page);
    await openEverything(page);
    assert.deepEqual(await unsafeParts(page), [], href);
  }
  assert.match(await page.title(), /Hostile <script>window\.__pwned=12<\/script> site$/, 'titles show the text as written');
  await page.goto(`${site.server.url}people/mallory`);
  assert.match(await page.locator('main h1').textContent(), /^Mallory <img src=x onerror=window\.__pwned=13>$/);
  assert.match(await page.locator('main .prose').first().textContent(), /<script>window\.__pwned = 1<\/script>/);
  const deepLinks = [...routes, ...clusters.map((href) => href.slice(1))].map((route) => documentNotFound(site.server.url + route));
  expectNoProblems(page, deepLinks);
});

test('typed links with javascript: or data: URLs stop the site with an error page, not a link', async (t) => {
  await serve('invalid/hostile-links.json');
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  await page.goto(site.server.url);
  await page.getByRole('heading', { level: 1, name: 'The site data could not be loaded' }).waitFor();
  const lines = await page.getByRole('alert').locator('li').allTextContents();
  assert.deepEqual(lines, [
    'data/site.json: people[0].links[0].url: "javascript:window.__pwned=20" is not an http(s) URL',
    'data/site.json: people[0].links[1].url: "data:text/html,<script>window.__pwned=21</script>" is not an http(s) URL',
    'data/site.json: papers[0].links[0].url: "JaVaScRiPt:window.__pwned=22" is not an http(s) URL',
  ]);
  assert.deepEqual(await unsafeParts(page), []);
  expectNoProblems(page, [documentNotFound(site.server.url)]);
});

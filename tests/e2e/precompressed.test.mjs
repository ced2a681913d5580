// A host that serves the build's precompressed copies (nginx with brotli_static and gzip_static,
// Caddy's precompressed) and compresses nothing itself: the module, its JavaScript and the styles
// arrive as their brotli copies, and with `--precompress all` the pages and data too.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { appReady, expectNoProblems, mainHeading, openPage } from './support/browser.mjs';
import { VITA_RENDER, demoData, removeCopy, siteCopy, startSite } from './support/site.mjs';

let root;
let site;
before(async () => {
  root = await siteCopy();
  site = await startSite({ root, precompressed: true });
});
after(async () => {
  await site?.close();
  if (root) await removeCopy(root);
});

/** How each path the server answered was encoded, from the requests since `from`. */
const encodings = (from) => Object.fromEntries(site.server.requests.slice(from).map((request) => [request.path, request.encoding]));

/** Opens `route` cold and waits for the app to take the page over. */
async function open(t, route) {
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  await page.goto(site.server.url + route);
  await mainHeading(page);
  await appReady(page);
  return page;
}

test('the module, its JavaScript and the styles are served from their brotli copies', async (t) => {
  const from = site.server.requests.length;
  const page = await open(t, '');
  assert.equal(await mainHeading(page), demoData().site.title);
  const served = encodings(from);
  const app = Object.entries(served).filter(([path]) => /\.(wasm|js|css)$/.test(path));
  assert.ok(app.some(([path]) => path.endsWith('.wasm')), Object.keys(served).join(' '));
  for (const [path, encoding] of app) assert.equal(encoding, 'br', path);
  assert.equal(served['/'], 'identity', 'pages have no copies by default');
  expectNoProblems(page);
});

test('with every file precompressed, pages and data arrive compressed and the app reads them', async (t) => {
  await promisify(execFile)(VITA_RENDER, ['--precompress', 'all', root]);
  const from = site.server.requests.length;
  const page = await open(t, 'papers/');
  await page.locator('main .paper-list article').first().waitFor();
  const served = encodings(from);
  assert.equal(served['/papers/'], 'br');
  assert.equal(served['/data/site.json'], 'br');
  expectNoProblems(page);
});

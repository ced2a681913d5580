// What a reader sees before the app is ready: the page as it was built while files arrive, and a
// clear message, never a blank or broken page, when the app cannot start.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { appReady, expectNoProblems, openPage } from './support/browser.mjs';
import { DIST, demoData, startSite } from './support/site.mjs';

test('the page shows in full while the data file is on its way, then the app takes it over', async (t) => {
  const site = await startSite({ delays: { 'data/site.json': 1500 } });
  t.after(() => site.close());
  const page = await openPage(site.browser);
  await page.goto(site.server.url, { waitUntil: 'commit' });
  const title = demoData().site.title;
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  assert.equal(await page.getByText('Loading').count(), 0, 'no loading notice: the page is there');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('vita:takeover').length), 0, 'before the data arrives');
  await appReady(page);
  assert.equal(await page.getByRole('heading', { level: 1, name: title }).count(), 1, 'the page once, not twice');
  expectNoProblems(page);
});

test('a wasm module that fails to start is reported on the page and as an error', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'vita-corrupt-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  await cp(DIST, root, { recursive: true });
  const wasm = (await readdir(root)).find((name) => name.endsWith('.wasm'));
  await writeFile(join(root, wasm), 'this is not WebAssembly');
  const site = await startSite({ root });
  t.after(() => site.close());
  const page = await openPage(site.browser);
  await page.goto(site.server.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /This site could not start its interactive features: .*The page can still be read/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), demoData().site.title, 'the page is still there');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('js')), false, 'and shown as without scripts');
  assert.ok(page.problems.length > 0, 'the failure reaches the console, where the suite checks for errors');
  assert.throws(() => expectNoProblems(page), /the page reported problems/);
});

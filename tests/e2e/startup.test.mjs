// What a reader sees before the app is ready: a loading notice while files arrive, and a clear
// message, never a blank page, when the app cannot start.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectNoProblems, openPage } from './support/browser.mjs';
import { DIST, demoData, startSite } from './support/site.mjs';

test('a loading notice shows while the data file is on its way', async (t) => {
  const site = await startSite({ delays: { 'data/site.json': 1500 } });
  t.after(() => site.close());
  const page = await openPage(site.browser);
  await page.goto(site.server.url, { waitUntil: 'commit' });
  const status = page.getByRole('status');
  await status.waitFor();
  assert.match(await status.textContent(), /Loading/);
  await page.getByRole('heading', { level: 1, name: demoData().site.title }).waitFor();
  assert.equal(await page.getByRole('status').count(), 0, 'the notice is gone once the page shows');
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
  assert.match(await alert.textContent(), /This site could not start/);
  assert.ok(page.problems.length > 0, 'the failure reaches the console, where the suite checks for errors');
  assert.throws(() => expectNoProblems(page), /the page reported problems/);
});

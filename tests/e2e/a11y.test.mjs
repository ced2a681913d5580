// Accessibility and layout on every route: axe-core finds no serious or critical violation in
// either theme, nothing overflows a 360 px phone, and the README's screenshots are taken here.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appReady, mainHeading, openPage } from './support/browser.mjs';
import { ROOT, startSite } from './support/site.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** Screenshots land here; with VITA_UPDATE_SCREENSHOTS=1 the README's copies are replaced too. */
const SHOTS = join(ROOT, 'target/screenshots');
const README_SHOTS = join(ROOT, 'docs/screenshots');

const ROUTES = [
  '',
  'people/alex-infanger/',
  'people/alex-infanger/papers/',
  'people/alex-infanger/news/',
  'people/alex-infanger/cv/',
  'people/alex-infanger/talks/',
  'people/alex-infanger/teaching/',
  'people/mark-xu/activity/',
  'papers/',
  'papers/distillation-robustifies-unlearning/',
  'news/',
  'authors/',
  'authors/alex-mallen/',
  'authors/julian-michael/',
  'no/such/page',
];

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

let site;
before(async () => {
  site = await startSite();
  await mkdir(SHOTS, { recursive: true });
});
after(() => site?.close());

/** Runs axe-core on the page and returns its serious and critical violations, described. */
async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no serious or critical violation on any route, ${colorScheme} theme`, async (t) => {
    const page = await openPage(site.browser, { colorScheme });
    t.after(() => page.context().close());
    const found = [];
    for (const route of ROUTES) {
      await page.goto(site.server.url + route);
      await mainHeading(page);
      await appReady(page);
      // Open every toggle so that hidden content is checked too.
      await page.evaluate(() => document.querySelectorAll('main button[aria-expanded="false"]').forEach((toggle) => toggle.click()));
      found.push(...(await seriousViolations(page)).map((violation) => `/${route}: ${violation}`));
    }
    assert.deepEqual(found, []);
  });
}

test('the accessibility check catches a planted violation, so its silence means something', async (t) => {
  const page = await openPage(site.browser);
  t.after(() => page.context().close());
  await page.goto(site.server.url);
  await appReady(page);
  await page.evaluate(() => document.querySelector('main').append(Object.assign(document.createElement('img'), { src: 'x.png' })));
  const found = await seriousViolations(page);
  assert.ok(found.some((violation) => violation.startsWith('image-alt (critical)')), found.join('\n'));
});

test('no route overflows a 360 px wide phone screen', async (t) => {
  const page = await openPage(site.browser, { viewport: PHONE, isMobile: true, hasTouch: true });
  t.after(() => page.context().close());
  for (const route of ROUTES) {
    await page.goto(site.server.url + route);
    await appReady(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `/${route} is ${width} px wide`);
  }
});

const SCREENSHOTS = [
  { route: 'people/alex-infanger/', name: 'about', colorScheme: 'light', viewport: DESKTOP },
  { route: 'people/alex-infanger/', name: 'about', colorScheme: 'dark', viewport: DESKTOP },
  { route: 'authors/alex-mallen/', name: 'author-cluster', colorScheme: 'light', viewport: DESKTOP },
  { route: 'papers/', name: 'papers', colorScheme: 'dark', viewport: DESKTOP },
  { route: 'people/alex-infanger/cv/', name: 'cv', colorScheme: 'light', viewport: DESKTOP },
  { route: 'people/alex-infanger/', name: 'about', colorScheme: 'dark', viewport: PHONE },
  { route: 'people/mark-xu/activity/', name: 'activity', colorScheme: 'light', viewport: PHONE },
];

test('screenshots of real pages in both themes, at desktop and phone width', async (t) => {
  const update = process.env.VITA_UPDATE_SCREENSHOTS === '1';
  if (update) await mkdir(README_SHOTS, { recursive: true });
  for (const { route, name, colorScheme, viewport } of SCREENSHOTS) {
    const phone = viewport === PHONE;
    const page = await openPage(site.browser, { colorScheme, viewport, deviceScaleFactor: phone ? 2 : 1, isMobile: phone });
    t.after(() => page.context().close());
    await page.goto(site.server.url + route);
    await appReady(page);
    const file = `${name}-${colorScheme}-${phone ? 'phone' : 'desktop'}.png`;
    const image = await page.screenshot({ path: join(SHOTS, file) });
    assert.ok(image.length > 10_000, `${file} has content`);
    if (update) await page.screenshot({ path: join(README_SHOTS, file) });
  }
});

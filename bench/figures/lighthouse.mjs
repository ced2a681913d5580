// Lighthouse's mobile audit (its default: a mid-range phone, simulated slow 4G and a 4× slower
// CPU) of pages of the demo site, served as GitHub Pages serves them: files as they are, gzip,
// and 404.html with status 404 for unknown paths. Lighthouse is installed apart from the project's
// tools (bench/lighthouse), as only the benchmark needs it.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS } from '../../tests/e2e/support/browser.mjs';

const LIGHTHOUSE = fileURLToPath(new URL('../lighthouse/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The tests' Chromium flags, headless (Lighthouse launches Chromium itself). */
const FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

async function modules() {
  const require = createRequire(`${LIGHTHOUSE}package.json`);
  const { default: lighthouse } = await import(require.resolve('lighthouse'));
  const launcher = await import(require.resolve('chrome-launcher'));
  return { lighthouse, launcher };
}

/**
 * Audits each of `urls` once in a fresh Chromium: the four category scores (0 to 100) and the
 * metrics behind the performance score, by URL.
 */
export async function measureLighthouse({ urls }) {
  const { lighthouse, launcher } = await modules();
  const results = {};
  for (const url of urls) {
    const chrome = await launcher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      const score = (category) => Math.round(lhr.categories[category].score * 100);
      const metric = (audit) => lhr.audits[audit].numericValue;
      results[url] = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
      };
    } finally {
      await chrome.kill();
    }
  }
  return results;
}

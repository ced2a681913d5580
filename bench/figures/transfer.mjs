// What a first visit downloads: the files the demo home page requests, gzip -9 compressed as a
// static host would serve them; and the sizes of the wasm module.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { withColdPage } from '../lib/browser.mjs';

const CATEGORIES = { '.html': 'html', '.css': 'css', '.js': 'js', '.wasm': 'wasm', '.json': 'data' };

const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).length;

const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;

/** The file below `root` a request path is answered with (a folder answers with its index.html). */
function fileFor(root, path) {
  const file = join(root, decodeURIComponent(path));
  if (existsSync(file) && statSync(file).isDirectory()) return join(file, 'index.html');
  return existsSync(file) ? file : null;
}

/**
 * Loads the demo home page cold and sums the gzip -9 sizes of the files it requested, by kind.
 * The sizes come from the files at gzip -9, as a host with precompressed files would serve them.
 */
export async function measureTransfer({ browser, site, options }) {
  const paths = await withColdPage(browser, { timeout: options.timeout }, async ({ page }) => {
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(site.url, { waitUntil: 'networkidle' });
    await page.locator('main h1').waitFor();
    return [...new Set(requested)];
  });
  const files = paths.map((path) => {
    const file = fileFor(site.root, path);
    if (!file) throw new Error(`the home page requested ${path}, which the build does not have`);
    const bytes = readFileSync(file);
    return { path, category: CATEGORIES[extname(file)] ?? 'other', raw: bytes.length, gzip: gzipped(bytes) };
  });
  const byCategory = {};
  for (const file of files) byCategory[file.category] = (byCategory[file.category] ?? 0) + file.gzip;
  return { files, byCategory, gzip: files.reduce((sum, file) => sum + file.gzip, 0) };
}

/** Raw, gzip -9 and brotli (quality 11) sizes of the build's wasm module. */
export function wasmSizes(wasmFile) {
  const bytes = readFileSync(wasmFile);
  return { file: wasmFile, raw: bytes.length, gzip: gzipped(bytes), brotli: brotli(bytes) };
}

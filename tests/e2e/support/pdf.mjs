// Reading PDFs that Chromium printed: the text and size of each page (pdf.js in Node), and a page
// drawn as an image (pdf.js in the browser, whose canvas Node lacks).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** pdf.js for Node, loaded once; its import warns about the canvas it does without. */
let pdfjs;
async function loadPdfjs() {
  if (!pdfjs) {
    const { log, warn } = console;
    console.log = console.warn = () => {};
    try {
      pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      Object.assign(console, { log, warn });
    }
  }
  return pdfjs;
}

/**
 * The pages of a PDF: for each, its text (lines joined by newlines, white space inside a line
 * collapsed) and its size in points, `[width, height]`.
 */
export async function readPdf(bytes) {
  const { getDocument } = await loadPdfjs();
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => item.str + (item.hasEOL ? '\n' : ''))
      .join('')
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .join('\n');
    const [, , width, height] = page.view;
    pages.push({ text, size: [Math.round(width), Math.round(height)] });
  }
  await document.destroy();
  return pages;
}

/** Draws page `number` of a PDF at twice its size in a new page of `browser`, saved as `path`. */
export async function savePdfPage(browser, bytes, number, path) {
  const context = await browser.newContext({ viewport: { width: 1240, height: 1754 } });
  try {
    const page = await context.newPage();
    await page.route('http://pdf.test/**', async (route) => {
      const name = new URL(route.request().url()).pathname;
      if (name === '/') {
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><body style="margin:0"><canvas></canvas></body>' });
      }
      if (name === '/document.pdf') return route.fulfill({ contentType: 'application/pdf', body: Buffer.from(bytes) });
      return route.fulfill({ contentType: 'text/javascript', body: await readFile(join(PDFJS, name)) });
    });
    await page.goto('http://pdf.test/');
    await page.evaluate(async (number) => {
      const pdfjs = await import('/legacy/build/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = '/legacy/build/pdf.worker.mjs';
      const document = await pdfjs.getDocument('/document.pdf').promise;
      const pdfPage = await document.getPage(number);
      const viewport = pdfPage.getViewport({ scale: 2 });
      const canvas = window.document.querySelector('canvas');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      await pdfPage.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    }, number);
    await page.locator('canvas').screenshot({ path });
  } finally {
    await context.close();
  }
}

// A static file server that behaves like GitHub Pages, Netlify or S3 website hosting: files are
// served as they are, a directory serves its index.html (an address naming a directory without
// its final slash is first redirected to it, 301, as GitHub Pages and S3 do), and any unknown path
// gets the site's 404.html with status 404. Text is gzipped for clients that accept it. The site
// can be mounted under a subpath, as a project page is. With `precompressed`, it serves as nginx
// does with `brotli_static` and `gzip_static` and nothing else: a file's `.br` or `.gz` copy
// beside it when the client accepts that encoding, the file itself otherwise.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.bib': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** The file at `path`, a directory's `index.html`, or null; `directory` says which. */
async function fileAt(path) {
  try {
    const info = await stat(path);
    if (info.isFile()) return { file: path, directory: false };
    if (info.isDirectory()) {
      const index = join(path, 'index.html');
      if ((await stat(index)).isFile()) return { file: index, directory: true };
    }
  } catch {
    // missing: the caller answers 404
  }
  return null;
}

const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.wasm', '.svg', '.xml', '.txt', '.bib']);

/** Whether `request` accepts `encoding`. */
const accepts = (request, encoding) => new RegExp(`\\b${encoding}\\b`).test(request.headers['accept-encoding'] ?? '');

/**
 * Serves `root` at `http://127.0.0.1:<free port><mount>`. `delays` maps a path below the mount
 * (`data/site.json`) to milliseconds to wait before answering, to make a slow network;
 * `precompressed` serves the copies beside files instead of compressing. Returns
 * `{ origin, url, requests, close }`, each request with the encoding it was answered in;
 * `url` ends with the mount path.
 */
export async function startServer({ root, mount = '/', delays = {}, precompressed = false }) {
  const requests = [];
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://host').pathname);
    const record = { method: request.method, path: pathname };
    requests.push(record);
    const url = new URL(request.url, 'http://host');
    let status = 200;
    let found = null;
    if (pathname.startsWith(mount) || `${pathname}/` === mount) {
      const relative = normalize(pathname.slice(mount.length));
      if (delays[relative]) await new Promise((resolve) => setTimeout(resolve, delays[relative]));
      const candidate = join(root, relative);
      if (candidate === root || candidate.startsWith(root + sep)) found = await fileAt(candidate);
    }
    if (found?.directory && !url.pathname.endsWith('/')) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    if (!found) {
      status = 404;
      found = await fileAt(join(root, '404.html'));
    }
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let body = await readFile(found.file);
    const headers = {
      'content-type': CONTENT_TYPES[extname(found.file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    if (precompressed) {
      for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accepts(request, encoding)) continue;
        const copy = await readFile(found.file + suffix).catch(() => null);
        if (copy) {
          body = copy;
          headers['content-encoding'] = encoding;
          break;
        }
      }
    } else if (COMPRESSED.has(extname(found.file)) && accepts(request, 'gzip')) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    record.encoding = headers['content-encoding'] ?? 'identity';
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}${mount}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

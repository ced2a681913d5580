// The cost of the build step, natively: `vita-render` writing every page of a site (with the
// sitemap, robots.txt and the feeds) into a copy of the build, timed by GNU time for its wall
// time and peak memory, with the number and total size of the files it wrote, as it reports them.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Renders the site of `dataFolder` (a folder with its `site.json`) into a fresh copy of the build
 * `dist` at `work`, which is removed afterwards, with the disk flushed before and after; `skip`
 * lists kinds of pages left to the app (`['authors']`); `keep` keeps the site at `work`, to be
 * served. Returns the wall time in ms, the peak resident memory in bytes, the pages, files and
 * bytes written, and the files and bytes of the whole site.
 */
export async function measurePrerender({ renderer, dist, dataFolder, work, skip = [], keep = false }) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(dist, work, { recursive: true });
  // Writing hundreds of megabytes leaves the disk busy long after: each run starts with what
  // earlier ones (and the copy) wrote on disk, so that it is timed alone.
  await run('sync');
  try {
    const skipping = skip.length > 0 ? ['--skip', skip.join(',')] : [];
    const { stdout, stderr } = await run('/usr/bin/time', ['-f', 'vita-bench %e %M', renderer, ...skipping, '--data', dataFolder, work], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const timing = stderr.match(/vita-bench ([\d.]+) (\d+)/);
    const written = stdout.match(/wrote (\d+) pages, (\d+) files \(([\d.]+) MB\)/);
    const site = stdout.match(/the site has (\d+) files \(([\d.]+) MB\)/);
    if (!timing || !written || !site) throw new Error(`vita-render said:\n${stdout}\n${stderr}`);
    return {
      time: Number(timing[1]) * 1000,
      peakMemory: Number(timing[2]) * 1024,
      pages: Number(written[1]),
      files: Number(written[2]),
      bytes: Number(written[3]) * 1e6,
      siteFiles: Number(site[1]),
      siteBytes: Number(site[2]) * 1e6,
      hostWarnings: stdout.split('\n').filter((line) => line.startsWith('vita-render: warning:')),
    };
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
    await run('sync');
  }
}

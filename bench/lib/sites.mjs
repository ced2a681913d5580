// The folders the benchmark serves: copies of the build, each with its data file, the vanilla
// baseline page beside the app, and static snapshots of app pages.
import { copyFileSync, cpSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = fileURLToPath(new URL('../page/', import.meta.url));

/** The build's stylesheet links, so that baseline pages are styled exactly as the app is. */
function stylesheets(dist) {
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  const links = index.match(/<link rel="stylesheet"[^>]*>/g);
  if (!links) throw new Error(`${dist}/index.html links no stylesheet: is it a trunk build?`);
  return links.join('\n    ');
}

/** A hard link when the file system allows one: the 100k file is 150 MB. */
function linkOrCopy(from, to) {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Makes `root` a fresh copy of the build `dist` serving `data` (a site data file, or the build's
 * own demo data when absent), with the vanilla page at `vanilla.html`. Returns `root`.
 */
export function prepareSite({ dist, root, data }) {
  rmSync(root, { recursive: true, force: true });
  cpSync(dist, root, { recursive: true });
  if (data) {
    rmSync(join(root, 'data/site.json'));
    linkOrCopy(data, join(root, 'data/site.json'));
  }
  const vanilla = readFileSync(join(PAGES, 'vanilla.html'), 'utf8').replace('<!-- stylesheets -->', stylesheets(dist));
  writeFileSync(join(root, 'vanilla.html'), vanilla);
  copyFileSync(join(PAGES, 'vanilla.js'), join(root, 'vanilla.js'));
  return root;
}

/**
 * A data folder holding the generated data file of `size` papers as its `site.json`, as the
 * build step reads data (scripts/bench.sh generates the files). Returns the folder.
 */
export function dataFolder(options, size) {
  const folder = join(options.dataDir, `data-${size}-seed${options.seed}`);
  mkdirSync(folder, { recursive: true });
  linkOrCopy(`${options.dataDir}/site-${size}-seed${options.seed}.json`, join(folder, 'site.json'));
  return folder;
}

/** Writes `html` at `path` below `root`. */
export function writePage(root, path, html) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), html);
}

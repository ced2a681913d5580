// The browser benchmark: serves the build with generated data, measures the app and its
// baselines in cold headless Chromium pages, and prints one table (also written to
// <out>/results.md, with the raw per-run numbers in <out>/results.json).
//
// Run it through scripts/bench.sh, which builds the site and generates the data first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/e2e/support/server.mjs';
import { measureFirstPaint, staticSnapshot } from './figures/first-paint.mjs';
import { measureLighthouse } from './figures/lighthouse.mjs';
import { measureAppLoad, measureVanillaLoad } from './figures/load.mjs';
import { measurePrerender } from './figures/prerender.mjs';
import { measureReaders } from './figures/readers.mjs';
import { ROUTE_QUERY, measureRoute, measureRouteSearch, measureRouteTour } from './figures/routes.mjs';
import { measureAppScroll, measureVanillaScroll } from './figures/scroll.mjs';
import { QUERY, expectedMatches, measureAppSearch, measureNaiveSearch } from './figures/search.mjs';
import { measureTransfer, wasmSizes } from './figures/transfer.mjs';
import { launch } from './lib/browser.mjs';
import { dataFile, parseOptions } from './lib/options.mjs';
import { markdownTable, routeRows, tableRows } from './lib/report.mjs';
import { dataFolder, prepareSite, writePage } from './lib/sites.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** A person of the demo data, whose about page the first-paint figures load. */
const ABOUT = 'people/alex-infanger/';
/** The pages Lighthouse audits: an about page, the papers and an author cluster. */
const AUDITED = [ABOUT, 'papers/', 'authors/alex-mallen/'];
/** The build step, built by the release build (a trunk hook runs it). */
const RENDERER = join(ROOT, 'target/release/vita-render');
/** The data check, which times the bibliography readers; scripts/bench.sh builds it. */
const CHECKER = join(ROOT, 'target/release/vita-check');

const progress = (message) => process.stderr.write(`bench: ${message}\n`);

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const git = (...args) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();
  return {
    cpu: cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    // Other work on the machine slows every figure: worth knowing when comparing runs.
    loadAverage: loadavg()[0],
    node: process.version,
    commit: git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain') ? ' with uncommitted changes' : ''),
  };
}

/** The served folders: the demo site, and one copy of the build per data size. */
async function startSites(options, servers) {
  const serve = async (root) => {
    const server = await startServer({ root });
    servers.push(server);
    return { root, url: server.url };
  };
  const folder = (name) => join(resolve(options.dataDir), 'sites', name);
  const demo = await serve(prepareSite({ dist: options.dist, root: folder('demo') }));
  const bySize = {};
  for (const size of options.sizes) {
    const data = dataFile(options, size);
    if (!existsSync(data)) throw new Error(`${data} is missing: generate it with vita-gen (scripts/bench.sh does)`);
    bySize[size] = await serve(prepareSite({ dist: options.dist, root: folder(`papers-${size}`), data }));
  }
  return { demo, bySize };
}

/** The build step over the demo data and each generated size, `runs` times each. */
async function prerenderRuns(options, results) {
  const sites = [['demo', join(options.dist, 'data')], ...options.sizes.map((size) => [size, dataFolder(options, size)])];
  for (let number = 1; number <= options.runs; number += 1) {
    for (const [name, folder] of sites) {
      progress(`run ${number}/${options.runs}: build step, ${name === 'demo' ? 'demo' : `${name.toLocaleString('en')} papers`}`);
      const work = join(resolve(options.dataDir), 'sites', `prerender-${name}`);
      results.prerender[name].push(await measurePrerender({ renderer: RENDERER, dist: options.dist, dataFolder: folder, work }));
    }
  }
}

/**
 * The build step over the larger generated sizes, once each (a million papers take minutes and
 * gigabytes), with the author pages left to the app as a large index would build.
 */
async function scaleRuns(options, results) {
  for (const size of options.buildSizes) {
    // The same build as the per-route figures' at that size: measured once, there.
    if (options.routeSizes.includes(size)) continue;
    progress(`build step at scale, ${size.toLocaleString('en')} papers (author pages left to the app)`);
    const work = join(resolve(options.dataDir), 'sites', `prerender-scale-${size}`);
    results.buildAtScale[size] = [
      await measurePrerender({ renderer: RENDERER, dist: options.dist, dataFolder: dataFolder(options, size), work, skip: ['authors'] }),
    ];
  }
}

/** The routes each route figure opens, from the sharded layout of the site at `root`. */
function routeTargets(root) {
  const read = (file) => JSON.parse(readFileSync(join(root, 'data/index', file), 'utf8'));
  const manifest = read('manifest.json');
  const newest = read('list/0.json').map((entry) => entry.paper.id);
  const names = [];
  for (let page = 0; page < manifest.counts.names_pages; page += 1) names.push(...read(`names/${page}.json`));
  const prolific = names.sort((a, b) => b.papers - a.papers || a.key.localeCompare(b.key)).slice(0, 3);
  const papers = newest.slice(0, 3).map((id) => `papers/${encodeURIComponent(id)}/`);
  const authors = prolific.map((entry) => `authors/${encodeURIComponent(entry.key)}/`);
  return {
    paper: papers[0],
    author: authors[0],
    authorPapers: prolific[0].papers,
    tour: ['papers/', papers[0], authors[0], papers[1], authors[1], papers[2], authors[2], 'news/', '', 'papers/'],
  };
}

const routeFigures = () => ({ author: [], paper: [], papers: [], search: [], tour: [] });

/**
 * Builds each size of the per-route figures with the sharded layout, as a large index builds
 * (author pages left to the app), timed, and keeps it to be served; the build at scale of the
 * same size is this build.
 */
async function routeBuilds(options, results) {
  for (const size of options.routeSizes) {
    progress(`build step with the sharded layout, ${size.toLocaleString('en')} papers (author pages left to the app)`);
    const work = join(resolve(options.dataDir), 'sites', `routes-${size}`);
    const build = await measurePrerender({ renderer: RENDERER, dist: options.dist, dataFolder: dataFolder(options, size), work, skip: ['authors'], keep: true });
    if (options.buildSizes.includes(size)) results.buildAtScale[size] = [build];
    results.routes[size] = { build, targets: routeTargets(work), sharded: routeFigures(), single: options.sizes.includes(size) ? routeFigures() : null };
  }
}

/** One cold run of each route figure at each size: the sharded build, then the single data file. */
async function routeRuns(context, results, number) {
  const { browser, options, sites } = context;
  for (const size of options.routeSizes) {
    const figures = results.routes[size];
    const served = [['sharded', sites.routes[size]], ['single', figures.single && sites.bySize[size]]];
    for (const [kind, site] of served) {
      if (!site) continue;
      progress(`run ${number}/${options.runs}: routes, ${size.toLocaleString('en')} papers, ${kind === 'sharded' ? 'sharded layout' : 'single data file'}`);
      const into = figures[kind];
      into.author.push(await measureRoute({ browser, site, route: figures.targets.author, options }));
      into.paper.push(await measureRoute({ browser, site, route: figures.targets.paper, options }));
      into.papers.push(await measureRoute({ browser, site, route: 'papers/', options }));
      into.search.push(await measureRouteSearch({ browser, site, options }));
      into.tour.push(await measureRouteTour({ browser, site, routes: figures.targets.tour, options }));
    }
  }
}

/** Lighthouse's mobile audit of the demo's audited pages, `runs` times each. */
async function lighthouseRuns(options, results, demo) {
  for (let number = 1; number <= options.runs; number += 1) {
    progress(`run ${number}/${options.runs}: Lighthouse`);
    const audits = await measureLighthouse({ urls: AUDITED.map((route) => demo.url + route) });
    for (const route of AUDITED) results.lighthouse[route].push(audits[demo.url + route]);
  }
}

/** One cold run of every figure, each app page next to its baseline so that drift hits both. */
async function run(context, results, number) {
  const { browser, options, sites, smallest, expected } = context;
  const step = (name) => progress(`run ${number}/${options.runs}: ${name}`);
  step('first paint');
  results.firstPaint.app.push(await measureFirstPaint({ browser, url: `${sites.demo.url}${ABOUT}`, options }));
  results.firstPaint.static.push(await measureFirstPaint({ browser, url: context.staticUrl, options }));
  for (const size of options.sizes) {
    step(`load ${size.toLocaleString('en')} papers`);
    const site = sites.bySize[size];
    results.load[size].app.push(await measureAppLoad({ browser, site, options }));
    results.load[size].vanilla.push(await measureVanillaLoad({ browser, site, options }));
  }
  step(`scroll ${smallest.toLocaleString('en')} papers`);
  const site = sites.bySize[smallest];
  results.scroll.app.push(await measureAppScroll({ browser, site, size: smallest, options }));
  results.scroll.vanilla.push(await measureVanillaScroll({ browser, site, options }));
  step(`search ${smallest.toLocaleString('en')} papers`);
  results.search.app.push(await measureAppSearch({ browser, site, expected, options }));
  results.search.naive.push(await measureNaiveSearch({ browser, site, expected, options }));
}

async function measure(options) {
  const smallest = Math.min(...options.sizes);
  const wasm = readdirSync(options.dist).find((name) => name.endsWith('.wasm'));
  if (!wasm) throw new Error(`${options.dist} has no .wasm file: is it a trunk build?`);
  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    options: { runs: options.runs, throttle: options.throttle, sizes: options.sizes, buildSizes: options.buildSizes, routeSizes: options.routeSizes, only: options.only, seed: options.seed, query: QUERY },
    wasm: wasmSizes(join(options.dist, wasm)),
    expectedMatches: expectedMatches(dataFile(options, smallest)),
    firstPaint: { app: [], static: [] },
    load: Object.fromEntries(options.sizes.map((size) => [size, { app: [], vanilla: [] }])),
    scroll: { app: [], vanilla: [] },
    search: { app: [], naive: [] },
    prerender: Object.fromEntries(['demo', ...options.sizes].map((name) => [name, []])),
    buildAtScale: {},
    routes: {},
    lighthouse: Object.fromEntries(AUDITED.map((route) => [route, []])),
    readers: {},
  };
  const servers = [];
  let browser;
  const all = options.only === null;
  try {
    if (all) {
      await prerenderRuns(options, results);
      await scaleRuns(options, results);
      for (const size of options.sizes) {
        progress(`bibliography readers, ${size.toLocaleString('en')} papers`);
        const work = join(resolve(options.dataDir), 'readers');
        results.readers[size] = await measureReaders({ checker: CHECKER, fixtures: join(ROOT, 'tests/fixtures/sources'), work, papers: size });
      }
    }
    await routeBuilds(options, results);
    const sites = await startSites(options, servers);
    sites.routes = {};
    for (const size of options.routeSizes) {
      const root = join(resolve(options.dataDir), 'sites', `routes-${size}`);
      const server = await startServer({ root });
      servers.push(server);
      sites.routes[size] = { root, url: server.url };
    }
    browser = await launch();
    results.machine.chromium = browser.version();
    const context = { browser, options, sites, smallest, expected: results.expectedMatches, staticUrl: `${sites.demo.url}static/about.html` };
    if (all) {
      progress('first-load transfer');
      results.transfer = await measureTransfer({ browser, site: sites.demo, options });
      progress('static snapshot of the about page');
      writePage(sites.demo.root, 'static/about.html', await staticSnapshot({ browser, url: `${sites.demo.url}${ABOUT}`, options }));
      for (let number = 1; number <= options.runs; number += 1) await run(context, results, number);
      await lighthouseRuns(options, results, sites.demo);
    }
    for (let number = 1; number <= options.runs; number += 1) await routeRuns(context, results, number);
  } finally {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
  }
  return results;
}

function document(results, table, seconds, { title = 'Vita browser benchmark', about = '', raw = 'results.json' } = {}) {
  const { machine: host, options } = results;
  const throttling = options.throttle === 1 ? 'no CPU throttling' : `CPU throttled ${options.throttle}×`;
  return `# ${title}
${about}
${results.date.slice(0, 10)}, commit ${host.commit}. ${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB,
load average ${host.loadAverage.toFixed(1)} at the start; Chromium ${host.chromium} headless; Node ${host.node}.
${options.runs} cold run${options.runs === 1 ? '' : 's'} per figure, ${throttling}, data generated by \`vita-gen\` with seed ${options.seed}.
The benchmark took ${Math.round(seconds)} s. Raw per-run numbers: \`${raw}\`. Produced by
\`scripts/bench.sh\`; \`bench/figures/*.mjs\` say how each figure is measured.

${table}
`;
}

async function main() {
  const started = Date.now();
  const options = parseOptions(process.argv.slice(2));
  const results = await measure(options);
  mkdirSync(options.out, { recursive: true });
  const seconds = (Date.now() - started) / 1000;
  results.seconds = seconds;
  if (options.only === null) {
    const table = markdownTable(tableRows(results, { sizes: options.sizes, query: QUERY, audited: AUDITED }));
    console.log(table);
    writeFileSync(join(options.out, 'results.md'), document(results, table, seconds));
    writeFileSync(join(options.out, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
    progress(`wrote ${join(options.out, 'results.md')} and results.json`);
  }
  if (options.routeSizes.length > 0) {
    const routes = markdownTable(routeRows(results, ROUTE_QUERY));
    console.log(routes);
    const about = `
Each route of a generated index opened cold, on the build with the sharded layout (\`data/index/\`,
author pages left to the app) against the same data read from the single data file (baseline
columns; absent where that file is too large to load). Data fetched is the gzip -9 size of every
data file the page requested. Produced by \`scripts/bench.sh\` (\`--only routes\` runs these
alone); \`bench/figures/routes.mjs\` says how each figure is measured.
`;
    writeFileSync(join(options.out, 'routes.md'), document(results, routes, seconds, { title: 'Vita index-scale benchmark: per-route figures', about, raw: 'routes.json' }));
    writeFileSync(join(options.out, 'routes.json'), `${JSON.stringify({ date: results.date, machine: results.machine, options: results.options, routes: results.routes }, null, 1)}\n`);
    progress(`wrote ${join(options.out, 'routes.md')} and routes.json`);
  }
}

main().catch((error) => {
  progress(`error: ${error.message}`);
  process.exitCode = 1;
});

// The benchmark's one table, as Markdown, from the raw per-run results.
import { median, min } from './stats.mjs';

/** al-folio's demo page weight, a published figure: the baseline of the first-load transfer. */
export const AL_FOLIO_BYTES = 909 * 1024;

const ms = (value) => (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en')) + ' ms';
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const count = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const percent = (value) => `${value.toFixed(1)} %`;
const times = (ratio) => `${ratio.toFixed(2)}×`;

/**
 * One row: the app's median and min over runs of `pick` (a function of one run's result), the
 * baseline's median, their ratio, the budget and whether it is met (`check` of the app median
 * and the ratio; none for figures that are only reported).
 */
function row({ figure, app, baseline, pick, basePick = pick, unit, budget = 'report', check }) {
  const values = app.map(pick);
  const appMedian = median(values);
  const baseMedian = baseline ? median(baseline.map(basePick)) : null;
  const ratio = baseMedian ? appMedian / baseMedian : null;
  const verdict = check ? (check(appMedian, ratio) ? 'pass' : '**FAIL**') : '—';
  return {
    figure,
    cells: [unit(appMedian), unit(min(values)), baseMedian === null ? '—' : unit(baseMedian), ratio === null ? '—' : times(ratio), budget, verdict],
  };
}

function transferRows({ transfer }) {
  const categories = Object.entries(transfer.byCategory)
    .map(([category, bytes]) => `${category} ${kb(bytes)}`)
    .join(', ');
  return [
    row({
      figure: `First-load transfer, gzip -9, demo home page (${categories})`,
      app: [transfer],
      baseline: [{ gzip: AL_FOLIO_BYTES }],
      pick: (result) => result.gzip,
      unit: kb,
      budget: '≤ 200 KB (≤ 0.22× al-folio, 909 KiB)',
      check: (bytes) => bytes <= 200_000,
    }),
  ];
}

function firstPaintRows({ firstPaint }) {
  const common = { app: firstPaint.app, baseline: firstPaint.static, unit: ms, budget: '≤ 1.2× static page', check: (_, ratio) => ratio <= 1.2 };
  return [
    row({ figure: 'First contentful paint, /people/alex-infanger/', pick: (run) => run.fcp, ...common }),
    row({ figure: 'About heading visible (main h1 painted), /people/alex-infanger/', pick: (run) => run.heading, ...common }),
  ];
}

const seconds = (value) => `${(value / 1000).toFixed(2)} s`;

function prerenderRows({ prerender }) {
  return Object.entries(prerender).flatMap(([name, runs]) => {
    const site = name === 'demo' ? 'the demo' : `${Number(name).toLocaleString('en')} papers`;
    const budget = name === '10000' ? { budget: '≤ 10 s', check: (value) => value <= 10_000 } : {};
    return [
      row({ figure: `Build step (vita-render, native, every page and site file), ${site}: time`, app: runs, pick: (run) => run.time, unit: seconds, ...budget }),
      row({ figure: `↳ peak memory, ${site}`, app: runs, pick: (run) => run.peakMemory, unit: mb }),
      row({ figure: `↳ pages written, ${site}`, app: runs, pick: (run) => run.pages, unit: count }),
      row({ figure: `↳ files written and their size, ${site}`, app: runs, pick: (run) => run.bytes, unit: (bytes) => `${runs[0].files} files, ${mb(bytes)}` }),
    ];
  });
}

/** The build step of a large index, once per size: within 15 minutes and 8 GB on this machine. */
function scaleRows({ buildAtScale = {} }) {
  return Object.entries(buildAtScale).flatMap(([size, runs]) => {
    const site = `${Number(size).toLocaleString('en')} papers, author pages left to the app`;
    return [
      row({ figure: `Build step at scale (vita-render --skip authors), ${site}: time`, app: runs, pick: (run) => run.time, unit: seconds, budget: '≤ 15 min', check: (value) => value <= 15 * 60_000 }),
      row({ figure: `↳ peak memory, ${site}`, app: runs, pick: (run) => run.peakMemory, unit: mb, budget: '≤ 8 GB', check: (value) => value <= 8e9 }),
      row({ figure: `↳ pages written, ${site}`, app: runs, pick: (run) => run.pages, unit: count }),
      row({ figure: `↳ the whole site, ${site}`, app: runs, pick: (run) => run.siteBytes, unit: (bytes) => `${runs[0].siteFiles.toLocaleString('en')} files, ${mb(bytes)}${runs[0].hostWarnings.length > 0 ? ` (${runs[0].hostWarnings.length} host limits passed)` : ''}` }),
    ];
  });
}

const rate = (value) => `${Math.round(value).toLocaleString('en')} papers/s`;

/** Each bibliography reader's speed, at each size. */
function readerRows({ readers = {} }) {
  return Object.entries(readers).flatMap(([size, byFormat]) =>
    Object.entries(byFormat).flatMap(([format, result]) => [
      row({
        figure: `Reader, ${format}, ${result.papers.toLocaleString('en')} papers (native, fixture repeated, best of 3 reads)`,
        app: [result],
        pick: (run) => run.perSecond,
        unit: rate,
      }),
      row({
        figure: `↳ read time and rate, ${format}, ${Number(size).toLocaleString('en')}`,
        app: [result],
        pick: (run) => run.time,
        unit: (time) => `${ms(time)}, ${result.megabytesPerSecond.toFixed(1)} MB/s`,
      }),
    ]),
  );
}

function lighthouseRows({ lighthouse }, audited) {
  const score = (value) => String(Math.round(value));
  return audited.flatMap((route) => {
    const runs = lighthouse[route];
    const categories = [
      ['performance', '≥ 98', (value) => value >= 98],
      ['accessibility', '100', (value) => value === 100],
      ['bestPractices', '100', (value) => value === 100],
      ['seo', '100', (value) => value === 100],
    ];
    return [
      ...categories.map(([category, budget, check], index) =>
        row({
          figure: `${index === 0 ? `Lighthouse mobile, /${route}: ` : '↳ '}${{ performance: 'performance', accessibility: 'accessibility', bestPractices: 'best practices', seo: 'SEO' }[category]}`,
          app: runs,
          pick: (run) => run[category],
          unit: score,
          budget,
          check,
        }),
      ),
      row({ figure: '↳ largest contentful paint (simulated)', app: runs, pick: (run) => run.lcp, unit: ms }),
      row({ figure: '↳ total blocking time (simulated)', app: runs, pick: (run) => run.tbt, unit: ms }),
      row({ figure: '↳ cumulative layout shift', app: runs, pick: (run) => run.cls, unit: (value) => value.toFixed(3) }),
    ];
  });
}

function loadRows(size, { app, vanilla }, smallest) {
  const papers = size.toLocaleString('en');
  const part = (figure, pick) => row({ figure: `↳ ${figure}, ${papers}`, app, pick, unit: ms });
  const rows = [
    row({
      figure: `Data fetch + parse + validate + index, ${papers} papers`,
      app,
      baseline: app,
      pick: (run) => run.load,
      basePick: (run) => run.baselineFetchParse,
      unit: ms,
      budget: '≤ 2× fetch + JSON.parse',
      check: (_, ratio) => ratio <= 2,
    }),
    part('fetch (to bytes)', (run) => run.fetch),
    part('parse (serde)', (run) => run.parse),
    part('validate + build site', (run) => run.validate),
    part('search indexes (in slices after the first screen, wall time)', (run) => run.index),
  ];
  const firstScreen = {
    figure: `Data ready → first screen painted, /papers, ${papers}`,
    app,
    baseline: vanilla,
    pick: (run) => run.firstScreen,
    unit: ms,
  };
  const longest = {
    figure: `↳ longest task in that window, ${papers}`,
    app,
    baseline: vanilla,
    pick: (run) => run.firstScreenLongestTask,
    unit: ms,
  };
  if (size === smallest) {
    rows.push(
      row({ ...firstScreen, budget: '≤ 200 ms and ≤ 1.0× vanilla', check: (value, ratio) => value <= 200 && ratio <= 1 }),
      row(longest),
      row({ figure: `JS heap + wasm memory after loading ${papers}`, app, baseline: vanilla, pick: (run) => run.memory, unit: mb, budget: '≤ 3× vanilla', check: (_, ratio) => ratio <= 3 }),
    );
  } else {
    rows.push(
      row(firstScreen),
      row({ ...longest, budget: '≤ 200 ms', check: (value) => value <= 200 }),
      row({ figure: `JS heap + wasm memory after loading ${papers}`, app, baseline: vanilla, pick: (run) => run.memory, unit: mb }),
    );
  }
  return rows;
}

function growthRow(results, smallest, largest) {
  const small = median(results.load[smallest].app.map((run) => run.firstScreen));
  return row({
    figure: `↳ growth of first screen, ${smallest.toLocaleString('en')} → ${largest.toLocaleString('en')}`,
    app: results.load[largest].app.map((run) => ({ growth: run.firstScreen / small })),
    pick: (run) => run.growth,
    unit: times,
  });
}

function scrollRows({ scroll }, size) {
  const papers = size.toLocaleString('en');
  const common = { app: scroll.app, baseline: scroll.vanilla };
  return [
    row({ figure: `Scroll through the ${papers} list, 3 screens a frame: dropped frames, % (vanilla: content-visibility)`, pick: (run) => run.droppedShare, unit: percent, ...common }),
    row({ figure: '↳ long tasks during the scroll', pick: (run) => run.longTasks, unit: count, ...common }),
    row({ figure: '↳ scroll duration, top to the last entry', pick: (run) => run.duration, unit: ms, ...common }),
  ];
}

function searchRows({ search }, size, query) {
  const papers = size.toLocaleString('en');
  const common = { app: search.app, baseline: search.naive, unit: ms };
  return [
    row({ figure: `Search "${query}", ${papers} papers: keystroke → list changed, median`, pick: (run) => run.median, budget: '≤ 2 ms, ≤ naive', check: (value, ratio) => value <= 2 && ratio <= 1, ...common }),
    row({ figure: '↳ keystroke → list changed, p95', pick: (run) => run.p95, budget: '≤ 10 ms', check: (value) => value <= 10, ...common }),
    row({ figure: '↳ keystroke → next frame painted, median', pick: (run) => run.paintMedian, ...common }),
    row({ figure: '↳ keystroke → next frame painted, p95', pick: (run) => run.paintP95, ...common }),
  ];
}

function wasmRows({ wasm }) {
  return ['raw', 'gzip', 'brotli'].map((kind) =>
    row({ figure: `wasm module, ${{ raw: 'raw', gzip: 'gzip -9', brotli: 'brotli 11' }[kind]}`, app: [wasm], pick: (sizes) => sizes[kind], unit: kb }),
  );
}

/** Every row of the table, in reading order. */
export function tableRows(results, { sizes, query, audited }) {
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  return [
    ...transferRows(results),
    ...firstPaintRows(results),
    ...lighthouseRows(results, audited),
    ...prerenderRows(results),
    ...scaleRows(results),
    ...readerRows(results),
    ...sizes.flatMap((size) => [
      ...loadRows(size, results.load[size], smallest),
      ...(size === largest && largest !== smallest ? [growthRow(results, smallest, largest)] : []),
    ]),
    ...scrollRows(results, smallest),
    ...searchRows(results, smallest, query),
    ...wasmRows(results),
  ];
}

/** The per-route figures of one size, sharded against the single data file where it loads. */
function routeSizeRows(size, { sharded, single, build, targets }, query) {
  const papers = size.toLocaleString('en');
  const kind = (figure) => `${figure}, ${papers} papers`;
  const rows = [];
  const add = (route, label, figures) => {
    for (const [index, { what, pick, unit, budget, check }] of figures.entries()) {
      rows.push(
        row({
          figure: index === 0 ? kind(`${label}: ${what}`) : `↳ ${what}`,
          app: sharded[route],
          baseline: single?.[route],
          pick,
          unit,
          ...(budget ? { budget, check } : {}),
        }),
      );
    }
  };
  const data = (limit) => ({ what: 'data fetched, gzip -9', pick: (run) => run.bytes, unit: (bytes) => kb(bytes), budget: `≤ ${limit} KB`, check: (bytes) => bytes <= limit * 1000 });
  const painted = (budget) => ({
    what: 'module start → content painted',
    pick: (run) => run.painted,
    unit: ms,
    ...(budget ? { budget: `≤ ${budget} ms`, check: (value) => value <= budget } : {}),
  });
  const longest = { what: 'longest task', pick: (run) => run.longestTask, unit: ms, budget: '≤ 50 ms', check: (value) => value <= 50 };
  add('author', `Author page (${targets.authorPapers.toLocaleString('en')} papers), cold deep link`, [data(150), painted(300), longest]);
  add('paper', 'Paper page, cold deep link', [data(30), painted(), longest]);
  add('papers', '/papers first screen, cold deep link', [data(100), painted(300), longest]);
  add('search', `Search "${query}" on /papers`, [
    data(300),
    { what: 'input → first results painted, cold', pick: (run) => run.coldResults, unit: ms, budget: '≤ 300 ms', check: (value) => value <= 300 },
    { what: 'input → results painted, warm (the same search again)', pick: (run) => run.warmResults, unit: ms },
    { what: 'keystroke → typed text painted', pick: (run) => run.keystroke, unit: ms, budget: '≤ 20 ms', check: (value) => value <= 20 },
    longest,
  ]);
  add('tour', 'Ten routes and five searches in one page', [
    { what: 'JS heap + wasm memory after', pick: (run) => run.memory, unit: mb, budget: '≤ 100 MB', check: (value) => value <= 100e6 },
    { ...longest, what: 'longest task from the module start' },
    { what: "longest task before it (the browser's first layout of the prerendered page)", pick: (run) => run.firstLayout, unit: ms },
  ]);
  rows.push(
    row({ figure: kind('Build step with the sharded layout (vita-render --skip authors): time'), app: [build], pick: (run) => run.time, unit: seconds, ...(size >= 1_000_000 ? { budget: '≤ 15 min', check: (value) => value <= 15 * 60_000 } : {}) }),
    row({ figure: '↳ peak memory', app: [build], pick: (run) => run.peakMemory, unit: mb, ...(size >= 1_000_000 ? { budget: '≤ 8 GB', check: (value) => value <= 8e9 } : {}) }),
    row({
      figure: '↳ the whole site',
      app: [build],
      pick: (run) => run.siteBytes,
      unit: (bytes) => `${build.siteFiles.toLocaleString('en')} files, ${mb(bytes)}${build.hostWarnings.length > 0 ? ` (${build.hostWarnings.length} host limits passed)` : ''}`,
    }),
  );
  return rows;
}

/** The growth of each per-route figure from the smallest size to the largest: at most 1.5×. */
function routeGrowthRows(routes) {
  const sizes = Object.keys(routes).map(Number).sort((a, b) => a - b);
  if (sizes.length < 2) return [];
  const [smallest, largest] = [sizes[0], sizes.at(-1)];
  const figures = [
    ['author', 'author page data', (run) => run.bytes],
    ['author', 'author page painted', (run) => run.painted],
    ['paper', 'paper page data', (run) => run.bytes],
    ['paper', 'paper page painted', (run) => run.painted],
    ['papers', '/papers data', (run) => run.bytes],
    ['papers', '/papers painted', (run) => run.painted],
    ['search', 'search data', (run) => run.bytes],
    ['search', 'search first results', (run) => run.coldResults],
    ['search', 'keystroke', (run) => run.keystroke],
    ['tour', 'memory after the tour', (run) => run.memory],
  ];
  return figures.map(([route, what, pick], index) => {
    const small = median(routes[smallest].sharded[route].map(pick));
    return row({
      figure: `${index === 0 ? `Growth, ${smallest.toLocaleString('en')} → ${largest.toLocaleString('en')} papers: ` : '↳ '}${what}`,
      app: routes[largest].sharded[route].map((run) => ({ growth: pick(run) / small })),
      pick: (run) => run.growth,
      unit: times,
      budget: '≤ 1.5×',
      check: (value) => value <= 1.5,
    });
  });
}

/** The rows of the per-route figures of a sharded index. */
export function routeRows({ routes }, query) {
  return [
    ...Object.entries(routes)
      .sort(([a], [b]) => Number(a) - Number(b))
      .flatMap(([size, figures]) => routeSizeRows(Number(size), figures, query)),
    ...routeGrowthRows(routes),
  ];
}

/** The rows as a Markdown table. */
export function markdownTable(rows) {
  const header = ['figure', 'app median', 'app min', 'baseline median', 'ratio', 'budget', 'result'];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map((row) => line([row.figure, ...row.cells]))].join('\n');
}

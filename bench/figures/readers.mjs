// How fast the bibliography readers are, natively. Each format's fixture (tests/fixtures/sources,
// written with the traps real exports have: BOMs, CRLF, wrapped abstracts, resolver-URL DOIs,
// entities, inverted-index abstracts, bad entries) is repeated until it holds about `papers`
// papers, listed in a site file of its own, and read by `vita-check --timings`, which reports the
// best of three reads of the file alone (no merging, no checks).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BOM = '\uFEFF';

/** The text between the first `open` and the end of the last `close`, and what is around it. */
function around(text, open, close) {
  const start = text.indexOf(open);
  const end = text.lastIndexOf(close) + close.length;
  return [text.slice(0, start), text.slice(start, end), text.slice(end)];
}

/** The title every copy of a record gets in front of its own, so that copies are distinct papers. */
const marked = (copy) => `Copy${copy} `;

/** `copies` copies of `text`, each changed by `copyOf(text, number)`. */
const copiesOf = (text, copies, copyOf) => Array.from({ length: copies }, (_, copy) => copyOf(text, copy)).join('\n');

/**
 * Each reader's fixture and how to repeat its records `copies` times in one valid file, each copy
 * with its own keys and titles (so that every copy is a paper of its own, as in a real file).
 */
export const FORMATS = [
  {
    name: 'BibTeX',
    file: 'papers.bib',
    repeat: (text, copies) =>
      copiesOf(text, copies, (bib, copy) =>
        bib.replace(/@(\w+)\{([^,\s]+),/g, `@$1{$2-${copy},`).replace(/title = \{/g, `title = {${marked(copy)}`),
      ),
  },
  {
    name: 'RIS',
    file: 'papers.ris',
    repeat: (text, copies) =>
      BOM +
      copiesOf(text.replace(BOM, ''), copies, (ris, copy) =>
        ris.replace(/^(TI|T1) {2}- /gm, `$1  - ${marked(copy)}`).replace(/^ID {2}- (.*?)(\r?)$/gm, `ID  - $1-${copy}$2`),
      ),
  },
  {
    name: 'CSL-JSON',
    file: 'papers.json',
    repeat: (text, copies) =>
      JSON.stringify(
        Array.from({ length: copies }, (_, copy) =>
          JSON.parse(text).map((item) => ({ ...item, id: `${item.id}-${copy}`, ...(item.title && { title: marked(copy) + item.title }) })),
        ).flat(),
      ),
  },
  {
    name: 'DBLP XML',
    file: 'dblp.xml',
    repeat: (text, copies) => {
      const [head, records, tail] = around(text, '<r>', '</r>');
      const copied = copiesOf(records, copies, (xml, copy) =>
        xml.replace(/ key="([^"]+)"/g, ` key="$1-${copy}"`).replace(/<title>/g, `<title>${marked(copy)}`),
      );
      return `${head}${copied}${tail}`;
    },
  },
  {
    name: 'OpenAlex',
    file: 'openalex.json',
    repeat: (text, copies) => {
      const works = JSON.parse(text);
      works.results = Array.from({ length: copies }, (_, copy) =>
        works.results.map((work) => ({ ...work, id: `${work.id}${copy}`, ...(work.title && { title: marked(copy) + work.title }) })),
      ).flat();
      return JSON.stringify(works);
    },
  },
];

/** Runs `vita-check --timings` on the site file in `folder`: the papers read, the best time and MB/s. */
async function timings(checker, folder) {
  // Exit status 1 (a fixture's planted errors) is expected: the figures are printed either way.
  const { stdout } = await run(checker, ['--timings', join(folder, 'site.json')], { maxBuffer: 256 * 1024 * 1024 }).catch(
    (error) => error,
  );
  const read = stdout?.match(/timings: .*: (\d+) papers read in ([\d.]+) ms \(\d+ papers\/s, ([\d.]+) MB\/s\)/);
  if (!read) throw new Error(`vita-check --timings said:\n${stdout}`);
  return { papers: Number(read[1]), time: Number(read[2]), megabytesPerSecond: Number(read[3]) };
}

/**
 * Measures every reader on about `papers` papers: writes the inputs under `work`, then returns,
 * by format name, the papers read, the best read time in ms, papers per second and MB/s.
 */
export async function measureReaders({ checker, fixtures, work, papers }) {
  const results = {};
  for (const format of FORMATS) {
    const folder = join(work, `${format.file}-${papers}`);
    mkdirSync(folder, { recursive: true });
    const fixture = readFileSync(join(fixtures, format.file), 'utf8');
    const site = JSON.stringify({ site: { title: 'Readers' }, bibliography: [format.file] });
    writeFileSync(join(folder, 'site.json'), site);
    writeFileSync(join(folder, format.file), fixture);
    const perCopy = (await timings(checker, folder)).papers;
    writeFileSync(join(folder, format.file), format.repeat(fixture, Math.ceil(papers / perCopy)));
    const measured = await timings(checker, folder);
    results[format.name] = { ...measured, perSecond: (measured.papers / measured.time) * 1000 };
  }
  return results;
}

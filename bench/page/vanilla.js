// The baseline the app is measured against: the same data file fetched, parsed and rendered the
// plainest way a browser allows, with template strings and innerHTML and no framework.
//
// Query parameters: `list=all` renders every paper at once (otherwise the first 30, as the app
// does); `cv=1` gives entries `content-visibility: auto`; `search=1` makes the search box work,
// with a naive substring scan.
(() => {
  const params = new URLSearchParams(location.search);
  const SHOWN = 30;
  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const list = document.querySelector('.paper-list');
  const count = document.querySelector('.result-count');
  const input = document.querySelector('input[type=search]');

  const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
  const authorName = (author) => (typeof author === 'string' ? author : author.name);

  /** The fields the app's list shows too: title, authors, venue, year, links. */
  function entry(paper) {
    const authors = paper.authors.map((author) => `<span class="author">${escape(authorName(author))}</span>`);
    const links = (paper.links ?? []).map(
      (link) =>
        `<li><a class="link-button link-${link.kind}" href="${escape(link.url)}" rel="noopener noreferrer">` +
        `<span class="link-kind">${escape(link.label ?? link.kind)}</span></a></li>`,
    );
    return (
      `<article class="paper"><h3 class="paper-title"><a href="papers/${escape(paper.id)}">${escape(paper.title)}</a></h3>` +
      `<p class="authors">${authors.join(', ')}</p>` +
      `<p class="paper-facts"><span class="paper-venue">${escape(paper.venue ?? '')}</span> · ${paper.date.slice(0, 4)}</p>` +
      (links.length ? `<ul class="link-buttons">${links.join('')}</ul>` : '') +
      `</article>`
    );
  }

  function show(papers, total) {
    count.textContent = `${papers.length} of ${total} papers`;
    list.innerHTML = papers.map(entry).join('');
  }

  /** Lower-cased searchable text of each paper: what the app's index covers. */
  function searchTexts(papers) {
    return papers.map((paper) =>
      [paper.title, ...paper.authors.map(authorName), paper.venue, paper.venue_short, ...(paper.tags ?? []), paper.date.slice(0, 4), paper.abstract]
        .filter(Boolean)
        .join(' ')
        .toLowerCase(),
    );
  }

  function enableSearch(papers) {
    const texts = searchTexts(papers);
    input.addEventListener('input', () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      const found = papers.filter((_, index) => words.every((word) => texts[index].includes(word)));
      count.textContent = `${found.length} of ${papers.length} papers`;
      list.innerHTML = found.slice(0, SHOWN).map(entry).join('');
    });
    performance.mark('vanilla:search-ready');
  }

  async function main() {
    const response = await fetch('data/site.json', { cache: 'no-store' });
    const data = JSON.parse(await response.text());
    // Newest first, as the app lists them (the app sorts before its data is "ready" too).
    const papers = data.papers.slice().sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    performance.mark('vanilla:parsed');
    list.classList.toggle('cv', params.get('cv') === '1');
    show(params.get('list') === 'all' ? papers : papers.slice(0, SHOWN), papers.length);
    performance.mark('vanilla:rendered');
    // Kept reachable, as the app keeps its data: the memory figure counts it.
    window.__papers = papers;
    if (params.get('search') === '1') enableSearch(papers);
  }

  main();
})();

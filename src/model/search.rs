//! Search as the reader types: which papers and site items match a query, and which parts of a
//! text to mark.
//!
//! Text is folded ([`fold`](super::fold): lower case, no accents) and split into words at every
//! character that is not a letter or digit after folding, so "n-gram" gives `n` and `gram` and
//! "O'Brien" gives `o` and `brien` (typing either half finds the name). A [`Query`] is split the
//! same way, and a document matches when every term of the query starts some word of it:
//! "dist rob" finds "Distillation Robustifies", "goncalo" finds "Gonçalo". Markdown fields are
//! reduced to their text first.
//!
//! The index stores each distinct word once, in one sorted string, with the ascending list of the
//! documents containing it. The words a term starts form one contiguous range of that vocabulary,
//! so a term costs one binary search plus setting a bit for each entry of the lists in its range;
//! the terms' bit sets are then intersected. Building reads the text once, looking each word up in
//! a hash table, then sorts the vocabulary and fills the lists by a counting sort. Markdown is
//! rendered to text only when a field holds markup that would change its words, since rendering
//! costs more than the rest of indexing. The index holds one `u32` per distinct word of each
//! document, except that a word found in over a 32nd of the documents keeps a bit per document
//! instead; plus the vocabulary.

use super::fast_hash::FastMap;
use super::fold::{fold, fold_char_into, is_combining_mark};
use super::markdown::to_plain_text;
use super::names::display_name;
use super::schema::{PaperKind, PaperStatus};
use super::site::{NewsEntry, Site};
use super::sort::sort_by;
use std::ops::Range;

/// What the reader typed, folded and split into terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Distinct terms, sorted: their order does not change what matches.
    terms: Vec<String>,
}

impl Query {
    /// Splits `text` into folded terms, as documents are split into words.
    pub fn parse(text: &str) -> Self {
        let mut terms = Vec::new();
        Tokenizer::default().words(text, |word, _| terms.push(word.to_string()));
        terms.sort_unstable();
        terms.dedup();
        Self { terms }
    }

    /// Whether the query has no terms; it then matches everything.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded terms, sorted, each once.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }
}

/// The byte ranges of `text` to mark for `query`: in every word whose folded form starts with a
/// term, the letters the longest such term matched (a letter folding to two, like `ß`, is marked
/// whole when the term ends inside it). Sorted, non-overlapping, on char boundaries.
pub fn highlight_ranges(text: &str, query: &Query) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    if query.is_empty() {
        return ranges;
    }
    let mut folded = String::new();
    Tokenizer::default().words(text, |word, span| {
        let Some(matched) = query
            .terms
            .iter()
            .filter(|term| word.starts_with(term.as_str()))
            .map(String::len)
            .max()
        else {
            return;
        };
        let end = span.start + original_len(&text[span.start..], matched, &mut folded);
        match ranges.last_mut() {
            // Words overlap only where one letter folds to letters around a separator.
            Some(last) if span.start <= last.end => last.end = last.end.max(end),
            _ => ranges.push(span.start..end),
        }
    });
    ranges
}

/// How many bytes of `text` fold to the first `folded_len` bytes of letters and digits, counting
/// the combining marks that follow the last letter as part of it.
fn original_len(text: &str, folded_len: usize, folded: &mut String) -> usize {
    let mut count = 0;
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        folded.clear();
        fold_char_into(c, folded);
        count += folded
            .chars()
            .filter(|f| f.is_alphanumeric())
            .map(char::len_utf8)
            .sum::<usize>();
        if count >= folded_len {
            let mut end = at + c.len_utf8();
            for (at, c) in chars.by_ref() {
                if !is_combining_mark(c) {
                    break;
                }
                end = at + c.len_utf8();
            }
            return end;
        }
    }
    text.len()
}

/// The papers index: their words for [`Query`] matching, and for the filters their tags, kinds
/// and statuses, kept together so that filtering many papers stays in cache.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PaperIndex {
    text: TextIndex,
    /// Each paper's kind and status.
    kinds: Vec<(PaperKind, PaperStatus)>,
    /// Every tag as written, ordered alphabetically ignoring case and accents.
    tags: Vec<String>,
    /// Where each paper's tag ids start in `paper_tags`, plus the end.
    tag_starts: Vec<u32>,
    /// Each paper's tags as ids into `tags`.
    paper_tags: Vec<u32>,
}

impl PaperIndex {
    /// Indexes every paper's title, author names, venue, short venue, tags, year and abstract.
    pub fn build(site: &Site) -> Self {
        let mut building = PaperIndexBuilder::default();
        building.add_papers(site, usize::MAX);
        building.finish()
    }

    /// The papers matching `query`, or `None` for an empty query, which matches them all.
    pub fn matches(&self, query: &Query) -> Option<BitSet> {
        self.text.matches(&query.terms)
    }

    /// The `candidates` (paper indices) matching `query`, in their order.
    pub fn matching(&self, query: &Query, candidates: &[usize]) -> Vec<usize> {
        match self.matches(query) {
            None => candidates.to_vec(),
            Some(set) => candidates
                .iter()
                .copied()
                .filter(|&paper| set.contains(paper))
                .collect(),
        }
    }

    /// Calls `each` with every indexed word, in order, and the papers (indices) it appears in,
    /// ascending: the postings a sharded index splits into files.
    pub fn for_each_word(&self, each: impl FnMut(&str, &mut dyn Iterator<Item = usize>)) {
        self.text.for_each_word(each);
    }

    /// Every tag of the papers, as written, ordered alphabetically ignoring case and accents.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// The id (position in [`tags`](Self::tags)) of a tag, compared as written.
    pub(crate) fn tag_id(&self, tag: &str) -> Option<u32> {
        let id = self.tags.iter().position(|known| known == tag)?;
        Some(id as u32)
    }

    /// The tags of the paper at `paper`, as ids, each once.
    pub(crate) fn tags_of(&self, paper: usize) -> &[u32] {
        match self.tag_starts.get(paper..paper + 2) {
            Some(&[start, end]) => &self.paper_tags[start as usize..end as usize],
            _ => &[],
        }
    }

    /// The kind and status (its default applied) of the paper at `paper`.
    pub(crate) fn kind_and_status(&self, paper: usize) -> (PaperKind, PaperStatus) {
        self.kinds[paper]
    }
}

/// A [`PaperIndex`] under construction, a few papers at a time, so that indexing a large site
/// never holds the page for long.
#[derive(Default)]
pub struct PaperIndexBuilder {
    builder: Builder,
    tag_ids: FastMap<String, u32>,
    tag_starts: Vec<u32>,
    paper_tags: Vec<u32>,
    kinds: Vec<(PaperKind, PaperStatus)>,
}

impl PaperIndexBuilder {
    /// Indexes up to `count` more papers of `site`; returns whether every paper is indexed.
    pub fn add_papers(&mut self, site: &Site, count: usize) -> bool {
        let start = self.kinds.len();
        let end = start.saturating_add(count).min(site.papers().len());
        if self.tag_starts.is_empty() {
            self.tag_starts.push(0);
        }
        for index in start..end {
            let paper = site.paper(index);
            self.kinds.push((paper.kind, site.paper_status(index)));
            paper_texts(site, index, |text, title| self.builder.add(text, !title));
            self.builder.end_document();
            for tag in &paper.tags {
                let id = match self.tag_ids.get(tag.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = self.tag_ids.len() as u32;
                        self.tag_ids.insert(tag.clone(), id);
                        id
                    }
                };
                if !self.paper_tags[self.tag_starts[index] as usize..].contains(&id) {
                    self.paper_tags.push(id);
                }
            }
            self.tag_starts.push(self.paper_tags.len() as u32);
        }
        end == site.papers().len()
    }

    /// The index of the papers added so far.
    pub fn finish(self) -> PaperIndex {
        let Self {
            builder,
            tag_ids,
            mut tag_starts,
            mut paper_tags,
            kinds,
        } = self;
        if tag_starts.is_empty() {
            tag_starts.push(0);
        }
        let mut tags: Vec<(String, &str)> = tag_ids
            .keys()
            .map(|tag| (fold(tag), tag.as_str()))
            .collect();
        tags.sort_unstable();
        let mut rank = vec![0; tags.len()];
        for (position, (_, tag)) in tags.iter().enumerate() {
            rank[tag_ids[*tag] as usize] = position as u32;
        }
        for id in &mut paper_tags {
            *id = rank[*id as usize];
        }
        PaperIndex {
            text: builder.finish(),
            kinds,
            tags: tags.into_iter().map(|(_, tag)| tag.to_string()).collect(),
            tag_starts,
            paper_tags,
        }
    }
}

/// Calls `each` with every searchable text of a paper and whether it names the paper (title,
/// authors, venue, tags, year: plain text) rather than describes it (the abstract, in Markdown).
fn paper_texts(site: &Site, index: usize, mut each: impl FnMut(&str, bool)) {
    let paper = site.paper(index);
    each(&paper.title, true);
    for author in &paper.authors {
        // Only LaTeX markup makes the displayed name's words differ from the written ones.
        if author.name.contains(['\\', '{', '}']) {
            each(&display_name(&author.name), true);
        } else {
            each(&author.name, true);
        }
    }
    for venue in [&paper.venue, &paper.venue_short].into_iter().flatten() {
        each(venue, true);
    }
    for tag in &paper.tags {
        each(tag, true);
    }
    each(&site.paper_date(index).year.to_string(), true);
    each(&paper.summary, false);
}

/// What a quick-search hit is; also the order of hits that rank the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    /// A person: `index` is into [`Site::people`].
    Person,
    /// A paper: `index` is into [`Site::papers`].
    Paper,
    /// A news item: `index` is its position in [`Site::news`] (newest first).
    News,
    /// A forum item: `index` is its position in [`Site::activity_of`] the hit's person.
    Activity,
}

/// One quick-search result, with what to show and what to link to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What the item is.
    pub kind: HitKind,
    /// Where the item is; see [`HitKind`].
    pub index: usize,
    /// The name or title to show, as plain text.
    pub title: String,
    /// A short line of context: an affiliation, "Conference paper · ICML 2025", a date.
    pub detail: String,
    /// The person the item belongs to: the person itself, or whose news or activity it is.
    pub person: Option<String>,
}

/// The site-wide quick-search index over people, papers, news and forum activity. Papers are
/// searched in their own [`PaperIndex`]; this one holds everything else, and the names and
/// titles of all, so that the texts of papers (abstracts above all) are indexed only once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SiteIndex {
    /// Names and titles only: matches there rank first.
    titles: TextIndex,
    /// Every indexed text, names and bodies, of all but papers (empty documents here).
    others: TextIndex,
    /// The document number of the first paper; papers follow one another.
    first_paper: usize,
    /// The hit of each document, in document order: people, papers, news, activity.
    hits: Vec<Hit>,
}

impl SiteIndex {
    /// Indexes people (name and aliases; affiliation, location and bio), papers (title, authors,
    /// venue, tags, year; abstract), news (text; details) and activity (title, the post commented
    /// on; body); the texts before each semicolon count as names or titles. Activity of anyone
    /// without a page of their own is left out, having nowhere to link to.
    pub fn build(site: &Site) -> Self {
        let mut building = SiteIndexBuilder::default();
        building.add(site, usize::MAX);
        building.finish()
    }

    /// The index of `site` with only the papers at `papers` (indices, in the order to rank
    /// them in), found by a search elsewhere: a sharded site's search shards.
    pub fn build_among(site: &Site, papers: Vec<usize>) -> Self {
        let mut building = SiteIndexBuilder {
            among: Some(papers),
            ..SiteIndexBuilder::default()
        };
        building.add(site, usize::MAX);
        building.finish()
    }

    /// The best `limit` hits for `query`, none for an empty one, with `papers` the index of the
    /// same site's papers. Every term must start a word of the item; items whose names or
    /// titles hold more of the terms come first, then people, papers, news and activity, each in
    /// site order.
    pub fn search(&self, papers: &PaperIndex, query: &Query, limit: usize) -> Vec<Hit> {
        let Some(mut found) = self.others.matches(&query.terms) else {
            return Vec::new();
        };
        for paper in papers.matches(query).iter().flat_map(BitSet::iter) {
            found.insert((self.first_paper + paper) as u32);
        }
        self.ranked(found, query, limit)
    }

    /// Calls `each` with every word of the index (those a query's terms must start), in order,
    /// and the hits of the items holding it, in site order.
    pub fn for_each_word(&self, mut each: impl FnMut(&str, &mut dyn Iterator<Item = &Hit>)) {
        self.others.for_each_word(|word, documents| {
            each(word, &mut documents.map(|document| &self.hits[document]))
        });
    }

    /// The best `limit` hits for `query` in an index [built among](Self::build_among) papers
    /// that match it, ranked as [`search`](Self::search) ranks them.
    pub fn search_among(&self, query: &Query, limit: usize) -> Vec<Hit> {
        let Some(mut found) = self.others.matches(&query.terms) else {
            return Vec::new();
        };
        let papers = self.hits.iter().filter(|hit| hit.kind == HitKind::Paper);
        for paper in 0..papers.count() {
            found.insert((self.first_paper + paper) as u32);
        }
        self.ranked(found, query, limit)
    }

    /// The hits of the documents `found`, those whose names or titles hold more of the terms of
    /// `query` first, then in document order.
    fn ranked(&self, found: BitSet, query: &Query, limit: usize) -> Vec<Hit> {
        if found.count() == 0 {
            return Vec::new();
        }
        let in_titles: Vec<BitSet> = query
            .terms
            .iter()
            .map(|term| self.titles.term_set(term))
            .collect();
        let mut by_score = vec![Vec::new(); in_titles.len() + 1];
        for document in found.iter() {
            let score = in_titles
                .iter()
                .filter(|set| set.contains(document))
                .count();
            by_score[score].push(document);
        }
        by_score
            .iter()
            .rev()
            .flatten()
            .take(limit)
            .map(|&document| self.hits[document].clone())
            .collect()
    }
}

/// A [`SiteIndex`] under construction, a few papers at a time (people before them, news and
/// activity after), so that indexing a large site never holds the page for long.
#[derive(Default)]
pub struct SiteIndexBuilder {
    /// The papers to index, by index, when not all of them ([`SiteIndex::build_among`]).
    among: Option<Vec<usize>>,
    tiers: Tiers,
    hits: Vec<Hit>,
    first_paper: Option<usize>,
    next_paper: usize,
    done: bool,
}

impl SiteIndexBuilder {
    /// Indexes up to `count` more papers of `site`, and the rest of the site at the start and
    /// the end; returns whether everything is indexed.
    pub fn add(&mut self, site: &Site, count: usize) -> bool {
        if self.done {
            return true;
        }
        let Self {
            tiers, hits, among, ..
        } = self;
        if self.first_paper.is_none() {
            for (position, person) in site.people().iter().enumerate() {
                tiers.add(&person.name, true);
                for alias in &person.aliases {
                    tiers.add(alias, true);
                }
                for text in [&person.affiliation, &person.location]
                    .into_iter()
                    .flatten()
                {
                    tiers.add(text, false);
                }
                tiers.add(&person.bio, false);
                tiers.end_document();
                hits.push(Hit {
                    kind: HitKind::Person,
                    index: position,
                    title: person.name.clone(),
                    detail: person.affiliation.clone().unwrap_or_default(),
                    person: Some(person.id.clone()),
                });
            }
            self.first_paper = Some(hits.len());
        }
        let papers = among.as_ref().map_or(site.papers().len(), Vec::len);
        let start = self.next_paper;
        let end = start.saturating_add(count).min(papers);
        for place in start..end {
            let position = among.as_ref().map_or(place, |among| among[place]);
            let paper = site.paper(position);
            paper_texts(site, position, |text, title| {
                if title {
                    tiers.titles.add(text, false);
                }
            });
            tiers.end_document();
            let year = site.paper_date(position).year.to_string();
            hits.push(Hit {
                kind: HitKind::Paper,
                index: position,
                title: paper.title.clone(),
                detail: format!(
                    "{} · {}",
                    paper.kind.label(),
                    paper.venue.as_deref().unwrap_or(&year)
                ),
                person: None,
            });
        }
        self.next_paper = end;
        if end < papers {
            return false;
        }
        for (position, NewsEntry { item, date, .. }) in site.news().enumerate() {
            let text = to_plain_text(&item.text);
            tiers.add(&text, true);
            tiers.add(item.details.as_deref().unwrap_or_default(), false);
            tiers.end_document();
            hits.push(Hit {
                kind: HitKind::News,
                index: position,
                title: text,
                detail: format!("News · {date}"),
                person: site.person_of(item.person.as_deref()).map(str::to_string),
            });
        }
        for person in site.people() {
            for (position, (item, date)) in site.activity_of(&person.id).into_iter().enumerate() {
                for text in [&item.title, &item.on].into_iter().flatten() {
                    tiers.add(text, true);
                }
                tiers.add(&item.body, false);
                tiers.end_document();
                let title = match (&item.title, &item.on) {
                    (Some(title), _) => title.clone(),
                    (None, Some(on)) => format!("On “{on}”"),
                    (None, None) => shortened(&to_plain_text(&item.body)),
                };
                hits.push(Hit {
                    kind: HitKind::Activity,
                    index: position,
                    title,
                    detail: match date {
                        Some(date) => format!("{} · {date}", item.kind.label()),
                        None => item.kind.label().to_string(),
                    },
                    person: Some(person.id.clone()),
                });
            }
        }
        self.done = true;
        true
    }

    /// The index of what was added so far.
    pub fn finish(self) -> SiteIndex {
        SiteIndex {
            titles: self.tiers.titles.finish(),
            others: self.tiers.all.finish(),
            first_paper: self.first_paper.unwrap_or_default(),
            hits: self.hits,
        }
    }
}

/// The two indexes of the quick search, built side by side.
#[derive(Default)]
struct Tiers {
    titles: Builder,
    all: Builder,
}

impl Tiers {
    /// Adds `text` to the current document: plain text among its names and titles when `title`,
    /// else Markdown.
    fn add(&mut self, text: &str, title: bool) {
        if title {
            self.titles.add(text, false);
        }
        self.all.add(text, !title);
    }

    fn end_document(&mut self) {
        self.titles.end_document();
        self.all.end_document();
    }
}

/// The first words of a body, to stand for an item without a title.
fn shortened(text: &str) -> String {
    const LIMIT: usize = 80;
    match text.char_indices().nth(LIMIT) {
        None => text.to_string(),
        Some((cut, _)) => {
            let cut = text[..cut].rfind(' ').unwrap_or(cut);
            format!("{}…", text[..cut].trim_end())
        }
    }
}

/// A set of document numbers below a fixed bound, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    fn empty(len: usize) -> Self {
        Self {
            words: vec![0; len.div_ceil(64)],
        }
    }

    fn insert(&mut self, index: u32) {
        self.words[index as usize / 64] |= 1 << (index % 64);
    }

    /// Whether `index` is in the set.
    pub fn contains(&self, index: usize) -> bool {
        self.words
            .get(index / 64)
            .is_some_and(|word| word >> (index % 64) & 1 == 1)
    }

    /// How many indices the set holds.
    pub fn count(&self) -> usize {
        self.words
            .iter()
            .map(|word| word.count_ones() as usize)
            .sum()
    }

    /// The indices in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(at, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                let bit = rest.trailing_zeros();
                (rest != 0).then(|| {
                    rest &= rest - 1;
                    at * 64 + bit as usize
                })
            })
        })
    }
}

/// An inverted index from folded words to the documents (numbered from 0) containing them.
#[derive(Debug, Clone, Default, PartialEq)]
struct TextIndex {
    /// Every distinct word, sorted, concatenated.
    vocabulary: String,
    /// Where each word starts in `vocabulary`, plus the end.
    word_starts: Vec<u32>,
    /// Where each word's documents start in `postings`, plus the end.
    posting_starts: Vec<u32>,
    /// Document numbers, ascending within each word.
    postings: Vec<u32>,
    /// For each word, 0, or 1 + the number of the bit set in `bitmaps` holding its documents in
    /// place of a list: a word in over a 32nd of the documents takes less room as bits, and
    /// joining such sets word by word is faster too.
    bitmap_of: Vec<u32>,
    /// Document sets, one after another, each the size of a [`BitSet`] of all documents.
    bitmaps: Vec<u64>,
    /// How many documents there are.
    documents: usize,
}

impl TextIndex {
    fn word(&self, index: usize) -> &str {
        &self.vocabulary[self.word_starts[index] as usize..self.word_starts[index + 1] as usize]
    }

    /// The documents with a word starting with `term`.
    fn term_set(&self, term: &str) -> BitSet {
        let mut set = BitSet::empty(self.documents);
        let words = self.word_starts.len().saturating_sub(1);
        let first = partition_point(0, words, |index| self.word(index) < term);
        let end = partition_point(first, words, |index| self.word(index).starts_with(term));
        let stride = set.words.len();
        for word in first..end {
            match self.bitmap_of[word] as usize {
                0 => {
                    let list =
                        self.posting_starts[word] as usize..self.posting_starts[word + 1] as usize;
                    for &document in &self.postings[list] {
                        set.insert(document);
                    }
                }
                bitmap => {
                    let bits = &self.bitmaps[(bitmap - 1) * stride..bitmap * stride];
                    for (word, bits) in set.words.iter_mut().zip(bits) {
                        *word |= bits;
                    }
                }
            }
        }
        set
    }

    /// Calls `each` with every word, in order, and the documents it appears in, ascending.
    fn for_each_word(&self, mut each: impl FnMut(&str, &mut dyn Iterator<Item = usize>)) {
        let stride = self.documents.div_ceil(64);
        for word in 0..self.word_starts.len().saturating_sub(1) {
            match self.bitmap_of[word] as usize {
                0 => {
                    let list =
                        self.posting_starts[word] as usize..self.posting_starts[word + 1] as usize;
                    each(
                        self.word(word),
                        &mut self.postings[list]
                            .iter()
                            .map(|&document| document as usize),
                    );
                }
                bitmap => {
                    let set = BitSet {
                        words: self.bitmaps[(bitmap - 1) * stride..bitmap * stride].to_vec(),
                    };
                    each(self.word(word), &mut set.iter());
                }
            }
        }
    }

    /// The documents where every term starts a word, or `None` without terms.
    fn matches(&self, terms: &[String]) -> Option<BitSet> {
        let (first, rest) = terms.split_first()?;
        let mut found = self.term_set(first);
        for term in rest {
            if found.words.iter().all(|&word| word == 0) {
                break;
            }
            let other = self.term_set(term);
            for (word, other) in found.words.iter_mut().zip(&other.words) {
                *word &= other;
            }
        }
        Some(found)
    }
}

/// The first index in `start..end` where `before` is false, `before` being true then false.
fn partition_point(mut start: usize, mut end: usize, before: impl Fn(usize) -> bool) -> usize {
    while start < end {
        let middle = start + (end - start) / 2;
        if before(middle) {
            start = middle + 1;
        } else {
            end = middle;
        }
    }
    start
}

/// Gathers the words of documents, one document after another, into a [`TextIndex`].
#[derive(Default)]
struct Builder {
    /// Each distinct word once, in order of first appearance, concatenated.
    vocabulary: String,
    /// Where each word is in `vocabulary`, by id (order of first appearance).
    spans: Vec<(u32, u32)>,
    /// Open addressing: each word's hash and id + 1 (0: free); a power of two, at most half full.
    slots: Vec<(u32, u32)>,
    /// For each word id, one more than the last document it was seen in (0 for none).
    seen_in: Vec<u32>,
    /// The word ids of each document, each once, documents one after another.
    document_words: Vec<u32>,
    /// Where each finished document's words end in `document_words`.
    document_ends: Vec<u32>,
    tokenizer: Tokenizer,
}

impl Builder {
    /// Adds the words of `text` to the current document; of its text only, when it is Markdown.
    fn add(&mut self, text: &str, markdown: bool) {
        let mark = self.document_words.len();
        let mut tokenizer = std::mem::take(&mut self.tokenizer);
        let prose = tokenizer.words(text, |word, _| {
            let id = self.intern(word);
            let document = self.document_ends.len() as u32 + 1;
            if self.seen_in[id] != document {
                self.seen_in[id] = document;
                self.document_words.push(id as u32);
            }
        });
        self.tokenizer = tokenizer;
        // Rendering Markdown costs more than the rest of indexing: it is done only for the texts
        // that need it, after taking back the words of the source.
        if markdown && !prose {
            for id in self.document_words.drain(mark..) {
                self.seen_in[id as usize] = 0;
            }
            self.add(&to_plain_text(text), false);
        }
    }

    /// The id of `word`, a new one if it is new.
    fn intern(&mut self, word: &str) -> usize {
        if self.slots.len() < 2 * (self.spans.len() + 1) {
            self.grow();
        }
        let hash = hash(word);
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            match self.slots[slot] {
                (_, 0) => break,
                (stored, id) if stored == hash && self.word(id as usize - 1) == word => {
                    return id as usize - 1;
                }
                _ => slot = (slot + 1) & mask,
            }
        }
        let id = self.spans.len();
        let start = self.vocabulary.len() as u32;
        self.vocabulary.push_str(word);
        self.spans.push((start, self.vocabulary.len() as u32));
        self.seen_in.push(0);
        self.slots[slot] = (hash, id as u32 + 1);
        id
    }

    fn word(&self, id: usize) -> &str {
        let (start, end) = self.spans[id];
        &self.vocabulary[start as usize..end as usize]
    }

    /// Doubles the table and places every word again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
        for entry in old.into_iter().filter(|&(_, id)| id != 0) {
            let mut slot = entry.0 as usize & (size - 1);
            while self.slots[slot].1 != 0 {
                slot = (slot + 1) & (size - 1);
            }
            self.slots[slot] = entry;
        }
    }

    /// Ends the current document; the next `add` starts another.
    fn end_document(&mut self) {
        self.document_ends.push(self.document_words.len() as u32);
    }

    /// Sorts the vocabulary and turns each document's words into per-word document lists (a
    /// counting sort, so the lists come out ascending).
    fn finish(self) -> TextIndex {
        let mut order: Vec<usize> = (0..self.spans.len()).collect();
        sort_by(&mut order, &|&a, &b| self.word(a).cmp(self.word(b)));
        let mut rank = vec![0; order.len()];
        let mut vocabulary = String::with_capacity(self.vocabulary.len());
        let mut word_starts = Vec::with_capacity(order.len() + 1);
        word_starts.push(0);
        for (position, &id) in order.iter().enumerate() {
            rank[id] = position;
            vocabulary.push_str(self.word(id));
            word_starts.push(vocabulary.len() as u32);
        }
        let documents = self.document_ends.len();
        let mut counts = vec![0; order.len()];
        for &id in &self.document_words {
            counts[rank[id as usize]] += 1;
        }
        let mut bitmap_of = vec![0; order.len()];
        let mut bitmaps = 0;
        let mut posting_starts = Vec::with_capacity(order.len() + 1);
        posting_starts.push(0);
        for (word, &count) in counts.iter().enumerate() {
            let listed = if count as usize * 32 >= documents {
                bitmaps += 1;
                bitmap_of[word] = bitmaps;
                0
            } else {
                count
            };
            posting_starts.push(posting_starts[word] + listed);
        }
        let stride = documents.div_ceil(64);
        let mut bitmaps = vec![0u64; bitmaps as usize * stride];
        let mut next = posting_starts.clone();
        let mut postings = vec![0; posting_starts[order.len()] as usize];
        let mut start = 0;
        for (document, &end) in self.document_ends.iter().enumerate() {
            for &id in &self.document_words[start as usize..end as usize] {
                let word = rank[id as usize];
                match bitmap_of[word] as usize {
                    0 => {
                        postings[next[word] as usize] = document as u32;
                        next[word] += 1;
                    }
                    bitmap => {
                        bitmaps[(bitmap - 1) * stride + document / 64] |= 1 << (document % 64)
                    }
                }
            }
            start = end;
        }
        TextIndex {
            vocabulary,
            word_starts,
            posting_starts,
            postings,
            bitmap_of,
            bitmaps,
            documents,
        }
    }
}

/// FxHash (as in rustc) of a word, folded to 32 bits: far cheaper than std's SipHash, and the
/// data is the site's own, so there is no flooding to fear.
fn hash(word: &str) -> u32 {
    let mut hash: u64 = 0;
    for chunk in word.as_bytes().chunks(8) {
        let mut value = 0;
        for &byte in chunk {
            value = value << 8 | u64::from(byte);
        }
        hash = (hash.rotate_left(5) ^ value).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    (hash >> 32) as u32
}

/// Splits text into folded words, reusing its buffers.
#[derive(Default)]
struct Tokenizer {
    word: String,
    folded: String,
}

impl Tokenizer {
    /// Calls `each` with every folded word of `text` and the byte range of `text` it comes from.
    /// Returns whether `text` is plain prose: read as Markdown, it would have the same words.
    fn words(&mut self, text: &str, mut each: impl FnMut(&str, Range<usize>)) -> bool {
        let Self { word, folded } = self;
        word.clear();
        let bytes = text.as_bytes();
        let mut span = 0..0;
        let mut at = 0;
        let mut prose = Prose::default();
        while let Some(&byte) = bytes.get(at) {
            if byte.is_ascii_alphanumeric() {
                prose.letter(char::from(byte));
                let mut end = at;
                let mut upper = false;
                while let Some(&byte) = bytes.get(end) {
                    match byte {
                        b'a'..=b'z' | b'0'..=b'9' => {}
                        b'A'..=b'Z' => upper = true,
                        _ => break,
                    }
                    end += 1;
                }
                let run = &text[at..end];
                // Past an ASCII byte or the end, a word ends; before a non-ASCII one, it may go on.
                let ends_word = bytes.get(end).is_none_or(u8::is_ascii);
                if word.is_empty() && ends_word && !upper {
                    // Most words are ASCII in lower case already: no copy.
                    each(run, at..end);
                } else {
                    if word.is_empty() {
                        span.start = at;
                    }
                    word.push_str(run);
                    word.make_ascii_lowercase();
                    span.end = end;
                    if ends_word {
                        each(word, span.clone());
                        word.clear();
                    }
                }
                at = end;
            } else if byte.is_ascii() {
                if !word.is_empty() {
                    each(word, span.clone());
                    word.clear();
                }
                prose.symbol(byte, bytes.get(at + 1).copied());
                at += 1;
            } else {
                let c = text[at..].chars().next().unwrap_or_default();
                prose.letter(c);
                let next = at + c.len_utf8();
                folded.clear();
                fold_char_into(c, folded);
                for f in folded.chars() {
                    if f.is_alphanumeric() {
                        if word.is_empty() {
                            span.start = at;
                        }
                        word.push(f);
                        span.end = next;
                    } else if !word.is_empty() {
                        each(word, span.clone());
                        word.clear();
                    }
                }
                at = next;
            }
        }
        if !word.is_empty() {
            each(word, span);
        }
        prose.prose
    }
}

/// Watches text go by for Markdown that rendering would change the words of: ordered-list
/// markers, emphasis inside a word (`un*believ*able`), code, links, HTML, entities. It errs on the
/// side of markup; anything else (emphasis between words, math, which stays as its source,
/// headings, quotes, bullets) leaves the words as they are.
struct Prose {
    /// No such markup seen so far.
    prose: bool,
    /// Only spaces and bullet or quote markers since the line began.
    line_start: bool,
    /// Whether the last character was a letter or digit, and then whether it was ASCII.
    after_letter: Option<bool>,
    /// In a run of `*` and `_` right after a letter or digit: whether the run could join it to
    /// the next one when removed (any `*`; `_` only next to non-ASCII, whose flanking is subtler).
    run: Option<bool>,
}

impl Default for Prose {
    fn default() -> Self {
        Self {
            prose: true,
            line_start: true,
            after_letter: None,
            run: None,
        }
    }
}

impl Prose {
    /// A letter or digit, or any non-ASCII character (treated as one: the safe side).
    fn letter(&mut self, c: char) {
        let joined = self.run.is_some_and(|risky| risky || !c.is_ascii());
        if joined || self.line_start && c.is_ascii_digit() {
            self.prose = false;
        }
        self.line_start = false;
        self.run = None;
        self.after_letter = Some(c.is_ascii());
    }

    /// An ASCII character other than a letter or digit, followed by `next`.
    fn symbol(&mut self, byte: u8, next: Option<u8>) {
        self.run = match (byte, self.run, self.after_letter) {
            (b'*' | b'_', Some(risky), _) => Some(risky || byte == b'*'),
            (b'*' | b'_', None, Some(ascii)) => Some(byte == b'*' || !ascii),
            _ => None,
        };
        self.after_letter = None;
        match byte {
            b'\n' => self.line_start = true,
            b' ' | b'\t' | b'\r' | b'-' | b'+' | b'*' | b'>' => {}
            b'`' | b'~' | b'<' | b'&' => self.prose = false,
            b']' if next == Some(b'(') => self.prose = false,
            _ => self.line_start = false,
        }
    }
}

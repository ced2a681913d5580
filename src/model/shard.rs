//! The sharded layout of a large site's data: what the build step derives from the data file so
//! that each page fetches only its own part, and where each part lives.
//!
//! Everything sits under `data/index/`, relative to the site:
//! - `manifest.json`: the site settings, people, name rules, counts and facets ([`Manifest`]);
//! - `news/<page>.json`: everyone's news newest first, [`TEXT_PAGE`] items to a file
//!   ([`ShardNews`]), and `people/<id>/news/<page>.json` each person's ([`news_file`]);
//! - `activity/<page>.json`: everyone's forum activity newest first, [`TEXT_PAGE`] items to a
//!   file, and `people/<id>/activity/<page>.json` each person's, its sequences first, then its
//!   posts and comments ([`activity_file`]);
//! - `texts/<shard>.json`: the postings of the words of the news and forum items
//!   ([`TextShard`]), for the site-wide search;
//! - `selected.json`: the papers people list as selected, newest first;
//! - `papers/<bucket>.json`: every paper's full record, by a hash of its id ([`paper_file`]);
//! - `list/<page>.json`: every paper newest first, [`LIST_PAGE`] to a file;
//! - `authors/<key>.json`: an author cluster ([`ClusterFile`]) with its first [`CLUSTER_PAGE`]
//!   papers, and `authors/<key>/<page>.json` with the rest;
//! - `names/<page>.json`: the index of author names, [`NAMES_PAGE`] to a file, by name, and
//!   `names/papers/<page>.json` the same by paper count ([`names_file`]);
//! - `search/<segment>/<shard>.json`: the search postings ([`SearchShard`]) of the words of one
//!   shard ([`word_shard`]) in one segment of [`SEGMENT`] papers of the newest-first order.
//!
//! Papers are numbered by their place in the newest-first order (their *ordinal*). Every file is
//! written the same byte for byte from the same data, so that a sync to a host uploads only the
//! files that changed.

use super::cluster::{AuthorOrder, ClusterSummary, IndexEntry};
use super::fast_hash::FxHasher;
use super::schema::{
    AuthorPosition, NameRules, NewsItem, Paper, PaperKind, PaperStatus, Person, SiteInfo,
};
use serde::{Deserialize, Serialize};
use std::hash::Hasher;

/// The version of the layout, written in the manifest.
pub const FORMAT: u32 = 2;

/// The folder of the layout, relative to the site.
pub const INDEX_FOLDER: &str = "data/index";

/// The `<meta>` element the build writes into the head of every page of a site it shards: the app
/// then reads the layout, a route's files at a time, instead of the whole data file.
pub const PAGE_MARKER: &str = "<meta name=\"vita-data\" content=\"sharded\">";

/// The selector of [`PAGE_MARKER`].
pub const PAGE_MARKER_SELECTOR: &str = "meta[name=vita-data][content=sharded]";

/// The manifest, relative to [`INDEX_FOLDER`].
pub const MANIFEST: &str = "manifest.json";

/// The papers people list as selected, for their about pages, relative to [`INDEX_FOLDER`].
pub const SELECTED: &str = "selected.json";

/// How many papers a bucket of full records holds on average: a paper page fetches one bucket.
pub const BUCKET_PAPERS: usize = 16;

/// Papers in a page of the newest-first list: a first screen fetches one or two, and the twenty
/// results of a search at most twenty.
pub const LIST_PAGE: usize = 25;

/// Papers in each file of an author cluster.
pub const CLUSTER_PAGE: usize = 100;

/// Author names in each page of the name index.
pub const NAMES_PAGE: usize = 1_000;

/// News items or forum items in each file of a list of them: the first screen of a news page or
/// an activity profile fetches one.
pub const TEXT_PAGE: usize = 50;

/// Papers in a segment of the search postings: a search reads the newest segment first, and an
/// older one only while it has found too few papers.
pub const SEGMENT: usize = 16_384;

/// The small file every page of a sharded site reads first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The layout's version, [`FORMAT`].
    pub format: u32,
    /// Site-wide settings, as in the data file.
    pub site: SiteInfo,
    /// The people, as in the data file.
    pub people: Vec<Person>,
    /// The name rules, as in the data file.
    pub names: NameRules,
    /// How many items of each kind there are.
    pub counts: Counts,
    /// How many news and forum items each person has, in the order of [`people`](Self::people).
    pub texts: Vec<TextCounts>,
    /// How many papers each filter option has.
    pub facets: Facets,
    /// How many buckets of paper records there are ([`paper_file`]).
    pub paper_buckets: u32,
    /// Papers in each segment of the search postings: [`SEGMENT`] unless the build was told
    /// otherwise.
    pub segment_papers: usize,
}

/// How many items of each kind a sharded site has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Papers.
    pub papers: usize,
    /// News items.
    pub news: usize,
    /// Forum activity items.
    pub activity: usize,
    /// Author clusters.
    pub clusters: usize,
    /// Pages of the newest-first list.
    pub list_pages: usize,
    /// Pages of the name index.
    pub names_pages: usize,
    /// Segments of the search postings.
    pub segments: usize,
}

/// How many news and forum items a person has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextCounts {
    /// News items.
    pub news: usize,
    /// Forum posts, comments and sequences.
    pub activity: usize,
    /// Sequences, which come first in the person's activity files.
    pub sequences: usize,
}

/// A news item as the files of a news list hold it: with its anchor and its place among
/// everyone's news, which a page holding only some items could not tell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShardNews {
    /// The item, as in the data file.
    pub item: NewsItem,
    /// The id of its place on news pages.
    pub anchor: String,
    /// Its place in the newest-first order of everyone's news.
    pub ordinal: u32,
}

/// How many papers each option of each filter has, over all papers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facets {
    /// Years, newest first. The newest-first list holds each year's papers together, in this
    /// order, so a year is a range of ordinals.
    pub years: Vec<(i32, usize)>,
    /// Kinds, in [`PaperKind::ALL`] order, those with papers.
    pub kinds: Vec<(PaperKind, usize)>,
    /// Preprint, then published, those with papers.
    pub statuses: Vec<(PaperStatus, usize)>,
    /// Tags as written, ordered as the site's tags are (alphabetically ignoring case and
    /// accents); a tag's place in this list is its number in [`tag_word`].
    pub tags: Vec<(String, usize)>,
    /// The papers of the site's owner as first and as last author, those with papers; empty
    /// without an owner. The papers page highlights the owner, whose position it filters by.
    pub positions: Vec<(AuthorPosition, usize)>,
}

/// A paper as shards hold it: its record, and the cluster key of each author as the whole corpus
/// groups them (a page with only some papers could not tell).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShardPaper {
    /// The record, as in the data file.
    pub paper: Paper,
    /// Its place in the newest-first order of all papers: a page with some of them keeps their
    /// order.
    pub ordinal: u32,
    /// The cluster key of each author, in author order.
    pub clusters: Vec<String>,
    /// Its citation key, unique in the corpus.
    pub cite: String,
}

/// The file of an author key: its cluster, or the cluster it stands for. Tagged from outside
/// (`{"cluster": {…}}`): an inner tag would make serde buffer the file and compile every
/// reader of a paper a second time into the module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum ClusterFile {
    /// The key names a cluster.
    Cluster {
        /// The cluster as its page shows it.
        summary: ClusterSummary,
        /// Its first [`CLUSTER_PAGE`] papers, newest first.
        papers: Vec<ShardPaper>,
        /// How many files its papers take, this one included ([`cluster_page_file`]).
        pages: usize,
    },
    /// The key is an alias or a spelling merged into another cluster.
    Redirect {
        /// The cluster's key.
        cluster: String,
    },
}

/// A line of the name index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameEntry {
    /// The cluster key.
    pub key: String,
    /// The name as displayed.
    pub name: String,
    /// Papers in the cluster.
    pub papers: usize,
    /// Whether the name belongs to a person in the data.
    pub is_person: bool,
}

impl NameEntry {
    /// The entry as the table of names shows it.
    pub fn as_index_entry(&self) -> IndexEntry<'_> {
        IndexEntry {
            key: &self.key,
            name: &self.name,
            papers: self.papers,
            is_person: self.is_person,
        }
    }
}

/// The postings of the words of one shard in one segment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchShard {
    /// Each word, in order, with the papers it appears in as [gaps](encode_gaps) between their
    /// ordinals counted from the segment's first.
    pub words: Vec<(String, Vec<u32>)>,
}

impl SearchShard {
    /// The ordinals (from the segment's first) of the papers with a word starting with `term`,
    /// ascending; of the word `term` alone when it is one letter ([`word_shard`]).
    pub fn term_ordinals(&self, term: &str) -> Vec<u32> {
        let one_letter = term.chars().nth(1).is_none();
        let first = self.words.partition_point(|(word, _)| word.as_str() < term);
        let mut ordinals: Vec<u32> = self.words[first..]
            .iter()
            .take_while(|(word, _)| word.starts_with(term))
            .filter(|(word, _)| !one_letter || word == term)
            .flat_map(|(_, gaps)| decode_gaps(gaps))
            .collect();
        ordinals.sort_unstable();
        ordinals.dedup();
        ordinals
    }
}

/// The postings of the words of one shard ([`word_shard`]) in the news and in the forum activity,
/// each item by its place in everyone's news or activity, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextShard {
    /// The words of news items.
    pub news: SearchShard,
    /// The words of forum items.
    pub activity: SearchShard,
}

/// The numbers in every one of `sets` (each ascending), ascending; none without sets.
pub fn intersect(sets: &[Vec<u32>]) -> Vec<u32> {
    let Some((first, rest)) = sets.split_first() else {
        return Vec::new();
    };
    first
        .iter()
        .copied()
        .filter(|number| rest.iter().all(|set| set.binary_search(number).is_ok()))
        .collect()
}

/// How many buckets `papers` papers take: a power of two near [`BUCKET_PAPERS`] papers each, so
/// that a growing index moves its records to other buckets only when it doubles.
pub fn bucket_count(papers: usize) -> u32 {
    let wanted = papers.div_ceil(BUCKET_PAPERS).max(1);
    wanted.next_power_of_two() as u32
}

/// The bucket of the paper with this id, among `buckets`.
pub fn bucket_of(id: &str, buckets: u32) -> u32 {
    let mut hasher = FxHasher::default();
    hasher.write(id.as_bytes());
    // FxHash leaves ids that differ in their last letters close: MurmurHash3's finalizer spreads
    // them over every bucket.
    let mut hash = hasher.finish();
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^= hash >> 33;
    (hash % u64::from(buckets.max(1))) as u32
}

/// The file holding the record of the paper with this id, relative to [`INDEX_FOLDER`].
pub fn paper_file(id: &str, buckets: u32) -> String {
    format!("papers/{}.json", bucket_of(id, buckets))
}

/// The file of page `page` (from 0) of the newest-first list.
pub fn list_file(page: usize) -> String {
    format!("list/{page}.json")
}

/// The file of an author key.
pub fn cluster_file(key: &str) -> String {
    format!("authors/{key}.json")
}

/// The file of page `page` (from 1) of an author cluster's papers; page 0 is its
/// [`cluster_file`].
pub fn cluster_page_file(key: &str, page: usize) -> String {
    format!("authors/{key}/{page}.json")
}

/// The file of page `page` (from 0) of the name index in `order`.
pub fn names_file(order: AuthorOrder, page: usize) -> String {
    match order {
        AuthorOrder::Name => format!("names/{page}.json"),
        AuthorOrder::Papers => format!("names/papers/{page}.json"),
    }
}

/// The file of page `page` (from 0) of the news of `person`, or of everyone's news.
pub fn news_file(person: Option<&str>, page: usize) -> String {
    match person {
        Some(person) => format!("people/{person}/news/{page}.json"),
        None => format!("news/{page}.json"),
    }
}

/// The file of page `page` (from 0) of the forum activity of `person`, or of everyone's.
pub fn activity_file(person: Option<&str>, page: usize) -> String {
    match person {
        Some(person) => format!("people/{person}/activity/{page}.json"),
        None => format!("activity/{page}.json"),
    }
}

/// The file of a shard of the postings of news and forum items.
pub fn text_search_file(shard: &str) -> String {
    format!("texts/{shard}.json")
}

/// The file of a shard of the search postings in a segment.
pub fn search_file(segment: usize, shard: &str) -> String {
    format!("search/{segment}/{shard}.json")
}

/// The shard of an indexed word: its first two letters, in hexadecimal UTF-8 (`le` is `6c65`),
/// so that every file name is plain ASCII. A search term names the same shard, and finds there
/// every word it starts. A term of one letter finds only the word of that letter alone: every
/// word starting with it would be a twentieth of the index.
pub fn word_shard(word: &str) -> String {
    let prefix: String = if word.starts_with(FACET_MARK) {
        word.to_string()
    } else {
        word.chars().take(2).collect()
    };
    prefix.bytes().map(|byte| format!("{byte:02x}")).collect()
}

/// What starts the words that stand for filter options: no indexed word starts with it.
const FACET_MARK: char = '#';

/// The word marking the papers of a kind.
pub fn kind_word(kind: PaperKind) -> String {
    format!("{FACET_MARK}kind-{}", kind.as_str())
}

/// The word marking the papers of a status.
pub fn status_word(status: PaperStatus) -> String {
    let name = match status {
        PaperStatus::Preprint => "preprint",
        PaperStatus::Published => "published",
    };
    format!("{FACET_MARK}status-{name}")
}

/// The word marking the papers where the site's owner is the author at `position`.
pub fn position_word(position: AuthorPosition) -> String {
    format!("{FACET_MARK}position-{}", position.as_str())
}

/// The word marking the papers of the tag numbered `tag` in [`Facets::tags`].
pub fn tag_word(tag: usize) -> String {
    format!("{FACET_MARK}tag-{tag}")
}

/// Ascending numbers as the first, then the gap to each next: small numbers, short in JSON.
pub fn encode_gaps(ascending: impl IntoIterator<Item = u32>) -> Vec<u32> {
    let mut last = None;
    ascending
        .into_iter()
        .map(|number| {
            let gap = last.map_or(number, |last| number - last);
            last = Some(number);
            gap
        })
        .collect()
}

/// The numbers [`encode_gaps`] wrote.
pub fn decode_gaps(gaps: &[u32]) -> Vec<u32> {
    let mut total = 0u32;
    gaps.iter()
        .enumerate()
        .map(|(at, &gap)| {
            total = if at == 0 { gap } else { total + gap };
            total
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_round_trip() {
        let numbers = vec![0, 3, 4, 100, 32_767];
        let gaps = encode_gaps(numbers.iter().copied());
        assert_eq!(gaps, vec![0, 3, 1, 96, 32_667]);
        assert_eq!(decode_gaps(&gaps), numbers);
        assert!(decode_gaps(&[]).is_empty());
    }

    #[test]
    fn buckets_grow_by_doubling_and_ids_spread_over_them() {
        assert_eq!(bucket_count(0), 1);
        assert_eq!(bucket_count(16), 1);
        assert_eq!(bucket_count(17), 2);
        assert_eq!(bucket_count(10_000), 1_024);
        let mut used = vec![0; 64];
        for number in 0..6_400 {
            used[bucket_of(&format!("paper-{number}"), 64) as usize] += 1;
        }
        assert!(
            used.iter().all(|&count| (50..150).contains(&count)),
            "{used:?}"
        );
    }

    #[test]
    fn shards_are_named_by_two_letters_in_plain_ascii() {
        assert_eq!(word_shard("learning"), "6c65");
        assert_eq!(word_shard("le"), "6c65");
        assert_eq!(word_shard("l"), "6c");
        assert_eq!(word_shard("ćw"), "c48777");
        assert_eq!(word_shard(&tag_word(3)), word_shard("#tag-3"));
        assert_ne!(word_shard(&tag_word(3)), word_shard(&tag_word(30)));
    }
}

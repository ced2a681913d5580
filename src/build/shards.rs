//! Writing a site's data in the sharded layout of [`crate::model::shard`], derived from the data
//! file: the manifest, the news and activity in pages with their search postings, the paper
//! buckets, the newest-first list, a file
//! per author key, the name index and the search postings.

use crate::model::Site;
use crate::model::cluster::{AuthorOrder, sort_index_entries};
use crate::model::filter::positions_of;
use crate::model::names;
use crate::model::schema::{ActivityItem, ActivityKind, AuthorPosition, PaperKind, PaperStatus};
use crate::model::search::{HitKind, SiteIndex};
use crate::model::shard::{
    self, ClusterFile, Counts, Facets, Manifest, NameEntry, SearchShard, ShardNews, ShardPaper,
    TextCounts, TextShard,
};
use std::collections::BTreeMap;
use std::io;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The smallest number of papers for which a build writes the sharded layout unless told
/// otherwise: below it, the single data file loads in well under a second.
pub const INDEX_ABOVE_PAPERS: usize = 2_500;

/// When a build writes the sharded layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sharding {
    /// From [`INDEX_ABOVE_PAPERS`] papers.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never: the app reads the data file.
    Never,
}

impl Sharding {
    /// The choice named `name` (`auto`, `always`, `never`).
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "auto" => Some(Self::Auto),
            "always" => Some(Self::Always),
            "never" => Some(Self::Never),
            _ => None,
        }
    }

    /// Whether a site of `papers` papers is sharded.
    pub fn applies(self, papers: usize) -> bool {
        match self {
            Self::Auto => papers >= INDEX_ABOVE_PAPERS,
            Self::Always => true,
            Self::Never => false,
        }
    }
}

/// Writes every file of the layout through `write` (a path relative to
/// [`INDEX_FOLDER`](shard::INDEX_FOLDER), and the bytes), from as many threads as there are
/// cores; returns the manifest.
pub fn write_index(
    site: &Site,
    write: &(impl Fn(&str, &[u8]) -> io::Result<()> + Sync),
) -> io::Result<Manifest> {
    write_index_in_segments(site, shard::SEGMENT, write)
}

/// [`write_index`] with search segments of `segment_papers` papers rather than
/// [`SEGMENT`](shard::SEGMENT): small segments let a test search across several.
pub fn write_index_in_segments(
    site: &Site,
    segment_papers: usize,
    write: &(impl Fn(&str, &[u8]) -> io::Result<()> + Sync),
) -> io::Result<Manifest> {
    let segment_papers = segment_papers.max(1);
    let newest = site.papers_newest_first();
    let mut ordinal_of = vec![0u32; newest.len()];
    for (ordinal, &paper) in newest.iter().enumerate() {
        ordinal_of[paper] = ordinal as u32;
    }
    let json = |file: &str, value: &dyn erased::Serialize| write(file, &erased::to_json(value));
    // Every name, ordered by key: counted in the manifest, one file each, and the name index in
    // each order.
    let entries = site.authors().entries();
    let owner_papers = owner_positions(site);
    let manifest = manifest(site, entries.len(), segment_papers, &owner_papers);
    json(shard::MANIFEST, &manifest)?;
    write_texts(site, &json)?;
    let selected: Vec<ShardPaper> = newest
        .iter()
        .filter(|&&paper| site.paper(paper).selected)
        .map(|&paper| shard_paper(site, &ordinal_of, paper))
        .collect();
    json(shard::SELECTED, &selected)?;
    write_buckets(site, &ordinal_of, manifest.paper_buckets, &json)?;
    for (page, papers) in newest.chunks(shard::LIST_PAGE).enumerate() {
        let entries: Vec<ShardPaper> = papers
            .iter()
            .map(|&paper| shard_paper(site, &ordinal_of, paper))
            .collect();
        json(&shard::list_file(page), &entries)?;
    }
    let keys: Vec<&str> = entries.iter().map(|entry| entry.key).collect();
    write_clusters(site, &keys, &ordinal_of, &json)?;
    let mut entries = entries;
    for order in AuthorOrder::ALL {
        sort_index_entries(&mut entries, order);
        for (page, names) in entries.chunks(shard::NAMES_PAGE).enumerate() {
            let names: Vec<NameEntry> = names
                .iter()
                .map(|entry| NameEntry {
                    key: entry.key.to_string(),
                    name: entry.name.to_string(),
                    papers: entry.papers,
                    is_person: entry.is_person,
                })
                .collect();
            json(&shard::names_file(order, page), &names)?;
        }
    }
    write_search(site, &ordinal_of, segment_papers, &owner_papers, &json)?;
    Ok(manifest)
}

/// The papers of the site's owner as first author and as last author, in the order of
/// [`AuthorPosition::ALL`] (none without an owner): the papers page highlights the owner, and
/// filters by their position.
fn owner_positions(site: &Site) -> [Vec<usize>; AuthorPosition::ALL.len()] {
    let mut positions = [Vec::new(), Vec::new()];
    let Some(owner) = site.owner() else {
        return positions;
    };
    let cluster = names::key(&owner.name);
    for paper in 0..site.papers().len() {
        let (first, last) = positions_of(site, paper, &cluster);
        for (papers, stands) in positions.iter_mut().zip([first, last]) {
            if stands {
                papers.push(paper);
            }
        }
    }
    positions
}

/// The manifest of `site`, whose authors have `names` names, searched in segments of
/// `segment_papers` papers; `owner_papers` are the owner's by [`owner_positions`].
fn manifest(
    site: &Site,
    names: usize,
    segment_papers: usize,
    owner_papers: &[Vec<usize>],
) -> Manifest {
    let file = site.file();
    let papers = site.papers().len();
    let index = site.paper_search();
    let mut years: Vec<(i32, usize)> = Vec::new();
    for &paper in site.papers_newest_first() {
        let year = site.paper_date(paper).year;
        match years.last_mut() {
            Some((last, count)) if *last == year => *count += 1,
            _ => years.push((year, 1)),
        }
    }
    let mut kinds = [0; PaperKind::ALL.len()];
    let mut statuses = [0; 2];
    let mut tags = vec![0; index.tags().len()];
    for paper in 0..papers {
        let (kind, status) = index.kind_and_status(paper);
        kinds[kind as usize] += 1;
        statuses[usize::from(status == PaperStatus::Published)] += 1;
        for &tag in index.tags_of(paper) {
            tags[tag as usize] += 1;
        }
    }
    Manifest {
        format: shard::FORMAT,
        site: file.site.clone(),
        people: file.people.clone(),
        names: file.names.clone(),
        texts: file
            .people
            .iter()
            .map(|person| {
                let counts = site.counts(person);
                TextCounts {
                    news: counts.news,
                    activity: counts.activity,
                    sequences: counts.sequences,
                }
            })
            .collect(),
        counts: Counts {
            papers,
            news: file.news.len(),
            activity: file.activity.len(),
            clusters: names,
            list_pages: papers.div_ceil(shard::LIST_PAGE),
            names_pages: names.div_ceil(shard::NAMES_PAGE),
            segments: papers.div_ceil(segment_papers),
        },
        facets: Facets {
            years,
            kinds: PaperKind::ALL
                .into_iter()
                .zip(kinds)
                .filter(|&(_, count)| count > 0)
                .collect(),
            statuses: [PaperStatus::Preprint, PaperStatus::Published]
                .into_iter()
                .zip(statuses)
                .filter(|&(_, count)| count > 0)
                .collect(),
            tags: index.tags().iter().cloned().zip(tags).collect(),
            positions: AuthorPosition::ALL
                .into_iter()
                .zip(owner_papers.iter().map(Vec::len))
                .filter(|&(_, count)| count > 0)
                .collect(),
        },
        paper_buckets: shard::bucket_count(papers),
        segment_papers,
    }
}

/// The news and the activity in pages, everyone's and each person's, and the postings of their
/// words.
fn write_texts(
    site: &Site,
    json: &impl Fn(&str, &dyn erased::Serialize) -> io::Result<()>,
) -> io::Result<()> {
    let news: Vec<ShardNews> = site
        .news()
        .enumerate()
        .map(|(ordinal, entry)| ShardNews {
            item: entry.item.clone(),
            anchor: entry.anchor.to_string(),
            ordinal: ordinal as u32,
        })
        .collect();
    let all_news: Vec<&ShardNews> = news.iter().collect();
    write_pages(&all_news, |page| shard::news_file(None, page), json)?;
    let activity = site.file().activity.as_slice();
    let everyone: Vec<usize> = site.activity_order(None);
    let all_activity: Vec<&ActivityItem> = everyone.iter().map(|&index| &activity[index]).collect();
    write_pages(&all_activity, |page| shard::activity_file(None, page), json)?;
    for person in site.people() {
        let id = Some(person.id.as_str());
        let theirs: Vec<&ShardNews> = news
            .iter()
            .filter(|entry| site.person_of(entry.item.person.as_deref()) == id)
            .collect();
        write_pages(&theirs, |page| shard::news_file(id, page), json)?;
        let (sequences, posts) = activity_in_files(site, &person.id);
        let items: Vec<&ActivityItem> = sequences.into_iter().chain(posts).collect();
        write_pages(&items, |page| shard::activity_file(id, page), json)?;
    }
    write_text_postings(site, &everyone, json)
}

/// `items` in files of [`TEXT_PAGE`](shard::TEXT_PAGE), page `page` in `file(page)`.
fn write_pages<T: serde::Serialize>(
    items: &[T],
    file: impl Fn(usize) -> String,
    json: &impl Fn(&str, &dyn erased::Serialize) -> io::Result<()>,
) -> io::Result<()> {
    for (page, items) in items.chunks(shard::TEXT_PAGE).enumerate() {
        json(&file(page), &items)?;
    }
    Ok(())
}

/// The postings of the words of news and forum items, a file per shard of words (and of the
/// words of papers): each item by its place in everyone's news or activity (`everyone`, indices
/// into the data file's).
fn write_text_postings(
    site: &Site,
    everyone: &[usize],
    json: &impl Fn(&str, &dyn erased::Serialize) -> io::Result<()>,
) -> io::Result<()> {
    let mut ordinal_of = vec![0u32; site.file().activity.len()];
    for (ordinal, &index) in everyone.iter().enumerate() {
        ordinal_of[index] = ordinal as u32;
    }
    // A person's activity as the index numbers it, by the place of each item in everyone's.
    let ordinals_of: BTreeMap<&str, Vec<u32>> = site
        .people()
        .iter()
        .map(|person| {
            let order = site.activity_order(Some(&person.id));
            let ordinals = order.into_iter().map(|index| ordinal_of[index]).collect();
            (person.id.as_str(), ordinals)
        })
        .collect();
    let index = SiteIndex::build_among(site, Vec::new());
    let mut shards: BTreeMap<String, TextShard> = BTreeMap::new();
    index.for_each_word(|word, hits| {
        let (mut news, mut activity) = (Vec::new(), Vec::new());
        for hit in hits {
            match hit.kind {
                HitKind::News => news.push(hit.index as u32),
                HitKind::Activity => {
                    let person = hit.person.as_deref().unwrap_or_default();
                    if let Some(&ordinal) = ordinals_of
                        .get(person)
                        .and_then(|ordinals| ordinals.get(hit.index))
                    {
                        activity.push(ordinal);
                    }
                }
                HitKind::Person | HitKind::Paper => {}
            }
        }
        let shard = shards.entry(shard::word_shard(word)).or_default();
        for (postings, mut ordinals) in [(&mut shard.news, news), (&mut shard.activity, activity)] {
            if !ordinals.is_empty() {
                ordinals.sort_unstable();
                postings
                    .words
                    .push((word.to_string(), shard::encode_gaps(ordinals)));
            }
        }
    });
    // A shard for every shard of a paper's words too, empty or not: the site-wide search asks
    // for the shard of every term it searches papers for, and a missing file is an error in
    // the browser's console.
    site.paper_search().for_each_word(|word, _| {
        shards.entry(shard::word_shard(word)).or_default();
    });
    for (name, postings) in &shards {
        json(&shard::text_search_file(name), postings)?;
    }
    Ok(())
}

/// A person's activity as its files hold it: the sequences, then the posts and comments, each
/// in the order of [`Site::activity_of`].
fn activity_in_files<'a>(
    site: &'a Site,
    person: &str,
) -> (Vec<&'a ActivityItem>, Vec<&'a ActivityItem>) {
    site.activity_of(person)
        .into_iter()
        .map(|(item, _)| item)
        .partition(|item| item.kind == ActivityKind::Sequence)
}

/// The paper at `paper` with its place in the newest-first order (`ordinal_of`), its authors'
/// cluster keys and its citation key.
fn shard_paper(site: &Site, ordinal_of: &[u32], paper: usize) -> ShardPaper {
    ShardPaper {
        paper: site.paper(paper).clone(),
        ordinal: ordinal_of[paper],
        clusters: site
            .authors()
            .rows_of_paper(paper)
            .map(|row| row.cluster.clone())
            .collect(),
        cite: site.citation_key(paper).to_string(),
    }
}

/// Every paper's full record, in its bucket, ordered by id.
fn write_buckets(
    site: &Site,
    ordinal_of: &[u32],
    buckets: u32,
    json: &(impl Fn(&str, &dyn erased::Serialize) -> io::Result<()> + Sync),
) -> io::Result<()> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets as usize];
    for (paper, record) in site.papers().iter().enumerate() {
        members[shard::bucket_of(&record.id, buckets) as usize].push(paper);
    }
    in_parallel(members.len(), |bucket| {
        let mut papers = members[bucket].clone();
        papers.sort_unstable_by(|&a, &b| site.paper(a).id.cmp(&site.paper(b).id));
        let records: Vec<ShardPaper> = papers
            .into_iter()
            .map(|paper| shard_paper(site, ordinal_of, paper))
            .collect();
        json(&format!("papers/{bucket}.json"), &records)
    })
}

/// A file per cluster key of `keys`, with its further pages, and one per key standing for a
/// cluster.
fn write_clusters(
    site: &Site,
    keys: &[&str],
    ordinal_of: &[u32],
    json: &(impl Fn(&str, &dyn erased::Serialize) -> io::Result<()> + Sync),
) -> io::Result<()> {
    in_parallel(keys.len(), |at| {
        let key = keys[at];
        let Some((summary, papers)) = site.cluster_summary(key) else {
            return Ok(());
        };
        let pages: Vec<Vec<ShardPaper>> = papers
            .chunks(shard::CLUSTER_PAGE)
            .map(|page| {
                page.iter()
                    .map(|&paper| shard_paper(site, ordinal_of, paper))
                    .collect()
            })
            .collect();
        let mut pages = pages.into_iter();
        let file = ClusterFile::Cluster {
            summary,
            papers: pages.next().unwrap_or_default(),
            pages: papers.len().div_ceil(shard::CLUSTER_PAGE).max(1),
        };
        json(&shard::cluster_file(key), &file)?;
        for (page, entries) in pages.enumerate() {
            json(&shard::cluster_page_file(key, page + 1), &entries)?;
        }
        Ok(())
    })?;
    for (key, cluster) in site.authors().redirects() {
        let file = ClusterFile::Redirect {
            cluster: cluster.to_string(),
        };
        json(&shard::cluster_file(key), &file)?;
    }
    Ok(())
}

/// The search postings: every indexed word, and a word per kind, status, tag and position of the
/// owner (`owner_papers`, by [`owner_positions`]), by shard and segment.
fn write_search(
    site: &Site,
    ordinal_of: &[u32],
    segment_papers: usize,
    owner_papers: &[Vec<usize>],
    json: &impl Fn(&str, &dyn erased::Serialize) -> io::Result<()>,
) -> io::Result<()> {
    let segments = site.papers().len().div_ceil(segment_papers);
    let mut pending = Postings::new(segments, segment_papers);
    let mut add = |word: &str, ordinals: Vec<u32>| -> io::Result<()> {
        let word_shard = shard::word_shard(word);
        if pending.shard != word_shard {
            pending.flush(json)?;
            pending.shard = word_shard;
        }
        pending.add(word, ordinals);
        Ok(())
    };
    let index = site.paper_search();
    let mut failed = Ok(());
    index.for_each_word(|word, papers| {
        if failed.is_ok() {
            failed = add(word, papers.map(|paper| ordinal_of[paper]).collect());
        }
    });
    failed?;
    let mut facets: Vec<(String, Vec<u32>)> = Vec::new();
    for kind in PaperKind::ALL {
        facets.push((shard::kind_word(kind), Vec::new()));
    }
    for status in [PaperStatus::Preprint, PaperStatus::Published] {
        facets.push((shard::status_word(status), Vec::new()));
    }
    let kinds = facets.len();
    for tag in 0..index.tags().len() {
        facets.push((shard::tag_word(tag), Vec::new()));
    }
    for (paper, &ordinal) in ordinal_of.iter().enumerate() {
        let (kind, status) = index.kind_and_status(paper);
        facets[kind as usize].1.push(ordinal);
        facets[PaperKind::ALL.len() + usize::from(status == PaperStatus::Published)]
            .1
            .push(ordinal);
        for &tag in index.tags_of(paper) {
            facets[kinds + tag as usize].1.push(ordinal);
        }
    }
    for (position, papers) in AuthorPosition::ALL.into_iter().zip(owner_papers) {
        let ordinals = papers.iter().map(|&paper| ordinal_of[paper]).collect();
        facets.push((shard::position_word(position), ordinals));
    }
    for (word, ordinals) in facets {
        if !ordinals.is_empty() {
            add(&word, ordinals)?;
        }
    }
    pending.flush(json)
}

/// The words of one shard, segment by segment, waiting to be written.
struct Postings {
    shard: String,
    segments: Vec<SearchShard>,
    segment_papers: u32,
}

impl Postings {
    fn new(segments: usize, segment_papers: usize) -> Self {
        Self {
            shard: String::new(),
            segments: vec![SearchShard::default(); segments],
            segment_papers: segment_papers as u32,
        }
    }

    /// Adds a word with the ordinals of its papers, in any order.
    fn add(&mut self, word: &str, mut ordinals: Vec<u32>) {
        ordinals.sort_unstable();
        let segment_size = self.segment_papers;
        for run in ordinals.chunk_by(|a, b| a / segment_size == b / segment_size) {
            let segment = run[0] / segment_size;
            let start = segment * segment_size;
            self.segments[segment as usize].words.push((
                word.to_string(),
                shard::encode_gaps(run.iter().map(|ordinal| ordinal - start)),
            ));
        }
    }

    /// Writes the pending shard's files, in every segment with words, and empties them.
    fn flush(
        &mut self,
        json: &impl Fn(&str, &dyn erased::Serialize) -> io::Result<()>,
    ) -> io::Result<()> {
        for (segment, postings) in self.segments.iter_mut().enumerate() {
            if !postings.words.is_empty() {
                postings.words.sort_unstable();
                json(&shard::search_file(segment, &self.shard), postings)?;
                postings.words.clear();
            }
        }
        Ok(())
    }
}

/// Runs `task` for each number below `count` on every core; the first error wins.
fn in_parallel(count: usize, task: impl Fn(usize) -> io::Result<()> + Sync) -> io::Result<()> {
    let next = AtomicUsize::new(0);
    let failed: Mutex<Option<io::Error>> = Mutex::new(None);
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(count.max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    if at >= count {
                        return;
                    }
                    if let Err(error) = task(at) {
                        let mut failed = failed.lock().unwrap_or_else(|poison| poison.into_inner());
                        failed.get_or_insert(error);
                        next.store(count, Ordering::Relaxed);
                        return;
                    }
                }
            });
        }
    });
    match failed
        .into_inner()
        .unwrap_or_else(|poison| poison.into_inner())
    {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// Values of any of the layout's types, passed to one writer.
mod erased {
    /// A value that can be written as JSON, whatever its type.
    pub trait Serialize {
        /// The value as compact JSON.
        fn json(&self) -> Vec<u8>;
    }

    impl<T: serde::Serialize + ?Sized> Serialize for T {
        fn json(&self) -> Vec<u8> {
            serde_json::to_vec(self).expect("the layout's types serialize to JSON without fail")
        }
    }

    /// `value` as compact JSON.
    pub fn to_json(value: &dyn Serialize) -> Vec<u8> {
        value.json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_split_into_segments_counted_from_each_segment_start() {
        let segment = shard::SEGMENT as u32;
        let mut postings = Postings::new(3, shard::SEGMENT);
        postings.shard = shard::word_shard("learning");
        postings.add("learning", vec![2 * segment + 5, 3, segment, 1]);
        let files = Mutex::new(BTreeMap::new());
        postings
            .flush(&|file: &str, value: &dyn erased::Serialize| {
                files
                    .lock()
                    .unwrap()
                    .insert(file.to_string(), erased::to_json(value));
                Ok(())
            })
            .unwrap();
        let files = files.into_inner().unwrap();
        let read = |segment: usize| -> SearchShard {
            serde_json::from_slice(&files[&shard::search_file(segment, "6c65")]).unwrap()
        };
        assert_eq!(files.len(), 3);
        assert_eq!(read(0).term_ordinals("lea"), vec![1, 3]);
        assert_eq!(read(1).term_ordinals("lea"), vec![0]);
        assert_eq!(read(2).term_ordinals("learning"), vec![5]);
        assert!(read(2).term_ordinals("lex").is_empty());
        assert!(
            postings
                .segments
                .iter()
                .all(|segment| segment.words.is_empty())
        );
    }
}

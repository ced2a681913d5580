//! Reading a sharded site ([`super::shard`]) page by page: which files the page of a route needs,
//! given those already read, and the [`Site`] those files make, which shows that page as the
//! whole data file would.
//!
//! A reader asks [`Fetched::missing`] for the parts a route needs, fetches them all, hands each
//! to [`Fetched::add`], and asks again until nothing is missing (an author key that stands for
//! another cluster needs that cluster next); [`Fetched::site`] then assembles the site.

use super::cluster::AuthorOrder;
use super::fast_hash::FastMap;
use super::filter::PaperFilter;
use super::names;
use super::parse::{ParseError, parse_json};
use super::route::{Page, Route};
use super::schema::{ActivityItem, NewsItem, SiteFile};
use super::search::Query;
use super::shard::{
    self, ClusterFile, Manifest, NameEntry, SearchShard, ShardNews, ShardPaper, TextCounts,
    TextShard,
};
use super::site::{Corpus, CorpusNames, Pinned, Site};
use super::sort::sort_by;
use std::collections::BTreeMap;

/// A file of the sharded layout.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The manifest, which every page reads first.
    Manifest,
    /// The papers people list as selected.
    Selected,
    /// A bucket of full paper records.
    Bucket(u32),
    /// A page of the newest-first list.
    ListPage(usize),
    /// The file of an author key. It may be absent: a key no author has.
    Cluster(String),
    /// A further page of an author cluster's papers.
    ClusterPage(String, usize),
    /// A shard of the search postings in a segment: `(segment, shard)`. It may be absent: no
    /// paper of the segment has a word of the shard.
    Search(usize, String),
    /// A page of the name index in an order.
    Names(AuthorOrder, usize),
    /// A page of the news of a person, or of everyone's.
    NewsPage(Option<String>, usize),
    /// A page of the forum activity of a person, or of everyone's.
    ActivityPage(Option<String>, usize),
    /// A shard of the postings of news and forum items. It may be absent: no item has a word of
    /// the shard.
    TextSearch(String),
}

impl Part {
    /// The part's file, relative to [`INDEX_FOLDER`](shard::INDEX_FOLDER).
    pub fn file(&self) -> String {
        match self {
            Self::Manifest => shard::MANIFEST.to_string(),
            Self::Selected => shard::SELECTED.to_string(),
            Self::Bucket(bucket) => format!("papers/{bucket}.json"),
            Self::ListPage(page) => shard::list_file(*page),
            Self::Cluster(key) => shard::cluster_file(key),
            Self::ClusterPage(key, page) => shard::cluster_page_file(key, *page),
            Self::Search(segment, name) => shard::search_file(*segment, name),
            Self::Names(order, page) => shard::names_file(*order, *page),
            Self::NewsPage(person, page) => shard::news_file(person.as_deref(), *page),
            Self::ActivityPage(person, page) => shard::activity_file(person.as_deref(), *page),
            Self::TextSearch(name) => shard::text_search_file(name),
        }
    }

    /// Whether the site may lack the file: an author key in an address may be no author's, and
    /// a search term no word's.
    pub fn may_be_absent(&self) -> bool {
        matches!(
            self,
            Self::Cluster(_) | Self::Search(..) | Self::TextSearch(_)
        )
    }
}

/// A list of texts that its page reads a file at a time ([`shard::TEXT_PAGE`] items each).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TextList {
    /// The news of a person (by id), or everyone's.
    News(Option<String>),
    /// A person's forum activity: sequences first, then posts and comments.
    Activity(String),
}

impl TextList {
    /// How many items the list has in the corpus of `manifest`.
    fn total(&self, manifest: &Manifest) -> usize {
        match self {
            Self::News(None) => manifest.counts.news,
            Self::News(Some(id)) => texts_of(manifest, id).news,
            Self::Activity(id) => texts_of(manifest, id).activity,
        }
    }

    /// How many items its page shows first: the newest news item's file; the sequences and the
    /// first post's.
    fn first(&self, manifest: &Manifest) -> usize {
        match self {
            Self::News(_) => 1,
            Self::Activity(id) => texts_of(manifest, id).sequences + 1,
        }
    }

    /// The part holding page `page` of the list.
    fn part(&self, page: usize) -> Part {
        match self {
            Self::News(person) => Part::NewsPage(person.clone(), page),
            Self::Activity(person) => Part::ActivityPage(Some(person.clone()), page),
        }
    }
}

/// How many news and forum items the person `id` has, as the manifest counts them.
fn texts_of(manifest: &Manifest, id: &str) -> TextCounts {
    let index = manifest.people.iter().position(|person| person.id == id);
    index
        .and_then(|index| manifest.texts.get(index))
        .copied()
        .unwrap_or_default()
}

/// A page of a list of texts, or a shard of their postings, parsed.
#[derive(Debug, Clone)]
enum TextPage {
    News(Vec<ShardNews>),
    Activity(Vec<ActivityItem>),
    /// Empty for a shard without a file.
    Postings(TextShard),
}

/// The files of a sharded site read so far, parsed.
#[derive(Debug, Clone, Default)]
pub struct Fetched {
    manifest: Option<Manifest>,
    selected: Option<Vec<ShardPaper>>,
    buckets: BTreeMap<u32, Vec<ShardPaper>>,
    list_pages: BTreeMap<usize, Vec<ShardPaper>>,
    /// By key; `None` for a key without a file.
    clusters: BTreeMap<String, Option<ClusterFile>>,
    cluster_pages: BTreeMap<(String, usize), Vec<ShardPaper>>,
    /// How many pages of the newest-first list the papers page shows (at least one).
    list_wanted: usize,
    /// How many pages of a cluster's papers its author page shows, by cluster key: one (the
    /// cluster's file) unless the reader asked for more.
    cluster_wanted: BTreeMap<String, usize>,
    /// Search shards by segment and name; `None` for a shard without a file.
    search: BTreeMap<(usize, String), Option<SearchShard>>,
    names: BTreeMap<(AuthorOrder, usize), Vec<NameEntry>>,
    /// How many pages of the name index in each order the names page shows; the first by name
    /// unless more were asked for.
    names_wanted: BTreeMap<AuthorOrder, usize>,
    /// Pages of news and activity and shards of their postings, by part.
    text_pages: BTreeMap<Part, TextPage>,
    /// How many items of each list of texts its page shows, when the reader asked for more
    /// than the first ([`TextList::first`]).
    texts_wanted: BTreeMap<TextList, usize>,
}

impl Fetched {
    /// The parts the page at `route` (the 404 page for `None`) needs and that are not read yet.
    pub fn missing(&self, route: Option<&Route>) -> Vec<Part> {
        let mut wanted = self.needed(route);
        wanted.retain(|part| !self.has(part));
        wanted
    }

    /// The parts the page at `route` shows and that are read, with those of `extra` that are:
    /// the parts of the site [`site`](Self::site) assembles for the page.
    pub fn parts_for(&self, route: Option<&Route>, extra: &[Part]) -> Vec<Part> {
        let mut parts = self.needed(route);
        parts.extend_from_slice(extra);
        parts.retain(|part| self.has(part));
        parts.sort_unstable();
        parts.dedup();
        parts
    }

    /// Every part the page at `route` needs, read or not, as far as the parts read tell (the
    /// cluster an author key stands for is known once its file is read), in order.
    fn needed(&self, route: Option<&Route>) -> Vec<Part> {
        let Some(manifest) = &self.manifest else {
            return vec![Part::Manifest];
        };
        let mut wanted = Vec::new();
        match route.map(|route| (route.page, route.param.as_str())) {
            None => {}
            Some((Page::Home, _)) => match &manifest.site.owner {
                Some(owner) => self.person_parts(manifest, Page::Person, owner, &mut wanted),
                None => {
                    // The directory counts each person's papers (the manifest counts the rest).
                    for person in &manifest.people {
                        self.cluster_parts(&names::key(&person.name), 1, &mut wanted);
                    }
                }
            },
            Some((Page::Papers, _)) => {
                let pages = self.list_wanted.clamp(1, manifest.counts.list_pages.max(1));
                wanted.extend((0..pages).map(Part::ListPage));
            }
            Some((Page::Paper, id)) => {
                wanted.push(Part::Bucket(shard::bucket_of(id, manifest.paper_buckets)))
            }
            Some((Page::News, _)) => self.text_parts(manifest, &TextList::News(None), &mut wanted),
            Some((Page::Author, key)) => self.cluster_parts(key, 0, &mut wanted),
            Some((page, id)) if page.is_person() => {
                self.person_parts(manifest, page, id, &mut wanted)
            }
            Some((Page::Authors, _)) => {
                let pages = manifest.counts.names_pages;
                // The first page by name, which the page shows unless told otherwise, stays.
                if !self.names_wanted.contains_key(&AuthorOrder::Name) && pages > 0 {
                    wanted.push(Part::Names(AuthorOrder::Name, 0));
                }
                for (&order, &shown) in &self.names_wanted {
                    wanted.extend((0..shown.min(pages)).map(|page| Part::Names(order, page)));
                }
            }
            Some(_) => {}
        }
        wanted.sort_unstable();
        wanted.dedup();
        wanted
    }

    /// Asks for one more page of the newest-first list on the papers page; `false` while the last
    /// one asked for has not arrived, and when every page has been asked for.
    pub fn want_more_listed(&mut self) -> bool {
        let Some(manifest) = &self.manifest else {
            return false;
        };
        let wanted = self.list_wanted.max(1);
        // A page at a time: the reader asks again once it has arrived.
        let arrived = (0..wanted).all(|page| self.list_pages.contains_key(&page));
        if !arrived || wanted >= manifest.counts.list_pages {
            return false;
        }
        self.list_wanted = wanted + 1;
        true
    }

    /// Asks for one more page of the name index in `order` (the first, when none is read); `false`
    /// while the last one asked for has not arrived, and when every page has been asked for.
    pub fn want_more_names(&mut self, order: AuthorOrder) -> bool {
        let Some(manifest) = &self.manifest else {
            return false;
        };
        // The names page reads the first page by name before it asks for any.
        let read = (0..)
            .take_while(|page| self.names.contains_key(&(order, *page)))
            .count();
        let wanted = self
            .names_wanted
            .get(&order)
            .copied()
            .unwrap_or(0)
            .max(read);
        let arrived = (0..wanted).all(|page| self.names.contains_key(&(order, page)));
        if !arrived || wanted >= manifest.counts.names_pages {
            return false;
        }
        self.names_wanted.insert(order, wanted + 1);
        true
    }

    /// The pages of `list` its page shows, as many as hold the items asked for.
    fn text_parts(&self, manifest: &Manifest, list: &TextList, wanted: &mut Vec<Part>) {
        let shown = self.texts_asked(manifest, list).min(list.total(manifest));
        wanted.extend((0..shown.div_ceil(shard::TEXT_PAGE)).map(|page| list.part(page)));
    }

    /// Asks for the first `items` items of `list` on its page; `false` when they are read or
    /// asked for already (the list may have fewer).
    pub fn want_texts(&mut self, list: &TextList, items: usize) -> bool {
        let Some(manifest) = &self.manifest else {
            return false;
        };
        let items = items.min(list.total(manifest));
        if items <= self.texts_asked(manifest, list) {
            return false;
        }
        self.texts_wanted.insert(list.clone(), items);
        true
    }

    /// How many items of `list` its page has asked for: the first unless it asked for more.
    fn texts_asked(&self, manifest: &Manifest, list: &TextList) -> usize {
        self.texts_wanted
            .get(list)
            .copied()
            .unwrap_or_else(|| list.first(manifest))
    }

    /// The pages of the newest-first list holding the papers of `ordinals` that are not read
    /// yet: the records of a search's matches.
    pub fn missing_listed(&self, ordinals: &[u32]) -> Vec<Part> {
        let mut parts = Self::list_pages_of(ordinals);
        parts.retain(|part| !self.has(part));
        parts
    }

    /// The pages of the newest-first list holding the papers of `ordinals`, in order.
    pub fn list_pages_of(ordinals: &[u32]) -> Vec<Part> {
        let mut parts: Vec<Part> = ordinals
            .iter()
            .map(|&ordinal| Part::ListPage(ordinal as usize / shard::LIST_PAGE))
            .collect();
        parts.sort_unstable();
        parts.dedup();
        parts
    }

    /// The files the first `limit` news items and forum items matching `query` need and that
    /// are not read yet: the postings of its terms, then the pages of those items.
    pub fn missing_texts(&self, query: &Query, limit: usize) -> Vec<Part> {
        let mut parts: Vec<Part> = query
            .terms()
            .iter()
            .map(|term| Part::TextSearch(shard::word_shard(term)))
            .filter(|part| !self.has(part))
            .collect();
        if parts.is_empty() {
            let (news, activity) = self.text_matches(query, limit);
            let page = |ordinal: &u32| *ordinal as usize / shard::TEXT_PAGE;
            parts.extend(
                news.iter()
                    .map(|ordinal| Part::NewsPage(None, page(ordinal))),
            );
            parts.extend(
                activity
                    .iter()
                    .map(|ordinal| Part::ActivityPage(None, page(ordinal))),
            );
            parts.retain(|part| !self.has(part));
        }
        parts.sort_unstable();
        parts.dedup();
        parts
    }

    /// The places in everyone's news and in everyone's activity of the first `limit` items of
    /// each matching `query`, as far as the postings of its terms are read.
    fn text_matches(&self, query: &Query, limit: usize) -> (Vec<u32>, Vec<u32>) {
        let terms = query.terms();
        if terms.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let matching = |postings: &dyn Fn(&TextShard) -> &SearchShard| {
            let sets: Vec<Vec<u32>> = terms
                .iter()
                .map(|term| {
                    match self
                        .text_pages
                        .get(&Part::TextSearch(shard::word_shard(term)))
                    {
                        Some(TextPage::Postings(shard)) => postings(shard).term_ordinals(term),
                        _ => Vec::new(),
                    }
                })
                .collect();
            let mut found = shard::intersect(&sets);
            found.truncate(limit);
            found
        };
        (
            matching(&|shard| &shard.news),
            matching(&|shard| &shard.activity),
        )
    }

    /// The first `limit` news items and forum items matching `query`, each newest first, as far
    /// as their files are read ([`missing_texts`](Self::missing_texts)).
    pub fn found_texts(&self, query: &Query, limit: usize) -> (Vec<NewsItem>, Vec<ActivityItem>) {
        let (news, activity) = self.text_matches(query, limit);
        let at = |ordinal: u32, everyone: fn(Option<String>, usize) -> Part| {
            let ordinal = ordinal as usize;
            let part = everyone(None, ordinal / shard::TEXT_PAGE);
            (self.text_pages.get(&part), ordinal % shard::TEXT_PAGE)
        };
        let news = news
            .into_iter()
            .filter_map(|ordinal| match at(ordinal, Part::NewsPage) {
                (Some(TextPage::News(items)), place) => Some(items.get(place)?.item.clone()),
                _ => None,
            })
            .collect();
        let activity = activity
            .into_iter()
            .filter_map(|ordinal| match at(ordinal, Part::ActivityPage) {
                (Some(TextPage::Activity(items)), place) => items.get(place).cloned(),
                _ => None,
            })
            .collect();
        (news, activity)
    }

    /// The id of the paper at `ordinal` of the newest-first list, once its page is read.
    pub fn id_at(&self, ordinal: u32) -> Option<&str> {
        let ordinal = ordinal as usize;
        let page = self.list_pages.get(&(ordinal / shard::LIST_PAGE))?;
        Some(&page.get(ordinal % shard::LIST_PAGE)?.paper.id)
    }

    /// The search shards of `search`'s next `segments` segments that are not read yet: reading
    /// several at once saves round trips when the first segments hold few matches.
    pub fn missing_shards(&self, search: &CorpusSearch, segments: usize) -> Vec<Part> {
        let mut parts: Vec<Part> = (search.searched
            ..search.segments.min(search.searched + segments))
            .flat_map(|segment| search.parts_of(segment))
            .filter(|part| !self.has(part))
            .collect();
        parts.sort_unstable();
        parts.dedup();
        parts
    }

    /// Searches the segments `search` has not searched yet, as far as their shards are read
    /// ([`missing_shards`](Self::missing_shards)).
    pub fn search_read(&self, search: &mut CorpusSearch) {
        let shard = |segment: usize, name: &str| {
            self.search
                .get(&(segment, name.to_string()))
                .and_then(Option::as_ref)
        };
        while !search.is_done()
            && search
                .parts_of(search.searched)
                .iter()
                .all(|part| self.has(part))
        {
            search.add_segment(&shard);
        }
    }

    /// The first `wanted` matches of `search`, as far as their list pages are read
    /// ([`missing_listed`](Self::missing_listed)), with how far the search has gone.
    pub fn matches(&self, search: &CorpusSearch, wanted: usize) -> CorpusMatches {
        let ids = search
            .found
            .iter()
            .take(wanted)
            .filter_map(|&ordinal| self.id_at(ordinal))
            .map(str::to_string)
            .collect();
        CorpusMatches {
            ids,
            found: search.found.len(),
            searched: search.searched_papers(),
            done: search.is_done(),
            news: Vec::new(),
            activity: Vec::new(),
        }
    }

    /// The search of the papers page's `filter` over the corpus; `None` before the manifest.
    pub fn corpus_search(&self, filter: &PaperFilter) -> Option<CorpusSearch> {
        Some(CorpusSearch::new(filter, self.manifest.as_ref()?))
    }

    /// The parts of a person's `page`: their selected papers and cluster, with the news their
    /// about page and news page show and the activity of their activity page. The cluster's
    /// first file counts their papers and holds the newest; their papers page reads more as its
    /// author page does, and their CV every one.
    fn person_parts(&self, manifest: &Manifest, page: Page, id: &str, wanted: &mut Vec<Part>) {
        wanted.push(Part::Selected);
        if let Some(person) = manifest.people.iter().find(|person| person.id == id) {
            let pages = match page {
                Page::PersonCv => usize::MAX,
                Page::PersonPapers => 0,
                _ => 1,
            };
            self.cluster_parts(&names::key(&person.name), pages, wanted);
        }
        let list = match page {
            Page::Person | Page::PersonNews => TextList::News(Some(id.to_string())),
            Page::PersonActivity => TextList::Activity(id.to_string()),
            _ => return,
        };
        self.text_parts(manifest, &list, wanted);
    }

    /// The file of an author key, then the cluster it stands for, then its first `pages`
    /// pages of papers (the file holds the first); `0` for as many as its author page shows.
    fn cluster_parts(&self, key: &str, pages: usize, wanted: &mut Vec<Part>) {
        wanted.push(Part::Cluster(key.to_string()));
        match self.clusters.get(key) {
            None | Some(None) => {}
            Some(Some(ClusterFile::Redirect { cluster })) => {
                if cluster != key {
                    self.cluster_parts(cluster, pages, wanted);
                }
            }
            Some(Some(ClusterFile::Cluster { pages: all, .. })) => {
                let shown = match pages {
                    0 => self.cluster_wanted.get(key).copied().unwrap_or(1),
                    pages => pages,
                };
                let pages =
                    (1..shown.min(*all)).map(|page| Part::ClusterPage(key.to_string(), page));
                wanted.extend(pages)
            }
        }
    }

    /// Asks for more of the papers of cluster `key` on its author page: the next page, or
    /// (`every`) all of them, which filtering needs. `false` while a page asked for has not
    /// arrived, and when every page has been asked for.
    pub fn want_more_of_cluster(&mut self, key: &str, every: bool) -> bool {
        let Some(Some(ClusterFile::Cluster { pages, .. })) = self.clusters.get(key) else {
            return false;
        };
        let pages = *pages;
        let wanted = self.cluster_wanted.get(key).copied().unwrap_or(1);
        let arrived = (1..wanted.min(pages))
            .all(|page| self.cluster_pages.contains_key(&(key.to_string(), page)));
        if wanted >= pages || (!arrived && !every) {
            return false;
        }
        let next = if every { pages } else { wanted + 1 };
        self.cluster_wanted.insert(key.to_string(), next);
        true
    }

    fn has(&self, part: &Part) -> bool {
        match part {
            Part::Manifest => self.manifest.is_some(),
            Part::Selected => self.selected.is_some(),
            Part::Bucket(bucket) => self.buckets.contains_key(bucket),
            Part::ListPage(page) => self.list_pages.contains_key(page),
            Part::Cluster(key) => self.clusters.contains_key(key),
            Part::ClusterPage(key, page) => self.cluster_pages.contains_key(&(key.clone(), *page)),
            Part::Search(segment, name) => self.search.contains_key(&(*segment, name.clone())),
            Part::Names(order, page) => self.names.contains_key(&(*order, *page)),
            Part::NewsPage(..) | Part::ActivityPage(..) | Part::TextSearch(_) => {
                self.text_pages.contains_key(part)
            }
        }
    }

    /// Adds the contents of `part`'s file; `None` for a file the host does not have, which only
    /// an author key's may be ([`Part::may_be_absent`]).
    pub fn add(&mut self, part: Part, bytes: Option<&[u8]>) -> Result<(), ParseError> {
        let Some(bytes) = bytes else {
            match part {
                Part::Cluster(key) => {
                    self.clusters.insert(key, None);
                }
                Part::Search(segment, name) => {
                    self.search.insert((segment, name), None);
                }
                Part::TextSearch(_) => {
                    self.text_pages
                        .insert(part, TextPage::Postings(TextShard::default()));
                }
                _ => {}
            }
            return Ok(());
        };
        match part {
            Part::Manifest => self.manifest = Some(parse_json(bytes)?),
            Part::Selected => self.selected = Some(parse_json(bytes)?),
            Part::Bucket(bucket) => {
                self.buckets.insert(bucket, parse_json(bytes)?);
            }
            Part::ListPage(page) => {
                self.list_pages.insert(page, parse_json(bytes)?);
            }
            Part::Cluster(key) => {
                self.clusters.insert(key, Some(parse_json(bytes)?));
            }
            Part::ClusterPage(key, page) => {
                self.cluster_pages.insert((key, page), parse_json(bytes)?);
            }
            Part::Search(segment, name) => {
                self.search
                    .insert((segment, name), Some(parse_json(bytes)?));
            }
            Part::Names(order, page) => {
                self.names.insert((order, page), parse_json(bytes)?);
            }
            Part::NewsPage(..) => {
                let page = TextPage::News(parse_json(bytes)?);
                self.text_pages.insert(part, page);
            }
            Part::ActivityPage(..) => {
                let page = TextPage::Activity(parse_json(bytes)?);
                self.text_pages.insert(part, page);
            }
            Part::TextSearch(_) => {
                let page = TextPage::Postings(parse_json(bytes)?);
                self.text_pages.insert(part, page);
            }
        }
        Ok(())
    }

    /// The site of `parts` (as [`parts_for`](Self::parts_for) gives them, all read): each
    /// of their papers once, with the corpus's cluster of each author and citation key, and
    /// their clusters pinned. `None` before the manifest.
    pub fn site(&self, parts: &[Part]) -> Option<Site> {
        let manifest = self.manifest.as_ref()?;
        let mut read: Vec<&ShardPaper> = Vec::new();
        let mut pinned = Pinned::default();
        let mut news_read: Vec<&ShardNews> = Vec::new();
        let mut activity_read: Vec<&ActivityItem> = Vec::new();
        let mut names: BTreeMap<(AuthorOrder, usize), &[NameEntry]> = BTreeMap::new();
        let mut list_pages = Vec::new();
        for part in parts {
            match part {
                Part::Manifest | Part::Search(..) | Part::TextSearch(_) => {}
                Part::Selected => read.extend(self.selected.iter().flatten()),
                Part::Bucket(bucket) => read.extend(self.buckets.get(bucket).into_iter().flatten()),
                Part::ListPage(page) => {
                    if let Some(papers) = self.list_pages.get(page) {
                        list_pages.push(*page);
                        read.extend(papers);
                    }
                }
                Part::ClusterPage(key, page) => read.extend(
                    self.cluster_pages
                        .get(&(key.clone(), *page))
                        .into_iter()
                        .flatten(),
                ),
                Part::Cluster(key) => match self.clusters.get(key) {
                    Some(Some(ClusterFile::Cluster {
                        summary,
                        papers,
                        pages,
                    })) => {
                        read.extend(papers);
                        let mut ids: Vec<String> =
                            papers.iter().map(|entry| entry.paper.id.clone()).collect();
                        for page in 1..*pages {
                            let part = Part::ClusterPage(key.clone(), page);
                            if parts.binary_search(&part).is_ok()
                                && let Some(more) = self.cluster_pages.get(&(key.clone(), page))
                            {
                                ids.extend(more.iter().map(|entry| entry.paper.id.clone()));
                            }
                        }
                        pinned.clusters.insert(key.clone(), (summary.clone(), ids));
                    }
                    Some(Some(ClusterFile::Redirect { cluster })) => {
                        pinned.redirects.insert(key.clone(), cluster.clone());
                    }
                    Some(None) | None => {}
                },
                Part::Names(order, page) => {
                    if let Some(page_names) = self.names.get(&(*order, *page)) {
                        names.insert((*order, *page), page_names);
                    }
                }
                Part::NewsPage(..) | Part::ActivityPage(..) => match self.text_pages.get(part) {
                    Some(TextPage::News(items)) => news_read.extend(items),
                    Some(TextPage::Activity(items)) => activity_read.extend(items),
                    _ => {}
                },
            }
        }
        // Pages of several lists of news may share items.
        sort_by(&mut news_read, &|a, b| a.ordinal.cmp(&b.ordinal));
        news_read.dedup_by_key(|entry| entry.ordinal);
        pinned.news_anchors = news_read.iter().map(|entry| entry.anchor.clone()).collect();
        let news: Vec<NewsItem> = news_read.iter().map(|entry| entry.item.clone()).collect();
        let activity: Vec<ActivityItem> = activity_read.into_iter().cloned().collect();
        let mut seen: FastMap<&str, ()> = FastMap::default();
        read.retain(|entry| seen.insert(&entry.paper.id, ()).is_none());
        // In the corpus's newest-first order, papers of the same date keep the order they have
        // there, as they do in the data file.
        sort_by(&mut read, &|a, b| a.ordinal.cmp(&b.ordinal));
        // The list pages from the first on without a gap: the site's first papers.
        let listed_pages = list_pages
            .iter()
            .enumerate()
            .take_while(|&(place, &page)| place == page)
            .count();
        let names_in = |order: AuthorOrder| -> Vec<NameEntry> {
            (0..)
                .map_while(|page| names.get(&(order, page)))
                .flat_map(|page| page.iter().cloned())
                .collect()
        };
        pinned.corpus = Some(Corpus {
            papers: manifest.counts.papers,
            listed: (listed_pages * shard::LIST_PAGE).min(manifest.counts.papers),
            facets: manifest.facets.clone(),
            names: CorpusNames {
                total: manifest.counts.clusters,
                by_name: names_in(AuthorOrder::Name),
                by_papers: names_in(AuthorOrder::Papers),
            },
            news: manifest.counts.news,
            texts: manifest.texts.clone(),
        });
        let mut papers = Vec::with_capacity(read.len());
        for entry in read {
            papers.push(entry.paper.clone());
            pinned.author_clusters.push(entry.clusters.clone());
            pinned.citation_keys.push(entry.cite.clone());
        }
        let file = SiteFile {
            site: manifest.site.clone(),
            people: manifest.people.clone(),
            papers,
            news,
            activity,
            names: manifest.names.clone(),
            bibliography: Vec::new(),
        };
        Some(Site::assembled(file, pinned))
    }

    /// The manifest, once read.
    pub fn manifest(&self) -> Option<&Manifest> {
        self.manifest.as_ref()
    }
}

/// How a search of a sharded corpus stands: the first matches, and how far it has gone.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CorpusMatches {
    /// The ids of the first matches, newest first: as many as were asked for, or every match.
    pub ids: Vec<String>,
    /// How many matches have been found so far.
    pub found: usize,
    /// How many of the newest papers have been searched.
    pub searched: usize,
    /// Whether every paper has been searched: [`found`](Self::found) is then every match.
    pub done: bool,
    /// For the site-wide search, the first news items matching, newest first.
    pub news: Vec<NewsItem>,
    /// For the site-wide search, the first forum items matching, newest first.
    pub activity: Vec<ActivityItem>,
}

/// The filter of the papers page run over a sharded corpus: its words' postings, read segment
/// by segment from the newest papers on, so that the first results need only the newest
/// segment's shards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusSearch {
    /// A paper matches when it has, for every group, one of the group's words.
    groups: Vec<Vec<String>>,
    /// The ordinals of the years chosen.
    ordinals: std::ops::Range<u32>,
    /// Papers in a segment.
    segment_papers: usize,
    /// Papers in the corpus.
    papers: usize,
    /// Segments in the corpus.
    segments: usize,
    /// Segments searched, from the newest.
    searched: usize,
    /// The ordinals found so far, ascending (newest first).
    found: Vec<u32>,
}

impl CorpusSearch {
    /// The search for `filter` over the corpus of `manifest`. The author position is the site
    /// owner's, whom the papers page highlights; without an owner it filters nothing.
    pub fn new(filter: &PaperFilter, manifest: &Manifest) -> Self {
        let facets = &manifest.facets;
        let mut groups: Vec<Vec<String>> = Query::parse(&filter.query)
            .terms()
            .iter()
            .map(|term| vec![term.clone()])
            .collect();
        if !filter.kinds.is_empty() {
            groups.push(
                filter
                    .kinds
                    .iter()
                    .map(|&kind| shard::kind_word(kind))
                    .collect(),
            );
        }
        if let Some(status) = filter.status {
            groups.push(vec![shard::status_word(status)]);
        }
        for tag in &filter.tags {
            // A tag the corpus lacks matches nothing: a group without words.
            let number = facets.tags.iter().position(|(known, _)| known == tag);
            groups.push(number.map(shard::tag_word).into_iter().collect());
        }
        if let Some(position) = filter.position
            && manifest.site.owner.is_some()
        {
            groups.push(vec![shard::position_word(position)]);
        }
        let (from, to) = filter.years.unwrap_or_default();
        let (mut start, mut end) = (0u32, 0u32);
        for &(year, count) in &facets.years {
            let count = count as u32;
            if to.is_some_and(|to| year > to) {
                start += count;
                end += count;
            } else if from.is_none_or(|from| year >= from) {
                end += count;
            }
        }
        let ordinals = start..end.max(start);
        Self {
            groups,
            segment_papers: manifest.segment_papers.max(1),
            papers: manifest.counts.papers,
            segments: manifest.counts.segments.max(1),
            searched: 0,
            found: Vec::new(),
            ordinals,
        }
    }

    /// Whether `other` asks for the same papers, so that one's progress serves the other.
    pub fn asks_same(&self, other: &Self) -> bool {
        self.groups == other.groups && self.ordinals == other.ordinals
    }

    /// The ordinals found so far, ascending: the newest papers first.
    pub fn found(&self) -> &[u32] {
        &self.found
    }

    /// Whether every segment has been searched: [`found`](Self::found) is then every match.
    pub fn is_done(&self) -> bool {
        self.searched >= self.segments
    }

    /// How many of the newest papers have been searched.
    pub fn searched_papers(&self) -> usize {
        (self.searched * self.segment_papers).min(self.papers)
    }

    /// The shards `segment` needs: those of every word, none when the years leave the segment
    /// out or no word could match.
    fn parts_of(&self, segment: usize) -> Vec<Part> {
        if segment >= self.segments || !self.segment_may_match(segment) {
            return Vec::new();
        }
        let mut parts: Vec<Part> = self
            .groups
            .iter()
            .flatten()
            .map(|word| Part::Search(segment, shard::word_shard(word)))
            .collect();
        parts.sort_unstable();
        parts.dedup();
        parts
    }

    /// Whether the papers of `segment` may match: the years chosen include some, and every group
    /// has a word.
    fn segment_may_match(&self, segment: usize) -> bool {
        let start = (segment * self.segment_papers) as u32;
        let end = start.saturating_add(self.segment_papers as u32);
        start < self.ordinals.end
            && self.ordinals.start < end
            && self.groups.iter().all(|group| !group.is_empty())
    }

    /// Searches the next segment, its shards from `shard(segment, name)` (`None` for a shard
    /// without a file: no word of it in the segment).
    fn add_segment<'a>(&mut self, shard: &dyn Fn(usize, &str) -> Option<&'a SearchShard>) {
        if self.is_done() {
            return;
        }
        let segment = self.searched;
        self.searched += 1;
        if !self.segment_may_match(segment) {
            return;
        }
        let start = (segment * self.segment_papers) as u32;
        let matching = |word: &String| {
            shard(segment, &shard::word_shard(word))
                .map(|postings| postings.term_ordinals(word))
                .unwrap_or_default()
        };
        let sets: Vec<Vec<u32>> = self
            .groups
            .iter()
            .map(|group| {
                let mut any: Vec<u32> = group.iter().flat_map(matching).collect();
                any.sort_unstable();
                any.dedup();
                any
            })
            .collect();
        let in_segment = if sets.is_empty() {
            (0..self.segment_papers as u32).collect()
        } else {
            shard::intersect(&sets)
        };
        self.found.extend(
            in_segment
                .into_iter()
                .map(|ordinal| start + ordinal)
                .filter(|ordinal| self.ordinals.contains(ordinal)),
        );
    }
}

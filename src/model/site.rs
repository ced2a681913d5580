//! The site as the views use it: the checked data file with its dates parsed, its lists ordered
//! and its lookups built once.

use super::cite::{Citable, CitationKeys};
use super::cluster::{AuthorIndex, AuthorOrder, ClusterSummary, PaperMention};
use super::date::PartialDate;
use super::fast_hash::FastMap;
use super::route::{Page, Route};
use super::schema::{ActivityItem, ActivityKind, NewsItem, Paper, PaperStatus, Person, SiteFile};
use super::search::{Hit, HitKind, PaperIndex, Query, SiteIndex};
use super::shard::{Facets, NameEntry, TextCounts};
use super::sort::sort_by;
use std::cmp::Reverse;
use std::sync::OnceLock;

/// The loaded site data, ready to render.
#[derive(Debug, Clone)]
pub struct Site {
    file: SiteFile,
    updated: Option<PartialDate>,
    people_by_id: FastMap<String, usize>,
    papers_by_id: FastMap<String, usize>,
    paper_dates: Vec<PartialDate>,
    papers_newest_first: Vec<usize>,
    news_dates: Vec<PartialDate>,
    news_anchors: Vec<String>,
    news_newest_first: Vec<usize>,
    activity_dates: Vec<Option<PartialDate>>,
    authors: AuthorIndex,
    /// Built on the first citation export: most visits never cite.
    citation_keys: OnceLock<CitationKeys>,
    /// Built on first use, or when the browser is idle after the first page.
    paper_search: OnceLock<PaperIndex>,
    /// Built on first use, or when the browser is idle after the first page.
    site_search: OnceLock<SiteIndex>,
    pinned: Pinned,
}

/// What a site assembled from part of a sharded index takes from the whole corpus, where its own
/// papers would say less.
#[derive(Debug, Clone, Default)]
pub struct Pinned {
    /// Author clusters as their pages show them, by key, with their papers' ids newest first.
    pub clusters: FastMap<String, (ClusterSummary, Vec<String>)>,
    /// Keys standing for another cluster, with that cluster's key.
    pub redirects: FastMap<String, String>,
    /// The cluster key of each author, paper by paper, in the order of the data file's papers.
    pub author_clusters: Vec<Vec<String>>,
    /// The citation key of each paper, in the same order; empty to compute them.
    pub citation_keys: Vec<String>,
    /// The anchor of each news item, in the order of the data file's news; empty to compute
    /// them.
    pub news_anchors: Vec<String>,
    /// The corpus the papers are part of; `None` when they are the whole of it.
    pub corpus: Option<Corpus>,
}

/// The whole corpus of a site assembled from part of a sharded index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corpus {
    /// Papers in the corpus.
    pub papers: usize,
    /// How many papers of the corpus's newest-first list have been read: the site's first
    /// papers, in the same order.
    pub listed: usize,
    /// Filter options and their counts over the corpus.
    pub facets: Facets,
    /// The index of every author name, as far as it has been read.
    pub names: CorpusNames,
    /// Everyone's news items.
    pub news: usize,
    /// How many news and forum items each person has, in the order of the site's people.
    pub texts: Vec<TextCounts>,
}

/// The index of a corpus's author names, read a page at a time in either order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorpusNames {
    /// Author names (clusters) in the corpus.
    pub total: usize,
    /// The first names by name, as far as read.
    pub by_name: Vec<NameEntry>,
    /// The first names by paper count, as far as read.
    pub by_papers: Vec<NameEntry>,
}

impl CorpusNames {
    /// The first names in `order`, as far as read.
    pub fn in_order(&self, order: AuthorOrder) -> &[NameEntry] {
        match order {
            AuthorOrder::Name => &self.by_name,
            AuthorOrder::Papers => &self.by_papers,
        }
    }
}

/// A news item as lists show it.
#[derive(Debug, Clone, Copy)]
pub struct NewsEntry<'a> {
    /// The item.
    pub item: &'a NewsItem,
    /// Its date.
    pub date: PartialDate,
    /// The id of its place on news pages (`news-2025-07-18`, `news-2025-07-18-2` for the second
    /// item of that date in the file): the same on every build while items of its date keep
    /// their order, so that links and feed entries keep pointing at it.
    pub anchor: &'a str,
}

/// How many items a person has of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PersonCounts {
    /// Papers in the person's author cluster.
    pub papers: usize,
    /// News items.
    pub news: usize,
    /// Forum posts, comments and sequences.
    pub activity: usize,
    /// Sequences, of those.
    pub sequences: usize,
}

impl Site {
    /// Builds the site from a data file that [`validate`](super::validate::validate) found no errors
    /// in. Should an unchecked file slip through, unparsable dates count as year 0 rather than fail.
    pub fn new(file: SiteFile) -> Self {
        Self::assembled(file, Pinned::default())
    }

    /// [`new`](Self::new) for papers that are part of a larger corpus: their authors' clusters,
    /// their citation keys and the clusters of `pinned` are the corpus's.
    pub fn assembled(file: SiteFile, mut pinned: Pinned) -> Self {
        let author_clusters = std::mem::take(&mut pinned.author_clusters);
        let citation_keys = OnceLock::new();
        if pinned.citation_keys.len() == file.papers.len() && !file.papers.is_empty() {
            let keys = std::mem::take(&mut pinned.citation_keys);
            citation_keys.get_or_init(|| CitationKeys::given(keys));
        }
        let date_or_zero =
            |text: &str| PartialDate::parse(text).unwrap_or(PartialDate::year_only(0));
        let paper_dates: Vec<PartialDate> = file
            .papers
            .iter()
            .map(|paper| date_or_zero(&paper.date))
            .collect();
        let news_dates: Vec<PartialDate> = file
            .news
            .iter()
            .map(|item| date_or_zero(&item.date))
            .collect();
        let activity_dates = file
            .activity
            .iter()
            .map(|item| {
                item.date
                    .as_deref()
                    .and_then(|date| PartialDate::parse(date).ok())
            })
            .collect();
        let news_anchors = match std::mem::take(&mut pinned.news_anchors) {
            anchors if anchors.len() == file.news.len() && !anchors.is_empty() => anchors,
            _ => anchors_by_date(&news_dates),
        };
        Self {
            updated: file
                .site
                .updated
                .as_deref()
                .and_then(|date| PartialDate::parse(date).ok()),
            people_by_id: index_by_id(file.people.iter().map(|person| &person.id)),
            papers_by_id: index_by_id(file.papers.iter().map(|paper| &paper.id)),
            papers_newest_first: all_newest_first(&paper_dates),
            news_newest_first: all_newest_first(&news_dates),
            authors: AuthorIndex::build_pinned(
                &file.papers,
                &file.people,
                &file.names,
                &author_clusters,
            ),
            paper_dates,
            news_dates,
            news_anchors,
            activity_dates,
            citation_keys,
            paper_search: OnceLock::new(),
            site_search: OnceLock::new(),
            pinned,
            file,
        }
    }

    /// The corpus this site's papers are part of, when it was assembled from part of a sharded
    /// index; `None` when its papers are all there are.
    pub fn corpus(&self) -> Option<&Corpus> {
        self.pinned.corpus.as_ref()
    }

    /// The data file the site was built from, papers in file order.
    pub fn file(&self) -> &SiteFile {
        &self.file
    }

    /// The site title.
    pub fn title(&self) -> &str {
        &self.file.site.title
    }

    /// The site description.
    pub fn description(&self) -> &str {
        &self.file.site.description
    }

    /// When the data was last updated.
    pub fn updated(&self) -> Option<PartialDate> {
        self.updated
    }

    /// The person whose about page is the home page, if the site has an owner.
    pub fn owner(&self) -> Option<&Person> {
        self.file
            .site
            .owner
            .as_deref()
            .and_then(|id| self.person(id))
    }

    /// Every person, in file order.
    pub fn people(&self) -> &[Person] {
        &self.file.people
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people_by_id
            .get(id)
            .map(|&index| &self.file.people[index])
    }

    /// Every paper, in file order; indices into this slice identify papers elsewhere.
    pub fn papers(&self) -> &[Paper] {
        &self.file.papers
    }

    /// The index of the paper with this id.
    pub fn paper_index(&self, id: &str) -> Option<usize> {
        self.papers_by_id.get(id).copied()
    }

    /// The paper at `index` in [`papers`](Self::papers).
    pub fn paper(&self, index: usize) -> &Paper {
        &self.file.papers[index]
    }

    /// The publication date of the paper at `index`.
    pub fn paper_date(&self, index: usize) -> PartialDate {
        self.paper_dates[index]
    }

    /// Whether the paper at `index` is a preprint or published, its `status` defaulting by kind.
    pub fn paper_status(&self, index: usize) -> PaperStatus {
        self.file.papers[index].status()
    }

    /// Indices of all papers, newest first.
    pub fn papers_newest_first(&self) -> &[usize] {
        &self.papers_newest_first
    }

    /// Indices of a person's papers (their author cluster), newest first.
    pub fn papers_of(&self, person: &Person) -> Vec<usize> {
        let mut papers = self.authors.papers_of_person(person);
        self.sort_newest_first(&mut papers);
        papers
    }

    /// Orders paper indices newest first; papers of the same date keep file order.
    pub fn sort_newest_first(&self, papers: &mut [usize]) {
        newest_first(&self.paper_dates, papers);
    }

    /// Every page the data has, in the order of the route table: the lists, each paper, each
    /// author name (and each person's name, which has a page even without papers), each person
    /// and their sub-pages.
    pub fn routes(&self) -> Vec<Route> {
        let mut routes = Vec::new();
        for page in Page::all() {
            match page {
                Page::Home | Page::Papers | Page::News | Page::Authors => {
                    routes.push(Route::of(page))
                }
                Page::Paper => routes.extend(
                    self.papers_newest_first
                        .iter()
                        .map(|&paper| Route::with(page, &self.file.papers[paper].id)),
                ),
                Page::Author => {
                    let mut keys: Vec<String> = self
                        .authors
                        .entries()
                        .iter()
                        .map(|entry| entry.key.to_string())
                        .collect();
                    for person in self.people() {
                        let key = super::names::key(&person.name);
                        if self.authors.resolve(&key).is_none() {
                            keys.push(key);
                        }
                    }
                    keys.sort_unstable();
                    keys.dedup();
                    routes.extend(
                        keys.into_iter()
                            .filter(|key| !key.is_empty())
                            .map(|key| Route::with(page, &key)),
                    );
                }
                Page::Person | Page::PersonPapers | Page::PersonNews | Page::PersonActivity => {
                    routes.extend(
                        self.people()
                            .iter()
                            .map(|person| Route::with(page, &person.id)),
                    )
                }
                Page::PersonCv | Page::PersonTalks | Page::PersonTeaching => routes.extend(
                    self.people()
                        .iter()
                        .filter(|person| self.has_page(person, page))
                        .map(|person| Route::with(page, &person.id)),
                ),
            }
        }
        routes
    }

    /// The paper's page on the public site, when the site declares its `base_url`.
    pub fn paper_url(&self, index: usize) -> Option<String> {
        let route = Route::with(Page::Paper, &self.file.papers[index].id);
        self.absolute_url(&route.relative_path())
    }

    /// The public address of the site (`https://example.org/vita/`), when the data gives it.
    pub fn base_url(&self) -> Option<&str> {
        self.file.site.base_url.as_deref()
    }

    /// The absolute URL of `relative` (an address relative to the site root, such as
    /// `papers/x/` or `files/cv.pdf`), when the site declares its `base_url`. URLs that are
    /// absolute already are returned as they are.
    pub fn absolute_url(&self, relative: &str) -> Option<String> {
        if relative.starts_with("https://") || relative.starts_with("http://") {
            return Some(relative.to_string());
        }
        let base = self.base_url()?;
        Some(format!("{}/{relative}", base.trim_end_matches('/')))
    }

    /// What citation export needs of the papers at `papers`, in that order. Citation keys are
    /// computed over the whole site, so a paper's key never depends on the list it is in.
    pub fn citables(&self, papers: &[usize]) -> Vec<Citable<'_>> {
        papers
            .iter()
            .map(|&index| Citable {
                paper: &self.file.papers[index],
                key: self.citation_key(index),
                date: self.paper_dates[index],
                status: self.paper_status(index),
                url: self.paper_url(index),
            })
            .collect()
    }

    /// The citation key of the paper at `index`, computed over the whole site.
    pub fn citation_key(&self, index: usize) -> &str {
        self.citation_keys
            .get_or_init(|| CitationKeys::new(&self.file.papers, &self.paper_dates))
            .key(index)
    }

    /// The search index of the papers, built on first use.
    pub fn paper_search(&self) -> &PaperIndex {
        self.paper_search.get_or_init(|| PaperIndex::build(self))
    }

    /// Keeps `index`, built from this site step by step, as the papers' search index, unless
    /// one was built meanwhile.
    pub fn keep_paper_search(&self, index: PaperIndex) {
        // Either index serves: the one already there is as good.
        let _ = self.paper_search.set(index);
    }

    /// Keeps `index`, built from this site step by step, as the quick-search index, unless one
    /// was built meanwhile.
    pub fn keep_site_search(&self, index: SiteIndex) {
        let _ = self.site_search.set(index);
    }

    /// The quick-search index of people, papers, news and activity, built on first use.
    pub fn site_search(&self) -> &SiteIndex {
        self.site_search.get_or_init(|| SiteIndex::build(self))
    }

    /// The best `limit` quick-search hits for `query` over people, papers, news and activity.
    pub fn quick_search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        self.site_search().search(self.paper_search(), query, limit)
    }

    /// The best `limit` quick-search hits for `query` on a site assembled from a sharded index:
    /// over its people, and only the items its search shards found: the papers `found` (ids),
    /// `news` and `activity`, each newest first.
    pub fn quick_search_among(
        &self,
        query: &Query,
        limit: usize,
        found: &[String],
        news: &[NewsItem],
        activity: &[ActivityItem],
    ) -> Vec<Hit> {
        let papers: Vec<usize> = found.iter().filter_map(|id| self.paper_index(id)).collect();
        // Ranked in a site of the people and the items found alone.
        let among = Site::new(SiteFile {
            site: self.file.site.clone(),
            people: self.file.people.clone(),
            papers: papers
                .iter()
                .map(|&paper| self.paper(paper).clone())
                .collect(),
            news: news.to_vec(),
            activity: activity.to_vec(),
            names: self.file.names.clone(),
            bibliography: Vec::new(),
        });
        let mut hits =
            SiteIndex::build_among(&among, (0..papers.len()).collect()).search_among(query, limit);
        for hit in &mut hits {
            if hit.kind == HitKind::Paper {
                hit.index = papers[hit.index];
            }
        }
        hits
    }

    /// The cluster key an author key in an address stands for (see [`AuthorIndex::resolve`]).
    pub fn resolve_author(&self, key: &str) -> Option<&str> {
        if let Some((cluster, _)) = self.pinned.clusters.get_key_value(key) {
            return Some(cluster);
        }
        if let Some(cluster) = self.pinned.redirects.get(key) {
            return Some(cluster);
        }
        self.authors.resolve(key)
    }

    /// The author names of every paper, grouped into clusters.
    pub fn authors(&self) -> &AuthorIndex {
        &self.authors
    }

    /// The cluster with this key as its page shows it, its variants' papers named, and the
    /// indices of its papers, newest first.
    pub fn cluster_summary(&self, key: &str) -> Option<(ClusterSummary, Vec<usize>)> {
        if let Some((summary, _)) = self.pinned.clusters.get(key) {
            return Some((summary.clone(), self.cluster_papers(key)));
        }
        let cluster = self.authors.cluster(key)?;
        let summary = cluster.summary(
            |paper| PaperMention {
                id: self.paper(paper).id.clone(),
                title: self.paper(paper).title.clone(),
                year: self.paper_date(paper).year,
            },
            |papers| self.sort_newest_first(papers),
        );
        let mut papers = cluster.papers;
        self.sort_newest_first(&mut papers);
        Some((summary, papers))
    }

    /// The papers of the cluster `key` the site holds, newest first: on a sharded site, those of
    /// the pages read so far.
    pub fn cluster_papers(&self, key: &str) -> Vec<usize> {
        if let Some((_, ids)) = self.pinned.clusters.get(key) {
            return ids.iter().filter_map(|id| self.paper_index(id)).collect();
        }
        let mut papers = self
            .authors
            .cluster(key)
            .map(|cluster| cluster.papers)
            .unwrap_or_default();
        self.sort_newest_first(&mut papers);
        papers
    }

    /// Whether the author at `position` of paper `paper` is `person` (linked, by alias, by ORCID or
    /// by the same name).
    pub fn is_author(&self, paper: usize, position: usize, person: &Person) -> bool {
        let person_key = super::names::key(&person.name);
        self.authors
            .rows_of_paper(paper)
            .nth(position)
            .is_some_and(|row| row.cluster == person_key)
    }

    /// All news items, newest first.
    pub fn news(&self) -> impl Iterator<Item = NewsEntry<'_>> {
        self.news_newest_first.iter().map(|&index| NewsEntry {
            item: &self.file.news[index],
            date: self.news_dates[index],
            anchor: &self.news_anchors[index],
        })
    }

    /// Whose news item or activity this is: its `person`, else the site owner.
    pub fn person_of<'a>(&'a self, person: Option<&'a str>) -> Option<&'a str> {
        person.or(self.file.site.owner.as_deref())
    }

    /// A person's news items, newest first.
    pub fn news_of<'a>(&'a self, person: &'a str) -> impl Iterator<Item = NewsEntry<'a>> {
        self.news()
            .filter(move |entry| self.person_of(entry.item.person.as_deref()) == Some(person))
    }

    /// A person's forum activity: dated items newest first, then undated ones in file order.
    pub fn activity_of(&self, person: &str) -> Vec<(&ActivityItem, Option<PartialDate>)> {
        self.activity_order(Some(person))
            .into_iter()
            .map(|index| (&self.file.activity[index], self.activity_dates[index]))
            .collect()
    }

    /// The forum activity of `person`, or of everyone with a page, as indices into the data
    /// file's: dated items newest first, then undated ones in file order.
    pub fn activity_order(&self, person: Option<&str>) -> Vec<usize> {
        let mut items: Vec<usize> = (0..self.file.activity.len())
            .filter(|&index| {
                let whose = self.person_of(self.file.activity[index].person.as_deref());
                match person {
                    Some(person) => whose == Some(person),
                    None => whose.is_some_and(|whose| self.person(whose).is_some()),
                }
            })
            .collect();
        let dates = &self.activity_dates;
        sort_by(&mut items, &|&a, &b| {
            (dates[a].is_none(), Reverse(dates[a]), a).cmp(&(
                dates[b].is_none(),
                Reverse(dates[b]),
                b,
            ))
        });
        items
    }

    /// Whether the person has the page `page` of theirs: a CV when they have papers or CV
    /// sections, talks and teaching pages when they have talks and courses; every other page
    /// always.
    pub fn has_page(&self, person: &Person, page: Page) -> bool {
        match page {
            Page::PersonCv => person.has_cv_sections() || self.paper_count(person) > 0,
            Page::PersonTalks => !person.talks.is_empty(),
            Page::PersonTeaching => !person.teaching.is_empty(),
            _ => true,
        }
    }

    /// How many papers a person's cluster has: in the corpus, when its summary is pinned.
    pub fn paper_count(&self, person: &Person) -> usize {
        let key = super::names::key(&person.name);
        let cluster = self.resolve_author(&key).unwrap_or(&key);
        match self.pinned.clusters.get(cluster) {
            Some((summary, _)) => summary.papers,
            None => self.authors.papers_of_person(person).len(),
        }
    }

    /// How many papers, news items and activity items a person has: in the corpus, when the
    /// site is part of one.
    pub fn counts(&self, person: &Person) -> PersonCounts {
        let papers = self.paper_count(person);
        if let Some(texts) = self.corpus_texts(person) {
            return PersonCounts {
                papers,
                news: texts.news,
                activity: texts.activity,
                sequences: texts.sequences,
            };
        }
        let theirs: Vec<&ActivityItem> = self
            .file
            .activity
            .iter()
            .filter(|item| self.person_of(item.person.as_deref()) == Some(person.id.as_str()))
            .collect();
        PersonCounts {
            papers,
            news: self.news_of(&person.id).count(),
            activity: theirs.len(),
            sequences: theirs
                .iter()
                .filter(|item| item.kind == ActivityKind::Sequence)
                .count(),
        }
    }

    /// How many news items a person has: in the corpus, when the site is part of one.
    pub fn news_count_of(&self, person: &Person) -> usize {
        match self.corpus_texts(person) {
            Some(texts) => texts.news,
            None => self.news_of(&person.id).count(),
        }
    }

    /// How many news and forum items a person has in the corpus, when the site is part of one.
    fn corpus_texts(&self, person: &Person) -> Option<TextCounts> {
        let corpus = self.corpus()?;
        let index = *self.people_by_id.get(&person.id)?;
        Some(corpus.texts.get(index).copied().unwrap_or_default())
    }

    /// How many news items there are: in the corpus, when the site is part of one.
    pub fn news_count(&self) -> usize {
        match self.corpus() {
            Some(corpus) => corpus.news,
            None => self.file.news.len(),
        }
    }
}

fn index_by_id<'a>(ids: impl Iterator<Item = &'a String>) -> FastMap<String, usize> {
    let mut index = FastMap::default();
    for (position, id) in ids.enumerate() {
        index.entry(id.clone()).or_insert(position);
    }
    index
}

/// `news-<date>` for each date, `-2`, `-3`… added for later items of the same date.
fn anchors_by_date(dates: &[PartialDate]) -> Vec<String> {
    let mut seen: FastMap<PartialDate, usize> = FastMap::default();
    dates
        .iter()
        .map(|date| {
            let count = seen.entry(*date).or_default();
            *count += 1;
            match *count {
                1 => format!("news-{}", date.to_iso()),
                n => format!("news-{}-{n}", date.to_iso()),
            }
        })
        .collect()
}

/// Every index of `dates`, newest first.
fn all_newest_first(dates: &[PartialDate]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..dates.len()).collect();
    newest_first(dates, &mut order);
    order
}

/// Orders indices into `dates` newest first, equal dates by index.
fn newest_first(dates: &[PartialDate], indices: &mut [usize]) {
    sort_by(indices, &|&a, &b| {
        (Reverse(dates[a]), a).cmp(&(Reverse(dates[b]), b))
    });
}

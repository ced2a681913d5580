//! Reading a sharded site ([`super::shard`]) page by page: which files the page of a route needs,
//! given those already read, and the [`Site`] those files make, which shows that page as the
//! whole data file would.
//!
//! A reader asks [`Fetched::missing`] for the parts a route needs, fetches them all, hands each
//! to [`Fetched::add`], and asks again until nothing is missing (an author key that stands for
//! another cluster needs that cluster next); [`Fetched::site`] then assembles the site.

use super::fast_hash::FastMap;
use super::names;
use super::parse::{ParseError, parse_json};
use super::route::{Page, Route};
use super::schema::{ActivityItem, NewsItem, SiteFile};
use super::shard::{self, ClusterFile, Manifest, ShardPaper};
use super::site::{Pinned, Site};
use std::collections::BTreeMap;

/// A file of the sharded layout.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The manifest, which every page reads first.
    Manifest,
    /// The news items.
    News,
    /// The forum activity.
    Activity,
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
}

impl Part {
    /// The part's file, relative to [`INDEX_FOLDER`](shard::INDEX_FOLDER).
    pub fn file(&self) -> String {
        match self {
            Self::Manifest => shard::MANIFEST.to_string(),
            Self::News => shard::NEWS.to_string(),
            Self::Activity => shard::ACTIVITY.to_string(),
            Self::Selected => shard::SELECTED.to_string(),
            Self::Bucket(bucket) => format!("papers/{bucket}.json"),
            Self::ListPage(page) => shard::list_file(*page),
            Self::Cluster(key) => shard::cluster_file(key),
            Self::ClusterPage(key, page) => shard::cluster_page_file(key, *page),
        }
    }

    /// Whether the site may lack the file: an author key in an address may be no author's.
    pub fn may_be_absent(&self) -> bool {
        matches!(self, Self::Cluster(_))
    }
}

/// The files of a sharded site read so far, parsed.
#[derive(Debug, Clone, Default)]
pub struct Fetched {
    manifest: Option<Manifest>,
    news: Option<Vec<NewsItem>>,
    activity: Option<Vec<ActivityItem>>,
    selected: Option<Vec<ShardPaper>>,
    buckets: BTreeMap<u32, Vec<ShardPaper>>,
    list_pages: BTreeMap<usize, Vec<ShardPaper>>,
    /// By key; `None` for a key without a file.
    clusters: BTreeMap<String, Option<ClusterFile>>,
    cluster_pages: BTreeMap<(String, usize), Vec<ShardPaper>>,
}

impl Fetched {
    /// The parts the page at `route` (the 404 page for `None`) needs and that are not read yet.
    pub fn missing(&self, route: Option<&Route>) -> Vec<Part> {
        let Some(manifest) = &self.manifest else {
            return vec![Part::Manifest];
        };
        let mut wanted = Vec::new();
        match route.map(|route| (route.page, route.param.as_str())) {
            None => {}
            Some((Page::Home, _)) => match &manifest.site.owner {
                Some(owner) => self.person_parts(manifest, owner, &mut wanted),
                None => {
                    // The directory counts each person's papers, news and activity.
                    wanted.extend([Part::News, Part::Activity]);
                    for person in &manifest.people {
                        self.cluster_parts(&names::key(&person.name), false, &mut wanted);
                    }
                }
            },
            Some((Page::Papers, _)) => wanted.push(Part::ListPage(0)),
            Some((Page::Paper, id)) => {
                wanted.push(Part::Bucket(shard::bucket_of(id, manifest.paper_buckets)))
            }
            Some((Page::News, _)) => wanted.push(Part::News),
            Some((Page::Author, key)) => self.cluster_parts(key, true, &mut wanted),
            Some((page, id)) if page.is_person() => self.person_parts(manifest, id, &mut wanted),
            // The name index: the manifest, then its pages ([`shard::names_file`]) as it shows them.
            Some(_) => {}
        }
        wanted.retain(|part| !self.has(part));
        wanted.sort_unstable();
        wanted.dedup();
        wanted
    }

    /// The parts of a person's pages: news, activity, selected papers and the person's cluster.
    fn person_parts(&self, manifest: &Manifest, id: &str, wanted: &mut Vec<Part>) {
        wanted.extend([Part::News, Part::Activity, Part::Selected]);
        if let Some(person) = manifest.people.iter().find(|person| person.id == id) {
            self.cluster_parts(&names::key(&person.name), true, wanted);
        }
    }

    /// The file of an author key, then the cluster it stands for, then (`all_papers`) its
    /// further pages.
    fn cluster_parts(&self, key: &str, all_papers: bool, wanted: &mut Vec<Part>) {
        match self.clusters.get(key) {
            None => wanted.push(Part::Cluster(key.to_string())),
            Some(None) => {}
            Some(Some(ClusterFile::Redirect { cluster })) => {
                if cluster != key {
                    self.cluster_parts(cluster, all_papers, wanted);
                }
            }
            Some(Some(ClusterFile::Cluster { pages, .. })) if all_papers => {
                wanted.extend((1..*pages).map(|page| Part::ClusterPage(key.to_string(), page)))
            }
            Some(Some(ClusterFile::Cluster { .. })) => {}
        }
    }

    fn has(&self, part: &Part) -> bool {
        match part {
            Part::Manifest => self.manifest.is_some(),
            Part::News => self.news.is_some(),
            Part::Activity => self.activity.is_some(),
            Part::Selected => self.selected.is_some(),
            Part::Bucket(bucket) => self.buckets.contains_key(bucket),
            Part::ListPage(page) => self.list_pages.contains_key(page),
            Part::Cluster(key) => self.clusters.contains_key(key),
            Part::ClusterPage(key, page) => self.cluster_pages.contains_key(&(key.clone(), *page)),
        }
    }

    /// Adds the contents of `part`'s file; `None` for a file the host does not have, which only
    /// an author key's may be ([`Part::may_be_absent`]).
    pub fn add(&mut self, part: Part, bytes: Option<&[u8]>) -> Result<(), ParseError> {
        let Some(bytes) = bytes else {
            if let Part::Cluster(key) = part {
                self.clusters.insert(key, None);
            }
            return Ok(());
        };
        match part {
            Part::Manifest => self.manifest = Some(parse_json(bytes)?),
            Part::News => self.news = Some(parse_json(bytes)?),
            Part::Activity => self.activity = Some(parse_json(bytes)?),
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
        }
        Ok(())
    }

    /// The site of what has been read: every paper read once, with the corpus's cluster of each
    /// author and citation key, and the clusters read pinned.
    /// `None` before the manifest.
    pub fn site(&self) -> Option<Site> {
        let manifest = self.manifest.as_ref()?;
        let read = self
            .selected
            .iter()
            .flatten()
            .chain(self.buckets.values().flatten())
            .chain(self.list_pages.values().flatten())
            .chain(
                self.clusters
                    .values()
                    .flatten()
                    .flat_map(|file| match file {
                        ClusterFile::Cluster { papers, .. } => papers.as_slice(),
                        ClusterFile::Redirect { .. } => &[],
                    }),
            )
            .chain(self.cluster_pages.values().flatten());
        let mut seen: FastMap<&str, ()> = FastMap::default();
        let mut entries: Vec<&ShardPaper> = read
            .filter(|entry| seen.insert(&entry.paper.id, ()).is_none())
            .collect();
        // In the corpus's newest-first order, papers of the same date keep the order they have
        // there, as they do in the data file.
        entries.sort_unstable_by_key(|entry| entry.ordinal);
        let mut papers = Vec::new();
        let mut pinned = Pinned::default();
        for entry in entries {
            papers.push(entry.paper.clone());
            pinned.author_clusters.push(entry.clusters.clone());
            pinned.citation_keys.push(entry.cite.clone());
        }
        for (key, file) in &self.clusters {
            match file {
                Some(ClusterFile::Cluster {
                    summary,
                    papers,
                    pages,
                }) => {
                    let mut ids: Vec<String> =
                        papers.iter().map(|entry| entry.paper.id.clone()).collect();
                    for page in 1..*pages {
                        if let Some(more) = self.cluster_pages.get(&(key.clone(), page)) {
                            ids.extend(more.iter().map(|entry| entry.paper.id.clone()));
                        }
                    }
                    pinned.clusters.insert(key.clone(), (summary.clone(), ids));
                }
                Some(ClusterFile::Redirect { cluster }) => {
                    pinned.redirects.insert(key.clone(), cluster.clone());
                }
                None => {}
            }
        }
        let file = SiteFile {
            site: manifest.site.clone(),
            people: manifest.people.clone(),
            papers,
            news: self.news.clone().unwrap_or_default(),
            activity: self.activity.clone().unwrap_or_default(),
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

//! The sharded layout: read back, its files show what the single data file shows (every paper,
//! the newest-first list, each author cluster with its counts, the name index, search results and
//! filter counts), and the same data always gives the same bytes.
#![cfg(not(target_arch = "wasm32"))]

use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::Mutex;
use vita::build::data::read_site_data;
use vita::build::page::render_page;
use vita::build::shards::write_index_in_segments;
use vita::model::Site;
use vita::model::cluster::{AuthorOrder, IndexEntry, sort_index_entries};
use vita::model::filter::{Facets, PaperFilter};
use vita::model::names;
use vita::model::route::{Page, Route};
use vita::model::schema::{ActivityItem, ActivityKind, NewsItem, PaperKind};
use vita::model::search::{Hit, HitKind, Query, SiteIndex};
use vita::model::shard::{
    self, ClusterFile, Manifest, NameEntry, SearchShard, ShardNews, ShardPaper, intersect,
};
use vita::model::sharded::{CorpusSearch, Fetched, Part, TextList};
use vita::model::site::NewsEntry;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The site a reader assembles from `fetched` for the page at `route`, with the parts `extra`.
fn site_of(fetched: &Fetched, route: &Route, extra: &[Part]) -> Site {
    let parts = fetched.parts_for(Some(route), extra);
    fetched.site(&parts).expect("the manifest is read")
}

/// The files of a sharded layout, by path.
struct Layout(BTreeMap<String, Vec<u8>>);

impl Layout {
    fn of(site: &Site) -> Self {
        Self::in_segments(site, shard::SEGMENT)
    }

    /// The layout with search segments of `segment_papers` papers.
    fn in_segments(site: &Site, segment_papers: usize) -> Self {
        let files = Mutex::new(BTreeMap::new());
        write_index_in_segments(site, segment_papers, &|file, bytes| {
            let previous = files
                .lock()
                .unwrap()
                .insert(file.to_string(), bytes.to_vec());
            assert!(previous.is_none(), "{file} is written once");
            Ok(())
        })
        .expect("the layout is written");
        Self(files.into_inner().unwrap())
    }

    fn read<T: DeserializeOwned>(&self, file: &str) -> T {
        let bytes = self
            .0
            .get(file)
            .unwrap_or_else(|| panic!("{file} is written"));
        serde_json::from_slice(bytes).unwrap_or_else(|error| panic!("{file}: {error}"))
    }

    /// The papers of the newest-first ordinals `ordinals`, read from the list's pages.
    fn listed(&self, ordinals: &[usize]) -> Vec<ShardPaper> {
        let mut pages: BTreeMap<usize, Vec<ShardPaper>> = BTreeMap::new();
        ordinals
            .iter()
            .map(|&ordinal| {
                let page = pages
                    .entry(ordinal / shard::LIST_PAGE)
                    .or_insert_with_key(|&page| self.read(&shard::list_file(page)));
                page[ordinal % shard::LIST_PAGE].clone()
            })
            .collect()
    }

    /// The site a reader of the layout assembles for the static page at `route`: the parts it
    /// asks for, round after round, with every item of the page's list of news or activity, and
    /// how many files it read.
    fn site_with_all_texts(&self, route: &Route) -> (Site, usize) {
        let mut fetched = Fetched::default();
        let mut files = self.read_into(&mut fetched, route);
        let list = match route.page {
            Page::News => Some(TextList::News(None)),
            Page::PersonNews => Some(TextList::News(Some(route.param.clone()))),
            Page::PersonActivity => Some(TextList::Activity(route.param.clone())),
            _ => None,
        };
        if let Some(list) = list
            && fetched.want_texts(&list, usize::MAX)
        {
            files += self.read_into(&mut fetched, route);
        }
        (site_of(&fetched, route, &[]), files)
    }

    /// Reads the parts the page at `route` still needs into `fetched`; returns how many files
    /// it read.
    fn read_into(&self, fetched: &mut Fetched, route: &Route) -> usize {
        let mut files = 0;
        loop {
            let missing = fetched.missing(Some(route));
            if missing.is_empty() {
                return files;
            }
            files += self.read_parts(fetched, missing);
        }
    }

    /// Reads `parts` into `fetched`; returns how many of them have a file.
    fn read_parts(&self, fetched: &mut Fetched, parts: Vec<Part>) -> usize {
        let mut files = 0;
        for part in parts {
            let bytes = self.0.get(&part.file());
            assert!(
                bytes.is_some() || part.may_be_absent(),
                "{} is written",
                part.file()
            );
            files += usize::from(bytes.is_some());
            fetched
                .add(part.clone(), bytes.map(Vec::as_slice))
                .unwrap_or_else(|error| panic!("{}: {error}", part.file()));
        }
        files
    }

    /// The ids of the papers matching every term, newest first, as a reader of the shards finds
    /// them: segment by segment, the words of each term from the term's shard.
    fn search(&self, manifest: &Manifest, terms: &[String]) -> Vec<String> {
        let mut ordinals = Vec::new();
        for segment in 0..manifest.counts.segments {
            let sets: Vec<Vec<u32>> = terms
                .iter()
                .map(|term| {
                    let file = shard::search_file(segment, &shard::word_shard(term));
                    match self.0.contains_key(&file) {
                        true => self.read::<SearchShard>(&file).term_ordinals(term),
                        false => Vec::new(),
                    }
                })
                .collect();
            let start = segment * manifest.segment_papers;
            ordinals.extend(
                intersect(&sets)
                    .into_iter()
                    .map(|ordinal| start + ordinal as usize),
            );
        }
        self.listed(&ordinals)
            .into_iter()
            .map(|entry| entry.paper.id)
            .collect()
    }
}

fn demo_site() -> Site {
    let data = read_site_data(&Path::new(ROOT).join("public/data/site.json")).expect("demo data");
    Site::new(data.file)
}

fn generated_site(papers: usize) -> Site {
    // A file of its own for each call: tests run in parallel, several on the same size.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let out = std::env::temp_dir().join(format!(
        "vita-shards-{papers}-{}-{call}.json",
        std::process::id()
    ));
    let status = Command::new(env!("CARGO_BIN_EXE_vita-gen"))
        .args(["--papers", &papers.to_string(), "--seed", "11", "--out"])
        .arg(&out)
        .status()
        .expect("vita-gen runs");
    assert!(status.success());
    let data = read_site_data(&out).expect("generated data");
    std::fs::remove_file(&out).ok();
    Site::new(data.file)
}

/// Every check of the round trip, on one site.
fn assert_round_trip(site: &Site) {
    let layout = Layout::of(site);
    let manifest: Manifest = layout.read(shard::MANIFEST);
    let newest = site.papers_newest_first();

    assert_eq!(manifest.site, site.file().site);
    assert_eq!(manifest.people, site.people());
    assert_eq!(manifest.counts.papers, site.papers().len());
    assert_eq!(
        manifest
            .facets
            .years
            .iter()
            .map(|(_, count)| count)
            .sum::<usize>(),
        site.papers().len()
    );
    // Everyone's news and activity, newest first, in pages.
    let pages = |count: usize| 0..count.div_ceil(shard::TEXT_PAGE);
    let news: Vec<(NewsItem, String)> = pages(site.file().news.len())
        .flat_map(|page| layout.read::<Vec<ShardNews>>(&shard::news_file(None, page)))
        .map(|entry| (entry.item, entry.anchor))
        .collect();
    assert_eq!(news, news_with_anchors(site.news()));
    let everyone = site.activity_order(None);
    let activity: Vec<ActivityItem> = pages(everyone.len())
        .flat_map(|page| layout.read::<Vec<ActivityItem>>(&shard::activity_file(None, page)))
        .collect();
    let expected: Vec<&ActivityItem> = everyone
        .iter()
        .map(|&index| &site.file().activity[index])
        .collect();
    assert_eq!(activity.iter().collect::<Vec<_>>(), expected);

    // Every paper's full record, in the bucket its id names.
    for (index, paper) in site.papers().iter().enumerate() {
        let bucket: Vec<ShardPaper> =
            layout.read(&shard::paper_file(&paper.id, manifest.paper_buckets));
        let found = bucket
            .iter()
            .find(|entry| entry.paper.id == paper.id)
            .unwrap_or_else(|| panic!("{} is in its bucket", paper.id));
        assert_eq!(&found.paper, paper);
        let clusters: Vec<&str> = site
            .authors()
            .rows_of_paper(index)
            .map(|row| row.cluster.as_str())
            .collect();
        assert_eq!(
            found.clusters, clusters,
            "the cluster of each author of {}",
            paper.id
        );
    }

    // The list, newest first.
    let ordinals: Vec<usize> = (0..newest.len()).collect();
    let listed = layout.listed(&ordinals);
    for (entry, &paper) in listed.iter().zip(newest) {
        assert_eq!(entry.paper.id, site.paper(paper).id);
        assert_eq!(&entry.paper, site.paper(paper));
    }
    assert_eq!(listed.len(), newest.len());

    // Each author cluster, with its summary and every paper in the order shown.
    let entries = site.authors().entries();
    for entry in &entries {
        let (summary, papers) = site.cluster_summary(entry.key).expect("a cluster");
        let ClusterFile::Cluster {
            summary: written,
            papers: first,
            pages,
        } = layout.read(&shard::cluster_file(entry.key))
        else {
            panic!("{} is a cluster", entry.key);
        };
        assert_eq!(written, summary);
        let mut ids: Vec<String> = first.into_iter().map(|entry| entry.paper.id).collect();
        for page in 1..pages {
            let more: Vec<ShardPaper> = layout.read(&shard::cluster_page_file(entry.key, page));
            ids.extend(more.into_iter().map(|entry| entry.paper.id));
        }
        let expected: Vec<&str> = papers
            .iter()
            .map(|&paper| site.paper(paper).id.as_str())
            .collect();
        assert_eq!(ids, expected, "the papers of {}", entry.key);
    }
    for (key, cluster) in site.authors().redirects() {
        let file: ClusterFile = layout.read(&shard::cluster_file(key));
        assert_eq!(
            file,
            ClusterFile::Redirect {
                cluster: cluster.to_string()
            }
        );
    }

    // The name index, in each order as the names page sorts a site read whole.
    for order in AuthorOrder::ALL {
        let mut names: Vec<NameEntry> = Vec::new();
        for page in 0..manifest.counts.names_pages {
            names.extend(layout.read::<Vec<NameEntry>>(&shard::names_file(order, page)));
        }
        let mut sorted = entries.clone();
        sort_index_entries(&mut sorted, order);
        let found: Vec<IndexEntry<'_>> = names.iter().map(NameEntry::as_index_entry).collect();
        assert_eq!(found, sorted, "the name index by {order:?}");
    }

    // Search: queries of one and two words, taken from titles, find what the whole index finds.
    let mut queries: Vec<String> = Vec::new();
    for &paper in newest.iter().step_by((newest.len() / 12).max(1)) {
        let words: Vec<&str> = site
            .paper(paper)
            .title
            .split_whitespace()
            .filter(|word| word.chars().filter(|c| c.is_alphanumeric()).count() >= 3)
            .collect();
        if let [first, .., last] = words.as_slice() {
            queries.push(first.to_string());
            queries.push(format!("{first} {last}"));
            queries.push(first.chars().take(2).collect());
        }
    }
    assert!(queries.len() >= 6, "titles give queries");
    for text in &queries {
        let query = Query::parse(text);
        let expected: Vec<&str> = site
            .paper_search()
            .matching(&query, newest)
            .into_iter()
            .map(|paper| site.paper(paper).id.as_str())
            .collect();
        assert!(!expected.is_empty(), "{text} is taken from a title");
        assert_eq!(
            layout.search(&manifest, query.terms()),
            expected,
            "searching {text}"
        );
    }

    // Filter words: each kind's papers, and each tag's count in the manifest.
    for (kind, count) in &manifest.facets.kinds {
        let found = layout.search(&manifest, &[shard::kind_word(*kind)]);
        assert_eq!(found.len(), *count);
        assert!(
            found
                .iter()
                .all(|id| site.paper(site.paper_index(id).unwrap()).kind == *kind)
        );
    }
    for (tag, (name, count)) in manifest.facets.tags.iter().enumerate() {
        let found = layout.search(&manifest, &[shard::tag_word(tag)]);
        assert_eq!(found.len(), *count, "papers of {name}");
    }
}

/// The pages of people, papers and author names render from the files their route reads as from
/// the whole data file.
fn assert_pages_render_alike(site: &Site) {
    let layout = Layout::of(site);
    let whole = std::sync::Arc::new(site.clone());
    let mut routes = vec![Route::of(Page::Home), Route::of(Page::News)];
    let newest = site.papers_newest_first();
    routes.extend(
        newest
            .iter()
            .step_by((newest.len() / 20).max(1))
            .map(|&paper| Route::with(Page::Paper, &site.paper(paper).id)),
    );
    let mut entries = site.authors().entries();
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.papers));
    routes.extend(
        entries
            .iter()
            .take(5)
            .chain(entries.iter().step_by((entries.len() / 10).max(1)))
            .map(|entry| Route::with(Page::Author, entry.key)),
    );
    routes.extend(
        site.authors()
            .redirects()
            .into_iter()
            .take(5)
            .map(|(key, _)| Route::with(Page::Author, key)),
    );
    routes.push(Route::with(Page::Author, "no-such-author-anywhere"));
    // The names page shows the name index's first page: all of it, for few names.
    if entries.len() <= shard::NAMES_PAGE {
        routes.push(Route::of(Page::Authors));
    }
    for person in site.people() {
        for page in [
            Page::Person,
            Page::PersonPapers,
            Page::PersonNews,
            Page::PersonActivity,
            Page::PersonCv,
        ] {
            routes.push(Route::with(page, &person.id));
        }
    }
    for route in &routes {
        let (part, files) = layout.site_with_all_texts(route);
        if route.page == Page::Paper {
            assert_eq!(
                files, 2,
                "a paper page reads the manifest and the paper's bucket"
            );
        }
        let href = vita::paths::href(route);
        let expected = render_page(&whole, &href);
        let found = render_page(&std::sync::Arc::new(part), &href);
        assert!(
            expected == found,
            "{href} differs when rendered from its {files} files of the layout:\n{}",
            first_difference(&expected, &found)
        );
    }
}

/// Where two texts first differ, with some context.
fn first_difference(expected: &str, found: &str) -> String {
    let at = expected
        .bytes()
        .zip(found.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(found.len()));
    let start = at.saturating_sub(200);
    let context = |text: &str| {
        text.get(start..(at + 200).min(text.len()))
            .unwrap_or("")
            .to_string()
    };
    format!(
        "expected …{}…\nfound    …{}…",
        context(expected),
        context(found)
    )
}

#[test]
fn pages_render_from_their_shards_as_from_the_data_file() {
    assert_pages_render_alike(&demo_site());
    assert_pages_render_alike(&generated_site(1_200));
}

#[test]
fn the_demo_site_reads_back_from_its_shards_as_from_its_data_file() {
    let site = demo_site();
    assert!(
        !site.authors().redirects().is_empty(),
        "the demo has aliases, whose keys stand for their person's cluster"
    );
    assert_round_trip(&site);
}

#[test]
fn a_generated_index_reads_back_from_its_shards_as_from_its_data_file() {
    let site = generated_site(1_500);
    let layout = Layout::of(&site);
    let manifest: Manifest = layout.read(shard::MANIFEST);
    assert!(
        manifest.paper_buckets >= 64,
        "{} buckets",
        manifest.paper_buckets
    );
    assert!(
        manifest
            .facets
            .kinds
            .iter()
            .any(|(kind, _)| *kind != PaperKind::Conference),
        "several kinds"
    );
    assert_round_trip(&site);
}

#[test]
fn the_papers_page_reads_the_list_a_page_at_a_time_as_the_reader_asks() {
    let site = generated_site(120);
    let layout = Layout::of(&site);
    let manifest: Manifest = layout.read(shard::MANIFEST);
    let route = Route::of(Page::Papers);
    let mut fetched = Fetched::default();
    let mut files = layout.read_into(&mut fetched, &route);
    assert_eq!(files, 2, "the manifest and the list's first page");
    for page in 1.. {
        let read = site_of(&fetched, &route, &[]);
        let corpus = read
            .corpus()
            .expect("a site read from shards is part of a corpus");
        assert_eq!(corpus.papers, site.papers().len());
        assert_eq!(corpus.listed, (page * shard::LIST_PAGE).min(corpus.papers));
        assert_eq!(corpus.facets, manifest.facets);
        let ids: Vec<&str> = read.papers_newest_first()[..corpus.listed]
            .iter()
            .map(|&paper| read.paper(paper).id.as_str())
            .collect();
        let expected: Vec<&str> = site.papers_newest_first()[..corpus.listed]
            .iter()
            .map(|&paper| site.paper(paper).id.as_str())
            .collect();
        assert_eq!(ids, expected, "the first papers read are the newest");
        if corpus.listed == corpus.papers {
            break;
        }
        assert!(fetched.want_more_listed(), "page {page} is asked for");
        assert_eq!(
            fetched.missing(Some(&route)),
            vec![Part::ListPage(page)],
            "one more page at a time"
        );
        assert!(
            !fetched.want_more_listed(),
            "no further page before page {page} has arrived"
        );
        files += layout.read_into(&mut fetched, &route);
    }
    assert!(!fetched.want_more_listed(), "every page is read");
    assert_eq!(files, 1 + site.papers().len().div_ceil(shard::LIST_PAGE));
}

#[test]
fn the_names_page_reads_the_name_index_a_page_at_a_time_in_either_order() {
    let site = generated_site(3_000);
    let layout = Layout::of(&site);
    let route = Route::of(Page::Authors);
    let mut fetched = Fetched::default();
    assert_eq!(
        layout.read_into(&mut fetched, &route),
        2,
        "the manifest and the first page by name"
    );
    let total = site.authors().entries().len();
    assert!(total > 2 * shard::NAMES_PAGE, "names fill several pages");
    let names_of = |fetched: &Fetched, order: AuthorOrder| -> Vec<String> {
        let read = site_of(fetched, &route, &[]);
        let names = &read.corpus().expect("part of a corpus").names;
        assert_eq!(names.total, total);
        names
            .in_order(order)
            .iter()
            .map(|entry| entry.key.clone())
            .collect()
    };
    for order in AuthorOrder::ALL {
        let mut expected = site.authors().entries();
        sort_index_entries(&mut expected, order);
        let expected: Vec<String> = expected.iter().map(|entry| entry.key.to_string()).collect();
        let mut pages = names_of(&fetched, order).len().div_ceil(shard::NAMES_PAGE);
        while pages * shard::NAMES_PAGE < total {
            assert!(fetched.want_more_names(order), "page {pages} is asked for");
            assert!(
                !fetched.want_more_names(order),
                "no further page before page {pages} has arrived"
            );
            assert_eq!(
                fetched.missing(Some(&route)),
                vec![Part::Names(order, pages)]
            );
            layout.read_into(&mut fetched, &route);
            pages += 1;
            let read = names_of(&fetched, order);
            assert_eq!(read.len(), (pages * shard::NAMES_PAGE).min(total));
            assert_eq!(read, expected[..read.len()], "the first names by {order:?}");
        }
        assert!(!fetched.want_more_names(order), "every page is read");
    }
    // Sorted by paper count and back: the first page by name stays, and only it.
    let mut fetched = Fetched::default();
    layout.read_into(&mut fetched, &route);
    assert!(fetched.want_more_names(AuthorOrder::Papers));
    assert_eq!(layout.read_into(&mut fetched, &route), 1);
    assert_eq!(
        names_of(&fetched, AuthorOrder::Name).len(),
        shard::NAMES_PAGE
    );
    assert_eq!(
        names_of(&fetched, AuthorOrder::Papers).len(),
        shard::NAMES_PAGE
    );
}

#[test]
fn the_site_wide_search_finds_in_the_shards_the_newest_items_it_finds_whole() {
    let site = generated_site(1_500);
    let layout = Layout::in_segments(&site, 200);
    let newest = site.papers_newest_first();
    let long_word = |text: &str| -> String {
        text.split_whitespace()
            .find(|word| word.chars().all(char::is_alphabetic) && word.len() >= 4)
            .expect("a long word")
            .to_lowercase()
    };
    let word = long_word(&site.paper(newest[40]).title);
    let news_word = long_word(&site.news().nth(30).expect("news").item.text);
    let person = site.people()[0].name.clone();
    // The place of each forum item in everyone's activity, by person and place in theirs.
    let everyone = site.activity_order(None);
    let activity_ordinal = |person: &str, index: usize| {
        let item = site.activity_order(Some(person))[index];
        everyone.iter().position(|&other| other == item).unwrap()
    };
    let whole_index = SiteIndex::build(&site);
    for text in [
        word.clone(),
        format!("{word} {}", &word[..2]),
        news_word.clone(),
        format!("{news_word} {}", &news_word[..2]),
        person,
    ] {
        let query = Query::parse(&text);
        let whole = site.quick_search(&query, 8);
        assert!(!whole.is_empty(), "{text} finds something");
        let filter = PaperFilter {
            query: text.clone(),
            ..PaperFilter::default()
        };
        let mut fetched = Fetched::default();
        layout.read_into(&mut fetched, &Route::of(Page::Paper));
        let mut search = fetched
            .corpus_search(&filter)
            .expect("the manifest is read");
        while search.found().len() < 8 && !search.is_done() {
            let mut missing = fetched.missing_shards(&search, 2);
            missing.extend(fetched.missing_texts(&query, 8));
            layout.read_parts(&mut fetched, missing);
            fetched.search_read(&mut search);
        }
        let first = &search.found()[..8.min(search.found().len())];
        let mut missing = fetched.missing_listed(first);
        loop {
            missing.extend(fetched.missing_texts(&query, 8));
            if missing.is_empty() {
                break;
            }
            layout.read_parts(&mut fetched, std::mem::take(&mut missing));
        }
        let found = fetched.matches(&search, 8);
        let (news, activity) = fetched.found_texts(&query, 8);

        // The whole index's newest matches of each kind.
        let all_hits = whole_index.search(site.paper_search(), &query, usize::MAX);
        let mut news_found: Vec<usize> = all_hits
            .iter()
            .filter(|hit| hit.kind == HitKind::News)
            .map(|hit| hit.index)
            .collect();
        news_found.sort_unstable();
        let expected_news: Vec<NewsItem> = news_found
            .iter()
            .take(8)
            .map(|&ordinal| site.news().nth(ordinal).unwrap().item.clone())
            .collect();
        let mut activity_found: Vec<usize> = all_hits
            .iter()
            .filter(|hit| hit.kind == HitKind::Activity)
            .map(|hit| activity_ordinal(hit.person.as_deref().unwrap(), hit.index))
            .collect();
        activity_found.sort_unstable();
        let expected_activity: Vec<ActivityItem> = activity_found
            .iter()
            .take(8)
            .map(|&ordinal| site.file().activity[everyone[ordinal]].clone())
            .collect();
        assert_eq!(news, expected_news, "the news {text} finds");
        assert_eq!(activity, expected_activity, "the forum items {text} finds");
        let newest_matches: Vec<String> = site
            .paper_search()
            .matching(&query, newest)
            .into_iter()
            .take(8)
            .map(|paper| site.paper(paper).id.clone())
            .collect();
        assert_eq!(found.ids, newest_matches, "the papers {text} finds");

        // Ranked with the people as a site read whole ranks them, among the items found.
        let read = site_of(
            &fetched,
            &Route::of(Page::Paper),
            &Fetched::list_pages_of(first),
        );
        let hits = read.quick_search_among(&query, 8, &found.ids, &news, &activity);
        let among = site.quick_search_among(
            &query,
            8,
            &newest_matches,
            &expected_news,
            &expected_activity,
        );
        let label = |site: &Site, hits: &[Hit]| -> Vec<(HitKind, String)> {
            hits.iter()
                .map(|hit| match hit.kind {
                    HitKind::Paper => (hit.kind, site.paper(hit.index).id.clone()),
                    _ => (hit.kind, hit.title.clone()),
                })
                .collect()
        };
        assert_eq!(label(&read, &hits), label(&site, &among), "{text}");
        assert!(!hits.is_empty(), "{text} finds something in the shards");
    }
    // The news word finds news.
    let query = Query::parse(&news_word);
    let hits = whole_index.search(site.paper_search(), &query, usize::MAX);
    assert!(hits.iter().any(|hit| hit.kind == HitKind::News));
}

#[test]
fn the_papers_page_filters_find_in_the_shards_what_the_whole_index_finds() {
    let site = generated_site(1_500);
    // Segments of 200 papers: a search crosses several, as it does in a large corpus.
    let layout = Layout::in_segments(&site, 200);
    let manifest: Manifest = layout.read(shard::MANIFEST);
    let newest = site.papers_newest_first();
    let title_word = site
        .paper(newest[3])
        .title
        .split_whitespace()
        .find(|word| word.chars().filter(|c| c.is_alphanumeric()).count() >= 4)
        .expect("a title word")
        .to_string();
    let (tag, _) = manifest.facets.tags.first().cloned().expect("tags");
    let (year, _) = manifest.facets.years[1];
    let filters = [
        format!("q={title_word}"),
        format!("q={}", &title_word[..2]),
        "kind=journal,preprint".to_string(),
        "status=preprint".to_string(),
        format!("tag={tag}"),
        format!("year={year}"),
        format!("year={}-", year - 1),
        format!("year=-{year}"),
        format!("q={title_word}&year={year}-&kind=conference"),
        "tag=no-such-tag".to_string(),
        "position=first".to_string(),
        format!("position=last&year={year}-"),
    ];
    // The papers page highlights the site's owner, whose position the position filter asks.
    let owner = site.owner().map(|owner| names::key(&owner.name));
    assert!(owner.is_some(), "generated sites have an owner");
    let whole = PaperFilter::default().facets(&site, site.paper_search(), newest, owner.as_deref());
    let positions = Facets::of_corpus(&manifest.facets).positions;
    assert!(
        !positions.is_empty(),
        "the owner is first or last author somewhere"
    );
    assert_eq!(positions, whole.positions, "the owner's positions, counted");
    for filter_text in filters {
        let pairs = filter_text.split('&').map(|pair| {
            let (key, value) = pair.split_once('=').unwrap();
            (key.to_string(), value.to_string())
        });
        let filter = PaperFilter::from_query(pairs);
        let expected: Vec<&str> = filter
            .apply(&site, site.paper_search(), newest, owner.as_deref())
            .into_iter()
            .map(|paper| site.paper(paper).id.as_str())
            .collect();
        assert_eq!(
            expected.is_empty(),
            filter_text.contains("no-such"),
            "{filter_text} finds papers unless it names nothing"
        );
        let mut search = CorpusSearch::new(&filter, &manifest);
        let mut fetched = Fetched::default();
        layout.read_into(&mut fetched, &Route::of(Page::Papers));
        // A page of results first, as the papers page asks, reading two segments at a time.
        let wanted = 25;
        while search.found().len() < wanted && !search.is_done() {
            let missing = fetched.missing_shards(&search, 2);
            layout.read_parts(&mut fetched, missing);
            fetched.search_read(&mut search);
        }
        let missing = fetched.missing_listed(&search.found()[..wanted.min(search.found().len())]);
        layout.read_parts(&mut fetched, missing);
        let first = fetched.matches(&search, wanted);
        let first_ids: Vec<&str> = first.ids.iter().map(String::as_str).collect();
        assert_eq!(
            first_ids,
            expected[..wanted.min(expected.len())],
            "the first page of {filter_text}"
        );
        assert_eq!(first.done, search.is_done());
        assert!(first.searched <= site.papers().len());
        if !first.done {
            assert!(first.found >= wanted && first.searched < site.papers().len());
        }
        // Then every match.
        while !search.is_done() {
            let missing = fetched.missing_shards(&search, 1);
            layout.read_parts(&mut fetched, missing);
            fetched.search_read(&mut search);
        }
        let missing = fetched.missing_listed(search.found());
        layout.read_parts(&mut fetched, missing);
        let every = fetched.matches(&search, usize::MAX);
        assert!(every.done);
        assert_eq!(every.found, expected.len(), "counting {filter_text}");
        assert_eq!(every.searched, site.papers().len());
        assert_eq!(every.ids, expected, "filtering {filter_text}");
    }
}

#[test]
fn the_same_data_gives_the_same_bytes() {
    let first = Layout::of(&generated_site(400));
    let second = Layout::of(&generated_site(400));
    assert_eq!(
        first.0.keys().collect::<Vec<_>>(),
        second.0.keys().collect::<Vec<_>>()
    );
    for (file, bytes) in &first.0 {
        assert!(
            &second.0[file] == bytes,
            "{file} differs between two builds"
        );
    }
}

#[test]
fn an_author_page_reads_its_cluster_a_page_at_a_time_and_all_of_it_to_filter() {
    let site = generated_site(3_000);
    let layout = Layout::of(&site);
    let mut entries = site.authors().entries();
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.papers));
    let key = site.resolve_author(entries[0].key).expect("a cluster");
    let ids = |site: &Site| -> Vec<String> {
        site.cluster_papers(key)
            .into_iter()
            .map(|paper| site.paper(paper).id.clone())
            .collect()
    };
    let whole = ids(&site);
    let pages = whole.len().div_ceil(shard::CLUSTER_PAGE);
    assert!(
        pages >= 2,
        "the most prolific author has {} papers",
        whole.len()
    );
    let route = Route::with(Page::Author, key);
    let mut fetched = Fetched::default();
    assert_eq!(
        layout.read_into(&mut fetched, &route),
        2,
        "the manifest and the cluster's file"
    );
    let read = ids(&site_of(&fetched, &route, &[]));
    assert_eq!(
        read,
        whole[..shard::CLUSTER_PAGE],
        "the newest papers first"
    );
    assert!(fetched.want_more_of_cluster(key, false));
    assert!(
        !fetched.want_more_of_cluster(key, false),
        "a page at a time: the next once the last has arrived"
    );
    assert_eq!(layout.read_into(&mut fetched, &route), 1);
    let read = ids(&site_of(&fetched, &route, &[]));
    assert_eq!(read, whole[..whole.len().min(2 * shard::CLUSTER_PAGE)]);
    // Filtering needs every paper: the rest at once.
    let mut fetched = Fetched::default();
    layout.read_into(&mut fetched, &route);
    assert!(fetched.want_more_of_cluster(key, true));
    assert_eq!(layout.read_into(&mut fetched, &route), pages - 1);
    assert_eq!(ids(&site_of(&fetched, &route, &[])), whole);
    assert!(!fetched.want_more_of_cluster(key, true), "nothing is left");
    assert!(!fetched.want_more_of_cluster(key, false));

    // The next page's site holds that page's papers alone, whatever was read before it: a paper
    // page, the records of its bucket.
    let paper = &site.paper(site.papers_newest_first()[7]).id;
    let paper_route = Route::with(Page::Paper, paper);
    assert_eq!(layout.read_into(&mut fetched, &paper_route), 1);
    let read = site_of(&fetched, &paper_route, &[]);
    let manifest: Manifest = layout.read(shard::MANIFEST);
    let bucket: Vec<ShardPaper> = layout.read(&shard::paper_file(paper, manifest.paper_buckets));
    assert_eq!(read.papers().len(), bucket.len());
    assert!(read.paper_index(paper).is_some());
    // Back on the author page, its site is as it was.
    assert_eq!(ids(&site_of(&fetched, &route, &[])), whole);
}

#[test]
fn a_persons_pages_read_their_cluster_as_far_as_they_show_it() {
    let site = generated_site(3_000);
    let layout = Layout::of(&site);
    let person = site
        .people()
        .iter()
        .max_by_key(|person| site.counts(person).papers)
        .expect("people");
    let total = site.counts(person).papers;
    assert!(
        total > shard::CLUSTER_PAGE,
        "{} has {total} papers",
        person.name
    );
    let key = site
        .resolve_author(&names::key(&person.name))
        .expect("a cluster");
    // The about page and the others count every paper from the cluster's first file, which
    // holds the newest; the papers page reads more as the reader asks, as an author page does.
    for page in [
        Page::Person,
        Page::PersonNews,
        Page::PersonActivity,
        Page::PersonPapers,
    ] {
        let route = Route::with(page, &person.id);
        let mut fetched = Fetched::default();
        layout.read_into(&mut fetched, &route);
        let read = site_of(&fetched, &route, &[]);
        assert_eq!(
            read.counts(person).papers,
            total,
            "{page:?} counts every paper"
        );
        assert_eq!(
            read.cluster_papers(key),
            read.papers_of(person)[..shard::CLUSTER_PAGE],
            "{page:?} holds the newest papers"
        );
        assert_eq!(read.cluster_papers(key).len(), shard::CLUSTER_PAGE);
    }
    let route = Route::with(Page::PersonPapers, &person.id);
    let mut fetched = Fetched::default();
    layout.read_into(&mut fetched, &route);
    assert!(fetched.want_more_of_cluster(key, false));
    assert_eq!(layout.read_into(&mut fetched, &route), 1, "the next page");
    // The CV lists every paper.
    let route = Route::with(Page::PersonCv, &person.id);
    let mut fetched = Fetched::default();
    layout.read_into(&mut fetched, &route);
    let read = site_of(&fetched, &route, &[]);
    assert_eq!(read.papers_of(person).len(), total);
}

#[test]
fn a_cluster_summary_counts_the_papers_its_page_lists() {
    // The author page reads more of a cluster while it lists fewer papers than its summary
    // counts: on a site read whole the two agree.
    for site in [demo_site(), generated_site(1_500)] {
        for entry in site.authors().entries() {
            let key = site.resolve_author(entry.key).expect("a cluster");
            let (summary, papers) = site.cluster_summary(key).expect("a summary");
            assert_eq!(summary.papers, papers.len(), "{key}");
            assert_eq!(site.cluster_papers(key), papers, "{key}");
        }
    }
}

/// A person's forum items as their activity page shows them: sequences, then posts and comments.
fn activity_split(site: &Site, person: &str) -> (Vec<ActivityItem>, Vec<ActivityItem>) {
    site.activity_of(person)
        .into_iter()
        .map(|(item, _)| item.clone())
        .partition(|item| item.kind == ActivityKind::Sequence)
}

/// News items with their anchors, as lists show them.
fn news_with_anchors<'a>(items: impl Iterator<Item = NewsEntry<'a>>) -> Vec<(NewsItem, String)> {
    items
        .map(|entry| (entry.item.clone(), entry.anchor.to_string()))
        .collect()
}

#[test]
fn news_and_activity_are_read_a_file_at_a_time_as_their_pages_show_them() {
    let site = generated_site(8_000);
    let layout = Layout::of(&site);
    let manifest: Manifest = layout.read(shard::MANIFEST);
    let page = shard::TEXT_PAGE;
    assert!(manifest.counts.news > 2 * page, "enough news for pages");

    // Everyone's news: the first file, then one more as the reader asks, then every one.
    let news = Route::of(Page::News);
    let everyone = TextList::News(None);
    let mut fetched = Fetched::default();
    assert_eq!(
        layout.read_into(&mut fetched, &news),
        2,
        "the manifest and one page"
    );
    let shown = site_of(&fetched, &news, &[]);
    assert_eq!(shown.news_count(), site.file().news.len());
    assert_eq!(
        news_with_anchors(shown.news()),
        news_with_anchors(site.news().take(page))
    );
    assert!(fetched.want_texts(&everyone, page + 1));
    assert!(
        !fetched.want_texts(&everyone, page + 1),
        "asked for already"
    );
    assert_eq!(layout.read_into(&mut fetched, &news), 1, "one more page");
    let shown = site_of(&fetched, &news, &[]);
    assert_eq!(
        news_with_anchors(shown.news()),
        news_with_anchors(site.news().take(2 * page))
    );
    assert!(fetched.want_texts(&everyone, usize::MAX));
    layout.read_into(&mut fetched, &news);
    let shown = site_of(&fetched, &news, &[]);
    assert_eq!(
        news_with_anchors(shown.news()),
        news_with_anchors(site.news())
    );
    assert!(
        !fetched.want_texts(&everyone, usize::MAX),
        "every item is read"
    );

    // The owner's about page reads the first page of their news, and nothing of activity.
    let owner = manifest
        .site
        .owner
        .clone()
        .expect("the generated site has an owner");
    let about = Route::of(Page::Home);
    let mut fetched = Fetched::default();
    layout.read_into(&mut fetched, &about);
    let parts = fetched.parts_for(Some(&about), &[]);
    assert!(parts.contains(&Part::NewsPage(Some(owner.clone()), 0)));
    assert!(
        parts.iter().all(|part| !matches!(
            part,
            Part::ActivityPage(..) | Part::NewsPage(None, _) | Part::TextSearch(_)
        )),
        "{parts:?}"
    );
    let shown = site_of(&fetched, &about, &[]);
    // Every person's texts are counted from the manifest (only the owner's papers are read).
    for person in site.people() {
        let texts = |site: &Site| {
            let counts = site.counts(person);
            (counts.news, counts.activity, counts.sequences)
        };
        assert_eq!(texts(&shown), texts(&site), "{}", person.id);
    }

    // The busiest activity profile: its sequences and first posts, then all of them.
    let busiest = site
        .people()
        .iter()
        .max_by_key(|person| site.counts(person).activity)
        .expect("people");
    let (sequences, posts) = activity_split(&site, &busiest.id);
    assert!(
        sequences.len() + posts.len() > 2 * page,
        "enough activity for pages"
    );
    let activity = Route::with(Page::PersonActivity, &busiest.id);
    let mut fetched = Fetched::default();
    layout.read_into(&mut fetched, &activity);
    let shown = site_of(&fetched, &activity, &[]);
    let (shown_sequences, shown_posts) = activity_split(&shown, &busiest.id);
    assert_eq!(shown_sequences, sequences);
    assert!(!shown_posts.is_empty() && posts.starts_with(&shown_posts));
    let first_files = (sequences.len() + 1).div_ceil(page);
    let parts = fetched.parts_for(Some(&activity), &[]);
    let texts: Vec<&Part> = parts
        .iter()
        .filter(|part| matches!(part, Part::ActivityPage(..) | Part::NewsPage(..)))
        .collect();
    assert_eq!(texts.len(), first_files, "{texts:?}");
    assert!(fetched.want_texts(&TextList::Activity(busiest.id.clone()), usize::MAX));
    layout.read_into(&mut fetched, &activity);
    let shown = site_of(&fetched, &activity, &[]);
    assert_eq!(activity_split(&shown, &busiest.id), (sequences, posts));

    // A person's news, every page of it, with the anchors of everyone's news.
    let person_news = Route::with(Page::PersonNews, &owner);
    let mut fetched = Fetched::default();
    layout.read_into(&mut fetched, &person_news);
    fetched.want_texts(&TextList::News(Some(owner.clone())), usize::MAX);
    layout.read_into(&mut fetched, &person_news);
    let shown = site_of(&fetched, &person_news, &[]);
    assert_eq!(
        news_with_anchors(shown.news_of(&owner)),
        news_with_anchors(site.news_of(&owner))
    );
}

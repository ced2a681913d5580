//! Fetching the data files and turning them into a [`Site`].

use crate::model::cluster::AuthorOrder;
use crate::model::dataset::{BibFile, ResumeFile, assemble_parsed, beside, resume_paths};
use crate::model::filter::PaperFilter;
use crate::model::route::Route;
use crate::model::search::Query;
use crate::model::shard::{INDEX_FOLDER, PAGE_MARKER_SELECTOR};
use crate::model::sharded::{CorpusMatches, CorpusSearch, Fetched, Part, TextList};
use crate::model::validate::{has_errors, locate_problems};
use crate::model::{ParseError, Problem, Severity, Site, SiteParseError, parse_site_checked};
use crate::perf;
use crate::schedule::{Slices, next_turn};
use futures::future::LocalBoxFuture;
use gloo_net::http::{Request, Response};
use std::cell::RefCell;
use std::sync::Arc;
use thiserror::Error;
use web_sys::RequestCache;

/// The data file, relative to the document base so that subpath deployments work.
pub const SITE_FILE: &str = "data/site.json";

/// The most search segments a search of the corpus reads at once: enough that a rare word
/// crosses a million papers in a few round trips, few enough that a common one stops early.
const SEGMENTS_AT_ONCE: usize = 8;

/// Why the site data could not be loaded.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum LoadError {
    /// The request failed before any response (offline, blocked, bad URL).
    #[error("{file}: could not be fetched: {reason}")]
    Fetch {
        /// The data file.
        file: String,
        /// The browser's reason.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("{file}: the server answered {status} {status_text}")]
    Status {
        /// The data file.
        file: String,
        /// HTTP status code.
        status: u16,
        /// HTTP status text.
        status_text: String,
    },
    /// The file is not JSON.
    #[error("{file}: {error}")]
    Parse {
        /// The data file.
        file: String,
        /// Where and why parsing failed.
        error: ParseError,
    },
    /// The file has errors: fields, types or values that do not fit, or content that does not.
    #[error("{file}: {} error(s), first: {}", problems.len(), problems.first().map(ToString::to_string).unwrap_or_default())]
    Invalid {
        /// The data file.
        file: String,
        /// Every error found, with its JSON path and line.
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// One line per problem, each naming the file and line: every error, or the single reason.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Invalid { file, problems } => problems
                .iter()
                .map(|problem| format!("{}: {problem}", problem.place(file)))
                .collect(),
            other => vec![other.to_string()],
        }
    }
}

/// Fetches the site data, its bibliography files and the JSON Resume files people list, then
/// checks them. Revalidates with the server so that edited data shows at once. Parsing, checking
/// and indexing are separate tasks, so that the page the reader already sees keeps answering.
pub async fn load_site() -> Result<Arc<Site>, LoadError> {
    perf::mark("vita:fetch-start");
    let bytes = fetch(SITE_FILE)
        .await?
        .binary()
        .await
        .map_err(|error| fetch_error(SITE_FILE, error))?;
    perf::mark("vita:fetched");
    let parsed = parse_site_checked(&bytes).map_err(|error| match error {
        SiteParseError::Syntax(error) => LoadError::Parse {
            file: SITE_FILE.to_string(),
            error,
        },
        SiteParseError::Shape(problems) => LoadError::Invalid {
            file: SITE_FILE.to_string(),
            problems,
        },
    })?;
    drop(bytes);
    perf::mark("vita:parsed");
    let site_file = &parsed.file;
    next_turn().await;
    let mut bibliographies = Vec::new();
    for source in &site_file.bibliography {
        let path = &source.file;
        let text = fetch_text(&beside(SITE_FILE, path)).await?;
        bibliographies.push(BibFile {
            path: path.clone(),
            text,
        });
    }
    let mut resumes = Vec::new();
    for path in resume_paths(site_file) {
        let text = fetch_text(&beside(SITE_FILE, &path)).await?;
        resumes.push(ResumeFile { path, text });
    }
    let (site_file, problems) = assemble_parsed(parsed, &bibliographies, &resumes);
    next_turn().await;
    if has_errors(&problems) {
        let mut errors: Vec<Problem> = problems
            .into_iter()
            .filter(|problem| problem.severity == Severity::Error)
            .collect();
        // The file is read again for the lines of its errors, rather than held through the
        // checks: the module's memory never shrinks below its peak.
        if let Ok(text) = fetch_text(SITE_FILE).await {
            locate_problems(&text, &site_file, &mut errors);
        }
        return Err(LoadError::Invalid {
            file: SITE_FILE.to_string(),
            problems: errors,
        });
    }
    // For the site's owner, in the console, in a later task of their own: writing to the console
    // takes milliseconds that the takeover has better use for.
    wasm_bindgen_futures::spawn_local(async move {
        next_turn().await;
        for warning in &problems {
            leptos::logging::warn!("{SITE_FILE}: {}: {warning}", warning.severity.label());
        }
    });
    let site = Site::new(site_file);
    perf::mark("vita:ready");
    Ok(Arc::new(site))
}

/// Whether the build sharded this site's data: its pages then say so in their head.
pub fn is_sharded() -> bool {
    leptos::prelude::document()
        .query_selector(PAGE_MARKER_SELECTOR)
        .ok()
        .flatten()
        .is_some()
}

/// The data of a sharded site as the app reads it, a page's files at a time: the files read so
/// far, and the site they make.
#[derive(Default)]
pub struct ShardedData {
    fetched: RefCell<Fetched>,
    /// The site last assembled, with the parts it was assembled from: the next page of the same
    /// parts shows the same site.
    assembled: RefCell<Option<(Vec<Part>, Arc<Site>)>>,
    /// The list pages of the matches of the papers page's last search and of the site search's:
    /// the site of every page holds them.
    found: RefCell<[Vec<Part>; 2]>,
    /// The last search of the corpus, which asking for more of its results goes on with (either
    /// finder's: a search of other words starts afresh).
    search: RefCell<Option<CorpusSearch>>,
}

impl ShardedData {
    /// Whether showing the page at `route` waits for files.
    pub fn needs_reading(&self, route: Option<&Route>) -> bool {
        !self.fetched.borrow().missing(route).is_empty()
    }

    /// The site that holds the data of the page at `route`, once its files are read. (Boxed:
    /// several tasks await it.)
    pub fn site_for<'a>(
        &'a self,
        route: Option<&'a Route>,
    ) -> LocalBoxFuture<'a, Result<Arc<Site>, LoadError>> {
        Box::pin(async move {
            fetch_parts(&self.fetched, route).await?;
            let fetched = self.fetched.borrow();
            let parts = fetched.parts_for(route, &self.found.borrow().concat());
            let mut assembled = self.assembled.borrow_mut();
            if let Some((kept, site)) = assembled.as_ref()
                && *kept == parts
            {
                return Ok(site.clone());
            }
            let site = fetched.site(&parts);
            let site = Arc::new(site.expect("the manifest is read before any page"));
            *assembled = Some((parts, site.clone()));
            Ok(site)
        })
    }

    /// Asks for the next page of the papers of cluster `key` on its author page, or (`every`)
    /// all of them; `false` when nothing more is to be read.
    pub fn want_more_of_cluster(&self, key: &str, every: bool) -> bool {
        self.fetched.borrow_mut().want_more_of_cluster(key, every)
    }

    /// Asks for one more page of the name index in `order`; `false` when nothing more is to be
    /// read.
    pub fn want_more_names(&self, order: AuthorOrder) -> bool {
        self.fetched.borrow_mut().want_more_names(order)
    }

    /// Asks for the first `items` items of a list of news or activity; `false` when nothing more
    /// is to be read.
    pub fn want_texts(&self, list: &TextList, items: usize) -> bool {
        self.fetched.borrow_mut().want_texts(list, items)
    }

    /// Asks for one more page of the papers page's list; `false` when it has them all.
    pub fn want_more_listed(&self) -> bool {
        self.fetched.borrow_mut().want_more_listed()
    }

    /// Searches the corpus for `filter` until `wanted` papers match or every paper has been
    /// searched, and reads the list pages of the first `wanted` matches (the site of
    /// [`site_for`](Self::site_for) then holds them). Goes on from the last search when it asks
    /// for the same papers. For the site-wide search (`site_wide`), also finds the first
    /// `wanted` news items and forum items.
    pub async fn find(
        &self,
        filter: &PaperFilter,
        wanted: usize,
        site_wide: bool,
    ) -> Result<CorpusMatches, LoadError> {
        let fresh = self
            .fetched
            .borrow()
            .corpus_search(filter)
            .expect("the manifest is read before any page can search");
        let query = Query::parse(&filter.query);
        // The files of the news and activity found, read with those of the papers: each round
        // of either saves one of the other.
        let texts = || match site_wide {
            true => self.fetched.borrow().missing_texts(&query, wanted),
            false => Vec::new(),
        };
        let kept = self.search.take();
        let mut search = kept.filter(|kept| kept.asks_same(&fresh)).unwrap_or(fresh);
        // One segment first, whose matches may be enough; then more at once while few match.
        let mut ahead = 1;
        while search.found().len() < wanted && !search.is_done() {
            let mut missing = self.fetched.borrow().missing_shards(&search, ahead);
            missing.extend(texts());
            read_parts(&self.fetched, missing).await?;
            self.fetched.borrow().search_read(&mut search);
            ahead = (ahead * 2).min(SEGMENTS_AT_ONCE);
        }
        let first = &search.found()[..wanted.min(search.found().len())];
        let mut missing = self.fetched.borrow().missing_listed(first);
        loop {
            missing.extend(texts());
            if missing.is_empty() {
                break;
            }
            read_parts(&self.fetched, std::mem::take(&mut missing)).await?;
        }
        self.found.borrow_mut()[usize::from(site_wide)] = Fetched::list_pages_of(first);
        let fetched = self.fetched.borrow();
        let mut matches = fetched.matches(&search, wanted);
        if site_wide {
            (matches.news, matches.activity) = fetched.found_texts(&query, wanted);
        }
        drop(fetched);
        self.search.replace(Some(search));
        Ok(matches)
    }
}

/// Reads the files of a sharded site that the page at `route` needs and `fetched` lacks, round
/// after round (an author key may stand for another cluster), each round's files at once.
/// Returns whether it read any. (Boxed, as [`read_parts`] is: its callers share one copy.)
fn fetch_parts<'a>(
    fetched: &'a RefCell<Fetched>,
    route: Option<&'a Route>,
) -> LocalBoxFuture<'a, Result<bool, LoadError>> {
    Box::pin(async move {
        let mut read = false;
        loop {
            let missing = fetched.borrow().missing(route);
            if missing.is_empty() {
                return Ok(read);
            }
            read_parts(fetched, missing).await?;
            read = true;
        }
    })
}

/// Reads `parts`, all at once, into `fetched`. Boxed: the code of a future is otherwise copied
/// into every future that awaits it.
fn read_parts(
    fetched: &RefCell<Fetched>,
    parts: Vec<Part>,
) -> LocalBoxFuture<'_, Result<(), LoadError>> {
    Box::pin(async move {
        if parts.is_empty() {
            return Ok(());
        }
        perf::mark("vita:parts-fetch");
        let files = futures::future::join_all(parts.iter().map(fetch_part)).await;
        // A file at a time, the browser taking its turn between slices: the files of a person's
        // CV hold thousands of papers.
        let mut slices = Slices::start();
        for (part, bytes) in parts.into_iter().zip(files) {
            let file = part_file(&part);
            let bytes = bytes?;
            fetched
                .borrow_mut()
                .add(part, bytes.as_deref())
                .map_err(|error| LoadError::Parse { file, error })?;
            slices.pause().await;
        }
        perf::mark("vita:parts-read");
        Ok(())
    })
}

/// The address of a part, relative to the site.
fn part_file(part: &Part) -> String {
    format!("{INDEX_FOLDER}/{}", part.file())
}

/// The bytes of a part's file; `None` for a file the host does not have and the site may lack.
async fn fetch_part(part: &Part) -> Result<Option<Vec<u8>>, LoadError> {
    let file = part_file(part);
    let response = send(&file).await?;
    if response.status() == 404 && part.may_be_absent() {
        return Ok(None);
    }
    let bytes = answered(&file, response)?
        .binary()
        .await
        .map_err(|error| fetch_error(&file, error))?;
    Ok(Some(bytes))
}

/// The response for a file of the site, or why there is none.
async fn fetch(file: &str) -> Result<Response, LoadError> {
    answered(file, send(file).await?)
}

/// Asks the server for a file of the site, revalidating any copy the browser keeps.
async fn send(file: &str) -> Result<Response, LoadError> {
    Request::get(file)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|error| fetch_error(file, error))
}

/// `response` if the server answered with the file, else its error status.
fn answered(file: &str, response: Response) -> Result<Response, LoadError> {
    if !response.ok() {
        return Err(LoadError::Status {
            file: file.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    Ok(response)
}

/// The text of a file of the site, or why there is none.
async fn fetch_text(file: &str) -> Result<String, LoadError> {
    fetch(file)
        .await?
        .text()
        .await
        .map_err(|error| fetch_error(file, error))
}

fn fetch_error(file: &str, error: gloo_net::Error) -> LoadError {
    LoadError::Fetch {
        file: file.to_string(),
        reason: error.to_string(),
    }
}

//! The build step: every page of a built site written as a static HTML file from its data, then
//! `404.html`, the sitemap, `robots.txt` and the Atom feeds, each by its own writer.
//!
//! It runs after trunk has built the module (a trunk hook, over trunk's staging folder), and on
//! its own to render a built site again from edited data. The pages are the app's own
//! components rendered natively, in the template of the built `index.html`. Nothing is written
//! unless the data has no errors and every file could be rendered.

pub mod compress;
pub mod data;
pub mod feed;
pub mod hosts;
pub mod output;
pub mod page;
pub mod robots;
pub mod shards;
pub mod sitemap;
pub mod template;

use crate::model::route::{Page, Route, top_folders};
use crate::model::shard::INDEX_FOLDER;
use crate::model::{Problem, Severity, Site};
use crate::paths;
use crate::render::head::{SITE_FEED, head_html, not_found_head, page_head, person_feed_file};
use compress::{Effort, Precompress, compressible, is_app_file, is_copy};
use data::{ReadError, read_site_data};
use feed::{FeedInfo, atom_feed};
use output::{Output, Written};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use template::Template;

/// The data file of a built site, relative to its folder.
pub const DATA_FILE: &str = "data/site.json";

/// What to build.
#[derive(Debug, Clone)]
pub struct Options {
    /// The built site: trunk's output, with its `index.html` and `data/`.
    pub dist: PathBuf,
    /// A data folder to publish in place of the site's `data/` (`public/data`), if any.
    pub data: Option<PathBuf>,
    /// Kinds of pages not written, left to the app (which 404.html starts at their addresses).
    pub skip: Vec<PageKind>,
    /// When to write the data's sharded layout, `data/index/`.
    pub index: shards::Sharding,
    /// Which files get precompressed copies beside them.
    pub precompress: Precompress,
}

/// Kinds of pages, one per item, that a build of a large index may leave out: writing a page for
/// each of a million author names takes time and room that hosts may not give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `papers/<id>/`.
    Papers,
    /// `authors/<key>/`.
    Authors,
    /// `people/<id>/` and its sub-pages.
    People,
}

impl PageKind {
    /// Every kind, as named on the command line.
    pub const ALL: [(Self, &'static str); 3] = [
        (Self::Papers, "papers"),
        (Self::Authors, "authors"),
        (Self::People, "people"),
    ];

    /// The kind named `name` (`authors`).
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(_, known)| *known == name)
            .map(|&(kind, _)| kind)
    }

    /// The kind of pages of `page`, when it is one of the kinds a build may leave out.
    fn of(page: Page) -> Option<Self> {
        match page {
            Page::Paper => Some(Self::Papers),
            Page::Author => Some(Self::Authors),
            _ if page.is_person() => Some(Self::People),
            _ => None,
        }
    }
}

/// What a build did.
#[derive(Debug)]
pub struct Report {
    /// The data file, as it is named in messages (`data/site.json`).
    pub data_file: String,
    /// The data's warnings, and the build's own.
    pub warnings: Vec<Problem>,
    /// Pages written, `404.html` included.
    pub pages: usize,
    /// Every file written and its size.
    pub written: Written,
    /// The whole site as built: the module, styles and data included.
    pub size: hosts::SiteSize,
    /// What the sharded layout holds, when it was written.
    pub index: Option<crate::model::shard::Counts>,
    /// How long it took.
    pub elapsed: Duration,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum BuildError {
    /// The site's `index.html` is not a page template.
    Template {
        /// The file.
        path: PathBuf,
        /// What is missing.
        reason: String,
    },
    /// The data file cannot be read or parsed.
    Data {
        /// The file, as it is named in messages.
        shown: String,
        /// Why.
        error: ReadError,
    },
    /// The data has errors: every problem, as `vita-check` prints them.
    Invalid {
        /// The file, as it is named in messages.
        shown: String,
        /// Errors and warnings, errors first.
        problems: Vec<Problem>,
    },
    /// A file could not be written.
    Io {
        /// What was being done.
        doing: String,
        /// Why it failed.
        error: std::io::Error,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Template { path, reason } => {
                write!(f, "{} is not a page template: {reason}", path.display())
            }
            Self::Data { shown, error } => write!(f, "{shown}: {error}"),
            Self::Invalid { shown, problems } => {
                let errors = problems
                    .iter()
                    .filter(|problem| problem.severity == Severity::Error)
                    .count();
                write!(f, "{shown}: {errors} error(s): nothing was written")
            }
            Self::Io { doing, error } => write!(f, "{doing}: {error}"),
        }
    }
}

impl std::error::Error for BuildError {}

fn io_error(doing: impl Into<String>) -> impl FnOnce(std::io::Error) -> BuildError {
    let doing = doing.into();
    move |error| BuildError::Io { doing, error }
}

/// Renders every page of the site in `options.dist` from its data, with `404.html`, the sitemap,
/// `robots.txt` and the feeds, replacing what an earlier build wrote.
pub fn build_site(options: &Options) -> Result<Report, BuildError> {
    let started = Instant::now();
    let dist = &options.dist;
    let template_path = dist.join("index.html");
    let shell = std::fs::read_to_string(&template_path)
        .map_err(io_error(format!("reading {}", template_path.display())))?;
    let template = Template::parse(&shell).map_err(|reason| BuildError::Template {
        path: template_path.clone(),
        reason,
    })?;
    let (data_path, shown) = match &options.data {
        Some(folder) => {
            let path = folder.join("site.json");
            let shown = path.to_string_lossy().to_string();
            (path, shown)
        }
        None => (dist.join(DATA_FILE), DATA_FILE.to_string()),
    };
    let checked = read_site_data(&data_path).map_err(|error| BuildError::Data {
        shown: shown.clone(),
        error,
    })?;
    if checked.error_count() > 0 {
        return Err(BuildError::Invalid {
            shown,
            problems: checked.problems,
        });
    }
    let mut warnings = checked.problems;
    let lastmod = last_modified(&checked.file, &data_path);
    let site = Arc::new(Site::new(checked.file));
    warnings.extend(base_url_mismatch(&site, template.base()));

    let output = Output::start(dist)
        .map_err(io_error("starting the build"))?
        .with_copies(options.precompress.covers_written());
    if let Some(folder) = &options.data {
        output
            .copy_folder(folder, "data")
            .map_err(io_error(format!("copying {}", folder.display())))?;
    }
    let mut routes = site.routes();
    routes
        .retain(|route| PageKind::of(route.page).is_none_or(|kind| !options.skip.contains(&kind)));
    let index = if options.index.applies(site.papers().len()) {
        let manifest = shards::write_index(&site, &|file, bytes| {
            output.write(&format!("{INDEX_FOLDER}/{file}"), bytes)
        })
        .map_err(io_error(format!("writing {INDEX_FOLDER}")))?;
        Some(manifest.counts)
    } else {
        None
    };
    let marker = if index.is_some() {
        crate::model::shard::PAGE_MARKER
    } else {
        ""
    };
    let canonical = write_pages(&site, &template, marker, &routes, &output)?;
    write_not_found(&site, &template, marker, &output)?;
    let mut urls: Vec<String> = canonical
        .iter()
        .filter_map(|path| site.absolute_url(path))
        .collect();
    urls.sort_unstable();
    urls.dedup();
    write_site_files(&site, &urls, &lastmod, &output)?;
    write_copies_of_unwritten(options, &output)?;
    let folders = top_folders();
    let owned = |name: &str| {
        folders.contains(&name)
            || ["index.html", "404.html", "robots.txt", SITE_FEED].contains(&name)
            || (name.starts_with("sitemap") && name.ends_with(".xml"))
            || (name == "data" && options.data.is_some())
            || name == INDEX_FOLDER
            || is_copy(name)
    };
    // Without a data folder of its own, the build writes only the index into the site's `data/`.
    let merged: &[&str] = if options.data.is_some() {
        &[]
    } else {
        &["data"]
    };
    let written = output.commit(owned, merged).map_err(io_error(format!(
        "replacing the pages in {}",
        dist.display()
    )))?;
    let size = hosts::measure(dist).map_err(io_error(format!("measuring {}", dist.display())))?;
    Ok(Report {
        data_file: shown,
        warnings,
        pages: routes.len() + 1,
        written,
        size,
        index,
        elapsed: started.elapsed(),
    })
}

/// Writes the precompressed copies of the site's files that the build does not write itself:
/// trunk's module, JavaScript and styles, and (with every file precompressed) the data files
/// trunk copied.
fn write_copies_of_unwritten(options: &Options, output: &Output) -> Result<(), BuildError> {
    let dist = &options.dist;
    let mut files = Vec::new();
    if options.precompress.covers_app() {
        let app = files_in(dist, "", &|name| is_app_file(name))?;
        files.extend(app.into_iter().map(|file| (file, Effort::Best)));
    }
    if options.precompress.covers_written() && options.data.is_none() {
        let data = dist.join("data");
        if data.is_dir() {
            let wanted = |path: &str| compressible(path) && !is_copy(path);
            let data = files_in(&data, "data", &wanted)?;
            files.extend(data.into_iter().map(|file| (file, Effort::Quick)));
        }
    }
    for (relative, effort) in files {
        let path = dist.join(&relative);
        let bytes =
            std::fs::read(&path).map_err(io_error(format!("reading {}", path.display())))?;
        output
            .write_copies(&relative, &bytes, effort)
            .map_err(io_error(format!("writing the copies of {relative}")))?;
    }
    Ok(())
}

/// The files below `folder` whose paths (`prefix/...`, `/`-separated) `wanted` accepts, sorted;
/// only those at the top without a prefix. The sharded layout is left out: the build writes it,
/// with its copies.
fn files_in(
    folder: &Path,
    prefix: &str,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Vec<String>, BuildError> {
    let mut found = Vec::new();
    let entries =
        std::fs::read_dir(folder).map_err(io_error(format!("reading {}", folder.display())))?;
    for entry in entries {
        let entry = entry.map_err(io_error(format!("reading {}", folder.display())))?;
        let name = entry.file_name().to_string_lossy().to_string();
        let relative = match prefix {
            "" => name,
            prefix => format!("{prefix}/{name}"),
        };
        if entry.path().is_dir() {
            if !prefix.is_empty() && relative != INDEX_FOLDER {
                found.extend(files_in(&entry.path(), &relative, wanted)?);
            }
        } else if wanted(&relative) {
            found.push(relative);
        }
    }
    found.sort_unstable();
    Ok(found)
}

/// Writes the page of every route, in parallel on every core; returns the canonical address of
/// each page that is its own canonical page (the sitemap's URLs). `marker` goes first in every
/// head.
fn write_pages(
    site: &Arc<Site>,
    template: &Template,
    marker: &str,
    routes: &[Route],
    output: &Output,
) -> Result<Vec<String>, BuildError> {
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(routes.len().max(1));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    paths::set_base(template.base());
                    let mut canonical = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(route) = routes.get(index) else {
                            return Ok(canonical);
                        };
                        let Some(file) = route.file() else { continue };
                        let head = page_head(site, Some(route));
                        let body = page::render_page(site, &paths::href(route));
                        let head_text = format!("{marker}{}", head_html(site, &head));
                        let html = template.fill(&head_text, &body);
                        output
                            .write(&file, html.as_bytes())
                            .map_err(io_error(format!("writing {file}")))?;
                        if head.canonical.as_deref() == Some(route.relative_path().as_str()) {
                            canonical.push(route.relative_path());
                        }
                    }
                })
            })
            .collect();
        let mut canonical = Vec::new();
        for handle in handles {
            let found: Result<Vec<String>, BuildError> =
                handle.join().expect("a page renderer does not panic");
            canonical.extend(found?);
        }
        Ok(canonical)
    })
}

/// `404.html`: the app's 404 page, which static hosts serve for every unknown address (and which
/// takes over to show pages added to the data since the build). `marker` goes first in its head.
fn write_not_found(
    site: &Arc<Site>,
    template: &Template,
    marker: &str,
    output: &Output,
) -> Result<(), BuildError> {
    paths::set_base(template.base());
    let body = page::render_page(site, &format!("{}/404.html", template.base()));
    let head = format!("{marker}{}", head_html(site, &not_found_head(site)));
    let html = template.fill(&head, &body);
    output
        .write("404.html", html.as_bytes())
        .map_err(io_error("writing 404.html"))
}

/// The sitemap, `robots.txt` and the feeds. Without `base_url` only `robots.txt`: the others
/// need absolute URLs.
fn write_site_files(
    site: &Site,
    urls: &[String],
    lastmod: &str,
    output: &Output,
) -> Result<(), BuildError> {
    let write = |name: &str, text: &str| {
        output
            .write(name, text.as_bytes())
            .map_err(io_error(format!("writing {name}")))
    };
    let sitemap_url = site.absolute_url(sitemap::SITEMAP);
    write("robots.txt", &robots::robots_txt(sitemap_url.as_deref()))?;
    let Some(base_url) = site.base_url() else {
        return Ok(());
    };
    for (name, text) in sitemap::sitemap_files(base_url, urls, lastmod) {
        write(&name, &text)?;
    }
    let site_author = site
        .owner()
        .map_or(site.title(), |owner| owner.name.as_str());
    let news_page = site.absolute_url(&Route::of(Page::News).relative_path());
    if let (Some(url), Some(page_url)) = (site.absolute_url(SITE_FEED), news_page) {
        let info = FeedInfo {
            url: &url,
            title: &format!("News from {}", site.title()),
            page_url: &page_url,
            author: site_author,
        };
        if let Some(feed) = atom_feed(site, &info, site.news()) {
            write(SITE_FEED, &feed)?;
        }
    }
    for person in site.people() {
        let file = person_feed_file(&person.id);
        let page = Route::with(Page::PersonNews, &person.id).relative_path();
        if let (Some(url), Some(page_url)) = (site.absolute_url(&file), site.absolute_url(&page)) {
            let info = FeedInfo {
                url: &url,
                title: &format!("News from {}", person.name),
                page_url: &page_url,
                author: &person.name,
            };
            if let Some(feed) = atom_feed(site, &info, site.news_of(&person.id)) {
                write(&file, &feed)?;
            }
        }
    }
    Ok(())
}

/// The date the sitemap gives every page: the data's `site.updated`, else the day the data file
/// was last modified.
fn last_modified(file: &crate::model::SiteFile, data_path: &Path) -> String {
    if let Some(updated) = &file.site.updated {
        return updated.clone();
    }
    let modified = std::fs::metadata(data_path)
        .and_then(|metadata| metadata.modified())
        .unwrap_or_else(|_| std::time::SystemTime::now());
    let days = modified
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs() / 86_400);
    civil_date(days as i64)
}

/// `YYYY-MM-DD` of a day counted from 1970-01-01 (the proleptic Gregorian calendar).
fn civil_date(days: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A warning when `base_url` names another path than the one the site is built for: its
/// canonical links and sitemap would point where the pages are not.
fn base_url_mismatch(site: &Site, base: &str) -> Option<Problem> {
    let base_url = site.base_url()?;
    let declared = paths::base_from_uri(&format!("{}/", base_url.trim_end_matches('/')));
    (declared != base).then(|| Problem {
        severity: Severity::Warning,
        line: None,
        path: "site.base_url".to_string(),
        message: format!(
            "\"{base_url}\" has the path \"{declared}/\", but the site is built for \"{base}/\" (trunk's --public-url): canonical links, the sitemap and the feeds name {base_url}"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_count_from_1970() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_287), "2025-07-18");
        assert_eq!(civil_date(19_782), "2024-02-29");
    }
}

//! `vita-render [--data FOLDER] [--skip KINDS] [--index WHEN] SITE`: renders every page of a built site as static HTML from its
//! data, with `404.html`, `sitemap.xml`, `robots.txt` and the Atom feeds. Trunk runs it after each
//! build; run it yourself to publish edited data without rebuilding the module:
//!
//! ```sh
//! cargo run --release --bin vita-render -- --data public/data dist
//! ```
//!
//! With `--data`, the folder's files replace the site's `data/` too. `--skip authors` (or
//! `papers`, `people`, several joined by commas; or the environment's `VITA_SKIP_PAGES`, for
//! trunk's builds) leaves those pages to the app: a large index may not want a page for each of
//! its author names. `--index always` (or `never`, or the default `auto`: from 2,500 papers; or
//! the environment's `VITA_INDEX`) also writes the data in the sharded layout of `data/index/`,
//! from which each page of a large site fetches only its own part. `--precompress app` (the
//! default: the module, its JavaScript and the styles), `all` (every page and data file too) or
//! `none` (or the environment's `VITA_PRECOMPRESS`) says which files get `.gz` and `.br` copies
//! beside them, for hosts that serve those. The build says how large the site is, and which host limits it passes
//! (GitHub Pages: 1 GB a site, 100 MB a file; Cloudflare Pages: 20,000 files of 25 MiB). Problems of the data are
//! printed as `vita-check` prints them. Exit status: 0 when the site was written, 1 when the data
//! has errors (nothing is written), 2 when the site or the data cannot be read or written.
#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;
#[cfg(not(target_arch = "wasm32"))]
use vita::build::compress::Precompress;
#[cfg(not(target_arch = "wasm32"))]
use vita::build::data::{ReadError, print_problems};
#[cfg(not(target_arch = "wasm32"))]
use vita::build::hosts::limits_passed;
#[cfg(not(target_arch = "wasm32"))]
use vita::build::shards::Sharding;
#[cfg(not(target_arch = "wasm32"))]
use vita::build::{BuildError, Options, PageKind, build_site};

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage: vita-render [--data FOLDER] [--skip papers,authors,people] [--index auto|always|never] [--precompress app|all|none] SITE_FOLDER";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let Some(options) = options(std::env::args().skip(1)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match build_site(&options) {
        Ok(report) => {
            print_problems(&report.data_file, &report.warnings);
            println!(
                "vita-render: wrote {} pages, {} files ({:.1} MB) in {} in {:.2} s; the site has {} files ({:.1} MB)",
                report.pages,
                report.written.files,
                report.written.bytes as f64 / 1e6,
                options.dist.display(),
                report.elapsed.as_secs_f64(),
                report.size.files,
                report.size.bytes as f64 / 1e6
            );
            if let Some(index) = report.index {
                println!(
                    "vita-render: wrote the sharded data of {} papers and {} author names in {}/data/index",
                    index.papers,
                    index.clusters,
                    options.dist.display()
                );
            }
            for passed in limits_passed(&report.size) {
                println!("vita-render: warning: {passed}");
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Invalid { shown, problems }) => {
            print_problems(&shown, &problems);
            println!(
                "vita-render: {}: the data has errors, so nothing was written",
                shown
            );
            ExitCode::from(1)
        }
        Err(BuildError::Data {
            shown,
            error: ReadError::Shape(problems),
        }) => {
            print_problems(&shown, &problems);
            println!("vita-render: {shown}: the data has errors, so nothing was written");
            ExitCode::from(1)
        }
        Err(
            error @ BuildError::Data {
                error: ReadError::Parse(_),
                ..
            },
        ) => {
            println!("{error}");
            println!("vita-render: the data does not parse, so nothing was written");
            ExitCode::from(1)
        }
        Err(error) => {
            eprintln!("vita-render: {error}");
            ExitCode::from(2)
        }
    }
}

/// The options from the command line, or `None` when they do not fit [`USAGE`].
#[cfg(not(target_arch = "wasm32"))]
fn options(mut args: impl Iterator<Item = String>) -> Option<Options> {
    let mut data = None;
    let mut dist = None;
    let mut skip = match std::env::var("VITA_SKIP_PAGES") {
        Ok(kinds) => page_kinds(&kinds)?,
        Err(_) => Vec::new(),
    };
    let mut index = match std::env::var("VITA_INDEX") {
        Ok(when) => Sharding::named(when.trim())?,
        Err(_) => Sharding::Auto,
    };
    let mut precompress = match std::env::var("VITA_PRECOMPRESS") {
        Ok(which) => Precompress::named(which.trim())?,
        Err(_) => Precompress::default(),
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => data = Some(PathBuf::from(args.next()?)),
            "--skip" => skip.extend(page_kinds(&args.next()?)?),
            "--index" => index = Sharding::named(&args.next()?)?,
            "--precompress" => precompress = Precompress::named(&args.next()?)?,
            _ if arg.starts_with('-') || dist.is_some() => return None,
            _ => dist = Some(PathBuf::from(arg)),
        }
    }
    Some(Options {
        dist: dist?,
        data,
        skip,
        index,
        precompress,
    })
}

/// The kinds of pages in `papers,authors`; `None` when one is unknown.
#[cfg(not(target_arch = "wasm32"))]
fn page_kinds(list: &str) -> Option<Vec<PageKind>> {
    list.split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(PageKind::named)
        .collect()
}

/// The command reads and writes files: it has nothing to do in a browser, where the crate is
/// only compiled to be checked.
#[cfg(target_arch = "wasm32")]
fn main() {}

//! `vita-check FILE`: checks a site data file before deployment, printing every error and warning
//! with its line and JSON path: unknown fields, wrong types and invalid values together with the
//! content checks.
//!
//! With `--timings`, it also prints how long reading each bibliography file takes (entries per
//! second, the best of three reads) and how long the whole check took.
//!
//! Exit status: 0 when the file is valid (warnings allowed), 1 when it has errors, 2 when it cannot
//! be read.
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;
#[cfg(not(target_arch = "wasm32"))]
use std::time::{Duration, Instant};
#[cfg(not(target_arch = "wasm32"))]
use vita::build::data::{ReadError, print_problems, read_site_data};
#[cfg(not(target_arch = "wasm32"))]
use vita::model::dataset::{beside, read_bibliography};
#[cfg(not(target_arch = "wasm32"))]
use vita::model::{Severity, SiteFile};

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let timings = args.first().is_some_and(|arg| arg == "--timings");
    if timings {
        args.remove(0);
    }
    let [path] = args.as_slice() else {
        eprintln!("usage: vita-check [--timings] path/to/site.json");
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let checked = read_site_data(Path::new(&path));
    let elapsed = started.elapsed();
    let data = match checked {
        Ok(data) => data,
        Err(error @ ReadError::Unreadable(_)) => {
            eprintln!("{path}: {error}");
            return ExitCode::from(2);
        }
        Err(error @ ReadError::Parse(_)) => {
            println!("{path}: {error}");
            println!("1 error (the file must be JSON before its content can be checked)");
            return ExitCode::from(1);
        }
        Err(ReadError::Shape(problems)) => {
            print_problems(path, &problems);
            println!(
                "{} error(s) (the content is checked once the file's shape is mended)",
                problems.len()
            );
            return ExitCode::from(1);
        }
    };
    print_problems(path, &data.problems);
    let errors = data.error_count();
    let notes = data
        .problems
        .iter()
        .filter(|problem| problem.severity == Severity::Note)
        .count();
    let warnings = data.problems.len() - errors - notes;
    let merged = if notes > 0 {
        format!(", {notes} paper(s) merged")
    } else {
        String::new()
    };
    let file = &data.file;
    println!(
        "{errors} error(s), {warnings} warning(s){merged} in {} people, {} papers, {} news items, {} activity items",
        file.people.len(),
        file.papers.len(),
        file.news.len(),
        file.activity.len()
    );
    if timings {
        print_timings(path, file, elapsed);
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints how fast each bibliography file of `file` (the data file at `path`) is read, natively:
/// the best of three reads, without merging or checking, then the time the whole check took.
#[cfg(not(target_arch = "wasm32"))]
fn print_timings(path: &str, file: &SiteFile, elapsed: Duration) {
    for source in &file.bibliography {
        let Ok(text) = std::fs::read_to_string(beside(path, &source.file)) else {
            continue;
        };
        let mut best = Duration::MAX;
        let mut entries = 0;
        for _ in 0..3 {
            let started = Instant::now();
            let Ok(import) = read_bibliography(&source.file, source.format, &text) else {
                break;
            };
            best = best.min(started.elapsed());
            entries = import.papers.len();
        }
        if best < Duration::MAX {
            println!(
                "timings: {}: {entries} papers read in {:.1} ms ({:.0} papers/s, {:.1} MB/s)",
                source.file,
                best.as_secs_f64() * 1e3,
                entries as f64 / best.as_secs_f64(),
                text.len() as f64 / 1e6 / best.as_secs_f64()
            );
        }
    }
    println!(
        "timings: read, merged and checked in {:.1} ms",
        elapsed.as_secs_f64() * 1e3
    );
}

/// The command reads and writes files: it has nothing to do in a browser, where the crate is
/// only compiled to be checked.
#[cfg(target_arch = "wasm32")]
fn main() {}

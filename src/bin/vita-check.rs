//! `vita-check FILE`: checks a site data file before deployment, printing every error and warning
//! with its line and JSON path: unknown fields, wrong types and invalid values together with the
//! content checks.
//!
//! Exit status: 0 when the file is valid (warnings allowed), 1 when it has errors, 2 when it cannot
//! be read.
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;
#[cfg(not(target_arch = "wasm32"))]
use vita::build::data::{ReadError, print_problems, read_site_data};
#[cfg(not(target_arch = "wasm32"))]
use vita::model::Severity;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), None) = (args.next(), args.next()) else {
        eprintln!("usage: vita-check path/to/site.json");
        return ExitCode::from(2);
    };
    let data = match read_site_data(Path::new(&path)) {
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
            print_problems(&path, &problems);
            println!(
                "{} error(s) (the content is checked once the file's shape is mended)",
                problems.len()
            );
            return ExitCode::from(1);
        }
    };
    print_problems(&path, &data.problems);
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
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The command reads and writes files: it has nothing to do in a browser, where the crate is
/// only compiled to be checked.
#[cfg(target_arch = "wasm32")]
fn main() {}

//! `vita-check FILE`: checks a site data file before deployment, printing every error and warning
//! with its JSON path.
//!
//! Exit status: 0 when the file is valid (warnings allowed), 1 when it has errors, 2 when it cannot
//! be read.

use std::process::ExitCode;
use vita::model::dataset::{BibFile, assemble, beside};
use vita::model::{Problem, Severity, parse_site_file};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), None) = (args.next(), args.next()) else {
        eprintln!("usage: vita-check path/to/site.json");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: cannot be read: {error}");
            return ExitCode::from(2);
        }
    };
    let file = match parse_site_file(&text) {
        Ok(file) => file,
        Err(error) => {
            println!("{path}: error: {error}");
            println!("1 error (the file must parse before its content can be checked)");
            return ExitCode::from(1);
        }
    };
    let mut bibliographies = Vec::new();
    let mut unreadable = Vec::new();
    for (index, listed) in file.bibliography.iter().enumerate() {
        let bib_path = beside(&path, listed);
        match std::fs::read_to_string(&bib_path) {
            Ok(text) => bibliographies.push(BibFile {
                path: listed.clone(),
                text,
            }),
            Err(error) => unreadable.push(Problem {
                severity: Severity::Error,
                path: format!("bibliography[{index}]"),
                message: format!("{bib_path} cannot be read: {error}"),
            }),
        }
    }
    let (file, mut problems) = assemble(file, &bibliographies);
    problems.splice(0..0, unreadable);
    for problem in &problems {
        let severity = match problem.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        println!("{path}: {severity}: {problem}");
    }
    let errors = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    println!(
        "{errors} error(s), {warnings} warning(s) in {} people, {} papers, {} news items, {} activity items",
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

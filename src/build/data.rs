//! Reading a site data file and the bibliography files it lists from disk, merged and checked as
//! the browser loads them: what `vita-check` reports and what the build step renders.

use crate::model::dataset::{BibFile, ResumeFile, assemble_parsed, beside, resume_paths};
use crate::model::validate::locate_problems;
use crate::model::{ParseError, Problem, Severity, SiteFile, SiteParseError, parse_site_checked};
use std::fmt;
use std::path::Path;

/// A data file that parsed, with its bibliographies merged in and every problem found.
#[derive(Debug)]
pub struct CheckedData {
    /// The data, `.bib` papers included.
    pub file: SiteFile,
    /// Every error and warning, errors first, with their lines in the site file.
    pub problems: Vec<Problem>,
}

impl CheckedData {
    /// How many of the problems are errors.
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|problem| problem.severity == Severity::Error)
            .count()
    }
}

/// Why a data file could not be checked at all.
#[derive(Debug)]
pub enum ReadError {
    /// The file cannot be read.
    Unreadable(std::io::Error),
    /// The file is not JSON.
    Parse(ParseError),
    /// The file has more problems of shape than the check lists, or one it cannot get past:
    /// those found.
    Shape(Vec<Problem>),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable(error) => write!(f, "cannot be read: {error}"),
            Self::Parse(error) => write!(f, "error: {error}"),
            Self::Shape(problems) => write!(f, "{} problems of shape", problems.len()),
        }
    }
}

/// Reads the data file at `path`, the bibliographies and JSON Resume files it lists (relative to
/// it), and checks them. A file that cannot be read is an error of the entry naming it.
pub fn read_site_data(path: &Path) -> Result<CheckedData, ReadError> {
    let text = std::fs::read_to_string(path).map_err(ReadError::Unreadable)?;
    let parsed = parse_site_checked(text.as_bytes()).map_err(|error| match error {
        SiteParseError::Syntax(error) => ReadError::Parse(error),
        SiteParseError::Shape(problems) => ReadError::Shape(problems),
    })?;
    let file = &parsed.file;
    let shown = path.to_string_lossy();
    let mut bibliographies = Vec::new();
    let mut unreadable = Vec::new();
    for (index, listed) in file
        .bibliography
        .iter()
        .map(|source| &source.file)
        .enumerate()
    {
        let bib_path = beside(&shown, listed);
        match std::fs::read_to_string(&bib_path) {
            Ok(text) => bibliographies.push(BibFile {
                path: listed.clone(),
                text,
            }),
            Err(error) => unreadable.push(Problem {
                severity: Severity::Error,
                line: None,
                path: format!("bibliography[{index}]"),
                message: format!("{bib_path} cannot be read: {error}"),
            }),
        }
    }
    let mut resumes = Vec::new();
    for listed in resume_paths(file) {
        let resume_path = beside(&shown, &listed);
        match std::fs::read_to_string(&resume_path) {
            Ok(text) => resumes.push(ResumeFile { path: listed, text }),
            Err(error) => {
                for (index, person) in file.people.iter().enumerate() {
                    if person.resume.as_ref() == Some(&listed) {
                        unreadable.push(Problem {
                            severity: Severity::Error,
                            line: None,
                            path: format!("people[{index}].resume"),
                            message: format!("{resume_path} cannot be read: {error}"),
                        });
                    }
                }
            }
        }
    }
    let (file, mut problems) = assemble_parsed(parsed, &bibliographies, &resumes);
    problems.splice(0..0, unreadable);
    locate_problems(&text, &file, &mut problems);
    Ok(CheckedData { file, problems })
}

/// Prints each problem of the data file `shown` on its own line, as `vita-check` does:
/// `data/site.json:12: error: papers[3].date: …`.
pub fn print_problems(shown: &str, problems: &[Problem]) {
    for problem in problems {
        println!(
            "{}: {}: {problem}",
            problem.place(shown),
            problem.severity.label()
        );
    }
}

//! A site file together with its bibliography files: what both the browser and `vita-check`
//! load, merge and check.

use super::bibtex::parse_bib;
use super::schema::SiteFile;
use super::validate::{Problem, Severity, errors_first, validate};

/// A bibliography file as listed in `bibliography`, with its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BibFile {
    /// The path as written in the site file (relative to it).
    pub path: String,
    /// The file's content.
    pub text: String,
}

/// Where a paper of the merged dataset came from, for problem messages.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BibOrigin {
    path: String,
    key: String,
    line: usize,
}

/// Adds the papers of `bibliographies` to the file's own papers, then checks everything. Entries
/// a `.bib` file cannot yield are warnings naming the file and line (the rest still load);
/// problems of papers from `.bib` files name the file, entry and line instead of a JSON path.
pub fn assemble(mut file: SiteFile, bibliographies: &[BibFile]) -> (SiteFile, Vec<Problem>) {
    let own_papers = file.papers.len();
    let mut origins = Vec::new();
    let mut reading = Vec::new();
    for bib in bibliographies {
        let import = parse_bib(&bib.text);
        for problem in import.problems {
            reading.push(Problem {
                severity: Severity::Warning,
                path: format!("{} line {}", bib.path, problem.line),
                message: format!(
                    "{}{}{}",
                    problem.key.map(|key| key + ": ").unwrap_or_default(),
                    problem.message,
                    if problem.skipped {
                        "; the entry is left out"
                    } else {
                        ""
                    }
                ),
            });
        }
        for (paper, line) in import.papers.into_iter().zip(import.lines) {
            origins.push(BibOrigin {
                path: bib.path.clone(),
                key: paper.id.clone(),
                line,
            });
            file.papers.push(paper);
        }
    }
    let mut problems = validate(&file);
    for problem in &mut problems {
        problem.path = relocate(&problem.path, own_papers, &origins);
    }
    problems.extend(reading);
    (file, errors_first(problems))
}

/// Rewrites `papers[N]…` for a paper from a `.bib` file as `file.bib (entry key, line L)…`.
fn relocate(path: &str, own_papers: usize, origins: &[BibOrigin]) -> String {
    let Some(rest) = path.strip_prefix("papers[") else {
        return path.to_string();
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return path.to_string();
    };
    match index
        .parse::<usize>()
        .ok()
        .and_then(|index| index.checked_sub(own_papers))
        .and_then(|index| origins.get(index))
    {
        Some(origin) => format!(
            "{} (entry {}, line {}){tail}",
            origin.path, origin.key, origin.line
        ),
        None => path.to_string(),
    }
}

/// The location of a listed bibliography file relative to the site file's own location
/// (`data/site.json` and `papers.bib` give `data/papers.bib`).
pub fn beside(site_file: &str, path: &str) -> String {
    match site_file.rfind('/') {
        Some(slash) => format!("{}/{path}", &site_file[..slash]),
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bibliographies_are_found_beside_the_site_file() {
        assert_eq!(beside("data/site.json", "papers.bib"), "data/papers.bib");
        assert_eq!(beside("site.json", "refs/papers.bib"), "refs/papers.bib");
    }

    #[test]
    fn paths_of_bib_papers_name_the_file_entry_and_line() {
        let origins = vec![BibOrigin {
            path: "papers.bib".into(),
            key: "lee2025".into(),
            line: 12,
        }];
        assert_eq!(
            relocate("papers[3].authors[1].person", 3, &origins),
            "papers.bib (entry lee2025, line 12).authors[1].person"
        );
        assert_eq!(relocate("papers[2].title", 3, &origins), "papers[2].title");
        assert_eq!(relocate("news[0].paper", 3, &origins), "news[0].paper");
    }
}

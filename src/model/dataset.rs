//! A site file together with its bibliography files: what both the browser and `vita-check`
//! load, merge and check.

use super::bibtex::parse_bib;
use super::resume::{fill_person, read_resume};
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

/// A JSON Resume file a person lists in `resume`, with its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeFile {
    /// The path as written in the site file (relative to it).
    pub path: String,
    /// The file's content.
    pub text: String,
}

/// The JSON Resume files the people of `file` list, each once, in file order.
pub fn resume_paths(file: &SiteFile) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    for path in file
        .people
        .iter()
        .filter_map(|person| person.resume.as_ref())
    {
        if !paths.contains(path) {
            paths.push(path.clone());
        }
    }
    paths
}

/// Where a person's CV section came from when a JSON Resume file gave it, for problem messages.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ResumeOrigin {
    person: usize,
    section: &'static str,
    file: String,
    resume_section: &'static str,
    indices: Vec<usize>,
}

/// Where a paper of the merged dataset came from, for problem messages.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BibOrigin {
    path: String,
    key: String,
    line: usize,
}

/// Adds the papers of `bibliographies` to the file's own papers and the CV sections of `resumes`
/// to the people listing them, then checks everything. Entries a `.bib` file cannot yield are
/// warnings naming the file and line (the rest still load); problems of papers from `.bib` files
/// name the file, entry and line instead of a JSON path, and those of entries from a JSON Resume
/// file its path in that file.
pub fn assemble(
    mut file: SiteFile,
    bibliographies: &[BibFile],
    resumes: &[ResumeFile],
) -> (SiteFile, Vec<Problem>) {
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
    let resume_origins = add_resumes(&mut file, resumes, &mut reading);
    let mut problems = validate(&file);
    for problem in &mut problems {
        problem.path = relocate(&problem.path, own_papers, &origins);
        problem.path = relocate_resume(&problem.path, &resume_origins);
    }
    problems.extend(reading);
    (file, errors_first(problems))
}

/// Fills the CV sections that people leave empty from the JSON Resume files they list. A file
/// that is not JSON is an error; fields it cannot show, and sections the site file already
/// gives, are warnings.
fn add_resumes(
    file: &mut SiteFile,
    resumes: &[ResumeFile],
    problems: &mut Vec<Problem>,
) -> Vec<ResumeOrigin> {
    let mut origins = Vec::new();
    let papers = &file.papers;
    for (index, person) in file.people.iter_mut().enumerate() {
        let Some(resume) = person
            .resume
            .as_ref()
            .and_then(|path| resumes.iter().find(|resume| &resume.path == path))
        else {
            continue;
        };
        let import = match read_resume(&resume.text, papers) {
            Ok(import) => import,
            Err(error) => {
                problems.push(Problem {
                    severity: Severity::Error,
                    path: resume.path.clone(),
                    message: error.to_string(),
                });
                continue;
            }
        };
        for warning in &import.warnings {
            problems.push(Problem {
                severity: Severity::Warning,
                path: format!("{}: {}", resume.path, warning.path),
                message: warning.message.clone(),
            });
        }
        let given = import.origins.clone();
        let filled = fill_person(person, import);
        for origin in given
            .into_iter()
            .filter(|origin| !origin.indices.is_empty())
        {
            if filled.contains(&origin.section) {
                origins.push(ResumeOrigin {
                    person: index,
                    section: origin.section,
                    file: resume.path.clone(),
                    resume_section: origin.resume_section,
                    indices: origin.indices,
                });
            } else {
                problems.push(Problem {
                    severity: Severity::Warning,
                    path: format!("{}: {}", resume.path, origin.resume_section),
                    message: format!(
                        "not used: people[{index}].{} is given in the site file, which comes first",
                        origin.section
                    ),
                });
            }
        }
    }
    origins
}

/// Rewrites `people[P].positions[N]…` for an entry from a JSON Resume file as
/// `resume.json: work[M]…`, naming the field as the file does.
fn relocate_resume(path: &str, origins: &[ResumeOrigin]) -> String {
    for origin in origins {
        let prefix = format!("people[{}].{}[", origin.person, origin.section);
        let Some(rest) = path.strip_prefix(&prefix) else {
            continue;
        };
        let Some((index, tail)) = rest.split_once(']') else {
            continue;
        };
        let Some(&original) = index
            .parse::<usize>()
            .ok()
            .and_then(|index| origin.indices.get(index))
        else {
            continue;
        };
        let field = tail.strip_prefix('.').unwrap_or(tail);
        let (name, rest) = field.split_at(field.find(['.', '[']).unwrap_or(field.len()));
        let name = resume_field_name(origin.resume_section, name);
        let tail = if name.is_empty() {
            String::new()
        } else {
            format!(".{name}{rest}")
        };
        return format!(
            "{}: {}[{original}]{tail}",
            origin.file, origin.resume_section
        );
    }
    path.to_string()
}

/// The name JSON Resume gives a field of the site file's CV entries.
fn resume_field_name<'a>(section: &str, field: &'a str) -> &'a str {
    match (section, field) {
        ("work" | "education" | "volunteer", "start") => "startDate",
        ("work" | "education" | "volunteer", "end") => "endDate",
        ("work", "organisation") => "name",
        ("work", "role") => "position",
        ("work", "description") => "summary",
        ("education", "degree") => "studyType",
        ("education", "field") => "area",
        ("awards", "awarded_by") => "awarder",
        ("volunteer", "text") => "summary",
        _ => field,
    }
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

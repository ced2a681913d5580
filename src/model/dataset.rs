//! A site file together with its bibliography files: what both the browser and `vita-check`
//! load, merge and check.

use super::bibtex::{BibImport, parse_bib};
use super::csl_json::parse_csl_json;
use super::dblp::parse_dblp;
use super::fast_hash::FastMap;
use super::merge::{MergedPapers, merge_papers};
use super::openalex::{is_openalex, parse_openalex};
use super::parse::{ParseError, ParsedSite, is_within};
use super::resume::{SectionOrigin, fill_person, read_resume};
use super::ris::parse_ris;
use super::schema::{SiteFile, SourceFormat};
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

/// Where a person's field came from when a JSON Resume file gave it, for problem messages.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ResumeOrigin {
    person: usize,
    file: String,
    origin: SectionOrigin,
}

/// Where a paper of the merged dataset came from, for problem messages.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BibOrigin {
    path: String,
    key: String,
    line: usize,
}

/// Adds the papers of `bibliographies` to the file's own papers, merges those that are the same
/// paper (each merge a note), adds the CV sections of `resumes` to the people listing them, then
/// checks everything. Entries a `.bib` file cannot yield are
/// warnings naming the file and line (the rest still load); problems of papers from `.bib` files
/// name the file, entry and line instead of a JSON path, and those of entries from a JSON Resume
/// file its path in that file.
pub fn assemble(
    mut file: SiteFile,
    bibliographies: &[BibFile],
    resumes: &[ResumeFile],
) -> (SiteFile, Vec<Problem>) {
    let mut origins: Vec<PaperOrigin> = (0..file.papers.len()).map(PaperOrigin::Own).collect();
    let mut reading = Vec::new();
    for bib in bibliographies {
        let format = file
            .bibliography
            .iter()
            .find(|source| source.file == bib.path)
            .and_then(|source| source.format);
        let import = match read_bibliography(&bib.path, format, &bib.text) {
            Ok(import) => import,
            Err(error) => {
                reading.push(Problem {
                    severity: Severity::Error,
                    line: None,
                    path: bib.path.clone(),
                    message: error.to_string(),
                });
                continue;
            }
        };
        for problem in import.problems {
            reading.push(Problem {
                severity: Severity::Warning,
                line: None,
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
            origins.push(PaperOrigin::Bib(BibOrigin {
                path: bib.path.clone(),
                key: paper.id.clone(),
                line,
            }));
            file.papers.push(paper);
        }
    }
    let origins = merge_sources(&mut file, origins, &mut reading);
    let resume_origins = add_resumes(&mut file, resumes, &mut reading);
    let mut problems = validate(&file);
    for problem in &mut problems {
        problem.path = relocate(&problem.path, &origins);
        problem.path = relocate_resume(&problem.path, &resume_origins);
    }
    problems.extend(reading);
    (file, errors_first(problems))
}

/// [`assemble`] for a site file parsed with [`parse_site_checked`](super::parse::parse_site_checked):
/// its problems of shape come first, and the content checks say nothing more about the values
/// standing in for wrong or missing ones.
pub fn assemble_parsed(
    parsed: ParsedSite,
    bibliographies: &[BibFile],
    resumes: &[ResumeFile],
) -> (SiteFile, Vec<Problem>) {
    let ParsedSite {
        file,
        mut problems,
        stand_ins,
    } = parsed;
    let (file, checked) = assemble(file, bibliographies, resumes);
    problems.extend(checked.into_iter().filter(|problem| {
        !stand_ins
            .iter()
            .any(|stand_in| is_within(&problem.path, stand_in))
    }));
    (file, errors_first(problems))
}

/// Where a paper of the merged dataset came from: the site file's own papers, at their index,
/// or a bibliography file's entry.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PaperOrigin {
    Own(usize),
    Bib(BibOrigin),
}

impl PaperOrigin {
    /// How messages name the paper: `papers[3]`, or `papers.bib (entry lee2025, line 12)`.
    fn describe(&self) -> String {
        match self {
            Self::Own(index) => format!("papers[{index}]"),
            Self::Bib(origin) => format!(
                "{} (entry {}, line {})",
                origin.path, origin.key, origin.line
            ),
        }
    }
}

/// Merges the papers that are the same paper (see [`merge_papers`]), notes each merge, warns of
/// papers alike in title that are not merged, and points
/// the news and CV entries naming a merged paper's id at the paper kept. Returns the origin of
/// each paper left.
fn merge_sources(
    file: &mut SiteFile,
    origins: Vec<PaperOrigin>,
    notes: &mut Vec<Problem>,
) -> Vec<PaperOrigin> {
    let papers = std::mem::take(&mut file.papers);
    let ids: Vec<String> = papers.iter().map(|paper| paper.id.clone()).collect();
    let MergedPapers {
        papers,
        moved,
        merges,
        alike,
    } = merge_papers(papers);
    for (first, later) in alike {
        notes.push(Problem {
            severity: Severity::Warning,
            line: None,
            path: format!("{}.title", origins[later].describe()),
            message: format!(
                "{} has the same title but other authors or another year: is this a duplicate entry?",
                origins[first].describe()
            ),
        });
    }
    if merges.is_empty() {
        file.papers = papers;
        return origins;
    }
    let mut renamed: FastMap<String, String> = FastMap::default();
    for merge in &merges {
        let kept = &papers[moved[merge.kept]];
        notes.push(Problem {
            severity: Severity::Note,
            line: None,
            path: origins[merge.merged].describe(),
            message: format!(
                "merged into {} (\"{}\"): {}",
                origins[merge.kept].describe(),
                kept.id,
                merge.because.describe()
            ),
        });
        if ids[merge.merged] != kept.id {
            renamed
                .entry(ids[merge.merged].clone())
                .or_insert(kept.id.clone());
        }
    }
    let mut left = vec![None; papers.len()];
    for (index, origin) in origins.into_iter().enumerate() {
        left[moved[index]].get_or_insert(origin);
    }
    file.papers = papers;
    let rename = |paper: &mut Option<String>| {
        if let Some(new) = paper.as_ref().and_then(|id| renamed.get(id)) {
            *paper = Some(new.clone());
        }
    };
    for item in &mut file.news {
        rename(&mut item.paper);
    }
    for person in &mut file.people {
        person
            .education
            .iter_mut()
            .for_each(|entry| rename(&mut entry.paper));
        person
            .awards
            .iter_mut()
            .for_each(|award| rename(&mut award.paper));
        person
            .talks
            .iter_mut()
            .for_each(|talk| rename(&mut talk.paper));
    }
    left.into_iter()
        .map(|origin| origin.expect("every paper left has the origin of its first"))
        .collect()
}

/// The papers of a bibliography file, read by the reader of its format: the one given, else the
/// one its extension names (OpenAlex works or CSL-JSON for `.json`, told apart by their shape;
/// RIS for `.ris`; a DBLP person file for `.xml`; BibTeX otherwise). A JSON file that is not JSON
/// cannot be read.
pub fn read_bibliography(
    path: &str,
    format: Option<SourceFormat>,
    text: &str,
) -> Result<BibImport, ParseError> {
    let lower = path.to_ascii_lowercase();
    let format = format.unwrap_or(if lower.ends_with(".json") && is_openalex(text) {
        SourceFormat::Openalex
    } else if lower.ends_with(".json") {
        SourceFormat::CslJson
    } else if lower.ends_with(".ris") {
        SourceFormat::Ris
    } else if lower.ends_with(".xml") {
        SourceFormat::Dblp
    } else {
        SourceFormat::Bibtex
    });
    match format {
        SourceFormat::Openalex => parse_openalex(text),
        SourceFormat::CslJson => parse_csl_json(text),
        SourceFormat::Ris => Ok(parse_ris(text)),
        SourceFormat::Dblp => Ok(parse_dblp(text)),
        SourceFormat::Bibtex => Ok(parse_bib(text)),
    }
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
                    line: None,
                    path: resume.path.clone(),
                    message: error.to_string(),
                });
                continue;
            }
        };
        for warning in &import.warnings {
            problems.push(Problem {
                severity: Severity::Warning,
                line: None,
                path: format!("{}: {}", resume.path, warning.path),
                message: warning.message.clone(),
            });
        }
        let given = import.origins.clone();
        let filled = fill_person(person, import);
        for origin in given.into_iter().filter(|origin| !origin.paths.is_empty()) {
            if filled.contains(&origin.section) {
                origins.push(ResumeOrigin {
                    person: index,
                    file: resume.path.clone(),
                    origin,
                });
            } else if CV_SECTIONS.contains(&origin.section) {
                let section = origin.paths[0]
                    .split('[')
                    .next()
                    .unwrap_or_default()
                    .to_string();
                problems.push(Problem {
                    severity: Severity::Warning,
                    line: None,
                    path: format!("{}: {section}", resume.path),
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

/// The person's fields that are CV sections: a JSON Resume file's section is not used when the
/// site file gives it, and is reported so (fields from `basics` only fill what is missing).
const CV_SECTIONS: [&str; 7] = [
    "education",
    "positions",
    "awards",
    "talks",
    "teaching",
    "service",
    "mentoring",
];

/// Rewrites `people[P].positions[N]…` for an entry from a JSON Resume file as
/// `resume.json: work[M]…` (and `people[P].photo` as `resume.json: basics.image`), naming the
/// field as the file does.
fn relocate_resume(path: &str, origins: &[ResumeOrigin]) -> String {
    for ResumeOrigin {
        person,
        file,
        origin,
    } in origins
    {
        let prefix = format!("people[{person}].{}", origin.section);
        let Some(rest) = path.strip_prefix(&prefix) else {
            continue;
        };
        if !origin.list {
            if rest.is_empty() || rest.starts_with('.') {
                return format!("{file}: {}", origin.paths[0]);
            }
            continue;
        }
        let Some((index, tail)) = rest.strip_prefix('[').and_then(|rest| rest.split_once(']'))
        else {
            continue;
        };
        let Some(original) = index
            .parse::<usize>()
            .ok()
            .and_then(|index| origin.paths.get(index))
        else {
            continue;
        };
        let section = original.split(['[', '.']).next().unwrap_or_default();
        let field = tail.strip_prefix('.').unwrap_or(tail);
        let (name, rest) = field.split_at(field.find(['.', '[']).unwrap_or(field.len()));
        let name = resume_field_name(section, name);
        let tail = if name.is_empty() {
            String::new()
        } else {
            format!(".{name}{rest}")
        };
        return format!("{file}: {original}{tail}");
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

/// Rewrites `papers[N]…` for a paper from a bibliography file as `file.bib (entry key, line L)…`,
/// and for one of the site file's own papers with its index there (merging moves papers).
fn relocate(path: &str, origins: &[PaperOrigin]) -> String {
    let Some(rest) = path.strip_prefix("papers[") else {
        return path.to_string();
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return path.to_string();
    };
    match index
        .parse::<usize>()
        .ok()
        .and_then(|index| origins.get(index))
    {
        Some(origin) => format!("{}{tail}", origin.describe()),
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
        let origins = vec![
            PaperOrigin::Own(0),
            PaperOrigin::Own(2),
            PaperOrigin::Bib(BibOrigin {
                path: "papers.bib".into(),
                key: "lee2025".into(),
                line: 12,
            }),
        ];
        assert_eq!(
            relocate("papers[2].authors[1].person", &origins),
            "papers.bib (entry lee2025, line 12).authors[1].person"
        );
        assert_eq!(relocate("papers[1].title", &origins), "papers[2].title");
        assert_eq!(relocate("news[0].paper", &origins), "news[0].paper");
    }
}

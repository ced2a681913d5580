//! Checks of a parsed data file beyond its shape: ids, references, dates, URLs, identifiers.
//!
//! Every problem is collected, with the JSON path of the offending value, so a site owner sees
//! them all at once. Errors stop the site from rendering; warnings are worth a look but harmless.

use super::cv;
use super::date::PartialDate;
use super::fast_hash::{FastMap, FastSet};
use super::json_text::lines_of;
use super::names;
use super::schema::{
    ActivityKind, Author, Link, LinkKind, PaperKind, PaperStatus, Person, SiteFile,
};
use std::fmt;

/// What a site without `base_url` goes without: everything that needs absolute URLs.
pub const MISSING_BASE_URL: &str = "not set: the pages are built without canonical links, og:url, og:image, citation_pdf_url and citation_abstract_html_url, and without sitemap.xml, the Sitemap line of robots.txt and the Atom feeds; set it to the site's public address (https://example.org/ or https://user.github.io/repo/)";

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data is wrong; the site will not render it.
    Error,
    /// Probably unintended, but the site renders.
    Warning,
    /// Said for the record (papers merged into one); nothing to fix.
    Note,
}

impl Severity {
    /// The word the check prints: `error`, `warning`, `note`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Note => "note",
        }
    }
}

/// One problem in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The JSON path of the offending value (`papers[3].authors[1].person`), or the place in
    /// another file the data comes from (`papers.bib line 12`).
    pub path: String,
    /// The 1-based line of that value in the site file, once [`locate_problems`] has found it.
    pub line: Option<usize>,
    /// What is wrong, and how to fix it when that is not obvious.
    pub message: String,
}

impl Problem {
    /// Where the problem is, for the start of a message: `data/site.json:12` for `file`, or the
    /// file alone when the line is not known.
    pub fn place(&self, file: &str) -> String {
        match self.line {
            Some(line) => format!("{file}:{line}"),
            None => file.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Finds the line in the site file's `text` of each problem at a JSON path of that file (not
/// those naming a bibliography or JSON Resume file `file` lists), in one pass over the text, and
/// orders the problems as a reader fixes them: errors first, each kind in file order (those of
/// other files last, as they came).
pub fn locate_problems(text: &str, file: &SiteFile, problems: &mut [Problem]) {
    let other_files: Vec<&str> = file
        .bibliography
        .iter()
        .map(|source| source.file.as_str())
        .chain(
            file.people
                .iter()
                .filter_map(|person| person.resume.as_deref()),
        )
        .collect();
    let wanted: Vec<usize> = (0..problems.len())
        .filter(|&index| {
            let path = &problems[index].path;
            problems[index].line.is_none()
                && !other_files.iter().any(|other| path.starts_with(other))
        })
        .collect();
    let paths: Vec<&str> = wanted
        .iter()
        .map(|&index| problems[index].path.as_str())
        .collect();
    let lines = lines_of(text, &paths);
    for (index, line) in wanted.into_iter().zip(lines) {
        problems[index].line = line;
    }
    problems.sort_by_key(|problem| (problem.severity, problem.line.is_none(), problem.line));
}

/// Whether any of `problems` is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems
        .iter()
        .any(|problem| problem.severity == Severity::Error)
}

/// Checks a parsed data file and returns every problem found, errors first, each group in file
/// order.
pub fn validate(file: &SiteFile) -> Vec<Problem> {
    let mut checker = Checker {
        file,
        problems: Vec::new(),
        person_ids: file
            .people
            .iter()
            .map(|person| person.id.as_str())
            .collect(),
        paper_ids: file.papers.iter().map(|paper| paper.id.as_str()).collect(),
    };
    checker.site();
    checker.people();
    checker.papers();
    checker.news();
    checker.activity();
    checker.name_rules();
    checker.unlinked_authors();
    errors_first(checker.problems)
}

/// The problems with every error before every warning, each group keeping its order.
pub fn errors_first(problems: Vec<Problem>) -> Vec<Problem> {
    let (mut errors, warnings): (Vec<Problem>, Vec<Problem>) = problems
        .into_iter()
        .partition(|problem| problem.severity == Severity::Error);
    errors.extend(warnings);
    errors
}

struct Checker<'a> {
    file: &'a SiteFile,
    problems: Vec<Problem>,
    person_ids: FastSet<&'a str>,
    paper_ids: FastSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            severity: Severity::Error,
            line: None,
            path: path.into(),
            message: message.into(),
        });
    }

    fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            severity: Severity::Warning,
            line: None,
            path: path.into(),
            message: message.into(),
        });
    }

    fn site(&mut self) {
        let site = &self.file.site;
        if site.title.trim().is_empty() {
            self.error("site.title", "the site title is empty");
        }
        if let Some(owner) = &site.owner {
            self.person_reference(format_args!("site.owner"), owner);
        }
        if let Some(updated) = &site.updated {
            self.date(format_args!("site.updated"), updated);
        }
        match &site.base_url {
            Some(base_url) if !is_web_url(base_url) || base_url.contains(['?', '#']) => {
                self.error(
                    "site.base_url",
                    format!(
                        "\"{base_url}\" is not an absolute http(s) URL without query or fragment"
                    ),
                );
            }
            Some(_) => {}
            None => self.warning("site.base_url", MISSING_BASE_URL),
        }
        for (index, source) in self.file.bibliography.iter().enumerate() {
            let path = &source.file;
            let known = source.format.is_some()
                || [".bib", ".ris", ".json", ".xml"]
                    .iter()
                    .any(|extension| path.ends_with(extension));
            if !is_file_beside(path, "") || !known {
                self.error(
                    format!("bibliography[{index}]"),
                    format!(
                        "\"{path}\" must be a .bib, .ris, .json (CSL-JSON or OpenAlex) or DBLP .xml file beside the site file, e.g. \"papers.bib\", or say its format: {{ \"file\": \"{path}\", \"format\": \"csl-json\" }}"
                    ),
                );
            }
        }
    }

    fn people(&mut self) {
        let mut seen_ids = FastMap::default();
        let mut alias_owner: FastMap<String, usize> = FastMap::default();
        let mut name_owner: FastMap<String, usize> = FastMap::default();
        for (index, person) in self.file.people.iter().enumerate() {
            let path = format!("people[{index}]");
            self.id(
                format_args!("{path}.id"),
                &person.id,
                index,
                &mut seen_ids,
                "people",
            );
            if person.name.trim().is_empty() {
                self.error(format!("{path}.name"), "the name is empty");
            } else if let Some(other) = name_owner.insert(names::key(&person.name), index) {
                self.warning(
                    format!("{path}.name"),
                    format!(
                        "people[{other}] has the same name: their papers are told apart only by \"person\" links"
                    ),
                );
            }
            for (alias_index, alias) in person.aliases.iter().enumerate() {
                let alias_path = format!("{path}.aliases[{alias_index}]");
                if alias.trim().is_empty() {
                    self.error(alias_path, "the alias is empty");
                } else if let Some(other) = alias_owner.insert(names::key(alias), index)
                    && other != index
                {
                    self.error(
                        alias_path,
                        format!("\"{alias}\" is also an alias of people[{other}]: an alias must name one person"),
                    );
                }
            }
            if let Some(orcid) = &person.orcid {
                self.orcid(format_args!("{path}.orcid"), orcid);
            }
            if let Some(email) = &person.email {
                for (part, value) in [("user", &email.user), ("domain", &email.domain)] {
                    if value.trim().is_empty()
                        || value.contains('@')
                        || value.contains(char::is_whitespace)
                    {
                        self.error(
                            format!("{path}.email.{part}"),
                            format!("\"{value}\" is not a valid {part} part: write the address without \"@\", split at it"),
                        );
                    }
                }
                if !email.domain.contains('.') {
                    self.error(
                        format!("{path}.email.domain"),
                        format!("\"{}\" is not a domain name", email.domain),
                    );
                }
            }
            self.links(format_args!("{path}"), &person.links);
            if let Some(photo) = &person.photo {
                self.resource_url(format_args!("{path}.photo"), photo);
            }
            if let Some(resume) = &person.resume
                && !is_file_beside(resume, ".json")
            {
                self.error(
                    format!("{path}.resume"),
                    format!("\"{resume}\" must be a .json file beside the site file, e.g. \"resume.json\""),
                );
            }
            self.cv(&path, person);
        }
    }

    /// The CV sections of the person at `path`.
    fn cv(&mut self, path: &str, person: &Person) {
        for (index, entry) in person.education.iter().enumerate() {
            let path = format!("{path}.education[{index}]");
            self.not_empty(&path, "institution", &entry.institution);
            self.span(&path, entry.start.as_deref(), entry.end.as_deref());
            if let Some(paper) = &entry.paper {
                self.paper_reference(format_args!("{path}.paper"), paper);
            }
            for (advisor_index, advisor) in entry.advisors.iter().enumerate() {
                self.not_empty(&path, &format!("advisors[{advisor_index}]"), advisor);
            }
            if let Some(url) = &entry.url {
                self.resource_url(format_args!("{path}.url"), url);
            }
        }
        for (index, entry) in person.positions.iter().enumerate() {
            let path = format!("{path}.positions[{index}]");
            self.not_empty(&path, "organisation", &entry.organisation);
            self.not_empty(&path, "role", &entry.role);
            self.span(&path, entry.start.as_deref(), entry.end.as_deref());
            if let Some(url) = &entry.url {
                self.resource_url(format_args!("{path}.url"), url);
            }
        }
        for (index, award) in person.awards.iter().enumerate() {
            let path = format!("{path}.awards[{index}]");
            self.not_empty(&path, "title", &award.title);
            self.date(format_args!("{path}.date"), &award.date);
            if let Some(paper) = &award.paper {
                self.paper_reference(format_args!("{path}.paper"), paper);
            }
            if let Some(url) = &award.url {
                self.resource_url(format_args!("{path}.url"), url);
            }
        }
        for (index, talk) in person.talks.iter().enumerate() {
            let path = format!("{path}.talks[{index}]");
            self.not_empty(&path, "title", &talk.title);
            self.date(format_args!("{path}.date"), &talk.date);
            if let Some(paper) = &talk.paper {
                self.paper_reference(format_args!("{path}.paper"), paper);
            }
            self.links(format_args!("{path}"), &talk.links);
        }
        for (index, course) in person.teaching.iter().enumerate() {
            let path = format!("{path}.teaching[{index}]");
            self.not_empty(&path, "title", &course.title);
            if course.terms.is_empty() {
                self.error(
                    format!("{path}.terms"),
                    "a course needs its terms, e.g. [\"Fall 2020\"]",
                );
            }
            for (term_index, term) in course.terms.iter().enumerate() {
                if cv::term_year(term).is_none() {
                    self.error(
                        format!("{path}.terms[{term_index}]"),
                        format!("\"{term}\" names no year: write it with one, e.g. \"Fall 2020\" or \"2020–2021\""),
                    );
                }
            }
            if let Some(url) = &course.url {
                self.resource_url(format_args!("{path}.url"), url);
            }
        }
        for (index, line) in person.service.iter().enumerate() {
            let path = format!("{path}.service[{index}]");
            self.not_empty(&path, "text", &line.text);
            if line.start.is_none() && line.end.is_none() {
                self.error(
                    format!("{path}.start"),
                    "a line of service needs a date: give \"start\", and \"end\" for a span",
                );
            }
            self.span(&path, line.start.as_deref(), line.end.as_deref());
        }
        for (index, mentee) in person.mentoring.iter().enumerate() {
            let path = format!("{path}.mentoring[{index}]");
            self.not_empty(&path, "name", &mentee.name);
            if mentee.start.is_none() && mentee.end.is_none() {
                self.error(
                    format!("{path}.start"),
                    "a mentoring needs its years: give \"start\", and \"end\" once it ended",
                );
            }
            self.span(&path, mentee.start.as_deref(), mentee.end.as_deref());
        }
    }

    /// An error when the text at `path.field` is empty.
    fn not_empty(&mut self, path: &str, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.error(
                format!("{path}.{field}"),
                format!("the {} is empty", field_noun(field)),
            );
        }
    }

    /// The `start` and `end` of the entry at `path`: dates, the end possibly `"present"`, the end
    /// not before the start.
    fn span(&mut self, path: &str, start: Option<&str>, end: Option<&str>) {
        let start = start.and_then(|start| {
            if start == cv::PRESENT {
                self.error(
                    format!("{path}.start"),
                    "only an end can be \"present\": give the date it began",
                );
                return None;
            }
            PartialDate::parse(start)
                .map_err(|message| self.error(format!("{path}.start"), message))
                .ok()
        });
        let end = end.and_then(|end| {
            cv::parse_end(end)
                .map_err(|message| self.error(format!("{path}.end"), message))
                .ok()
        });
        if let (Some(start), Some(cv::SpanEnd::Date(end))) = (start, end)
            && cv::ends_before_start(start, end)
        {
            self.error(format!("{path}.end"), "the end is before the start");
        }
    }

    fn papers(&mut self) {
        let mut seen_ids = FastMap::default();
        for (index, paper) in self.file.papers.iter().enumerate() {
            // Paths are written out only for problems: a site may have a hundred thousand papers.
            let path = format_args!("papers[{index}]");
            self.id(
                format_args!("{path}.id"),
                &paper.id,
                index,
                &mut seen_ids,
                "papers",
            );
            // Titles alike are compared where papers are merged (`merge`), which folds them once.
            if paper.title.trim().is_empty() {
                self.error(format!("{path}.title"), "the title is empty");
            }
            if paper.authors.is_empty() {
                self.error(
                    format!("{path}.authors"),
                    "a paper needs at least one author",
                );
            }
            self.authors(path, &paper.authors);
            self.date(format_args!("{path}.date"), &paper.date);
            if paper.status == Some(PaperStatus::Published) && paper.kind == PaperKind::Preprint {
                self.error(
                    format!("{path}.status"),
                    "a paper of kind \"preprint\" cannot be \"published\": give the kind of venue it was published in",
                );
            }
            if let Some(doi) = &paper.doi
                && !is_doi(doi)
            {
                self.error(
                    format!("{path}.doi"),
                    format!("\"{doi}\" is not a DOI: expected the form 10.1234/suffix, without https://doi.org/"),
                );
            }
            if let Some(arxiv) = &paper.arxiv
                && !is_arxiv_id(arxiv)
            {
                self.error(
                    format!("{path}.arxiv"),
                    format!("\"{arxiv}\" is not an arXiv identifier: expected e.g. 2506.06278 or math/0501001"),
                );
            }
            for (tag_index, tag) in paper.tags.iter().enumerate() {
                if tag.trim().is_empty() {
                    self.error(format!("{path}.tags[{tag_index}]"), "the tag is empty");
                }
            }
            self.links(path, &paper.links);
            if paper.links.is_empty() && paper.doi.is_none() && paper.arxiv.is_none() {
                self.warning(
                    format!("{path}.links"),
                    "the paper has no links, DOI or arXiv id: readers cannot find the full text",
                );
            }
        }
    }

    fn authors(&mut self, paper_path: fmt::Arguments<'_>, authors: &[Author]) {
        for (index, author) in authors.iter().enumerate() {
            let path = format_args!("{paper_path}.authors[{index}]");
            if author.name.trim().is_empty() {
                self.error(format!("{path}.name"), "the author name is empty");
            }
            if let Some(person) = &author.person {
                self.person_reference(format_args!("{path}.person"), person);
            }
            if let Some(orcid) = &author.orcid {
                self.orcid(format_args!("{path}.orcid"), orcid);
            }
        }
        if authors.iter().filter(|author| author.equal).count() == 1 {
            let index = authors
                .iter()
                .position(|author| author.equal)
                .unwrap_or_default();
            self.warning(
                format!("{paper_path}.authors[{index}].equal"),
                "only one author is marked as an equal contributor",
            );
        }
    }

    fn news(&mut self) {
        for (index, item) in self.file.news.iter().enumerate() {
            let path = format!("news[{index}]");
            self.date(format_args!("{path}.date"), &item.date);
            self.owner_or_person(&path, item.person.as_deref());
            if item.text.trim().is_empty() {
                self.error(format!("{path}.text"), "the news text is empty");
            }
            if let Some(paper) = &item.paper {
                self.paper_reference(format_args!("{path}.paper"), paper);
            }
            self.links(format_args!("{path}"), &item.links);
        }
    }

    fn activity(&mut self) {
        for (index, item) in self.file.activity.iter().enumerate() {
            let path = format!("activity[{index}]");
            self.owner_or_person(&path, item.person.as_deref());
            if let Some(date) = &item.date {
                self.date(format_args!("{path}.date"), date);
            }
            if let Some(url) = &item.url {
                self.resource_url(format_args!("{path}.url"), url);
            }
            let has_title = item
                .title
                .as_deref()
                .is_some_and(|title| !title.trim().is_empty());
            match item.kind {
                ActivityKind::Post | ActivityKind::Sequence if !has_title => {
                    self.error(
                        format!("{path}.title"),
                        format!("a {} needs a title", item.kind.label().to_lowercase()),
                    );
                }
                ActivityKind::Comment if item.body.trim().is_empty() => {
                    self.error(format!("{path}.body"), "a comment needs a body");
                }
                _ => {}
            }
        }
    }

    fn name_rules(&mut self) {
        if self.file.names.distinct.is_empty() {
            return;
        }
        let author_keys: FastSet<String> = self
            .file
            .papers
            .iter()
            .flat_map(|paper| &paper.authors)
            .map(|author| author.name.as_str())
            .collect::<FastSet<_>>()
            .into_iter()
            .map(names::key)
            .collect();
        for (index, [left, right]) in self.file.names.distinct.iter().enumerate() {
            let path = format!("names.distinct[{index}]");
            if names::key(left) == names::key(right) {
                self.error(
                    path,
                    format!("\"{left}\" and \"{right}\" are the same name: tell such authors apart with \"person\" links"),
                );
                continue;
            }
            for name in [left, right] {
                if !author_keys.contains(&names::key(name)) {
                    self.warning(path.clone(), format!("no author is named \"{name}\""));
                }
            }
        }
    }

    /// Authors spelled like a person (name or alias) but not linked to them merge into that person's
    /// cluster by name; linking them makes it explicit.
    fn unlinked_authors(&mut self) {
        let mut claimed: FastMap<String, &str> = FastMap::default();
        for person in &self.file.people {
            for name in std::iter::once(&person.name).chain(&person.aliases) {
                claimed.entry(names::key(name)).or_insert(&person.id);
            }
        }
        if claimed.is_empty() {
            return;
        }
        let mut keys: FastMap<&str, String> = FastMap::default();
        let mut found = Vec::new();
        for (paper_index, paper) in self.file.papers.iter().enumerate() {
            for (author_index, author) in paper.authors.iter().enumerate() {
                if author.person.is_some() {
                    continue;
                }
                let key = keys
                    .entry(&author.name)
                    .or_insert_with(|| names::key(&author.name));
                if let Some(person) = claimed.get(key.as_str()) {
                    found.push((paper_index, author_index, author.name.clone(), *person));
                }
            }
        }
        for (paper_index, author_index, name, person) in found {
            self.warning(
                format!("papers[{paper_index}].authors[{author_index}]"),
                format!(
                    "\"{name}\" is spelled like person \"{person}\" but not linked: add \"person\": \"{person}\" if it is them"
                ),
            );
        }
    }

    fn id(
        &mut self,
        path: fmt::Arguments<'_>,
        id: &'a str,
        index: usize,
        seen: &mut FastMap<&'a str, usize>,
        list: &str,
    ) {
        if !is_slug(id) {
            self.error(
                path.to_string(),
                format!("\"{id}\" is not a valid id: use lower-case letters, digits and single hyphens (e.g. \"alex-mallen\")"),
            );
        }
        if let Some(first) = seen.insert(id, index) {
            self.error(
                path.to_string(),
                format!("duplicate id \"{id}\": {list}[{first}] has it too"),
            );
        }
    }

    fn person_reference(&mut self, path: fmt::Arguments<'_>, person: &str) {
        if !self.person_ids.contains(person) {
            let suggestion = suggest(person, self.person_ids.iter().copied());
            self.error(
                path.to_string(),
                format!("unknown person \"{person}\"{suggestion}"),
            );
        }
    }

    fn paper_reference(&mut self, path: fmt::Arguments<'_>, paper: &str) {
        if !self.paper_ids.contains(paper) {
            let suggestion = suggest(paper, self.paper_ids.iter().copied());
            self.error(
                path.to_string(),
                format!("unknown paper \"{paper}\"{suggestion}"),
            );
        }
    }

    fn owner_or_person(&mut self, path: &str, person: Option<&str>) {
        match (person, &self.file.site.owner) {
            (Some(person), _) => self.person_reference(format_args!("{path}.person"), person),
            (None, Some(_)) => {}
            (None, None) => self.error(
                format!("{path}.person"),
                "missing person: without a site owner, every item must say whose it is",
            ),
        }
    }

    fn date(&mut self, path: fmt::Arguments<'_>, date: &str) {
        if let Err(message) = PartialDate::parse(date) {
            self.error(path.to_string(), message);
        }
    }

    fn orcid(&mut self, path: fmt::Arguments<'_>, orcid: &str) {
        if !is_orcid(orcid) {
            self.error(
                path.to_string(),
                format!("\"{orcid}\" is not a valid ORCID iD: expected 0000-0002-1825-0097 (four groups of four, with a correct check digit)"),
            );
        }
    }

    fn links(&mut self, owner: fmt::Arguments<'_>, links: &[Link]) {
        for (index, link) in links.iter().enumerate() {
            self.resource_url(format_args!("{owner}.links[{index}].url"), &link.url);
            if link.kind == LinkKind::Other
                && link
                    .label
                    .as_deref()
                    .is_none_or(|label| label.trim().is_empty())
            {
                self.error(
                    format!("{owner}.links[{index}].label"),
                    "a link of kind \"other\" needs a label",
                );
            }
        }
    }

    /// A URL a reader's browser will open: absolute http(s), or a path relative to the site root.
    fn resource_url(&mut self, path: fmt::Arguments<'_>, url: &str) {
        let path = || path.to_string();
        if url.trim().is_empty() {
            self.error(path(), "the URL is empty");
        } else if url.starts_with('/') && !url.starts_with("//") {
            self.error(
                path(),
                format!("\"{url}\" starts with \"/\": write it relative to the site root (\"{}\") so it works under a subpath too", url.trim_start_matches('/')),
            );
        } else if has_scheme(url) && !is_web_url(url) {
            self.error(path(), format!("\"{url}\" is not an http(s) URL"));
        } else if url.starts_with("//") || url.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            self.error(path(), format!("\"{url}\" is not a valid URL"));
        }
    }
}

/// Whether `path` names a file with the extension `extension` beside the site file or in a
/// folder under it: relative, with no `..`.
fn is_file_beside(path: &str, extension: &str) -> bool {
    !path.starts_with('/')
        && !has_scheme(path)
        && !path.split('/').any(|part| part == "..")
        && path.ends_with(extension)
}

/// How a message names a field: `advisors[0]` is "advisor", `organisation` stays as it is.
fn field_noun(field: &str) -> &str {
    match field.split('[').next().unwrap_or(field) {
        "advisors" => "advisor's name",
        other => other,
    }
}

/// Whether `id` is a lower-case slug: letters and digits in groups joined by single hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && !scheme.contains('/')
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// Whether `url` is an absolute `http` or `https` URL with a host.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// Whether `orcid` is an ORCID iD with a correct ISO 7064 11,2 check digit.
pub fn is_orcid(orcid: &str) -> bool {
    let groups: Vec<&str> = orcid.split('-').collect();
    if groups.len() != 4 || groups.iter().any(|group| group.len() != 4) {
        return false;
    }
    let characters: Vec<char> = groups.concat().chars().collect();
    let (digits, check) = characters.split_at(15);
    if !digits.iter().all(char::is_ascii_digit) {
        return false;
    }
    let total = digits.iter().fold(0u32, |total, digit| {
        (total + digit.to_digit(10).unwrap_or(0)) * 2
    });
    let expected = (12 - total % 11) % 11;
    let expected = if expected == 10 {
        'X'
    } else {
        char::from_digit(expected, 10).unwrap_or('?')
    };
    check[0] == expected
}

/// Whether `doi` looks like a DOI (`10.1016/j.orl.2024.107092`).
pub fn is_doi(doi: &str) -> bool {
    let Some((prefix, suffix)) = doi.split_once('/') else {
        return false;
    };
    let Some(registrant) = prefix.strip_prefix("10.") else {
        return false;
    };
    (4..=9).contains(&registrant.split('.').next().unwrap_or_default().len())
        && registrant.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !suffix.is_empty()
        && !doi.chars().any(char::is_whitespace)
}

/// Whether `id` is an arXiv identifier, new (`2506.06278v2`) or old style (`math.PR/0501001`).
pub fn is_arxiv_id(id: &str) -> bool {
    let id = match id.rsplit_once('v') {
        Some((base, version))
            if !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit()) =>
        {
            base
        }
        _ => id,
    };
    if let Some((year_month, number)) = id.split_once('.')
        && year_month.len() == 4
        && year_month.bytes().all(|b| b.is_ascii_digit())
    {
        return (4..=5).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
    }
    match id.split_once('/') {
        Some((archive, number)) => {
            !archive.is_empty()
                && archive
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'.')
                && number.len() == 7
                && number.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// " (did you mean \"x\"?)" for the closest known id, when one is close enough to be a typo.
fn suggest<'a>(unknown: &str, known: impl Iterator<Item = &'a str>) -> String {
    closest(unknown, known)
        .map(|candidate| format!(" (did you mean \"{candidate}\"?)"))
        .unwrap_or_default()
}

/// The known name closest to `unknown`, when it is close enough to be a typo of it.
pub fn closest<'a>(unknown: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|candidate| (edit_distance(unknown, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 4))
        .min()
        .map(|(_, candidate)| candidate)
}

fn edit_distance(left: &str, right: &str) -> usize {
    let right: Vec<char> = right.chars().collect();
    let mut previous: Vec<usize> = (0..=right.len()).collect();
    for (i, left_char) in left.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, right_char) in right.iter().enumerate() {
            let substitution = previous[j] + usize::from(left_char != *right_char);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[right.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orcid_check_digit_is_verified() {
        assert!(is_orcid("0000-0002-1825-0097"));
        assert!(is_orcid("0000-0002-1694-233X"));
        assert!(!is_orcid("0000-0002-1825-0098"));
        assert!(!is_orcid("0000-0002-1825-009"));
        assert!(!is_orcid("https://orcid.org/0000-0002-1825-0097"));
    }

    #[test]
    fn dois_and_arxiv_ids_are_recognised() {
        assert!(is_doi("10.1016/j.orl.2024.107092"));
        assert!(is_doi("10.1287/stsy.2022.0006"));
        assert!(!is_doi("https://doi.org/10.1016/x"));
        assert!(!is_doi("10.12/x"));
        assert!(is_arxiv_id("2506.06278"));
        assert!(is_arxiv_id("2410.12101v2"));
        assert!(is_arxiv_id("math.PR/0501001"));
        assert!(!is_arxiv_id("arXiv:2506.06278"));
        assert!(!is_arxiv_id("2506.6278x"));
    }

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        assert!(is_slug("alex-mallen"));
        assert!(is_slug("paper2024"));
        assert!(!is_slug("Alex-Mallen"));
        assert!(!is_slug("alex--mallen"));
        assert!(!is_slug("-alex"));
        assert!(!is_slug(""));
    }

    #[test]
    fn web_urls_need_http_and_a_host() {
        assert!(is_web_url("https://arxiv.org/abs/2506.06278"));
        assert!(is_web_url("HTTP://example.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("https://exa mple.org"));
    }

    #[test]
    fn suggestions_name_close_ids_only() {
        assert_eq!(
            suggest("alex-malen", ["alex-mallen", "mark-xu"].into_iter()),
            " (did you mean \"alex-mallen\"?)"
        );
        assert_eq!(
            suggest("someone-else", ["alex-mallen", "mark-xu"].into_iter()),
            ""
        );
    }
}

//! JSON Resume files (schema v1, <https://jsonresume.org/schema>): a person's CV sections read
//! from one, with every field the CV cannot show reported by its path, and a person's CV written
//! out as one.
//!
//! The mapping: `work` gives positions, `education` education, `awards` awards and `volunteer`
//! service; `basics` fills the person's affiliation, location, bio, email, photo and links where
//! the site file leaves them out; `publications` are matched to the site's papers by title, as
//! the CV lists the papers the data has. Talks, teaching and mentoring have no place in the
//! schema: they are written and read as top-level `talks`, `teaching` and `mentoring` arrays in
//! the site file's own format, and thesis, advisors, location and links of entries as extra
//! fields of the entries, which the schema allows. So a CV exported and imported again is the
//! same CV.

use super::cv::{CvSections, PRESENT};
use super::names;
use super::parse::{ParseError, parse_json};
use super::schema::{
    Award, Education, Email, Link, LinkKind, Mentee, Paper, Person, Position, ServiceLine, Talk,
    Teaching,
};
use super::site::Site;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The schema a written file declares.
pub const SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

/// What a JSON Resume file gives a person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResumeImport {
    /// The CV sections it holds.
    pub sections: CvSections,
    /// The person's details it holds, from `basics`.
    pub basics: Basics,
    /// Where each section's entries came from: the file's section and the index of each entry.
    pub origins: Vec<SectionOrigin>,
    /// Fields the CV cannot show and entries left out, each with its JSON path in the file.
    pub warnings: Vec<ResumeWarning>,
}

/// A person's details from `basics`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Basics {
    /// `label`: a job title or affiliation.
    pub affiliation: Option<String>,
    /// `location`, its parts joined.
    pub location: Option<String>,
    /// `summary`.
    pub bio: Option<String>,
    /// `email`, split at the `@`.
    pub email: Option<Email>,
    /// `image`.
    pub photo: Option<String>,
    /// `url` as a website, then each of `profiles`.
    pub links: Vec<Link>,
}

/// Where a field of the person, or each entry of it, came from in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionOrigin {
    /// The person's field (`positions`, `links`, `photo`).
    pub section: &'static str,
    /// For a list, the path in the file of each of its entries (`work[2]`,
    /// `basics.profiles[0]`); for another field, its one path (`basics.image`).
    pub paths: Vec<String>,
    /// Whether the field is a list.
    pub list: bool,
}

/// A field of the file the CV cannot show, or an entry left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeWarning {
    /// The JSON path in the file (`work[0].highlights`).
    pub path: String,
    /// What happens to it.
    pub message: String,
}

/// Reads a JSON Resume file. `papers` are the site's papers, to which `publications` are
/// matched. A file that is not JSON, or not an object, is an error with its position.
pub fn read_resume(text: &str, papers: &[Paper]) -> Result<ResumeImport, ParseError> {
    let value: Value = parse_json(text.as_bytes())?;
    let Value::Object(root) = value else {
        return Err(ParseError {
            path: String::new(),
            line: 1,
            column: 1,
            reason: "a JSON Resume file is an object, with \"basics\", \"work\"…".to_string(),
        });
    };
    let mut reader = Reader::default();
    for (key, value) in &root {
        match key.as_str() {
            "$schema" | "meta" => {}
            "basics" => reader.basics(value),
            "work" => reader.work(value),
            "education" => reader.education(value),
            "awards" => reader.awards(value),
            "volunteer" => reader.volunteer(value),
            "publications" => reader.publications(value, papers),
            "talks" => reader.sections.talks = reader.own_format("talks", value),
            "teaching" => reader.sections.teaching = reader.own_format("teaching", value),
            "mentoring" => reader.sections.mentoring = reader.own_format("mentoring", value),
            "skills" | "languages" | "interests" | "references" | "projects" | "certificates" => {
                reader.warn(key, "not shown: the CV has no such section")
            }
            _ => reader.warn(key, "not a section of JSON Resume v1: left out"),
        }
    }
    // Sections are read in key order; entries are reported as they are read, except entries that
    // are no object, reported first: each section's warnings are put back in entry order.
    reader
        .warnings
        .sort_by_cached_key(|warning| entry_position(&warning.path));
    Ok(ResumeImport {
        sections: reader.sections,
        basics: reader.basics,
        origins: reader.origins,
        warnings: reader.warnings,
    })
}

#[derive(Default)]
struct Reader {
    sections: CvSections,
    basics: Basics,
    origins: Vec<SectionOrigin>,
    warnings: Vec<ResumeWarning>,
}

/// One entry of a section, read field by field; fields never taken are reported as not shown.
struct Entry<'a> {
    path: String,
    fields: &'a Map<String, Value>,
    taken: Vec<&'static str>,
}

impl<'a> Entry<'a> {
    /// The text of `field`, trimmed, when it is a non-empty string; any other value is reported.
    fn text(&mut self, field: &'static str, warnings: &mut Vec<ResumeWarning>) -> Option<String> {
        self.taken.push(field);
        match self.fields.get(field)? {
            Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_string()),
            Value::String(_) | Value::Null => None,
            _ => {
                warnings.push(ResumeWarning {
                    path: format!("{}.{field}", self.path),
                    message: "expected a string: left out".to_string(),
                });
                None
            }
        }
    }

    /// The strings of the array `field`; other values in it are reported.
    fn texts(&mut self, field: &'static str, warnings: &mut Vec<ResumeWarning>) -> Vec<String> {
        self.taken.push(field);
        let Some(value) = self.fields.get(field) else {
            return Vec::new();
        };
        let Value::Array(items) = value else {
            warnings.push(ResumeWarning {
                path: format!("{}.{field}", self.path),
                message: "expected an array of strings: left out".to_string(),
            });
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| match item {
                Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_string()),
                _ => {
                    warnings.push(ResumeWarning {
                        path: format!("{}.{field}[{index}]", self.path),
                        message: "expected a string: left out".to_string(),
                    });
                    None
                }
            })
            .collect()
    }

    /// Whether the boolean `field` is `true`; any other value than a boolean is reported.
    fn flag(&mut self, field: &'static str, warnings: &mut Vec<ResumeWarning>) -> bool {
        self.taken.push(field);
        match self.fields.get(field) {
            None => false,
            Some(Value::Bool(flag)) => *flag,
            Some(_) => {
                warnings.push(ResumeWarning {
                    path: format!("{}.{field}", self.path),
                    message: "expected true or false: left out".to_string(),
                });
                false
            }
        }
    }

    /// The span of `startDate`, `endDate` and `current`, as the site file writes it.
    fn span(&mut self, warnings: &mut Vec<ResumeWarning>) -> (Option<String>, Option<String>) {
        let start = self.text("startDate", warnings);
        let end = self.text("endDate", warnings);
        let current = self.flag("current", warnings);
        span_from_resume(start, end, current)
    }

    /// Reports every field not taken.
    fn finish(self, warnings: &mut Vec<ResumeWarning>) {
        for key in self.fields.keys() {
            if !self.taken.contains(&key.as_str()) {
                warnings.push(ResumeWarning {
                    path: format!("{}.{key}", self.path),
                    message: "not shown on the CV".to_string(),
                });
            }
        }
    }
}

impl Reader {
    fn warn(&mut self, path: &str, message: &str) {
        self.warnings.push(ResumeWarning {
            path: path.to_string(),
            message: message.to_string(),
        });
    }

    /// The objects of the array `value` at `section`, as entries; anything else is reported.
    fn entries<'a>(&mut self, section: &str, value: &'a Value) -> Vec<(usize, Entry<'a>)> {
        let Value::Array(items) = value else {
            self.warn(section, "expected an array: the section is left out");
            return Vec::new();
        };
        let mut entries = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let path = format!("{section}[{index}]");
            match item {
                Value::Object(fields) => entries.push((
                    index,
                    Entry {
                        path,
                        fields,
                        taken: Vec::new(),
                    },
                )),
                _ => self.warn(&path, "expected an object: left out"),
            }
        }
        entries
    }

    fn basics(&mut self, value: &Value) {
        let Value::Object(fields) = value else {
            self.warn("basics", "expected an object: left out");
            return;
        };
        let mut entry = Entry {
            path: "basics".to_string(),
            fields,
            taken: vec!["name"],
        };
        let warnings = &mut self.warnings;
        self.basics.affiliation = entry.text("label", warnings);
        self.basics.bio = entry.text("summary", warnings);
        self.basics.photo = entry.text("image", warnings);
        self.basics.email = entry.text("email", warnings).and_then(|address| {
            address.split_once('@').map(|(user, domain)| Email {
                user: user.to_string(),
                domain: domain.to_string(),
            })
        });
        let mut link_paths = Vec::new();
        if let Some(url) = entry.text("url", warnings) {
            self.basics.links.push(Link {
                kind: LinkKind::Website,
                url,
                label: None,
            });
            link_paths.push("basics.url".to_string());
        }
        entry.taken.push("location");
        match fields.get("location") {
            Some(Value::Object(location)) => {
                let mut place = Entry {
                    path: "basics.location".to_string(),
                    fields: location,
                    taken: Vec::new(),
                };
                let parts: Vec<String> = ["city", "region", "countryCode"]
                    .into_iter()
                    .filter_map(|part| place.text(part, warnings))
                    .collect();
                self.basics.location = (!parts.is_empty()).then(|| parts.join(", "));
                place.finish(warnings);
            }
            Some(_) => warnings.push(ResumeWarning {
                path: "basics.location".to_string(),
                message: "expected an object with \"city\", \"region\", \"countryCode\": left out"
                    .to_string(),
            }),
            None => {}
        }
        entry.taken.push("profiles");
        if let Some(profiles) = fields.get("profiles") {
            for (_, mut profile) in self.entries("basics.profiles", profiles) {
                let warnings = &mut self.warnings;
                let network = profile.text("network", warnings);
                let label = profile.text("label", warnings);
                profile.taken.push("username");
                if let Some(url) = profile.text("url", warnings) {
                    let mut link = link_of_network(network.as_deref(), url);
                    link.label = label.or(link.label);
                    self.basics.links.push(link);
                    link_paths.push(profile.path.clone());
                } else {
                    warnings.push(ResumeWarning {
                        path: profile.path.clone(),
                        message: "a profile without \"url\" is left out".to_string(),
                    });
                }
                profile.finish(warnings);
            }
        }
        entry.finish(&mut self.warnings);
        self.origins.push(SectionOrigin {
            section: "links",
            paths: link_paths,
            list: true,
        });
        if self.basics.photo.is_some() {
            self.scalar_origin("photo", "basics.image");
        }
        if self.basics.email.is_some() {
            self.scalar_origin("email", "basics.email");
        }
    }

    fn work(&mut self, value: &Value) {
        let mut indices = Vec::new();
        for (index, mut entry) in self.entries("work", value) {
            let warnings = &mut self.warnings;
            let organisation = entry.text("name", warnings);
            let role = entry.text("position", warnings);
            let (start, end) = entry.span(warnings);
            let position = Position {
                start,
                end,
                location: entry.text("location", warnings),
                description: description(
                    entry.text("summary", warnings),
                    entry.texts("highlights", warnings),
                ),
                url: entry.text("url", warnings),
                organisation: organisation.unwrap_or_default(),
                role: role.unwrap_or_default(),
            };
            if position.organisation.is_empty() || position.role.is_empty() {
                warnings.push(ResumeWarning {
                    path: entry.path.clone(),
                    message: "a position needs \"name\" and \"position\": left out".to_string(),
                });
            } else {
                self.sections.positions.push(position);
                indices.push(index);
            }
            entry.finish(warnings);
        }
        self.origin("positions", "work", indices);
    }

    fn education(&mut self, value: &Value) {
        let mut indices = Vec::new();
        for (index, mut entry) in self.entries("education", value) {
            let warnings = &mut self.warnings;
            let Some(institution) = entry.text("institution", warnings) else {
                warnings.push(ResumeWarning {
                    path: entry.path.clone(),
                    message: "an education entry needs \"institution\": left out".to_string(),
                });
                entry.finish(warnings);
                continue;
            };
            let (start, end) = entry.span(warnings);
            self.sections.education.push(Education {
                institution,
                degree: entry.text("studyType", warnings),
                field: entry.text("area", warnings),
                start,
                end,
                thesis: entry.text("thesis", warnings),
                paper: entry.text("paper", warnings),
                advisors: entry.texts("advisors", warnings),
                location: entry.text("location", warnings),
                url: entry.text("url", warnings),
            });
            indices.push(index);
            entry.finish(warnings);
        }
        self.origin("education", "education", indices);
    }

    fn awards(&mut self, value: &Value) {
        let mut indices = Vec::new();
        for (index, mut entry) in self.entries("awards", value) {
            let warnings = &mut self.warnings;
            let title = entry.text("title", warnings);
            let date = entry.text("date", warnings);
            let award = Award {
                awarded_by: entry.text("awarder", warnings),
                paper: entry.text("paper", warnings),
                url: entry.text("url", warnings),
                title: title.clone().unwrap_or_default(),
                date: date.clone().unwrap_or_default(),
            };
            if title.is_some() && date.is_some() {
                self.sections.awards.push(award);
                indices.push(index);
            } else {
                warnings.push(ResumeWarning {
                    path: entry.path.clone(),
                    message: "an award needs \"title\" and \"date\": left out".to_string(),
                });
            }
            entry.finish(warnings);
        }
        self.origin("awards", "awards", indices);
    }

    fn volunteer(&mut self, value: &Value) {
        let mut indices = Vec::new();
        for (index, mut entry) in self.entries("volunteer", value) {
            let warnings = &mut self.warnings;
            // Names from the file are text in the line's Markdown; a link to a page of the
            // organisation is not kept (a service line has none), and is reported so.
            let heading: Vec<String> = ["position", "organization"]
                .into_iter()
                .filter_map(|field| entry.text(field, warnings))
                .map(|name| escape_markdown(&name))
                .collect();
            let heading = heading.join(", ");
            let summary = entry.text("summary", warnings);
            let highlights = entry.texts("highlights", warnings);
            let mut text = match (heading.is_empty(), summary) {
                (false, Some(summary)) => format!("{heading}: {summary}"),
                (true, Some(summary)) => summary,
                (_, None) => heading,
            };
            if !highlights.is_empty() {
                if !text.is_empty() {
                    text.push_str("; ");
                }
                text.push_str(&highlights.join("; "));
            }
            let (start, end) = entry.span(warnings);
            if text.is_empty() {
                warnings.push(ResumeWarning {
                    path: entry.path.clone(),
                    message: "nothing to show: left out".to_string(),
                });
            } else {
                self.sections.service.push(ServiceLine { text, start, end });
                indices.push(index);
            }
            entry.finish(warnings);
        }
        self.origin("service", "volunteer", indices);
    }

    fn publications(&mut self, value: &Value, papers: &[Paper]) {
        let titles: Vec<String> = papers
            .iter()
            .map(|paper| names::key_of_display(&paper.title))
            .collect();
        for (_, mut entry) in self.entries("publications", value) {
            let warnings = &mut self.warnings;
            // What describes the paper is the paper's own record.
            entry
                .taken
                .extend(["publisher", "releaseDate", "url", "summary"]);
            let name = entry.text("name", warnings);
            let found = name
                .as_deref()
                .is_some_and(|name| titles.contains(&names::key_of_display(name)));
            if name.is_none() {
                warnings.push(ResumeWarning {
                    path: entry.path.clone(),
                    message: "a publication needs \"name\": left out".to_string(),
                });
            } else if !found {
                warnings.push(ResumeWarning {
                    path: format!("{}.name", entry.path),
                    message: format!(
                        "\"{}\" is not among the site's papers, which the CV lists: add it to \"papers\" or a .bib file to show it",
                        name.unwrap_or_default()
                    ),
                });
            }
            entry.finish(warnings);
        }
    }

    /// Entries in the site file's own format (talks, teaching, mentoring): each one that does not
    /// read is reported with the field at fault and left out.
    fn own_format<T: DeserializeOwned>(&mut self, section: &'static str, value: &Value) -> Vec<T> {
        let mut items = Vec::new();
        let mut indices = Vec::new();
        let Value::Array(values) = value else {
            self.warn(section, "expected an array: the section is left out");
            return items;
        };
        for (index, value) in values.iter().enumerate() {
            // Read from JSON text as the site file is, by the same code, rather than from the
            // value by a second copy of it; positions in that text mean nothing, paths do.
            match parse_json(value.to_string().as_bytes()) {
                Ok(item) => {
                    items.push(item);
                    indices.push(index);
                }
                Err(error) => {
                    let field = if error.path.is_empty() {
                        String::new()
                    } else {
                        format!(".{}", error.path)
                    };
                    self.warn(
                        &format!("{section}[{index}]{field}"),
                        &format!("{}: the entry is left out", error.reason),
                    );
                }
            }
        }
        self.origin(section, section, indices);
        items
    }

    /// Records that the entries of `section` came from `resume_section`, at these indices.
    fn origin(&mut self, section: &'static str, resume_section: &str, indices: Vec<usize>) {
        self.origins.push(SectionOrigin {
            section,
            paths: indices
                .into_iter()
                .map(|index| format!("{resume_section}[{index}]"))
                .collect(),
            list: true,
        });
    }

    /// Records that the person's `field` came from the file's `path`.
    fn scalar_origin(&mut self, field: &'static str, path: &str) {
        self.origins.push(SectionOrigin {
            section: field,
            paths: vec![path.to_string()],
            list: false,
        });
    }
}

/// The section and entry index a warning's path names (`work[2].url` gives `("work", 2)`).
fn entry_position(path: &str) -> (String, usize) {
    let section_end = path.find(['[', '.']).unwrap_or(path.len());
    let index = path[section_end..]
        .strip_prefix('[')
        .and_then(|rest| rest.split(']').next())
        .and_then(|index| index.parse().ok())
        .unwrap_or(0);
    (path[..section_end].to_string(), index)
}

/// A profile's link: its network as a link kind when the site knows it, else a labelled link.
fn link_of_network(network: Option<&str>, url: String) -> Link {
    let known = network.and_then(|network| {
        let name = Value::String(network.to_lowercase()).to_string();
        serde_json::from_slice::<LinkKind>(name.as_bytes()).ok()
    });
    match known {
        Some(kind) => Link {
            kind,
            url,
            label: None,
        },
        None => Link {
            kind: LinkKind::Other,
            url,
            label: Some(network.unwrap_or("Profile").to_string()),
        },
    }
}

/// A position's description from a summary and highlights: the summary, then the highlights as
/// a Markdown list.
fn description(summary: Option<String>, highlights: Vec<String>) -> String {
    let mut text = summary.unwrap_or_default();
    for (index, highlight) in highlights.iter().enumerate() {
        if index == 0 && !text.is_empty() {
            text.push_str("\n\n");
        } else if index > 0 {
            text.push('\n');
        }
        text.push_str("- ");
        text.push_str(highlight);
    }
    text
}

/// A span as the site file writes it from JSON Resume's dates: no end date is ongoing (the
/// schema's convention), an end equal to the start is a single date, and `current` without
/// dates (Vita's extension) is ongoing since an unknown date.
fn span_from_resume(
    start: Option<String>,
    end: Option<String>,
    current: bool,
) -> (Option<String>, Option<String>) {
    match (start, end) {
        (Some(start), None) => (Some(start), Some(PRESENT.to_string())),
        (Some(start), Some(end)) if start == end => (Some(start), None),
        (None, None) if current => (None, Some(PRESENT.to_string())),
        (start, end) => (start, end),
    }
}

/// A span in JSON Resume's dates, the inverse of [`span_from_resume`]: start, end and whether
/// to write `current`.
fn span_to_resume(start: Option<&str>, end: Option<&str>) -> ResumeSpan {
    match (start, end) {
        (Some(start), Some(PRESENT)) => (Some(start.to_string()), None, false),
        (Some(start), None) => (Some(start.to_string()), Some(start.to_string()), false),
        (None, Some(PRESENT)) => (None, None, true),
        (start, end) => (start.map(str::to_string), end.map(str::to_string), false),
    }
}

/// A span as JSON Resume writes it: `startDate`, `endDate`, and Vita's `current`.
type ResumeSpan = (Option<String>, Option<String>, bool);

/// Text with Markdown's punctuation escaped, to stand as itself in a Markdown line.
fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]()<>$#!|~".contains(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The sections of a JSON Resume file that fill the sections `person` leaves empty, and the
/// person's details that `basics` gives where the person has none. Returns the names of the
/// person's sections that were filled.
pub fn fill_person(person: &mut Person, import: ResumeImport) -> Vec<&'static str> {
    let ResumeImport {
        sections, basics, ..
    } = import;
    let mut filled = Vec::new();
    let mut fill = |name: &'static str, empty: bool| {
        if empty {
            filled.push(name);
        }
        empty
    };
    if fill(
        "education",
        person.education.is_empty() && !sections.education.is_empty(),
    ) {
        person.education = sections.education;
    }
    if fill(
        "positions",
        person.positions.is_empty() && !sections.positions.is_empty(),
    ) {
        person.positions = sections.positions;
    }
    if fill(
        "awards",
        person.awards.is_empty() && !sections.awards.is_empty(),
    ) {
        person.awards = sections.awards;
    }
    if fill(
        "talks",
        person.talks.is_empty() && !sections.talks.is_empty(),
    ) {
        person.talks = sections.talks;
    }
    if fill(
        "teaching",
        person.teaching.is_empty() && !sections.teaching.is_empty(),
    ) {
        person.teaching = sections.teaching;
    }
    if fill(
        "service",
        person.service.is_empty() && !sections.service.is_empty(),
    ) {
        person.service = sections.service;
    }
    if fill(
        "mentoring",
        person.mentoring.is_empty() && !sections.mentoring.is_empty(),
    ) {
        person.mentoring = sections.mentoring;
    }
    if fill("email", person.email.is_none() && basics.email.is_some()) {
        person.email = basics.email;
    }
    if fill("photo", person.photo.is_none() && basics.photo.is_some()) {
        person.photo = basics.photo;
    }
    if fill("links", person.links.is_empty() && !basics.links.is_empty()) {
        person.links = basics.links;
    }
    person.affiliation = person.affiliation.take().or(basics.affiliation);
    person.location = person.location.take().or(basics.location);
    if person.bio.is_empty() {
        person.bio = basics.bio.unwrap_or_default();
    }
    filled
}

/// The person's CV as a JSON Resume document: their details, sections and papers (newest
/// first), talks, teaching and mentoring in the site file's format.
pub fn write_resume(site: &Site, person: &Person) -> String {
    let mut profiles = Vec::new();
    let mut website = None;
    for link in &person.links {
        let url = site.absolute_url(&link.url).unwrap_or(link.url.clone());
        if link.kind == LinkKind::Website && website.is_none() {
            website = Some(url);
        } else {
            let (network, label) = match link.kind {
                LinkKind::Other => (link.label.clone().unwrap_or_default(), None),
                kind => (kind.as_str().to_string(), link.label.clone()),
            };
            profiles.push(ProfileOut {
                network,
                url,
                label,
            });
        }
    }
    let document = ResumeOut {
        schema: SCHEMA_URL,
        basics: BasicsOut {
            name: &person.name,
            label: person.affiliation.as_deref(),
            image: person
                .photo
                .as_deref()
                .map(|photo| site.absolute_url(photo).unwrap_or(photo.to_string())),
            email: person
                .email
                .as_ref()
                .map(|email| format!("{}@{}", email.user, email.domain)),
            url: website,
            summary: Some(person.bio.as_str()).filter(|bio| !bio.is_empty()),
            location: person.location.as_deref().map(|city| LocationOut { city }),
            profiles,
        },
        work: person
            .positions
            .iter()
            .map(|position| {
                let (start_date, end_date, current) =
                    span_to_resume(position.start.as_deref(), position.end.as_deref());
                WorkOut {
                    current,
                    name: &position.organisation,
                    position: &position.role,
                    location: position.location.as_deref(),
                    url: position.url.as_deref(),
                    start_date,
                    end_date,
                    summary: Some(position.description.as_str()).filter(|text| !text.is_empty()),
                }
            })
            .collect(),
        volunteer: person
            .service
            .iter()
            .map(|line| {
                let (start_date, end_date, current) =
                    span_to_resume(line.start.as_deref(), line.end.as_deref());
                VolunteerOut {
                    current,
                    summary: &line.text,
                    start_date,
                    end_date,
                }
            })
            .collect(),
        education: person
            .education
            .iter()
            .map(|entry| {
                let (start_date, end_date, current) =
                    span_to_resume(entry.start.as_deref(), entry.end.as_deref());
                EducationOut {
                    current,
                    institution: &entry.institution,
                    url: entry.url.as_deref(),
                    area: entry.field.as_deref(),
                    study_type: entry.degree.as_deref(),
                    start_date,
                    end_date,
                    location: entry.location.as_deref(),
                    thesis: entry.thesis.as_deref(),
                    paper: entry.paper.as_deref(),
                    advisors: &entry.advisors,
                }
            })
            .collect(),
        awards: person
            .awards
            .iter()
            .map(|award| AwardOut {
                title: &award.title,
                date: &award.date,
                awarder: award.awarded_by.as_deref(),
                paper: award.paper.as_deref(),
                url: award.url.as_deref(),
            })
            .collect(),
        publications: site
            .papers_of(person)
            .into_iter()
            .map(|index| {
                let paper = site.paper(index);
                PublicationOut {
                    name: &paper.title,
                    publisher: paper.venue.as_deref(),
                    release_date: site.paper_date(index).to_iso(),
                    url: site
                        .paper_url(index)
                        .or_else(|| paper.all_links().first().map(|link| link.url.clone())),
                }
            })
            .collect(),
        talks: &person.talks,
        teaching: &person.teaching,
        mentoring: &person.mentoring,
    };
    let mut text =
        serde_json::to_string_pretty(&document).expect("a JSON Resume document always serializes");
    text.push('\n');
    text
}

/// A JSON Resume document as written, in the schema's field order.
#[derive(Serialize)]
struct ResumeOut<'a> {
    #[serde(rename = "$schema")]
    schema: &'a str,
    basics: BasicsOut<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    work: Vec<WorkOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    volunteer: Vec<VolunteerOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    education: Vec<EducationOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    awards: Vec<AwardOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    publications: Vec<PublicationOut<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    talks: &'a [Talk],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    teaching: &'a [Teaching],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    mentoring: &'a [Mentee],
}

#[derive(Serialize)]
struct BasicsOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<LocationOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    profiles: Vec<ProfileOut>,
}

#[derive(Serialize)]
struct LocationOut<'a> {
    city: &'a str,
}

/// A profile, with the link's own label as an extra field.
#[derive(Serialize)]
struct ProfileOut {
    network: String,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WorkOut<'a> {
    name: &'a str,
    position: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    /// Ongoing since an unknown date (Vita's extension: the schema has no way to say it).
    #[serde(skip_serializing_if = "is_false")]
    current: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct VolunteerOut<'a> {
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    /// Ongoing since an unknown date (Vita's extension: the schema has no way to say it).
    #[serde(skip_serializing_if = "is_false")]
    current: bool,
}

/// An education entry, with the site file's thesis, paper, advisors and location as extra fields.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EducationOut<'a> {
    institution: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    area: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    study_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thesis: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paper: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    advisors: &'a [String],
    /// Ongoing since an unknown date (Vita's extension: the schema has no way to say it).
    #[serde(skip_serializing_if = "is_false")]
    current: bool,
}

/// An award, with the site file's paper and link as extra fields.
#[derive(Serialize)]
struct AwardOut<'a> {
    title: &'a str,
    date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    awarder: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paper: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PublicationOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    release_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

fn is_false(flag: &bool) -> bool {
    !flag
}

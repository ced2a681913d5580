//! Reading CSL-JSON files (the export of Zotero, Mendeley, ORCID and Crossref) into papers.
//!
//! A file is an array of items (or one item). Each item's `title`, `author` (`family`, `given`,
//! particles and `suffix`, or a `literal` name), `issued` (`date-parts`, or a `raw` date),
//! `container-title`, `type`, `volume`, `issue`, `page`, `DOI`, `URL`, `abstract` and `keyword`
//! are read. Choices where exports differ:
//! - Editors stand in for authors only when an item has no authors.
//! - `type` names the kind (`article-journal`, `paper-conference`, `thesis`…); an item published
//!   by arXiv, or whose number or DOI names an arXiv identifier (Zotero's way), is a preprint.
//! - Strings where CSL takes arrays (`"container-title": ["…"]`, as Crossref writes) are read.
//! - An item's id is its `id` as a slug, or one made from its first author, year and title
//!   (`lee2025distillation`) when the `id` is a number, an item's URL (Zotero's) or absent.
//! - An item without a title, an author or a year is reported with its line and left out.

use super::bibtex::{
    BibImport, BibProblem, FreeIds, arxiv_of_doi, bare_doi, dashed_range, is_arxiv_venue, made_id,
    slug, strip_prefix,
};
use super::date::PartialDate;
use super::parse::{ParseError, parse_json};
use super::schema::{Author, Link, LinkKind, Paper, PaperKind};
use super::validate::{is_arxiv_id, is_doi, is_web_url};
use serde_json::{Map, Value};

/// Parses a CSL-JSON file's text. A file that is not JSON is an error with its position; a bad
/// item is reported and skipped, the rest load.
pub fn parse_csl_json(text: &str) -> Result<BibImport, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = parse_json(text.as_bytes())?;
    let lines = item_lines(text);
    let items = match value {
        Value::Array(items) => items,
        item @ Value::Object(_) => vec![item],
        _ => {
            return Err(ParseError {
                path: String::new(),
                line: 1,
                column: 1,
                reason: "a CSL-JSON file is an array of items".to_string(),
            });
        }
    };
    let mut import = BibImport::default();
    let mut ids = FreeIds::default();
    for (index, item) in items.iter().enumerate() {
        let line = lines.get(index).copied().unwrap_or(1);
        match item {
            Value::Object(fields) => read_item(fields, index, line, &mut ids, &mut import),
            _ => import.problems.push(BibProblem {
                line,
                key: None,
                message: format!("[{index}] is not an item (an object): left out"),
                skipped: true,
            }),
        }
    }
    Ok(import)
}

/// The line on which each element of the top-level array starts (the first line for a file of
/// one item).
fn item_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut line = 1;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut expecting = false;
    for byte in text.bytes() {
        if byte == b'\n' {
            line += 1;
        }
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if expecting && !byte.is_ascii_whitespace() && byte != b']' {
            lines.push(line);
            expecting = false;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth == 1 {
                    expecting = byte == b'[';
                    if byte == b'{' {
                        lines.push(line);
                    }
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    lines
}

/// A field's text: a string, the first string of an array, or a number written out.
fn text_of(fields: &Map<String, Value>, name: &str) -> Option<String> {
    let value = match fields.get(name)? {
        Value::Array(values) => values.first()?,
        value => value,
    };
    let text = match value {
        Value::String(text) => text.trim().to_string(),
        Value::Number(number) => number.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// The names of the array `name`, in order, as "Family, Given" (or the literal name).
fn names_of(fields: &Map<String, Value>, name: &str) -> Vec<String> {
    let Some(Value::Array(people)) = fields.get(name) else {
        return Vec::new();
    };
    people
        .iter()
        .filter_map(|person| {
            let person = person.as_object()?;
            let part = |key: &str| {
                person
                    .get(key)
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|part| !part.is_empty())
            };
            if let Some(literal) = part("literal") {
                return Some(literal.to_string());
            }
            let family: Vec<&str> = [part("non-dropping-particle"), part("family")]
                .into_iter()
                .flatten()
                .collect();
            if family.is_empty() {
                return part("given").map(str::to_string);
            }
            let given: Vec<&str> = [part("given"), part("dropping-particle")]
                .into_iter()
                .flatten()
                .collect();
            let mut name = family.join(" ");
            if !given.is_empty() {
                name = format!("{name}, {}", given.join(" "));
            }
            if let Some(suffix) = part("suffix") {
                name = format!("{name}, {suffix}");
            }
            Some(name)
        })
        .collect()
}

/// `issued` as `date-parts` (`[[2024, 3, 1]]`, numbers or strings) or a `raw` ISO date.
fn issued(fields: &Map<String, Value>) -> Option<PartialDate> {
    let issued = fields.get("issued")?;
    if let Some(parts) = issued
        .get("date-parts")
        .and_then(|parts| parts.get(0))
        .and_then(Value::as_array)
    {
        let number = |index: usize| -> Option<i64> {
            match parts.get(index)? {
                Value::Number(number) => number.as_i64(),
                Value::String(text) => text.trim().parse().ok(),
                _ => None,
            }
        };
        let year = number(0)?;
        let iso = match (number(1), number(2)) {
            (Some(month), Some(day)) => format!("{year:04}-{month:02}-{day:02}"),
            (Some(month), None) => format!("{year:04}-{month:02}"),
            _ => format!("{year:04}"),
        };
        return PartialDate::parse(&iso)
            .ok()
            .or_else(|| PartialDate::parse(&format!("{year:04}")).ok());
    }
    let raw = issued.get("raw").and_then(Value::as_str)?.trim();
    PartialDate::parse(raw)
        .ok()
        .or_else(|| raw.get(..4).and_then(|year| PartialDate::parse(year).ok()))
}

fn read_item(
    fields: &Map<String, Value>,
    index: usize,
    line: usize,
    ids: &mut FreeIds,
    import: &mut BibImport,
) {
    // Citation keys make ids; Zotero's item URLs and Crossref's numbers do not.
    let key = match fields.get("id") {
        Some(Value::String(id)) if !slug(id).is_empty() && !id.contains("://") => Some(id.clone()),
        _ => None,
    };
    let mut report = |message: String, skipped: bool| {
        import.problems.push(BibProblem {
            line,
            key: key.clone(),
            message: format!("[{index}]: {message}"),
            skipped,
        });
    };
    let title = text_of(fields, "title").unwrap_or_default();
    let mut people = names_of(fields, "author");
    if people.is_empty() {
        people = names_of(fields, "editor");
    }
    let date = issued(fields);
    let mut fatal = false;
    for (missing, message) in [
        (title.is_empty(), "missing title"),
        (people.is_empty(), "missing author"),
        (date.is_none(), "missing or unreadable date (issued)"),
    ] {
        if missing {
            report(message.to_string(), true);
            fatal = true;
        }
    }
    let Some(date) = date.filter(|_| !fatal) else {
        return;
    };

    let container = text_of(fields, "container-title");
    let publisher = text_of(fields, "publisher");
    let mut doi = None;
    let mut arxiv = None;
    if let Some(raw) = text_of(fields, "DOI") {
        let bare = bare_doi(&raw);
        if let Some(id) = arxiv_of_doi(bare) {
            arxiv = Some(id.to_string());
        } else if is_doi(bare) {
            doi = Some(bare.to_string());
        } else {
            report(format!("\"{raw}\" in DOI is not a DOI: left out"), false);
        }
    }
    if arxiv.is_none()
        && let Some(number) = text_of(fields, "number")
    {
        let id = strip_prefix(&number, &["arXiv:"]).trim();
        if is_arxiv_id(id) {
            arxiv = Some(id.to_string());
        }
    }
    let by_arxiv = arxiv.is_some()
        || publisher.as_deref().is_some_and(is_arxiv_venue)
        || container.as_deref().is_some_and(is_arxiv_venue);
    let kind_name = text_of(fields, "type").unwrap_or_default();
    let kind = match kind_name.as_str() {
        "article-journal" if !by_arxiv => PaperKind::Journal,
        "paper-conference"
            if container
                .as_deref()
                .is_some_and(|venue| venue.to_lowercase().contains("workshop")) =>
        {
            PaperKind::Workshop
        }
        "paper-conference" => PaperKind::Conference,
        "thesis" => PaperKind::Thesis,
        "book" => PaperKind::Book,
        "chapter" => PaperKind::Chapter,
        "report" => PaperKind::Report,
        "speech" => PaperKind::Talk,
        _ if by_arxiv => PaperKind::Preprint,
        _ => PaperKind::Other,
    };
    let mut links = Vec::new();
    if let Some(url) = text_of(fields, "URL") {
        if !is_web_url(&url) {
            report(
                format!("\"{url}\" in URL is not an http(s) URL: left out"),
                false,
            );
        } else if !url.contains("arxiv.org/abs/") && !url.contains("doi.org/") {
            let kind = if url.to_ascii_lowercase().ends_with(".pdf") {
                LinkKind::Pdf
            } else {
                LinkKind::Html
            };
            links.push(Link {
                kind,
                url,
                label: None,
            });
        }
    }
    let base = key
        .as_deref()
        .map(slug)
        .unwrap_or_else(|| made_id(&people[0], date.year, &title));
    let id = ids.claim(base);
    let tags = text_of(fields, "keyword")
        .map(|keywords| {
            keywords
                .split([',', ';'])
                .map(str::trim)
                .filter(|tag| !tag.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    import.lines.push(line);
    import.papers.push(Paper {
        id,
        title,
        authors: people.into_iter().map(Author::named).collect(),
        date: date.to_iso(),
        status: Some(kind.default_status()),
        kind,
        venue: container.filter(|venue| !is_arxiv_venue(venue)),
        venue_short: text_of(fields, "container-title-short"),
        volume: text_of(fields, "volume"),
        issue: text_of(fields, "issue"),
        pages: text_of(fields, "page").map(|pages| dashed_range(&pages)),
        publisher: publisher.filter(|publisher| !is_arxiv_venue(publisher)),
        summary: text_of(fields, "abstract").unwrap_or_default(),
        links,
        tags,
        doi,
        arxiv,
        awards: Vec::new(),
        note: None,
        selected: false,
    });
}

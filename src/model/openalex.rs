//! Reading OpenAlex works (a saved `/works?filter=author.id:…` response, or one work) into
//! papers.
//!
//! Each work's `title` (or `display_name`), `authorships` (names in order, with ORCIDs),
//! `publication_date` (or `publication_year`), `type`, `primary_location.source`, `biblio`
//! (volume, issue, pages), `doi`, and the abstract rebuilt from `abstract_inverted_index` are
//! read. Choices:
//! - A work found in arXiv (a location whose landing page is on arxiv.org) gets that arXiv
//!   identifier; one whose type is `preprint`, or whose primary source is a repository, is a
//!   preprint.
//! - A work's id is its OpenAlex id (`W2741809807` gives `w2741809807`), stable across exports.
//! - A work without title, author or year is reported with its line and left out.

use super::bibtex::{BibImport, BibProblem, FreeIds, bare_doi, slug};
use super::date::PartialDate;
use super::json_text::lines_of;
use super::parse::{ParseError, parse_json};
use super::schema::{Author, Link, LinkKind, Paper, PaperKind};
use super::validate::{is_arxiv_id, is_doi, is_web_url};
use serde_json::{Map, Value};

/// Whether a parsed JSON file is OpenAlex's (a response with `results`, or a work with
/// `authorships`) rather than CSL-JSON.
pub fn is_openalex(text: &str) -> bool {
    let head: String = text.chars().take(4096).collect();
    let start = head.trim_start_matches('\u{feff}').trim_start();
    start.starts_with('{') && (head.contains("\"results\"") || head.contains("\"authorships\""))
}

/// Parses OpenAlex works. A file that is not JSON is an error with its position; a bad work is
/// reported and skipped, the rest load.
pub fn parse_openalex(text: &str) -> Result<BibImport, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = parse_json(text.as_bytes())?;
    let (works, paths): (Vec<&Value>, Vec<String>) = match value.get("results") {
        Some(Value::Array(results)) => results
            .iter()
            .enumerate()
            .map(|(index, work)| (work, format!("results[{index}].id")))
            .unzip(),
        _ => (vec![&value], vec!["id".to_string()]),
    };
    // Each work's line is that of its id (or of the work): found for all of them in one pass.
    let lines = lines_of(text, &paths.iter().map(String::as_str).collect::<Vec<_>>());
    let mut import = BibImport::default();
    let mut ids = FreeIds::default();
    for (index, (work, line)) in works.into_iter().zip(lines).enumerate() {
        let line = line.unwrap_or(1);
        match work.as_object() {
            Some(fields) => read_work(fields, index, line, &mut ids, &mut import),
            None => import.problems.push(BibProblem {
                line,
                key: None,
                message: format!("results[{index}] is not a work (an object): left out"),
                skipped: true,
            }),
        }
    }
    Ok(import)
}

fn string(value: Option<&Value>) -> Option<&str> {
    value
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

/// The abstract from OpenAlex's inverted index: each word placed at its positions.
fn abstract_of(index: Option<&Value>) -> String {
    let Some(Value::Object(words)) = index else {
        return String::new();
    };
    let mut placed: Vec<(u64, &str)> = Vec::new();
    for (word, positions) in words {
        for position in positions.as_array().into_iter().flatten() {
            if let Some(position) = position.as_u64() {
                placed.push((position, word));
            }
        }
    }
    placed.sort_unstable();
    placed
        .into_iter()
        .map(|(_, word)| word)
        .collect::<Vec<_>>()
        .join(" ")
}

fn read_work(
    fields: &Map<String, Value>,
    index: usize,
    line: usize,
    ids: &mut FreeIds,
    import: &mut BibImport,
) {
    let openalex_id =
        string(fields.get("id")).map(|id| id.rsplit('/').next().unwrap_or(id).to_string());
    let mut report = |message: String, skipped: bool| {
        import.problems.push(BibProblem {
            line,
            key: openalex_id.clone(),
            message: format!("results[{index}]: {message}"),
            skipped,
        });
    };
    let title = string(fields.get("title"))
        .or(string(fields.get("display_name")))
        .unwrap_or_default()
        .to_string();
    let authors: Vec<Author> = fields
        .get("authorships")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|authorship| {
            let author = authorship.get("author");
            let name = string(author.and_then(|author| author.get("display_name")))
                .or(string(authorship.get("raw_author_name")))?;
            let mut entry = Author::named(name);
            entry.orcid = string(author.and_then(|author| author.get("orcid")))
                .map(|orcid| orcid.trim_start_matches("https://orcid.org/").to_string());
            Some(entry)
        })
        .collect();
    let date = string(fields.get("publication_date"))
        .and_then(|date| PartialDate::parse(date).ok())
        .or_else(|| {
            fields
                .get("publication_year")
                .and_then(Value::as_i64)
                .and_then(|year| PartialDate::parse(&format!("{year:04}")).ok())
        });
    let mut fatal = false;
    for (missing, message) in [
        (title.is_empty(), "missing title"),
        (authors.is_empty(), "missing authorships"),
        (date.is_none(), "missing or unreadable publication date"),
    ] {
        if missing {
            report(message.to_string(), true);
            fatal = true;
        }
    }
    let Some(date) = date.filter(|_| !fatal) else {
        return;
    };

    let primary = fields.get("primary_location");
    let source = primary.and_then(|location| location.get("source"));
    let source_name = string(source.and_then(|source| source.get("display_name")));
    let source_type = string(source.and_then(|source| source.get("type")));
    let mut arxiv = None;
    for location in fields
        .get("locations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .chain(primary)
    {
        let landing = string(location.get("landing_page_url")).unwrap_or_default();
        if let Some(start) = landing.find("arxiv.org/abs/") {
            let id = landing[start + "arxiv.org/abs/".len()..]
                .split(['v', '?', '#'])
                .next()
                .unwrap_or_default();
            if is_arxiv_id(id) {
                arxiv.get_or_insert(id.to_string());
            }
        }
    }
    let doi = string(fields.get("doi"))
        .map(|doi| bare_doi(doi).to_string())
        .filter(|doi| {
            let valid = is_doi(doi);
            if !valid {
                report(format!("\"{doi}\" in doi is not a DOI: left out"), false);
            }
            valid
        });
    let doi_is_arxiv = doi
        .as_deref()
        .is_some_and(|doi| doi.to_ascii_lowercase().starts_with("10.48550/arxiv."));
    let doi = doi.filter(|_| !doi_is_arxiv);
    let kind_name = string(fields.get("type")).unwrap_or_default();
    let repository = source_type == Some("repository");
    let kind = match kind_name {
        "preprint" => PaperKind::Preprint,
        _ if repository && arxiv.is_some() => PaperKind::Preprint,
        "dissertation" => PaperKind::Thesis,
        "book" => PaperKind::Book,
        "book-chapter" => PaperKind::Chapter,
        "report" => PaperKind::Report,
        "article" | "review" | "letter" if source_type == Some("conference") => {
            PaperKind::Conference
        }
        "article" | "review" | "letter" => PaperKind::Journal,
        _ => PaperKind::Other,
    };
    let biblio = fields.get("biblio");
    let part = |name: &str| string(biblio.and_then(|biblio| biblio.get(name))).map(str::to_string);
    let pages = match (part("first_page"), part("last_page")) {
        (Some(first), Some(last)) if first != last => Some(format!("{first}--{last}")),
        (Some(first), _) => Some(first),
        _ => None,
    };
    let mut links = Vec::new();
    if let Some(pdf) = string(primary.and_then(|location| location.get("pdf_url")))
        .filter(|url| is_web_url(url) && !url.contains("arxiv.org/"))
    {
        links.push(Link {
            kind: LinkKind::Pdf,
            url: pdf.to_string(),
            label: None,
        });
    }
    let base = openalex_id
        .as_deref()
        .map(slug)
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| super::bibtex::made_id(&authors[0].name, date.year, &title));
    let id = ids.claim(base);
    import.lines.push(line);
    import.papers.push(Paper {
        id,
        title,
        authors,
        date: date.to_iso(),
        status: Some(kind.default_status()),
        kind,
        venue: source_name.filter(|_| !repository).map(str::to_string),
        venue_short: None,
        volume: part("volume"),
        issue: part("issue"),
        pages,
        publisher: None,
        summary: abstract_of(fields.get("abstract_inverted_index")),
        links,
        tags: Vec::new(),
        doi,
        arxiv,
        awards: Vec::new(),
        note: None,
        selected: false,
    });
}

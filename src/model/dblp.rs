//! Reading DBLP person files (`https://dblp.org/pid/<pid>.xml`) into papers.
//!
//! A person file lists records (`article`, `inproceedings`, `incollection`, `book`,
//! `phdthesis`, `mastersthesis`, `proceedings`) inside `<r>` elements, each with its authors,
//! title, year, venue, pages and electronic editions (`ee`). The reader is a small scanner for
//! this one shape of XML, not a general parser: elements, attributes, character references and
//! the entities of `dblp.dtd` for accented letters, comments and the XML declaration. Choices:
//! - `publtype="informal"` records (CoRR preprints, DBLP's name for arXiv) are preprints, with the
//!   arXiv identifier taken from their `ee` or volume (`abs/2506.06278`).
//! - DBLP's disambiguation numbers are dropped from names ("Wei Wang 0001" is "Wei Wang"), and
//!   the period DBLP ends every title with.
//! - Markup in titles (`<i>`, `<sub>`, `<sup>`) keeps its text.
//! - An `ee` on `doi.org` gives the DOI (one of the arXiv gives the arXiv identifier); others are
//!   links. The `url` of a record is DBLP's own page of it: kept as a link to DBLP.
//! - A record without title, author or year is reported with its line and left out.

use super::bibtex::{BibImport, BibProblem, FreeIds, dashed_range, slug};
use super::date::PartialDate;
use super::line_counter::LineCounter;
use super::schema::{Author, Link, LinkKind, Paper, PaperKind};
use super::validate::{is_arxiv_id, is_doi, is_web_url};

/// The record elements a person file holds.
const RECORDS: [&str; 8] = [
    "article",
    "inproceedings",
    "incollection",
    "book",
    "phdthesis",
    "mastersthesis",
    "proceedings",
    "www",
];

/// Parses a DBLP person file. Never panics; a bad record is reported and skipped, the rest load.
pub fn parse_dblp(text: &str) -> BibImport {
    let mut import = BibImport::default();
    let mut ids = FreeIds::default();
    let mut scanner = Scanner { text, at: 0 };
    let mut lines = LineCounter::default();
    while let Some(tag) = scanner.next_tag() {
        if tag.closing || !RECORDS.contains(&tag.name.as_str()) {
            continue;
        }
        let line = lines.line_at(text.as_bytes(), tag.start);
        let record = scanner.record(&tag);
        if tag.name == "www" {
            // The person's own homepage record, not a publication.
            continue;
        }
        match record {
            Ok(record) => finish(record, line, &mut ids, &mut import),
            Err(message) => import.problems.push(BibProblem {
                line,
                key: tag.attribute("key"),
                message,
                skipped: true,
            }),
        }
    }
    import
}

/// An element's opening or closing tag.
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
    closing: bool,
    empty: bool,
    start: usize,
}

impl Tag {
    fn attribute(&self, name: &str) -> Option<String> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    }
}

/// A record as read: its element name, key, whether DBLP calls it informal, and its fields.
struct Record {
    kind: String,
    key: Option<String>,
    informal: bool,
    fields: Vec<(String, String)>,
}

impl Record {
    fn first(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, value)| field == name && !value.is_empty())
            .map(|(_, value)| value.as_str())
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> {
        self.fields
            .iter()
            .filter(move |(field, value)| field == name && !value.is_empty())
            .map(|(_, value)| value.as_str())
    }
}

struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

impl Scanner<'_> {
    /// The next tag, skipping text, comments, declarations and processing instructions.
    fn next_tag(&mut self) -> Option<Tag> {
        loop {
            let start = self.at + self.text[self.at..].find('<')?;
            let rest = &self.text[start..];
            if rest.starts_with("<!--") {
                self.at = start + rest.find("-->").map_or(rest.len(), |end| end + 3);
                continue;
            }
            if rest.starts_with("<?") || rest.starts_with("<!") {
                self.at = start + rest.find('>').map_or(rest.len(), |end| end + 1);
                continue;
            }
            let end = start + tag_end(rest)?;
            self.at = end + 1;
            return Some(parse_tag(&self.text[start + 1..end], start));
        }
    }

    /// The fields of the record `open` starts, up to its closing tag.
    fn record(&mut self, open: &Tag) -> Result<Record, String> {
        let mut record = Record {
            kind: open.name.clone(),
            key: open.attribute("key"),
            informal: open.attribute("publtype").as_deref() == Some("informal"),
            fields: Vec::new(),
        };
        if open.empty {
            return Ok(record);
        }
        loop {
            let Some(tag) = self.next_tag() else {
                return Err(format!("the file ends inside <{}>", open.name));
            };
            if tag.closing && tag.name == open.name {
                return Ok(record);
            }
            if tag.closing || tag.empty {
                continue;
            }
            let value = self.field_text(&tag.name)?;
            record.fields.push((tag.name, value));
        }
    }

    /// The text of the field element `name` just opened, markup inside dropped, up to its end.
    fn field_text(&mut self, name: &str) -> Result<String, String> {
        let mut text = String::new();
        let mut depth = 0usize;
        loop {
            let next = self.text[self.at..]
                .find('<')
                .map(|offset| self.at + offset)
                .ok_or_else(|| format!("the file ends inside <{name}>"))?;
            text.push_str(&decode(&self.text[self.at..next]));
            self.at = next;
            let tag = self
                .next_tag()
                .ok_or_else(|| format!("the file ends inside <{name}>"))?;
            if tag.closing && tag.name == name && depth == 0 {
                return Ok(collapse(&text));
            }
            if tag.closing {
                depth = depth.saturating_sub(1);
            } else if !tag.empty {
                depth += 1;
            }
        }
    }
}

/// The index of the `>` ending the tag at the start of `rest`, quotes respected.
fn tag_end(rest: &str) -> Option<usize> {
    let mut quote = None;
    for (index, byte) in rest.bytes().enumerate().skip(1) {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if byte == open => quote = None,
            (None, b'>') => return Some(index),
            _ => {}
        }
    }
    None
}

/// A tag from the text between `<` and `>`.
fn parse_tag(inner: &str, start: usize) -> Tag {
    let closing = inner.starts_with('/');
    let empty = inner.ends_with('/');
    let inner = inner.trim_start_matches('/').trim_end_matches('/');
    let name_end = inner
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inner.len());
    let mut attributes = Vec::new();
    let mut rest = &inner[name_end..];
    while let Some(equals) = rest.find('=') {
        let key = rest[..equals].trim().to_string();
        let after = rest[equals + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(close) = after[1..].find(quote) else {
            break;
        };
        attributes.push((key, decode(&after[1..1 + close])));
        rest = &after[close + 2..];
    }
    Tag {
        name: inner[..name_end].to_string(),
        attributes,
        closing,
        empty,
        start,
    }
}

/// Character references and the entities XML and `dblp.dtd` define, decoded; others kept.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let Some(semicolon) = after.find(';').filter(|&end| end <= 12) else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let name = &after[1..semicolon];
        let decoded = if let Some(number) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
            u32::from_str_radix(number, 16)
                .ok()
                .and_then(char::from_u32)
        } else if let Some(number) = name.strip_prefix('#') {
            number.parse().ok().and_then(char::from_u32)
        } else {
            named_entity(name)
        };
        match decoded {
            Some(c) => out.push(c),
            None => out.push_str(&after[..=semicolon]),
        }
        rest = &after[semicolon + 1..];
    }
    out.push_str(rest);
    out
}

/// XML's entities and the Latin-1 letters `dblp.dtd` names (`&ouml;`, `&eacute;`…).
fn named_entity(name: &str) -> Option<char> {
    let simple = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "szlig" => 'ß',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "aring" => 'å',
        "Aring" => 'Å',
        "eth" => 'ð',
        "thorn" => 'þ',
        "THORN" => 'Þ',
        "ETH" => 'Ð',
        _ => return accented(name),
    };
    Some(simple)
}

/// `&ouml;`-style names: a base letter and an accent.
fn accented(name: &str) -> Option<char> {
    const ACCENTS: [(&str, &str, &str); 6] = [
        ("grave", "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ("acute", "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
        ("circ", "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ("tilde", "anoANO", "ãñõÃÑÕ"),
        ("uml", "aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
        ("cedil", "cC", "çÇ"),
    ];
    let mut chars = name.chars();
    let base = chars.next()?;
    let accent = chars.as_str();
    let (_, bases, letters) = ACCENTS.iter().find(|(name, _, _)| *name == accent)?;
    let position = bases.chars().position(|c| c == base)?;
    letters.chars().nth(position)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A DBLP name without its disambiguation number ("Wei Wang 0001").
fn author_name(name: &str) -> String {
    match name.rsplit_once(' ') {
        Some((rest, number)) if number.len() == 4 && number.bytes().all(|b| b.is_ascii_digit()) => {
            rest.to_string()
        }
        _ => name.to_string(),
    }
}

/// The arXiv identifier of a DOI of the arXiv, an arXiv address or a CoRR volume.
fn arxiv_of(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let start = ["10.48550/arxiv.", "arxiv.org/abs/", "abs/"]
        .iter()
        .find_map(|marker| lower.find(marker).map(|at| at + marker.len()))?;
    let id = text[start..]
        .split(['?', '#', ' '])
        .next()
        .unwrap_or_default();
    is_arxiv_id(id).then(|| id.to_string())
}

fn finish(record: Record, line: usize, ids: &mut FreeIds, import: &mut BibImport) {
    let title = record
        .first("title")
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_string();
    let authors: Vec<String> = record
        .all("author")
        .chain(if record.first("author").is_none() {
            record.all("editor").collect::<Vec<_>>()
        } else {
            Vec::new()
        })
        .map(author_name)
        .collect();
    let year = record
        .first("year")
        .and_then(|year| PartialDate::parse(year.trim()).ok());
    let mut fatal = Vec::new();
    if title.is_empty() {
        fatal.push("missing title");
    }
    if authors.is_empty() {
        fatal.push("missing author");
    }
    if year.is_none() {
        fatal.push("missing or unreadable year");
    }
    let (Some(year), true) = (year, fatal.is_empty()) else {
        for message in fatal {
            import.problems.push(BibProblem {
                line,
                key: record.key.clone(),
                message: message.to_string(),
                skipped: true,
            });
        }
        return;
    };
    let mut doi = None;
    let mut arxiv = None;
    let mut links = Vec::new();
    for ee in record.all("ee") {
        if let Some(id) = arxiv_of(ee) {
            arxiv.get_or_insert(id);
        } else if let Some(found) = ee
            .split_once("doi.org/")
            .map(|(_, doi)| doi.to_string())
            .filter(|doi| is_doi(doi))
        {
            doi.get_or_insert(found);
        } else if is_web_url(ee) && links.iter().all(|link: &Link| link.url != ee) {
            links.push(Link {
                kind: if ee.to_ascii_lowercase().ends_with(".pdf") {
                    LinkKind::Pdf
                } else {
                    LinkKind::Html
                },
                url: ee.to_string(),
                label: None,
            });
        }
    }
    let venue = record.first("journal").or(record.first("booktitle"));
    let corr = venue.is_some_and(|venue| venue.eq_ignore_ascii_case("CoRR"));
    if arxiv.is_none() && corr {
        arxiv = record.first("volume").and_then(arxiv_of);
    }
    let kind = match record.kind.as_str() {
        _ if record.informal || corr => PaperKind::Preprint,
        "article" => PaperKind::Journal,
        "inproceedings" if venue.is_some_and(|venue| venue.to_lowercase().contains("workshop")) => {
            PaperKind::Workshop
        }
        "inproceedings" => PaperKind::Conference,
        "incollection" => PaperKind::Chapter,
        "book" | "proceedings" => PaperKind::Book,
        "phdthesis" | "mastersthesis" => PaperKind::Thesis,
        _ => PaperKind::Other,
    };
    if let Some(page) = record.first("url").filter(|url| !url.contains("://")) {
        links.push(Link {
            kind: LinkKind::Dblp,
            url: format!("https://dblp.org/{page}"),
            label: None,
        });
    }
    let base = record
        .key
        .as_deref()
        .and_then(|key| key.rsplit('/').next())
        .map(slug)
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| super::bibtex::made_id(&authors[0], year.year, &title));
    let id = ids.claim(base);
    import.lines.push(line);
    import.papers.push(Paper {
        id,
        title,
        authors: authors.into_iter().map(Author::named).collect(),
        date: year.to_iso(),
        status: Some(kind.default_status()),
        kind,
        venue: venue.filter(|_| !corr).map(str::to_string),
        venue_short: None,
        volume: record.first("volume").filter(|_| !corr).map(str::to_string),
        issue: record.first("number").map(str::to_string),
        pages: record.first("pages").map(dashed_range),
        publisher: record
            .first("school")
            .or(record.first("publisher"))
            .map(str::to_string),
        summary: String::new(),
        links,
        tags: Vec::new(),
        doi,
        arxiv,
        awards: Vec::new(),
        note: None,
        selected: false,
    });
}

//! Reading RIS files (Google Scholar's, EndNote's and Zotero's export) into papers.
//!
//! A record runs from `TY  - ` to `ER  - `; each line is a two-character tag, two spaces, a
//! hyphen and a space, then the value. Lines without a tag continue the value before them, as
//! exports wrap long abstracts. Choices where exports differ:
//! - Authors come from `AU` or `A1`, in order; editors (`A2`, `ED`) only when there are no
//!   authors.
//! - The date is `PY`, `Y1` or `DA` (`2025`, `2025/06`, `2025/06/18/`, `2025///`), the most
//!   precise one given.
//! - The venue is `JO`, `JF`, `T2`, `JA` or `BT`, the first given; arXiv and CoRR as a venue make
//!   the record a preprint, with the arXiv identifier taken from the URL or the venue.
//! - `SP` and `EP` are the page range; an `SP` holding `101-118` is the range itself.
//! - `DO` may be written as a resolver URL or with a `doi:` prefix; a DOI of the arXiv
//!   (`10.48550/arXiv.2506.06278`) gives the arXiv identifier.
//! - A record without `ID` gets an id from its first author's family name, year and first word
//!   of the title (`lee2025distillation`), with `-2`, `-3`… for later ones alike.
//! - A record without title, author or a readable year is reported with its line and left out; a
//!   record the file ends inside is read and reported.

use super::bibtex::{
    BibImport, BibProblem, FreeIds, arxiv_of_doi, bare_doi, dashed_range, is_arxiv_venue, made_id,
    slug,
};
use super::date::PartialDate;
use super::schema::{Author, Link, LinkKind, Paper, PaperKind};
use super::validate::{is_arxiv_id, is_doi, is_web_url};

/// Parses a RIS file's text. Never panics; a bad record is reported and skipped, the rest load.
pub fn parse_ris(text: &str) -> BibImport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut import = BibImport::default();
    let mut ids = FreeIds::default();
    let mut record: Option<Record> = None;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let raw = raw.trim_end();
        match tagged(raw) {
            Some(("TY", kind)) => {
                if let Some(open) = record.take() {
                    import.problems.push(problem(
                        open.line,
                        None,
                        "the record is not closed by ER before the next TY",
                        false,
                    ));
                    finish(open, &mut ids, &mut import);
                }
                record = Some(Record {
                    line,
                    kind: kind.to_ascii_uppercase(),
                    fields: Vec::new(),
                });
            }
            Some(("ER", _)) => match record.take() {
                Some(open) => finish(open, &mut ids, &mut import),
                None => {
                    import
                        .problems
                        .push(problem(line, None, "ER without a record to close", false))
                }
            },
            Some((tag, value)) => match &mut record {
                Some(open) => open.fields.push((tag.to_string(), value.to_string())),
                None => import.problems.push(problem(
                    line,
                    None,
                    &format!("{tag} outside a record (records start with TY): left out"),
                    false,
                )),
            },
            None if raw.trim().is_empty() => {}
            None => match record.as_mut().and_then(|open| open.fields.last_mut()) {
                Some((_, value)) => {
                    value.push(' ');
                    value.push_str(raw.trim());
                }
                None => import.problems.push(problem(
                    line,
                    None,
                    "a line that is not a RIS field (TAG  - value): left out",
                    false,
                )),
            },
        }
    }
    if let Some(open) = record {
        import.problems.push(problem(
            open.line,
            None,
            "the file ends inside the record (no ER)",
            false,
        ));
        finish(open, &mut ids, &mut import);
    }
    import
}

/// A record as read: its type, its first line, its fields in order.
struct Record {
    line: usize,
    kind: String,
    fields: Vec<(String, String)>,
}

impl Record {
    fn first(&self, tags: &[&str]) -> Option<&str> {
        tags.iter().find_map(|tag| {
            self.fields
                .iter()
                .find(|(field, value)| field == tag && !value.trim().is_empty())
                .map(|(_, value)| value.trim())
        })
    }

    fn all<'a>(&'a self, tags: &'a [&str]) -> impl Iterator<Item = &'a str> {
        self.fields
            .iter()
            .filter(move |(field, value)| {
                tags.contains(&field.as_str()) && !value.trim().is_empty()
            })
            .map(|(_, value)| value.trim())
    }
}

/// `("TY", "JOUR")` for `TY  - JOUR`; `None` for a line without a tag.
fn tagged(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let tag_ok = bytes.len() >= 5
        && bytes[0].is_ascii_uppercase()
        && (bytes[1].is_ascii_uppercase() || bytes[1].is_ascii_digit())
        && &bytes[2..5] == b"  -";
    if !tag_ok {
        return None;
    }
    let value = line[5..].strip_prefix(' ').unwrap_or(&line[5..]);
    Some((&line[..2], value))
}

fn problem(line: usize, key: Option<String>, message: &str, skipped: bool) -> BibProblem {
    BibProblem {
        line,
        key,
        message: message.to_string(),
        skipped,
    }
}

/// Turns a record into a paper, or reports why it cannot be one.
fn finish(record: Record, ids: &mut FreeIds, import: &mut BibImport) {
    let title = record
        .first(&["TI", "T1", "CT"])
        .unwrap_or_default()
        .to_string();
    let mut people: Vec<&str> = record.all(&["AU", "A1"]).collect();
    if people.is_empty() {
        people = record.all(&["A2", "ED"]).collect();
    }
    let date = ["DA", "PY", "Y1"]
        .iter()
        .filter_map(|tag| record.first(&[tag]))
        .filter_map(ris_date)
        .max_by_key(|date| usize::from(date.month.is_some()) + usize::from(date.day.is_some()));
    let key = record.first(&["ID"]).map(str::to_string);
    let mut fatal = Vec::new();
    if title.is_empty() {
        fatal.push("missing title (TI)");
    }
    if people.is_empty() {
        fatal.push("missing author (AU)");
    }
    if date.is_none() {
        fatal.push("missing or unreadable year (PY, DA)");
    }
    let (Some(date), true) = (date, fatal.is_empty()) else {
        for message in fatal {
            import
                .problems
                .push(problem(record.line, key.clone(), message, true));
        }
        return;
    };

    let venue = record
        .first(&["JO", "JF", "T2", "JA", "BT"])
        .map(str::to_string);
    let venue_is_arxiv = venue.as_deref().is_some_and(is_arxiv_venue);
    let mut report = |message: String| {
        import
            .problems
            .push(problem(record.line, key.clone(), &message, false));
    };
    let mut doi = None;
    let mut arxiv = None;
    if let Some(raw) = record.first(&["DO"]) {
        let bare = bare_doi(raw);
        if let Some(id) = arxiv_of_doi(bare) {
            arxiv = Some(id.to_string());
        } else if is_doi(bare) {
            doi = Some(bare.to_string());
        } else {
            report(format!("\"{raw}\" in DO is not a DOI: left out"));
        }
    }
    let mut links = Vec::new();
    for (tag, kind) in [
        ("UR", LinkKind::Html),
        ("L1", LinkKind::Pdf),
        ("L2", LinkKind::Html),
    ] {
        for url in record.all(&[tag]) {
            if !is_web_url(url) {
                report(format!(
                    "\"{url}\" in {tag} is not an http(s) URL: left out"
                ));
                continue;
            }
            if let Some(id) = arxiv_from_url(url) {
                arxiv.get_or_insert(id);
                continue;
            }
            let kind = if url.to_ascii_lowercase().ends_with(".pdf") {
                LinkKind::Pdf
            } else {
                kind
            };
            if links.iter().all(|known: &Link| known.url != url) {
                links.push(Link {
                    kind,
                    url: url.to_string(),
                    label: None,
                });
            }
        }
    }
    if arxiv.is_none() && venue_is_arxiv {
        arxiv = venue.as_deref().and_then(arxiv_in_text);
    }
    let kind = match record.kind.as_str() {
        _ if venue_is_arxiv => PaperKind::Preprint,
        "JOUR" | "JFULL" | "MGZN" | "NEWS" | "EJOUR" => PaperKind::Journal,
        "CONF" | "CPAPER"
            if venue
                .as_deref()
                .is_some_and(|venue| venue.to_lowercase().contains("workshop")) =>
        {
            PaperKind::Workshop
        }
        "CONF" | "CPAPER" => PaperKind::Conference,
        "THES" => PaperKind::Thesis,
        "BOOK" | "EBOOK" | "EDBOOK" => PaperKind::Book,
        "CHAP" | "ECHAP" => PaperKind::Chapter,
        "RPRT" => PaperKind::Report,
        "UNPB" | "MANSCPT" | "ELEC" | "GEN" if arxiv.is_some() => PaperKind::Preprint,
        "UNPB" | "MANSCPT" => PaperKind::Preprint,
        _ => PaperKind::Other,
    };
    let pages = match (record.first(&["SP"]), record.first(&["EP"])) {
        (Some(start), Some(end)) => Some(format!("{start}--{end}")),
        (Some(range), None) => Some(dashed_range(range)),
        _ => None,
    };
    let publisher = match kind {
        PaperKind::Thesis => record.first(&["PB", "IN"]),
        _ => record.first(&["PB"]),
    };

    let base = key
        .as_deref()
        .map(slug)
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| made_id(people[0], date.year, &title));
    let id = ids.claim(base);
    import.lines.push(record.line);
    import.papers.push(Paper {
        id,
        title,
        authors: people.into_iter().map(Author::named).collect(),
        date: date.to_iso(),
        status: Some(kind.default_status()),
        kind,
        venue: venue.filter(|_| !venue_is_arxiv),
        venue_short: None,
        volume: record.first(&["VL"]).map(str::to_string),
        issue: record.first(&["IS"]).map(str::to_string),
        pages,
        publisher: publisher.map(str::to_string),
        summary: record.first(&["AB", "N2"]).unwrap_or_default().to_string(),
        links,
        tags: record.all(&["KW"]).map(str::to_string).collect(),
        doi,
        arxiv,
        awards: Vec::new(),
        note: None,
        selected: false,
    });
}

/// `2025`, `2025/06`, `2025/06/18/`, `2025///`, `2025-06-18` at the precision given.
fn ris_date(text: &str) -> Option<PartialDate> {
    let mut parts = text.trim().split(['/', '-']).map(str::trim);
    let year = parts.next().filter(|year| year.len() == 4)?;
    let month = parts.next().filter(|part| !part.is_empty());
    let day = parts.next().filter(|part| !part.is_empty());
    let iso = match (month, day) {
        (Some(month), Some(day)) => format!("{year}-{month:0>2}-{day:0>2}"),
        (Some(month), None) => format!("{year}-{month:0>2}"),
        _ => year.to_string(),
    };
    PartialDate::parse(&iso)
        .ok()
        .or_else(|| PartialDate::parse(year).ok())
}

/// The arXiv identifier of an `arxiv.org/abs/…` or `arxiv.org/pdf/…` address.
fn arxiv_from_url(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let start = ["arxiv.org/abs/", "arxiv.org/pdf/"]
        .iter()
        .find_map(|marker| lower.find(marker).map(|at| at + marker.len()))?;
    let id = url[start..]
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .trim_end_matches(".pdf");
    let id = strip_version(id);
    is_arxiv_id(id).then(|| id.to_string())
}

/// An arXiv identifier named in a venue such as `arXiv preprint arXiv:2506.06278`.
fn arxiv_in_text(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let start = lower.rfind("arxiv:")? + "arxiv:".len();
    let id = text[start..].split_whitespace().next().unwrap_or_default();
    let id = strip_version(id);
    is_arxiv_id(id).then(|| id.to_string())
}

/// `2506.06278` of `2506.06278v2`.
fn strip_version(id: &str) -> &str {
    match id.rfind('v') {
        Some(at)
            if at > 0 && id[at + 1..].bytes().all(|b| b.is_ascii_digit()) && at + 1 < id.len() =>
        {
            &id[..at]
        }
        _ => id,
    }
}

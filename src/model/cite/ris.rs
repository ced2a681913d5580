//! RIS export, the tagged format reference managers (Zotero, EndNote, Mendeley) import.
//!
//! Lines end with CRLF, as the RIS specification prescribes; importers that expect LF accept it
//! too. Each record starts with `TY` and ends with an empty `ER` line; records are separated by a
//! blank line. RIS has no citation-key tag, so the key goes in `ID`.

use super::{
    Citable, arxiv_url, author_names, cited_url, institution, is_unpublished, one_line, page_range,
    plain_text, present, remarks,
};
use crate::model::schema::PaperKind;

/// RIS records, separated by blank lines.
pub fn to_ris(entries: &[Citable<'_>]) -> String {
    entries.iter().map(record).collect::<Vec<_>>().join("\r\n")
}

fn record(entry: &Citable<'_>) -> String {
    let paper = entry.paper;
    let kind = if is_unpublished(entry) {
        "UNPB"
    } else {
        match paper.kind {
            PaperKind::Conference | PaperKind::Workshop => "CPAPER",
            PaperKind::Journal => "JOUR",
            PaperKind::Thesis => "THES",
            PaperKind::Book => "BOOK",
            PaperKind::Chapter => "CHAP",
            PaperKind::Report => "RPRT",
            PaperKind::Preprint | PaperKind::Talk | PaperKind::Other => "GEN",
        }
    };
    let mut out = String::new();
    let mut line = |tag: &str, value: &str| {
        let value = one_line(value);
        if !value.is_empty() {
            out.push_str(&format!("{tag}  - {value}\r\n"));
        }
    };
    line("TY", kind);
    line("ID", entry.key);
    for parts in author_names(paper) {
        let mut name = parts.family;
        for part in [Some(parts.given), parts.suffix].into_iter().flatten() {
            if !part.is_empty() {
                name.push_str(", ");
                name.push_str(&part);
            }
        }
        line("AU", &name);
    }
    line("TI", &paper.title);
    let date = entry.date;
    line("PY", &format!("{:04}", date.year));
    let two_digits = |part: Option<u8>| part.map(|part| format!("{part:02}")).unwrap_or_default();
    line(
        "DA",
        &format!(
            "{:04}/{}/{}/",
            date.year,
            two_digits(date.month),
            two_digits(date.day)
        ),
    );
    let venue = present(&paper.venue).unwrap_or_default();
    let publisher = match kind {
        "JOUR" => {
            line("JO", venue);
            present(&paper.publisher)
        }
        // A thesis's university or a report's institution is its publisher.
        "THES" | "RPRT" => institution(paper),
        _ => {
            line("T2", venue);
            present(&paper.publisher)
        }
    };
    line("VL", present(&paper.volume).unwrap_or_default());
    line("IS", present(&paper.issue).unwrap_or_default());
    if let Some((first, last)) = present(&paper.pages).map(page_range) {
        line("SP", first);
        line("EP", last.unwrap_or_default());
    }
    line("PB", publisher.unwrap_or_default());
    line("DO", present(&paper.doi).unwrap_or_default());
    let url = cited_url(entry);
    line("UR", url.as_deref().unwrap_or_default());
    if let Some(arxiv) = present(&paper.arxiv).map(arxiv_url)
        && url.as_ref() != Some(&arxiv)
    {
        line("UR", &arxiv);
    }
    line("AB", &plain_text(&paper.summary));
    for tag in &paper.tags {
        line("KW", tag);
    }
    line("N1", &remarks(paper).unwrap_or_default());
    out.push_str("ER  - \r\n");
    out
}

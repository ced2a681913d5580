//! CSL-JSON export, the item format of citation processors (citeproc, Pandoc, Zotero): a
//! pretty-printed array with one object per paper; absent fields are left out.

use super::{
    Citable, author_names, cited_url, institution, is_unpublished, page_range, plain_text, present,
    remarks,
};
use crate::model::schema::PaperKind;
use serde::Serialize;

/// One CSL item; field names follow the CSL-JSON schema.
#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<Name>,
    issued: Issued,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    container_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    volume: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(rename = "DOI", skip_serializing_if = "Option::is_none")]
    doi: Option<&'a str>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    #[serde(rename = "abstract", skip_serializing_if = "String::is_empty")]
    summary: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    keyword: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    genre: Option<&'static str>,
}

/// A CSL name: family and given parts, or a literal for a single-word name.
#[derive(Serialize)]
struct Name {
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    given: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suffix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    literal: Option<String>,
}

/// A CSL date: `{ "date-parts": [[2025, 7]] }`.
#[derive(Serialize)]
struct Issued {
    #[serde(rename = "date-parts")]
    date_parts: [Vec<i32>; 1],
}

/// A CSL-JSON array of the entries, pretty-printed with two-space indents.
pub fn to_csl_json(entries: &[Citable<'_>]) -> String {
    let items: Vec<Item<'_>> = entries.iter().map(item).collect();
    let mut json = serde_json::to_string_pretty(&items)
        .expect("CSL items hold only strings and numbers, which always serialize");
    json.push('\n');
    json
}

fn item<'a>(entry: &Citable<'a>) -> Item<'a> {
    let paper = entry.paper;
    let unpublished = is_unpublished(entry);
    let kind = if unpublished {
        "article"
    } else {
        match paper.kind {
            PaperKind::Conference | PaperKind::Workshop => "paper-conference",
            PaperKind::Journal => "article-journal",
            PaperKind::Thesis => "thesis",
            PaperKind::Book => "book",
            PaperKind::Chapter => "chapter",
            PaperKind::Report => "report",
            PaperKind::Talk => "speech",
            PaperKind::Preprint | PaperKind::Other => "document",
        }
    };
    // A thesis's university and a report's institution are their publisher, not a container.
    let issuer = matches!(kind, "thesis" | "report");
    let date = entry.date;
    Item {
        id: entry.key,
        kind,
        title: paper.title.trim(),
        author: author_names(paper)
            .into_iter()
            .map(|parts| {
                if parts.given.is_empty() {
                    Name {
                        family: None,
                        given: None,
                        suffix: None,
                        literal: Some(parts.family),
                    }
                } else {
                    Name {
                        family: Some(parts.family),
                        given: Some(parts.given),
                        suffix: parts.suffix,
                        literal: None,
                    }
                }
            })
            .collect(),
        issued: Issued {
            date_parts: [[
                Some(date.year),
                date.month.map(i32::from),
                date.day.map(i32::from),
            ]
            .into_iter()
            .flatten()
            .collect()],
        },
        container_title: present(&paper.venue).filter(|_| !issuer),
        volume: present(&paper.volume),
        issue: present(&paper.issue),
        page: present(&paper.pages).map(|pages| match page_range(pages) {
            (first, Some(last)) => format!("{first}-{last}"),
            (first, None) => first.to_string(),
        }),
        publisher: if issuer {
            institution(paper)
        } else {
            present(&paper.publisher)
        },
        doi: present(&paper.doi),
        url: cited_url(entry),
        archive: present(&paper.arxiv).map(|_| "arXiv"),
        number: present(&paper.arxiv),
        summary: plain_text(&paper.summary),
        keyword: paper.tags.join(", "),
        note: remarks(paper),
        genre: match kind {
            "thesis" => Some("PhD thesis"),
            _ if unpublished => Some("Preprint"),
            _ => None,
        },
    }
}

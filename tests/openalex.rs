//! The OpenAlex reader: works of a saved `/works` response (or one work) become papers, their
//! abstracts rebuilt from the inverted index; a bad work is reported with its line.
#![cfg(not(target_arch = "wasm32"))]

mod sources;

use sources::{ids_of, source};

use vita::model::openalex::{is_openalex, parse_openalex};
use vita::model::schema::PaperKind;

#[test]
fn works_become_papers_with_their_fields() {
    let text = source("openalex.json");
    assert!(is_openalex(&text));
    let import = parse_openalex(&text).expect("JSON");
    let ids = ids_of(&import.papers);
    assert_eq!(ids, ["w4392000001", "w4399000002"]);
    assert_eq!(import.lines, [5, 24]);
    let journal = &import.papers[0];
    assert_eq!(journal.kind, PaperKind::Journal);
    assert_eq!(journal.date, "2024-03-01");
    assert_eq!(
        journal.venue.as_deref(),
        Some("Operations Research Letters")
    );
    assert_eq!(journal.volume.as_deref(), Some("53"));
    assert_eq!(
        journal.pages.as_deref(),
        Some("107092"),
        "one page, not a range to itself"
    );
    assert_eq!(journal.doi.as_deref(), Some("10.1016/j.orl.2024.107092"));
    assert_eq!(
        journal.authors[0].orcid.as_deref(),
        Some("0000-0002-1825-0097")
    );
    assert_eq!(
        journal.summary,
        "Many Markov chain expectations solve linear systems."
    );
}

#[test]
fn a_work_in_arxiv_is_a_preprint_with_its_identifier() {
    let import = parse_openalex(&source("openalex.json")).expect("JSON");
    let preprint = &import.papers[1];
    assert_eq!(preprint.kind, PaperKind::Preprint);
    assert_eq!(preprint.arxiv.as_deref(), Some("2506.06278"));
    assert_eq!(preprint.doi, None, "the arXiv DOI is the arXiv identifier");
    assert_eq!(preprint.venue, None, "a repository is no venue");
    assert!(
        preprint.links.is_empty(),
        "arXiv's PDF is reached through the identifier"
    );
}

#[test]
fn a_work_without_title_is_reported_and_one_work_alone_reads() {
    let import = parse_openalex(&source("openalex.json")).expect("JSON");
    assert_eq!(import.problems.len(), 1, "{:?}", import.problems);
    assert_eq!(import.problems[0].line, 43);
    assert!(import.problems[0].message.contains("missing title"));
    let one = parse_openalex(r#"{ "id": "https://openalex.org/W1", "title": "One", "publication_year": 1999, "type": "book", "authorships": [{ "author": { "display_name": "Ng" } }] }"#)
        .expect("one work");
    assert_eq!(one.papers[0].kind, PaperKind::Book);
    assert!(!is_openalex(r#"[{ "type": "book", "title": "CSL" }]"#));
}

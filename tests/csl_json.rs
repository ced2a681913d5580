//! The CSL-JSON reader: the items Zotero, Mendeley, ORCID and Crossref write become papers, with
//! the traps of real exports; a bad item is reported with its line and left out.
#![cfg(not(target_arch = "wasm32"))]

mod sources;

use sources::{ids_of, source};

use vita::model::csl_json::parse_csl_json;
use vita::model::schema::{LinkKind, PaperKind};

#[test]
fn items_become_papers_with_their_fields() {
    let import = parse_csl_json(&source("papers.json")).expect("JSON");
    let ids = ids_of(&import.papers);
    assert_eq!(
        ids,
        [
            "glynn2023solution",
            "lee2025distillation",
            "vanroy2024neural",
            "thesis2022"
        ]
    );
    assert_eq!(import.lines, [2, 15, 27, 37]);
    let journal = &import.papers[0];
    assert_eq!(journal.kind, PaperKind::Journal);
    assert_eq!(journal.authors[0].name, "Glynn, Peter W.");
    assert_eq!(journal.date, "2023-12", "date parts written as strings");
    assert_eq!(journal.venue.as_deref(), Some("Stochastic Systems"));
    assert_eq!(
        journal.issue.as_deref(),
        Some("4"),
        "a number where CSL has a string"
    );
    assert_eq!(journal.pages.as_deref(), Some("425--454"));
    assert_eq!(journal.doi.as_deref(), Some("10.1287/stsy.2022.0040"));
    assert!(journal.summary.starts_with("Poisson's equation"));
}

#[test]
fn an_arxiv_item_is_a_preprint_with_its_identifier() {
    let import = parse_csl_json(&source("papers.json")).expect("JSON");
    let preprint = &import.papers[1];
    assert_eq!(preprint.kind, PaperKind::Preprint);
    assert_eq!(preprint.arxiv.as_deref(), Some("2506.06278"));
    assert_eq!(preprint.doi, None, "the arXiv DOI is the arXiv identifier");
    assert_eq!(preprint.publisher, None, "arXiv is no publisher");
    assert!(preprint.links.is_empty(), "the arXiv URL is the identifier");
    assert_eq!(preprint.authors[1].name, "Team Shard", "a literal name");
    assert_eq!(preprint.tags, ["unlearning", "distillation"]);
}

#[test]
fn particles_arrays_raw_dates_and_editors() {
    let import = parse_csl_json(&source("papers.json")).expect("JSON");
    let conference = &import.papers[2];
    assert_eq!(conference.kind, PaperKind::Conference);
    assert_eq!(conference.authors[0].name, "Van Roy, Benjamin");
    assert_eq!(conference.date, "2024-07");
    assert_eq!(
        conference.venue.as_deref(),
        Some("Proceedings of the 41st International Conference on Machine Learning")
    );
    assert_eq!(conference.links[0].kind, LinkKind::Pdf);
    let thesis = &import.papers[3];
    assert_eq!(thesis.kind, PaperKind::Thesis);
    assert_eq!(
        thesis.authors[0].name, "Infanger, Alex",
        "editors when there are no authors"
    );
    assert_eq!(thesis.publisher.as_deref(), Some("Stanford University"));
}

#[test]
fn bad_items_are_reported_with_their_lines() {
    let import = parse_csl_json(&source("papers.json")).expect("JSON");
    let reported: Vec<(usize, String, bool)> = import
        .problems
        .iter()
        .map(|problem| (problem.line, problem.message.clone(), problem.skipped))
        .collect();
    assert_eq!(
        reported,
        [
            (35, "[3]: missing title".to_string(), true),
            (
                36,
                "[4] is not an item (an object): left out".to_string(),
                true
            ),
            (
                37,
                "[5]: \"doi-less\" in DOI is not a DOI: left out".to_string(),
                false
            ),
        ]
    );
}

#[test]
fn a_file_that_is_not_json_is_an_error_with_its_position() {
    let error = parse_csl_json("[\n  { \"title\": \"x\", }\n]").expect_err("not JSON");
    assert_eq!(error.line, 2);
    let single = parse_csl_json(r#"{ "type": "book", "title": "One", "author": [{ "family": "Ng" }], "issued": { "raw": "2001" } }"#)
        .expect("one item");
    assert_eq!(single.papers.len(), 1);
    assert_eq!(single.papers[0].id, "ng2001");
}

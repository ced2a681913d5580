//! The DBLP reader: a person file's records become papers, with DBLP's habits (informal CoRR
//! records, disambiguation numbers, the period after titles, entities and markup in titles).
#![cfg(not(target_arch = "wasm32"))]

mod sources;

use sources::{ids_of, source};

use vita::model::dblp::parse_dblp;
use vita::model::schema::{LinkKind, PaperKind};

#[test]
fn records_become_papers_with_their_fields() {
    let import = parse_dblp(&source("dblp.xml"));
    let ids = ids_of(&import.papers);
    assert_eq!(
        ids,
        ["infangerg24", "abs-2506-06278", "pfaui23", "infanger22"]
    );
    assert_eq!(import.lines, [7, 19, 31, 41]);
    let journal = &import.papers[0];
    assert_eq!(journal.kind, PaperKind::Journal);
    assert_eq!(
        journal.title,
        "A posteriori error bounds for truncated Markov chain linear systems arising from first transition analysis",
        "without DBLP's final period"
    );
    assert_eq!(journal.venue.as_deref(), Some("Oper. Res. Lett."));
    assert_eq!(journal.volume.as_deref(), Some("53"));
    assert_eq!(journal.doi.as_deref(), Some("10.1016/j.orl.2024.107092"));
    assert_eq!(journal.links[0].kind, LinkKind::Dblp);
    assert_eq!(
        journal.links[0].url,
        "https://dblp.org/db/journals/orl/orl53.html#InfangerG24"
    );
}

#[test]
fn informal_corr_records_are_preprints_with_their_arxiv_identifier() {
    let import = parse_dblp(&source("dblp.xml"));
    let preprint = &import.papers[1];
    assert_eq!(preprint.kind, PaperKind::Preprint);
    assert_eq!(preprint.arxiv.as_deref(), Some("2506.06278"));
    assert_eq!(preprint.doi, None);
    assert_eq!(preprint.venue, None, "CoRR is no venue");
    assert_eq!(preprint.volume, None);
    assert_eq!(
        preprint.authors[2].name, "Wei Wang",
        "without the disambiguation number"
    );
}

#[test]
fn entities_and_markup_in_titles_and_theses() {
    let import = parse_dblp(&source("dblp.xml"));
    let workshop = &import.papers[2];
    assert_eq!(workshop.kind, PaperKind::Workshop);
    assert_eq!(
        workshop.title,
        "Eliciting Language Model Behaviors using Reverse Language Models & Gödel's Help"
    );
    assert_eq!(workshop.pages.as_deref(), Some("1--12"));
    assert_eq!(workshop.links[0].kind, LinkKind::Pdf);
    let thesis = &import.papers[3];
    assert_eq!(thesis.kind, PaperKind::Thesis);
    assert_eq!(
        thesis.publisher.as_deref(),
        Some("Stanford University, USA")
    );
}

#[test]
fn a_record_without_a_year_is_reported_with_its_line() {
    let import = parse_dblp(&source("dblp.xml"));
    assert_eq!(import.problems.len(), 1, "{:?}", import.problems);
    let problem = &import.problems[0];
    assert_eq!(problem.line, 49);
    assert_eq!(problem.key.as_deref(), Some("journals/x/NoYear"));
    assert!(problem.message.contains("year") && problem.skipped);
}

#[test]
fn broken_files_are_reported_and_nothing_panics() {
    let import = parse_dblp("<dblpperson><r><article key=\"a\"><author>X</author><title>T</title>");
    assert_eq!(import.problems.len(), 1);
    assert!(
        import.problems[0].message.contains("ends inside"),
        "{:?}",
        import.problems
    );
    for text in [
        "",
        "<",
        "<<>>",
        "<article",
        "<article key=\"",
        "&#xFFFFFFFF;",
        "<r><article><title>&unknown;</title>",
    ] {
        let _ = parse_dblp(text);
    }
}

//! The RIS reader: records of every kind Google Scholar, EndNote and Zotero write become papers,
//! with the traps of real exports; a bad record is reported with its line and left out.
#![cfg(not(target_arch = "wasm32"))]

mod sources;

use sources::{ids_of, source};

use vita::model::ris::parse_ris;
use vita::model::schema::{LinkKind, PaperKind};

#[test]
fn records_become_papers_with_their_fields() {
    let import = parse_ris(&source("papers.ris"));
    let ids = ids_of(&import.papers);
    assert_eq!(
        ids,
        [
            "infanger2024posteriori",
            "lee2025distillation",
            "pfau-2023",
            "editor1999collected",
            "infanger2022truncation"
        ]
    );
    let journal = &import.papers[0];
    assert_eq!(journal.kind, PaperKind::Journal);
    assert_eq!(journal.authors[0].name, "Infanger, Alex");
    assert_eq!(journal.authors[1].name, "Glynn, Peter W.");
    assert_eq!(journal.date, "2024-03-01");
    assert_eq!(
        journal.venue.as_deref(),
        Some("Operations Research Letters")
    );
    assert_eq!(journal.volume.as_deref(), Some("57"));
    assert_eq!(journal.pages.as_deref(), Some("107092"));
    assert_eq!(
        journal.doi.as_deref(),
        Some("10.1016/j.orl.2024.107092"),
        "a resolver URL gives the DOI"
    );
    assert!(
        journal
            .summary
            .ends_with("wrapped onto a second line, as exports do."),
        "a line without a tag continues the abstract: {}",
        journal.summary
    );
    assert_eq!(journal.tags, ["Markov chains", "truncation"]);
    assert_eq!(
        import.lines[0], 1,
        "the record's first line, after the byte order mark"
    );
}

#[test]
fn an_arxiv_venue_makes_a_preprint_with_its_identifier() {
    let import = parse_ris(&source("papers.ris"));
    let preprint = &import.papers[1];
    assert_eq!(preprint.kind, PaperKind::Preprint);
    assert_eq!(
        preprint.arxiv.as_deref(),
        Some("2506.06278"),
        "from the URL, without its version"
    );
    assert_eq!(preprint.venue, None, "arXiv is no venue");
    assert!(
        preprint.links.is_empty(),
        "the arXiv URL is the identifier, not another link"
    );
}

#[test]
fn workshops_page_ranges_dates_and_pdfs() {
    let import = parse_ris(&source("papers.ris"));
    let workshop = &import.papers[2];
    assert_eq!(workshop.kind, PaperKind::Workshop);
    assert_eq!(workshop.date, "2023-12", "the most precise date given");
    assert_eq!(workshop.pages.as_deref(), Some("1--12"));
    assert_eq!(workshop.links[0].kind, LinkKind::Pdf);
    let book = &import.papers[3];
    assert_eq!(book.kind, PaperKind::Book);
    assert_eq!(
        book.authors[0].name, "Editor, Ed",
        "editors when there are no authors"
    );
    assert_eq!(book.date, "1999");
    assert_eq!(book.publisher.as_deref(), Some("Example Press"));
    assert_eq!(import.papers[4].kind, PaperKind::Thesis);
    assert_eq!(
        import.papers[4].publisher.as_deref(),
        Some("Stanford University")
    );
}

#[test]
fn bad_records_and_fields_are_reported_with_their_lines() {
    let import = parse_ris(&source("papers.ris"));
    let reported: Vec<(usize, &str, bool)> = import
        .problems
        .iter()
        .map(|problem| (problem.line, problem.message.as_str(), problem.skipped))
        .collect();
    assert!(
        reported.contains(&(38, "missing title (TI)", true)),
        "{reported:#?}"
    );
    assert!(
        reported.contains(&(44, "\"not-a-doi\" in DO is not a DOI: left out", false)),
        "{reported:#?}"
    );
    assert!(
        reported.iter().any(|(line, message, _)| *line == 52
            && message.starts_with("\"javascript:alert(1)\" in UR is not an http(s) URL")),
        "{reported:#?}"
    );
    assert!(
        reported.contains(&(52, "the file ends inside the record (no ER)", false)),
        "{reported:#?}"
    );
}

#[test]
fn windows_line_ends_alike_ids_and_an_unclosed_record() {
    let import = parse_ris(&source("reports.ris"));
    let ids = ids_of(&import.papers);
    assert_eq!(ids, ["infanger2021truncation", "infanger2021truncation-2"]);
    assert_eq!(import.papers[0].kind, PaperKind::Report);
    assert_eq!(import.papers[1].title, "Truncation notes, revised");
    assert_eq!(import.problems.len(), 1, "{:?}", import.problems);
}

#[test]
fn text_outside_records_is_reported_and_nothing_panics() {
    let import = parse_ris("AU  - Stray, Author\nnot a field\nER  -\n\nTY  - JOUR\n");
    let lines: Vec<usize> = import.problems.iter().map(|problem| problem.line).collect();
    assert_eq!(lines, [1, 2, 3, 5, 5, 5, 5], "{:#?}", import.problems);
    assert!(import.papers.is_empty());
    for text in ["", "TY  -", "TY  - \nER  -", "\u{feff}", "ZZ  - é\nTI  - x"] {
        let _ = parse_ris(text);
    }
}

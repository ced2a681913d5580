//! A site file with bibliography files: papers from `.bib` entries join the file's papers, and
//! every problem names where it came from.
#![cfg(not(target_arch = "wasm32"))]

use vita::model::dataset::{BibFile, assemble};
use vita::model::validate::has_errors;
use vita::model::{Severity, Site, parse_site_file};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn bib_site() -> (vita::model::SiteFile, Vec<vita::model::Problem>) {
    let file = parse_site_file(&fixture("bib-site/site.json")).expect("parses");
    assemble(
        file,
        &[BibFile {
            path: "papers.bib".into(),
            text: fixture("bib-site/papers.bib"),
        }],
        &[],
    )
}

#[test]
fn bib_entries_become_papers_beside_the_json_ones() {
    let (file, problems) = bib_site();
    assert!(!has_errors(&problems), "{problems:#?}");
    assert_eq!(file.papers.len(), 10);
    assert_eq!(
        file.papers[0].id, "notes",
        "the file's own papers come first"
    );
    let site = Site::new(file);
    let godel = site.papers().iter().find(|paper| {
        paper
            .authors
            .iter()
            .any(|author| author.name == "Kurt Gödel")
    });
    assert!(godel.is_some(), "LaTeX accents in .bib names are decoded");
}

#[test]
fn entries_that_cannot_be_read_are_warnings_naming_file_and_line() {
    let (_, problems) = bib_site();
    let reading: Vec<String> = problems
        .iter()
        .filter(|problem| problem.path.starts_with("papers.bib line"))
        .map(ToString::to_string)
        .collect();
    assert!(reading.iter().all(|line| !line.is_empty()));
    assert!(
        problems
            .iter()
            .filter(|problem| problem.path.starts_with("papers.bib line"))
            .all(|problem| problem.severity == Severity::Warning)
    );
    assert!(reading.contains(&"papers.bib line 56: broken:brace: missing closing brace (the entry runs into line 62); the entry is left out".to_string()), "{reading:#?}");
    assert!(
        reading.contains(
            &"papers.bib line 96: noyear: missing year; the entry is left out".to_string()
        )
    );
    assert!(
        reading.contains(
            &"papers.bib line 62: after2023workshop: \"not-a-doi\" is not a DOI: left out"
                .to_string()
        ),
        "a field-level problem keeps the entry"
    );
}

#[test]
fn problems_of_bib_papers_name_the_entry_not_a_json_index() {
    let (_, problems) = bib_site();
    let unlinked = problems
        .iter()
        .find(|problem| problem.message.contains("spelled like person \"ada\""))
        .expect("the .bib's Ada Lovelace is flagged");
    assert_eq!(
        unlinked.path,
        "papers.bib (entry vonneumann-1945-edvac, line 45).authors[1]"
    );
}

#[test]
fn a_bib_paper_with_the_id_of_a_json_paper_is_an_error_at_its_entry() {
    let file = parse_site_file(&fixture("bib-site/site.json")).expect("parses");
    let bib =
        "@article{notes, title = {Another}, author = {Someone, A.}, year = 2020, journal = {J}}";
    let (_, problems) = assemble(
        file,
        &[BibFile {
            path: "extra.bib".into(),
            text: bib.into(),
        }],
        &[],
    );
    let duplicate = problems
        .iter()
        .find(|problem| problem.severity == Severity::Error)
        .expect("an error");
    assert_eq!(duplicate.path, "extra.bib (entry notes, line 1).id");
    assert!(
        duplicate
            .message
            .starts_with("duplicate id \"notes\": papers[0]"),
        "{duplicate}"
    );
}

#[test]
fn bibliography_paths_must_be_files_of_a_known_format_beside_the_site_file() {
    for path in [
        "../papers.bib",
        "/papers.bib",
        "https://example.org/papers.bib",
        "papers.txt",
    ] {
        let text = format!(
            r#"{{"site": {{"title": "t", "base_url": "https://example.org/"}}, "bibliography": ["{path}"]}}"#
        );
        let (_, problems) = assemble(parse_site_file(&text).expect("parses"), &[], &[]);
        assert_eq!(problems.len(), 1, "{path}: {problems:?}");
        assert_eq!(problems[0].path, "bibliography[0]");
    }
}

#[test]
fn a_file_whose_extension_does_not_name_its_format_says_it() {
    let text = r#"{"site": {"title": "t", "base_url": "https://example.org/"},
        "bibliography": [{ "file": "zotero-export.txt", "format": "csl-json" }]}"#;
    let csl = r#"[{ "id": "notes", "type": "article-journal", "title": "Notes", "author": [{ "family": "Lovelace", "given": "Ada" }], "issued": { "date-parts": [[1843]] }, "DOI": "10.1000/notes" }]"#;
    let (file, problems) = assemble(
        parse_site_file(text).expect("parses"),
        &[BibFile {
            path: "zotero-export.txt".into(),
            text: csl.into(),
        }],
        &[],
    );
    assert!(!has_errors(&problems), "{problems:#?}");
    assert_eq!(file.papers.len(), 1);
    assert_eq!(file.papers[0].doi.as_deref(), Some("10.1000/notes"));

    let unknown =
        r#"{"site": {"title": "t"}, "bibliography": [{ "file": "a.txt", "format": "endnote" }]}"#;
    let error = parse_site_file(unknown).expect_err("an unknown format");
    assert_eq!(error.path, "bibliography[0].format");
}

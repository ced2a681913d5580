//! One record per paper: the sources fixture's BibTeX, CSL-JSON, RIS and DBLP files share papers
//! with each other and with the site file, and each paper is listed once, its fields taken by
//! precedence, each merge noted with its reason.
#![cfg(not(target_arch = "wasm32"))]

mod sources;

use sources::{ids_of, source};

use vita::model::dataset::{BibFile, assemble};
use vita::model::merge::{SameBecause, merge_papers};
use vita::model::schema::{Author, Paper, PaperKind, PaperStatus};
use vita::model::validate::has_errors;
use vita::model::{Problem, Severity, Site, SiteFile, parse_site_file};

fn sources_site() -> (SiteFile, Vec<Problem>) {
    let file = parse_site_file(&source("site.json")).expect("parses");
    let bibliographies: Vec<BibFile> = ["papers.bib", "papers.json", "papers.ris", "dblp.xml"]
        .into_iter()
        .map(|path| BibFile {
            path: path.into(),
            text: source(path),
        })
        .collect();
    assemble(file, &bibliographies, &[])
}

#[test]
fn each_paper_of_four_sources_is_listed_once() {
    let (file, problems) = sources_site();
    assert!(!has_errors(&problems), "{problems:#?}");
    let ids = ids_of(&file.papers);
    assert_eq!(
        ids,
        [
            "poisson-equation",
            "infanger2023posteriori",
            "lee2025distillation",
            "vanroy2024neural",
            "thesis2022",
            "pfau-2023",
            "editor1999collected",
            "pfaui23",
        ]
    );
    let site = Site::new(file);
    let alex = site.person("alex-infanger").expect("the owner");
    assert_eq!(
        site.papers_of(alex).len(),
        6,
        "no author page counts a paper twice"
    );
}

#[test]
fn the_site_file_comes_first_and_later_sources_fill_what_it_lacks() {
    let (file, _) = sources_site();
    let poisson = &file.papers[0];
    assert_eq!(poisson.venue.as_deref(), Some("Stochastic Systems"));
    assert_eq!(
        poisson.volume.as_deref(),
        Some("13"),
        "from the CSL-JSON record"
    );
    assert_eq!(poisson.pages.as_deref(), Some("425--454"));
    assert!(
        poisson.summary.starts_with("Poisson's equation"),
        "the abstract the site file lacks"
    );
    assert!(poisson.selected, "the site file's own fields stay");
}

#[test]
fn a_preprint_and_its_publication_become_the_published_paper_with_both_identifiers() {
    let (file, _) = sources_site();
    let paper = &file.papers[1];
    assert_eq!(paper.kind, PaperKind::Journal);
    assert_eq!(paper.status(), PaperStatus::Published);
    assert_eq!(
        paper.date, "2024-03-01",
        "listed under the year it was published"
    );
    assert_eq!(paper.venue.as_deref(), Some("Operations Research Letters"));
    assert_eq!(paper.doi.as_deref(), Some("10.1016/j.orl.2024.107092"));
    assert_eq!(paper.arxiv.as_deref(), Some("2301.01234"), "its preprint");
    assert!(
        paper
            .summary
            .starts_with("Computable lower and upper bounds"),
        "the first source's abstract"
    );
    let distillation = &file.papers[2];
    assert_eq!(distillation.kind, PaperKind::Preprint);
    assert!(
        distillation
            .links
            .iter()
            .any(|link| link.url.ends_with("/code")),
        "links are united"
    );
}

#[test]
fn every_merge_is_noted_with_its_sources_and_reason() {
    let (_, problems) = sources_site();
    let notes: Vec<String> = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Note)
        .map(ToString::to_string)
        .collect();
    for expected in [
        "papers.json (entry glynn2023solution, line 2): merged into papers[0] (\"poisson-equation\"): the same DOI",
        "papers.ris (entry infanger2024posteriori, line 1): merged into papers.bib (entry infanger2023posteriori, line 2) (\"infanger2023posteriori\"): its preprint: the same title and authors",
        "dblp.xml (entry infangerg24, line 7): merged into papers.bib (entry infanger2023posteriori, line 2) (\"infanger2023posteriori\"): the same DOI",
        "papers.ris (entry lee2025distillation, line 16): merged into papers.bib (entry lee2025distillation, line 11) (\"lee2025distillation\"): the same arXiv identifier",
        "papers.ris (entry infanger2022truncation, line 52): merged into papers.json (entry thesis2022, line 37) (\"thesis2022\"): the same title, authors and year",
    ] {
        assert!(
            notes.iter().any(|note| note == expected),
            "{expected}\nin {notes:#?}"
        );
    }
    assert_eq!(notes.len(), 8, "{notes:#?}");
}

fn paper(id: &str, title: &str, authors: &[&str], date: &str, kind: PaperKind) -> Paper {
    serde_json::from_value(serde_json::json!({
        "id": id, "title": title, "authors": authors, "date": date, "kind": kind.as_str()
    }))
    .expect("a paper")
}

#[test]
fn papers_of_the_same_title_are_one_only_with_compatible_authors_and_year() {
    let journal = PaperKind::Journal;
    let papers = vec![
        paper(
            "a",
            "On Engines",
            &["Ada Lovelace", "C. Babbage"],
            "1843",
            journal,
        ),
        paper("b", "On engines.", &["A. Lovelace"], "1843", journal),
        paper("c", "On Engines", &["Mary Somerville"], "1843", journal),
        paper("d", "On Engines", &["Ada Lovelace"], "1850", journal),
    ];
    let merged = merge_papers(papers);
    let (left, moved, merges) = (merged.papers, merged.moved, merged.merges);
    let ids = ids_of(&left);
    assert_eq!(
        ids,
        ["a", "c", "d"],
        "other authors, or another year of a publication, are another paper"
    );
    assert_eq!(moved, [0, 0, 1, 2]);
    assert_eq!(merges.len(), 1);
    assert_eq!(merges[0].because, SameBecause::Title);
    assert_eq!(
        left[0].authors[0],
        Author::named("Ada Lovelace"),
        "the first source's names"
    );
}

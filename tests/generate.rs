//! The `vita-gen` command: valid, deterministic data of the requested size, with the author names
//! real data has (accents, LaTeX accents, "Last, First", initials of the same person).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use vita::model::cluster::AuthorIndex;
use vita::model::dataset::assemble;
use vita::model::names::{self, compatible};
use vita::model::validate::has_errors;
use vita::model::{SiteFile, parse_site_file};

const PAPERS: usize = 300;

/// Runs `vita-gen` and returns the text it wrote.
fn generate(papers: usize, seed: u64) -> String {
    // Tests run in parallel: each run writes a file of its own.
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("vita-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let out = dir.join(format!(
        "site-{}.json",
        RUNS.fetch_add(1, Ordering::Relaxed)
    ));
    let status = Command::new(env!("CARGO_BIN_EXE_vita-gen"))
        .args([
            "--papers",
            &papers.to_string(),
            "--seed",
            &seed.to_string(),
            "--out",
        ])
        .arg(&out)
        .status()
        .expect("vita-gen runs");
    assert!(status.success(), "vita-gen failed: {status}");
    let text = std::fs::read_to_string(&out).expect("vita-gen wrote its file");
    std::fs::remove_file(&out).ok();
    text
}

fn generated() -> SiteFile {
    parse_site_file(&generate(PAPERS, 7)).expect("the generated file parses")
}

fn author_names(file: &SiteFile) -> Vec<&str> {
    file.papers
        .iter()
        .flat_map(|paper| &paper.authors)
        .map(|author| author.name.as_str())
        .collect()
}

#[test]
fn generated_data_is_valid_with_few_warnings() {
    let (file, problems) = assemble(generated(), &[], &[]);
    assert!(!has_errors(&problems), "{problems:#?}");
    assert!(
        problems.len() <= PAPERS / 100,
        "too many warnings: {problems:#?}"
    );
    assert_eq!(file.papers.len(), PAPERS);
}

#[test]
fn the_file_has_the_requested_papers_with_news_and_activity_in_proportion() {
    let file = generated();
    assert_eq!(file.papers.len(), PAPERS);
    assert_eq!(file.news.len(), PAPERS / 20);
    assert_eq!(file.activity.len(), PAPERS / 10);
    assert_eq!(file.people.len(), 20);
    assert!(file.people.iter().all(|person| !person.bio.is_empty()
        && person.email.is_some()
        && !person.links.is_empty()));
}

#[test]
fn every_paper_has_2_to_30_authors_mostly_3_to_6() {
    let file = generated();
    let counts: Vec<usize> = file
        .papers
        .iter()
        .map(|paper| paper.authors.len())
        .collect();
    assert!(
        counts.iter().all(|count| (2..=30).contains(count)),
        "{counts:?}"
    );
    let typical = counts
        .iter()
        .filter(|count| (3..=6).contains(*count))
        .count();
    assert!(
        typical > PAPERS / 2,
        "only {typical} papers have 3 to 6 authors"
    );
    assert!(
        counts.iter().any(|&count| count > 12),
        "no long author list"
    );
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_differs() {
    let first = generate(PAPERS, 3);
    assert_eq!(first, generate(PAPERS, 3));
    assert_ne!(first, generate(PAPERS, 4));
}

#[test]
fn names_come_accented_in_latex_inverted_and_linked() {
    let file = generated();
    let names = author_names(&file);
    assert!(
        names
            .iter()
            .any(|name| !name.is_ascii() && !name.contains('\\')),
        "no accented name"
    );
    assert!(
        names.iter().any(|name| name.contains("{\\")),
        "no LaTeX accent"
    );
    assert!(
        names.iter().any(|name| name.contains(", ")),
        "no \"Last, First\" name"
    );
    let authors = || file.papers.iter().flat_map(|paper| &paper.authors);
    assert!(
        authors().any(|author| author.person.is_some()),
        "no author linked to a person"
    );
    assert!(
        authors().any(|author| author.orcid.is_some()),
        "no author with an ORCID iD"
    );
}

#[test]
fn some_authors_appear_both_with_initials_and_in_full() {
    let file = generated();
    let mut by_family: HashMap<String, Vec<names::ParsedName>> = HashMap::new();
    for name in author_names(&file) {
        let parsed = names::parse(name);
        by_family
            .entry(parsed.family.clone())
            .or_default()
            .push(parsed);
    }
    let variants = by_family.values().any(|spellings| {
        spellings.iter().any(|initial| {
            initial
                .given
                .first()
                .is_some_and(|given| given.is_initial())
                && spellings.iter().any(|full| {
                    full.given.first().is_some_and(|given| !given.is_initial())
                        && compatible(initial, full).is_some()
                })
        })
    });
    assert!(variants, "no \"A. Mallen\" / \"Alex Mallen\" pair");
}

/// Author clusters of a generated corpus of `papers` papers: each one's paper count, and whether
/// it is one of the site's people.
fn cluster_sizes(papers: usize) -> Vec<(usize, bool)> {
    let file = parse_site_file(&generate(papers, 5)).expect("the generated file parses");
    AuthorIndex::build(&file.papers, &file.people, &file.names)
        .entries()
        .iter()
        .map(|entry| (entry.papers, entry.is_person))
        .collect()
}

#[test]
fn author_names_grow_with_the_corpus_as_in_real_indexes() {
    let small = cluster_sizes(1_000).len() as f64;
    let large = cluster_sizes(8_000).len() as f64;
    // Heaps' law with an exponent of 0.75: eight times the papers, about 4.8 times the names.
    let growth = large / small;
    assert!(
        (8f64.powf(0.65)..8f64.powf(0.85)).contains(&growth),
        "{small} names at 1,000 papers, {large} at 8,000: growth {growth:.2}"
    );
}

#[test]
fn most_authors_write_one_or_two_papers_and_a_few_write_hundreds() {
    let sizes = cluster_sizes(8_000);
    let mut pool: Vec<usize> = sizes
        .iter()
        .filter(|(_, is_person)| !is_person)
        .map(|&(papers, _)| papers)
        .collect();
    pool.sort_unstable();
    let few = pool.iter().filter(|&&papers| papers <= 2).count();
    assert!(
        few * 2 > pool.len(),
        "{few} of {} names have 1 or 2 papers",
        pool.len()
    );
    let most = pool.last().copied().unwrap_or_default();
    assert!(most >= 100, "the most prolific name has only {most} papers");
}

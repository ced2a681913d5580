#![cfg(not(target_arch = "wasm32"))]
//! Paper filters: reading and writing their URL query, applying each filter, and facet counts
//! that leave out the facet's own filter.

use proptest::prelude::*;
use vita::model::filter::PaperFilter;
use vita::model::schema::AuthorPosition;
use vita::model::schema::{PaperKind, PaperStatus};
use vita::model::search::PaperIndex;
use vita::model::{Site, parse_site_file};

fn demo() -> (Site, PaperIndex) {
    let site = Site::new(
        parse_site_file(include_str!("../public/data/site.json")).expect("the demo parses"),
    );
    let index = PaperIndex::build(&site);
    (site, index)
}

fn filter(query: &str) -> PaperFilter {
    PaperFilter::from_query(
        query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (key.to_string(), value.to_string())
            }),
    )
}

/// The ids of the demo papers passing `query`, newest first.
fn passing(query: &str, person: Option<&str>) -> Vec<String> {
    let (site, index) = demo();
    filter(query)
        .apply(&site, &index, site.papers_newest_first(), person)
        .into_iter()
        .map(|paper| site.paper(paper).id.clone())
        .collect()
}

const INFANGER: Option<&str> = Some("alex-infanger");

#[test]
fn reads_every_field() {
    assert_eq!(
        filter(
            "q=markov chain&year=2022-2024&kind=journal,thesis&status=published&tag=truncation&position=first"
        ),
        PaperFilter {
            query: "markov chain".into(),
            years: Some((Some(2022), Some(2024))),
            kinds: vec![PaperKind::Journal, PaperKind::Thesis],
            status: Some(PaperStatus::Published),
            tags: vec!["truncation".into()],
            position: Some(AuthorPosition::First),
        }
    );
}

#[test]
fn reads_each_form_of_year() {
    assert_eq!(filter("year=2024").years, Some((Some(2024), Some(2024))));
    assert_eq!(filter("year=2024-").years, Some((Some(2024), None)));
    assert_eq!(filter("year=-2023").years, Some((None, Some(2023))));
    assert_eq!(
        filter("year=2023-2025").years,
        Some((Some(2023), Some(2025)))
    );
}

#[test]
fn ignores_unknown_keys_and_malformed_values() {
    let ignored = filter(
        "year=abc&year=-&year=20x4-&year=2024-2025-2026&status=draft&position=middle&page=2&kind=&tag=",
    );
    assert_eq!(ignored, PaperFilter::default());
    assert!(ignored.is_empty());
    assert_eq!(filter("kind=bogus,journal").kinds, [PaperKind::Journal]);
    assert_eq!(
        filter("year=2024&year=oops").years,
        Some((Some(2024), Some(2024))),
        "a malformed repeat keeps the earlier value"
    );
}

#[test]
fn lists_repeat_and_come_out_sorted_and_distinct() {
    let read = filter("tag=b,a&tag=a&kind=journal&kind=conference,journal");
    assert_eq!(read.tags, ["a", "b"]);
    assert_eq!(read.kinds, [PaperKind::Conference, PaperKind::Journal]);
}

#[test]
fn writes_only_set_fields_in_canonical_order() {
    let written = PaperFilter {
        position: Some(AuthorPosition::Last),
        tags: vec!["b".into(), "a".into()],
        kinds: vec![PaperKind::Thesis, PaperKind::Conference],
        years: Some((None, Some(2023))),
        query: "x y".into(),
        status: None,
    }
    .to_query();
    assert_eq!(
        written,
        [
            ("q", "x y".to_string()),
            ("year", "-2023".to_string()),
            ("kind", "conference,thesis".to_string()),
            ("tag", "a,b".to_string()),
            ("position", "last".to_string()),
        ]
    );
    assert!(PaperFilter::default().to_query().is_empty());
    assert_eq!(
        filter("year=2024").to_query(),
        [("year", "2024".to_string())]
    );
}

#[test]
fn empty_filter_keeps_every_candidate_in_order() {
    let (site, index) = demo();
    let candidates = [4, 0, 7];
    assert!(PaperFilter::default().is_empty());
    assert_eq!(
        PaperFilter::default().apply(&site, &index, &candidates, None),
        candidates
    );
}

#[test]
fn text_query_uses_the_index() {
    assert_eq!(
        passing("q=robustifies", None),
        ["distillation-robustifies-unlearning"]
    );
    assert_eq!(
        passing("q=truncation&kind=journal", None),
        ["a-posteriori-error-bounds"]
    );
}

#[test]
fn years_include_both_ends() {
    assert_eq!(passing("year=2022", None).len(), 4);
    assert_eq!(passing("year=2023-2024", None).len(), 5);
    assert_eq!(passing("year=2025-", None).len(), 4);
    assert_eq!(passing("year=-2022", None).len(), 4);
}

#[test]
fn kinds_match_any_listed() {
    assert_eq!(passing("kind=journal", None).len(), 2);
    assert_eq!(passing("kind=journal,conference", None).len(), 5);
    assert!(passing("kind=book", None).is_empty());
}

#[test]
fn status_defaults_by_kind() {
    assert_eq!(passing("status=published", None).len(), 6);
    let preprints = passing("status=preprint", None);
    assert_eq!(preprints.len(), 7);
    assert!(
        preprints.contains(&"reverse-language-models".to_string()),
        "a workshop paper marked preprint"
    );
}

#[test]
fn tags_match_all_listed_as_written() {
    assert_eq!(passing("tag=truncation", None).len(), 5);
    assert_eq!(
        passing("tag=Markov chains,error bounds", None),
        ["a-posteriori-error-bounds"]
    );
    assert!(
        passing("tag=markov chains", None).is_empty(),
        "tags compare case-sensitively"
    );
    assert!(passing("tag=truncation,unknown", None).is_empty());
}

#[test]
fn position_needs_a_person() {
    assert_eq!(
        passing("position=first", INFANGER),
        [
            "a-posteriori-error-bounds",
            "truncation-equilibrium-error-bounds",
            "truncation-continuous-state",
            "truncation-augmentation-convergence",
            "truncation-algorithms-thesis",
        ]
    );
    assert_eq!(
        passing("position=last", INFANGER),
        [
            "persian-rug",
            "poisson-equation-representations",
            "truncation-algorithms-thesis"
        ]
    );
    assert_eq!(
        passing("position=last", None).len(),
        13,
        "ignored without a person"
    );
}

#[test]
fn facets_count_each_option_with_the_other_filters() {
    let (site, index) = demo();
    let all = site.papers_newest_first();
    let facets = filter("kind=journal").facets(&site, &index, all, None);
    assert_eq!(
        facets.kinds,
        [
            (PaperKind::Conference, 3),
            (PaperKind::Journal, 2),
            (PaperKind::Workshop, 1),
            (PaperKind::Preprint, 6),
            (PaperKind::Thesis, 1),
        ],
        "the kind facet ignores the kind filter"
    );
    assert_eq!(
        facets.years,
        [(2024, 1), (2023, 1)],
        "other facets count journals only"
    );
    assert_eq!(facets.statuses, [(PaperStatus::Published, 2)]);
    assert_eq!(
        facets.tags,
        [
            ("Markov chains".to_string(), 2),
            ("central limit theorem".to_string(), 1),
            ("error bounds".to_string(), 1),
            ("Poisson's equation".to_string(), 1),
            ("truncation".to_string(), 1),
        ]
    );
    assert!(facets.positions.is_empty(), "no person, no positions");
}

#[test]
fn tag_facet_counts_papers_having_the_listed_tags_too() {
    let (site, index) = demo();
    let facets =
        filter("tag=truncation&year=2022").facets(&site, &index, site.papers_newest_first(), None);
    assert_eq!(
        facets.tags,
        [
            ("Markov chains".to_string(), 4),
            ("truncation".to_string(), 4)
        ]
    );
    assert_eq!(
        facets.years.first(),
        Some(&(2024, 1)),
        "years ignore the year filter"
    );
}

#[test]
fn facets_keep_selected_options_without_papers() {
    let (site, index) = demo();
    let facets = filter("year=1999&kind=book&tag=nothing&position=first").facets(
        &site,
        &index,
        site.papers_newest_first(),
        INFANGER,
    );
    assert!(facets.years.contains(&(1999, 0)));
    assert!(facets.kinds.contains(&(PaperKind::Book, 0)));
    assert!(facets.tags.contains(&("nothing".to_string(), 0)));
    assert_eq!(facets.positions, [(AuthorPosition::First, 0)]);
}

#[test]
fn position_facet_counts_first_and_last_authorships() {
    let (site, index) = demo();
    let all = site.papers_newest_first();
    let facets = filter("position=first").facets(&site, &index, all, INFANGER);
    assert_eq!(
        facets.positions,
        [(AuthorPosition::First, 5), (AuthorPosition::Last, 3)]
    );
    let facets = filter("q=thesis").facets(&site, &index, all, INFANGER);
    assert_eq!(
        facets.positions,
        [(AuthorPosition::First, 1), (AuthorPosition::Last, 1)]
    );
}

fn any_filter() -> impl Strategy<Value = PaperFilter> {
    let year = prop::option::of(1990..2030i32);
    (
        "[a-z é]{0,8}",
        prop::option::of(
            (year.clone(), year)
                .prop_filter("a bound", |(from, to)| from.is_some() || to.is_some()),
        ),
        prop::collection::vec(prop::sample::select(PaperKind::ALL.to_vec()), 0..4),
        prop::option::of(prop::sample::select(vec![
            PaperStatus::Preprint,
            PaperStatus::Published,
        ])),
        prop::collection::vec("[A-Za-z][a-z' ]{0,6}[a-z]", 0..4),
        prop::option::of(prop::sample::select(AuthorPosition::ALL.to_vec())),
    )
        .prop_map(
            |(query, years, kinds, status, tags, position)| PaperFilter {
                query,
                years,
                kinds,
                status,
                tags,
                position,
            },
        )
}

proptest! {
    #[test]
    fn to_query_round_trips(written in any_filter()) {
        let pairs = written.to_query();
        let read = PaperFilter::from_query(
            pairs.iter().map(|(key, value)| (key.to_string(), value.clone())),
        );
        let mut expected = written.clone();
        expected.kinds.sort();
        expected.kinds.dedup();
        expected.tags.sort();
        expected.tags.dedup();
        prop_assert_eq!(&read, &expected);
        prop_assert_eq!(read.to_query(), pairs);
        prop_assert_eq!(read.is_empty(), written.to_query().is_empty());
    }
}

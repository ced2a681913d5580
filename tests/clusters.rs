//! Author clusters: the exact-name tier with its author rows, certain merges (person links, aliases,
//! ORCIDs), the explained variant tier, curated splits, keys and co-authors.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::json;
use vita::model::cluster::{AuthorIndex, MergeReason};
use vita::model::{SiteFile, parse_site_file};

fn demo() -> SiteFile {
    parse_site_file(include_str!("../public/data/site.json")).expect("the demo parses")
}

fn index_of(file: &SiteFile) -> AuthorIndex {
    AuthorIndex::build(&file.papers, &file.people, &file.names)
}

fn titles(file: &SiteFile, papers: &[usize]) -> Vec<String> {
    let mut titles: Vec<String> = papers
        .iter()
        .map(|&index| file.papers[index].title.clone())
        .collect();
    titles.sort();
    titles
}

fn file(value: serde_json::Value) -> SiteFile {
    parse_site_file(&value.to_string()).expect("the case parses")
}

#[test]
fn alex_mallen_has_three_papers_in_two_author_rows() {
    let demo = demo();
    let index = index_of(&demo);
    let cluster = index.cluster("alex-mallen").expect("a cluster");
    assert_eq!(cluster.name, "Alex Mallen");
    assert_eq!(cluster.person, Some("alex-mallen"));
    assert_eq!(cluster.papers.len(), 3);
    assert_eq!(cluster.rows.len(), 2);
    let reasons: Vec<&MergeReason> = cluster.rows.iter().map(|member| &member.reason).collect();
    assert_eq!(reasons, [&MergeReason::PersonLink, &MergeReason::SameName]);
    assert_eq!(
        titles(&demo, &cluster.papers),
        [
            "Automatically Interpreting Millions of Features in Large Language Models",
            "Neural Networks Learn Statistics of Increasing Complexity",
            "Why Do Some Language Models Fake Alignment While Others Don't?",
        ]
    );
    assert!(cluster.variants.is_empty());
}

#[test]
fn co_authors_are_counted_by_shared_papers() {
    let demo = demo();
    let index = index_of(&demo);
    let cluster = index.cluster("alex-mallen").unwrap();
    let first = &cluster.coauthors[0];
    assert_eq!(
        (first.name, first.cluster, first.papers),
        ("Nora Belrose", "nora-belrose", 2)
    );
    assert_eq!(cluster.coauthors.len(), 11, "{:?}", cluster.coauthors);
    assert!(
        cluster.coauthors[1..]
            .iter()
            .all(|coauthor| coauthor.papers == 1)
    );
}

#[test]
fn a_persons_aliases_merge_for_certain() {
    let demo = demo();
    let index = index_of(&demo);
    let cluster = index.cluster("alex-infanger").unwrap();
    assert_eq!(cluster.papers.len(), 10);
    let mut names: Vec<&str> = cluster
        .rows
        .iter()
        .map(|member| member.row.name.as_str())
        .collect();
    names.sort();
    assert_eq!(names, ["A. Infanger", "Alex Infanger"]);
    assert_eq!(index.resolve("a-infanger"), Some("alex-infanger"));
    assert_eq!(
        index.resolve("alex-d-infanger"),
        Some("alex-infanger"),
        "an alias no paper uses"
    );
}

#[test]
fn initials_appear_as_explained_variants_not_merged() {
    let demo = demo();
    let index = index_of(&demo);
    let julian = index.cluster("julian-michael").unwrap();
    assert_eq!(julian.papers.len(), 1);
    assert_eq!(julian.variants.len(), 1);
    let variant = &julian.variants[0];
    assert_eq!((variant.name, variant.cluster), ("J. Michael", "j-michael"));
    assert_eq!(
        variant
            .reasons
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["initial J. matches Julian"]
    );
    assert_eq!(
        titles(&demo, &variant.papers),
        ["Eliciting Language Model Behaviors using Reverse Language Models"]
    );

    let initials = index.cluster("a-sheshadri").unwrap();
    assert_eq!(initials.variants[0].name, "Abhay Sheshadri");
}

#[test]
fn exact_matches_ignore_case_accents_latex_and_order() {
    let file = file(json!({
        "site": { "title": "t" },
        "papers": [
            { "id": "a", "title": "A", "date": "2020", "kind": "journal", "authors": ["Gonçalo Paulo"] },
            { "id": "b", "title": "B", "date": "2021", "kind": "journal", "authors": ["PAULO, Gon{\\c{c}}alo"] },
            { "id": "c", "title": "C", "date": "2022", "kind": "journal", "authors": ["Goncalo Paulo"] }
        ]
    }));
    let index = index_of(&file);
    let cluster = index.cluster("goncalo-paulo").unwrap();
    assert_eq!((cluster.papers.len(), cluster.rows.len()), (3, 3));
    assert_eq!(
        cluster.name, "Gonçalo Paulo",
        "ties go to the spelling first seen in the file"
    );
    assert!(
        cluster
            .rows
            .iter()
            .all(|member| member.reason == MergeReason::SameName)
    );
}

#[test]
fn a_shared_orcid_merges_different_spellings() {
    let file = file(json!({
        "site": { "title": "t" },
        "papers": [
            { "id": "a", "title": "A", "date": "2020", "kind": "journal",
              "authors": [{ "name": "Jane Q. Doe", "orcid": "0000-0002-1825-0097" }] },
            { "id": "b", "title": "B", "date": "2021", "kind": "journal",
              "authors": [{ "name": "J. Doe", "orcid": "0000-0002-1825-0097" }] },
            { "id": "c", "title": "C", "date": "2022", "kind": "journal",
              "authors": [{ "name": "Jane Q. Doe", "orcid": "0000-0002-1825-0097" }] }
        ]
    }));
    let index = index_of(&file);
    let cluster = index.cluster("jane-q-doe").unwrap();
    assert_eq!(cluster.papers.len(), 3);
    let initials = cluster
        .rows
        .iter()
        .find(|member| member.row.name == "J. Doe")
        .expect("merged");
    assert_eq!(
        initials.reason,
        MergeReason::Orcid("0000-0002-1825-0097".into())
    );
    assert_eq!(index.resolve("j-doe"), Some("jane-q-doe"));
}

#[test]
fn distinct_rules_keep_compatible_names_apart() {
    let mut value = json!({
        "site": { "title": "t" },
        "papers": [
            { "id": "a", "title": "A", "date": "2020", "kind": "journal", "authors": ["Julian Michael"] },
            { "id": "b", "title": "B", "date": "2021", "kind": "journal", "authors": ["J. Michael"] }
        ]
    });
    assert_eq!(
        index_of(&file(value.clone()))
            .cluster("julian-michael")
            .unwrap()
            .variants
            .len(),
        1
    );
    value["names"] = json!({ "distinct": [["J. Michael", "Julian Michael"]] });
    assert!(
        index_of(&file(value))
            .cluster("julian-michael")
            .unwrap()
            .variants
            .is_empty()
    );
}

#[test]
fn the_same_name_linked_to_another_person_is_split_off() {
    let file = file(json!({
        "site": { "title": "t" },
        "people": [
            { "id": "sam-lee", "name": "Sam Lee" },
            { "id": "sam-lee-2", "name": "Samuel Lee", "aliases": [] }
        ],
        "papers": [
            { "id": "a", "title": "A", "date": "2020", "kind": "journal", "authors": [{ "name": "Sam Lee", "person": "sam-lee" }] },
            { "id": "b", "title": "B", "date": "2021", "kind": "journal", "authors": [{ "name": "Sam Lee", "person": "sam-lee-2" }] },
            { "id": "c", "title": "C", "date": "2022", "kind": "journal", "authors": ["Sam Lee"] }
        ]
    }));
    let index = index_of(&file);
    let sam = index.cluster("sam-lee").unwrap();
    assert_eq!(sam.papers, [0, 2]);
    assert_eq!(sam.split.len(), 1);
    assert_eq!(sam.split[0].person.as_deref(), Some("sam-lee-2"));
    let samuel = index.cluster("samuel-lee").unwrap();
    assert_eq!(samuel.papers, [1]);
    assert!(
        samuel.variants.is_empty(),
        "two people in the data are never variants of each other"
    );
}

#[test]
fn the_index_lists_every_name_with_its_paper_count() {
    let demo = demo();
    let index = index_of(&demo);
    let entries = index.entries();
    let mallen = entries
        .iter()
        .find(|entry| entry.key == "alex-mallen")
        .unwrap();
    assert_eq!(
        (mallen.name, mallen.papers, mallen.is_person),
        ("Alex Mallen", 3, true)
    );
    let belrose = entries
        .iter()
        .find(|entry| entry.key == "nora-belrose")
        .unwrap();
    assert_eq!((belrose.papers, belrose.is_person), (2, false));
    let distinct_authors: std::collections::HashSet<String> = demo
        .papers
        .iter()
        .flat_map(|paper| &paper.authors)
        .map(|author| vita::model::names::key(&author.name))
        .collect();
    // "A. Infanger" and "Alex Infanger" are one entry.
    assert_eq!(entries.len(), distinct_authors.len() - 1);
    assert!(entries.windows(2).all(|pair| pair[0].key < pair[1].key));
}

#[test]
fn every_author_occurrence_maps_to_its_row_in_order() {
    let demo = demo();
    let index = index_of(&demo);
    for (paper_index, paper) in demo.papers.iter().enumerate() {
        let rows: Vec<String> = index
            .rows_of_paper(paper_index)
            .map(|row| row.name.clone())
            .collect();
        let names: Vec<String> = paper
            .authors
            .iter()
            .map(|author| vita::model::names::display_name(&author.name))
            .collect();
        assert_eq!(rows, names, "{}", paper.id);
    }
}

#[test]
fn a_cluster_page_names_its_hundred_most_frequent_coauthors_and_counts_the_rest() {
    let papers: Vec<serde_json::Value> = (0..130)
        .map(|number| {
            let mut authors = vec!["Ada Prolific".to_string(), format!("Co Author{number}")];
            if number < 3 {
                authors.push("Frequent Friend".to_string());
            }
            json!({
                "id": format!("p{number}"), "title": format!("Paper {number}"),
                "authors": authors, "date": "2024", "kind": "journal"
            })
        })
        .collect();
    let site = vita::model::Site::new(file(json!({
        "site": { "title": "T", "description": "D" },
        "papers": papers,
    })));
    let (summary, shown) = site.cluster_summary("ada-prolific").expect("a cluster");
    assert_eq!(shown.len(), 130);
    assert_eq!(
        summary.coauthors.len(),
        vita::model::cluster::COAUTHORS_SHOWN
    );
    assert_eq!(summary.more_coauthors, 131 - 100);
    assert_eq!(summary.coauthors[0].name, "Frequent Friend");
    assert_eq!(summary.coauthors[0].papers, 3);
}

#[test]
fn a_cluster_page_names_the_newest_papers_of_each_compatible_name_and_counts_the_rest() {
    let mut papers = vec![json!({
        "id": "full", "title": "By the full name", "authors": ["Alex Eriksson"],
        "date": "2020", "kind": "journal"
    })];
    papers.extend((0..8).map(|number| {
        json!({
            "id": format!("i{number}"), "title": format!("Initial {number}"),
            "authors": ["A. Eriksson"], "date": format!("{}", 2010 + number), "kind": "journal"
        })
    }));
    let site = vita::model::Site::new(file(json!({
        "site": { "title": "T", "description": "D" },
        "papers": papers,
    })));
    let (summary, _) = site.cluster_summary("alex-eriksson").expect("a cluster");
    let variant = &summary.variants[0];
    assert_eq!((variant.name.as_str(), variant.papers), ("A. Eriksson", 8));
    let newest: Vec<&str> = variant
        .newest
        .iter()
        .map(|paper| paper.id.as_str())
        .collect();
    assert_eq!(newest, ["i7", "i6", "i5", "i4", "i3"]);
    assert_eq!(newest.len(), vita::model::cluster::VARIANT_PAPERS_SHOWN);
    let html = vita::render::pages::cluster_footer(&summary);
    assert!(html.contains("Initial 3</a> (2013)") && !html.contains("Initial 2<"));
    assert!(
        html.contains(r#"<a href="/authors/a-eriksson/">and 3 more papers</a>"#),
        "{html}"
    );
}

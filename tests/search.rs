#![cfg(not(target_arch = "wasm32"))]
//! Search: tokenizing and folding, prefix matching of every term, what the paper index covers,
//! highlight ranges and the ranking of the site-wide quick search; checked against a naive
//! implementation of the same rule on random corpora.

use proptest::prelude::*;
use serde_json::{Value, json};
use vita::model::fold::fold;
use vita::model::markdown::to_plain_text;
use vita::model::names::display_name;
use vita::model::search::{
    HitKind, PaperIndex, PaperIndexBuilder, Query, SiteIndex, SiteIndexBuilder, highlight_ranges,
};
use vita::model::{Site, parse_site_file};

fn demo() -> Site {
    Site::new(parse_site_file(include_str!("../public/data/site.json")).expect("the demo parses"))
}

fn site(value: Value) -> Site {
    Site::new(parse_site_file(&value.to_string()).expect("the case parses"))
}

/// A site with one paper per title, each with one author and the given abstract.
fn papers(papers: &[(&str, &str)]) -> Site {
    let papers: Vec<Value> = papers
        .iter()
        .enumerate()
        .map(|(index, (title, summary))| {
            json!({
                "id": format!("p{index}"), "title": title, "authors": ["A. Author"],
                "date": "2020", "kind": "preprint", "abstract": summary,
            })
        })
        .collect();
    site(json!({ "site": { "title": "Test" }, "papers": papers }))
}

/// Titles of the papers matching `query`, in file order.
fn found(site: &Site, query: &str) -> Vec<String> {
    let index = PaperIndex::build(site);
    let all: Vec<usize> = (0..site.papers().len()).collect();
    index
        .matching(&Query::parse(query), &all)
        .into_iter()
        .map(|paper| site.paper(paper).title.clone())
        .collect()
}

fn marked<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
    highlight_ranges(text, &Query::parse(query))
        .into_iter()
        .map(|range| &text[range])
        .collect()
}

#[test]
fn unlearning_matches_only_the_distillation_paper() {
    assert_eq!(
        found(&demo(), "unlearning"),
        ["Distillation Robustifies Unlearning"]
    );
}

#[test]
fn every_term_must_match() {
    let demo = demo();
    assert_eq!(
        found(&demo, "dist rob"),
        ["Distillation Robustifies Unlearning"]
    );
    assert_eq!(found(&demo, "robustifies markov"), Vec::<String>::new());
}

#[test]
fn terms_match_the_start_of_words_only() {
    let demo = demo();
    assert_eq!(
        found(&demo, "unlearn"),
        ["Distillation Robustifies Unlearning"]
    );
    assert_eq!(found(&demo, "learning dynamics").len(), 1);
    assert!(!found(&demo, "earning").contains(&"Distillation Robustifies Unlearning".to_string()));
}

#[test]
fn matching_ignores_case_and_accents() {
    let demo = demo();
    let expected = ["Automatically Interpreting Millions of Features in Large Language Models"];
    assert_eq!(found(&demo, "goncalo"), expected);
    assert_eq!(found(&demo, "GONÇALO"), expected);
    assert_eq!(found(&demo, "Gonc\u{327}alo"), expected);
}

#[test]
fn authors_venues_tags_years_and_abstracts_are_searched() {
    let demo = demo();
    assert_eq!(found(&demo, "mallen").len(), 3, "author");
    assert_eq!(
        found(&demo, "operations research"),
        [
            "A posteriori error bounds for truncated Markov chain linear systems arising from first transition analysis"
        ],
        "venue"
    );
    assert_eq!(
        found(&demo, "solar"),
        ["Eliciting Language Model Behaviors using Reverse Language Models"],
        "short venue"
    );
    assert_eq!(found(&demo, "evaluations").len(), 1, "tag");
    assert_eq!(found(&demo, "2022").len(), 4, "year");
    assert_eq!(
        found(&demo, "backwards"),
        ["Eliciting Language Model Behaviors using Reverse Language Models"],
        "abstract"
    );
}

#[test]
fn unknown_words_match_nothing() {
    assert!(found(&demo(), "zyzzyva").is_empty());
    assert!(found(&demo(), "markov zyzzyva").is_empty());
}

#[test]
fn empty_query_matches_everything_in_candidate_order() {
    let demo = demo();
    let index = PaperIndex::build(&demo);
    for text in ["", "  ", "-- ,"] {
        let query = Query::parse(text);
        assert!(query.is_empty());
        assert!(index.matches(&query).is_none());
        assert_eq!(index.matching(&query, &[3, 1, 2]), [3, 1, 2]);
    }
}

#[test]
fn matching_keeps_candidate_order() {
    let demo = demo();
    let index = PaperIndex::build(&demo);
    let newest = demo.papers_newest_first();
    let found = index.matching(&Query::parse("truncation"), newest);
    assert_eq!(found.len(), 5);
    let positions: Vec<usize> = found
        .iter()
        .map(|paper| newest.iter().position(|other| other == paper).unwrap())
        .collect();
    assert!(positions.is_sorted());
    assert_eq!(
        index.matches(&Query::parse("truncation")).unwrap().count(),
        5
    );
}

#[test]
fn frequent_and_rare_words_match_alike() {
    // Over 100 papers, a word in more than 3 of them is kept as a bit set, in fewer as a list.
    let titles: Vec<String> = (0..100)
        .map(|index| {
            let mut title = String::from("common");
            for (word, papers) in [("rare", 7..8), ("mixed", 0..50), ("middle", 10..13)] {
                if papers.contains(&index) {
                    title = format!("{title} {word}");
                }
            }
            title
        })
        .collect();
    let cases: Vec<(&str, &str)> = titles.iter().map(|title| (title.as_str(), "")).collect();
    let site = papers(&cases);
    let index = PaperIndex::build(&site);
    let count = |query: &str| index.matches(&Query::parse(query)).unwrap().count();
    let found = |query: &str| -> Vec<usize> {
        index
            .matches(&Query::parse(query))
            .unwrap()
            .iter()
            .collect()
    };
    assert_eq!(count("common"), 100);
    assert_eq!(found("rare"), [7]);
    assert_eq!(found("mid"), [10, 11, 12]);
    assert_eq!(count("mixed"), 50);
    assert_eq!(count("mi"), 50, "a list and a bit set joined");
    assert_eq!(found("r common mi"), [7]);
    assert_eq!(count("middle rare"), 0);
}

#[test]
fn words_split_at_punctuation() {
    let site = papers(&[
        ("Counting n-grams", ""),
        ("O’Brien's Lemma", ""),
        ("Unrelated", ""),
    ]);
    assert_eq!(found(&site, "grams"), ["Counting n-grams"]);
    assert_eq!(found(&site, "n-gram"), ["Counting n-grams"]);
    assert_eq!(found(&site, "brien"), ["O’Brien's Lemma"]);
    assert_eq!(found(&site, "o'brien"), ["O’Brien's Lemma"]);
}

#[test]
fn markdown_abstracts_are_searched_by_their_text() {
    let site = papers(&[
        (
            "Linked",
            "See [the code](https://github.com/x/y) and **bold** claims.",
        ),
        ("Listed", "1. first\n2. second"),
        ("Plain", "Plain prose, with punctuation: (yes)."),
        ("Inside", "An un*believ*able result."),
        ("Accent", "A _claim of lo_\u{301}gic_."),
        ("Accent before", "At the cafe\u{301}_s menu_."),
        ("Ticks", "Under `con`ditions."),
        (
            "Mathy",
            "A *bound* of $O(\\sqrt{T})$ on \\(\\ell_1\\) with **r_t** \\[ \\mathbb{E}[X] \\]",
        ),
    ]);
    assert_eq!(found(&site, "code"), ["Linked"]);
    assert_eq!(found(&site, "bold"), ["Linked"]);
    assert!(
        found(&site, "github").is_empty(),
        "link targets are not text"
    );
    assert_eq!(found(&site, "second"), ["Listed"]);
    assert_eq!(found(&site, "1"), ["Mathy"], "list markers are not text");
    assert_eq!(found(&site, "punctuation yes"), ["Plain"]);
    assert_eq!(found(&site, "unbelievable"), ["Inside"]);
    assert_eq!(found(&site, "logic"), ["Accent"]);
    assert_eq!(found(&site, "cafes"), ["Accent before"]);
    assert_eq!(found(&site, "conditions"), ["Ticks"]);
    assert!(
        found(&site, "able").is_empty(),
        "emphasis inside a word does not split it"
    );
    assert_eq!(found(&site, "bound sqrt ell r t mathbb"), ["Mathy"]);
}

#[test]
fn latex_in_author_names_is_decoded() {
    let site = site(json!({
        "site": { "title": "Test" },
        "papers": [{ "id": "p", "title": "Logic", "authors": ["Kurt G{\\\"o}del"], "date": "1931", "kind": "journal" }],
    }));
    assert_eq!(found(&site, "godel"), ["Logic"]);
}

#[test]
fn queries_fold_split_and_deduplicate() {
    assert_eq!(Query::parse("Dist-Rob  dist DIST").terms(), ["dist", "rob"]);
    assert_eq!(
        Query::parse("Gonçalo Straße").terms(),
        ["goncalo", "strasse"]
    );
}

#[test]
fn highlights_cover_the_matched_prefix_of_each_word() {
    assert_eq!(
        marked("Distillation Robustifies Unlearning", "rob dist"),
        ["Dist", "Rob"]
    );
    assert_eq!(
        marked("Distillation Robustifies", "zzz"),
        Vec::<&str>::new()
    );
    assert_eq!(marked("anything", ""), Vec::<&str>::new());
    assert_eq!(marked("Counting n-grams", "n gram"), ["n", "gram"]);
}

#[test]
fn highlights_map_folded_letters_back_to_the_original() {
    assert_eq!(marked("Gonçalo Paulo", "gonc"), ["Gonç"]);
    assert_eq!(marked("Gonçalo Paulo", "goncalo"), ["Gonçalo"]);
    assert_eq!(marked("Gonc\u{327}alo", "gonc"), ["Gonc\u{327}"]);
    assert_eq!(marked("Die Straße", "strass"), ["Straß"]);
    assert_eq!(
        marked("Die Straße", "stras"),
        ["Straß"],
        "ß is marked whole"
    );
    assert_eq!(marked("Die Straße", "strasse"), ["Straße"]);
}

#[test]
fn overlapping_terms_give_one_range() {
    let text = "Distillation distills";
    assert_eq!(
        highlight_ranges(text, &Query::parse("dist distillation")),
        [0..12, 13..17]
    );
}

#[test]
fn quick_search_ranks_people_before_papers_on_ties() {
    let hits = demo().quick_search(&Query::parse("mallen"), 10);
    assert_eq!(hits[0].kind, HitKind::Person);
    assert_eq!(hits[0].title, "Alex Mallen");
    assert_eq!(hits[0].person.as_deref(), Some("alex-mallen"));
    assert_eq!(hits.len(), 4);
    assert!(hits[1..].iter().all(|hit| hit.kind == HitKind::Paper));
}

#[test]
fn quick_search_ranks_title_matches_before_body_matches() {
    let site = papers(&[
        ("Horses", "Nothing like a zebra."),
        ("Zebra Stripes", "About horses."),
    ]);
    let titles = |query: &str| -> Vec<String> {
        site.quick_search(&Query::parse(query), 10)
            .into_iter()
            .map(|hit| hit.title)
            .collect()
    };
    assert_eq!(titles("zebra"), ["Zebra Stripes", "Horses"]);
    assert_eq!(titles("horse"), ["Horses", "Zebra Stripes"]);
    assert_eq!(
        titles("zebra horses"),
        ["Horses", "Zebra Stripes"],
        "file order on ties"
    );
}

#[test]
fn quick_search_finds_news_and_activity_with_their_person() {
    let demo = demo();
    let hits = demo.quick_search(&Query::parse("symposium"), 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, HitKind::News);
    assert_eq!(hits[0].person.as_deref(), Some("alex-infanger"));
    let item = demo.news().nth(hits[0].index).unwrap().item;
    assert!(item.text.contains("Symposium"));
    assert_eq!(hits[0].detail, "News · March 2025");

    let hits = demo.quick_search(&Query::parse("bounty"), 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, HitKind::Activity);
    assert_eq!(hits[0].person.as_deref(), Some("mark-xu"));
    let items = demo.activity_of("mark-xu");
    assert!(items[hits[0].index].0.body.contains("bounty"));
    assert!(hits[0].title.starts_with("Confirms that the bounty"));
}

#[test]
fn quick_search_describes_papers_and_respects_the_limit() {
    let demo = demo();
    let search = |query: &str, limit: usize| demo.quick_search(&Query::parse(query), limit);
    let hits = search("automatically interpreting", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, HitKind::Paper);
    assert_eq!(hits[0].detail, "Conference paper · ICML 2025");
    assert_eq!(search("markov", 2).len(), 2);
    assert!(search("", 10).is_empty());
    assert!(search("zyzzyva", 10).is_empty());
}

/// Words of `text` by the documented rule: fold, then split at anything not a letter or digit.
fn naive_words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

/// The words of each paper by the documented rule, from its fields.
fn naive_papers(site: &Site) -> Vec<Vec<String>> {
    (0..site.papers().len())
        .map(|index| {
            let paper = site.paper(index);
            let mut texts = vec![paper.title.clone(), to_plain_text(&paper.summary)];
            texts.extend(
                paper
                    .authors
                    .iter()
                    .map(|author| display_name(&author.name)),
            );
            texts.extend(paper.venue.iter().chain(&paper.venue_short).cloned());
            texts.extend(paper.tags.iter().cloned());
            texts.push(site.paper_date(index).year.to_string());
            texts.iter().flat_map(|text| naive_words(text)).collect()
        })
        .collect()
}

/// Whether every term of `query` starts one of `words`.
fn naive_match(words: &[String], query: &str) -> bool {
    naive_words(query)
        .iter()
        .all(|term| words.iter().any(|word| word.starts_with(term.as_str())))
}

fn text_from(alphabet: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(alphabet), 0..max).prop_map(|parts| parts.concat())
}

const LETTERS: &[&str] = &[
    "a", "b", "ab", "ba", "é", "É", "ß", "ç", "B", " ", " ", "-", "'",
];
const NAME: &[&str] = &[
    "a", "b", "É", "ß", " ", " ", ",", "-", "~", "{", "}", "\\'", "$",
];
const MARKDOWN: &[&str] = &[
    "a", "b", "ab", "é", "ß", "\u{301}", " ", " ", "\n", "1", "2.", "1)", "*", "**", "_", "[", "]",
    "](", ")", "<", ">", "&amp;", "#", "`", "~", "\\", "!", "-", "+", ".", ",", "'", "\"", "    ",
    "$", "\\(", "\\)", "\\[", "\\]", "{", "}", "^", "|",
];

/// Prose that Markdown leaves alone, or nearly: the index reads it without rendering it.
const PROSE: &[&str] = &[
    "a", "b", "é", " ", "\n", "\r\n", "\t", "    ", "1", "2.", "1)", "-", "+", ".", ",", ":", "!",
    "?", "'", "\"", "(", ")", "=", "%", "/", "---", "===",
];

/// Emphasis and math, as abstracts write them: read without rendering where words cannot change.
const EMPHASIS: &[&str] = &[
    "a", "b", "é", " ", " ", "\n", "*", "**", "_", "$", "\\(", "\\)", "\\[", "\\]", "{", "}", "^",
    "[", "]", "(", ")", "\\", ".", "1", "\u{301}",
];

fn corpus() -> impl Strategy<Value = Value> {
    let paper = (
        text_from(LETTERS, 8),
        prop::collection::vec(text_from(NAME, 6), 1..3),
        prop_oneof![
            text_from(MARKDOWN, 16),
            text_from(PROSE, 16),
            text_from(EMPHASIS, 16)
        ],
        prop::collection::vec(text_from(LETTERS, 4), 0..2),
        prop::option::of(text_from(LETTERS, 4)),
    );
    // Past 32 papers, words in few of them keep lists of papers rather than bit sets.
    prop::collection::vec(paper, 1..60).prop_map(|papers| {
        let papers: Vec<Value> = papers
            .into_iter()
            .enumerate()
            .map(|(index, (title, authors, summary, tags, venue))| {
                let authors: Vec<String> =
                    authors.into_iter().map(|name| format!("x{name}")).collect();
                json!({
                    "id": format!("p{index}"), "title": title, "authors": authors,
                    "date": format!("{}", 1950 + index), "kind": "preprint", "abstract": summary,
                    "tags": tags, "venue": venue,
                })
            })
            .collect();
        json!({ "site": { "title": "Random" }, "papers": papers })
    })
}

proptest! {
    #[test]
    fn index_agrees_with_the_naive_rule(corpus in corpus(), query in text_from(LETTERS, 6)) {
        let site = site(corpus);
        let index = PaperIndex::build(&site);
        // The words of each abstract's source and of its text: wherever reading Markdown as text
        // goes wrong, one of them matches the wrong papers.
        let mut queries = vec![query];
        for paper in site.papers() {
            queries.extend(naive_words(&paper.summary));
            queries.extend(naive_words(&to_plain_text(&paper.summary)));
        }
        queries.sort();
        queries.dedup();
        let papers = naive_papers(&site);
        for query in &queries {
            let matches = index.matches(&Query::parse(query));
            for (paper, words) in papers.iter().enumerate() {
                let expected = naive_match(words, query);
                let actual = matches.as_ref().is_none_or(|set| set.contains(paper));
                prop_assert_eq!(actual, expected, "paper {} for {:?}", paper, query);
            }
        }
    }

    #[test]
    fn highlight_ranges_are_sorted_disjoint_char_ranges(
        text in text_from(MARKDOWN, 24),
        query in text_from(LETTERS, 6),
    ) {
        let query = Query::parse(&query);
        let ranges = highlight_ranges(&text, &query);
        for range in &ranges {
            prop_assert!(range.start < range.end);
            prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            let marked = fold(&text[range.clone()]);
            prop_assert!(query.terms().iter().any(|term| marked.starts_with(term.as_str())));
        }
        for pair in ranges.windows(2) {
            prop_assert!(pair[0].end < pair[1].start);
        }
    }
}

#[test]
fn indexes_built_in_steps_equal_indexes_built_at_once() {
    let site = demo();
    for step in [1, 2, 5, 1000] {
        let mut papers = PaperIndexBuilder::default();
        let mut quick = SiteIndexBuilder::default();
        let mut rounds = 0;
        while !(papers.add_papers(&site, step) & quick.add(&site, step)) {
            rounds += 1;
        }
        assert_eq!(rounds, (site.papers().len() - 1) / step, "steps of {step}");
        assert_eq!(papers.finish(), PaperIndex::build(&site), "steps of {step}");
        assert_eq!(quick.finish(), SiteIndex::build(&site), "steps of {step}");
    }
}

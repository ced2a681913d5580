//! Validation: one failing fixture per rule, each problem reported at its JSON path, and every
//! problem of a file reported at once.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use vita::model::{Problem, Severity, parse_site_file, validate};

/// A small valid file that each case breaks in one place.
fn base() -> Value {
    json!({
        "site": { "title": "Test site", "updated": "2025-07-18", "base_url": "https://example.org/test/" },
        "people": [
            { "id": "ada", "name": "Ada Lovelace", "aliases": ["A. Lovelace"], "orcid": "0000-0002-1825-0097",
              "email": { "user": "ada", "domain": "example.org" },
              "links": [{ "kind": "website", "url": "https://example.org/ada" }] },
            { "id": "bob", "name": "Bob Byron" }
        ],
        "papers": [
            { "id": "engine", "title": "Notes on the Analytical Engine", "date": "1843-09",
              "kind": "journal", "venue": "Scientific Memoirs",
              "authors": [{ "name": "Ada Lovelace", "person": "ada" }, { "name": "Bob Byron", "person": "bob" }, "Charles Babbage"],
              "doi": "10.1000/engine", "arxiv": "2506.06278", "tags": ["computing"],
              "links": [{ "kind": "pdf", "url": "files/engine.pdf" }] }
        ],
        "news": [{ "date": "1843", "person": "ada", "text": "Published the notes.", "paper": "engine" }],
        "activity": [
            { "person": "bob", "kind": "post", "title": "On engines", "body": "Text." },
            { "person": "bob", "kind": "comment", "body": "Agreed." }
        ],
        "names": { "distinct": [["Charles Babbage", "Bob Byron"]] }
    })
}

fn problems_of(file: &Value) -> Vec<Problem> {
    let parsed = parse_site_file(&file.to_string()).expect("the case still parses");
    validate(&parsed)
}

/// Sets the value at a JSON pointer, creating nothing: the pointer's parent must exist.
fn with(mut file: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a parent");
    let parent = file
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    match parent {
        Value::Object(map) => {
            map.insert(key.to_string(), value);
        }
        Value::Array(items) => {
            let index: usize = key.parse().expect("an array index");
            if index == items.len() {
                items.push(value);
            } else {
                items[index] = value;
            }
        }
        _ => panic!("{pointer} is not inside an object or array"),
    }
    file
}

fn without(mut file: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a parent");
    if let Some(Value::Object(map)) = file.pointer_mut(parent) {
        map.remove(key);
    }
    file
}

/// Asserts that `file` has exactly one problem, of `severity`, at `path`, mentioning `words`.
fn assert_single(file: Value, severity: Severity, path: &str, words: &str) {
    let problems = problems_of(&file);
    assert_eq!(
        problems.len(),
        1,
        "expected one problem at {path}, got {problems:#?}"
    );
    let problem = &problems[0];
    assert_eq!(problem.severity, severity, "{problem}");
    assert_eq!(problem.path, path, "{problem}");
    assert!(
        problem.message.contains(words),
        "\"{}\" should mention \"{words}\"",
        problem.message
    );
}

/// Asserts that `file` has a problem of `severity` at `path` mentioning `words`, among others that
/// follow from the same change (an id changed breaks the references to it).
fn assert_reported(file: Value, severity: Severity, path: &str, words: &str) {
    let problems = problems_of(&file);
    assert!(
        problems.iter().any(|problem| problem.severity == severity
            && problem.path == path
            && problem.message.contains(words)),
        "expected a problem at {path} mentioning \"{words}\", got {problems:#?}"
    );
}

use Severity::{Error, Warning};

#[test]
fn the_base_fixture_is_clean() {
    assert_eq!(problems_of(&base()), Vec::new());
}

#[test]
fn a_site_without_base_url_is_told_what_it_goes_without() {
    assert_single(
        without(base(), "/site/base_url"),
        Warning,
        "site.base_url",
        "without sitemap.xml, the Sitemap line of robots.txt and the Atom feeds",
    );
}

#[test]
fn a_base_url_with_a_query_is_refused() {
    assert_single(
        with(base(), "/site/base_url", json!("https://example.org/?x=1")),
        Error,
        "site.base_url",
        "without query or fragment",
    );
}

#[test]
fn empty_site_title() {
    assert_single(
        with(base(), "/site/title", json!(" ")),
        Error,
        "site.title",
        "empty",
    );
}

#[test]
fn unknown_owner() {
    assert_single(
        with(base(), "/site/owner", json!("adda")),
        Error,
        "site.owner",
        r#"unknown person "adda" (did you mean "ada"?)"#,
    );
}

#[test]
fn invalid_updated_date() {
    assert_single(
        with(base(), "/site/updated", json!("2025-02-30")),
        Error,
        "site.updated",
        "invalid day",
    );
}

#[test]
fn invalid_base_url() {
    assert_single(
        with(base(), "/site/base_url", json!("example.org")),
        Error,
        "site.base_url",
        "http(s)",
    );
}

#[test]
fn invalid_person_id() {
    assert_reported(
        with(base(), "/people/1/id", json!("Bob Byron")),
        Error,
        "people[1].id",
        "not a valid id",
    );
}

#[test]
fn duplicate_person_id() {
    assert_reported(
        with(base(), "/people/1/id", json!("ada")),
        Error,
        "people[1].id",
        "duplicate id \"ada\": people[0]",
    );
}

#[test]
fn empty_person_name() {
    assert_single(
        with(base(), "/people/1/name", json!("")),
        Error,
        "people[1].name",
        "empty",
    );
}

#[test]
fn alias_of_two_people() {
    assert_single(
        with(base(), "/people/1/aliases", json!(["A Lovelace"])),
        Error,
        "people[1].aliases[0]",
        "also an alias of people[0]",
    );
}

#[test]
fn invalid_orcid_check_digit() {
    assert_single(
        with(base(), "/people/0/orcid", json!("0000-0002-1825-0098")),
        Error,
        "people[0].orcid",
        "not a valid ORCID",
    );
}

#[test]
fn email_with_at_sign() {
    assert_single(
        with(base(), "/people/0/email/user", json!("ada@example.org")),
        Error,
        "people[0].email.user",
        "without \"@\"",
    );
}

#[test]
fn javascript_link() {
    assert_single(
        with(
            base(),
            "/people/0/links/0/url",
            json!("javascript:alert(1)"),
        ),
        Error,
        "people[0].links[0].url",
        "not an http(s) URL",
    );
}

#[test]
fn root_relative_link_breaks_subpaths() {
    assert_single(
        with(base(), "/papers/0/links/0/url", json!("/files/engine.pdf")),
        Error,
        "papers[0].links[0].url",
        "\"files/engine.pdf\"",
    );
}

#[test]
fn other_link_without_label() {
    assert_single(
        with(base(), "/papers/0/links/0/kind", json!("other")),
        Error,
        "papers[0].links[0].label",
        "needs a label",
    );
}

#[test]
fn invalid_photo_url() {
    assert_single(
        with(
            base(),
            "/people/1/photo",
            json!("data:image/png;base64,AAAA"),
        ),
        Error,
        "people[1].photo",
        "http(s)",
    );
}

#[test]
fn duplicate_paper_id() {
    let second = with(
        base()["papers"][0].clone(),
        "/title",
        json!("Another title"),
    );
    let file = with(base(), "/papers/1", second);
    assert_single(
        file,
        Error,
        "papers[1].id",
        "duplicate id \"engine\": papers[0]",
    );
}

#[test]
fn empty_paper_title() {
    assert_single(
        with(base(), "/papers/0/title", json!("")),
        Error,
        "papers[0].title",
        "empty",
    );
}

#[test]
fn paper_without_authors() {
    assert_reported(
        with(base(), "/papers/0/authors", json!([])),
        Error,
        "papers[0].authors",
        "at least one author",
    );
}

#[test]
fn empty_author_name() {
    assert_reported(
        with(base(), "/papers/0/authors/1", json!("")),
        Error,
        "papers[0].authors[1].name",
        "empty",
    );
}

#[test]
fn unknown_author_person() {
    assert_single(
        with(base(), "/papers/0/authors/0/person", json!("adah")),
        Error,
        "papers[0].authors[0].person",
        r#"unknown person "adah" (did you mean "ada"?)"#,
    );
}

#[test]
fn invalid_author_orcid() {
    assert_single(
        with(
            base(),
            "/papers/0/authors/1",
            json!({ "name": "Bob Byron", "person": "bob", "orcid": "1234" }),
        ),
        Error,
        "papers[0].authors[1].orcid",
        "not a valid ORCID",
    );
}

#[test]
fn invalid_paper_date() {
    assert_single(
        with(base(), "/papers/0/date", json!("Sept 1843")),
        Error,
        "papers[0].date",
        "YYYY",
    );
}

#[test]
fn published_preprint() {
    let file = with(
        with(base(), "/papers/0/kind", json!("preprint")),
        "/papers/0/status",
        json!("published"),
    );
    assert_single(file, Error, "papers[0].status", "cannot be \"published\"");
}

#[test]
fn invalid_doi() {
    assert_single(
        with(
            base(),
            "/papers/0/doi",
            json!("https://doi.org/10.1000/engine"),
        ),
        Error,
        "papers[0].doi",
        "not a DOI",
    );
}

#[test]
fn invalid_arxiv_id() {
    assert_single(
        with(base(), "/papers/0/arxiv", json!("arXiv:2506.06278")),
        Error,
        "papers[0].arxiv",
        "not an arXiv identifier",
    );
}

#[test]
fn empty_tag() {
    assert_single(
        with(base(), "/papers/0/tags/0", json!(" ")),
        Error,
        "papers[0].tags[0]",
        "empty",
    );
}

#[test]
fn paper_without_links_warns() {
    let file = without(
        without(with(base(), "/papers/0/links", json!([])), "/papers/0/doi"),
        "/papers/0/arxiv",
    );
    assert_single(file, Warning, "papers[0].links", "no links");
}

#[test]
fn single_equal_contributor_warns() {
    assert_single(
        with(base(), "/papers/0/authors/0/equal", json!(true)),
        Warning,
        "papers[0].authors[0].equal",
        "only one author",
    );
}

#[test]
fn unlinked_author_spelled_like_a_person_warns() {
    assert_single(
        with(base(), "/papers/0/authors/0", json!("A. Lovelace")),
        Warning,
        "papers[0].authors[0]",
        "add \"person\": \"ada\"",
    );
}

#[test]
fn invalid_news_date() {
    assert_single(
        with(base(), "/news/0/date", json!("1843-13")),
        Error,
        "news[0].date",
        "invalid month",
    );
}

#[test]
fn news_of_unknown_person() {
    assert_single(
        with(base(), "/news/0/person", json!("carol")),
        Error,
        "news[0].person",
        "unknown person \"carol\"",
    );
}

#[test]
fn news_without_person_or_owner() {
    assert_single(
        without(base(), "/news/0/person"),
        Error,
        "news[0].person",
        "without a site owner",
    );
}

#[test]
fn news_without_person_belongs_to_the_owner() {
    let file = with(
        without(base(), "/news/0/person"),
        "/site/owner",
        json!("ada"),
    );
    assert_eq!(problems_of(&file), Vec::new());
}

#[test]
fn news_of_unknown_paper() {
    assert_single(
        with(base(), "/news/0/paper", json!("engines")),
        Error,
        "news[0].paper",
        r#"unknown paper "engines" (did you mean "engine"?)"#,
    );
}

#[test]
fn empty_news_text() {
    assert_single(
        with(base(), "/news/0/text", json!("")),
        Error,
        "news[0].text",
        "empty",
    );
}

#[test]
fn activity_of_unknown_person() {
    assert_single(
        with(base(), "/activity/0/person", json!("bobby")),
        Error,
        "activity[0].person",
        "unknown person",
    );
}

#[test]
fn invalid_activity_date() {
    assert_single(
        with(base(), "/activity/0/date", json!("yesterday")),
        Error,
        "activity[0].date",
        "invalid date",
    );
}

#[test]
fn post_without_title() {
    assert_single(
        without(base(), "/activity/0/title"),
        Error,
        "activity[0].title",
        "a post needs a title",
    );
}

#[test]
fn comment_without_body() {
    assert_single(
        with(base(), "/activity/1/body", json!("")),
        Error,
        "activity[1].body",
        "needs a body",
    );
}

#[test]
fn distinct_rule_with_one_name_twice() {
    assert_single(
        with(
            base(),
            "/names/distinct/0",
            json!(["Ada Lovelace", "LOVELACE, Ada"]),
        ),
        Error,
        "names.distinct[0]",
        "the same name",
    );
}

#[test]
fn distinct_rule_naming_no_author_warns() {
    assert_single(
        with(
            base(),
            "/names/distinct/0",
            json!(["Ada Lovelace", "C. Babbage"]),
        ),
        Warning,
        "names.distinct[0]",
        "no author is named \"C. Babbage\"",
    );
}

#[test]
fn people_sharing_a_name_warn() {
    assert_single(
        with(base(), "/people/1/name", json!("Ada Lovelace")),
        Warning,
        "people[1].name",
        "same name",
    );
}

#[test]
fn every_problem_is_reported_errors_first() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invalid/many-problems.json"
    ))
    .expect("fixture");
    let problems = validate(&parse_site_file(&text).expect("parses"));
    let rendered: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        rendered,
        [
            "site.owner: unknown person \"alex-malen\" (did you mean \"alex-mallen\"?)",
            "people[1].id: duplicate id \"alex-mallen\": people[0] has it too",
            "papers[0].authors[1].person: unknown person \"alex-malen\" (did you mean \"alex-mallen\"?)",
            "papers[0].date: invalid month in \"2025-13\": expected 01 to 12",
            "news[0].paper: unknown paper \"missing-paper\"",
            "people[1].name: people[0] has the same name: their papers are told apart only by \"person\" links",
            "papers[0].links: the paper has no links, DOI or arXiv id: readers cannot find the full text",
        ]
    );
    assert_eq!(
        problems
            .iter()
            .filter(|problem| problem.severity == Error)
            .count(),
        5
    );
}

//! Parsing data files: the demo parses, and broken files report path, position and reason.
#![cfg(not(target_arch = "wasm32"))]

use vita::model::parse_site_file;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn demo_data_parses() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/site.json"
    ))
    .expect("the demo data file exists");
    let file = parse_site_file(&text).expect("the demo data is valid");
    assert!(!file.people.is_empty());
}

#[test]
fn wrong_type_names_path_position_and_reason() {
    let error = parse_site_file(&fixture("broken/wrong-type.json")).unwrap_err();
    assert_eq!(error.path, "people[1].name");
    assert_eq!((error.line, error.column), (8, 29));
    assert_eq!(
        error.reason,
        "invalid type: integer `42`, expected a string"
    );
    assert_eq!(
        error.to_string(),
        "people[1].name: invalid type: integer `42`, expected a string (line 8, column 29)"
    );
}

#[test]
fn syntax_error_reports_line_and_column() {
    let error = parse_site_file(&fixture("broken/syntax-error.json")).unwrap_err();
    assert_eq!(error.reason, "trailing comma");
    assert_eq!((error.line, error.column), (4, 3));
}

#[test]
fn unknown_field_is_named() {
    let error = parse_site_file(&fixture("broken/unknown-field.json")).unwrap_err();
    assert_eq!(error.path, "people[0].affilation");
    assert!(
        error.reason.starts_with("unknown field `affilation`"),
        "{}",
        error.reason
    );
}

#[test]
fn trailing_content_after_the_document_is_an_error() {
    let error = parse_site_file(r#"{"site": {"title": "x"}} {}"#).unwrap_err();
    assert_eq!(error.path, "");
    assert_eq!(error.reason, "trailing characters");
}

#[test]
fn missing_required_field_is_named() {
    let error = parse_site_file(r#"{"people": []}"#).unwrap_err();
    assert_eq!(error.reason, "missing field `site`");
}

#[test]
fn owner_fixture_is_valid() {
    let file = parse_site_file(&fixture("owner-site.json")).expect("the owner fixture parses");
    assert_eq!(file.site.owner.as_deref(), Some("ada-lovelace"));
    assert_eq!(vita::model::validate(&file), Vec::new());
}

#[test]
fn authors_may_be_plain_names_or_objects() {
    let file = parse_site_file(&fixture("owner-site.json")).unwrap();
    let authors = &file.papers[0].authors;
    assert_eq!(authors[0].person.as_deref(), Some("ada-lovelace"));
    assert_eq!(authors[1].name, "L. F. Menabrea");
    assert_eq!(authors[1].person, None);
}

#[test]
fn an_author_object_with_an_unknown_field_is_named() {
    let text = r#"{"site": {"title": "t"}, "papers": [{"id": "a", "title": "A", "date": "2020", "kind": "journal",
        "authors": ["Ada", {"name": "Bob", "persn": "bob"}]}]}"#;
    let error = parse_site_file(text).unwrap_err();
    assert_eq!(error.path, "papers[0].authors[1].persn");
    assert!(
        error.reason.starts_with("unknown field `persn`"),
        "{}",
        error.reason
    );
}

#[test]
fn an_author_of_the_wrong_type_says_what_is_expected() {
    let text = r#"{"site": {"title": "t"}, "papers": [{"id": "a", "title": "A", "date": "2020", "kind": "journal",
        "authors": [42]}]}"#;
    let error = parse_site_file(text).unwrap_err();
    assert_eq!(error.path, "papers[0].authors[0]");
    assert_eq!(
        error.reason,
        "invalid type: integer `42`, expected an author name or an object with a \"name\""
    );
}

#[test]
fn an_unknown_link_kind_lists_the_known_ones() {
    let text = r#"{"site": {"title": "t"}, "people": [{"id": "a", "name": "A", "links": [{"kind": "myspace", "url": "https://x.org"}]}]}"#;
    let error = parse_site_file(text).unwrap_err();
    assert_eq!(error.path, "people[0].links[0].kind");
    assert!(
        error
            .reason
            .starts_with("unknown variant `myspace`, expected one of `website`"),
        "{}",
        error.reason
    );
}

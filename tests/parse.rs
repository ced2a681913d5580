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

mod every_problem_at_once {
    use vita::model::dataset::assemble_parsed;
    use vita::model::{Problem, SiteParseError, parse_site_checked};

    fn problems(text: &str) -> Vec<String> {
        let parsed = parse_site_checked(text.as_bytes()).expect("mended");
        described(&parsed.problems)
    }

    fn described(problems: &[Problem]) -> Vec<String> {
        problems
            .iter()
            .map(|problem| match problem.line {
                Some(line) => format!("{line}: {problem}"),
                None => problem.to_string(),
            })
            .collect()
    }

    #[test]
    fn a_valid_file_is_parsed_once_with_nothing_to_report() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/site.json"
        ))
        .unwrap();
        let parsed = parse_site_checked(text.as_bytes()).expect("valid");
        assert!(parsed.problems.is_empty() && parsed.stand_ins.is_empty());
        assert_eq!(parsed.file, super::parse_site_file(&text).unwrap());
    }

    #[test]
    fn a_misspelt_required_field_is_reported_once_and_not_as_missing_too() {
        assert_eq!(
            problems("{\"site\": {\n\"titel\": \"T\"}}"),
            ["2: site.titel: unknown field `titel`: did you mean `title`?"]
        );
        assert_eq!(
            problems("{\"site\": {\"description\": \"d\"}}"),
            ["1: site: missing field `title`"]
        );
    }

    #[test]
    fn an_entry_of_the_wrong_type_is_one_problem_and_the_next_entries_are_still_checked() {
        let text = r#"{"site": {"title": "T"}, "papers": [
            "A paper",
            {"id": "b", "title": "B", "authors": ["Ada"], "date": "2024", "kind": "preprint", "venu": "X"}
        ]}"#;
        let parsed = parse_site_checked(text.as_bytes()).expect("mended");
        assert_eq!(
            described(&parsed.problems),
            [
                "2: papers[0]: invalid type: string \"A paper\", expected struct Paper",
                "3: papers[1].venu: unknown field `venu`: did you mean `venue`?",
            ]
        );
        let (file, problems) = assemble_parsed(parsed, &[], &[]);
        assert_eq!(file.papers.len(), 2, "the stand-in keeps the indices");
        assert!(
            !problems
                .iter()
                .any(|problem| problem.path.starts_with("papers[0]") && problem.line.is_none()),
            "the content checks say nothing about the stand-in: {problems:?}"
        );
    }

    #[test]
    fn a_field_given_twice_keeps_the_first() {
        assert_eq!(
            problems(r#"{"site": {"title": "T", "title": "U"}}"#),
            ["1: site.title: duplicate field `title`: the first is kept"]
        );
    }

    #[test]
    fn a_document_that_is_not_an_object_is_one_problem() {
        assert_eq!(
            problems("\"my site\""),
            ["1: invalid type: string \"my site\", expected struct SiteFile"]
        );
    }

    #[test]
    fn bibliography_sources_and_unknown_names_get_suggestions_or_the_known_fields() {
        assert_eq!(
            problems(
                r#"{"site": {"title": "T", "colour": "red"}, "bibliography": [{"file": "a.ris", "fromat": "ris"}]}"#
            ),
            [
                "1: site.colour: unknown field `colour`: the fields here are `title`, `description`, `owner`, `updated`, `base_url`",
                "1: bibliography[0].fromat: unknown field `fromat`: did you mean `format`?",
            ]
        );
    }

    #[test]
    fn past_a_hundred_problems_the_check_stops_and_says_so() {
        let papers: Vec<String> = (0..150)
            .map(|index| {
                format!(r#"{{"id": "p{index}", "title": "P", "authors": [], "year": 2024, "kind": "preprint"}}"#)
            })
            .collect();
        let text = format!(
            r#"{{"site": {{"title": "T"}}, "papers": [{}]}}"#,
            papers.join(",\n")
        );
        let Err(SiteParseError::Shape(problems)) = parse_site_checked(text.as_bytes()) else {
            panic!("stops");
        };
        assert_eq!(problems.len(), 101);
        assert_eq!(
            problems[99].to_string(),
            "papers[99].year: unknown field `year`: papers take `date`, e.g. \"date\": \"2024\""
        );
        assert_eq!(problems[99].line, Some(100));
        assert_eq!(
            problems[100].to_string(),
            "the check stopped after 100 problems of shape; fix these and run it again"
        );
    }

    #[test]
    fn a_syntax_error_past_problems_of_shape_is_reported_at_its_line_after_them() {
        let text =
            "{\"site\": {\"title\": \"T\",\n \"extra\": {\n \"a\": 1\n }},\n \"papers\": [1,]}";
        let Err(SiteParseError::Shape(problems)) = parse_site_checked(text.as_bytes()) else {
            panic!("stops at the trailing comma");
        };
        assert_eq!(
            described(&problems),
            [
                "2: site.extra: unknown field `extra`: the fields here are `title`, `description`, `owner`, `updated`, `base_url`",
                "5: papers[0]: invalid type: integer `1`, expected struct Paper",
                "5: the check stopped here (papers): trailing comma",
            ]
        );
    }

    #[test]
    fn text_that_is_not_json_is_a_syntax_error() {
        assert!(matches!(
            parse_site_checked(b"{\"site\": {\"title\": \"T\",}}"),
            Err(SiteParseError::Syntax(error)) if error.reason == "trailing comma"
        ));
    }

    proptest::proptest! {
        #[test]
        fn any_damage_to_a_valid_file_is_reported_or_mended_without_a_panic(
            cut in 0usize..400,
            insert in "[\\[\\]{}\",:a-z0-9 ]{0,6}",
        ) {
            let text = r#"{"site": {"title": "T", "owner": "ada"}, "people": [{"id": "ada", "name": "Ada", "links": [{"kind": "website", "url": "https://a.example"}]}], "papers": [{"id": "p", "title": "P", "authors": [{"name": "Ada", "person": "ada"}], "date": "2024", "kind": "preprint", "tags": ["x"], "selected": true}]}"#;
            let at = cut.min(text.len());
            let damaged = format!("{}{insert}{}", &text[..at], &text[at..]);
            if let Ok(parsed) = parse_site_checked(damaged.as_bytes()) {
                let _ = assemble_parsed(parsed, &[], &[]);
            }
        }
    }
}

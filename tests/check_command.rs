//! The `vita-check` command: every problem printed with its JSON path, and exit codes 0, 1 and 2.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn check(path: &str) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_vita-check"))
        .arg(path)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("vita-check runs");
    let text = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().expect("an exit code"), text)
}

#[test]
fn the_demo_data_passes_with_its_warnings_listed() {
    let (code, output) = check("public/data/site.json");
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("0 error(s)"), "{output}");
    assert!(
        output.contains("public/data/site.json:290: warning: papers[12].authors[3]: \"Alex Mallen\" is spelled like person \"alex-mallen\""),
        "{output}"
    );
}

#[test]
fn a_broken_file_shows_all_its_errors_and_exits_1() {
    let (code, output) = check("tests/fixtures/invalid/many-problems.json");
    assert_eq!(code, 1, "{output}");
    for expected in [
        "many-problems.json:2: error: site.owner: unknown person \"alex-malen\" (did you mean \"alex-mallen\"?)",
        "many-problems.json:5: error: people[1].id: duplicate id \"alex-mallen\"",
        "many-problems.json:11: error: papers[0].authors[1].person: unknown person \"alex-malen\"",
        "many-problems.json:12: error: papers[0].date: invalid month in \"2025-13\"",
        "many-problems.json:16: error: news[0].paper: unknown paper \"missing-paper\"",
        "5 error(s), 2 warning(s)",
    ] {
        assert!(
            output.contains(expected),
            "missing {expected:?} in:\n{output}"
        );
    }
}

#[test]
fn a_file_that_is_not_json_exits_1_with_its_position() {
    let (code, output) = check("tests/fixtures/broken/syntax-error.json");
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains("trailing comma (line 4, column 3)"),
        "{output}"
    );
    assert!(
        output.contains("1 error (the file must be JSON"),
        "{output}"
    );
}

#[test]
fn problems_of_shape_and_of_content_are_all_reported_in_one_run_in_file_order() {
    let (code, output) = check("tests/fixtures/invalid/shape-and-content.json");
    assert_eq!(code, 1, "{output}");
    let errors: Vec<&str> = output
        .lines()
        .filter(|line| line.contains(": error: "))
        .map(|line| line.trim_start_matches("tests/fixtures/invalid/shape-and-content.json:"))
        .collect();
    assert_eq!(
        errors,
        [
            "7: error: people[0].affilation: unknown field `affilation`: did you mean `affiliation`?",
            "8: error: people[0].links[0].kind: unknown value `homepage`: did you mean `website`?",
            "10: error: people[1].name: invalid type: integer `42`, expected a string: write it in quotes, \"42\"",
            "17: error: papers[0].year: unknown field `year`: papers take `date`, e.g. \"date\": \"2024\"",
            "23: error: papers[1].authors[0].person: unknown person \"adda\" (did you mean \"ada\"?)",
            "24: error: papers[1].date: invalid month in \"2024-13\": expected 01 to 12",
            "25: error: papers[1].kind: unknown value `jurnal`: did you mean `journal`?",
            "30: error: papers[2].authors: invalid type: string \"Ada Example\", expected a sequence",
            "31: error: papers[2].date: invalid type: integer `2023`, expected a string: write it in quotes, \"2023\"",
            "33: error: papers[2].selected: invalid type: string \"yes\", expected a boolean",
            "36: error: news[0].date: invalid day in \"2025-02-30\": February 2025 has days 01 to 28",
            "36: error: news[0].paper: unknown paper \"missing-paper\"",
        ],
        "{output}"
    );
    assert!(output.contains("12 error(s), 3 warning(s)"), "{output}");
}

#[test]
fn an_unreadable_file_exits_2() {
    let (code, output) = check("no/such/site.json");
    assert_eq!(code, 2, "{output}");
    assert!(
        output.contains("no/such/site.json: cannot be read"),
        "{output}"
    );
}

#[test]
fn bibliography_files_are_checked_too() {
    let (code, output) = check("tests/fixtures/bib-site/site.json");
    assert_eq!(code, 0, "{output}");
    assert!(
        output.contains("warning: papers.bib line 96: noyear: missing year; the entry is left out"),
        "{output}"
    );
    assert!(output.contains("in 1 people, 10 papers"), "{output}");
}

#[test]
fn a_missing_bibliography_file_is_an_error() {
    let dir = std::env::temp_dir().join(format!("vita-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let site = dir.join("site.json");
    std::fs::write(
        &site,
        r#"{"site": {"title": "t"}, "bibliography": ["missing.bib"]}"#,
    )
    .expect("written");
    let (code, output) = check(site.to_str().expect("a UTF-8 path"));
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains("error: bibliography[0]:") && output.contains("missing.bib cannot be read"),
        "{output}"
    );
}

#[test]
fn a_json_resume_is_read_beside_the_file_and_a_missing_one_is_an_error_of_its_entry() {
    let (code, output) = check("tests/fixtures/resume-site/site.json");
    assert_eq!(code, 0, "{output}");
    assert!(
        output.contains("warning: resume.json: work[0].description: not shown on the CV"),
        "{output}"
    );

    let folder = std::env::temp_dir().join(format!("vita-check-resume-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let site = folder.join("site.json");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/resume-site/site.json"
        ),
        &site,
    )
    .unwrap();
    let (code, output) = check(&site.to_string_lossy());
    std::fs::remove_dir_all(&folder).unwrap();
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains("error: people[0].resume:")
            && output.contains("resume.json cannot be read"),
        "{output}"
    );
}

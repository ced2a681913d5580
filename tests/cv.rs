//! CV sections: each rule of their check at its JSON path, JSON Resume files read into them with
//! every field the CV cannot show reported, problems of imported entries named in the imported
//! file, and a CV that survives a round trip through JSON Resume.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use vita::model::dataset::{ResumeFile, assemble};
use vita::model::resume::{read_resume, write_resume};
use vita::model::schema::Person;
use vita::model::{Problem, Severity, Site, parse_site_file, validate};

/// A valid file with one person whose every CV section has an entry.
fn base() -> Value {
    json!({
        "site": { "title": "CV test", "base_url": "https://example.org/" },
        "people": [{
            "id": "ada", "name": "Ada Lovelace",
            "education": [{ "institution": "University of London", "degree": "PhD", "start": "1838", "end": "1842",
                            "paper": "engine", "advisors": ["Augustus De Morgan", "Charles Babbage"] }],
            "positions": [{ "organisation": "Analytical Society", "role": "Fellow", "start": "1843-01", "end": "present",
                            "description": "Wrote the **notes**." },
                          { "organisation": "Royal Society", "role": "Correspondent", "end": "present" }],
            "affiliation": "Analytical Society", "location": "London", "bio": "Writes *notes*.",
            "email": { "user": "ada", "domain": "example.org" },
            "links": [{ "kind": "website", "url": "https://example.org/ada" },
                      { "kind": "cv", "url": "https://example.org/ada/cv.pdf", "label": "Long CV" },
                      { "kind": "other", "url": "https://example.org/ada/notes", "label": "Notebook" }],
            "awards": [{ "title": "Medal", "awarded_by": "Royal Society", "date": "1844", "paper": "engine" }],
            "talks": [{ "title": "On the engine", "event": "Royal Institution", "date": "1843-10-02", "kind": "invited",
                        "paper": "engine", "links": [{ "kind": "slides", "url": "files/slides.pdf" }] }],
            "teaching": [{ "code": "M 1", "title": "Mathematics", "role": "instructor", "terms": ["Fall 1840"] }],
            "service": [{ "text": "Reviewer for *Scientific Memoirs*", "start": "1841", "end": "1843" }],
            "mentoring": [{ "name": "Byron Jr", "role": "student", "start": "1840" }]
        }, {
            "id": "charles", "name": "Charles Babbage"
        }],
        "papers": [{
            "id": "engine", "title": "Notes on the Analytical Engine", "date": "1843-09", "kind": "journal",
            "authors": [{ "name": "Ada Lovelace", "person": "ada" }], "doi": "10.1000/engine"
        }]
    })
}

fn problems_of(file: &Value) -> Vec<Problem> {
    validate(&parse_site_file(&file.to_string()).expect("the case still parses"))
}

/// Sets the value at a JSON pointer whose parent exists.
fn with(mut file: Value, pointer: &str, value: Value) -> Value {
    *file
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}")) = value;
    file
}

fn assert_single(file: Value, path: &str, words: &str) {
    let problems = problems_of(&file);
    assert_eq!(
        problems.len(),
        1,
        "expected one problem at {path}, got {problems:#?}"
    );
    assert_eq!(problems[0].severity, Severity::Error, "{}", problems[0]);
    assert_eq!(problems[0].path, path, "{}", problems[0]);
    assert!(
        problems[0].message.contains(words),
        "\"{}\" should mention \"{words}\"",
        problems[0].message
    );
}

#[test]
fn the_base_fixture_is_clean() {
    assert_eq!(problems_of(&base()), []);
}

#[test]
fn an_end_before_its_start_is_reported_at_the_end() {
    assert_single(
        with(base(), "/people/0/education/0/end", json!("1837")),
        "people[0].education[0].end",
        "the end is before the start",
    );
    assert_single(
        with(base(), "/people/0/service/0/end", json!("1840")),
        "people[0].service[0].end",
        "the end is before the start",
    );
}

#[test]
fn spans_take_dates_and_present_only_at_the_end() {
    assert_single(
        with(base(), "/people/0/positions/0/end", json!("soon")),
        "people[0].positions[0].end",
        "\"present\"",
    );
    assert_single(
        with(base(), "/people/0/positions/0/start", json!("present")),
        "people[0].positions[0].start",
        "only an end can be \"present\"",
    );
    assert_single(
        with(base(), "/people/0/mentoring/0/start", json!("1840-13")),
        "people[0].mentoring[0].start",
        "invalid month",
    );
}

#[test]
fn dated_entries_need_valid_dates() {
    assert_single(
        with(base(), "/people/0/awards/0/date", json!("1844-02-30")),
        "people[0].awards[0].date",
        "invalid day",
    );
    assert_single(
        with(base(), "/people/0/talks/0/date", json!("last year")),
        "people[0].talks[0].date",
        "invalid date",
    );
}

#[test]
fn papers_named_by_cv_entries_must_exist() {
    for (pointer, path) in [
        (
            "/people/0/education/0/paper",
            "people[0].education[0].paper",
        ),
        ("/people/0/awards/0/paper", "people[0].awards[0].paper"),
        ("/people/0/talks/0/paper", "people[0].talks[0].paper"),
    ] {
        assert_single(
            with(base(), pointer, json!("engin")),
            path,
            "unknown paper \"engin\"",
        );
    }
}

#[test]
fn required_texts_may_not_be_empty() {
    for (pointer, path, words) in [
        (
            "/people/0/education/0/institution",
            "people[0].education[0].institution",
            "the institution is empty",
        ),
        (
            "/people/0/education/0/advisors/1",
            "people[0].education[0].advisors[1]",
            "advisor's name is empty",
        ),
        (
            "/people/0/positions/0/role",
            "people[0].positions[0].role",
            "the role is empty",
        ),
        (
            "/people/0/awards/0/title",
            "people[0].awards[0].title",
            "the title is empty",
        ),
        (
            "/people/0/teaching/0/title",
            "people[0].teaching[0].title",
            "the title is empty",
        ),
        (
            "/people/0/service/0/text",
            "people[0].service[0].text",
            "the text is empty",
        ),
        (
            "/people/0/mentoring/0/name",
            "people[0].mentoring[0].name",
            "the name is empty",
        ),
    ] {
        assert_single(with(base(), pointer, json!(" ")), path, words);
    }
}

#[test]
fn terms_name_their_year_and_a_course_has_some() {
    assert_single(
        with(base(), "/people/0/teaching/0/terms/0", json!("Fall")),
        "people[0].teaching[0].terms[0]",
        "names no year",
    );
    assert_single(
        with(base(), "/people/0/teaching/0/terms", json!([])),
        "people[0].teaching[0].terms",
        "needs its terms",
    );
}

#[test]
fn mentoring_needs_its_years() {
    let mut file = base();
    file["people"][0]["mentoring"][0] = json!({ "name": "Byron Jr" });
    assert_single(file, "people[0].mentoring[0].start", "needs its years");
}

#[test]
fn service_needs_a_date() {
    let mut file = base();
    file["people"][0]["service"][0] = json!({ "text": "Reviewer" });
    assert_single(file, "people[0].service[0].start", "needs a date");
}

#[test]
fn links_and_urls_of_cv_entries_are_checked() {
    assert_single(
        with(
            base(),
            "/people/0/talks/0/links/0/url",
            json!("/files/slides.pdf"),
        ),
        "people[0].talks[0].links[0].url",
        "starts with \"/\"",
    );
    let mut file = base();
    file["people"][0]["teaching"][0]["url"] = json!("javascript:alert(1)");
    assert_single(file, "people[0].teaching[0].url", "not an http(s) URL");
}

#[test]
fn a_resume_must_be_a_json_file_beside_the_data() {
    let mut file = base();
    file["people"][0]["resume"] = json!("../resume.json");
    assert_single(
        file,
        "people[0].resume",
        "must be a .json file beside the site file",
    );
}

#[test]
fn unknown_kinds_and_roles_are_parse_errors_at_their_path() {
    let mut file = base();
    file["people"][0]["talks"][0]["kind"] = json!("panel");
    let error = parse_site_file(&file.to_string()).expect_err("an unknown kind");
    assert_eq!(error.path, "people[0].talks[0].kind");
    assert!(error.reason.contains("spotlight"), "{}", error.reason);
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// The resume fixture site, assembled with its JSON Resume file.
fn resume_site(resume: &str) -> (vita::model::SiteFile, Vec<Problem>) {
    let file = parse_site_file(&fixture("resume-site/site.json")).expect("parses");
    assemble(
        file,
        &[],
        &[ResumeFile {
            path: "resume.json".into(),
            text: resume.into(),
        }],
    )
}

#[test]
fn a_json_resume_fills_the_sections_the_site_file_leaves_empty() {
    let (file, problems) = resume_site(&fixture("resume-site/resume.json"));
    assert!(
        !vita::model::validate::has_errors(&problems),
        "{problems:#?}"
    );
    let dana = &file.people[0];
    assert_eq!(dana.positions.len(), 2);
    assert_eq!(dana.positions[0].organisation, "Example Lab");
    assert_eq!(
        dana.positions[0].end.as_deref(),
        Some("present"),
        "no end date: ongoing"
    );
    assert_eq!(
        dana.positions[0].description,
        "Leads the interpretability group.\n\n- Built the lab's probing toolkit\n- Mentored four interns"
    );
    assert_eq!(dana.education[0].degree.as_deref(), Some("PhD"));
    assert_eq!(dana.education[0].field.as_deref(), Some("Computer Science"));
    assert_eq!(dana.education[0].advisors, ["Lee Okafor", "R. Silva"]);
    assert_eq!(dana.service[0].text, "Reviewer, ICML");
    assert_eq!(dana.talks[0].title, "Reading sparse probes");
    assert_eq!(dana.teaching[0].terms, ["Fall 2019", "Fall 2020"]);
    assert_eq!(dana.mentoring[0].name, "Sam Ito");
    assert_eq!(dana.awards.len(), 1, "the site file's awards come first");
    assert_eq!(dana.awards[0].title, "Best Paper Award");
    assert_eq!(
        dana.affiliation.as_deref(),
        Some("Research scientist, Example Lab")
    );
    assert_eq!(dana.location.as_deref(), Some("Lisbon, PT"));
    assert_eq!(
        dana.email.as_ref().map(|email| email.domain.as_str()),
        Some("example.org")
    );
    assert_eq!(dana.links.len(), 2);
    assert_eq!(
        dana.links[1].label.as_deref(),
        Some("Goodreads"),
        "an unknown network keeps its name"
    );
}

#[test]
fn what_a_json_resume_cannot_show_is_reported_with_its_path_in_that_file() {
    let (_, problems) = resume_site(&fixture("resume-site/resume.json"));
    let warnings: Vec<String> = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Warning)
        .map(ToString::to_string)
        .collect();
    for expected in [
        "resume.json: basics.phone: not shown on the CV",
        "resume.json: education[0].score: not shown on the CV",
        "resume.json: work[0].description: not shown on the CV",
        "resume.json: skills: not shown: the CV has no such section",
        "resume.json: awards: not used: people[0].awards is given in the site file, which comes first",
    ] {
        assert!(
            warnings.iter().any(|warning| warning == expected),
            "{expected} in {warnings:#?}"
        );
    }
    assert!(
        warnings
            .iter()
            .any(|warning| warning.starts_with("resume.json: publications[1].name: \"A Paper Not in the Data\" is not among the site's papers")),
        "{warnings:#?}"
    );
    assert!(
        !warnings
            .iter()
            .any(|warning| warning.contains("publications[0]")),
        "a publication matching a paper's title is the paper"
    );
}

#[test]
fn a_resume_that_is_not_json_is_an_error_with_its_line_and_column() {
    let (_, problems) = resume_site("{\n  \"work\": [\n    {\"name\": \"Lab\",}\n  ]\n}");
    let error = problems
        .iter()
        .find(|problem| problem.severity == Severity::Error)
        .expect("an error");
    assert_eq!(error.path, "resume.json");
    assert!(
        error.message.contains("line 3, column"),
        "{}",
        error.message
    );
}

#[test]
fn problems_of_imported_entries_name_their_place_in_the_resume() {
    let resume = json!({
        "work": [
            { "name": "Lab", "position": "Fellow", "startDate": "2020", "endDate": "2019" },
            { "name": "Lab", "position": "Scientist", "startDate": "2021-14" }
        ],
        "talks": [{ "title": "T", "date": "2020", "paper": "nope" }]
    });
    let (_, problems) = resume_site(&resume.to_string());
    let errors: Vec<String> = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(
        errors.contains(&"resume.json: work[0].endDate: the end is before the start".to_string()),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|error| error.starts_with("resume.json: work[1].startDate: invalid month")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|error| error.starts_with("resume.json: talks[0].paper: unknown paper \"nope\"")),
        "{errors:#?}"
    );
}

#[test]
fn entries_that_cannot_be_read_are_left_out_with_a_warning() {
    let import = read_resume(
        &json!({
            "work": [{ "position": "No employer" }, "text"],
            "teaching": [{ "title": "Course", "role": "lecturer", "terms": ["2020"] }]
        })
        .to_string(),
        &[],
    )
    .expect("JSON");
    assert!(import.sections.positions.is_empty());
    assert!(import.sections.teaching.is_empty());
    let paths: Vec<&str> = import
        .warnings
        .iter()
        .map(|warning| warning.path.as_str())
        .collect();
    assert_eq!(
        paths,
        ["teaching[0].role", "work[0]", "work[1]"],
        "by section, then in file order, naming the field at fault"
    );
    assert!(
        import.warnings[0]
            .message
            .contains("unknown variant `lecturer`"),
        "{:?}",
        import.warnings[0]
    );
}

#[test]
fn a_cv_exported_as_json_resume_and_imported_again_is_the_same_cv() {
    let site_file = parse_site_file(&base().to_string()).expect("parses");
    let site = Site::new(site_file.clone());
    let ada: &Person = &site_file.people[0];
    let exported = write_resume(&site, ada);
    let document: Value = serde_json::from_str(&exported).expect("the export is JSON");
    assert_eq!(document["basics"]["name"], "Ada Lovelace");
    assert_eq!(document["work"][0]["startDate"], "1843-01");
    assert!(
        document["work"][0].get("endDate").is_none(),
        "ongoing: no end date"
    );
    assert_eq!(
        document["publications"][0]["name"],
        "Notes on the Analytical Engine"
    );
    assert_eq!(
        document["publications"][0]["url"],
        "https://example.org/papers/engine/"
    );

    let mut emptied = site_file.clone();
    let person = &mut emptied.people[0];
    person.education.clear();
    person.positions.clear();
    person.awards.clear();
    person.talks.clear();
    person.teaching.clear();
    person.service.clear();
    person.mentoring.clear();
    person.links.clear();
    person.email = None;
    person.affiliation = None;
    person.location = None;
    person.bio.clear();
    person.resume = Some("resume.json".into());
    let (imported, problems) = assemble(
        emptied,
        &[],
        &[ResumeFile {
            path: "resume.json".into(),
            text: exported,
        }],
    );
    assert_eq!(problems, [], "the export imports without a warning");
    let again = &imported.people[0];
    assert_eq!(again.education, ada.education);
    assert_eq!(again.positions, ada.positions);
    assert_eq!(again.awards, ada.awards);
    assert_eq!(again.talks, ada.talks);
    assert_eq!(again.teaching, ada.teaching);
    assert_eq!(again.service, ada.service);
    assert_eq!(again.mentoring, ada.mentoring);
    assert_eq!(
        again.links, ada.links,
        "links with their labels, the website first"
    );
    assert_eq!(again.email, ada.email);
    assert_eq!(again.affiliation, ada.affiliation);
    assert_eq!(again.location, ada.location);
    assert_eq!(again.bio, ada.bio);
}

#[test]
fn an_entry_ongoing_since_an_unknown_date_is_written_in_valid_json_resume_dates() {
    let site_file = parse_site_file(&base().to_string()).expect("parses");
    let site = Site::new(site_file.clone());
    let document: Value =
        serde_json::from_str(&write_resume(&site, &site_file.people[0])).expect("JSON");
    let correspondent = &document["work"][1];
    assert!(correspondent.get("startDate").is_none() && correspondent.get("endDate").is_none());
    assert_eq!(correspondent["current"], true);
    for entry in document["work"].as_array().unwrap() {
        for field in ["startDate", "endDate"] {
            if let Some(date) = entry.get(field).and_then(Value::as_str) {
                assert!(
                    date.chars().all(|c| c.is_ascii_digit() || c == '-'),
                    "{date}"
                );
            }
        }
    }
}

#[test]
fn problems_of_fields_from_basics_name_their_place_in_the_resume() {
    let resume = json!({
        "basics": { "image": "/photo.jpg", "profiles": [{ "network": "GitHub", "url": "https://example.org/ok" },
                                                        { "network": "Blog", "url": "javascript:alert(1)" }] }
    });
    let (_, problems) = resume_site(&resume.to_string());
    let errors: Vec<String> = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(
        errors.iter().any(|error| error
            .starts_with("resume.json: basics.image: \"/photo.jpg\" starts with \"/\"")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|error| error.starts_with("resume.json: basics.profiles[1].url:")),
        "{errors:#?}"
    );
}

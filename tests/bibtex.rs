#![cfg(not(target_arch = "wasm32"))]
//! Reading `.bib` files: a hostile fixture loads its good entries exactly and reports its bad ones
//! by line, small inputs pin each rule, and arbitrary input never panics or yields invalid papers.

use proptest::prelude::*;
use vita::model::bibtex::{BibImport, BibProblem, parse_bib};
use vita::model::date::PartialDate;
use vita::model::schema::{Author, Link, LinkKind, Paper, PaperKind, PaperStatus};
use vita::model::validate::is_slug;

fn hostile() -> BibImport {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile.bib");
    let text = std::fs::read_to_string(path).expect("the fixture exists");
    assert!(text.contains("\r\n"), "the fixture keeps its CRLF entry");
    parse_bib(&text)
}

fn paper<'a>(import: &'a BibImport, id: &str) -> &'a Paper {
    import
        .papers
        .iter()
        .find(|paper| paper.id == id)
        .unwrap_or_else(|| panic!("no paper {id}: {:#?}", import.problems))
}

fn names(paper: &Paper) -> Vec<&str> {
    paper
        .authors
        .iter()
        .map(|author| author.name.as_str())
        .collect()
}

fn link(kind: LinkKind, url: &str) -> Link {
    Link {
        kind,
        url: url.into(),
        label: None,
    }
}

/// A problem that only dropped a field.
fn problem(line: usize, key: &str, message: &str) -> BibProblem {
    BibProblem {
        line,
        key: Some(key.into()),
        message: message.into(),
        skipped: false,
    }
}

/// A problem that left the whole entry out.
fn skipped(line: usize, key: &str, message: &str) -> BibProblem {
    BibProblem {
        skipped: true,
        ..problem(line, key, message)
    }
}

/// The one paper `text` yields, failing with its problems when there is not exactly one.
fn only(text: &str) -> Paper {
    let import = parse_bib(text);
    assert_eq!(import.papers.len(), 1, "{:#?}", import.problems);
    import.papers.into_iter().next().expect("one paper")
}

fn messages(text: &str) -> Vec<String> {
    parse_bib(text)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn hostile_fixture_loads_every_good_entry_in_order() {
    let ids: Vec<String> = hostile().papers.into_iter().map(|paper| paper.id).collect();
    assert_eq!(
        ids,
        [
            "lee2025-distill-x",
            "godel1931",
            "vonneumann-1945-edvac",
            "after2023workshop",
            "mallen2024eliciting",
            "undefined-macro",
            "belrose2023leace",
            "infanger2024",
            "later2025",
        ]
    );
}

#[test]
fn hostile_fixture_reports_each_bad_entry_by_line_and_key() {
    assert_eq!(
        hostile().problems,
        [
            skipped(
                56,
                "broken:brace",
                "missing closing brace (the entry runs into line 62)"
            ),
            problem(
                62,
                "after2023workshop",
                "\"not-a-doi\" is not a DOI: left out"
            ),
            problem(
                85,
                "undefined:macro",
                "undefined macro `undefinedjournal` in field `journal`: the field is left out"
            ),
            skipped(96, "noyear", "missing year"),
            problem(
                111,
                "later2025",
                "duplicate field `title`: the first is kept"
            ),
            problem(
                109,
                "later2025",
                "\"javascript:alert(1)\" in field `code` is not an http(s) URL or a site path: left out"
            ),
            skipped(
                118,
                "lee2025:Distill_X",
                "duplicate key, first defined on line 11"
            ),
        ]
    );
}

#[test]
fn al_folio_entry_becomes_a_complete_paper() {
    let import = hostile();
    let expected = Paper {
        id: "lee2025-distill-x".into(),
        title: "Distillation Robustifies Unlearning".into(),
        authors: vec![Author::named("Bruce W. Lee"), Author::named("Alex Mallen")],
        date: "2025-07".into(),
        status: Some(PaperStatus::Published),
        kind: PaperKind::Conference,
        venue: Some("Proceedings of the 42nd International Conference on Machine Learning".into()),
        venue_short: Some("ICML".into()),
        volume: None,
        issue: None,
        pages: Some("101--118".into()),
        publisher: None,
        summary:
            "We show that $\\alpha$-distillation makes unlearning robust — even under fine-tuning."
                .into(),
        links: vec![
            link(LinkKind::Arxiv, "https://arxiv.org/abs/2506.06278"),
            link(LinkKind::Html, "https://example.org/distill"),
            link(LinkKind::Pdf, "assets/pdf/distill.pdf"),
            link(LinkKind::Code, "https://github.com/example/distill"),
        ],
        tags: vec![],
        doi: None,
        arxiv: Some("2506.06278".into()),
        awards: vec!["Spotlight".into()],
        note: None,
        selected: true,
    };
    assert_eq!(paper(&import, "lee2025-distill-x"), &expected);
}

#[test]
fn macros_concatenation_quoted_braces_and_accents_decode() {
    let import = hostile();
    let godel = paper(&import, "godel1931");
    assert_eq!(godel.title, "Über formal unentscheidbare Sätze");
    assert_eq!(
        names(godel),
        [
            "Kurt Gödel",
            "Émile Borel",
            "François Viète",
            "Jürgen Straßer"
        ]
    );
    assert_eq!(godel.venue.as_deref(), Some("Monatshefte für Mathematik"));
    assert_eq!(godel.kind, PaperKind::Journal);
    assert_eq!(godel.date, "1931");
    assert_eq!(
        (godel.volume.as_deref(), godel.issue.as_deref()),
        (Some("38"), Some("1"))
    );
    assert_eq!(godel.pages.as_deref(), Some("173--198"));
    assert_eq!(godel.doi.as_deref(), Some("10.1007/BF01700692"));
    assert_eq!(
        godel.links,
        [link(LinkKind::Doi, "https://doi.org/10.1007/BF01700692")]
    );
}

#[test]
fn parenthesised_entry_mixes_name_forms_and_notes_others() {
    let import = hostile();
    let edvac = paper(&import, "vonneumann-1945-edvac");
    assert_eq!(
        names(edvac),
        [
            "John von Neumann Jr.",
            "Ada Lovelace",
            "Alan M. Turing",
            "Barnes and Noble"
        ]
    );
    assert_eq!(
        edvac.note.as_deref(),
        Some("Circulated in draft; further authors not listed")
    );
    assert_eq!(edvac.title, "First Draft of a Report on the EDVAC");
    assert_eq!(edvac.date, "1945-06-30");
    assert_eq!(edvac.kind, PaperKind::Report);
    assert_eq!(
        edvac.venue.as_deref(),
        Some("Moore School of Electrical Engineering")
    );
    assert_eq!(
        edvac.links,
        [link(LinkKind::Pdf, "https://example.org/edvac.pdf")]
    );
}

#[test]
fn crlf_workshop_entry_after_the_broken_one_loads() {
    let import = hostile();
    let workshop = paper(&import, "after2023workshop");
    assert_eq!(workshop.title, "Learning $n$-gram Statistics Across Lines");
    assert_eq!(names(workshop), ["Gonçalo Paulo", "Nora Belrose"]);
    assert_eq!(workshop.kind, PaperKind::Workshop);
    assert_eq!(workshop.date, "2023-12");
    assert_eq!(workshop.doi, None);
    assert_eq!(
        workshop.links,
        [link(
            LinkKind::Html,
            "https://openreview.net/forum?id=abc_123"
        )]
    );
}

#[test]
fn arxiv_entries_are_preprints_without_a_venue() {
    let import = hostile();
    let eprint = paper(&import, "mallen2024eliciting");
    assert_eq!(
        (eprint.kind, eprint.status),
        (PaperKind::Preprint, Some(PaperStatus::Preprint))
    );
    assert_eq!(eprint.venue, None);
    assert_eq!(eprint.arxiv.as_deref(), Some("2312.01037"));
    assert_eq!(
        eprint.links,
        [link(LinkKind::Arxiv, "https://arxiv.org/abs/2312.01037")]
    );
    assert_eq!(eprint.tags, ["interpretability", "ELK", "language models"]);
    let scholar = paper(&import, "belrose2023leace");
    assert_eq!(
        scholar.title,
        "LEACE: Perfect linear concept erasure in closed form"
    );
    assert_eq!(scholar.kind, PaperKind::Preprint);
    assert_eq!(scholar.venue, None);
    assert_eq!(scholar.arxiv.as_deref(), Some("2306.03819"));
}

#[test]
fn theses_dates_and_duplicate_fields() {
    let import = hostile();
    let thesis = paper(&import, "infanger2024");
    assert_eq!(thesis.kind, PaperKind::Thesis);
    assert_eq!(thesis.title, "Stochastic Models & Sampling");
    assert_eq!(thesis.publisher.as_deref(), Some("Stanford University"));
    assert_eq!(thesis.venue, None);
    assert_eq!(thesis.date, "2024-07");
    let post = paper(&import, "later2025");
    assert_eq!(post.title, "A Blog Post", "the first of two titles is kept");
    assert_eq!(post.date, "2025-07-18");
    assert_eq!(post.kind, PaperKind::Other);
    assert_eq!(
        post.links,
        [link(LinkKind::Html, "https://example.org/post")]
    );
    let undefined = paper(&import, "undefined-macro");
    assert_eq!(
        (undefined.kind, undefined.venue.as_deref()),
        (PaperKind::Journal, None)
    );
}

#[test]
fn problems_display_line_key_and_message() {
    assert_eq!(
        problem(12, "lee2025distillation", "missing closing brace").to_string(),
        "line 12 (lee2025distillation): missing closing brace"
    );
    assert_eq!(
        messages("\n@article{, title = {T}}"),
        ["line 2: missing key"]
    );
}

#[test]
fn keys_become_slugs() {
    let entry = |key: &str| {
        only(&format!(
            "@misc{{{key}, title={{T}}, author={{A B}}, year=2020}}"
        ))
    };
    assert_eq!(entry("Lee2025:distill_x").id, "lee2025-distill-x");
    assert_eq!(entry("a/b.c--d_").id, "a-b-c-d");
    assert_eq!(entry("Müller2020").id, "muller2020");
    assert_eq!(
        messages(
            "@misc{Lee:2025, title={T}, author={A B}, year=2020}\n\
                  @misc{lee-2025, title={U}, author={A B}, year=2020}"
        ),
        ["line 2 (lee-2025): id \"lee-2025\" is taken by Lee:2025 on line 1"]
    );
    assert_eq!(
        messages("@misc{::, title={T}, author={A B}, year=2020}"),
        ["line 1 (::): the key has no letters or digits to make an id from"]
    );
}

#[test]
fn months_days_and_biblatex_dates() {
    let date = |fields: &str| {
        only(&format!(
            "@misc{{k, title={{T}}, author={{A B}}, {fields}}}"
        ))
        .date
    };
    assert_eq!(date("year = 2025, month = jul"), "2025-07");
    assert_eq!(date("year = 2025, month = JUL"), "2025-07");
    assert_eq!(date("year = 2025, month = {July}"), "2025-07");
    assert_eq!(date("year = 2025, month = \"Sept.\""), "2025-09");
    assert_eq!(date("year = 2025, month = 3"), "2025-03");
    assert_eq!(date("year = 2025, month = {03}, day = 7"), "2025-03-07");
    assert_eq!(date("date = {2025-07-18/2025-07-20}"), "2025-07-18");
    assert_eq!(date("date = {2025-02}, year = 1999"), "2025-02");
    assert_eq!(date("year = 2025, month = 13"), "2025");
    assert_eq!(date("year = 2025, month = feb, day = 30"), "2025-02");
    assert_eq!(
        messages("@misc{k, title={T}, author={A B}, year={2025}, month={Juli}}"),
        ["line 1 (k): invalid month \"Juli\": left out"]
    );
    assert_eq!(
        messages("@misc{k, title={T}, author={A B}, year={in press}}"),
        ["line 1 (k): invalid year \"in press\""]
    );
}

#[test]
fn user_strings_override_month_macros_and_chain() {
    let paper = only(
        "@string{jul = \"Jan\"}\n@string{conf = \"Conf\", full = conf # \" 2025\"}\n\
         @inproceedings{k, title={T}, author={A B}, year=2025, month=jul, booktitle=full}",
    );
    assert_eq!(paper.date, "2025-01");
    assert_eq!(paper.venue.as_deref(), Some("Conf 2025"));
}

#[test]
fn kinds_follow_entry_types_and_venues() {
    let kind = |entry: &str| {
        only(&format!(
            "@{entry}{{k, title={{T}}, author={{A B}}, year=2020}}"
        ))
        .kind
    };
    assert_eq!(kind("article"), PaperKind::Journal);
    assert_eq!(kind("conference"), PaperKind::Conference);
    assert_eq!(kind("mastersthesis"), PaperKind::Thesis);
    assert_eq!(kind("book"), PaperKind::Book);
    assert_eq!(kind("incollection"), PaperKind::Chapter);
    assert_eq!(kind("inbook"), PaperKind::Chapter);
    assert_eq!(kind("report"), PaperKind::Report);
    assert_eq!(kind("misc"), PaperKind::Other);
    assert_eq!(kind("software"), PaperKind::Other);
    let corr = only("@article{k, title={T}, author={A B}, year=2020, journal={CoRR}}");
    assert_eq!((corr.kind, corr.venue), (PaperKind::Preprint, None));
    let folio = only("@misc{k, title={T}, author={A B}, year=2020, arxiv={2410.12101v2}}");
    assert_eq!(folio.kind, PaperKind::Preprint);
    assert_eq!(folio.arxiv.as_deref(), Some("2410.12101v2"));
    let hal =
        only("@misc{k, title={T}, author={A B}, year=2020, eprint={hal-0123}, eprinttype={HAL}}");
    assert_eq!((hal.kind, hal.arxiv), (PaperKind::Other, None));
    let edited = only("@book{k, title={T}, editor={Doe, Jane and Roe, Rick}, year=2020}");
    assert_eq!(names(&edited), ["Jane Doe", "Rick Roe"]);
    let book = only("@book{k, title={T}, author={A B}, year=2020, publisher={MIT Press}}");
    assert_eq!(
        (book.venue, book.publisher.as_deref()),
        (None, Some("MIT Press"))
    );
}

#[test]
fn identifiers_lose_prefixes_and_bad_ones_are_reported() {
    let paper = only(
        "@article{k, title={T}, author={A B}, year=2020, doi={doi:10.1287/stsy.2022.0006}, \
         eprint={arXiv:math.PR/0501001}, archiveprefix={arXiv}}",
    );
    assert_eq!(paper.doi.as_deref(), Some("10.1287/stsy.2022.0006"));
    assert_eq!(paper.arxiv.as_deref(), Some("math.PR/0501001"));
    assert_eq!(
        paper.kind,
        PaperKind::Journal,
        "a journal paper with an arXiv copy"
    );
    assert_eq!(
        messages("@misc{k, title={T}, author={A B}, year=2020, arxiv={2506.6278x}}"),
        ["line 1 (k): \"2506.6278x\" is not an arXiv identifier: left out"]
    );
}

#[test]
fn links_keep_web_urls_and_site_paths_only() {
    let paper = only(
        "@misc{k, title={T}, author={A B}, year=2020, url={https://x.org/paper.PDF}, \
         pdf={/files/p.pdf}, supp={https://x.org/supp.zip}, slides={talk.pdf}, \
         poster={https://x.org/poster.pdf}, video={https://x.org/v}, blog={https://x.org/b}, \
         website={https://x.org}, html={https://x.org/paper.PDF}}",
    );
    assert_eq!(
        paper.links,
        [
            link(LinkKind::Pdf, "https://x.org/paper.PDF"),
            link(LinkKind::Pdf, "assets/pdf/files/p.pdf"),
            Link {
                kind: LinkKind::Other,
                url: "https://x.org/supp.zip".into(),
                label: Some("Supplementary".into()),
            },
            link(LinkKind::Post, "https://x.org/b"),
            link(LinkKind::Poster, "https://x.org/poster.pdf"),
            link(LinkKind::Slides, "assets/pdf/talk.pdf"),
            link(LinkKind::Website, "https://x.org"),
            link(LinkKind::Video, "https://x.org/v"),
        ],
        "the duplicate html URL is listed once"
    );
    assert_eq!(
        messages(
            "@misc{k, title={T}, author={A B}, year=2020, code={/abs/path}, html={ftp://x.org/a}}"
        ),
        [
            "line 1 (k): \"ftp://x.org/a\" in field `html` is not an http(s) URL or a site path: left out",
            "line 1 (k): \"/abs/path\" in field `code` is not an http(s) URL or a site path: left out",
        ]
    );
}

#[test]
fn author_lists_split_only_on_top_level_and() {
    let paper = only(
        "@misc{k, title={T}, year=2020, author = {Anderson, Ann AND {Smith and Sons} and \
         Brand, Dan and {} and others}}",
    );
    assert_eq!(
        names(&paper),
        ["Ann Anderson", "Smith and Sons", "Dan Brand"]
    );
    assert_eq!(paper.note.as_deref(), Some("Further authors not listed"));
    assert_eq!(
        messages("@misc{k, title={T}, year=2020, author={others}}"),
        ["line 1 (k): missing author"]
    );
}

#[test]
fn values_nest_escape_and_concatenate() {
    let paper = only(
        "@misc{k, author = \"M{\\\"u}ller, J{\\\"o}rg\", year = 2020,\n\
         title = {Sets \\{a, b\\} and {nested {braces}}} # \" -- \" # 42,\n\
         abstract = \"Sch\\\"on, {\\\"u}ber {\"so\"}\"}",
    );
    assert_eq!(names(&paper), ["Jörg Müller"]);
    assert_eq!(paper.title, "Sets {a, b} and nested braces – 42");
    assert_eq!(paper.summary, "Schön, über \"so\"");
}

#[test]
fn comments_preamble_bom_and_percent_lines_are_skipped() {
    let text = "\u{feff}% @misc{no, title={No}, author={N O}, year=2000}\n\
                @Comment{ @misc{no2, title={No}} }\n\
                @comment this whole line is a comment\n\
                @PREAMBLE{ \"\\newcommand{\\x}{}\" }\n\
                @misc{yes,\n  % note = {commented out},\n  title={Yes}, author={Y E S}, year=2000,\n}\n";
    let import = parse_bib(text);
    assert_eq!(import.problems, []);
    assert_eq!(import.papers.len(), 1);
    assert_eq!(import.papers[0].note, None);
}

#[test]
fn syntax_errors_are_reported_and_reading_resumes() {
    let text = "@misc{a title={T}}\n\
                @misc{b, title {T}}\n\
                @misc{c, title = \"unterminated}\n\
                @misc{d, title = ,}\n\
                @misc{e, title={T} author={A}}\n\
                @misc{f, title={T}, year=2020, author={A B}}\n\
                @oops\n\
                @misc{g, title={T}, year=2020, author={A B}";
    let import = parse_bib(text);
    assert_eq!(
        import
            .problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [
            "line 1 (a): missing `,` after the key",
            "line 2 (b): missing `=` after field `title`",
            "line 3 (c): unterminated quoted value in field `title`",
            "line 4 (d): expected a value for field `title`, found `,`",
            "line 5 (e): missing `,` after field `title`",
            "line 7: expected `{` after `@oops`",
            "line 8 (g): missing closing brace (the file ends first)",
        ]
    );
    assert_eq!(import.papers.len(), 1);
    assert_eq!(import.papers[0].id, "f");
}

#[test]
fn unclosed_parenthesis_is_named() {
    assert_eq!(
        messages("@misc(k, title={T}\n@misc{j, title={T}, year=2020, author={A B}}"),
        ["line 1 (k): missing closing parenthesis (the entry runs into line 2)"]
    );
}

#[test]
fn big_files_and_pathological_input_finish_quickly() {
    let entry = "@article{key%, title = {Title %}, author = {Last, First}, year = 2024}\n";
    let text: String = (0..20_000)
        .map(|index| entry.replace('%', &index.to_string()))
        .collect();
    assert_eq!(parse_bib(&text).papers.len(), 20_000);
    // Unclosed braces and stray `@`s all on one line: nothing may be rescanned per entry.
    let text = "@a{k, t = {{{{ @b{ @c( \"".repeat(50_000);
    assert_eq!(parse_bib(&text).papers.len(), 0);
    let text = "@a{k,\n t = {\n".repeat(50_000);
    assert_eq!(parse_bib(&text).problems.len(), 50_000);
}

/// Fragments of BibTeX syntax and text.
fn noise() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "@",
        "@article",
        "@string",
        "@comment",
        "@preamble",
        "@misc",
        "{",
        "}",
        "(",
        ")",
        "\"",
        "=",
        ",",
        "#",
        "%",
        "\\",
        "\\\"",
        "\n",
        "\r\n",
        " ",
        "title",
        "author",
        "year",
        "and",
        "others",
        "key",
        "{\\\"o}",
        "--",
        "$x$",
        "https://x.org",
        "10.1000/x",
        "é",
        "王",
    ])
}

/// Whole fields, good and bad.
fn field() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "title = {T},",
        "title=\"A {B} $x$\",",
        "title = {},",
        "title = { {} },",
        "author = {Doe, J. and others},",
        "author={{Barnes and Noble}},",
        "author = m,",
        "author = {others},",
        "author = { and },",
        "year = 2024,",
        "year={2024}",
        "year = {24},",
        "month = jul,",
        "month = {13},",
        "day = {31},",
        "date={2024-02-30},",
        "date = {2024-02},",
        "doi = {doi:10.1000/x},",
        "url = {https://x.org},",
        "pdf = {a b.pdf},",
        "code = {/x},",
        "eprint={2401.00001},",
        "journal = {arXiv},",
        "keywords = {;,},",
    ])
}

/// Text shaped like a run of entries, some of them whole, with noise in and between them.
fn bibish() -> impl Strategy<Value = String> {
    let header = prop::sample::select(vec![
        "@misc{k,",
        "@article(Key:1/x,",
        "@string{m = \"M\"",
        "@misc{::,",
        "@inproceedings{K,",
        "@misc{",
        "@comment{",
    ]);
    let close = prop::sample::select(vec!["}", "}", "}", ")", "", "}}"]);
    let core = prop::sample::select(vec!["title = {T},", "author = {A B},", "year = 2024,"]);
    let body = prop::collection::vec(prop_oneof![4 => core, 2 => field(), 1 => noise()], 0..10);
    let entry = (header, body, close)
        .prop_map(|(header, body, close)| format!("{header}{}{close}\n", body.concat()));
    prop::collection::vec(prop_oneof![entry, noise().prop_map(String::from)], 0..20)
        .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn arbitrary_input_never_panics_and_yields_valid_papers(
        text in bibish()
    ) {
        let import = parse_bib(&text);
        for paper in &import.papers {
            prop_assert!(!paper.title.trim().is_empty());
            prop_assert!(!paper.authors.is_empty());
            prop_assert!(paper.authors.iter().all(|author| !author.name.trim().is_empty()));
            prop_assert!(is_slug(&paper.id), "{}", paper.id);
            prop_assert!(PartialDate::parse(&paper.date).is_ok(), "{}", paper.date);
        }
        for problem in &import.problems {
            prop_assert!(problem.line >= 1);
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,200}") {
        let _ = parse_bib(&text);
    }

    #[test]
    fn well_formed_entries_always_load(
        title in "[A-Za-z][A-Za-z ]{0,20}",
        year in 1000u32..10_000,
        month in 1u8..=12,
    ) {
        let text = format!("@article{{k, title = {{{title}}}, author = {{Doe, J.}}, year = {year}, month = {month}}}");
        let paper = only(&text);
        prop_assert_eq!(paper.date, format!("{year}-{month:02}"));
        prop_assert_eq!(paper.title, title.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}

/// The one paper of a small `.bib` text, and what was reported.
fn single(text: &str) -> (Paper, Vec<BibProblem>) {
    let import = parse_bib(text);
    assert_eq!(import.papers.len(), 1, "{:#?}", import.problems);
    (import.papers[0].clone(), import.problems)
}

#[test]
fn a_url_field_of_several_urls_keeps_each_as_a_link() {
    let (paper, problems) = single(
        "@article{a, title = {T}, author = {A, B}, year = 2024, journal = {J},\n  url = {https://example.org/one https://example.org/two.pdf}}",
    );
    assert_eq!(problems, []);
    assert_eq!(
        paper.links,
        [
            link(LinkKind::Html, "https://example.org/one"),
            link(LinkKind::Pdf, "https://example.org/two.pdf")
        ]
    );
}

#[test]
fn site_paths_with_spaces_or_other_scripts_are_percent_encoded() {
    let (paper, problems) = single(
        "@article{a, title = {T}, author = {A, B}, year = 2024, journal = {J},\n  pdf = {Some Name - Título.pdf}}",
    );
    assert_eq!(problems, []);
    assert_eq!(
        paper.links,
        [link(
            LinkKind::Pdf,
            "assets/pdf/Some%20Name%20-%20T%C3%ADtulo.pdf"
        )]
    );
}

#[test]
fn html_links_and_doi_prefixes_give_their_url_and_doi() {
    let (paper, problems) = single(
        "@article{a, title = {T}, author = {A, B}, year = 2024, journal = {J},\n  doi = {<a href=\"https://doi.org/10.1000/xyz\">10.1000/xyz</a>},\n  url = {<a href='https://example.org/paper'>paper</a>}}",
    );
    assert_eq!(problems, []);
    assert_eq!(paper.doi.as_deref(), Some("10.1000/xyz"));
    assert!(
        paper
            .links
            .contains(&link(LinkKind::Html, "https://example.org/paper")),
        "{:?}",
        paper.links
    );
    let (paper, _) = single(
        "@article{b, title = {T}, author = {A, B}, year = 2024, journal = {J}, doi = {doi:10.1000/abc}}",
    );
    assert_eq!(paper.doi.as_deref(), Some("10.1000/abc"));
}

#[test]
fn a_field_given_twice_is_reported_with_its_line_and_the_first_kept() {
    let (paper, problems) = single(
        "@article{a,\n  title = {First},\n  author = {A, B},\n  title = {Second},\n  year = 2024, journal = {J}}",
    );
    assert_eq!(paper.title, "First");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].line, 4);
    assert!(
        problems[0].message.contains("title"),
        "{}",
        problems[0].message
    );
}

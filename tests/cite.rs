#![cfg(not(target_arch = "wasm32"))]
//! Citation export: keys, BibTeX, RIS, CSL-JSON and the plain-text styles, on the demo data and on
//! papers built to be awkward.

use proptest::prelude::*;
use vita::model::bibtex::parse_bib;
use vita::model::cite::{self, Citable, CitationKeys, Format, bibtex, csl, ris, text};
use vita::model::date::PartialDate;
use vita::model::latex;
use vita::model::names::display_name;
use vita::model::parse_site_file;
use vita::model::schema::{Author, Paper, PaperKind, PaperStatus};

/// The demo papers with their parsed dates and keys.
struct Demo {
    papers: Vec<Paper>,
    dates: Vec<PartialDate>,
    keys: CitationKeys,
}

impl Demo {
    fn load() -> Self {
        let file = parse_site_file(include_str!("../public/data/site.json")).expect("demo parses");
        let dates = dates(&file.papers);
        let keys = CitationKeys::new(&file.papers, &dates);
        Self {
            papers: file.papers,
            dates,
            keys,
        }
    }

    fn index(&self, id: &str) -> usize {
        self.papers
            .iter()
            .position(|paper| paper.id == id)
            .unwrap_or_else(|| panic!("no demo paper {id}"))
    }

    /// The paper with this id, as the app would cite it (without a site URL).
    fn citable(&self, id: &str) -> Citable<'_> {
        let index = self.index(id);
        citable(&self.papers[index], self.keys.key(index), self.dates[index])
    }

    fn all(&self) -> Vec<Citable<'_>> {
        (0..self.papers.len())
            .map(|index| citable(&self.papers[index], self.keys.key(index), self.dates[index]))
            .collect()
    }
}

fn dates(papers: &[Paper]) -> Vec<PartialDate> {
    papers
        .iter()
        .map(|paper| PartialDate::parse(&paper.date).expect("valid date"))
        .collect()
}

fn citable<'a>(paper: &'a Paper, key: &'a str, date: PartialDate) -> Citable<'a> {
    Citable {
        paper,
        key,
        date,
        status: paper.status(),
        url: None,
    }
}

fn paper(json: serde_json::Value) -> Paper {
    serde_json::from_value(json).expect("a valid paper")
}

/// A journal article whose every field needs care in some format.
fn awkward_article() -> Paper {
    paper(serde_json::json!({
        "id": "ngram",
        "title": r"Learning $n$-gram Statistics: 100% of R&D_budget #1 via \( \mathcal{O}(n) \) LLMs",
        "authors": ["Kurt Gödel", "Ludwig van Beethoven", "Martin Luther King Jr.", "Plato", "Dvořák, Antonín"],
        "date": "2021-09-14",
        "kind": "journal",
        "venue": "Journal of Examples & Tests",
        "volume": "12",
        "issue": "3",
        "pages": "101-118",
        "publisher": "Example Press",
        "abstract": r"We *prove* a `bound` on [the thing](https://example.org/thing) for \( X_n \).",
        "doi": "10.1000/xyz_123",
        "arxiv": "2101.00001",
        "links": [
            { "kind": "code", "url": "https://example.org/code" },
            { "kind": "pdf", "url": "files/ngram.pdf" },
            { "kind": "pdf", "url": "https://example.org/ngram.pdf" }
        ],
        "tags": ["math", "R&D"],
        "awards": ["Best Paper"],
        "note": "With 50% more {braces}."
    }))
}

fn export_one(format: Format, paper: &Paper, key: &str) -> String {
    let date = PartialDate::parse(&paper.date).expect("valid date");
    cite::export(format, &[citable(paper, key, date)])
}

/// Whether braces balance, a backslash escaping the character after it.
fn balanced(value: &str) -> bool {
    let mut depth = 0i32;
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// The `name = value` fields of one BibTeX entry, with the braces around values removed.
fn bibtex_fields(entry: &str) -> Vec<(String, String)> {
    entry
        .lines()
        .filter_map(|line| line.strip_prefix("  "))
        .map(|line| {
            let (name, value) = line.split_once(" = ").expect("a field line");
            let value = value.strip_suffix(',').expect("fields end with a comma");
            (name.trim().to_string(), value.to_string())
        })
        .collect()
}

fn field(entry: &str, name: &str) -> Option<String> {
    bibtex_fields(entry)
        .into_iter()
        .find(|(field, _)| field == name)
        .map(|(_, value)| value)
}

#[test]
fn keys_name_first_author_year_and_first_significant_title_word() {
    let demo = Demo::load();
    let key = |id| demo.keys.key(demo.index(id)).to_string();
    assert_eq!(
        key("distillation-robustifies-unlearning"),
        "lee2025distillation"
    );
    assert_eq!(
        key("automatically-interpreting-features"),
        "paulo2025automatically"
    );
    assert_eq!(
        key("misalignment-means-as-ends"),
        "marklund2025misalignment"
    );
    assert_eq!(key("persian-rug"), "cowsik2024persian", "'The' is skipped");
    assert_eq!(
        key("why-models-fake-alignment"),
        "sheshadri2025some",
        "'Why Do' is skipped"
    );
    assert_eq!(
        key("truncation-algorithms-thesis"),
        "infanger2022truncation"
    );
    assert_eq!(key("poisson-equation-representations"), "glynn2023solution");
}

#[test]
fn keys_are_unique_over_the_demo_and_use_only_lowercase_letters_and_digits() {
    let demo = Demo::load();
    let keys: Vec<&str> = (0..demo.papers.len())
        .map(|index| demo.keys.key(index))
        .collect();
    let mut unique = keys.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "{keys:?}");
    for key in keys {
        assert!(
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
            "{key}"
        );
    }
}

#[test]
fn colliding_keys_all_get_letter_suffixes_in_paper_order() {
    let demo = Demo::load();
    let key = |id| demo.keys.key(demo.index(id)).to_string();
    assert_eq!(
        key("truncation-continuous-state"),
        "infanger2022convergencea"
    );
    assert_eq!(
        key("truncation-augmentation-convergence"),
        "infanger2022convergenceb"
    );
}

#[test]
fn suffixed_keys_never_take_another_papers_key() {
    let smith = |title: &str| {
        paper(serde_json::json!({
            "id": "x", "title": title, "authors": ["Ann Smith"], "date": "2020", "kind": "journal"
        }))
    };
    let papers = vec![
        smith("Graphs"),
        smith("Graphs, again"),
        smith("On graphs"),
        smith("Graphsa"),
    ];
    let keys = CitationKeys::new(&papers, &dates(&papers));
    let keys: Vec<&str> = (0..papers.len()).map(|index| keys.key(index)).collect();
    assert_eq!(
        keys,
        [
            "smith2020graphsb",
            "smith2020graphsc",
            "smith2020graphsd",
            "smith2020graphsa"
        ]
    );
}

#[test]
fn keys_fold_names_keep_particles_and_fall_back_to_the_index() {
    let papers: Vec<Paper> = [
        ("Benjamin Van Roy", "The $n$-gram view"),
        ("Gödel, Kurt", "Über formal unentscheidbare Sätze"),
        ("Pat O’Brien", "Don't panic"),
        ("王小明", "A study"),
        ("Ann Smith", "On the"),
    ]
    .into_iter()
    .map(|(author, title)| {
        paper(serde_json::json!({
            "id": "x", "title": title, "authors": [author], "date": "1931-01", "kind": "journal"
        }))
    })
    .collect();
    let keys = CitationKeys::new(&papers, &dates(&papers));
    let keys: Vec<&str> = (0..papers.len()).map(|index| keys.key(index)).collect();
    assert_eq!(
        keys,
        [
            "vanroy1931gram",
            "godel1931uber",
            "obrien1931dont",
            "paper31931study",
            "smith1931"
        ]
    );
}

#[test]
fn a_paper_keeps_its_key_when_the_list_is_filtered() {
    let demo = Demo::load();
    let all = bibtex::to_bibtex(&demo.all());
    let alone = bibtex::to_bibtex(&[demo.citable("truncation-augmentation-convergence")]);
    assert!(
        alone.starts_with("@misc{infanger2022convergenceb,\n"),
        "{alone}"
    );
    assert!(
        all.contains(&alone),
        "the entry is the same alone and in the list"
    );
    let journals: Vec<Citable<'_>> = demo
        .all()
        .into_iter()
        .filter(|entry| entry.paper.kind == PaperKind::Journal)
        .collect();
    let filtered = bibtex::to_bibtex(&journals);
    assert!(filtered.starts_with("@article{infanger2024posteriori,\n"));
    assert!(filtered.contains("\n\n@article{glynn2023solution,\n"));
}

#[test]
fn bibtex_conference_paper_encodes_accented_authors() {
    let demo = Demo::load();
    let mut paper = demo.papers[demo.index("automatically-interpreting-features")].clone();
    paper.summary.clear();
    let expected = "\
@inproceedings{paulo2025automatically,
  author    = {Paulo, Gon{\\c{c}}alo and Mallen, Alex and Juang, Caden and Belrose, Nora},
  title     = {Automatically Interpreting Millions of Features in Large Language Models},
  booktitle = {ICML 2025},
  year      = 2025,
  keywords  = {interpretability, sparse autoencoders, language models},
}
";
    assert_eq!(
        export_one(Format::Bibtex, &paper, "paulo2025automatically"),
        expected
    );
}

#[test]
fn bibtex_preprint_is_misc_with_every_author_and_the_site_url() {
    let demo = Demo::load();
    let mut entry = demo.citable("distillation-robustifies-unlearning");
    let mut paper = entry.paper.clone();
    paper.summary.clear();
    entry.paper = &paper;
    entry.url = Some("https://example.org/vita/papers/distillation-robustifies-unlearning".into());
    let expected = "\
@misc{lee2025distillation,
  author       = {Lee, B. W. and Foote, A. and Infanger, A. and Shor, L. and Kamath, H. and Goldman-Wetzler, J. and Woodworth, B. and Cloud, A. and Turner, A. M.},
  title        = {Distillation Robustifies Unlearning},
  howpublished = {Preprint},
  year         = 2025,
  month        = may,
  url          = {https://example.org/vita/papers/distillation-robustifies-unlearning},
  keywords     = {unlearning, distillation, robustness},
  award        = {MATS 7 spotlight talk},
}
";
    assert_eq!(bibtex::to_bibtex(&[entry]), expected);
}

#[test]
fn bibtex_journal_article_has_a_month_macro() {
    let demo = Demo::load();
    let expected = "\
@article{infanger2024posteriori,
  author   = {Infanger, A. and Glynn, P. W.},
  title    = {A posteriori error bounds for truncated Markov chain linear systems arising from first transition analysis},
  journal  = {Operations Research Letters},
  year     = 2024,
  month    = mar,
  abstract = {Many expectations and probabilities of a Markov chain solve a linear system obtained by conditioning on the first transition. With a very large or infinite state space that system must be truncated before it can be solved. This paper gives computable lower and upper bounds on the error of doing so, and tries them on two numerical examples.},
  keywords = {Markov chains, truncation, error bounds},
}
";
    assert_eq!(
        bibtex::to_bibtex(&[demo.citable("a-posteriori-error-bounds")]),
        expected
    );
}

#[test]
fn bibtex_thesis_names_the_school_and_keeps_abstract_math() {
    let demo = Demo::load();
    let expected = r"@phdthesis{infanger2022truncation,
  author   = {Infanger, Alex},
  title    = {Truncation Algorithms for Markov Chains and Processes},
  school   = {Stanford University},
  year     = 2022,
  url      = {https://example.org/demo-links/truncation-algorithms-thesis/pdf},
  abstract = {How to approximate a Markov chain $X=(X_n:n\geq 0)$ on a very large or infinite state space by a chain on a smaller subset $A$. Transitions that would leave $A$ for $A^c$ are sent back into $A$; the thesis gives new conditions under which this estimates the stationary distribution $\pi$ well as $A$ grows, and a new approximation of $\pi$ on $A$ that comes with error bounds.},
  keywords = {Markov chains, truncation},
  award    = {Gene Golub Dissertation Award, honorable mention},
}
";
    assert_eq!(
        bibtex::to_bibtex(&[demo.citable("truncation-algorithms-thesis")]),
        expected
    );
}

#[test]
fn bibtex_escapes_specials_keeps_math_and_protects_acronyms() {
    let expected = r#"@article{godel2021learning,
  author        = {G{\"o}del, Kurt and van Beethoven, Ludwig and King, Jr., Martin Luther and Plato and Dvo{\v{r}}{\'a}k, Anton{\'i}n},
  title         = {Learning $n$-gram Statistics: 100\% of R\&D\_budget \#1 via $ \mathcal{O}(n) $ {LLMs}},
  journal       = {Journal of Examples \& Tests},
  year          = 2021,
  month         = sep,
  day           = 14,
  volume        = {12},
  number        = {3},
  pages         = {101--118},
  publisher     = {Example Press},
  doi           = {10.1000/xyz_123},
  eprint        = {2101.00001},
  archiveprefix = {arXiv},
  url           = {https://example.org/ngram.pdf},
  abstract      = {We prove a bound on the thing for $ X_n $.},
  keywords      = {math, R\&D},
  award         = {Best Paper},
  note          = {With 50\% more \{braces\}.},
}
"#;
    assert_eq!(
        export_one(Format::Bibtex, &awkward_article(), "godel2021learning"),
        expected
    );
}

#[test]
fn bibtex_entries_are_separated_by_one_blank_line() {
    let demo = Demo::load();
    let out = bibtex::to_bibtex(&demo.all());
    assert_eq!(out.matches("\n\n@").count(), demo.papers.len() - 1);
    assert!(out.ends_with("}\n") && !out.contains("\n\n\n"));
    assert_eq!(bibtex::to_bibtex(&[]), "");
}

#[test]
fn latex_decode_reads_back_escaped_titles_and_names() {
    for title in [
        "Gödel, Escher & Bach: 100% of the_best #1 {set} ~ \\ Straße–Øre—Łukasz",
        "Learning $n$-gram Statistics of LLMs",
        "Dvořák Åse Erdős ç",
    ] {
        let mut article = awkward_article();
        article.title = title.to_string();
        let out = export_one(Format::Bibtex, &article, "k");
        let value = field(&out, "title").expect("a title");
        assert_eq!(latex::decode(&value), title, "{value}");
        let authors = field(&out, "author").expect("authors");
        assert_eq!(
            latex::decode(&authors),
            "Gödel, Kurt and van Beethoven, Ludwig and King, Jr., Martin Luther and Plato and Dvořák, Antonín"
        );
    }
}

fn display_names(paper: &Paper) -> Vec<String> {
    paper
        .authors
        .iter()
        .map(|author| display_name(&author.name))
        .collect()
}

#[test]
fn bibtex_export_reads_back_with_the_bibtex_reader() {
    let demo = Demo::load();
    let article = awkward_article();
    let mut entries = demo.all();
    entries.push(citable(
        &article,
        "godel2021learning",
        PartialDate::parse(&article.date).expect("valid date"),
    ));
    let import = parse_bib(&bibtex::to_bibtex(&entries));
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    assert_eq!(import.papers.len(), entries.len());
    for (entry, read) in entries.iter().zip(&import.papers) {
        let paper = entry.paper;
        assert_eq!(read.id, entry.key);
        // `\( … \)` math is written as `$ … $`, which is what comes back.
        let title = paper.title.replace(r"\(", "$").replace(r"\)", "$");
        assert_eq!(read.title, title);
        assert_eq!(display_names(read), display_names(paper), "{}", paper.id);
        assert_eq!(read.date, paper.date);
        assert_eq!(
            (
                &read.volume,
                &read.issue,
                &read.doi,
                &read.arxiv,
                &read.tags
            ),
            (
                &paper.volume,
                &paper.issue,
                &paper.doi,
                &paper.arxiv,
                &paper.tags
            ),
            "{}",
            paper.id
        );
        assert_eq!(
            (&read.awards, &read.note),
            (&paper.awards, &paper.note),
            "{}",
            paper.id
        );
        // Published papers keep their kind and venue; preprints come back as preprints (a
        // workshop preprint with a venue is cited as the workshop paper it is).
        if entry.status == PaperStatus::Published {
            assert_eq!(read.kind, paper.kind, "{}", paper.id);
            match paper.kind {
                PaperKind::Thesis => assert_eq!(read.publisher, paper.publisher),
                _ => assert_eq!(read.venue, paper.venue, "{}", paper.id),
            }
        } else if paper.venue.is_none() {
            assert_eq!(read.kind, PaperKind::Preprint, "{}", paper.id);
            assert_eq!(read.status, Some(PaperStatus::Preprint), "{}", paper.id);
        }
    }
    let read = import.papers.last().expect("the article");
    assert_eq!(read.pages.as_deref(), Some("101--118"));
    assert_eq!(read.summary, r"We prove a bound on the thing for $ X_n $.");
}

#[test]
fn ris_records_start_with_ty_end_with_er_and_use_crlf() {
    let demo = Demo::load();
    let out = ris::to_ris(&demo.all());
    assert!(
        !out.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    let records: Vec<&str> = out.split("\r\n\r\n").collect();
    assert_eq!(records.len(), demo.papers.len());
    for (record, paper) in records.iter().zip(&demo.papers) {
        let lines: Vec<&str> = record.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines[0].starts_with("TY  - "), "{record}");
        assert_eq!(*lines.last().unwrap(), "ER  - ");
        for line in &lines {
            let bytes = line.as_bytes();
            assert!(
                bytes.len() >= 6
                    && bytes[..2]
                        .iter()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                    && &bytes[2..6] == b"  - ",
                "malformed line {line:?}"
            );
        }
        let authors = lines
            .iter()
            .filter(|line| line.starts_with("AU  - "))
            .count();
        assert_eq!(authors, paper.authors.len(), "{}", paper.id);
        assert_eq!(
            lines.iter().filter(|line| line.starts_with("TY")).count(),
            1
        );
        assert_eq!(
            lines.iter().filter(|line| line.starts_with("ER")).count(),
            1
        );
    }
}

#[test]
fn ris_record_carries_every_field() {
    let expected = [
        "TY  - JOUR",
        "ID  - godel2021learning",
        "AU  - Gödel, Kurt",
        "AU  - van Beethoven, Ludwig",
        "AU  - King, Martin Luther, Jr.",
        "AU  - Plato",
        "AU  - Dvořák, Antonín",
        r"TI  - Learning $n$-gram Statistics: 100% of R&D_budget #1 via \( \mathcal{O}(n) \) LLMs",
        "PY  - 2021",
        "DA  - 2021/09/14/",
        "JO  - Journal of Examples & Tests",
        "VL  - 12",
        "IS  - 3",
        "SP  - 101",
        "EP  - 118",
        "PB  - Example Press",
        "DO  - 10.1000/xyz_123",
        "UR  - https://example.org/ngram.pdf",
        "UR  - https://arxiv.org/abs/2101.00001",
        r"AB  - We prove a bound on the thing for \( X_n \).",
        "KW  - math",
        "KW  - R&D",
        "N1  - Best Paper; With 50% more {braces}.",
        "ER  - ",
        "",
    ]
    .join("\r\n");
    assert_eq!(
        export_one(Format::Ris, &awkward_article(), "godel2021learning"),
        expected
    );
}

#[test]
fn ris_types_and_dates_follow_kind_status_and_precision() {
    let demo = Demo::load();
    let record = |id| ris::to_ris(&[demo.citable(id)]);
    let thesis = record("truncation-algorithms-thesis");
    assert!(thesis.starts_with("TY  - THES\r\n"));
    assert!(thesis.contains("DA  - 2022///\r\nPB  - Stanford University\r\n"));
    let preprint = record("misalignment-means-as-ends");
    assert!(preprint.starts_with("TY  - UNPB\r\n") && preprint.contains("DA  - 2025/07//\r\n"));
    assert!(record("reverse-language-models").contains("TY  - CPAPER\r\n"));
    assert!(record("reverse-language-models").contains("T2  - SoLaR Workshop at NeurIPS 2023\r\n"));
    assert!(record("a-posteriori-error-bounds").contains("JO  - Operations Research Letters\r\n"));
}

#[test]
fn csl_json_is_an_array_of_typed_items_with_structured_authors() {
    let demo = Demo::load();
    let out = csl::to_csl_json(&demo.all());
    assert!(out.starts_with("[\n  {\n    \"id\": "), "two-space indents");
    let items: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let items = items.as_array().expect("an array");
    assert_eq!(items.len(), demo.papers.len());
    let types = [
        "article-journal",
        "paper-conference",
        "thesis",
        "book",
        "chapter",
        "report",
        "article",
        "speech",
        "document",
    ];
    for ((item, paper), index) in items.iter().zip(&demo.papers).zip(0..) {
        assert_eq!(item["id"], demo.keys.key(index));
        assert!(types.contains(&item["type"].as_str().unwrap()), "{item}");
        assert_eq!(item["title"], paper.title.as_str());
        assert_eq!(item["issued"]["date-parts"][0][0], demo.dates[index].year);
        let authors = item["author"].as_array().expect("authors");
        assert_eq!(authors.len(), paper.authors.len());
        for author in authors {
            assert!(
                (author["family"].is_string() && author["given"].is_string())
                    || author["literal"].is_string(),
                "{author}"
            );
        }
    }
    assert_eq!(csl::to_csl_json(&[]), "[]\n");
}

#[test]
fn csl_json_item_maps_every_field() {
    let out = export_one(Format::CslJson, &awkward_article(), "godel2021learning");
    let items: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let expected = serde_json::json!([{
        "id": "godel2021learning",
        "type": "article-journal",
        "title": r"Learning $n$-gram Statistics: 100% of R&D_budget #1 via \( \mathcal{O}(n) \) LLMs",
        "author": [
            { "family": "Gödel", "given": "Kurt" },
            { "family": "van Beethoven", "given": "Ludwig" },
            { "family": "King", "given": "Martin Luther", "suffix": "Jr." },
            { "literal": "Plato" },
            { "family": "Dvořák", "given": "Antonín" }
        ],
        "issued": { "date-parts": [[2021, 9, 14]] },
        "container-title": "Journal of Examples & Tests",
        "volume": "12",
        "issue": "3",
        "page": "101-118",
        "publisher": "Example Press",
        "DOI": "10.1000/xyz_123",
        "URL": "https://example.org/ngram.pdf",
        "archive": "arXiv",
        "number": "2101.00001",
        "abstract": r"We prove a bound on the thing for \( X_n \).",
        "keyword": "math, R&D",
        "note": "Best Paper; With 50% more {braces}."
    }]);
    assert_eq!(items, expected);
}

#[test]
fn csl_json_marks_theses_and_preprints_with_a_genre() {
    let demo = Demo::load();
    let item = |id| -> serde_json::Value {
        serde_json::from_str(&csl::to_csl_json(&[demo.citable(id)])).expect("valid JSON")
    };
    let thesis = item("truncation-algorithms-thesis");
    assert_eq!(thesis[0]["type"], "thesis");
    assert_eq!(thesis[0]["genre"], "PhD thesis");
    assert_eq!(thesis[0]["publisher"], "Stanford University");
    assert!(thesis[0].get("container-title").is_none());
    let preprint = item("persian-rug");
    assert_eq!(preprint[0]["type"], "article");
    assert_eq!(preprint[0]["genre"], "Preprint");
    assert_eq!(
        item("reverse-language-models")[0]["type"],
        "paper-conference"
    );
}

#[test]
fn blank_optional_fields_are_left_out_of_every_format() {
    let blank = paper(serde_json::json!({
        "id": "x", "title": "Blank", "authors": ["Ann Smith"], "date": "2020", "kind": "journal",
        "venue": " ", "volume": "", "issue": " ", "pages": "", "publisher": "", "doi": " "
    }));
    let bibtex = export_one(Format::Bibtex, &blank, "k");
    assert_eq!(
        bibtex,
        "@article{k,\n  author = {Smith, Ann},\n  title  = {Blank},\n  year   = 2020,\n}\n"
    );
    let csl: serde_json::Value =
        serde_json::from_str(&export_one(Format::CslJson, &blank, "k")).expect("valid JSON");
    let mut fields: Vec<&str> = csl[0]
        .as_object()
        .expect("an item")
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["author", "id", "issued", "title", "type"]);
    assert_eq!(
        export_one(Format::Ris, &blank, "k"),
        "TY  - JOUR\r\nID  - k\r\nAU  - Smith, Ann\r\nTI  - Blank\r\nPY  - 2020\r\nDA  - 2020///\r\nER  - \r\n"
    );
    assert_eq!(
        export_one(Format::Apa, &blank, "k"),
        "Smith, A. (2020). Blank.\n"
    );
    assert_eq!(
        export_one(Format::CvLine, &blank, "k"),
        "A. Smith. \"Blank.\" Journal article, 2020.\n"
    );
}

#[test]
fn apa_references_list_initials_dates_and_sources() {
    let demo = Demo::load();
    let ids = [
        "distillation-robustifies-unlearning",
        "truncation-algorithms-thesis",
        "automatically-interpreting-features",
        "why-models-fake-alignment",
    ];
    let entries: Vec<Citable<'_>> = ids.iter().map(|id| demo.citable(id)).collect();
    let expected = "\
Lee, B. W., Foote, A., Infanger, A., Shor, L., Kamath, H., Goldman-Wetzler, J., Woodworth, B., Cloud, A., & Turner, A. M. (2025, May). Distillation Robustifies Unlearning. Preprint.

Infanger, A. (2022). Truncation Algorithms for Markov Chains and Processes [Doctoral dissertation, Stanford University]. https://example.org/demo-links/truncation-algorithms-thesis/pdf

Paulo, G., Mallen, A., Juang, C., & Belrose, N. (2025). Automatically Interpreting Millions of Features in Large Language Models. In ICML 2025.

Sheshadri, A., Hughes, J., Michael, J., Mallen, A., Jose, A., & Roger, F. (2025). Why Do Some Language Models Fake Alignment While Others Don't? In NeurIPS 2025.
";
    assert_eq!(text::to_apa(&entries), expected);
}

#[test]
fn apa_journal_reference_has_volume_issue_pages_and_doi() {
    assert_eq!(
        export_one(Format::Apa, &awkward_article(), "k"),
        r"Gödel, K., van Beethoven, L., King, M. L., Jr., Plato, & Dvořák, A. (2021, September 14). Learning $n$-gram Statistics: 100% of R&D_budget #1 via \( \mathcal{O}(n) \) LLMs. Journal of Examples & Tests, 12(3), 101–118. https://doi.org/10.1000/xyz_123
"
    );
}

#[test]
fn text_styles_shorten_long_author_lists_and_end_names_with_one_period() {
    let authors: Vec<String> = (1..=25).map(|n| format!("Author{n} Family{n}")).collect();
    let long = paper(serde_json::json!({
        "id": "x", "title": "Many hands", "authors": authors, "date": "2020", "kind": "preprint"
    }));
    let out = export_one(Format::Apa, &long, "k");
    assert!(
        out.starts_with("Family1, A., Family2, A., ")
            && out.contains("Family19, A., … Family25, A. (2020).")
            && !out.contains("Family20,"),
        "{out}"
    );
    let suffixed = paper(serde_json::json!({
        "id": "x", "title": "Dreams", "authors": ["Martin Luther King Jr."], "date": "1963", "kind": "talk"
    }));
    assert_eq!(
        export_one(Format::Apa, &suffixed, "k"),
        "King, M. L., Jr. (1963). Dreams.\n"
    );
    assert_eq!(
        export_one(Format::CvLine, &suffixed, "k"),
        "M. L. King Jr. \"Dreams.\" Talk, 1963.\n"
    );
    let two = paper(serde_json::json!({
        "id": "x", "title": "Two", "authors": ["Jean-Pierre Serre", "B. Lee"], "date": "2020", "kind": "preprint"
    }));
    assert_eq!(
        export_one(Format::Apa, &two, "k"),
        "Serre, J.-P., & Lee, B. (2020). Two. Preprint.\n"
    );
}

#[test]
fn cv_lines_put_initials_first_quote_titles_and_add_awards() {
    let demo = Demo::load();
    let ids = [
        "distillation-robustifies-unlearning",
        "automatically-interpreting-features",
        "truncation-algorithms-thesis",
        "a-posteriori-error-bounds",
    ];
    let entries: Vec<Citable<'_>> = ids.iter().map(|id| demo.citable(id)).collect();
    let expected = "\
B. W. Lee, A. Foote, A. Infanger, L. Shor, H. Kamath, J. Goldman-Wetzler, B. Woodworth, A. Cloud and A. M. Turner. \"Distillation Robustifies Unlearning.\" Preprint, 2025 (MATS 7 spotlight talk).
G. Paulo, A. Mallen, C. Juang and N. Belrose. \"Automatically Interpreting Millions of Features in Large Language Models.\" ICML 2025.
A. Infanger. \"Truncation Algorithms for Markov Chains and Processes.\" PhD thesis, Stanford University, 2022 (Gene Golub Dissertation Award, honorable mention).
A. Infanger and P. W. Glynn. \"A posteriori error bounds for truncated Markov chain linear systems arising from first transition analysis.\" Operations Research Letters, 2024.
";
    assert_eq!(text::to_cv_line(&entries), expected);
    assert_eq!(
        text::to_cv_line(&[demo.citable("why-models-fake-alignment")]),
        "A. Sheshadri, J. Hughes, J. Michael, A. Mallen, A. Jose and F. Roger. \"Why Do Some Language Models Fake Alignment While Others Don't?\" NeurIPS 2025.\n"
    );
}

#[test]
fn export_dispatches_to_each_format() {
    let demo = Demo::load();
    let entries = demo.all();
    let expected = [
        bibtex::to_bibtex(&entries),
        ris::to_ris(&entries),
        csl::to_csl_json(&entries),
        text::to_apa(&entries),
        text::to_cv_line(&entries),
    ];
    for (format, expected) in Format::ALL.into_iter().zip(expected) {
        assert_eq!(
            cite::export(format, &entries),
            expected,
            "{}",
            format.label()
        );
    }
    let extensions: Vec<&str> = Format::ALL
        .iter()
        .map(|format| format.file_extension())
        .collect();
    assert_eq!(extensions, ["bib", "ris", "json", "txt", "txt"]);
    assert_eq!(
        Format::CslJson.mime_type(),
        "application/vnd.citationstyles.csl+json"
    );
}

/// Characters that BibTeX, LaTeX or the name parser treat specially, and some that are merely
/// not ASCII.
const HOSTILE: &[char] = &[
    '{', '}', '\\', '$', '%', '&', '_', '#', '^', '~', '"', '\'', '`', ',', '(', ')', '[', ']',
    '*', '-', '–', '—', ' ', ' ', '\n', 'a', 'n', 'd', 'A', 'Z', 'é', 'ç', 'ř', 'ö', 'Å', 'ß', 'ø',
    'Ł', '王', 'Ω', '\u{301}', '\u{a0}',
];

fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(HOSTILE), 0..max)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #[test]
    fn bibtex_field_values_always_balance_their_braces(
        title in hostile_text(60),
        names in proptest::collection::vec(hostile_text(30), 0..5),
        summary in hostile_text(80),
    ) {
        let mut article = awkward_article();
        article.title = title;
        article.summary = summary;
        article.authors = names.into_iter().map(Author::named).collect();
        let out = export_one(Format::Bibtex, &article, "k");
        prop_assert!(balanced(&out), "{}", out);
        for (name, value) in bibtex_fields(&out) {
            prop_assert!(balanced(&value), "{} = {}", name, value);
            prop_assert!(
                (value.starts_with('{') && value.ends_with('}'))
                    || value.chars().all(|c| c.is_ascii_alphanumeric()),
                "{} = {}", name, value
            );
        }
        // The other formats must not panic on the same input either.
        for format in Format::ALL {
            let _ = export_one(format, &article, "k");
        }
    }
}

proptest! {
    /// Backslashes are left out of titles because `\( … \)` is rewritten as `$ … $` on purpose,
    /// and carets because `latex::decode` does not know `\textasciicircum`. Names are LaTeX and
    /// "Last, First" in the data file, so braces, dollars, ties and commas mean something there.
    #[test]
    fn bibtex_titles_and_names_read_back_unchanged(
        title in hostile_text(40).prop_map(|title| title.replace(['\\', '^'], "")),
        names in proptest::collection::vec(
            hostile_text(20).prop_map(|name| name.replace(['\\', '^', '{', '}', '$', '~', ','], "")),
            1..4,
        ),
    ) {
        let collapse = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut article = awkward_article();
        article.title = title;
        article.authors = names.into_iter().map(Author::named).collect();
        let expected_names: Vec<String> = display_names(&article)
            .into_iter()
            .filter(|name| !name.is_empty())
            .collect();
        prop_assume!(!collapse(&article.title).is_empty() && !expected_names.is_empty());
        let out = export_one(Format::Bibtex, &article, "k");
        let import = parse_bib(&out);
        prop_assert_eq!(import.papers.len(), 1, "{}", out);
        let read = &import.papers[0];
        prop_assert_eq!(&read.title, &collapse(&article.title), "{}", out);
        prop_assert_eq!(display_names(read), expected_names, "{}", out);
    }
}

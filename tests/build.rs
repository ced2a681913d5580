//! The build step (`vita-render`): every route of the data written as a static page in the built
//! template, with 404.html, the sitemap, robots.txt and the feeds; nothing written when the data
//! has errors; the same bytes for the same input.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use vita::build::compress::Precompress;
use vita::build::shards::Sharding;
use vita::build::{BuildError, Options, PageKind, build_site};
use vita::model::shard::PAGE_MARKER;
use vita::model::{Severity, Site, parse_site_file};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A built shell as trunk writes it, for a site served under `base`.
fn shell(base: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><base href=\"{base}\"/><!--vita:head--><title>Vita</title><!--/vita:head--><link rel=\"stylesheet\" href=\"{base}style.css\"></head><body><div id=\"app\"><!--vita:page--><p>Loading…</p><!--/vita:page--></div><script type=\"module\">import init from '{base}vita.js';</script></body></html>"
    )
}

/// A fresh site folder holding a built shell and the data folder `data` (copied as `data/`).
fn built_site(name: &str, base: &str, data: &str) -> PathBuf {
    let dist = std::env::temp_dir().join(format!("vita-build-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dist);
    fs::create_dir_all(dist.join("data")).unwrap();
    fs::write(dist.join("index.html"), shell(base)).unwrap();
    for entry in fs::read_dir(Path::new(ROOT).join(data)).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dist.join("data").join(entry.file_name())).unwrap();
    }
    dist
}

/// Every file under `folder`, relative, with its text.
fn files(folder: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, folder: &Path, found: &mut BTreeMap<String, String>) {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, found);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .to_string();
                found.insert(relative, fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    let mut found = BTreeMap::new();
    walk(folder, folder, &mut found);
    found
}

fn build(dist: &Path) -> vita::build::Report {
    build_site(&Options {
        dist: dist.to_path_buf(),
        data: None,
        skip: Vec::new(),
        index: Sharding::Auto,
        precompress: Precompress::default(),
    })
    .expect("the site builds")
}

#[test]
fn every_route_of_the_demo_is_written_as_the_index_of_its_folder() {
    let dist = built_site("demo", "/", "public/data");
    let report = build(&dist);
    let written = files(&dist);
    let data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join("data/site.json")).unwrap()).unwrap();
    let mut expected = vec![
        "index.html".to_string(),
        "404.html".into(),
        "papers/index.html".into(),
        "news/index.html".into(),
        "authors/index.html".into(),
        "robots.txt".into(),
        "sitemap.xml".into(),
        "feed.xml".into(),
    ];
    for paper in data["papers"].as_array().unwrap() {
        expected.push(format!(
            "papers/{}/index.html",
            paper["id"].as_str().unwrap()
        ));
    }
    for person in data["people"].as_array().unwrap() {
        let id = person["id"].as_str().unwrap();
        // Everyone has papers or CV sections, so a CV.
        for page in ["", "papers/", "news/", "activity/", "cv/"] {
            expected.push(format!("people/{id}/{page}index.html"));
        }
    }
    // Only those with talks and courses have those pages.
    expected.push("people/alex-infanger/talks/index.html".into());
    expected.push("people/alex-infanger/teaching/index.html".into());
    expected.push("people/alex-infanger/feed.xml".into());
    for file in &expected {
        assert!(written.contains_key(file), "{file} is written");
    }
    let site = Site::new(
        parse_site_file(&fs::read_to_string(dist.join("data/site.json")).unwrap()).unwrap(),
    );
    for entry in site.authors().entries() {
        let file = format!("authors/{}/index.html", entry.key);
        assert!(written.contains_key(&file), "{file} is written");
        expected.push(file);
    }
    // A person without papers has a page of their name too, saying so.
    expected.push("authors/mark-xu/index.html".into());
    assert_eq!(
        expected.len(),
        8 + 13 + 3 * 5 + 2 + 1 + 33,
        "the lists, 13 papers, 3 people with 5 pages each, talks and teaching, a feed, 33 author names"
    );
    let pages = written
        .keys()
        .filter(|file| file.ends_with(".html"))
        .count();
    assert_eq!(report.pages, pages, "the report counts every page");
    assert!(
        written
            .keys()
            .all(|file| expected.contains(file) || file.starts_with("data/")),
        "nothing else: {:?}",
        written.keys().collect::<Vec<_>>()
    );
    fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn pages_hold_the_content_and_the_head_of_their_route() {
    let dist = built_site("content", "/", "public/data");
    build(&dist);
    let page = fs::read_to_string(dist.join("papers/poisson-equation-representations/index.html"))
        .unwrap();
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"en\"><head><base href=\"/\"/><!--vita:head--><title>Solution Representations"));
    assert!(page.contains("<link rel=\"canonical\" href=\"https://example.org/papers/poisson-equation-representations/\">"));
    assert!(page.contains("<h1>Solution Representations for Poisson&#39;s Equation"));
    assert!(page.contains("<math"), "the abstract's math is MathML");
    assert!(
        page.contains("<script type=\"module\">import init from '/vita.js';</script>"),
        "the shell's scripts stay"
    );
    assert!(page.contains("<!--vita:page--><a href=\"/papers/poisson-equation-representations/#main\" class=\"skip-link\">"));
    let missing = fs::read_to_string(dist.join("404.html")).unwrap();
    assert!(missing.contains("<h1>Page not found</h1>"));
    assert!(missing.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(!missing.contains("rel=\"canonical\""));
    fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn the_same_data_gives_the_same_bytes() {
    let first = built_site("same-a", "/", "public/data");
    let second = built_site("same-b", "/", "public/data");
    build(&first);
    build(&second);
    assert_eq!(files(&first), files(&second));
    // A built page is a template too: building again over it changes nothing.
    let before = files(&first);
    build(&first);
    assert_eq!(files(&first), before);
    fs::remove_dir_all(&first).unwrap();
    fs::remove_dir_all(&second).unwrap();
}

#[test]
fn data_with_errors_leaves_the_site_as_it_was() {
    let dist = built_site("errors", "/", "public/data");
    build(&dist);
    let before = files(&dist);
    fs::copy(
        Path::new(ROOT).join("tests/fixtures/invalid/many-problems.json"),
        dist.join("data/site.json"),
    )
    .unwrap();
    let error = build_site(&Options {
        dist: dist.clone(),
        data: None,
        skip: Vec::new(),
        index: Sharding::Auto,
        precompress: Precompress::default(),
    })
    .unwrap_err();
    let BuildError::Invalid { shown, problems } = &error else {
        panic!("expected invalid data, got {error}");
    };
    assert_eq!(shown, "data/site.json");
    let errors: Vec<String> = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 5, "every error: {errors:#?}");
    let mut after = files(&dist);
    after.remove("data/site.json");
    let mut unchanged = before.clone();
    unchanged.remove("data/site.json");
    assert_eq!(after, unchanged, "no page changed, none was added");
    assert!(!dist.join(".vita-staging").exists());
    fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn new_data_replaces_the_pages_and_removes_those_of_removed_papers() {
    let dist = built_site("replace", "/", "public/data");
    build(&dist);
    assert!(dist.join("papers/persian-rug/index.html").exists());
    let report = build_site(&Options {
        dist: dist.clone(),
        data: Some(Path::new(ROOT).join("tests/fixtures/scholar-site")),
        skip: Vec::new(),
        index: Sharding::Auto,
        precompress: Precompress::default(),
    })
    .expect("the new data builds");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert!(
        !dist.join("papers/persian-rug").exists(),
        "the old paper's page is gone"
    );
    assert!(!dist.join("people/mark-xu").exists());
    assert!(dist.join("papers/engine-notes/index.html").exists());
    let data = fs::read_to_string(dist.join("data/site.json")).unwrap();
    assert!(
        data.contains("Lovelace Lab"),
        "the data folder is published too"
    );
    let home = fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(home.contains("<title>Lovelace Lab</title>"));
    fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn a_site_under_a_subpath_links_inside_it() {
    let dist = built_site("subpath", "/vita/", "public/data");
    let report = build(&dist);
    let page = fs::read_to_string(dist.join("people/alex-infanger/index.html")).unwrap();
    assert!(page.contains("<a href=\"/vita/papers/\">Papers</a>"));
    assert!(page.contains("href=\"/vita/people/alex-infanger/papers/\""));
    assert!(
        !page.contains("href=\"/papers"),
        "no link leaves the subpath"
    );
    let mismatch = report
        .warnings
        .iter()
        .find(|warning| warning.path == "site.base_url")
        .expect("the demo's base_url names the root, not /vita/");
    assert!(
        mismatch.message.contains("built for \"/vita/\""),
        "{mismatch}"
    );
    fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn without_base_url_the_files_that_need_absolute_urls_are_left_out() {
    let dist = built_site("no-base", "/", "tests/fixtures/bib-site");
    let report = build(&dist);
    assert!(
        report.warnings.iter().any(
            |warning| warning.path == "site.base_url" && warning.message.starts_with("not set")
        ),
        "{:?}",
        report.warnings
    );
    let written = files(&dist);
    assert_eq!(written["robots.txt"], "User-agent: *\nAllow: /\n");
    assert!(!written.contains_key("sitemap.xml"));
    assert!(!written.contains_key("feed.xml"));
    assert!(!written["papers/index.html"].contains("rel=\"canonical\""));
    assert!(
        written["papers/index.html"].contains("Über formal unentscheidbare Sätze"),
        "and the .bib papers are there"
    );
    fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn a_paper_page_has_every_scholar_tag_its_data_gives() {
    let dist = built_site("scholar", "/", "tests/fixtures/scholar-site");
    build(&dist);
    let tags = |file: &str| -> Vec<(String, String)> {
        let page = fs::read_to_string(dist.join(file)).unwrap();
        page.split("<meta name=\"citation_")
            .skip(1)
            .map(|tag| {
                let (name, rest) = tag.split_once('"').unwrap();
                let content = rest
                    .split("content=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                (name.to_string(), content.to_string())
            })
            .collect()
    };
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect()
    };
    assert_eq!(
        tags("papers/engine-notes/index.html"),
        pairs(&[
            ("title", "Notes on the Analytical Engine"),
            ("author", "Ada Lovelace"),
            ("author", "L. F. Menabrea"),
            ("author", "Charles Babbage"),
            ("publication_date", "2024/03/05"),
            ("journal_title", "Scientific Memoirs"),
            ("volume", "3"),
            ("issue", "2"),
            ("firstpage", "666"),
            ("lastpage", "731"),
            ("doi", "10.5555/engine.notes"),
            ("arxiv_id", "2403.01234"),
            ("pdf_url", "https://lab.example.org/files/engine-notes.pdf"),
            (
                "abstract_html_url",
                "https://lab.example.org/papers/engine-notes/"
            ),
        ])
    );
    let conference = tags("papers/difference-engine/index.html");
    assert!(conference.contains(&(
        "conference_title".into(),
        "Proceedings of the Society of Engines 2023".into()
    )));
    assert!(conference.contains(&(
        "pdf_url".into(),
        "https://example.org/papers/difference.pdf".into()
    )));
    assert!(conference.contains(&("publication_date".into(), "2023/07".into())));
    assert!(tags("papers/engine-thesis/index.html").contains(&(
        "dissertation_institution".into(),
        "University of London".into()
    )));
    assert!(tags("papers/engine-report/index.html").contains(&(
        "technical_report_institution".into(),
        "Analytical Society".into()
    )));
    fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn a_folder_without_a_built_template_is_refused() {
    let dist = built_site("no-template", "/", "public/data");
    fs::write(
        dist.join("index.html"),
        "<html><body>hand-written</body></html>",
    )
    .unwrap();
    let error = build_site(&Options {
        dist: dist.clone(),
        data: None,
        skip: Vec::new(),
        index: Sharding::Auto,
        precompress: Precompress::default(),
    })
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("is not a page template: it has no <!--vita:head--> marker"),
        "{error}"
    );
    fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn static_lists_stop_at_their_limit_and_say_so() {
    use vita::context::STATIC_LIST_LIMIT;
    let dist = built_site("limit", "/", "tests/fixtures/scholar-site");
    let papers: Vec<serde_json::Value> = (0..=STATIC_LIST_LIMIT)
        .map(|n| {
            serde_json::json!({
                "id": format!("paper-{n}"),
                "title": format!("Paper number {n}"),
                "authors": [{ "name": "Ada Lovelace", "person": "ada" }, format!("Coauthor {n}")],
                "date": "2024",
                "kind": "preprint",
                "arxiv": format!("2403.{n:05}")
            })
        })
        .collect();
    let mut data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join("data/site.json")).unwrap()).unwrap();
    data["papers"] = serde_json::Value::Array(papers);
    data["news"] = serde_json::json!([]);
    fs::write(dist.join("data/site.json"), data.to_string()).unwrap();
    build(&dist);
    let list = fs::read_to_string(dist.join("papers/index.html")).unwrap();
    assert_eq!(
        list.matches("<article class=\"paper").count(),
        STATIC_LIST_LIMIT
    );
    assert_eq!(
        list.matches("<article class=\"paper always-drawn\">")
            .count(),
        16,
        "the first entries are always drawn, the rest only when near the screen"
    );
    assert!(
        list.contains("The first 2,000 of 2,001 papers are listed here."),
        "the page says so"
    );
    assert!(
        dist.join(format!("papers/paper-{STATIC_LIST_LIMIT}/index.html"))
            .exists(),
        "every paper has its page"
    );
    let names = fs::read_to_string(dist.join("authors/index.html")).unwrap();
    assert_eq!(
        names.matches("<tr><th scope=\"row\">").count(),
        STATIC_LIST_LIMIT
    );
    assert!(names.contains("The first 2,000 of 2,002 names are listed here"));
    fs::remove_dir_all(&dist).unwrap();
}

/// Runs `vita-render` with `args`; returns its exit code and output.
fn render_command(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_vita-render"))
        .args(args)
        .output()
        .expect("vita-render runs");
    let text = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().expect("an exit code"), text)
}

#[test]
fn the_command_reports_what_it_wrote_and_every_problem_with_exit_codes() {
    let dist = built_site("command", "/", "public/data");
    let folder = dist.to_string_lossy().to_string();
    let (code, output) = render_command(&[&folder]);
    assert_eq!(code, 0, "{output}");
    assert!(
        output.contains("data/site.json:290: warning: papers[12].authors[3]"),
        "{output}"
    );
    assert!(output.contains("vita-render: wrote 68 pages"), "{output}");

    let invalid = dist.with_extension("invalid-data");
    fs::create_dir_all(&invalid).unwrap();
    fs::copy(
        Path::new(ROOT).join("tests/fixtures/invalid/many-problems.json"),
        invalid.join("site.json"),
    )
    .unwrap();
    let (code, output) = render_command(&["--data", &invalid.to_string_lossy(), &folder]);
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains("/site.json:2: error: site.owner: unknown person \"alex-malen\""),
        "{output}"
    );
    assert!(output.contains("nothing was written"), "{output}");

    let (code, output) = render_command(&["/no/such/site"]);
    assert_eq!(code, 2, "{output}");
    let (code, output) = render_command(&[]);
    assert_eq!(code, 2, "{output}");
    assert!(output.contains("usage: vita-render"));
    fs::remove_dir_all(&dist).unwrap();
    fs::remove_dir_all(&invalid).unwrap();
}

#[test]
fn pages_of_a_skipped_kind_are_left_to_the_app_and_out_of_the_sitemap() {
    let dist = built_site("skip", "/", "public/data");
    let report = build_site(&Options {
        dist: dist.clone(),
        data: None,
        skip: vec![PageKind::Authors],
        index: Sharding::Auto,
        precompress: Precompress::default(),
    })
    .expect("the site builds");
    let written = files(&dist);
    assert!(
        written.contains_key("authors/index.html"),
        "the index of names stays"
    );
    assert!(
        written
            .keys()
            .any(|file| file.starts_with("papers/") && file.len() > 17)
    );
    let author_pages: Vec<&String> = written
        .keys()
        .filter(|file| file.starts_with("authors/") && *file != "authors/index.html")
        .collect();
    assert!(author_pages.is_empty(), "{author_pages:?}");
    let sitemap = &written["sitemap.xml"];
    assert!(sitemap.contains("/papers/"), "{sitemap}");
    assert!(!sitemap.contains("/authors/alex"), "{sitemap}");
    assert_eq!(report.size.files, written.len() as u64);
    assert_eq!(
        report.size.bytes,
        written
            .keys()
            .map(|file| fs::metadata(dist.join(file)).unwrap().len())
            .sum::<u64>()
    );
}

#[test]
fn a_sharded_build_writes_the_index_beside_the_data_file_and_a_later_one_removes_it() {
    let dist = built_site("index", "/", "public/data");
    let data_before = files(&dist.join("data"));
    let options = |index| Options {
        dist: dist.clone(),
        data: None,
        skip: Vec::new(),
        index,
        precompress: Precompress::default(),
    };
    let report = build_site(&options(Sharding::Always)).expect("the site builds");
    let counts = report.index.expect("the index is written");
    let written = files(&dist);
    for (file, text) in &data_before {
        assert_eq!(&written[&format!("data/{file}")], text, "data/{file} stays");
    }
    assert!(written.contains_key("data/index/manifest.json"));
    assert!(written.contains_key("data/index/authors/alex-mallen.json"));
    let lists = written
        .keys()
        .filter(|file| file.starts_with("data/index/list/"))
        .count();
    assert_eq!(lists, counts.list_pages);
    let pages: Vec<&String> = written
        .keys()
        .filter(|file| file.ends_with(".html"))
        .collect();
    assert!(pages.len() > 20);
    for page in &pages {
        assert!(
            written[*page].contains(PAGE_MARKER),
            "{page} tells the app to read the sharded layout"
        );
    }

    let report = build_site(&options(Sharding::Auto)).expect("the site builds again");
    assert!(
        report.index.is_none(),
        "a small site is not sharded by default"
    );
    let written = files(&dist);
    assert!(!written.keys().any(|file| file.starts_with("data/index")));
    assert!(
        !written
            .iter()
            .any(|(file, text)| file.ends_with(".html") && text.contains(PAGE_MARKER)),
        "no page asks for the layout once it is gone"
    );
    assert_eq!(
        written
            .keys()
            .filter(|file| file.starts_with("data/"))
            .count(),
        data_before.len()
    );
    fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn precompressed_copies_sit_beside_the_app_files_and_with_all_beside_every_page_and_data_file() {
    let dist = built_site("precompress", "/", "public/data");
    let module = vec![b'w'; 50_000];
    fs::write(dist.join("vita-1a2b_bg.wasm"), &module).unwrap();
    fs::write(dist.join("tiny.js"), "export {};").unwrap();
    let with = |precompress| {
        build_site(&Options {
            dist: dist.clone(),
            data: None,
            skip: Vec::new(),
            index: Sharding::Always,
            precompress,
        })
        .expect("the site builds");
        let mut copies: Vec<String> = Vec::new();
        fn walk(root: &Path, folder: &Path, copies: &mut Vec<String>) {
            for entry in fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(root, &path, copies);
                } else if path
                    .extension()
                    .is_some_and(|end| end == "gz" || end == "br")
                {
                    copies.push(
                        path.strip_prefix(root)
                            .unwrap()
                            .to_string_lossy()
                            .to_string(),
                    );
                }
            }
        }
        walk(&dist, &dist, &mut copies);
        copies.sort();
        copies
    };
    let app = with(Precompress::App);
    assert_eq!(
        app,
        ["vita-1a2b_bg.wasm.br", "vita-1a2b_bg.wasm.gz"],
        "small files get none"
    );
    let mut gunzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(
            &fs::read(dist.join("vita-1a2b_bg.wasm.gz")).unwrap()[..],
        ),
        &mut gunzipped,
    )
    .unwrap();
    assert_eq!(gunzipped, module);
    let all = with(Precompress::All);
    for wanted in [
        "index.html.br",
        "papers/index.html.gz",
        "data/site.json.br",
        "data/index/manifest.json.gz",
        "sitemap.xml.br",
    ] {
        assert!(all.iter().any(|copy| copy == wanted), "{wanted} in {all:?}");
    }
    let page = fs::read(dist.join("papers/index.html")).unwrap();
    let mut unbrotlied = Vec::new();
    brotli::BrotliDecompress(
        &mut &fs::read(dist.join("papers/index.html.br")).unwrap()[..],
        &mut unbrotlied,
    )
    .unwrap();
    assert_eq!(unbrotlied, page, "a copy is the page it sits beside");
    assert!(
        with(Precompress::None).is_empty(),
        "a build without copies removes the earlier ones"
    );
    fs::remove_dir_all(&dist).unwrap();
}

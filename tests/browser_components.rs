//! Browser tests of the components with logic: author lists, toggles, email, theme.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{all, container, demo_site, one, settle, site_from, text, wait_until};
use leptos::prelude::*;
use leptos_router::components::Router;
use std::sync::Arc;
use vita::components::email::EmailReveal;
use vita::components::html_block::HtmlBlock;
use vita::components::paper_list::{ListStyle, PaperList};
use vita::context::provide_site;
use vita::model::Site;
use vita::model::schema::Email;
use vita::render::Html;
use vita::render::entries::{EntryOptions, news_entry};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` with `site` provided, inside a router (for the links), and returns its root.
fn mount_with<V: IntoView + 'static>(
    site: Arc<Site>,
    view: impl FnOnce() -> V + Send + 'static,
) -> web_sys::HtmlElement {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_site(Signal::stored(site));
        view! { <Router>{view()}</Router> }
    });
    // The views stay mounted for the rest of the test binary.
    handle.forget();
    root
}

/// A paper with twenty authors, the sixteenth being Ada, who is a person in the data.
fn long_author_list() -> Arc<Site> {
    let mut authors: Vec<serde_json::Value> = (1..=20)
        .map(|n| serde_json::json!(format!("Author Number{n}")))
        .collect();
    authors[15] = serde_json::json!({ "name": "Ada Lovelace", "person": "ada" });
    authors[0] = serde_json::json!({ "name": "Author Number1", "equal": true });
    authors[1] =
        serde_json::json!({ "name": "Author Number2", "equal": true, "corresponding": true });
    site_from(
        &serde_json::json!({
            "site": { "title": "t" },
            "people": [{ "id": "ada", "name": "Ada Lovelace" }],
            "papers": [{ "id": "big", "title": "A big collaboration", "date": "2024", "kind": "journal",
                          "authors": authors, "abstract": "We show that $x^2 \\geq 0$." }]
        })
        .to_string(),
    )
}

#[wasm_bindgen_test]
async fn long_author_lists_shorten_but_keep_the_highlighted_person() {
    let style = ListStyle {
        highlight: Some("ada-lovelace".into()),
        ..ListStyle::default()
    };
    let root = mount_with(
        long_author_list(),
        move || view! { <PaperList papers=vec![0] style /> },
    );
    assert!(
        wait_until(|| !all(&root, ".authors").is_empty()).await,
        "the list renders"
    );
    let authors = one(&root, ".authors");
    // The stylesheet hides `.author-extra` until the list has `data-open`; the test page has no
    // stylesheet, so the test reads the classes.
    let shown: Vec<String> = all(&authors, ".author:not(.author-extra)")
        .iter()
        .map(|author| text(author))
        .collect();
    assert_eq!(
        shown,
        [
            "Author Number1* (equal contribution)",
            ", Author Number2* (equal contribution)✉ (corresponding author)",
            ", Author Number3",
            ", Author Number4",
            ", Author Number5",
            ", Ada Lovelace",
        ]
    );
    assert_eq!(all(&authors, ".author-extra").len(), 14);
    assert_eq!(
        all(&authors, ".author-gap").len(),
        1,
        "the gap before Ada is marked"
    );
    assert_eq!(text(&one(&authors, ".author-self")), "Ada Lovelace");
    let toggle = one(&authors, "button");
    assert_eq!(text(&toggle), "and 14 more");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        toggle.get_attribute("aria-controls"),
        authors.get_attribute("id")
    );

    toggle.click();
    assert!(authors.has_attribute("data-open"));
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(text(&toggle), "show fewer");

    toggle.click();
    assert!(!authors.has_attribute("data-open"));
    assert_eq!(text(&toggle), "and 14 more");
}

#[wasm_bindgen_test]
async fn every_author_links_to_their_cluster_page() {
    let site = demo_site();
    let mut html = Html::new();
    vita::render::entries::author_list(&mut html, &site, 10, EntryOptions::default());
    let root = mount_with(site, move || view! { <HtmlBlock html=html.finish() /> });
    let links: Vec<(String, String)> = all(&root, "a")
        .iter()
        .map(|link| (text(link), link.get_attribute("href").unwrap_or_default()))
        .collect();
    assert_eq!(
        links,
        [
            (
                "Gonçalo Paulo".to_string(),
                "/authors/goncalo-paulo/".to_string()
            ),
            ("Alex Mallen".into(), "/authors/alex-mallen/".into()),
            ("Caden Juang".into(), "/authors/caden-juang/".into()),
            ("Nora Belrose".into(), "/authors/nora-belrose/".into()),
        ]
    );
    assert!(
        all(&root, ".author-self").is_empty(),
        "nobody is highlighted without a highlight"
    );
    assert!(
        all(&root, "button").is_empty(),
        "a short list has nothing to expand"
    );
}

#[wasm_bindgen_test]
async fn the_abstract_expands_and_collapses_with_its_math_rendered() {
    let root = mount_with(
        long_author_list(),
        || view! { <PaperList papers=vec![0] style=ListStyle::default() /> },
    );
    assert!(
        wait_until(|| !all(&root, ".abstract-toggle").is_empty()).await,
        "the list renders"
    );
    let toggle = one(&root, ".abstract-toggle");
    let region = one(&root, ".paper-abstract");
    assert_eq!(
        toggle.get_attribute("aria-controls"),
        region.get_attribute("id")
    );
    assert!(region.hidden());
    toggle.click();
    settle().await;
    assert!(!region.hidden());
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        all(&region, "math").len(),
        1,
        "the abstract is rendered when first opened"
    );
    toggle.click();
    settle().await;
    assert!(region.hidden());
}

#[wasm_bindgen_test]
async fn news_details_expand_and_collapse() {
    let site = demo_site();
    let entry = site
        .news()
        .find(|entry| entry.item.text.contains("Stochastic Systems"))
        .expect("the demo has this item");
    let mut html = Html::new();
    news_entry(&mut html, &site, entry, 0, true);
    let root = mount_with(site, move || view! { <HtmlBlock html=html.finish() /> });
    assert_eq!(text(&one(&root, "time")), "December 2023");
    assert!(
        text(&root).contains("Alex Infanger: Solution Representations"),
        "{}",
        text(&root)
    );
    let toggle = one(&root, ".details-toggle");
    let details = one(&root, ".news-details");
    assert!(details.hidden());
    toggle.click();
    settle().await;
    assert!(!details.hidden());
    assert_eq!(text(&toggle), "Hide details");
    assert!(all(&details, "math[display=block]").len() == 1);
}

#[wasm_bindgen_test]
async fn the_email_address_is_assembled_only_on_request() {
    let root = container();
    let email = Email {
        user: "ada".into(),
        domain: "example.org".into(),
    };
    leptos::mount::mount_to(root.clone(), move || view! { <EmailReveal email /> }).forget();
    assert!(!root.inner_html().contains("ada@example.org"));
    assert!(!root.inner_html().contains("mailto"));
    one(&root, "button").click();
    settle().await;
    let link = one(&root, "a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("mailto:ada@example.org")
    );
    assert_eq!(text(&link), "ada@example.org");
}

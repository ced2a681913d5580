//! Browser tests of the app shell's pages, mounted into a real DOM in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{all, container, demo_site, one, text};
use leptos::prelude::*;
use leptos_router::components::Router;
use vita::context::provide_site;
use vita::data::LoadError;
use vita::model::ParseError;
use vita::pages::{home::HomePage, load_error::LoadErrorPage, not_found::NotFoundPage};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn load_error_page_names_file_path_and_reason() {
    let error = LoadError::Parse {
        file: "data/site.json".into(),
        error: ParseError {
            path: "people[1].name".into(),
            line: 8,
            column: 29,
            reason: "invalid type: integer `42`, expected a string".into(),
        },
    };
    let root = container();
    leptos::mount::mount_to(root.clone(), move || view! { <LoadErrorPage error /> }).forget();
    assert_eq!(text(&one(&root, "h1")), "The site data could not be loaded");
    assert_eq!(
        text(&one(&root, "[role=alert] li")),
        "data/site.json: people[1].name: invalid type: integer `42`, expected a string (line 8, column 29)"
    );
}

#[wasm_bindgen_test]
async fn not_found_page_links_home() {
    let root = container();
    leptos::mount::mount_to(root.clone(), || view! { <Router><NotFoundPage /></Router> }).forget();
    assert_eq!(text(&one(&root, "h1")), "Page not found");
    assert_eq!(one(&root, "a").get_attribute("href").as_deref(), Some("/"));
}

#[wasm_bindgen_test]
async fn home_page_lists_people_with_profile_links() {
    let site = demo_site();
    let expected: Vec<(String, String)> = site
        .people()
        .iter()
        .map(|person| (person.name.clone(), format!("/people/{}/", person.id)))
        .collect();
    let root = container();
    leptos::mount::mount_to(root.clone(), move || {
        provide_site(Signal::stored(site.clone()));
        view! { <Router><HomePage /></Router> }
    })
    .forget();
    let shown: Vec<(String, String)> = all(&root, ".people a")
        .iter()
        .map(|link| (text(link), link.get_attribute("href").unwrap_or_default()))
        .collect();
    assert_eq!(shown, expected);
}

//! Browser tests of the app shell's views, mounted into a real DOM in headless Chromium.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use std::sync::Arc;
use vita::data::LoadError;
use vita::model::{ParseError, Site, parse_site_file};
use vita::pages::{home::HomePage, load_error::LoadErrorPage, not_found::NotFoundPage};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the document body to mount a view into.
fn container() -> web_sys::HtmlElement {
    let document = document();
    let element = document
        .create_element("div")
        .expect("a div can be created");
    document
        .body()
        .expect("the test page has a body")
        .append_child(&element)
        .expect("append");
    element.unchecked_into()
}

fn text(element: &web_sys::HtmlElement) -> String {
    element.text_content().unwrap_or_default()
}

fn demo_site() -> Arc<Site> {
    let file = parse_site_file(include_str!("../public/data/site.json")).expect("demo data parses");
    Arc::new(Site::new(file))
}

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
    let _mounted = leptos::mount::mount_to(root.clone(), move || view! { <LoadErrorPage error /> });
    let shown = text(&root);
    assert!(
        shown.contains("The site data could not be loaded"),
        "{shown}"
    );
    assert!(
        shown.contains("data/site.json: people[1].name: invalid type: integer `42`, expected a string (line 8, column 29)"),
        "{shown}"
    );
}

#[wasm_bindgen_test]
async fn not_found_page_links_home() {
    let root = container();
    let _mounted =
        leptos::mount::mount_to(root.clone(), || view! { <Router><NotFoundPage /></Router> });
    let heading = root.query_selector("h1").unwrap().expect("a heading");
    assert_eq!(heading.text_content().unwrap(), "Page not found");
    let link = root.query_selector("a").unwrap().expect("a link home");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/"));
}

#[wasm_bindgen_test]
async fn home_page_lists_people_with_profile_links() {
    let site = demo_site();
    let expected: Vec<(String, String)> = site
        .people()
        .iter()
        .map(|person| (person.name.clone(), format!("/people/{}", person.id)))
        .collect();
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_context(site.clone());
        view! { <Router><HomePage /></Router> }
    });
    let links = root.query_selector_all(".people a").unwrap();
    let shown: Vec<(String, String)> = (0..links.length())
        .filter_map(|index| links.item(index))
        .map(|node| {
            let link: web_sys::Element = node.unchecked_into();
            (
                link.text_content().unwrap_or_default(),
                link.get_attribute("href").unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(shown, expected);
}

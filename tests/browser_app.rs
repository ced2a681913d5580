//! The whole app started in the browser. In its own test binary because its router stays active.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_start_without_data_names_the_missing_file() {
    // The test runner's server has no data/site.json: the fetch answers 404, and with no page
    // prerendered the error is the page.
    vita::app::start().await;
    let shown = document()
        .get_element_by_id("app")
        .and_then(|root| root.text_content())
        .unwrap_or_default();
    assert!(
        shown.contains("data/site.json: the server answered 404"),
        "shown instead: {shown}"
    );
    assert!(
        document()
            .query_selector("main h1")
            .ok()
            .flatten()
            .is_some(),
        "the error is the page, with its heading"
    );
}

//! The whole app mounted in the browser. In its own test binary because its router stays active.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits, a few milliseconds at a time, until `done` holds or two seconds pass.
async fn wait_until(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..200 {
        if done() {
            return true;
        }
        TimeoutFuture::new(10).await;
    }
    done()
}

#[wasm_bindgen_test]
async fn app_names_the_missing_data_file() {
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let _mounted = leptos::mount::mount_to(root.clone(), vita::App);
    // The test runner's server has no data/site.json: the fetch answers 404.
    let reported = wait_until(|| {
        root.text_content()
            .unwrap_or_default()
            .contains("data/site.json: the server answered 404")
    })
    .await;
    assert!(
        reported,
        "shown instead: {}",
        root.text_content().unwrap_or_default()
    );
}

//! Helpers shared by the browser test files: a site from JSON, a place to mount views, polling.
#![allow(
    dead_code,
    reason = "each browser test binary uses its own subset of these helpers"
)]

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use std::sync::Arc;
use vita::model::{Site, parse_site_file};
use wasm_bindgen::JsCast;

/// The demo data, as a site.
pub fn demo_site() -> Arc<Site> {
    site_from(include_str!("../../public/data/site.json"))
}

/// A site parsed from JSON text.
pub fn site_from(json: &str) -> Arc<Site> {
    Arc::new(Site::new(
        parse_site_file(json).expect("the test data parses"),
    ))
}

/// A fresh element in the document body to mount a view into.
pub fn container() -> web_sys::HtmlElement {
    let element = document()
        .create_element("div")
        .expect("a div can be created");
    document()
        .body()
        .expect("the test page has a body")
        .append_child(&element)
        .expect("the div can be appended");
    element.unchecked_into()
}

/// The elements under `root` matching `selector`.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|index| list.item(index))
        .map(|node| node.unchecked_into())
        .collect()
}

/// The first element under `root` matching `selector`.
pub fn one(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

/// The text of `element`, with runs of white space collapsed.
pub fn text(element: &web_sys::Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Waits, ten milliseconds at a time, until `done` holds or two seconds pass; returns `done()`.
pub async fn wait_until(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..200 {
        if done() {
            return true;
        }
        TimeoutFuture::new(10).await;
    }
    done()
}

/// Lets effects and re-renders scheduled by the last interaction run.
pub async fn settle() {
    leptos::task::tick().await;
    TimeoutFuture::new(0).await;
}

//! Vita: a research-profile site, prerendered as static pages and taken over in the browser by a
//! WebAssembly app that reads the same JSON data.
//!
//! `model` is the pure core (the data format, parsing, validation, names and author clusters,
//! the route table, search, citations, Markdown and math); `render` turns entries and page heads
//! into escaped HTML; `components` and `pages` are the Leptos views; `app` puts them together.
//! In the browser, `data` fetches the data files and `takeover` replaces the prerendered page
//! with the app; natively, `build` writes the static site.

#![recursion_limit = "256"]

pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod boot;
#[cfg(not(target_arch = "wasm32"))]
pub mod build;
pub mod components;
pub mod context;
pub mod data;
pub mod model;
pub mod pages;
pub mod paths;
pub mod perf;
pub mod render;
pub mod schedule;
#[cfg(target_arch = "wasm32")]
pub mod takeover;

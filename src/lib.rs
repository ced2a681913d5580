//! Vita: a research-profile site rendered in the browser from JSON data.
//!
//! `model` is the pure core (the data format, parsing, validation, names and author clusters,
//! search, citations, Markdown and math); `render` turns entries into escaped HTML; `data` fetches
//! the data files; `components` and `pages` are the Leptos views; `app` wires them to the router.

pub mod app;
pub mod boot;
pub mod components;
pub mod data;
pub mod model;
pub mod pages;
pub mod paths;
pub mod perf;
pub mod render;

pub use app::App;

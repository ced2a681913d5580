//! Vita: a research-profile site rendered in the browser from JSON data.
//!
//! `model` is the pure core (data types, parsing, validation); `data` fetches the data files;
//! `components` and `pages` are the Leptos views; `app` wires them to the router.

pub mod app;
pub mod boot;
pub mod components;
pub mod data;
pub mod model;
pub mod pages;
pub mod paths;
pub mod render;

pub use app::App;

//! Reusable views. Entries of lists are rendered as HTML by [`crate::render`]; the components
//! here hold what is interactive.

pub mod citation;
pub mod clipboard;
pub mod download;
pub mod email;
pub mod html_block;
pub mod layout;
pub mod load_more;
#[cfg(target_arch = "wasm32")]
pub mod navigation;
#[cfg(target_arch = "wasm32")]
pub mod page_meta;
pub mod paper_browser;
pub mod paper_list;
pub mod quick_search;
pub mod theme_toggle;

//! Reusable views.

pub mod author_list;
pub mod citation;
pub mod email;
pub mod external_link;
pub mod layout;
pub mod loading;
pub mod navigation;
pub mod news_item;
pub mod page_meta;
pub mod paper_item;
pub mod paper_list;
pub mod rich_text;
pub mod theme_toggle;

use std::sync::atomic::{AtomicUsize, Ordering};

/// An element id unique in the page (`prefix-7`), to tie a toggle button to the region it
/// controls with `aria-controls`.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

//! The document title and meta description of the current page.

use leptos::prelude::document;

/// Sets the document title to "`page` · `site`" (the site title alone on the home page) and the
/// meta description, for the tab, the history menu, bookmarks and link previews.
pub fn set_page_meta(site: &str, page: Option<&str>, description: &str) {
    let document = document();
    let title = match page {
        Some(page) => format!("{page} · {site}"),
        None => site.to_string(),
    };
    document.set_title(&title);
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        meta.set_attribute("content", description).ok();
    }
}

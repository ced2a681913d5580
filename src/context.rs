//! The loaded site, as every view below the app shell finds it.

use crate::model::Site;
use leptos::prelude::{provide_context, use_context};
use std::sync::Arc;

/// Makes `site` available to the views below the current one.
pub fn provide_site(site: Arc<Site>) {
    provide_context(site);
}

/// The loaded site data; available to every view below the app shell.
pub fn use_site() -> Arc<Site> {
    use_context::<Arc<Site>>()
        .expect("pages render only inside the app shell, which provides the site")
}

/// Whether views are rendered into static pages (natively, by the build step) rather than in
/// the browser. Static pages hold whole lists where the app shows them a part at a time, for
/// readers without JavaScript and for crawlers.
pub const STATIC_RENDER: bool = cfg!(not(target_arch = "wasm32"));

/// The most entries a list holds on a static page. The app shows whole lists; a static page of
/// every paper of a large index would be too large for hosts (Cloudflare Pages serves files of up
/// to 25 MiB) and for crawlers (Google reads the first 15 MB of a page), and every paper and
/// author name has a static page of its own, listed in the sitemap.
pub const STATIC_LIST_LIMIT: usize = 2_000;

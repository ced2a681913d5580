//! The header and footer around every page.

use crate::app::use_site;
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// The site header: title and main navigation.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    view! {
        <header class="site-header">
            <A href=paths::home() exact=true>
                <span class="site-title">{site.title().to_string()}</span>
            </A>
            <nav aria-label="Main">
                <A href=paths::home() exact=true>
                    "People"
                </A>
            </nav>
        </header>
    }
}

/// The site footer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"Built with Vita."</p>
        </footer>
    }
}

//! The application: the layout around the page of the current address, matched through the route
//! table. The browser mounts it over the prerendered page once the data has loaded
//! ([`start`]); the build step renders it natively for every route.

use crate::components::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::context::provide_site;
use crate::model::Site;
use crate::pages::page_view;
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use std::sync::Arc;

/// The whole app for loaded site data: the router around the [`Shell`].
#[component]
pub fn App(
    /// The loaded site.
    site: Arc<Site>,
) -> impl IntoView {
    view! {
        <Router base=paths::base()>
            <Shell site />
        </Router>
    }
}

/// The layout and the page of the current address, with the site provided to every page. Mounted
/// inside a `<Router>` by [`App`], and directly by tests that bring their own router.
#[component]
pub fn Shell(
    /// The loaded site.
    site: Arc<Site>,
) -> impl IntoView {
    let location = use_location();
    let route = Memo::new(move |_| paths::route_of(&location.pathname.get()));
    #[cfg(target_arch = "wasm32")]
    browser::attach(site.clone(), route);
    provide_site(site);
    view! {
        <SkipLink />
        <SiteHeader />
        <main id="main" tabindex="-1">
            {move || page_view(route.get())}
        </main>
        <SiteFooter />
    }
}

/// What the app does in the browser only: loading the data, taking over the prerendered page,
/// keeping the document head, focus and scroll position in step with the route, and building
/// the search indexes.
#[cfg(target_arch = "wasm32")]
mod browser {
    use crate::components::navigation::manage_focus_and_scroll;
    use crate::components::page_meta::apply_head;
    use crate::data::load_site;
    use crate::model::Site;
    use crate::model::route::Route;
    use crate::model::search::{PaperIndexBuilder, SiteIndexBuilder};
    use crate::pages::load_error::LoadErrorPage;
    use crate::paths;
    use crate::render::head::page_head;
    use crate::schedule::{next_frame, next_turn, now};
    use crate::takeover;
    use leptos::prelude::*;
    use leptos_router::hooks::use_navigate;
    use leptos_router::location::{BrowserUrl, LocationProvider};
    use std::sync::Arc;

    /// Fetches the data, then mounts the app in place of the prerendered page; a data file with
    /// errors is reported on the page instead.
    pub async fn start() {
        match load_site().await {
            Ok(site) => {
                // Drawing the app is a task of its own, apart from reading the data.
                next_turn().await;
                takeover::mount_app(move || view! { <super::App site /> })
            }
            Err(error) => takeover::mount_error(move |above_page| {
                view! { <LoadErrorPage error above_page /> }
            }),
        }
    }

    /// Sets up, for the shell of `site`, everything that follows the route in the browser.
    pub fn attach(site: Arc<Site>, route: Memo<Option<Route>>) {
        complete_navigations();
        manage_focus_and_scroll();
        keep_head(site.clone(), route);
        keep_canonical_address(route);
        warm_up_search(site);
    }

    /// Lets the router finish each navigation once the new page is drawn: it then writes the
    /// address into the history and scrolls. (Its own route views do this; the shell draws its
    /// pages from the route table.)
    fn complete_navigations() {
        let Some(browser) = use_context::<BrowserUrl>() else {
            return;
        };
        let location = leptos_router::hooks::use_location();
        Effect::new(move |_| {
            location.pathname.track();
            browser.ready_to_complete();
        });
    }

    /// Writes the head of each page as it is shown: the prerendered head describes the page
    /// first loaded only, and tools reading the live page (reference managers reading the
    /// `citation_*` tags) must see the page on screen.
    /// The head is written in a task of its own, after the page is drawn: on the page first
    /// loaded it is there already (unless the data changed since the build).
    fn keep_head(site: Arc<Site>, route: Memo<Option<Route>>) {
        Effect::new(move |_| {
            let route = route.get();
            let site = site.clone();
            leptos::task::spawn_local(async move {
                next_turn().await;
                apply_head(&site, &page_head(&site, route.as_ref()));
            });
        });
    }

    /// Replaces an address written without its final slash by the page's own, in place, so
    /// that the address bar, bookmarks and shared links name the page as search engines do.
    fn keep_canonical_address(route: Memo<Option<Route>>) {
        let location = leptos_router::hooks::use_location();
        let navigate = use_navigate();
        Effect::new(move |_| {
            let Some(route) = route.get() else { return };
            let canonical = paths::href(&route);
            let path = location.pathname.get();
            if path != canonical {
                let search = location.search.get_untracked();
                let href = if search.is_empty() {
                    canonical
                } else {
                    format!("{canonical}?{search}")
                };
                navigate(&href, paths::navigation(true, true));
            }
        });
    }

    /// Builds the search indexes once the first page has been drawn, a few hundred papers at a
    /// time with the browser free to draw and answer the reader in between, so that a large site
    /// stays responsive and the first keystroke of a search finds them ready. A search started
    /// earlier builds what it needs at once; the steps then finish for nothing.
    fn warm_up_search(site: Arc<Site>) {
        /// Papers indexed between checks of the time.
        const STEP: usize = 200;
        /// How long a slice of indexing may hold the page, in milliseconds: well under the 50 ms
        /// of a long task, even on a phone four times slower than this computer.
        const SLICE: f64 = 10.0;
        leptos::task::spawn_local(async move {
            // After the first screen is drawn.
            next_frame().await;
            next_turn().await;
            crate::perf::mark("vita:index-start");
            let mut papers = PaperIndexBuilder::default();
            let mut quick = SiteIndexBuilder::default();
            let mut started = now();
            while !(papers.add_papers(&site, STEP) & quick.add(&site, STEP)) {
                if now() - started > SLICE {
                    next_turn().await;
                    started = now();
                }
            }
            site.keep_paper_search(papers.finish());
            next_turn().await;
            site.keep_site_search(quick.finish());
            crate::perf::mark("vita:index-ready");
        });
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::start;

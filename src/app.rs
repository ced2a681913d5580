//! The application root: loads the data, then renders the router and the page layout.

use crate::components::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::components::loading::Loading;
use crate::components::navigation::manage_focus_and_scroll;
use crate::data::{LoadError, load_site};
use crate::model::Site;
use crate::pages::{
    activity::ActivityPage,
    author_cluster::AuthorClusterPage,
    authors::AuthorsPage,
    home::HomePage,
    load_error::LoadErrorPage,
    news::{NewsPage, PersonNewsPage},
    not_found::NotFoundPage,
    paper::PaperPage,
    papers::{PapersPage, PersonPapersPage},
    person::{PersonAboutPage, PersonLayout},
};
use crate::paths;
use leptos::prelude::*;
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path,
};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The whole app: fetches the site data once, shows a loading state, then the routed pages or
/// the error page when the data cannot be loaded.
#[component]
pub fn App() -> impl IntoView {
    let site = LocalResource::new(load_site);
    view! {
        <Router base=paths::base()>
            <Suspense fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move { site_or_error(site.await) })}
            </Suspense>
        </Router>
    }
}

fn site_or_error(loaded: Result<Arc<Site>, LoadError>) -> AnyView {
    match loaded {
        Ok(site) => view! { <Shell site /> }.into_any(),
        Err(error) => view! { <LoadErrorPage error /> }.into_any(),
    }
}

/// The layout and routes around loaded site data, provided to every page. Mounted inside a
/// `<Router>` by [`App`], and directly by tests that bring their own data.
#[component]
pub fn Shell(
    /// The loaded site.
    site: Arc<Site>,
) -> impl IntoView {
    warm_up_search(site.clone());
    provide_context(site);
    manage_focus_and_scroll();
    view! {
        <SkipLink />
        <SiteHeader />
        <main id="main" tabindex="-1">
            <Routes fallback=|| view! { <NotFoundPage /> }>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/papers") view=PapersPage />
                <Route path=path!("/papers/:id") view=PaperPage />
                <Route path=path!("/news") view=NewsPage />
                <Route path=path!("/authors") view=AuthorsPage />
                <Route path=path!("/authors/:key") view=AuthorClusterPage />
                <ParentRoute path=path!("/people/:id") view=PersonLayout>
                    <Route path=path!("") view=PersonAboutPage />
                    <Route path=path!("papers") view=PersonPapersPage />
                    <Route path=path!("news") view=PersonNewsPage />
                    <Route path=path!("activity") view=ActivityPage />
                </ParentRoute>
            </Routes>
        </main>
        <SiteFooter />
    }
}

/// Builds the search indexes once the first page has been drawn and the browser is idle, so
/// that the first keystroke of a search finds them ready.
fn warm_up_search(site: Arc<Site>) {
    let build = move || {
        crate::perf::mark("vita:index-start");
        site.paper_search();
        site.site_search();
        crate::perf::mark("vita:index-ready");
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(build);
    window()
        .request_idle_callback(callback.unchecked_ref())
        .ok();
}

/// The loaded site data; available to every view below the app shell.
pub fn use_site() -> Arc<Site> {
    use_context::<Arc<Site>>()
        .expect("pages render only inside the app shell, which provides the site")
}

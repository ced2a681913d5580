//! The application root: loads the data, then renders the router and the page layout.

use crate::components::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::components::loading::Loading;
use crate::components::navigation::manage_focus_and_scroll;
use crate::data::{LoadError, load_site};
use crate::model::Site;
use crate::model::search::{PaperIndexBuilder, SiteIndexBuilder};
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

/// Builds the search indexes once the first page has been drawn, a few hundred papers at a time
/// with the browser free to draw and answer the reader in between, so that a large site stays
/// responsive and the first keystroke of a search finds them ready. A search started earlier
/// builds what it needs at once; the steps then finish for nothing.
fn warm_up_search(site: Arc<Site>) {
    /// Papers indexed between checks of the time.
    const STEP: usize = 200;
    /// How long a slice of indexing may hold the page, in milliseconds.
    const SLICE: f64 = 12.0;
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

/// Milliseconds on the page's clock.
fn now() -> f64 {
    window()
        .performance()
        .map(|performance| performance.now())
        .unwrap_or_default()
}

/// Resolves as the browser starts drawing its next frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).ok();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// Resolves in a later task, after the browser has drawn and handled input: with
/// `scheduler.yield()` where the browser has it (no delay), else a zero timeout (which browsers
/// stretch to 4 ms when repeated).
async fn next_turn() {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok();
    let yield_now = scheduler.as_ref().and_then(|scheduler| {
        let function = js_sys::Reflect::get(scheduler, &"yield".into()).ok()?;
        let function: &js_sys::Function = function.dyn_ref()?;
        function
            .call0(scheduler)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let promise = yield_now.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            window().set_timeout_with_callback(&resolve).ok();
        })
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// The loaded site data; available to every view below the app shell.
pub fn use_site() -> Arc<Site> {
    use_context::<Arc<Site>>()
        .expect("pages render only inside the app shell, which provides the site")
}

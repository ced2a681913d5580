//! The application root: loads the data, then renders the router and the page layout.

use crate::components::layout::{SiteFooter, SiteHeader};
use crate::components::loading::Loading;
use crate::data::{LoadError, load_site};
use crate::model::Site;
use crate::pages::{
    home::HomePage, load_error::LoadErrorPage, not_found::NotFoundPage, person::PersonPage,
};
use crate::paths;
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};
use std::sync::Arc;

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

/// The layout around every page, with the site data provided to all routes.
#[component]
fn Shell(site: Arc<Site>) -> impl IntoView {
    provide_context(site);
    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <SiteHeader />
        <main id="main" tabindex="-1">
            <Routes fallback=|| view! { <NotFoundPage /> }>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/people/:id") view=PersonPage />
            </Routes>
        </main>
        <SiteFooter />
    }
}

/// The loaded site data; available to every view below the app shell.
pub fn use_site() -> Arc<Site> {
    use_context::<Arc<Site>>()
        .expect("pages render only inside the app shell, which provides the site")
}

//! The application: the layout around the page of the current address, matched through the route
//! table. The browser mounts it over the prerendered page once the data has loaded
//! ([`start`]); the build step renders it natively for every route.

use crate::components::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::context::provide_site;
use crate::data::LoadError;
use crate::model::Site;
use crate::model::route::Route;
use crate::pages::load_error::PageDataError;
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
    let (shown, loading) = browser::follow(site, route);
    #[cfg(not(target_arch = "wasm32"))]
    let (shown, loading) = (Shown::at_once(site, route), Signal::stored(false));
    #[cfg(target_arch = "wasm32")]
    browser::attach(shown, route);
    provide_site(Signal::derive(move || {
        shown.with(|shown| shown.site.clone())
    }));
    // The page is drawn again when the route changes, not when a newer site holds more of the
    // same page's data: the views that show more of it follow the site themselves.
    let page = Memo::new(move |_| shown.with(|shown| (shown.route.clone(), shown.problem.clone())));
    view! {
        <SkipLink />
        <SiteHeader />
        // An element, not a placeholder: an empty marker before `<main>` trips some HTML parsers
        // of crawlers. Its text changes as reading starts, for screen readers.
        <p class="route-loading" role="status" hidden=move || !loading.get()>
            {move || loading.get().then_some("Loading…")}
        </p>
        <main id="main" tabindex="-1" aria-busy=move || loading.get().to_string()>
            {move || match page.get() {
                (_, Some(error)) => view! { <PageDataError error /> }.into_any(),
                (route, None) => page_view(route),
            }}
        </main>
        <SiteFooter />
    }
}

/// What the shell shows: the page of a route, and the site that holds its data.
#[derive(Debug, Clone)]
pub struct Shown {
    /// The page's route; `None` for the 404 page.
    pub route: Option<Route>,
    /// The site the page is drawn from.
    pub site: Arc<Site>,
    /// Why the files of the page could not be read, shown in place of the page.
    pub problem: Option<LoadError>,
}

impl Shown {
    /// The page of each route as it comes, from `site`, which holds every page's data.
    fn at_once(site: Arc<Site>, route: Memo<Option<Route>>) -> Signal<Self> {
        Signal::derive(move || Self {
            route: route.get(),
            site: site.clone(),
            problem: None,
        })
    }
}

/// What the app does in the browser only: loading the data, taking over the prerendered page,
/// keeping the document head, focus and scroll position in step with the route, and building
/// the search indexes.
#[cfg(target_arch = "wasm32")]
mod browser {
    use super::Shown;
    use crate::components::navigation::manage_focus_and_scroll;
    use crate::components::page_meta::apply_head;
    use crate::context::{
        CorpusFinder, MoreListed, MoreNames, MoreOfCluster, MoreTexts, SiteFinder,
    };
    use crate::data::{ShardedData, is_sharded, load_site};
    use crate::model::Site;
    use crate::model::cluster::AuthorOrder;
    use crate::model::filter::PaperFilter;
    use crate::model::route::Route;
    use crate::model::search::{PaperIndexBuilder, SiteIndexBuilder};
    use crate::model::sharded::{CorpusMatches, TextList};
    use crate::pages::load_error::LoadErrorPage;
    use crate::paths;
    use crate::render::head::page_head;
    use crate::schedule::{Slices, after, next_frame, next_turn};
    use crate::takeover;
    use leptos::prelude::*;
    use leptos_router::hooks::use_navigate;
    use leptos_router::location::{BrowserUrl, LocationProvider};
    use send_wrapper::SendWrapper;
    use std::rc::Rc;
    use std::sync::Arc;

    /// Fetches the data, then mounts the app in place of the prerendered page; a data file with
    /// errors is reported on the page instead. A sharded site's data is read a page at a time:
    /// first the files of the page at the address.
    pub async fn start() {
        let loaded = if is_sharded() {
            let sharded = Rc::new(ShardedData::default());
            let path = window().location().pathname().unwrap_or_default();
            let route = paths::route_of(&path);
            let site = sharded.site_for(route.as_ref()).await;
            site.map(|site| (site, Some(sharded)))
        } else {
            load_site().await.map(|site| (site, None))
        };
        match loaded {
            Ok((site, sharded)) => {
                // Drawing the app is a task of its own, apart from reading the data.
                next_turn().await;
                takeover::mount_app(move || {
                    if let Some(sharded) = sharded {
                        provide_context(SendWrapper::new(sharded));
                    }
                    view! { <super::App site /> }
                })
            }
            Err(error) => takeover::mount_error(move |above_page| {
                view! { <LoadErrorPage error above_page /> }
            }),
        }
    }

    /// What the shell shows as the route changes, and whether the files of a page are being read.
    /// A site read whole shows each route at once. A sharded site reads the files of each page
    /// first (the page before stays meanwhile).
    pub fn follow(site: Arc<Site>, route: Memo<Option<Route>>) -> (Signal<Shown>, Signal<bool>) {
        let Some(sharded) = use_context::<SendWrapper<Rc<ShardedData>>>() else {
            return (Shown::at_once(site, route), Signal::stored(false));
        };
        let shown = RwSignal::new(Shown {
            route: route.get_untracked(),
            site,
            problem: None,
        });
        let loading = RwSignal::new(false);
        let sharded = StoredValue::new_local(sharded.take());
        let show = move |target: Option<Route>| {
            let sharded = sharded.get_value();
            leptos::task::spawn_local(async move {
                let waits = sharded.needs_reading(target.as_ref());
                if waits {
                    loading.set(true);
                }
                let result = sharded.site_for(target.as_ref()).await;
                // A later navigation has its own turn.
                if route.get_untracked() != target {
                    return;
                }
                loading.set(false);
                let next = match result {
                    Ok(site) => Shown {
                        route: target,
                        site,
                        problem: None,
                    },
                    Err(problem) => Shown {
                        route: target,
                        site: shown.with_untracked(|shown| shown.site.clone()),
                        problem: Some(problem),
                    },
                };
                let changed = shown.with_untracked(|shown| {
                    shown.route != next.route
                        || !Arc::ptr_eq(&shown.site, &next.site)
                        || shown.problem != next.problem
                });
                if changed {
                    shown.set(next);
                }
            });
        };
        Effect::new(move |_| show(route.get()));
        // More of the papers page's list, as the reader asks for it.
        provide_context(MoreListed(Callback::new(move |()| {
            if sharded.with_value(|sharded| sharded.want_more_listed()) {
                show(route.get_untracked());
            }
        })));
        provide_context(MoreOfCluster(Callback::new(
            move |(key, every): (String, bool)| {
                if sharded.with_value(|sharded| sharded.want_more_of_cluster(&key, every)) {
                    show(route.get_untracked());
                }
            },
        )));
        provide_context(MoreNames(Callback::new(move |order: AuthorOrder| {
            if sharded.with_value(|sharded| sharded.want_more_names(order)) {
                show(route.get_untracked());
            }
        })));
        provide_context(MoreTexts(Callback::new(
            move |(list, items): (TextList, usize)| {
                if sharded.with_value(|sharded| sharded.want_texts(&list, items)) {
                    show(route.get_untracked());
                }
            },
        )));
        provide_context(find_in_corpus(sharded, route, shown, loading, false));
        provide_context(SiteFinder(find_in_corpus(
            sharded, route, shown, loading, true,
        )));
        (shown.into(), loading.into())
    }

    /// How long typing must pause before the papers page's search reads the list pages of its
    /// matches, in milliseconds: each keystroke would otherwise read those of its own.
    const TYPING_PAUSE: i32 = 120;

    /// A search of a sharded corpus ([`ShardedData::find`]): the latest request is answered
    /// once typing pauses, the site shown then holding the papers of its matches. The papers
    /// page's shows a failed read's message in place of the page; the site-wide search's
    /// (`site_wide`) also finds news and forum items through their postings, and leaves its
    /// failures to its view.
    fn find_in_corpus(
        sharded: StoredValue<Rc<ShardedData>, LocalStorage>,
        route: Memo<Option<Route>>,
        shown: RwSignal<Shown>,
        loading: RwSignal<bool>,
        site_wide: bool,
    ) -> CorpusFinder {
        let matches = RwSignal::new(None::<(PaperFilter, CorpusMatches)>);
        let failed = RwSignal::new(None::<String>);
        let asked = StoredValue::new(None::<(PaperFilter, usize)>);
        let find = Callback::new(move |request: (PaperFilter, usize)| {
            if asked.with_value(|asked| asked.as_ref() == Some(&request)) {
                return;
            }
            asked.set_value(Some(request.clone()));
            let (filter, wanted) = request.clone();
            let latest = move || asked.with_value(|asked| asked.as_ref() == Some(&request));
            let sharded = sharded.get_value();
            leptos::task::spawn_local(async move {
                after(TYPING_PAUSE).await;
                if !latest() {
                    return;
                }
                loading.set(true);
                let result = match sharded.find(&filter, wanted, site_wide).await {
                    // Shown with the site that holds the matches' papers.
                    Ok(found) => {
                        let site = sharded.site_for(route.get_untracked().as_ref()).await;
                        site.map(|site| {
                            shown.update(|shown| shown.site = site);
                            found
                        })
                    }
                    Err(problem) => Err(problem),
                };
                if !latest() {
                    return;
                }
                loading.set(false);
                match result {
                    Ok(found) => {
                        failed.set(None);
                        matches.set(Some((filter, found)));
                    }
                    Err(problem) => {
                        asked.set_value(None);
                        if site_wide {
                            failed.set(Some(problem.to_string()));
                        } else {
                            shown.update(|shown| shown.problem = Some(problem));
                        }
                    }
                }
            });
        });
        CorpusFinder {
            find,
            matches: matches.into(),
            failed: failed.into(),
        }
    }

    /// Sets up, for the shell, everything that follows the route in the browser.
    pub fn attach(shown: Signal<Shown>, route: Memo<Option<Route>>) {
        complete_navigations();
        manage_focus_and_scroll();
        keep_head(shown);
        keep_canonical_address(route);
        warm_up_search(shown);
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
    fn keep_head(shown: Signal<Shown>) {
        Effect::new(move |_| {
            let Shown { route, site, .. } = shown.get();
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
    /// earlier builds what it needs at once; the steps then finish for nothing. A sharded site's
    /// pages hold only their own papers: its indexes are built once the whole data file is read.
    fn warm_up_search(shown: Signal<Shown>) {
        let site = Memo::new(move |_| {
            shown.with(|shown| {
                shown
                    .site
                    .corpus()
                    .is_none()
                    .then(|| SiteRef(shown.site.clone()))
            })
        });
        Effect::new(move |_| {
            if let Some(SiteRef(site)) = site.get() {
                index_in_steps(site);
            }
        });
    }

    /// A site compared by identity.
    #[derive(Clone)]
    struct SiteRef(Arc<Site>);

    impl PartialEq for SiteRef {
        fn eq(&self, other: &Self) -> bool {
            Arc::ptr_eq(&self.0, &other.0)
        }
    }

    /// Builds the search indexes of `site` in steps ([`warm_up_search`]).
    fn index_in_steps(site: Arc<Site>) {
        /// Papers indexed between checks of the time.
        const STEP: usize = 200;
        leptos::task::spawn_local(async move {
            // After the first screen is drawn.
            next_frame().await;
            next_turn().await;
            crate::perf::mark("vita:index-start");
            let mut papers = PaperIndexBuilder::default();
            let mut quick = SiteIndexBuilder::default();
            let mut slices = Slices::start();
            while !(papers.add_papers(&site, STEP) & quick.add(&site, STEP)) {
                slices.pause().await;
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

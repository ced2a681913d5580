//! The loaded site, as every view below the app shell finds it.

use crate::model::Site;
use crate::model::cluster::AuthorOrder;
use crate::model::filter::PaperFilter;
use crate::model::sharded::{CorpusMatches, TextList};
use leptos::prelude::{Callback, GetUntracked, Signal, provide_context, use_context};
use std::sync::Arc;

/// The site whose data the page on screen shows. A sharded site is assembled anew for each page
/// from the files it reads, and the page drawn again from it.
#[derive(Clone, Copy)]
struct ShownSite(Signal<Arc<Site>>);

/// Makes `site` available to the views below the current one.
pub fn provide_site(site: Signal<Arc<Site>>) {
    provide_context(ShownSite(site));
}

/// The site of the page on screen, as a signal: views that show more of a page's data as it
/// arrives (the papers of a sharded site's list) follow it.
pub fn use_site_signal() -> Signal<Arc<Site>> {
    use_context::<ShownSite>()
        .expect("pages render only inside the app shell, which provides the site")
        .0
}

/// The way a sharded site's papers page asks for the next page of its list.
#[derive(Clone, Copy)]
pub struct MoreListed(pub Callback<()>);

/// The way to ask for more of the papers page's list, on a sharded site.
pub fn more_listed() -> Option<Callback<()>> {
    use_context::<MoreListed>().map(|MoreListed(callback)| callback)
}

/// The way a sharded site's author page asks for more of its cluster's papers: the next page,
/// or (`true`) every one, which filtering needs.
#[derive(Clone, Copy)]
pub struct MoreOfCluster(pub Callback<(String, bool)>);

/// The way to ask for more of an author cluster's papers, on a sharded site.
pub fn more_of_cluster() -> Option<Callback<(String, bool)>> {
    use_context::<MoreOfCluster>().map(|MoreOfCluster(callback)| callback)
}

/// The way a sharded site's names page asks for the next page of its name index in an order.
#[derive(Clone, Copy)]
pub struct MoreNames(pub Callback<AuthorOrder>);

/// The way to ask for more of the name index, on a sharded site.
pub fn more_names() -> Option<Callback<AuthorOrder>> {
    use_context::<MoreNames>().map(|MoreNames(callback)| callback)
}

/// The way a sharded site's news and activity pages ask for the first `n` items of their list.
#[derive(Clone, Copy)]
pub struct MoreTexts(pub Callback<(TextList, usize)>);

/// The way to ask for more of a list of news or activity, on a sharded site.
pub fn more_texts() -> Option<Callback<(TextList, usize)>> {
    use_context::<MoreTexts>().map(|MoreTexts(callback)| callback)
}

/// The way a sharded site's views search the whole corpus through its search shards.
#[derive(Clone, Copy)]
pub struct CorpusFinder {
    /// Asks for the first `n` matches of a filter.
    pub find: Callback<(PaperFilter, usize)>,
    /// The last answer, with the filter it answers; the site shown then holds its papers.
    pub matches: Signal<Option<(PaperFilter, CorpusMatches)>>,
    /// Why the last request failed, for a finder whose failures its view shows (the site-wide
    /// search's); the papers page's show in place of the page.
    pub failed: Signal<Option<String>>,
}

/// The finder of the site-wide search, which finds news and forum items through their postings
/// besides papers.
#[derive(Clone, Copy)]
pub struct SiteFinder(pub CorpusFinder);

/// The way to search a sharded site's corpus, on its papers page.
pub fn corpus_finder() -> Option<CorpusFinder> {
    use_context::<CorpusFinder>()
}

/// The way the site-wide search finds the papers of a sharded site, with its news and activity.
pub fn site_finder() -> Option<CorpusFinder> {
    use_context::<SiteFinder>().map(|SiteFinder(finder)| finder)
}

/// The loaded site data; available to every view below the app shell. A page reads it as it is
/// drawn, and is drawn again when a newer site holds its data.
pub fn use_site() -> Arc<Site> {
    use_context::<ShownSite>()
        .expect("pages render only inside the app shell, which provides the site")
        .0
        .get_untracked()
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

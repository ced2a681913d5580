//! `/authors/:key/`: every paper whose author name matches, as an author page of a bibliographic
//! index shows it, with the grouping explained.

use crate::components::html_block::HtmlBlock;
use crate::components::paper_browser::{ClusterPart, PaperBrowser};
use crate::context::{use_site, use_site_signal};
use crate::model::names;
use crate::pages::not_found::NotFoundPage;
use crate::paths;
use crate::render::pages::{cluster_footer, cluster_header};
use leptos::prelude::*;
use leptos_router::components::{A, Redirect};

/// The cluster page of an author name, by key. A key that is an alias or merged spelling
/// redirects to its cluster's own key; a person with no papers gets an empty page; anything else
/// is a 404.
#[component]
pub fn AuthorClusterPage(
    /// The name's key in the address.
    key: String,
) -> impl IntoView {
    let site = use_site();
    match site.resolve_author(&key) {
        Some(cluster) if cluster != key => {
            let options = paths::navigation(true, false);
            view! { <Redirect path=paths::author(cluster) options /> }.into_any()
        }
        Some(_) => match site.cluster_summary(&key) {
            Some((summary, papers)) => {
                // A sharded site reads a large cluster's papers a page at a time: the list
                // follows the site. A site read whole holds them all already.
                let papers: Signal<Vec<usize>> = if site.corpus().is_some() {
                    let shown = use_site_signal();
                    let cluster_key = summary.key.clone();
                    Memo::new(move |_| shown.with(|site| site.cluster_papers(&cluster_key))).into()
                } else {
                    Signal::stored(papers)
                };
                let cluster = ClusterPart {
                    key: summary.key.clone(),
                    papers: summary.papers,
                };
                view! {
                        <HtmlBlock html=cluster_header(&site, &summary) />
                        <section aria-labelledby="cluster-papers-heading">
                            <h2 id="cluster-papers-heading">"Papers"</h2>
                            <PaperBrowser papers cluster=Some(cluster) highlight=Some(summary.key.clone()) file_name=summary.key.clone() by_year=false />
                        </section>
                        <HtmlBlock html=cluster_footer(&summary) />
                    }
                    .into_any()
            }
            None => view! { <NotFoundPage /> }.into_any(),
        },
        None => match site
            .people()
            .iter()
            .find(|person| names::key(&person.name) == key)
        {
            Some(person) => {
                let profile = format!("{}'s profile →", person.name);
                view! {
                        <h1>{person.name.clone()}</h1>
                        <p class="empty">"No paper in this site's data has an author of this name."</p>
                        <p>
                            <A href=paths::about(&person.id, site.owner().map(|owner| owner.id.as_str()))>{profile}</A>
                        </p>
                    }
                    .into_any()
            }
            None => view! { <NotFoundPage /> }.into_any(),
        },
    }
}

//! `/papers/` and `/people/:id/papers/`: papers grouped by year, newest first, searchable.

use crate::components::paper_browser::{ClusterPart, PaperBrowser};
use crate::context::{use_site, use_site_signal};
use crate::model::names;
use crate::model::schema::Person;
use leptos::prelude::*;

/// Every paper in the data; on a sharded site, those of its newest-first list read so far.
#[component]
pub fn PapersPage() -> impl IntoView {
    let site = use_site();
    let listed = use_site_signal();
    let papers = Signal::derive(move || {
        listed.with(|site| {
            let all = site.papers_newest_first();
            let read = site.corpus().map_or(all.len(), |corpus| corpus.listed);
            all[..read.min(all.len())].to_vec()
        })
    });
    let highlight = site.owner().map(|owner| names::key(&owner.name));
    view! {
        <h1>"Papers"</h1>
        <PaperBrowser papers highlight file_name="papers" corpus_list=true />
    }
}

/// A person's papers: their author cluster. A sharded site reads it a page at a time, as the
/// cluster's author page does.
#[component]
pub fn PersonPapersPage(
    /// Whose papers.
    person: Person,
) -> impl IntoView {
    let site = use_site();
    let title = format!("Papers by {}", person.name);
    let key = names::key(&person.name);
    let total = site.paper_count(&person);
    let body = if total == 0 {
        view! { <p class="empty">{format!("{} has no papers listed yet.", person.name)}</p> }
            .into_any()
    } else {
        let (papers, cluster): (Signal<Vec<usize>>, _) = match site.corpus() {
            Some(_) => {
                let cluster_key = site.resolve_author(&key).unwrap_or(&key).to_string();
                let shown = use_site_signal();
                let cluster = ClusterPart {
                    key: cluster_key.clone(),
                    papers: total,
                };
                let papers =
                    Memo::new(move |_| shown.with(|site| site.cluster_papers(&cluster_key)));
                (papers.into(), Some(cluster))
            }
            None => (Signal::stored(site.papers_of(&person)), None),
        };
        view! { <PaperBrowser papers cluster highlight=Some(key) file_name=format!("{}-papers", person.id) /> }
            .into_any()
    };
    view! {
        <h1>{title}</h1>
        {body}
    }
}

//! `/papers/` and `/people/:id/papers/`: papers grouped by year, newest first, searchable.

use crate::components::paper_browser::PaperBrowser;
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

/// A person's papers: their author cluster.
#[component]
pub fn PersonPapersPage(
    /// Whose papers.
    person: Person,
) -> impl IntoView {
    let site = use_site();
    let papers = site.papers_of(&person);
    let title = format!("Papers by {}", person.name);
    let body = if papers.is_empty() {
        view! { <p class="empty">{format!("{} has no papers listed yet.", person.name)}</p> }
            .into_any()
    } else {
        view! { <PaperBrowser papers highlight=Some(names::key(&person.name)) file_name=format!("{}-papers", person.id) /> }
            .into_any()
    };
    view! {
        <h1>{title}</h1>
        {body}
    }
}

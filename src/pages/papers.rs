//! `/papers` and `/people/:id/papers`: papers grouped by year, newest first, searchable.

use crate::app::use_site;
use crate::components::page_meta::set_page_meta;
use crate::components::paper_browser::PaperBrowser;
use crate::model::names;
use crate::pages::person::use_route_person;
use crate::render::plural;
use leptos::prelude::*;

/// Every paper in the data.
#[component]
pub fn PapersPage() -> impl IntoView {
    let site = use_site();
    let papers = site.papers_newest_first().to_vec();
    let highlight = site.owner().map(|owner| names::key(&owner.name));
    set_page_meta(
        site.title(),
        Some("Papers"),
        &format!(
            "{} on {}, searchable and citable.",
            plural(papers.len(), "paper", "papers"),
            site.title()
        ),
    );
    view! {
        <h1>"Papers"</h1>
        <PaperBrowser papers highlight file_name="papers" />
    }
}

/// The papers of the person in the route: their author cluster.
#[component]
pub fn PersonPapersPage() -> impl IntoView {
    let site = use_site();
    let person = use_route_person();
    move || {
        let person = person.get()?;
        let papers = site.papers_of(&person);
        let title = format!("Papers by {}", person.name);
        set_page_meta(
            site.title(),
            Some(&title),
            &format!(
                "{} by {}, newest first.",
                plural(papers.len(), "paper", "papers"),
                person.name
            ),
        );
        let body = if papers.is_empty() {
            view! { <p class="empty">{format!("{} has no papers listed yet.", person.name)}</p> }
                .into_any()
        } else {
            view! { <PaperBrowser papers highlight=Some(names::key(&person.name)) file_name=format!("{}-papers", person.id) /> }
                .into_any()
        };
        Some(view! {
            <h1>{title}</h1>
            {body}
        })
    }
}

//! `/papers` and `/people/:id/papers`: papers grouped by year, newest first.

use crate::app::use_site;
use crate::components::page_meta::set_page_meta;
use crate::components::paper_list::PapersByYear;
use crate::model::names;
use crate::pages::home::plural;
use crate::pages::person::use_route_person;
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
            "{} on {}.",
            plural(papers.len(), "paper", "papers"),
            site.title()
        ),
    );
    view! {
        <h1>"Papers"</h1>
        <p class="lead">{plural(papers.len(), "paper", "papers")} ", newest first."</p>
        {if papers.is_empty() {
            view! { <p class="empty">"No papers yet."</p> }.into_any()
        } else {
            view! { <PapersByYear papers highlight /> }.into_any()
        }}
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
        Some(view! {
            <h1>{title}</h1>
            {if papers.is_empty() {
                view! { <p class="empty">{format!("{} has no papers listed yet.", person.name)}</p> }.into_any()
            } else {
                view! {
                    <p class="lead">{plural(papers.len(), "paper", "papers")} ", newest first."</p>
                    <PapersByYear papers highlight=Some(names::key(&person.name)) />
                }
                .into_any()
            }}
        })
    }
}

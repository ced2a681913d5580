//! `/`: the owner's about page, or the directory of people.

use crate::app::use_site;
use crate::components::page_meta::set_page_meta;
use crate::pages::person::{PersonAbout, PersonTabs, first_sentence};
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// The site owner's about page when the site has an owner, else a directory of everyone.
#[component]
pub fn HomePage() -> impl IntoView {
    let site = use_site();
    match site.owner().cloned() {
        Some(owner) => view! {
            <PersonTabs person=owner.clone() />
            <PersonAbout person=owner />
        }
        .into_any(),
        None => view! { <Directory /> }.into_any(),
    }
}

/// Every person: name, affiliation, the first sentence of their bio, and what they have.
#[component]
fn Directory() -> impl IntoView {
    let site = use_site();
    set_page_meta(site.title(), None, site.description());
    let people = site
        .people()
        .iter()
        .map(|person| {
            let counts = site.counts(person);
            let summary = [
                plural(counts.papers, "paper", "papers"),
                plural(counts.news, "news item", "news items"),
                plural(counts.activity, "forum item", "forum items"),
            ]
            .join(" · ");
            let name = person.name.clone();
            let facts = [person.affiliation.clone(), person.location.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            view! {
                <li class="person-card">
                    <h2 class="person-card-name">
                        <A href=paths::person(&person.id)>{name}</A>
                    </h2>
                    {(!facts.is_empty()).then(|| view! { <p class="person-facts">{facts}</p> })}
                    {first_sentence(&person.bio).map(|line| view! { <p>{line}</p> })}
                    <p class="person-counts">{summary}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>{site.title().to_string()}</h1>
        {(!site.description().is_empty()).then(|| view! { <p class="lead">{site.description().to_string()}</p> })}
        {if site.people().is_empty() {
            view! { <p class="empty">"No people in the data yet."</p> }.into_any()
        } else {
            view! { <ul class="people">{people}</ul> }.into_any()
        }}
    }
}

/// "1 paper", "3 papers", "no papers".
pub fn plural(count: usize, one: &str, many: &str) -> String {
    match count {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        _ => format!("{count} {many}"),
    }
}

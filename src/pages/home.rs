//! `/`: the directory of people.

use crate::app::use_site;
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// Lists every person in the data with a link to their profile.
#[component]
pub fn HomePage() -> impl IntoView {
    let site = use_site();
    let people = site
        .people()
        .iter()
        .map(|person| {
            let name = person.name.clone();
            let affiliation = person.affiliation.clone();
            view! {
                <li class="person-card">
                    <A href=paths::person(&person.id)>{name}</A>
                    {affiliation.map(|text| view! { <span class="affiliation">{text}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>{site.title().to_string()}</h1>
        <p class="lead">{site.description().to_string()}</p>
        <ul class="people">{people}</ul>
    }
}

//! `/people/:id`: a person's profile.

use crate::app::use_site;
use crate::pages::not_found::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A person's profile, or the 404 page for an unknown id.
#[component]
pub fn PersonPage() -> impl IntoView {
    let site = use_site();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match site.person(&id) {
            Some(person) => {
                let affiliation = person.affiliation.clone();
                view! {
                    <h1>{person.name.clone()}</h1>
                    {affiliation.map(|text| view! { <p class="affiliation">{text}</p> })}
                }
                .into_any()
            }
            None => view! { <NotFoundPage /> }.into_any(),
        }
    }
}

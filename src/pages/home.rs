//! `/`: the owner's about page, or the directory of people.

use crate::components::html_block::HtmlBlock;
use crate::context::use_site;
use crate::pages::person::{PersonAbout, PersonTabs};
use crate::render::pages::directory;
use leptos::prelude::*;

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
        None => {
            let lead = (!site.description().is_empty()).then(|| site.description().to_string());
            view! {
                <h1>{site.title().to_string()}</h1>
                {lead.map(|lead| view! { <p class="lead">{lead}</p> })}
                <HtmlBlock html=directory(&site) />
            }
            .into_any()
        }
    }
}

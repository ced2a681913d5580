//! `/people/:id/talks/`: a person's talks, newest first, grouped by year.

use crate::components::html_block::HtmlBlock;
use crate::context::use_site;
use crate::model::schema::Person;
use crate::render::cv::talks_list;
use leptos::prelude::*;

/// A person's talks, with their links and the papers they are about.
#[component]
pub fn TalksPage(
    /// Whose talks.
    person: Person,
) -> impl IntoView {
    let site = use_site();
    view! {
        <h1>{format!("Talks by {}", person.name)}</h1>
        <HtmlBlock html=talks_list(&site, &person) class="cv" />
    }
}

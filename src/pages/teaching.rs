//! `/people/:id/teaching/`: the courses a person taught, assisted or facilitated.

use crate::components::html_block::HtmlBlock;
use crate::model::schema::Person;
use crate::render::cv::teaching_list;
use leptos::prelude::*;

/// A person's courses, newest first.
#[component]
pub fn TeachingPage(
    /// Whose teaching.
    person: Person,
) -> impl IntoView {
    view! {
        <h1>{format!("Teaching by {}", person.name)}</h1>
        <HtmlBlock html=teaching_list(&person) class="cv" />
    }
}

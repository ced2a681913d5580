//! `/news/` and `/people/:id/news/`: dated news items, newest first.

use crate::components::html_block::HtmlBlock;
use crate::context::use_site;
use crate::model::schema::Person;
use crate::render::pages::news_list;
use leptos::prelude::*;

/// Everyone's news.
#[component]
pub fn NewsPage() -> impl IntoView {
    let site = use_site();
    let mixed = site.people().len() > 1;
    view! {
        <h1>"News"</h1>
        <HtmlBlock html=news_list(&site, site.news(), mixed) />
    }
}

/// A person's news.
#[component]
pub fn PersonNewsPage(
    /// Whose news.
    person: Person,
) -> impl IntoView {
    let site = use_site();
    view! {
        <h1>{format!("News from {}", person.name)}</h1>
        <HtmlBlock html=news_list(&site, site.news_of(&person.id), false) />
    }
}

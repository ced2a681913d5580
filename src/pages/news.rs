//! `/news` and `/people/:id/news`: dated news items, newest first.

use crate::app::use_site;
use crate::components::html_block::HtmlBlock;
use crate::components::page_meta::set_page_meta;
use crate::pages::person::use_route_person;
use crate::render::pages::news_list;
use crate::render::plural;
use leptos::prelude::*;

/// Everyone's news.
#[component]
pub fn NewsPage() -> impl IntoView {
    let site = use_site();
    let count = site.news().count();
    set_page_meta(
        site.title(),
        Some("News"),
        &format!(
            "{} from {}, newest first.",
            plural(count, "news item", "news items"),
            site.title()
        ),
    );
    let mixed = site.people().len() > 1;
    view! {
        <h1>"News"</h1>
        <HtmlBlock html=news_list(&site, site.news(), mixed) />
    }
}

/// The news of the person in the route.
#[component]
pub fn PersonNewsPage() -> impl IntoView {
    let site = use_site();
    let person = use_route_person();
    move || {
        let person = person.get()?;
        let count = site.news_of(&person.id).count();
        let title = format!("News from {}", person.name);
        set_page_meta(
            site.title(),
            Some(&title),
            &format!(
                "{} from {}, newest first.",
                plural(count, "news item", "news items"),
                person.name
            ),
        );
        Some(view! {
            <h1>{title}</h1>
            <HtmlBlock html=news_list(&site, site.news_of(&person.id), false) />
        })
    }
}

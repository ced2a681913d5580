//! `/news` and `/people/:id/news`: dated news items, newest first.

use crate::app::use_site;
use crate::components::news_item::NewsEntry;
use crate::components::page_meta::set_page_meta;
use crate::model::date::PartialDate;
use crate::model::schema::NewsItem;
use crate::pages::home::plural;
use crate::pages::person::use_route_person;
use leptos::prelude::*;

/// Everyone's news.
#[component]
pub fn NewsPage() -> impl IntoView {
    let site = use_site();
    let items: Vec<(NewsItem, PartialDate)> = site
        .news()
        .map(|(item, date)| (item.clone(), date))
        .collect();
    set_page_meta(
        site.title(),
        Some("News"),
        &format!(
            "{} from {}, newest first.",
            plural(items.len(), "news item", "news items"),
            site.title()
        ),
    );
    let mixed = site.people().len() > 1;
    view! {
        <h1>"News"</h1>
        <NewsList items show_person=mixed />
    }
}

/// The news of the person in the route.
#[component]
pub fn PersonNewsPage() -> impl IntoView {
    let site = use_site();
    let person = use_route_person();
    move || {
        let person = person.get()?;
        let items: Vec<(NewsItem, PartialDate)> = site
            .news_of(&person.id)
            .map(|(item, date)| (item.clone(), date))
            .collect();
        let title = format!("News from {}", person.name);
        set_page_meta(
            site.title(),
            Some(&title),
            &format!(
                "{} from {}, newest first.",
                plural(items.len(), "news item", "news items"),
                person.name
            ),
        );
        Some(view! {
            <h1>{title}</h1>
            <NewsList items show_person=false />
        })
    }
}

/// News items in the order given, or a note that there are none.
#[component]
fn NewsList(items: Vec<(NewsItem, PartialDate)>, show_person: bool) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="empty">"No news yet."</p> }.into_any();
    }
    let entries = items
        .into_iter()
        .map(|(item, date)| view! { <li><NewsEntry item date show_person /></li> })
        .collect_view();
    view! { <ul class="news-list">{entries}</ul> }.into_any()
}

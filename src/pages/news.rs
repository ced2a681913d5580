//! `/news/` and `/people/:id/news/`: dated news items, newest first, a page at a time.

use crate::components::html_block::HtmlBlock;
use crate::components::load_more::{ListFooter, shown_in_address};
use crate::context::{STATIC_RENDER, more_texts, use_site_signal};
use crate::model::Site;
use crate::model::schema::Person;
use crate::model::shard::TEXT_PAGE;
use crate::model::sharded::TextList;
use crate::model::site::NewsEntry;
use crate::paths;
use crate::render::pages::news_items;
use leptos::prelude::*;

/// How many news items a page shows at first, and each "Load more" adds: a file of a sharded
/// site's news.
pub const PAGE_SIZE: usize = TEXT_PAGE;

/// Everyone's news.
#[component]
pub fn NewsPage() -> impl IntoView {
    view! {
        <h1>"News"</h1>
        <NewsList person=None />
    }
}

/// A person's news.
#[component]
pub fn PersonNewsPage(
    /// Whose news.
    person: Person,
) -> impl IntoView {
    view! {
        <h1>{format!("News from {}", person.name)}</h1>
        <NewsList person=Some(person) />
    }
}

/// The news of `person`, or everyone's, newest first.
fn news_in<'a>(site: &'a Site, person: Option<&'a str>) -> Vec<NewsEntry<'a>> {
    match person {
        Some(person) => site.news_of(person).collect(),
        None => site.news().collect(),
    }
}

/// A list of news items a page at a time, with "Load more" and the count in the address. A static
/// page lists every item, the later ones shown only without JavaScript. An address naming an
/// item further down (`#news-2021-03-04`, as feeds link them) shows every item, then that one.
#[component]
fn NewsList(
    /// Whose news; everyone's for `None`.
    person: Option<Person>,
) -> impl IntoView {
    let site = use_site_signal();
    let first = site.get_untracked();
    let (total, show_person, path) = match &person {
        Some(person) => (
            first.news_count_of(person),
            false,
            paths::person_news(&person.id),
        ),
        None => (first.news_count(), first.people().len() > 1, paths::news()),
    };
    if total == 0 {
        return view! { <p class="empty">"No news yet."</p> }.into_any();
    }
    let id = person.map(|person| person.id);
    let shown = shown_in_address(total, PAGE_SIZE);
    let held = {
        let id = id.clone();
        Memo::new(move |_| site.with(|site| news_in(site, id.as_deref()).len()))
    };
    let reading = Signal::derive(move || held.get() < shown.get());
    let list = {
        let id = id.clone();
        move || {
            let site = site.get();
            let entries = news_in(&site, id.as_deref());
            let visible = &entries[..shown.get().min(entries.len())];
            news_items(&site, visible, 0, show_person)
        }
    };
    let rest = STATIC_RENDER.then(|| {
        let entries = news_in(&first, id.as_deref());
        let first_page = shown.get_untracked().min(entries.len());
        news_items(&first, &entries[first_page..], first_page, show_person)
    });
    if let Some(more) = more_texts() {
        let list = TextList::News(id.clone());
        Effect::new(move |_| {
            if reading.get() {
                more.run((list.clone(), shown.get()));
            }
        });
    }
    #[cfg(target_arch = "wasm32")]
    reveal_anchor(site, id.clone(), shown, total, path.clone());
    view! {
        <HtmlBlock class="news-list" html=list />
        {rest.map(|rest| view! { <HtmlBlock class="news-list without-js" html=rest /> })}
        <ListFooter shown reading total items="news" path page=PAGE_SIZE />
    }
    .into_any()
}

/// Shows the item the address's `#news-…` names, once: every item when it is not among those
/// shown, then scrolls to it.
#[cfg(target_arch = "wasm32")]
fn reveal_anchor(
    site: Signal<std::sync::Arc<Site>>,
    person: Option<String>,
    shown: Memo<usize>,
    total: usize,
    path: String,
) {
    let hash = window().location().hash().unwrap_or_default();
    let Some(anchor) = hash.strip_prefix('#').filter(|id| id.starts_with("news-")) else {
        return;
    };
    let anchor = anchor.to_string();
    let navigate = leptos_router::hooks::use_navigate();
    let revealed = StoredValue::new(false);
    Effect::new(move |_| {
        if revealed.get_value() {
            return;
        }
        let count = shown.get();
        let (found, held) = site.with(|site| {
            let entries = news_in(site, person.as_deref());
            let found = entries
                .iter()
                .take(count)
                .any(|entry| entry.anchor == anchor);
            (found, entries.len())
        });
        if found {
            revealed.set_value(true);
            let anchor = anchor.clone();
            request_animation_frame(move || {
                if let Some(item) = document().get_element_by_id(&anchor) {
                    item.scroll_into_view();
                }
            });
        } else if count < total {
            let href = paths::with_query(&path, &[("shown", total.to_string())]);
            navigate(&format!("{href}#{anchor}"), paths::navigation(true, true));
        } else if held >= count {
            // Every item is shown, and none has that anchor.
            revealed.set_value(true);
        }
    });
}

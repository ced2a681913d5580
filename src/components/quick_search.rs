//! The site-wide quick search: `/` or Ctrl-K (⌘K) opens it, arrow keys choose, Enter goes.

use crate::context::{STATIC_RENDER, site_finder, use_site_signal};
use crate::model::Site;
use crate::model::filter::PaperFilter;
use crate::model::search::{Hit, HitKind, Query};
use crate::paths;
use crate::render::unique_id;
use leptos::ev::KeyboardEvent;
use leptos::html::{Dialog, Input};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

/// How many results the dialog lists.
const RESULTS: usize = 8;

/// Where a hit leads: the person's page, the paper's page, or the list holding the item.
pub fn hit_href(site: &Site, hit: &Hit) -> String {
    let owner = site.owner().map(|owner| owner.id.as_str());
    let person = hit.person.as_deref().unwrap_or_default();
    match hit.kind {
        HitKind::Person => paths::about(person, owner),
        HitKind::Paper => paths::paper(&site.paper(hit.index).id),
        HitKind::News if hit.person.is_some() => paths::person_news(person),
        HitKind::News => paths::news(),
        HitKind::Activity => paths::person_activity(person),
    }
}

/// What a kind of hit is called in the results.
fn kind_label(kind: HitKind) -> &'static str {
    match kind {
        HitKind::Person => "Person",
        HitKind::Paper => "Paper",
        HitKind::News => "News",
        HitKind::Activity => "Forum",
    }
}

/// A "Search" button in the header and the dialog it opens; also opened by `/` or Ctrl-K. On a
/// sharded site, papers are found through the search shards: the newest that match.
#[component]
pub fn QuickSearch() -> impl IntoView {
    let site = use_site_signal();
    let finder = site_finder();
    // Whether papers are searched in the shards: a site read whole searches its own indexes.
    let in_shards =
        Memo::new(move |_| finder.is_some() && site.with(|site| site.corpus().is_some()));
    let navigate = use_navigate();
    let dialog = NodeRef::<Dialog>::new();
    let input = NodeRef::<Input>::new();
    let text = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let query = Memo::new(move |_| Query::parse(&text.get()));
    // The text the shards' answer is for, when it is not the text typed.
    let answered = move || {
        finder.and_then(|finder| {
            finder
                .matches
                .with(|answer| answer.as_ref().map(|(filter, _)| filter.query.clone()))
        })
    };
    Effect::new(move |_| {
        let query = query.get();
        if let Some(finder) = finder.filter(|_| in_shards.get() && !query.is_empty()) {
            let filter = PaperFilter {
                query: text.get_untracked(),
                ..PaperFilter::default()
            };
            finder.find.run((filter, RESULTS));
        }
    });
    let searching = move || {
        in_shards.get()
            && !query.with(Query::is_empty)
            && answered().is_none_or(|answered| Query::parse(&answered) != query.get())
    };
    let results = Memo::new(move |_| {
        if query.with(Query::is_empty) {
            return Vec::new();
        }
        match finder.filter(|_| in_shards.get()) {
            // The last answer, until the next arrives.
            Some(finder) => finder.matches.with(|answer| match answer {
                Some((filter, found)) => site.with(|site| {
                    site.quick_search_among(
                        &Query::parse(&filter.query),
                        RESULTS,
                        &found.ids,
                        &found.news,
                        &found.activity,
                    )
                }),
                None => Vec::new(),
            }),
            None => query.with(|query| site.with(|site| site.quick_search(query, RESULTS))),
        }
    });
    let list_id = unique_id("quick-results");
    let option_id = {
        let prefix = list_id.clone();
        StoredValue::new(move |index: usize| format!("{prefix}-{index}"))
    };

    let open = move || {
        if let Some(dialog) = dialog.get_untracked() {
            if !dialog.open() {
                dialog.show_modal().ok();
            }
            if let Some(input) = input.get_untracked() {
                input.select();
            }
        }
    };
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let go = move |index: usize| {
        let hit = results.with_untracked(|results| results.get(index).cloned());
        if let Some(hit) = hit {
            close();
            let href = site.with_untracked(|site| hit_href(site, &hit));
            navigate(&href, paths::navigation(false, false));
        }
    };
    let go = StoredValue::new(go);

    // `/` (outside text fields) and Ctrl-K or ⌘K open the search from anywhere.
    if !STATIC_RENDER {
        let shortcut = window_event_listener(leptos::ev::keydown, move |event: KeyboardEvent| {
            let typing = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|element| {
                    element
                        .closest("input, textarea, select, [contenteditable]")
                        .ok()
                        .flatten()
                        .is_some()
                });
            let command =
                (event.ctrl_key() || event.meta_key()) && event.key().eq_ignore_ascii_case("k");
            if command || (event.key() == "/" && !typing && !event.ctrl_key() && !event.meta_key())
            {
                event.prevent_default();
                open();
            }
        });
        on_cleanup(move || shortcut.remove());
    }

    let on_key = move |event: KeyboardEvent| {
        let count = results.with_untracked(Vec::len);
        match event.key().as_str() {
            "ArrowDown" if count > 0 => {
                event.prevent_default();
                active.update(|active| *active = (*active + 1) % count);
            }
            "ArrowUp" if count > 0 => {
                event.prevent_default();
                active.update(|active| *active = (*active + count - 1) % count);
            }
            "Enter" => {
                event.prevent_default();
                go.with_value(|go| go(active.get_untracked()));
            }
            _ => {}
        }
    };
    let options = move || {
        let site = site.get();
        results
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, hit)| {
                let href = hit_href(&site, &hit);
                view! {
                    <li
                        id=option_id.with_value(|id| id(index))
                        role="option"
                        aria-selected=move || (active.get() == index).to_string()
                        class="quick-result"
                    >
                        <a
                            href=href
                            tabindex="-1"
                            on:click=move |event| {
                                event.prevent_default();
                                go.with_value(|go| go(index));
                            }
                        >
                            <span class="quick-kind">{kind_label(hit.kind)}</span>
                            <span class="quick-title">{hit.title}</span>
                            <span class="quick-detail">{hit.detail}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let failed = move || finder.and_then(|finder| finder.failed.get());
    let status = move || match (text.get().trim().is_empty(), results.get().len()) {
        (false, _) if failed().is_some() => {
            format!(
                "The search could not be read: {}",
                failed().unwrap_or_default()
            )
        }
        (false, _) if searching() => "Searching…".to_string(),
        (true, _) => "Type to search people, papers, news and forum posts.".to_string(),
        (false, 0) => "No results.".to_string(),
        (false, 1) => "1 result. Enter opens it.".to_string(),
        (false, count) => format!("{count} results. Arrow keys choose, Enter opens."),
    };
    view! {
        <button type="button" class="quick-open needs-js" on:click=move |_| open() aria-keyshortcuts="/ Control+K">
            "Search "
            <kbd aria-hidden="true">"/"</kbd>
        </button>
        <dialog class="quick-search" node_ref=dialog aria-label="Search the site">
            <p class="quick-close">
                <button type="button" class="link-like" on:click=move |_| close()>"Close"</button>
            </p>
            <input
                node_ref=input
                type="search"
                class="search-box"
                role="combobox"
                aria-label="Search the site"
                aria-expanded=move || (!results.get().is_empty()).to_string()
                aria-controls=list_id.clone()
                aria-autocomplete="list"
                aria-activedescendant=move || {
                    (!results.get().is_empty()).then(|| option_id.with_value(|id| id(active.get())))
                }
                placeholder="People, papers, news, forum posts"
                autocomplete="off"
                prop:value=move || text.get()
                on:input=move |event| {
                    text.set(event_target_value(&event));
                    active.set(0);
                }
                on:keydown=on_key
            />
            <p class="quick-status" role="status">{status}</p>
            <ul id=list_id role="listbox" aria-label="Results" class="quick-results">
                {options}
            </ul>
            {move || {
                (!query.with(Query::is_empty)).then(|| {
                    let href = paths::with_query(&paths::papers(), &[("q", text.get())]);
                    view! {
                        <p class="quick-more">
                            <a href=href on:click=move |_| close()>
                                "Every paper matching “" {text.get()} "”"
                            </a>
                        </p>
                    }
                })
            }}
        </dialog>
    }
}

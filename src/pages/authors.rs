//! `/authors/`: every author name in the data, with paper counts, sortable by name or count.

use crate::components::load_more::load_more_button;
use crate::context::{STATIC_LIST_LIMIT, STATIC_RENDER, more_names, use_site_signal};
use crate::model::cluster::{AuthorOrder, sort_index_entries};
use crate::model::shard::NameEntry;
use crate::paths;
use crate::render::pages::author_index_rows;
use crate::render::{grouped, plural};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The table of author names: every one on a site read whole; on a sharded site, the name
/// index read a page at a time in the order shown.
#[component]
pub fn AuthorsPage() -> impl IntoView {
    let site = use_site_signal();
    let query = use_query_map();
    let order = Memo::new(move |_| AuthorOrder::from_query(query.read().get("sort")));
    let more = more_names();
    let unread = move |order: AuthorOrder| {
        site.with(|site| {
            site.corpus()
                .is_some_and(|corpus| corpus.names.in_order(order).is_empty())
        })
    };
    Effect::new(move |_| {
        let order = order.get();
        if let Some(more) = more.filter(|_| unread(order)) {
            more.run(order);
        }
    });
    let count = Memo::new(move |_| {
        site.with(|site| match site.corpus() {
            Some(corpus) => corpus.names.total,
            None => site.authors().entries().len(),
        })
    });
    let header = move |label: &'static str, column: AuthorOrder| {
        let sorted = move || order.get() == column;
        view! {
            // A plain link: the router still navigates in the app, and `<A>` would mark both sort
            // links as the current page, since they share the path. Sorting needs the app: a
            // static page's header is a label.
            <th scope="col" aria-sort=move || if sorted() { if column == AuthorOrder::Papers { "descending" } else { "ascending" } } else { "none" }>
                <a class="needs-js" href=paths::with_query(&paths::authors(), &[("sort", column.query_value())]) data-noscroll="">
                    {label}
                    <span class="sort-hint" aria-hidden="true">{move || sorted().then_some(" ▾")}</span>
                </a>
                <span class="without-js">{label}</span>
            </th>
        }
    };
    // The rows in the order shown, and how many names they leave out.
    let rows = Memo::new(move |_| {
        let order = order.get();
        site.with(|site| match site.corpus() {
            Some(corpus) => {
                let names = corpus.names.in_order(order);
                let entries: Vec<_> = names.iter().map(NameEntry::as_index_entry).collect();
                (
                    author_index_rows(&entries),
                    corpus.names.total - names.len(),
                )
            }
            None => {
                let mut entries = site.authors().entries();
                sort_index_entries(&mut entries, order);
                let all = entries.len();
                if STATIC_RENDER {
                    entries.truncate(STATIC_LIST_LIMIT);
                }
                (author_index_rows(&entries), all - entries.len())
            }
        })
    });
    let load_more = move || {
        let remaining = rows.with(|(_, remaining)| *remaining);
        let more = more.filter(|_| remaining > 0 && !STATIC_RENDER)?;
        let order = order.get();
        if unread(order) {
            return Some(
                view! { <p class="loading" role="status">"Reading the author names…"</p> }
                    .into_any(),
            );
        }
        let label = format!("Load more names ({} remaining)", grouped(remaining));
        Some(load_more_button(label, move || more.run(order)).into_any())
    };
    let beyond_limit = move || {
        let count = count.get();
        (STATIC_RENDER && count > STATIC_LIST_LIMIT).then(|| {
            format!(
                "The first {} of {} names are listed here; every name is linked from its papers. With JavaScript on, this table holds them all.",
                grouped(STATIC_LIST_LIMIT),
                grouped(count)
            )
        })
    };
    view! {
        <h1>"Authors"</h1>
        <p class="lead">
            {move || plural(count.get(), "author name", "author names")}
            " on the papers of this site. Each name links to every paper with a matching author name."
        </p>
        {move || if count.get() == 0 {
            view! { <p class="empty">"No papers, so no authors yet."</p> }.into_any()
        } else {
            view! {
                <table class="authors-table">
                    <caption class="visually-hidden">"Author names and their paper counts"</caption>
                    <thead>
                        <tr>{header("Name", AuthorOrder::Name)} {header("Papers", AuthorOrder::Papers)}</tr>
                    </thead>
                    <tbody inner_html=move || rows.with(|(rows, _)| rows.clone())></tbody>
                </table>
                {load_more}
                {beyond_limit().map(|note| view! { <p class="list-limit without-js">{note}</p> })}
            }
            .into_any()
        }}
    }
}

//! `/authors/`: every author name in the data, with paper counts, sortable by name or count.

use crate::context::{STATIC_LIST_LIMIT, STATIC_RENDER, every_paper_request, use_site_signal};
use crate::model::Site;
use crate::model::cluster::IndexEntry;
use crate::model::names;
use crate::paths;
use crate::render::pages::author_index_rows;
use crate::render::{grouped, plural};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// The orders the table can be sorted in, as they appear in the URL (`?sort=papers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthorOrder {
    /// By family name, then given names.
    Name,
    /// By paper count, most first, then by name.
    Papers,
}

impl AuthorOrder {
    fn from_query(value: Option<String>) -> Self {
        match value.as_deref() {
            Some("papers") => Self::Papers,
            _ => Self::Name,
        }
    }

    fn query_value(self) -> String {
        match self {
            Self::Name => String::new(),
            Self::Papers => "papers".into(),
        }
    }
}

/// Sorts index entries in place by `order`.
pub fn sort_entries(entries: &mut [IndexEntry<'_>], order: AuthorOrder) {
    let sort_key = |entry: &IndexEntry<'_>| {
        let parsed = names::parse(entry.name);
        let given: Vec<String> = parsed.given.into_iter().map(|name| name.folded).collect();
        (parsed.family, given)
    };
    let mut keyed: Vec<_> = entries
        .iter()
        .map(|entry| (sort_key(entry), entry.clone()))
        .collect();
    match order {
        AuthorOrder::Name => {
            keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.key.cmp(b.1.key)))
        }
        AuthorOrder::Papers => keyed.sort_unstable_by(|a, b| {
            b.1.papers
                .cmp(&a.1.papers)
                .then(a.0.cmp(&b.0))
                .then(a.1.key.cmp(b.1.key))
        }),
    }
    for (slot, (_, entry)) in entries.iter_mut().zip(keyed) {
        *slot = entry;
    }
}

/// The table of author names. A sharded site is read whole first: its pages hold only their own
/// authors.
#[component]
pub fn AuthorsPage() -> impl IntoView {
    let site = use_site_signal();
    let reading = Memo::new(move |_| site.with(|site| site.corpus().is_some()));
    let want_every_paper = every_paper_request();
    Effect::new(move |_| {
        if reading.get() {
            want_every_paper();
        }
    });
    move || {
        if reading.get() {
            view! {
                <h1>"Authors"</h1>
                <p class="loading" role="status">"Reading every paper of the site to list their authors…"</p>
            }
            .into_any()
        } else {
            view! { <AuthorTable site=site.get() /> }.into_any()
        }
    }
}

/// The table of the author names of `site`, whose papers are all there are.
#[component]
fn AuthorTable(
    /// The site, read whole.
    site: Arc<Site>,
) -> impl IntoView {
    let query = use_query_map();
    let order = Memo::new(move |_| AuthorOrder::from_query(query.read().get("sort")));
    let count = site.authors().entries().len();
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
    let rows = move || {
        let mut entries = site.authors().entries();
        sort_entries(&mut entries, order.get());
        if STATIC_RENDER {
            entries.truncate(STATIC_LIST_LIMIT);
        }
        author_index_rows(&entries)
    };
    let beyond_limit = (STATIC_RENDER && count > STATIC_LIST_LIMIT).then(|| {
        format!(
            "The first {} of {} names are listed here; every name is linked from its papers. With JavaScript on, this table holds them all.",
            grouped(STATIC_LIST_LIMIT),
            grouped(count)
        )
    });
    view! {
        <h1>"Authors"</h1>
        <p class="lead">
            {plural(count, "author name", "author names")}
            " on the papers of this site. Each name links to every paper with a matching author name."
        </p>
        {if count == 0 {
            view! { <p class="empty">"No papers, so no authors yet."</p> }.into_any()
        } else {
            view! {
                <table class="authors-table">
                    <caption class="visually-hidden">"Author names and their paper counts"</caption>
                    <thead>
                        <tr>{header("Name", AuthorOrder::Name)} {header("Papers", AuthorOrder::Papers)}</tr>
                    </thead>
                    <tbody inner_html=rows></tbody>
                </table>
                {beyond_limit.map(|note| view! { <p class="list-limit without-js">{note}</p> })}
            }
            .into_any()
        }}
    }
}

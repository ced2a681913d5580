//! A paper's author list: every name linked to its author page, the profile's own person
//! highlighted, long lists shortened without ever hiding that person.

use crate::app::use_site;
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// Lists longer than this are shortened until the reader expands them.
pub const SHORT_LIST: usize = 8;
/// How many leading authors a shortened list shows.
pub const LEADING_AUTHORS: usize = 5;

/// The positions a shortened list shows: the leading authors and every highlighted one. `None`
/// when the list is short enough to show whole (hiding one or two names saves nothing).
pub fn shortened(count: usize, highlighted: &[usize]) -> Option<Vec<usize>> {
    if count <= SHORT_LIST {
        return None;
    }
    let mut shown: Vec<usize> = (0..LEADING_AUTHORS)
        .chain(highlighted.iter().copied())
        .collect();
    shown.sort_unstable();
    shown.dedup();
    shown.retain(|&position| position < count);
    Some(shown)
}

/// The authors of a paper, in order.
#[component]
pub fn AuthorList(
    /// The paper's index in the site.
    paper: usize,
    /// The cluster key whose authors are highlighted (the profile's person, the cluster shown).
    #[prop(default = None)]
    highlight: Option<String>,
    /// Show every author, however long the list (the paper's own page).
    #[prop(optional)]
    full: bool,
) -> impl IntoView {
    let site = use_site();
    let authors = &site.paper(paper).authors;
    let entries: Vec<AuthorEntry> = site
        .authors()
        .rows_of_paper(paper)
        .zip(authors)
        .map(|(row, author)| AuthorEntry {
            name: row.name.clone(),
            href: paths::author(&row.cluster),
            highlighted: highlight.as_deref() == Some(row.cluster.as_str()),
            equal: author.equal,
            corresponding: author.corresponding,
        })
        .collect();
    let highlighted: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter_map(|(position, entry)| entry.highlighted.then_some(position))
        .collect();
    let short = if full {
        None
    } else {
        shortened(entries.len(), &highlighted)
    };
    let expanded = RwSignal::new(false);
    let count = entries.len();
    let hidden = count - short.as_ref().map_or(count, Vec::len);
    let entries = StoredValue::new(entries);
    let shown = move || match (&short, expanded.get()) {
        (Some(short), false) => short.clone(),
        _ => (0..count).collect(),
    };
    view! {
        <p class="authors">
            <span class="visually-hidden">"Authors: "</span>
            {move || {
                let shown = shown();
                entries.with_value(|entries| render_entries(entries, &shown))
            }}
            {(hidden > 0)
                .then(|| {
                    view! {
                        " "
                        <button
                            type="button"
                            class="link-like"
                            aria-expanded=move || expanded.get().to_string()
                            on:click=move |_| expanded.update(|open| *open = !*open)
                        >
                            {move || {
                                if expanded.get() {
                                    "show fewer".to_string()
                                } else {
                                    format!("and {hidden} more")
                                }
                            }}
                        </button>
                    }
                })}
        </p>
    }
}

/// What the list shows of one author.
#[derive(Clone)]
struct AuthorEntry {
    name: String,
    href: String,
    highlighted: bool,
    equal: bool,
    corresponding: bool,
}

/// Renders the authors at `shown` positions, with an ellipsis where positions are skipped.
fn render_entries(entries: &[AuthorEntry], shown: &[usize]) -> impl IntoView + use<> {
    let mut previous: Option<usize> = None;
    shown
        .iter()
        .map(|&position| {
            let entry = &entries[position];
            let separator = match previous {
                None => "",
                Some(before) if position > before + 1 => ", …, ",
                Some(_) => ", ",
            };
            previous = Some(position);
            let name = entry.name.clone();
            let link = if entry.highlighted {
                view! {
                    <A href=entry.href.clone()>
                        <strong class="author-self">{name}</strong>
                    </A>
                }
                .into_any()
            } else {
                view! { <A href=entry.href.clone()>{name}</A> }.into_any()
            };
            view! {
                {separator}
                <span class="author">
                    {link}
                    {entry.equal.then(|| mark("*", "equal contribution"))}
                    {entry.corresponding.then(|| mark("✉", "corresponding author"))}
                </span>
            }
        })
        .collect_view()
}

fn mark(symbol: &'static str, meaning: &'static str) -> impl IntoView {
    view! {
        <sup class="author-mark" title=meaning>
            <span aria-hidden="true">{symbol}</span>
            <span class="visually-hidden">{format!(" ({meaning})")}</span>
        </sup>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_are_shown_whole() {
        assert_eq!(shortened(SHORT_LIST, &[]), None);
        assert_eq!(shortened(3, &[2]), None);
    }

    #[test]
    fn long_lists_keep_the_leading_authors() {
        assert_eq!(shortened(9, &[]), Some(vec![0, 1, 2, 3, 4]));
        assert_eq!(shortened(9, &[2]), Some(vec![0, 1, 2, 3, 4]));
    }

    #[test]
    fn long_lists_never_hide_a_highlighted_author() {
        assert_eq!(shortened(20, &[15]), Some(vec![0, 1, 2, 3, 4, 15]));
        assert_eq!(shortened(20, &[7, 19]), Some(vec![0, 1, 2, 3, 4, 7, 19]));
    }
}

//! The end of a list read or shown a part at a time.

use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The button that shows more of a list read a part at a time, labelled with what it shows.
pub fn load_more_button(label: String, more: impl Fn() + 'static) -> impl IntoView {
    view! {
        <p class="load-more">
            <button type="button" class="button" on:click=move |_| more()>
                {label}
            </button>
        </p>
    }
}

/// How many items to show for the `shown` query value: whole pages of `page` items, at least
/// one, at most all.
pub fn items_to_show(requested: Option<usize>, total: usize, page: usize) -> usize {
    let page = page.max(1);
    let pages = requested.unwrap_or(page).div_ceil(page).max(1);
    (pages * page).min(total)
}

/// How many items of a list of `total` the page shows, pages of `page` at a time: as many as the
/// address's `shown` asks for ([`items_to_show`]).
pub fn shown_in_address(total: usize, page: usize) -> Memo<usize> {
    let query = use_query_map();
    Memo::new(move |_| {
        let requested = query
            .read()
            .get("shown")
            .and_then(|shown| shown.parse().ok());
        items_to_show(requested, total, page)
    })
}

/// The end of a list shown a page at a time, with the count in the address: how many items show
/// (or that more are being read), and "Load more" while some remain, which asks the address for
/// the next page. The count lives in the address, so that going back to the page restores as
/// many items as were shown, and the reader's place with them.
#[component]
pub fn ListFooter(
    /// How many items the page shows.
    shown: Memo<usize>,
    /// Whether some of them are still being read.
    #[prop(into)]
    reading: Signal<bool>,
    /// How many items the list has.
    total: usize,
    /// What the list holds, as "Reading more …" names it.
    items: &'static str,
    /// The page's path, without its query.
    path: String,
    /// How many more items "Load more" shows.
    page: usize,
) -> impl IntoView {
    let navigate = use_navigate();
    let more = move |_| {
        let next = (shown.get_untracked() + page).min(total);
        let href = paths::with_query(&path, &[("shown", next.to_string())]);
        navigate(&href, paths::navigation(true, true));
    };
    let status = move || match reading.get() {
        true => format!("Reading more {items}…"),
        false => format!("Showing {} of {total}", shown.get()),
    };
    let button = move || {
        let remaining = total.saturating_sub(shown.get());
        (remaining > 0).then(|| {
            view! {
                <button type="button" class="button load-more needs-js" on:click=more.clone()>
                    {format!("Load more ({remaining} remaining)")}
                </button>
            }
        })
    };
    view! {
        <p class="list-status needs-js" role="status">{status}</p>
        {button}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_one_page_at_first() {
        assert_eq!(items_to_show(None, 15, 10), 10);
        assert_eq!(items_to_show(None, 4, 10), 4);
        assert_eq!(items_to_show(None, 120, 50), 50);
    }

    #[test]
    fn rounds_requests_up_to_whole_pages_within_the_total() {
        assert_eq!(items_to_show(Some(20), 15, 10), 15);
        assert_eq!(items_to_show(Some(11), 45, 10), 20);
        assert_eq!(items_to_show(Some(0), 45, 10), 10);
        assert_eq!(items_to_show(Some(51), 500, 50), 100);
    }
}

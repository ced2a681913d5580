//! `/people/:id/activity/`: a forum-style profile: bio, sequences, then posts and comments, newest
//! first, a page at a time.

use crate::components::html_block::HtmlBlock;
use crate::context::{STATIC_RENDER, use_site};
use crate::model::schema::{ActivityItem, ActivityKind, Person};
use crate::paths;
use crate::render::pages::{activity_header, activity_items};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// How many posts and comments each "Load more" adds.
pub const PAGE_SIZE: usize = 10;

/// How many items to show for the `shown` query value: whole pages, at least one, at most all.
pub fn items_to_show(requested: Option<usize>, total: usize) -> usize {
    let pages = requested.unwrap_or(PAGE_SIZE).div_ceil(PAGE_SIZE).max(1);
    (pages * PAGE_SIZE).min(total)
}

/// A person's activity profile: a page of posts and comments with "Load more", the count in the
/// address. A static page lists every item, the later ones shown only without JavaScript (a
/// static host ignores the query that asks for more).
#[component]
pub fn ActivityPage(
    /// Whose activity.
    person: Person,
) -> impl IntoView {
    let site = use_site();
    let query = use_query_map();
    let navigate = use_navigate();
    let items = site.activity_of(&person.id);
    let (sequences, posts): (Vec<_>, Vec<_>) = items
        .into_iter()
        .partition(|(item, _)| item.kind == ActivityKind::Sequence);
    let header = activity_header(&person, &sequences);
    let total = posts.len();
    let shown = Memo::new(move |_| {
        let requested = query
            .read()
            .get("shown")
            .and_then(|shown| shown.parse().ok());
        items_to_show(requested, total)
    });
    let rest = STATIC_RENDER.then(|| {
        let first_page = shown.get_untracked();
        activity_items(&posts[first_page..], first_page)
    });
    let posts: Vec<(ActivityItem, _)> = posts
        .into_iter()
        .map(|(item, date)| (item.clone(), date))
        .collect();
    let posts = StoredValue::new(posts);
    let id = person.id.clone();
    // The count lives in the URL, so that going back to this page restores as many items as
    // were loaded, and the reader's place with them.
    let load_more = move |_| {
        let next = (shown.get_untracked() + PAGE_SIZE).min(total);
        let href = paths::with_query(&paths::person_activity(&id), &[("shown", next.to_string())]);
        navigate(&href, paths::navigation(true, true));
    };
    let list = move || {
        posts.with_value(|posts| {
            let visible: Vec<_> = posts[..shown.get()]
                .iter()
                .map(|(item, date)| (item, *date))
                .collect();
            activity_items(&visible, 0)
        })
    };
    view! {
        <HtmlBlock html=header />
        <section aria-labelledby="posts-heading">
            <h2 id="posts-heading">"Posts and comments"</h2>
            {if total == 0 {
                view! { <p class="empty">"No posts or comments yet."</p> }.into_any()
            } else {
                view! {
                    <div class="activity-list" inner_html=list></div>
                    {rest.map(|rest| view! { <div class="activity-list without-js" inner_html=rest></div> })}
                    <p class="list-status needs-js" role="status">
                        {move || format!("Showing {} of {total}", shown.get())}
                    </p>
                    <Show when=move || shown.get() < total>
                        <button type="button" class="button load-more needs-js" on:click=load_more.clone()>
                            {move || format!("Load more ({} remaining)", total - shown.get())}
                        </button>
                    </Show>
                }
                .into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_one_page_at_first() {
        assert_eq!(items_to_show(None, 15), 10);
        assert_eq!(items_to_show(None, 4), 4);
    }

    #[test]
    fn rounds_requests_up_to_whole_pages_within_the_total() {
        assert_eq!(items_to_show(Some(20), 15), 15);
        assert_eq!(items_to_show(Some(11), 45), 20);
        assert_eq!(items_to_show(Some(0), 45), 10);
    }
}

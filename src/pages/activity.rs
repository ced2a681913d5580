//! `/people/:id/activity`: a forum-style profile: bio, sequences, then posts and comments, newest
//! first, a page at a time.

use crate::app::use_site;
use crate::components::page_meta::set_page_meta;
use crate::components::rich_text::RichText;
use crate::model::date::PartialDate;
use crate::model::schema::{ActivityItem, ActivityKind};
use crate::pages::person::use_route_person;
use crate::paths;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

/// How many posts and comments each "Load more" adds.
pub const PAGE_SIZE: usize = 10;

/// How many items to show for the `shown` query value: whole pages, at least one, at most all.
pub fn items_to_show(requested: Option<usize>, total: usize) -> usize {
    let pages = requested.unwrap_or(PAGE_SIZE).div_ceil(PAGE_SIZE).max(1);
    (pages * PAGE_SIZE).min(total)
}

/// The activity profile of the person in the route.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let site = use_site();
    let person = use_route_person();
    let query = use_query_map();
    let navigate = use_navigate();
    move || {
        let person = person.get()?;
        let items = site.activity_of(&person.id);
        let (sequences, posts): (Vec<_>, Vec<_>) = items
            .into_iter()
            .partition(|(item, _)| item.kind == ActivityKind::Sequence);
        set_page_meta(
            site.title(),
            Some(&format!("{}'s activity", person.name)),
            &format!("Forum posts, comments and sequences by {}.", person.name),
        );
        let total = posts.len();
        let requested = move || {
            query
                .read()
                .get("shown")
                .and_then(|shown| shown.parse().ok())
        };
        let shown = Memo::new(move |_| items_to_show(requested(), total));
        let posts = StoredValue::new(
            posts
                .into_iter()
                .map(|(item, date)| (item.clone(), date))
                .collect::<Vec<_>>(),
        );
        let navigate = navigate.clone();
        let id = person.id.clone();
        // The count lives in the URL, so going back to this page restores as many items as were
        // loaded, and the reader's place with them.
        let load_more = move |_| {
            let next = (shown.get_untracked() + PAGE_SIZE).min(total);
            let href =
                paths::with_query(&paths::person_activity(&id), &[("shown", next.to_string())]);
            navigate(
                &href,
                NavigateOptions {
                    resolve: false,
                    replace: true,
                    scroll: false,
                    ..NavigateOptions::default()
                },
            );
        };
        let sequence_list = (!sequences.is_empty()).then(|| {
            let items = sequences
                .into_iter()
                .map(|(item, _)| view! { <li><ActivityEntry item=item.clone() date=None /></li> })
                .collect_view();
            view! {
                <section aria-labelledby="sequences-heading">
                    <h2 id="sequences-heading">"Sequences"</h2>
                    <ul class="activity-list sequences">{items}</ul>
                </section>
            }
        });
        Some(view! {
            <header class="activity-header">
                <h1>{person.name.clone()}</h1>
                {(!person.bio.is_empty()).then(|| view! { <RichText source=person.bio.clone() /> })}
            </header>
            {sequence_list}
            <section aria-labelledby="posts-heading">
                <h2 id="posts-heading">"Posts and comments"</h2>
                {if total == 0 {
                    view! { <p class="empty">"No posts or comments yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="activity-list">
                            {move || {
                                posts.with_value(|posts| {
                                    posts[..shown.get()]
                                        .iter()
                                        .map(|(item, date)| view! { <li><ActivityEntry item=item.clone() date=*date /></li> })
                                        .collect_view()
                                })
                            }}
                        </ul>
                        <p class="list-status" role="status">
                            {move || format!("Showing {} of {total}", shown.get())}
                        </p>
                        <Show when=move || { shown.get() < total }>
                            <button type="button" class="button load-more" on:click=load_more.clone()>
                                {move || format!("Load more ({} remaining)", total - shown.get())}
                            </button>
                        </Show>
                    }
                    .into_any()
                }}
            </section>
        })
    }
}

/// One post, comment or sequence.
#[component]
fn ActivityEntry(item: ActivityItem, date: Option<PartialDate>) -> impl IntoView {
    let heading = match (item.kind, &item.title, &item.on) {
        (ActivityKind::Comment, _, Some(on)) => Some(format!("Comment on \u{201c}{on}\u{201d}")),
        (_, Some(title), _) => Some(title.clone()),
        _ => None,
    };
    let heading = heading.map(|text| match &item.url {
        Some(url) => view! { <h3 class="activity-title"><a href=url.clone() rel=crate::components::external_link::rel_for(url)>{text}</a></h3> }.into_any(),
        None => view! { <h3 class="activity-title">{text}</h3> }.into_any(),
    });
    view! {
        <article class=format!("activity-item activity-{}", item.kind.label().to_lowercase())>
            <p class="activity-meta">
                <span class="badge">{item.kind.label()}</span>
                {date.map(|date| view! { <time datetime=date.to_iso()>{date.to_string()}</time> })}
                {item.score.map(|score| view! { <span class="activity-score">{format!("{score} points")}</span> })}
            </p>
            {heading}
            {(!item.body.is_empty()).then(|| view! { <RichText source=item.body.clone() /> })}
        </article>
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

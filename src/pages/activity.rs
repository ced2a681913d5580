//! `/people/:id/activity/`: a forum-style profile: bio, sequences, then posts and comments, newest
//! first, a page at a time.

use crate::components::html_block::HtmlBlock;
use crate::components::load_more::{ListFooter, shown_in_address};
use crate::context::{STATIC_RENDER, more_texts, use_site_signal};
use crate::model::Site;
use crate::model::date::PartialDate;
use crate::model::schema::{ActivityItem, ActivityKind, Person};
use crate::model::sharded::TextList;
use crate::paths;
use crate::render::pages::{activity_header, activity_items};
use leptos::prelude::*;

/// How many posts and comments each "Load more" adds.
pub const PAGE_SIZE: usize = 10;

/// A person's sequences and their posts and comments, each newest first.
type Split<'a> = (
    Vec<(&'a ActivityItem, Option<PartialDate>)>,
    Vec<(&'a ActivityItem, Option<PartialDate>)>,
);

/// The sequences of `person`, and their posts and comments.
fn split<'a>(site: &'a Site, person: &str) -> Split<'a> {
    site.activity_of(person)
        .into_iter()
        .partition(|(item, _)| item.kind == ActivityKind::Sequence)
}

/// A person's activity profile: a page of posts and comments with "Load more", the count in the
/// address. A static page lists every item, the later ones shown only without JavaScript (a
/// static host ignores the query that asks for more).
#[component]
pub fn ActivityPage(
    /// Whose activity.
    person: Person,
) -> impl IntoView {
    let site = use_site_signal();
    let first = site.get_untracked();
    let counts = first.counts(&person);
    let total = counts.activity.saturating_sub(counts.sequences);
    let header = activity_header(&person, &split(&first, &person.id).0);
    let shown = shown_in_address(total, PAGE_SIZE);
    let id = person.id.clone();
    let held = {
        let id = id.clone();
        Memo::new(move |_| site.with(|site| split(site, &id).1.len()))
    };
    let reading = Signal::derive(move || held.get() < shown.get());
    if let Some(more) = more_texts() {
        let list = TextList::Activity(id.clone());
        let sequences = counts.sequences;
        Effect::new(move |_| {
            if reading.get() {
                more.run((list.clone(), sequences + shown.get()));
            }
        });
    }
    let rest = STATIC_RENDER.then(|| {
        let posts = split(&first, &id).1;
        let first_page = shown.get_untracked().min(posts.len());
        activity_items(&posts[first_page..], first_page)
    });
    let list = {
        let id = id.clone();
        move || {
            let site = site.get();
            let posts = split(&site, &id).1;
            activity_items(&posts[..shown.get().min(posts.len())], 0)
        }
    };
    let path = paths::person_activity(&id);
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
                    <ListFooter shown reading total items="posts" path page=PAGE_SIZE />
                }
                .into_any()
            }}
        </section>
    }
}

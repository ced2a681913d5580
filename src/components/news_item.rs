//! One dated news item, with its details expandable.

use crate::app::use_site;
use crate::components::external_link::LinkButtons;
use crate::components::rich_text::{InlineText, RichText};
use crate::components::unique_id;
use crate::model::date::PartialDate;
use crate::model::schema::NewsItem;
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// A news item: its date, whose it is (on shared lists), the text, a link to its paper, its links,
/// and a button that expands and collapses its details.
#[component]
pub fn NewsEntry(
    /// The item.
    item: NewsItem,
    /// Its parsed date.
    date: PartialDate,
    /// Whether to name the person (on lists that mix people).
    #[prop(default = true)]
    show_person: bool,
) -> impl IntoView {
    let site = use_site();
    let owner = site.owner().map(|owner| owner.id.clone());
    let person = site
        .person_of(item.person.as_deref())
        .and_then(|id| site.person(id))
        .filter(|_| show_person)
        .map(|person| {
            let name = person.name.clone();
            view! {
                <A href=paths::about(&person.id, owner.as_deref())>{name}</A>
                ": "
            }
        });
    let paper = item
        .paper
        .as_deref()
        .and_then(|id| site.paper_index(id))
        .map(|index| {
            let paper = site.paper(index);
            view! {
                <A href=paths::paper(&paper.id) attr:class="news-paper">
                    "Paper page"
                </A>
            }
        });
    let details = item.details.clone().map(|details| {
        let open = RwSignal::new(false);
        let id = unique_id("news-details");
        view! {
            <button
                type="button"
                class="link-like details-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=id.clone()
                on:click=move |_| open.update(|open| *open = !*open)
            >
                {move || if open.get() { "Hide details" } else { "Details" }}
            </button>
            <div id=id class="news-details" hidden=move || !open.get()>
                <RichText source=details.clone() />
            </div>
        }
    });
    view! {
        <article class="news-item">
            <time class="news-date" datetime=date.to_iso()>
                {date.to_string()}
            </time>
            <p class="news-text">{person} <InlineText source=item.text.clone() /></p>
            <div class="news-actions">
                {paper}
                <LinkButtons links=item.links.clone() />
                {details}
            </div>
        </article>
    }
}

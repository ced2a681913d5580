//! One paper in a list: title, authors, venue and date, badges, links, and its abstract on demand.

use crate::app::use_site;
use crate::components::author_list::AuthorList;
use crate::components::external_link::LinkButtons;
use crate::components::rich_text::RichText;
use crate::components::unique_id;
use crate::model::schema::{PaperKind, PaperStatus};
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// A paper as an entry of a list. Titles are `<h3>`, under the list's year or section headings.
#[component]
pub fn PaperItem(
    /// The paper's index in the site.
    paper: usize,
    /// The cluster key whose authors are highlighted.
    #[prop(default = None)]
    highlight: Option<String>,
) -> impl IntoView {
    let site = use_site();
    let entry = site.paper(paper);
    let abstract_id = unique_id("abstract");
    let summary = entry.summary.clone();
    let title = entry.title.clone();
    let open = RwSignal::new(false);
    view! {
        <article class="paper">
            <h3 class="paper-title">
                <A href=paths::paper(&entry.id)>{title}</A>
            </h3>
            <AuthorList paper highlight />
            <PaperFacts paper />
            <LinkButtons links=entry.all_links() />
            {(!summary.is_empty())
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="link-like abstract-toggle"
                            aria-expanded=move || open.get().to_string()
                            aria-controls=abstract_id.clone()
                            on:click=move |_| open.update(|open| *open = !*open)
                        >
                            {move || if open.get() { "Hide abstract" } else { "Abstract" }}
                        </button>
                        <div id=abstract_id.clone() class="paper-abstract" hidden=move || !open.get()>
                            <RichText source=summary.clone() />
                        </div>
                    }
                })}
        </article>
    }
}

/// The line under a paper's authors: status and award badges, venue, kind and date.
#[component]
pub fn PaperFacts(
    /// The paper's index in the site.
    paper: usize,
) -> impl IntoView {
    let site = use_site();
    let entry = site.paper(paper);
    let preprint = site.paper_status(paper) == PaperStatus::Preprint;
    let venue = entry.venue.clone().unwrap_or_default();
    // A short venue badge repeats nothing the venue already says ("ICML" in "ICML 2025").
    let short = entry
        .venue_short
        .clone()
        .filter(|short| !venue.contains(short.as_str()));
    let awards = entry
        .awards
        .iter()
        .map(|award| view! { <span class="badge badge-award">{award.clone()}</span> })
        .collect_view();
    // The preprint badge already says what a kind of "Preprint" would.
    let kind = (entry.kind != PaperKind::Preprint).then_some(entry.kind.label());
    let details = [
        kind.map(str::to_string),
        Some(site.paper_date(paper).to_string()),
        entry.note.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <p class="paper-facts">
            {preprint.then(|| view! { <span class="badge badge-preprint">"Preprint"</span> })}
            {short.map(|short| view! { <span class="badge">{short}</span> })}
            {awards}
            {(!venue.is_empty()).then(|| view! { <span class="paper-venue">{venue}</span> " · " })}
            <span class="paper-details">{details}</span>
        </p>
    }
}

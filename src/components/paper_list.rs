//! Lists of papers: grouped by year, newest first, or flat.

use crate::app::use_site;
use crate::components::paper_item::PaperItem;
use leptos::prelude::*;

/// Papers under a heading per year, newest year first; `papers` must be ordered newest first.
#[component]
pub fn PapersByYear(
    /// Paper indices, newest first.
    papers: Vec<usize>,
    /// The cluster key whose authors are highlighted.
    #[prop(default = None)]
    highlight: Option<String>,
) -> impl IntoView {
    let site = use_site();
    let mut groups: Vec<(i32, Vec<usize>)> = Vec::new();
    for paper in papers {
        let year = site.paper_date(paper).year;
        match groups.last_mut() {
            Some((last, members)) if *last == year => members.push(paper),
            _ => groups.push((year, vec![paper])),
        }
    }
    groups
        .into_iter()
        .map(|(year, papers)| {
            let heading = format!("year-{year}");
            let labelled_by = heading.clone();
            view! {
                <section class="year-group" aria-labelledby=labelled_by>
                    <h2 id=heading class="year-heading">{year}</h2>
                    <PaperList papers highlight=highlight.clone() />
                </section>
            }
        })
        .collect_view()
}

/// Papers as a flat list, in the order given.
#[component]
pub fn PaperList(
    /// Paper indices, in display order.
    papers: Vec<usize>,
    /// The cluster key whose authors are highlighted.
    #[prop(default = None)]
    highlight: Option<String>,
) -> impl IntoView {
    let items = papers
        .into_iter()
        .map(|paper| view! { <li><PaperItem paper highlight=highlight.clone() /></li> })
        .collect_view();
    view! { <ul class="paper-list">{items}</ul> }
}

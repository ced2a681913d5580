//! `/papers/:id/`: one paper with its full author list, abstract, links, tags and citation.

use crate::components::citation::CitationExport;
use crate::components::html_block::HtmlBlock;
use crate::context::use_site;
use crate::pages::not_found::NotFoundPage;
use crate::render::pages::paper_record;
use leptos::prelude::*;

/// The paper with this id, or the 404 page for an unknown id.
#[component]
pub fn PaperPage(
    /// The paper's id.
    id: String,
) -> impl IntoView {
    let site = use_site();
    let Some(index) = site.paper_index(&id) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let file_name = site.paper(index).id.clone();
    view! {
        <article class="paper-page">
            <HtmlBlock html=paper_record(&site, index) />
            <h2>"Cite"</h2>
            <CitationExport papers=vec![index] file_name />
        </article>
    }
    .into_any()
}

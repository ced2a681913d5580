//! `/papers/:id`: one paper with its full author list, abstract, links, tags and citation.

use crate::app::use_site;
use crate::components::citation::CitationExport;
use crate::components::html_block::HtmlBlock;
use crate::components::page_meta::set_page_meta;
use crate::model::markdown;
use crate::pages::not_found::NotFoundPage;
use crate::render::pages::paper_record;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The paper in the route, or the 404 page for an unknown id.
#[component]
pub fn PaperPage() -> impl IntoView {
    let site = use_site();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let Some(index) = site.paper_index(&id) else {
            return view! { <NotFoundPage /> }.into_any();
        };
        let paper = site.paper(index);
        let description = match markdown::to_plain_text(&paper.summary) {
            summary if summary.is_empty() => {
                format!("{} ({}).", paper.title, site.paper_date(index).year)
            }
            summary => summary,
        };
        set_page_meta(site.title(), Some(&paper.title), &description);
        view! {
            <article class="paper-page">
                <HtmlBlock html=paper_record(&site, index) />
                <h2>"Cite"</h2>
                <CitationExport papers=vec![index] file_name=paper.id.clone() />
            </article>
        }
        .into_any()
    }
}

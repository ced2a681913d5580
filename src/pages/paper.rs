//! `/papers/:id`: one paper with its full author list, abstract, links, tags and citation.

use crate::app::use_site;
use crate::components::author_list::AuthorList;
use crate::components::citation::CitationExport;
use crate::components::external_link::LinkButtons;
use crate::components::page_meta::set_page_meta;
use crate::components::paper_item::PaperFacts;
use crate::components::rich_text::RichText;
use crate::model::markdown;
use crate::model::names;
use crate::pages::not_found::NotFoundPage;
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::A;
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
        let highlight = site.owner().map(|owner| names::key(&owner.name));
        let tags = (!paper.tags.is_empty()).then(|| {
            let items = paper
                .tags
                .iter()
                .map(|tag| {
                    let label = tag.clone();
                    view! {
                        <li>
                            <A href=paths::with_query(&paths::papers(), &[("tag", tag.clone())])>{label}</A>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2>"Topics"</h2>
                <ul class="tags">{items}</ul>
            }
        });
        view! {
            <article class="paper-page">
                <h1>{paper.title.clone()}</h1>
                <AuthorList paper=index highlight full=true />
                <PaperFacts paper=index />
                <LinkButtons links=paper.all_links() />
                {(!paper.summary.is_empty())
                    .then(|| {
                        view! {
                            <h2>"Abstract"</h2>
                            <RichText source=paper.summary.clone() />
                        }
                    })}
                {tags}
                <h2>"Cite"</h2>
                <CitationExport papers=vec![index] file_name=paper.id.clone() />
            </article>
        }
        .into_any()
    }
}

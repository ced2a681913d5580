//! A searchable, filterable, citable list of papers: the body of the papers pages and of author
//! cluster pages.

use crate::components::citation::CitationExport;
use crate::components::paper_list::{ListStyle, PaperList};
use crate::render::plural;
use leptos::prelude::*;

/// Papers, newest first, grouped by year, with an export of the list as shown.
#[component]
pub fn PaperBrowser(
    /// The papers to browse, newest first.
    papers: Vec<usize>,
    /// The cluster key whose authors are highlighted.
    #[prop(default = None)]
    highlight: Option<String>,
    /// Base name of the citation download.
    #[prop(into)]
    file_name: String,
    /// Put a heading above each year's papers.
    #[prop(default = true)]
    by_year: bool,
) -> impl IntoView {
    let total = papers.len();
    let shown = Signal::stored(papers);
    let style = Signal::stored(ListStyle {
        highlight,
        by_year,
        marker: None,
    });
    view! {
        <p class="lead" role="status">{plural(total, "paper", "papers")} ", newest first."</p>
        <PaperList papers=shown style />
        <details class="export">
            <summary>"Cite these papers"</summary>
            <CitationExport papers=shown file_name />
        </details>
    }
}

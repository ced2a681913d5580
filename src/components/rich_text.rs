//! Markdown from the data files, rendered to sanitized HTML.

use crate::model::markdown;
use leptos::prelude::*;

/// Block Markdown (paragraphs, lists, math) as a `<div class="prose">`. The HTML comes from
/// [`markdown::render_block`], which escapes raw HTML and drops unsafe URLs.
#[component]
pub fn RichText(
    /// The Markdown source.
    #[prop(into)]
    source: String,
) -> impl IntoView {
    view! { <div class="prose" inner_html=markdown::render_block(&source)></div> }
}

/// One line of inline Markdown (emphasis, links, math) as a `<span>`.
#[component]
pub fn InlineText(
    /// The Markdown source.
    #[prop(into)]
    source: String,
) -> impl IntoView {
    view! { <span inner_html=markdown::render_inline(&source)></span> }
}

//! Markup rendered by [`crate::render`], with its toggles working.

use crate::context::use_site;
use crate::model::Site;
use crate::render::entries::paper_abstract;
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A `<div>` holding markup from [`crate::render`]. One click listener serves every toggle
/// inside it: see [`toggle_from_click`].
#[component]
pub fn HtmlBlock(
    /// The markup.
    #[prop(into)]
    html: Signal<String>,
    /// The `class` of the `<div>`.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let site = use_site();
    let on_click = move |event: MouseEvent| {
        toggle_from_click(&event, &site, &|paper| paper_abstract(&site, paper, None))
    };
    let class = (!class.is_empty()).then_some(class);
    view! { <div class=class inner_html=move || html.get() on:click=on_click></div> }
}

/// Handles a click on a `data-toggle` button written by [`crate::render::Html::toggle`]: flips
/// its `aria-expanded` and its label, and shows or hides what it controls (`region`) or marks it
/// open (`more`). A region with a `data-abstract` paper id is filled by `abstract_of` the paper's
/// index the first time it opens.
pub fn toggle_from_click(event: &MouseEvent, site: &Site, abstract_of: &dyn Fn(usize) -> String) {
    let button = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|element| element.closest("button[data-toggle]").ok().flatten());
    let Some(button) = button else {
        return;
    };
    let controlled = button
        .get_attribute("aria-controls")
        .and_then(|id| document().get_element_by_id(&id));
    let Some(controlled) = controlled else {
        return;
    };
    let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
    button
        .set_attribute("aria-expanded", if open { "true" } else { "false" })
        .ok();
    let label = if open {
        "data-open-label"
    } else {
        "data-closed-label"
    };
    if let Some(label) = button.get_attribute(label) {
        button.set_text_content(Some(&label));
    }
    if button.get_attribute("data-toggle").as_deref() == Some("more") {
        if open {
            controlled.set_attribute("data-open", "").ok();
        } else {
            controlled.remove_attribute("data-open").ok();
        }
        return;
    }
    if open && controlled.child_element_count() == 0 {
        let paper = controlled
            .get_attribute("data-abstract")
            .and_then(|id| site.paper_index(&id));
        if let Some(paper) = paper {
            controlled.set_inner_html(&abstract_of(paper));
        }
    }
    if let Some(region) = controlled.dyn_ref::<HtmlElement>() {
        region.set_hidden(!open);
    }
}

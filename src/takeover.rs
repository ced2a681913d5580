//! Taking over the prerendered page. The app is drawn into a detached copy of the page's root,
//! then put in its place within one frame: the reader never sees a loading state, a blank frame
//! or the page twice, and keeps their scroll position and focus.

use crate::components::navigation::{align_entry, entry_index, entry_under_reading_line};
use crate::components::paper_list::draw_at_least_once;
use crate::perf;
use crate::render::entries::ALWAYS_DRAWN_CLASS;
use crate::schedule::next_frame;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The id of the element holding the page, prerendered or drawn by the app.
const ROOT_ID: &str = "app";

/// The list entries of a page, which CSS draws only when near the screen (after the first few).
const LIST_ENTRIES: &str = ":is(.paper-list, .news-list, .activity-list) > article";

/// The class on `<html>` that the page's first script sets, telling CSS that scripts run: the
/// controls that need the app show, and what only readers without scripts need hides.
const SCRIPTS_CLASS: &str = "js";

/// Draws `app` off screen, then shows it in place of the prerendered page (or, where there is
/// none, of an empty root) at the next frame.
pub fn mount_app<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let document = document();
    let prerendered = page_root(&document);
    // The app's list must hold the entries the reader may already see.
    draw_at_least_once(entries_above_fold(&prerendered));
    let Ok(root) = document.create_element("div") else {
        return;
    };
    root.set_id(ROOT_ID);
    let root: HtmlElement = root.unchecked_into();
    perf::mark("vita:mount-start");
    leptos::mount::mount_to(root.clone(), app).forget();
    perf::mark("vita:mounted");
    // Effects (the lists' first entries) have run by the next frame; the swap happens before it
    // is drawn. Not before the static page has been drawn once, though: a page that arrives with
    // its module at once (from a cache) would otherwise first appear through the app, and the
    // page's largest paint would wait for the module.
    leptos::task::spawn_local(async move {
        if !painted() {
            next_frame().await;
        }
        request_animation_frame(move || {
            replace_page(&prerendered, &root);
            perf::mark("vita:takeover");
        });
    });
}

/// Whether the page has been painted (its first contentful paint is past).
fn painted() -> bool {
    window().performance().is_some_and(|performance| {
        performance
            .get_entries_by_name("first-contentful-paint")
            .length()
            > 0
    })
}

/// Shows a data error: above the prerendered page, which stays readable as it was built, or as
/// the page when nothing was prerendered. `error` gets whether it is shown above a page.
pub fn mount_error<V: IntoView + 'static>(error: impl FnOnce(bool) -> V + 'static) {
    let document = document();
    let root = page_root(&document);
    // The page stays static: the controls that need the app must go.
    if let Some(html) = document.document_element() {
        html.class_list().remove_1(SCRIPTS_CLASS).ok();
    }
    let main = root.query_selector("main").ok().flatten();
    match (main, document.create_element("div")) {
        (Some(main), Ok(notice)) => {
            main.prepend_with_node_1(&notice).ok();
            leptos::mount::mount_to(notice.unchecked_into(), move || error(true)).forget();
        }
        _ => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, move || error(false)).forget();
        }
    }
}

/// The root of the page in the document, created empty when the document has none.
fn page_root(document: &web_sys::Document) -> HtmlElement {
    if let Some(root) = document.get_element_by_id(ROOT_ID) {
        return root.unchecked_into();
    }
    let root = document
        .create_element("div")
        .expect("a div can be created");
    root.set_id(ROOT_ID);
    if let Some(body) = document.body() {
        body.append_child(&root).ok();
    }
    root.unchecked_into()
}

/// How many paper entries of `root` start above the bottom of the window.
fn entries_above_fold(root: &Element) -> usize {
    let height = window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or_default();
    let Ok(entries) = root.query_selector_all(".paper-list > .paper") else {
        return 0;
    };
    (0..entries.length())
        .filter_map(|index| entries.item(index)?.dyn_into::<Element>().ok())
        .take_while(|entry| entry.get_bounding_client_rect().top() < height)
        .count()
}

/// Puts `app` in the place of `prerendered`, keeping the entry under the reader's eyes where it
/// was and the focus on the same control.
fn replace_page(prerendered: &HtmlElement, app: &HtmlElement) {
    let anchor =
        entry_under_reading_line().and_then(|(entry, top)| Some((entry_index(&entry)?, top)));
    let focus = focused_in(prerendered);
    // The entries drawn as the app takes over are always drawn too: their real heights are
    // known when the reader's place is found among them, and none is ever skipped for a frame.
    if let Ok(entries) = app.query_selector_all(LIST_ENTRIES) {
        for entry in (0..entries.length()).filter_map(|index| entries.item(index)) {
            if let Some(entry) = entry.dyn_ref::<Element>() {
                entry.class_list().add_1(ALWAYS_DRAWN_CLASS).ok();
            }
        }
    }
    prerendered.replace_with_with_node_1(app).ok();
    if let Some((index, top)) = anchor {
        align_entry(index, top);
    }
    if let Some((tag, index, text)) = focus {
        refocus(app, &tag, index, &text);
    }
}

/// The focused element inside `root`: its tag, its position among the elements of that tag in
/// `root`, and its text.
fn focused_in(root: &Element) -> Option<(String, u32, String)> {
    let active = document().active_element()?;
    if !root.contains(Some(&active)) {
        return None;
    }
    let tag = active.tag_name().to_lowercase();
    let same_tag = root.query_selector_all(&tag).ok()?;
    let index = (0..same_tag.length()).find(|&index| {
        same_tag
            .item(index)
            .is_some_and(|node| node.is_same_node(Some(&active)))
    })?;
    Some((tag, index, active.text_content().unwrap_or_default()))
}

/// Focuses the `index`th element of `tag` in `root`, if it shows the same text (the data may
/// have changed since the page was built).
fn refocus(root: &Element, tag: &str, index: u32, text: &str) {
    let target = root
        .query_selector_all(tag)
        .ok()
        .and_then(|elements| elements.item(index))
        .and_then(|node| node.dyn_into::<HtmlElement>().ok())
        .filter(|element| element.text_content().unwrap_or_default() == text);
    if let Some(target) = target {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        target.focus_with_options(&options).ok();
    }
}

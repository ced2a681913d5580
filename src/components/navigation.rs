//! Focus and scroll position across client-side navigations, as a full page load would handle them.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// Where a reader was on a page: the scroll offset, and the entry of a list under the reading
/// line with its distance from the top of the window. Entries off screen have estimated heights
/// (`content-visibility`), so the offset alone lands elsewhere when the page is drawn anew; the
/// entry brings the reader back to the same content.
#[derive(Clone, Default)]
struct Place {
    offset: f64,
    anchor: Option<(web_sys::Element, f64)>,
}

/// What is remembered between navigations.
#[derive(Default)]
struct Positions {
    /// The path and query of the page on screen.
    shown: String,
    /// Where the reader last was on each page, kept up to date as they scroll.
    places: HashMap<String, Place>,
    /// Set by back and forward, whose page should come back where the reader left it.
    restore: bool,
}

/// The list entries of the page on screen that places are anchored to.
const ENTRIES: &str = "main article";

/// Moves focus to the new page's `<h1>` after each navigation to another path, so keyboard and
/// screen-reader users start at the new content; and brings back the reading position of pages
/// reached with back and forward, which the browser cannot do for content rendered after the
/// history change. Query-only changes (sorting, paging) leave focus alone.
pub fn manage_focus_and_scroll() {
    if let Ok(history) = window().history() {
        history
            .set_scroll_restoration(web_sys::ScrollRestoration::Manual)
            .ok();
    }
    let positions = StoredValue::new_local(Positions::default());
    on_window("scroll", move || {
        let place = Place {
            offset: window().scroll_y().unwrap_or_default(),
            anchor: entry_under_reading_line(),
        };
        positions.update_value(|positions| {
            let shown = positions.shown.clone();
            positions.places.insert(shown, place);
        });
    });
    on_window("popstate", move || {
        positions.update_value(|positions| positions.restore = true)
    });

    let location = use_location();
    Effect::new(move |previous_path: Option<String>| {
        let path = location.pathname.get();
        let page = format!("{path}?{}", location.search.get());
        // Read now: scrolling clamped by the new page's height would overwrite it before the
        // next frame.
        let saved = positions
            .try_update_value(|positions| {
                positions.shown = page.clone();
                positions.places.get(&page).cloned().unwrap_or_default()
            })
            .unwrap_or_default();
        // The anchor belongs to the page as it was drawn before; find its place in that list.
        let anchor = saved
            .anchor
            .and_then(|(entry, top)| Some((entry_index(&entry)?, top)));
        let path_changed = previous_path
            .as_ref()
            .is_some_and(|previous| *previous != path);
        // After the new page is drawn, and after every listener of the history change has run.
        request_animation_frame(move || {
            if path_changed {
                focus_main_heading();
            }
            let restore = positions
                .try_update_value(|positions| std::mem::take(&mut positions.restore))
                .unwrap_or(false);
            if restore {
                window().scroll_to_with_x_and_y(0.0, saved.offset);
                if let Some((index, top)) = anchor {
                    align_entry(index, top);
                    // Entries drawn by the first scroll take their real heights; align again.
                    request_animation_frame(move || align_entry(index, top));
                }
            }
        });
        path
    });
}

/// The list entry a third of the way down the window, and its top's distance from the window top.
pub fn entry_under_reading_line() -> Option<(web_sys::Element, f64)> {
    let window = window();
    let width = window.inner_width().ok()?.as_f64()?;
    let height = window.inner_height().ok()?.as_f64()?;
    let hit = document().element_from_point((width / 2.0) as f32, (height / 3.0) as f32)?;
    let entry = hit.closest(ENTRIES).ok().flatten()?;
    let top = entry.get_bounding_client_rect().top();
    Some((entry, top))
}

/// The position of `entry` among the list entries of its page, whether the page is still on
/// screen or has just been replaced.
pub fn entry_index(entry: &web_sys::Element) -> Option<usize> {
    let mut root = entry.clone();
    while let Some(parent) = root.parent_element() {
        root = parent;
    }
    let selector = if root.tag_name().eq_ignore_ascii_case("html") {
        ENTRIES
    } else {
        "article"
    };
    let entries = root.query_selector_all(selector).ok()?;
    (0..entries.length())
        .find(|&index| {
            entries
                .item(index)
                .is_some_and(|node| node.is_same_node(Some(entry)))
        })
        .map(|index| index as usize)
}

/// Scrolls so that the `index`th list entry's top is `top` pixels from the window top, if the
/// page has that entry.
pub fn align_entry(index: usize, top: f64) {
    let entry = document()
        .query_selector_all(ENTRIES)
        .ok()
        .and_then(|entries| entries.item(index as u32))
        .and_then(|node| node.dyn_into::<web_sys::Element>().ok());
    if let Some(entry) = entry {
        let off_by = entry.get_bounding_client_rect().top() - top;
        if off_by.abs() >= 1.0 {
            window().scroll_by_with_x_and_y(0.0, off_by);
        }
    }
}

/// Listens to `event` on the window for the life of the page.
fn on_window(event: &str, handler: impl FnMut() + 'static) {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(handler);
    window()
        .add_event_listener_with_callback(event, callback.as_ref().unchecked_ref())
        .ok();
    // The shell, and so this listener, lives as long as the page.
    callback.forget();
}

fn focus_main_heading() {
    let heading = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        heading.set_attribute("tabindex", "-1").ok();
        let options = web_sys::FocusOptions::new();
        // Scrolling is the router's job (to the top) or the restore's (back where it was).
        options.set_prevent_scroll(true);
        heading.focus_with_options(&options).ok();
    }
}

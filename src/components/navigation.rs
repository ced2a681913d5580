//! Focus and scroll position across client-side navigations, as a full page load would handle them.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// What is remembered between navigations.
#[derive(Default)]
struct Positions {
    /// The path and query of the page on screen.
    shown: String,
    /// The last scroll offset of each page, kept up to date as the reader scrolls.
    scroll: HashMap<String, f64>,
    /// Set by back and forward, whose page should come back where the reader left it.
    restore: bool,
}

/// Moves focus to the new page's `<h1>` after each navigation to another path, so keyboard and
/// screen-reader users start at the new content; and brings back the scroll position of pages
/// reached with back and forward, which the browser cannot do for content rendered after the
/// history change. Query-only changes (sorting, paging) leave focus alone.
pub fn manage_focus_and_scroll() {
    if let Ok(history) = window().history() {
        history
            .set_scroll_restoration(web_sys::ScrollRestoration::Manual)
            .ok();
    }
    let positions = StoredValue::new(Positions::default());
    on_window("scroll", move || {
        let at = window().scroll_y().unwrap_or_default();
        positions.update_value(|positions| {
            let shown = positions.shown.clone();
            positions.scroll.insert(shown, at);
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
                positions.scroll.get(&page).copied().unwrap_or(0.0)
            })
            .unwrap_or(0.0);
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
                window().scroll_to_with_x_and_y(0.0, saved);
            }
        });
        path
    });
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

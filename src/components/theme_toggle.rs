//! The light/dark theme switch.

use crate::context::STATIC_RENDER;
use leptos::prelude::*;

/// Where the reader's choice is kept; `index.html` reads it before the first paint.
const STORAGE_KEY: &str = "vita-theme";

/// A toggle button for the dark theme. It starts from the theme in effect (the saved choice, else
/// the system setting) and saves the reader's choice for later visits. It needs the app: static
/// pages show it only once scripts run.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(!STATIC_RENDER && theme_in_effect_is_dark());
    let toggle = move |_| {
        let now_dark = !dark.get_untracked();
        dark.set(now_dark);
        apply_theme(if now_dark { "dark" } else { "light" });
    };
    view! {
        <button
            type="button"
            class="theme-toggle needs-js"
            aria-pressed=move || dark.get().to_string()
            on:click=toggle
        >
            // The icon follows the theme in CSS, so that a static page shows the right one too.
            <span class="theme-icon" aria-hidden="true"></span>
            "Dark theme"
        </button>
    }
}

fn theme_in_effect_is_dark() -> bool {
    match document()
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"))
    {
        Some(theme) => theme == "dark",
        None => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches()),
    }
}

fn apply_theme(theme: &str) {
    if let Some(root) = document().document_element() {
        root.set_attribute("data-theme", theme).ok();
    }
    if let Ok(Some(storage)) = window().local_storage() {
        // Private browsing may refuse storage: the theme then lasts for this visit only.
        storage.set_item(STORAGE_KEY, theme).ok();
    }
}

//! The loading indicator shown while data is on its way.

use leptos::prelude::*;

/// A polite, screen-reader-announced loading message.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            "Loading…"
        </p>
    }
}

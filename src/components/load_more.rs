//! The button at the end of a list read a part at a time.

use leptos::prelude::*;

/// The button that shows more of a list read a part at a time, labelled with what it shows.
pub fn load_more_button(label: String, more: impl Fn() + 'static) -> impl IntoView {
    view! {
        <p class="load-more">
            <button type="button" class="button" on:click=move |_| more()>
                {label}
            </button>
        </p>
    }
}

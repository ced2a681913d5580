//! The page shown instead of the site when its data cannot be loaded.

use crate::data::LoadError;
use leptos::prelude::*;

/// Names the data file, where it is wrong and why, so the site owner can fix it.
#[component]
pub fn LoadErrorPage(
    /// What went wrong while loading.
    error: LoadError,
) -> impl IntoView {
    view! {
        <main id="main" class="load-error">
            <h1>"The site data could not be loaded"</h1>
            <p>"The site is online, but its data file has a problem. Nothing is shown until it is fixed:"</p>
            <ul class="error-detail" role="alert">
                {error.lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            <p>
                "If you maintain this site, run "
                <code>"cargo run --release --bin vita-check -- public/data/site.json"</code>
                " to see every problem at once."
            </p>
        </main>
    }
}

//! The 404 page, for unknown paths and unknown ids.

use crate::paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// Says the page does not exist and offers a way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at this address. It may have moved, or the link may be mistyped."</p>
            <p>
                <A href=paths::home()>"Go to the home page"</A>
            </p>
        </section>
    }
}

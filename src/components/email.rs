//! A contact address that is not in the page until a reader asks for it.

use crate::components::clipboard::copy_text;
use crate::model::schema::Email;
use leptos::prelude::*;

/// A button that assembles the email address on click, then shows it as a `mailto:` link with a
/// copy button. Scrapers reading the page find no address in it.
#[component]
pub fn EmailReveal(
    /// The address, in two halves.
    email: Email,
    /// Whether the address is shown, for a page that shows it itself (before printing); hidden
    /// until asked for when not given.
    #[prop(optional)]
    shown: Option<RwSignal<bool>>,
) -> impl IntoView {
    let shown = shown.unwrap_or_else(|| RwSignal::new(false));
    let copy_status = RwSignal::new(String::new());
    let address = StoredValue::new(format!("{}@{}", email.user, email.domain));
    let copy = move |_| {
        let text = address.get_value();
        leptos::task::spawn_local(async move {
            copy_status.set(if copy_text(&text).await {
                "Copied".into()
            } else {
                "Copy failed: select the address instead".into()
            });
        });
    };
    view! {
        <div class="email">
            <Show
                when=move || shown.get()
                fallback=move || {
                    view! {
                        <button type="button" class="button needs-js" on:click=move |_| shown.set(true)>
                            "Show email address"
                        </button>
                        <p class="without-js">"The email address is shown with JavaScript on."</p>
                    }
                }
            >
                <a href=move || format!("mailto:{}", address.get_value())>{move || address.get_value()}</a>
                <button type="button" class="button button-small" on:click=copy>
                    "Copy"
                </button>
                <span class="copy-status" role="status">
                    // No text rather than an empty one, which a static page writes as a space.
                    {move || Some(copy_status.get()).filter(|text| !text.is_empty())}
                </span>
            </Show>
        </div>
    }
}

//! Links that leave the app: other sites, and files next to it.

use crate::model::schema::Link;
use crate::model::validate::is_web_url;
use leptos::prelude::*;

/// The `rel` of a link: other sites get no opener and no referrer; files served beside the app
/// (relative paths like `files/cv.pdf`) are marked external so the router lets the browser load
/// them instead of looking for a route.
pub fn rel_for(url: &str) -> &'static str {
    if is_web_url(url) {
        "noopener noreferrer"
    } else {
        "external"
    }
}

/// A row of typed links, each showing its kind ("Code", "PDF", "Twitter/X") or its own label.
#[component]
pub fn LinkButtons(
    /// The links, in order.
    links: Vec<Link>,
) -> impl IntoView {
    (!links.is_empty()).then(|| {
        let items = links
            .into_iter()
            .map(|link| {
                let kind = link.kind.label();
                // A custom label still shows the kind, so readers know what the link leads to.
                let label = link
                    .label
                    .clone()
                    .filter(|label| label != kind)
                    .map(|label| view! { <span class="link-label">{label}</span> });
                view! {
                    <li>
                        <a
                            class=format!("link-button link-{}", link.kind.as_str())
                            href=link.url.clone()
                            rel=rel_for(&link.url)
                        >
                            <span class="link-kind">{kind}</span>
                            {label}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="link-buttons">{items}</ul> }
    })
}

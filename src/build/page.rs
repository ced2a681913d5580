//! A page rendered natively: the app's own components, for the route of an address, as HTML.

use crate::app::App;
use crate::model::Site;
use crate::render::reset_unique_ids;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use std::sync::Arc;

/// The content of the page at `pathname` (the address with the base path, `/vita/papers/`): what
/// the app shows there, header, navigation and footer included.
pub fn render_page(site: &Arc<Site>, pathname: &str) -> String {
    reset_unique_ids();
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(pathname));
        let site = site.clone();
        view! { <App site /> }.to_html()
    })
}

//! The parts of the layout around every page: skip link, header with navigation, footer.

use crate::components::quick_search::QuickSearch;
use crate::components::theme_toggle::ThemeToggle;
use crate::context::use_site;
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// "Skip to content", the first stop for keyboard users. Its href names the page's own address,
/// as a bare `#main` would resolve against `<base href>` and load the home page; the app focuses
/// `<main>` itself.
#[component]
pub fn SkipLink() -> impl IntoView {
    let location = use_location();
    let href = move || format!("{}#main", location.pathname.get());
    let skip = |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        let main = document()
            .get_element_by_id("main")
            .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            main.focus().ok();
            main.scroll_into_view();
        }
    };
    view! {
        <a class="skip-link" href=href on:click=skip>
            "Skip to content"
        </a>
    }
}

/// The site header: title, main navigation and the theme switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let first_link = match site.owner() {
        Some(_) => "About",
        None => "People",
    };
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <A href=paths::home() exact=true>
                    <span class="site-title">{site.title().to_string()}</span>
                </A>
                <nav class="site-nav" aria-label="Main">
                    <A href=paths::home() exact=true>
                        {first_link}
                    </A>
                    <A href=paths::papers()>"Papers"</A>
                    <A href=paths::news()>"News"</A>
                    <A href=paths::authors()>"Authors"</A>
                </nav>
                <QuickSearch />
                <ThemeToggle />
            </div>
        </header>
    }
}

/// The site footer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="site-footer">
            <div class="site-footer-inner">
                <p>{site.title().to_string()}</p>
                <p>"Built with Vita."</p>
            </div>
        </footer>
    }
}

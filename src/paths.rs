//! Every internal URL the app links to, built from the route table with the deployment base path
//! applied.
//!
//! In the browser the base path comes from `<base href>`, which trunk fills from `--public-url`.
//! The build step renders pages natively and sets it from the same element of the built
//! `index.html` ([`set_base`]). The router does not prefix absolute hrefs with its base, so views
//! must take their hrefs from here.

use crate::model::route::{Page, Route, encode_component};
use leptos_router::NavigateOptions;

/// The path the site is served under, without a trailing slash: `""` at the root, `"/vita"` under a
/// subpath.
#[cfg(target_arch = "wasm32")]
pub fn base() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| base_from_uri(&document_base_uri()))
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static NATIVE_BASE: std::cell::Cell<&'static str> = const { std::cell::Cell::new("") };
}

/// The path the site is served under, without a trailing slash: `""` at the root, `"/vita"` under a
/// subpath. Natively, what [`set_base`] set on this thread.
#[cfg(not(target_arch = "wasm32"))]
pub fn base() -> &'static str {
    NATIVE_BASE.with(std::cell::Cell::get)
}

/// Sets the base path of the pages rendered natively on this thread (`"/vita"`, or `""`).
#[cfg(not(target_arch = "wasm32"))]
pub fn set_base(base: &str) {
    let base = base.trim_end_matches('/');
    if base != self::base() {
        // Set once per rendering thread: leaking it keeps `base()` as cheap as in the browser.
        let base: &'static str = Box::leak(base.to_string().into_boxed_str());
        NATIVE_BASE.with(|cell| cell.set(base));
    }
}

/// The href of a route: the base path, then its address (`/vita/papers/persian-rug/`).
pub fn href(route: &Route) -> String {
    format!("{}/{}", base(), route.relative_path())
}

/// The route a location's path (with the base path) stands for; `None` for a path outside the
/// base or matching no route.
pub fn route_of(pathname: &str) -> Option<Route> {
    let base = base();
    let relative = pathname.strip_prefix(base)?;
    if !(relative.is_empty() || relative.starts_with('/')) {
        return None;
    }
    Route::parse(relative)
}

/// The home page.
pub fn home() -> String {
    href(&Route::of(Page::Home))
}

/// A person's about page.
pub fn person(id: &str) -> String {
    href(&Route::with(Page::Person, id))
}

/// A person's about page as linked from elsewhere: the home page when they own the site.
pub fn about(id: &str, owner: Option<&str>) -> String {
    if owner == Some(id) {
        home()
    } else {
        person(id)
    }
}

/// A person's papers.
pub fn person_papers(id: &str) -> String {
    href(&Route::with(Page::PersonPapers, id))
}

/// A person's news.
pub fn person_news(id: &str) -> String {
    href(&Route::with(Page::PersonNews, id))
}

/// A person's forum activity.
pub fn person_activity(id: &str) -> String {
    href(&Route::with(Page::PersonActivity, id))
}

/// A person's CV.
pub fn person_cv(id: &str) -> String {
    href(&Route::with(Page::PersonCv, id))
}

/// A person's talks.
pub fn person_talks(id: &str) -> String {
    href(&Route::with(Page::PersonTalks, id))
}

/// A person's teaching.
pub fn person_teaching(id: &str) -> String {
    href(&Route::with(Page::PersonTeaching, id))
}

/// Every paper.
pub fn papers() -> String {
    href(&Route::of(Page::Papers))
}

/// A paper's page.
pub fn paper(id: &str) -> String {
    href(&Route::with(Page::Paper, id))
}

/// Everyone's news.
pub fn news() -> String {
    href(&Route::of(Page::News))
}

/// The index of author names.
pub fn authors() -> String {
    href(&Route::of(Page::Authors))
}

/// The cluster page of an author name, by its key.
pub fn author(key: &str) -> String {
    href(&Route::with(Page::Author, key))
}

/// How the app goes to an href built here: as it is (it carries the base path already and must
/// not be resolved again), in place of the current history entry when `replace`, and to the top
/// of the page unless `keep_scroll`.
pub fn navigation(replace: bool, keep_scroll: bool) -> NavigateOptions {
    NavigateOptions {
        resolve: false,
        replace,
        scroll: !keep_scroll,
        ..NavigateOptions::default()
    }
}

/// `path` with a query string built from `pairs`, skipping empty values; `path` alone when none
/// remain.
pub fn with_query(path: &str, pairs: &[(&str, String)]) -> String {
    let query: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", encode_component(value)))
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// Extracts the base path from an absolute base URI (`https://host/vita/` gives `/vita`).
pub fn base_from_uri(uri: &str) -> String {
    let after_scheme = uri.split_once("://").map_or(uri, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("", |slash| &after_scheme[slash..]);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    // `<base href>` names a directory; anything after its last slash is a file name.
    let directory = path.rfind('/').map_or("", |slash| &path[..slash]);
    directory.to_string()
}

/// The URL of the page's `<base>` element. Without one the site is taken to be at the root: the
/// document's own URL would make the route of a deep link part of the base.
#[cfg(target_arch = "wasm32")]
fn document_base_uri() -> String {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector("base[href]").ok().flatten())
        .and_then(|base| base.dyn_into::<web_sys::HtmlBaseElement>().ok())
        .map(|base| base.href())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_deployment_has_empty_base() {
        assert_eq!(base_from_uri("http://127.0.0.1:8080/"), "");
        assert_eq!(base_from_uri("http://127.0.0.1:8080"), "");
    }

    #[test]
    fn subpath_deployment_keeps_path_without_trailing_slash() {
        assert_eq!(base_from_uri("https://example.org/vita/"), "/vita");
        assert_eq!(
            base_from_uri("https://example.org/~alice/site/"),
            "/~alice/site"
        );
    }

    #[test]
    fn file_name_query_and_fragment_are_ignored() {
        assert_eq!(
            base_from_uri("https://example.org/vita/index.html"),
            "/vita"
        );
        assert_eq!(base_from_uri("https://example.org/vita/?q=x#top"), "/vita");
    }

    #[test]
    fn native_links_are_rooted_and_end_with_a_slash() {
        assert_eq!(home(), "/");
        assert_eq!(person("alex-mallen"), "/people/alex-mallen/");
        assert_eq!(person_activity("mark-xu"), "/people/mark-xu/activity/");
        assert_eq!(paper("persian-rug"), "/papers/persian-rug/");
        assert_eq!(author("nora-belrose"), "/authors/nora-belrose/");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn links_rendered_for_a_subpath_keep_it() {
        std::thread::spawn(|| {
            set_base("/vita/");
            assert_eq!(home(), "/vita/");
            assert_eq!(papers(), "/vita/papers/");
            assert_eq!(
                route_of("/vita/papers/persian-rug"),
                Some(Route::with(Page::Paper, "persian-rug"))
            );
            assert_eq!(route_of("/vita"), Some(Route::of(Page::Home)));
            assert_eq!(route_of("/vitamins/"), None);
            assert_eq!(route_of("/papers/"), None);
        })
        .join()
        .expect("the subpath thread passes");
    }

    #[test]
    fn author_keys_of_other_scripts_are_encoded() {
        assert_eq!(author("王-小明"), "/authors/%E7%8E%8B-%E5%B0%8F%E6%98%8E/");
    }

    #[test]
    fn queries_skip_empty_values_and_encode_the_rest() {
        assert_eq!(with_query("/papers/", &[("q", String::new())]), "/papers/");
        assert_eq!(
            with_query(
                "/papers/",
                &[("q", "a b&c".into()), ("kind", "journal".into())]
            ),
            "/papers/?q=a%20b%26c&kind=journal"
        );
    }
}

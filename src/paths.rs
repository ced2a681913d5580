//! Every internal URL the app links to, built in one place with the deployment base path applied.
//!
//! The base path comes from `<base href>`, which trunk fills from `--public-url`. The router does
//! not prefix absolute hrefs with its base, so views must take their hrefs from here.

use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// The path the site is served under, without a trailing slash: `""` at the root, `"/vita"` under a
/// subpath.
pub fn base() -> &'static str {
    BASE.get_or_init(|| base_from_uri(&document_base_uri()))
}

/// The home page.
pub fn home() -> String {
    format!("{}/", base())
}

/// A person's about page.
pub fn person(id: &str) -> String {
    format!("{}/people/{id}", base())
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
    format!("{}/people/{id}/papers", base())
}

/// A person's news.
pub fn person_news(id: &str) -> String {
    format!("{}/people/{id}/news", base())
}

/// A person's forum activity.
pub fn person_activity(id: &str) -> String {
    format!("{}/people/{id}/activity", base())
}

/// Every paper.
pub fn papers() -> String {
    format!("{}/papers", base())
}

/// A paper's page.
pub fn paper(id: &str) -> String {
    format!("{}/papers/{id}", base())
}

/// Everyone's news.
pub fn news() -> String {
    format!("{}/news", base())
}

/// The index of author names.
pub fn authors() -> String {
    format!("{}/authors", base())
}

/// The cluster page of an author name, by its key.
pub fn author(key: &str) -> String {
    format!("{}/authors/{}", base(), encode_component(key))
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

/// Percent-encodes everything but unreserved characters, as `encodeURIComponent` does (author keys
/// of non-Latin names contain letters that must be encoded).
pub fn encode_component(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
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

// Native builds (unit tests, the check command) have no document: the site is at the root.
#[cfg(not(target_arch = "wasm32"))]
fn document_base_uri() -> String {
    String::new()
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
    fn native_links_are_rooted() {
        assert_eq!(home(), "/");
        assert_eq!(person("alex-mallen"), "/people/alex-mallen");
        assert_eq!(person_activity("mark-xu"), "/people/mark-xu/activity");
        assert_eq!(paper("persian-rug"), "/papers/persian-rug");
        assert_eq!(author("nora-belrose"), "/authors/nora-belrose");
    }

    #[test]
    fn author_keys_of_other_scripts_are_encoded() {
        assert_eq!(author("王-小明"), "/authors/%E7%8E%8B-%E5%B0%8F%E6%98%8E");
    }

    #[test]
    fn queries_skip_empty_values_and_encode_the_rest() {
        assert_eq!(with_query("/papers", &[("q", String::new())]), "/papers");
        assert_eq!(
            with_query(
                "/papers",
                &[("q", "a b&c".into()), ("kind", "journal".into())]
            ),
            "/papers?q=a%20b%26c&kind=journal"
        );
    }
}

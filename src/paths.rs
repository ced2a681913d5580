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

/// A person's profile page.
pub fn person(id: &str) -> String {
    format!("{}/people/{id}", base())
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

#[cfg(target_arch = "wasm32")]
fn document_base_uri() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
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
    }
}

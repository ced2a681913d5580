//! `robots.txt`: crawlers may read every page, and find the sitemap.

/// The file: every page allowed, with a `Sitemap:` line when the sitemap's URL is known. (Hosts
/// read `robots.txt` at their root only: under a subpath it takes effect if copied there.)
pub fn robots_txt(sitemap_url: Option<&str>) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = sitemap_url {
        text.push_str(&format!("\nSitemap: {url}\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robots_allow_everything_and_name_the_sitemap() {
        assert_eq!(
            robots_txt(Some("https://example.org/sitemap.xml")),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"
        );
        assert_eq!(robots_txt(None), "User-agent: *\nAllow: /\n");
    }
}

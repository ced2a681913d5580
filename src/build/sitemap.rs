//! `sitemap.xml`: every page to index, with the date of the data it shows. Past 50,000 URLs (the
//! protocol's limit for one file) it is an index of `sitemap-1.xml`, `sitemap-2.xml`…

use crate::model::escape::push_escaped;

/// The most URLs one sitemap file may list.
pub const MAX_URLS: usize = 50_000;

/// The sitemap's file name, at the site root.
pub const SITEMAP: &str = "sitemap.xml";

/// The sitemap files for `urls` (absolute), each as its file name and text: `sitemap.xml` alone,
/// or an index of that name and the files it lists. `base_url` is the site's public address;
/// `lastmod` a W3C date (`2025-07-18`, `2025-07` or `2025`).
pub fn sitemap_files(base_url: &str, urls: &[String], lastmod: &str) -> Vec<(String, String)> {
    if urls.len() <= MAX_URLS {
        return vec![(SITEMAP.to_string(), url_set(urls, lastmod))];
    }
    let base = base_url.trim_end_matches('/');
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (number, chunk) in urls.chunks(MAX_URLS).enumerate() {
        let name = format!("sitemap-{}.xml", number + 1);
        index.push_str("<sitemap><loc>");
        push_escaped(&mut index, &format!("{base}/{name}"));
        index.push_str("</loc><lastmod>");
        push_escaped(&mut index, lastmod);
        index.push_str("</lastmod></sitemap>\n");
        files.push((name, url_set(chunk, lastmod)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, (SITEMAP.to_string(), index));
    files
}

fn url_set(urls: &[String], lastmod: &str) -> String {
    let mut xml = String::with_capacity(urls.len() * 100 + 200);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        xml.push_str("<url><loc>");
        push_escaped(&mut xml, url);
        xml.push_str("</loc><lastmod>");
        push_escaped(&mut xml, lastmod);
        xml.push_str("</lastmod></url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_site_has_one_sitemap() {
        let urls = vec![
            "https://example.org/".to_string(),
            "https://example.org/papers/?a&b".to_string(),
        ];
        let files = sitemap_files("https://example.org/", &urls, "2025-07-18");
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, "sitemap.xml");
        assert!(files[0].1.contains(
            "<url><loc>https://example.org/papers/?a&amp;b</loc><lastmod>2025-07-18</lastmod></url>"
        ));
        assert_eq!(files[0].1.matches("<url>").count(), 2);
    }

    #[test]
    fn past_the_limit_the_sitemap_is_an_index_of_files_within_it() {
        let urls: Vec<String> = (0..MAX_URLS + 1)
            .map(|n| format!("https://example.org/papers/p{n}/"))
            .collect();
        let files = sitemap_files("https://example.org/vita/", &urls, "2025");
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(files[0].1.contains("<sitemapindex"));
        assert!(
            files[0]
                .1
                .contains("<loc>https://example.org/vita/sitemap-2.xml</loc>")
        );
        assert_eq!(files[1].1.matches("<url>").count(), MAX_URLS);
        assert_eq!(files[2].1.matches("<url>").count(), 1);
    }
}

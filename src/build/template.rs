//! The page template: the `index.html` trunk builds, with its hashed asset links and base path,
//! and two marked places that each page fills: its head tags and its content.
//!
//! The markers stay in the written pages, so that a built page is a template too: the pages of
//! a site can be rendered again from its own `index.html` after its data changes.

use crate::render::markers::{HEAD_END, HEAD_START, PAGE_END, PAGE_START};

/// A page template, split around its two marked places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Everything up to and including the head's opening marker.
    before_head: String,
    /// Everything from the head's closing marker up to and including the content's opening one.
    between: String,
    /// Everything from the content's closing marker on.
    after_page: String,
    /// The site's base path from `<base href>`, without a trailing slash (`""` or `/vita`).
    base: String,
}

impl Template {
    /// Splits `html` at its markers; the error says which marker is missing.
    pub fn parse(html: &str) -> Result<Self, String> {
        let (before_head, rest) = split_after(html, &comment(HEAD_START))?;
        let (_, rest) = split_before(rest, &comment(HEAD_END))?;
        let (between, rest) = split_after(rest, &comment(PAGE_START))?;
        let (_, after_page) = split_before(rest, &comment(PAGE_END))?;
        let base = base_href(html).ok_or(
            "it has no <base href=\"…\">: trunk writes one from <base data-trunk-public-url>",
        )?;
        Ok(Self {
            before_head: before_head.to_string(),
            between: between.to_string(),
            after_page: after_page.to_string(),
            base: base.trim_end_matches('/').to_string(),
        })
    }

    /// The base path the site is built for, without a trailing slash (`""` at a host's root).
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The page with `head` and `page` in the marked places.
    pub fn fill(&self, head: &str, page: &str) -> String {
        let mut html = String::with_capacity(
            self.before_head.len()
                + head.len()
                + self.between.len()
                + page.len()
                + self.after_page.len(),
        );
        html.push_str(&self.before_head);
        html.push_str(head);
        html.push_str(&self.between);
        html.push_str(page);
        html.push_str(&self.after_page);
        html
    }
}

fn comment(marker: &str) -> String {
    format!("<!--{marker}-->")
}

/// The text up to and including `marker`, and the rest.
fn split_after<'a>(text: &'a str, marker: &str) -> Result<(&'a str, &'a str), String> {
    text.find(marker)
        .map(|at| text.split_at(at + marker.len()))
        .ok_or_else(|| format!("it has no {marker} marker"))
}

/// The text before `marker`, and the rest from it on.
fn split_before<'a>(text: &'a str, marker: &str) -> Result<(&'a str, &'a str), String> {
    text.find(marker)
        .map(|at| text.split_at(at))
        .ok_or_else(|| format!("it has no {marker} marker"))
}

/// The value of the `href` of the first `<base>` element.
fn base_href(html: &str) -> Option<&str> {
    let start = html.find("<base")?;
    let tag = &html[start..start + html[start..].find('>')?];
    let value = &tag[tag.find("href=")? + 5..];
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &value[1..];
    value.find(quote).map(|end| &value[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<html><head><base href=\"/vita/\"/><!--vita:head--><title>Vita</title><!--/vita:head--><link rel=\"stylesheet\" href=\"/vita/a.css\"></head><body><div id=\"app\"><!--vita:page--><p>Loading</p><!--/vita:page--></div><script src=\"/vita/b.js\"></script></body></html>";

    #[test]
    fn a_filled_page_keeps_the_shell_and_its_markers() {
        let template = Template::parse(SHELL).unwrap();
        assert_eq!(template.base(), "/vita");
        let page = template.fill("<title>Papers</title>", "<main>Papers</main>");
        assert_eq!(
            page,
            SHELL
                .replace("<title>Vita</title>", "<title>Papers</title>")
                .replace("<p>Loading</p>", "<main>Papers</main>")
        );
    }

    #[test]
    fn a_filled_page_is_a_template_for_the_next_build() {
        let first = Template::parse(SHELL).unwrap();
        let page = first.fill("<title>A</title>", "<main>A</main>");
        assert_eq!(Template::parse(&page).unwrap(), first);
    }

    #[test]
    fn a_page_without_markers_is_refused_with_the_missing_one() {
        let error = Template::parse("<html><head><base href=\"/\"></head></html>").unwrap_err();
        assert!(error.contains("<!--vita:head-->"), "{error}");
        let error = Template::parse(&SHELL.replace("<!--/vita:page-->", "")).unwrap_err();
        assert!(error.contains("<!--/vita:page-->"), "{error}");
    }

    #[test]
    fn the_root_base_is_empty() {
        let template = Template::parse(&SHELL.replace("/vita/\"/>", "/\">")).unwrap();
        assert_eq!(template.base(), "");
    }
}

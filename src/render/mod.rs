//! Entries of the site rendered to HTML strings: papers, author lists, news, activity, links.
//!
//! Lists can hold tens of thousands of papers. Building their markup as one string in Rust and
//! handing it to the browser in a single `innerHTML` call is much faster than creating nodes one
//! JavaScript call at a time, keeps the wasm small (no view type per entry), and can be tested
//! natively. It is safe by construction: data only enters through [`Html::text`],
//! [`Html::marked`] and [`Html::attr`], which escape it, and Markdown only through the
//! sanitizing renderer. Buttons inside are handled by one delegated listener
//! (`components::html_block`), driven by the `data-toggle` attributes written here.

pub mod cv;
pub mod entries;
pub mod head;
pub mod pages;

/// The comments marking the two places of a page that the build step fills (and the app keeps
/// up to date): the page's tags in `<head>`, and its content. Written as `<!--vita:head-->`.
pub mod markers {
    /// Opens the page's tags in `<head>`.
    pub const HEAD_START: &str = "vita:head";
    /// Closes them.
    pub const HEAD_END: &str = "/vita:head";
    /// Opens the page's content, inside the app's root element.
    pub const PAGE_START: &str = "vita:page";
    /// Closes it.
    pub const PAGE_END: &str = "/vita:page";
}

use crate::model::escape::push_escaped;
use crate::model::schema::Link;
use crate::model::validate::is_web_url;
use std::cell::Cell;
use std::ops::Range;

/// Finds the byte ranges of a text run to highlight (search matches).
pub type Marker<'a> = &'a dyn Fn(&str) -> Vec<Range<usize>>;

/// A [`Marker`] that views can keep and share.
pub type SharedMarker = std::sync::Arc<dyn Fn(&str) -> Vec<Range<usize>> + Send + Sync>;

/// An HTML string under construction.
#[derive(Debug, Default)]
pub struct Html {
    out: String,
}

impl Html {
    /// An empty string.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends markup written in this crate (a literal) or produced by the Markdown renderer.
    pub fn markup(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// Appends text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        push_escaped(&mut self.out, text);
        self
    }

    /// Appends text, escaped, with the ranges `marker` finds wrapped in `<mark>`.
    pub fn marked(&mut self, text: &str, marker: Option<Marker<'_>>) -> &mut Self {
        let Some(marker) = marker else {
            return self.text(text);
        };
        let mut done = 0;
        for range in marker(text) {
            let valid = range.start >= done
                && range.start < range.end
                && text.is_char_boundary(range.start)
                && text.get(range.clone()).is_some();
            if valid {
                push_escaped(&mut self.out, &text[done..range.start]);
                self.out.push_str("<mark>");
                push_escaped(&mut self.out, &text[range.clone()]);
                self.out.push_str("</mark>");
                done = range.end;
            }
        }
        push_escaped(&mut self.out, &text[done..]);
        self
    }

    /// Appends ` name="value"`, the value escaped.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_escaped(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// Appends a link to a page of this site with escaped text.
    pub fn internal_link(
        &mut self,
        href: &str,
        text: &str,
        marker: Option<Marker<'_>>,
    ) -> &mut Self {
        self.markup("<a").attr("href", href).markup(">");
        self.marked(text, marker).markup("</a>")
    }

    /// Appends a disclosure button for the element with id `controls`. `kind` is `region` (the
    /// element is shown and hidden) or `more` (the element gets `data-open`, and CSS shows what
    /// it hid); the label swaps between `closed` and `open`.
    pub fn toggle(
        &mut self,
        class: &str,
        kind: &str,
        controls: &str,
        closed: &str,
        open: &str,
    ) -> &mut Self {
        self.markup("<button type=\"button\"")
            .attr("class", class)
            .attr("data-toggle", kind)
            .attr("aria-controls", controls)
            .markup(" aria-expanded=\"false\"")
            .attr("data-closed-label", closed)
            .attr("data-open-label", open)
            .markup(">")
            .text(closed)
            .markup("</button>")
    }

    /// The HTML.
    pub fn finish(self) -> String {
        self.out
    }
}

thread_local! {
    static NEXT_ID: Cell<usize> = const { Cell::new(0) };
}

/// An element id unique in the page (`prefix-7`), to tie a toggle to the region it controls.
pub fn unique_id(prefix: &str) -> String {
    let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
    format!("{prefix}-{id}")
}

/// Starts the ids of [`unique_id`] from zero again, for the next page rendered on this thread:
/// each static page then has the same ids whenever it is built.
pub fn reset_unique_ids() {
    NEXT_ID.with(|next| next.set(0));
}

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

/// Appends a row of typed links, each showing its kind ("Code", "PDF") and its own label if any.
pub fn link_buttons(html: &mut Html, links: &[Link]) {
    if links.is_empty() {
        return;
    }
    html.markup("<ul class=\"link-buttons\">");
    for link in links {
        let kind = link.kind.label();
        html.markup("<li><a")
            .attr("class", &format!("link-button link-{}", link.kind.as_str()))
            .attr("href", &link.url)
            .attr("rel", rel_for(&link.url))
            .markup("><span class=\"link-kind\">")
            .text(kind)
            .markup("</span>");
        if let Some(label) = link.label.as_deref().filter(|label| *label != kind) {
            html.markup("<span class=\"link-label\">")
                .text(label)
                .markup("</span>");
        }
        html.markup("</a></li>");
    }
    html.markup("</ul>");
}

/// A count with its thousands grouped: `12,345`.
pub fn grouped(count: usize) -> String {
    let digits = count.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// "1 paper", "3 papers", "12,500 papers", "no papers".
pub fn plural(count: usize, one: &str, many: &str) -> String {
    match count {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        _ => format!("{} {many}", grouped(count)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut html = Html::new();
        html.markup("<p")
            .attr("title", "\"><script>")
            .markup(">")
            .text("<b>&")
            .markup("</p>");
        assert_eq!(
            html.finish(),
            "<p title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;&amp;</p>"
        );
    }

    #[test]
    fn marked_text_wraps_ranges_and_skips_invalid_ones() {
        let marker = |_: &str| vec![0..1, 5..50, 2..4];
        let mut html = Html::new();
        html.marked("a<cde", Some(&marker));
        assert_eq!(html.finish(), "<mark>a</mark>&lt;<mark>cd</mark>e");
    }

    #[test]
    fn files_beside_the_site_are_external_to_the_router() {
        assert_eq!(rel_for("https://arxiv.org/abs/1"), "noopener noreferrer");
        assert_eq!(rel_for("files/cv.pdf"), "external");
    }

    #[test]
    fn counts_group_their_thousands() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn plurals_read_naturally() {
        assert_eq!(plural(0, "paper", "papers"), "no papers");
        assert_eq!(plural(1, "paper", "papers"), "1 paper");
        assert_eq!(plural(12, "paper", "papers"), "12 papers");
    }
}

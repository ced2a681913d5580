//! Atom feeds (RFC 4287) of news: the site's (`feed.xml`) and each person's
//! (`people/<id>/feed.xml`).

use crate::model::Site;
use crate::model::date::PartialDate;
use crate::model::escape::push_escaped;
use crate::model::markdown;
use crate::model::route::{Page, Route};
use crate::model::site::NewsEntry;

/// What a feed is about, beyond its entries.
pub struct FeedInfo<'a> {
    /// The feed's own absolute URL, which is also its id.
    pub url: &'a str,
    /// Its title.
    pub title: &'a str,
    /// The absolute URL of the page listing the same items.
    pub page_url: &'a str,
    /// Who the news is from, when entries do not say.
    pub author: &'a str,
}

/// The feed of `entries` (newest first), or `None` without entries or without the site's
/// `base_url`. Entry ids are the items' places on the site's news page, so an item has the same
/// id in every feed it appears in and on every build.
pub fn atom_feed<'a>(
    site: &Site,
    info: &FeedInfo<'_>,
    entries: impl Iterator<Item = NewsEntry<'a>>,
) -> Option<String> {
    let news_page = site.absolute_url(&Route::of(Page::News).relative_path())?;
    let entries: Vec<NewsEntry<'a>> = entries.collect();
    let updated = entries.iter().map(|entry| entry.date).max()?;
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    element(&mut xml, "id", info.url);
    element(&mut xml, "title", info.title);
    element(&mut xml, "updated", &timestamp(updated));
    link(&mut xml, "self", "application/atom+xml", info.url);
    link(&mut xml, "alternate", "text/html", info.page_url);
    xml.push_str("<author>");
    element(&mut xml, "name", info.author);
    xml.push_str("</author>\n<generator>Vita</generator>\n");
    for entry in entries {
        let NewsEntry { item, date, anchor } = entry;
        xml.push_str("<entry>\n");
        element(&mut xml, "id", &format!("{news_page}#{anchor}"));
        element(&mut xml, "title", &markdown::to_plain_text(&item.text));
        let target = item
            .paper
            .as_deref()
            .and_then(|id| site.paper_index(id))
            .and_then(|index| site.paper_url(index))
            .unwrap_or_else(|| format!("{}#{anchor}", info.page_url));
        link(&mut xml, "alternate", "text/html", &target);
        element(&mut xml, "updated", &timestamp(date));
        element(&mut xml, "published", &timestamp(date));
        let person = site
            .person_of(item.person.as_deref())
            .and_then(|id| site.person(id));
        if let Some(person) = person {
            xml.push_str("<author>");
            element(&mut xml, "name", &person.name);
            xml.push_str("</author>\n");
        }
        let mut content = markdown::render_inline(&item.text);
        if let Some(details) = &item.details {
            content.push_str(&markdown::render_block(details));
        }
        xml.push_str("<content type=\"html\">");
        push_escaped(&mut xml, &content);
        xml.push_str("</content>\n</entry>\n");
    }
    xml.push_str("</feed>\n");
    Some(xml)
}

/// An RFC 3339 timestamp for a date: its first moment, in UTC, at the precision it lacks.
pub fn timestamp(date: PartialDate) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year,
        date.month.unwrap_or(1),
        date.day.unwrap_or(1)
    )
}

fn element(xml: &mut String, name: &str, text: &str) {
    xml.push('<');
    xml.push_str(name);
    xml.push('>');
    push_escaped(xml, text);
    xml.push_str("</");
    xml.push_str(name);
    xml.push_str(">\n");
}

fn link(xml: &mut String, rel: &str, kind: &str, href: &str) {
    xml.push_str("<link rel=\"");
    xml.push_str(rel);
    xml.push_str("\" type=\"");
    xml.push_str(kind);
    xml.push_str("\" href=\"");
    push_escaped(xml, href);
    xml.push_str("\"/>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_start_the_period_of_a_partial_date() {
        let date = |text| PartialDate::parse(text).unwrap();
        assert_eq!(timestamp(date("2025-07-18")), "2025-07-18T00:00:00Z");
        assert_eq!(timestamp(date("2025-07")), "2025-07-01T00:00:00Z");
        assert_eq!(timestamp(date("2025")), "2025-01-01T00:00:00Z");
    }
}

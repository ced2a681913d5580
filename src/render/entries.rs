//! The entries lists are made of: papers with their author lists, news items, forum activity.

use super::{Html, Marker, link_buttons, rel_for, unique_id};
use crate::model::Site;
use crate::model::date::PartialDate;
use crate::model::markdown;
use crate::model::schema::{ActivityItem, ActivityKind, PaperKind, PaperStatus};
use crate::model::site::NewsEntry;
use crate::paths;

/// Author lists longer than this are shortened until the reader expands them.
pub const SHORT_LIST: usize = 8;
/// How many leading authors a shortened list shows.
pub const LEADING_AUTHORS: usize = 5;

/// The positions a shortened list shows: the leading authors and every highlighted one. `None`
/// when the list is short enough to show whole (hiding one or two names saves nothing).
pub fn shortened(count: usize, highlighted: &[usize]) -> Option<Vec<usize>> {
    if count <= SHORT_LIST {
        return None;
    }
    let mut shown: Vec<usize> = (0..LEADING_AUTHORS)
        .chain(highlighted.iter().copied())
        .filter(|&position| position < count)
        .collect();
    shown.sort_unstable();
    shown.dedup();
    Some(shown)
}

/// How many entries at the top of a list are always drawn: more than a screenful on any device.
/// CSS draws the entries after them only when near the screen (`content-visibility`), which keeps
/// long lists cheap, but would show an entry coming on screen at an estimated height for a frame.
pub const ALWAYS_DRAWN: usize = 16;

/// The class that CSS draws an entry by, whether on screen or not.
pub const ALWAYS_DRAWN_CLASS: &str = "always-drawn";

/// The `class` of the entry at `position` of its list: `classes`, with [`ALWAYS_DRAWN_CLASS`]
/// among the first [`ALWAYS_DRAWN`].
fn entry_classes(classes: &str, position: usize) -> String {
    if position < ALWAYS_DRAWN {
        format!("{classes} {ALWAYS_DRAWN_CLASS}")
    } else {
        classes.to_string()
    }
}

/// How an entry is shown.
#[derive(Clone, Copy, Default)]
pub struct EntryOptions<'a> {
    /// The cluster key whose authors are highlighted (the profile's person, the cluster shown).
    pub highlight: Option<&'a str>,
    /// Search matches to mark.
    pub marker: Option<Marker<'a>>,
    /// Show every author however long the list (the paper's own page).
    pub all_authors: bool,
    /// The element of the entry's title, for lists under subheadings (`h5`); `h3` when `None`.
    pub title_heading: Option<&'static str>,
}

/// Appends the authors of paper `paper`: each linked to its cluster page, the highlighted ones
/// in bold, marks for equal contribution and corresponding authors, and long lists shortened
/// behind an "and N more" toggle that never hides a highlighted author.
pub fn author_list(html: &mut Html, site: &Site, paper: usize, options: EntryOptions<'_>) {
    let authors = &site.paper(paper).authors;
    let rows: Vec<_> = site.authors().rows_of_paper(paper).collect();
    let highlighted: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| options.highlight == Some(row.cluster.as_str()))
        .map(|(position, _)| position)
        .collect();
    let shown = if options.all_authors {
        None
    } else {
        shortened(rows.len(), &highlighted)
    };
    let id = unique_id("authors");
    html.markup("<p class=\"authors\"")
        .attr("id", &id)
        .markup("><span class=\"visually-hidden\">Authors: </span>");
    let mut previous_shown = true;
    for (position, (row, author)) in rows.iter().zip(authors).enumerate() {
        let visible = shown.as_ref().is_none_or(|shown| shown.contains(&position));
        if visible && !previous_shown {
            html.markup("<span class=\"author-gap\" aria-hidden=\"true\">, …</span>");
        }
        previous_shown = visible;
        html.markup(if visible {
            "<span class=\"author\">"
        } else {
            "<span class=\"author author-extra\">"
        });
        if position > 0 {
            html.markup(", ");
        }
        html.markup("<a")
            .attr("href", &paths::author(&row.cluster))
            .markup(">");
        if highlighted.contains(&position) {
            html.markup("<strong class=\"author-self\">")
                .marked(&row.name, options.marker)
                .markup("</strong>");
        } else {
            html.marked(&row.name, options.marker);
        }
        html.markup("</a>");
        if author.equal {
            mark(html, "*", "equal contribution");
        }
        if author.corresponding {
            mark(html, "✉", "corresponding author");
        }
        html.markup("</span>");
    }
    if let Some(shown) = shown {
        let hidden = rows.len() - shown.len();
        html.markup(" ").toggle(
            "link-like",
            "more",
            &id,
            &format!("and {hidden} more"),
            "show fewer",
        );
    }
    html.markup("</p>");
}

fn mark(html: &mut Html, symbol: &str, meaning: &str) {
    html.markup("<sup class=\"author-mark\"")
        .attr("title", meaning)
        .markup("><span aria-hidden=\"true\">")
        .text(symbol)
        .markup("</span><span class=\"visually-hidden\"> (")
        .text(meaning)
        .markup(")</span></sup>");
}

/// Appends the line under a paper's authors: preprint and award badges, venue, kind and date.
pub fn paper_facts(html: &mut Html, site: &Site, paper: usize, marker: Option<Marker<'_>>) {
    let entry = site.paper(paper);
    let venue = entry.venue.as_deref().unwrap_or_default();
    html.markup("<p class=\"paper-facts\">");
    if site.paper_status(paper) == PaperStatus::Preprint {
        html.markup("<span class=\"badge badge-preprint\">Preprint</span>");
    }
    // A short venue badge repeats nothing the venue already says ("ICML" in "ICML 2025").
    if let Some(short) = entry
        .venue_short
        .as_deref()
        .filter(|short| !venue.contains(short))
    {
        html.markup("<span class=\"badge\">")
            .marked(short, marker)
            .markup("</span>");
    }
    for award in &entry.awards {
        html.markup("<span class=\"badge badge-award\">")
            .text(award)
            .markup("</span>");
    }
    if !venue.is_empty() {
        html.markup("<span class=\"paper-venue\">")
            .marked(venue, marker)
            .markup("</span> · ");
    }
    // The preprint badge already says what a kind of "Preprint" would.
    let kind = (entry.kind != PaperKind::Preprint).then_some(entry.kind.label());
    let date = site.paper_date(paper).to_string();
    let details: Vec<&str> = kind
        .into_iter()
        .chain([date.as_str()])
        .chain(entry.note.as_deref())
        .collect();
    html.markup("<span class=\"paper-details\">")
        .text(&details.join(" · "))
        .markup("</span></p>");
}

/// Appends a paper as the entry at `position` of a list: title (a link to its page), authors,
/// facts, links, and an abstract toggle whose region `data-abstract` (the paper's id) asks to be filled when first
/// opened, so that long lists never render abstracts nobody reads.
pub fn paper_entry(
    html: &mut Html,
    site: &Site,
    paper: usize,
    position: usize,
    options: EntryOptions<'_>,
) {
    let entry = site.paper(paper);
    let heading = options.title_heading.unwrap_or("h3");
    html.markup("<article")
        .attr("class", &entry_classes("paper", position))
        .markup("><")
        .markup(heading)
        .markup(" class=\"paper-title\">")
        .internal_link(&paths::paper(&entry.id), &entry.title, options.marker)
        .markup("</")
        .markup(heading)
        .markup(">");
    author_list(html, site, paper, options);
    paper_facts(html, site, paper, options.marker);
    link_buttons(html, &entry.all_links());
    if !entry.summary.is_empty() {
        let id = unique_id("abstract");
        html.toggle(
            "link-like abstract-toggle",
            "region",
            &id,
            "Abstract",
            "Hide abstract",
        )
        .markup("<div class=\"paper-abstract prose\" hidden")
        .attr("id", &id)
        .attr("data-abstract", &entry.id)
        .markup("></div>");
    }
    html.markup("</article>");
}

/// The abstract of paper `paper` as sanitized HTML, with search matches marked.
pub fn paper_abstract(site: &Site, paper: usize, marker: Option<Marker<'_>>) -> String {
    let summary = &site.paper(paper).summary;
    match marker {
        Some(marker) => markdown::render_block_marked(summary, marker),
        None => markdown::render_block(summary),
    }
}

/// Appends a news item as the entry at `position` of a list, with its anchor as id: its date, whose it is (on lists that mix people), the text, a link to
/// its paper, its links, and a toggle for its details.
pub fn news_entry(
    html: &mut Html,
    site: &Site,
    entry: NewsEntry<'_>,
    position: usize,
    show_person: bool,
) {
    let NewsEntry { item, date, anchor } = entry;
    html.markup("<article")
        .attr("class", &entry_classes("news-item", position))
        .attr("id", anchor)
        .markup("><time class=\"news-date\"")
        .attr("datetime", &date.to_iso())
        .markup(">")
        .text(&date.to_string())
        .markup("</time><p class=\"news-text\">");
    let person = site
        .person_of(item.person.as_deref())
        .and_then(|id| site.person(id));
    if let Some(person) = person.filter(|_| show_person) {
        let owner = site.owner().map(|owner| owner.id.as_str());
        html.internal_link(&paths::about(&person.id, owner), &person.name, None)
            .markup(": ");
    }
    html.markup(&markdown::render_inline(&item.text))
        .markup("</p><div class=\"news-actions\">");
    // The data's check makes sure the paper exists: a page of a sharded site may not have it.
    if let Some(id) = item.paper.as_deref() {
        html.markup("<a class=\"news-paper\"")
            .attr("href", &paths::paper(id))
            .markup(">Paper page</a>");
    }
    link_buttons(html, &item.links);
    if let Some(details) = &item.details {
        let id = unique_id("news-details");
        html.toggle(
            "link-like details-toggle",
            "region",
            &id,
            "Details",
            "Hide details",
        )
        .markup("<div class=\"news-details prose\" hidden")
        .attr("id", &id)
        .markup(">")
        .markup(&markdown::render_block(details))
        .markup("</div>");
    }
    html.markup("</div></article>");
}

/// Appends a forum post, comment or sequence as the entry at `position` of a list.
pub fn activity_entry(
    html: &mut Html,
    item: &ActivityItem,
    date: Option<PartialDate>,
    position: usize,
) {
    html.markup("<article")
        .attr(
            "class",
            &entry_classes(
                &format!(
                    "activity-item activity-{}",
                    item.kind.label().to_lowercase()
                ),
                position,
            ),
        )
        .markup("><p class=\"activity-meta\"><span class=\"badge\">")
        .text(item.kind.label())
        .markup("</span>");
    if let Some(date) = date {
        html.markup("<time")
            .attr("datetime", &date.to_iso())
            .markup(">")
            .text(&date.to_string())
            .markup("</time>");
    }
    if let Some(score) = item.score {
        html.markup("<span class=\"activity-score\">")
            .text(&format!("{score} points"))
            .markup("</span>");
    }
    html.markup("</p>");
    let heading = match (item.kind, &item.title, &item.on) {
        (ActivityKind::Comment, _, Some(on)) => Some(format!("Comment on \u{201c}{on}\u{201d}")),
        (_, Some(title), _) => Some(title.clone()),
        _ => None,
    };
    if let Some(heading) = heading {
        html.markup("<h3 class=\"activity-title\">");
        match &item.url {
            Some(url) => {
                html.markup("<a")
                    .attr("href", url)
                    .attr("rel", rel_for(url))
                    .markup(">")
                    .text(&heading)
                    .markup("</a>");
            }
            None => {
                html.text(&heading);
            }
        }
        html.markup("</h3>");
    }
    if !item.body.is_empty() {
        html.markup("<div class=\"prose\">")
            .markup(&markdown::render_block(&item.body))
            .markup("</div>");
    }
    html.markup("</article>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_are_shown_whole() {
        assert_eq!(shortened(SHORT_LIST, &[]), None);
        assert_eq!(shortened(3, &[2]), None);
    }

    #[test]
    fn long_lists_keep_the_leading_authors() {
        assert_eq!(shortened(9, &[]), Some(vec![0, 1, 2, 3, 4]));
        assert_eq!(shortened(9, &[2]), Some(vec![0, 1, 2, 3, 4]));
    }

    #[test]
    fn long_lists_never_hide_a_highlighted_author() {
        assert_eq!(shortened(20, &[15]), Some(vec![0, 1, 2, 3, 4, 15]));
        assert_eq!(shortened(20, &[7, 19]), Some(vec![0, 1, 2, 3, 4, 7, 19]));
    }
}

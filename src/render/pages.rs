//! The static parts of pages: directory cards, about pages, the author index, author clusters,
//! a paper's record, the activity header.

use super::entries::{
    EntryOptions, activity_entry, author_list, news_entry, paper_entry, paper_facts,
};
use super::{Html, grouped, link_buttons, plural};
use crate::model::Site;
use crate::model::cluster::{ClusterSummary, IndexEntry, MergeReason};
use crate::model::date::PartialDate;
use crate::model::markdown;
use crate::model::names;
use crate::model::schema::{ActivityItem, Person};
use crate::model::site::NewsEntry;
use crate::paths;

/// How many papers and news items an about page shows before linking to the full lists.
pub const ABOUT_PAPERS: usize = 5;
/// How many news items an about page shows.
pub const ABOUT_NEWS: usize = 3;

/// The first sentence of a Markdown text, as plain text, for summaries and meta descriptions.
pub fn first_sentence(source: &str) -> Option<String> {
    let text = markdown::to_plain_text(source);
    let sentence = match text.find(". ") {
        Some(end) => &text[..=end],
        None => text.as_str(),
    };
    (!sentence.trim().is_empty()).then(|| sentence.trim().to_string())
}

/// Affiliation and location, joined.
pub(super) fn facts(person: &Person) -> String {
    [person.affiliation.as_deref(), person.location.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The directory: a card per person with a summary and counts.
pub fn directory(site: &Site) -> String {
    let mut html = Html::new();
    if site.people().is_empty() {
        html.markup("<p class=\"empty\">No people in the data yet.</p>");
        return html.finish();
    }
    html.markup("<ul class=\"people\">");
    for person in site.people() {
        let counts = site.counts(person);
        html.markup("<li class=\"person-card\"><h2 class=\"person-card-name\">")
            .internal_link(&paths::person(&person.id), &person.name, None)
            .markup("</h2>");
        let facts = facts(person);
        if !facts.is_empty() {
            html.markup("<p class=\"person-facts\">")
                .text(&facts)
                .markup("</p>");
        }
        if let Some(line) = first_sentence(&person.bio) {
            html.markup("<p>").text(&line).markup("</p>");
        }
        let summary = [
            plural(counts.papers, "paper", "papers"),
            plural(counts.news, "news item", "news items"),
            plural(counts.activity, "forum item", "forum items"),
        ]
        .join(" · ");
        html.markup("<p class=\"person-counts\">")
            .text(&summary)
            .markup("</p></li>");
    }
    html.markup("</ul>");
    html.finish()
}

/// The top of an about page: photo, name, affiliation, bio and highlights.
pub fn about_header(person: &Person) -> String {
    let mut html = Html::new();
    html.markup("<header class=\"about-header\">");
    if let Some(photo) = &person.photo {
        html.markup("<img class=\"person-photo\" width=\"160\" height=\"160\"")
            .attr("src", photo)
            .attr("alt", &format!("Photo of {}", person.name))
            .markup(">");
    }
    html.markup("<div><h1>").text(&person.name).markup("</h1>");
    let facts = facts(person);
    if !facts.is_empty() {
        html.markup("<p class=\"person-facts\">")
            .text(&facts)
            .markup("</p>");
    }
    html.markup("</div></header>");
    if !person.bio.is_empty() {
        html.markup("<div class=\"prose\">")
            .markup(&markdown::render_block(&person.bio))
            .markup("</div>");
    }
    if !person.highlights.is_empty() {
        html.markup("<section aria-labelledby=\"highlights-heading\"><h2 id=\"highlights-heading\">Highlights</h2><ul class=\"highlights\">");
        for line in &person.highlights {
            html.markup("<li>")
                .markup(&markdown::render_inline(line))
                .markup("</li>");
        }
        html.markup("</ul></section>");
    }
    html.finish()
}

/// The links of the contact section (the email button is interactive and rendered apart).
pub fn about_links(person: &Person) -> String {
    let mut html = Html::new();
    link_buttons(&mut html, &person.links);
    html.finish()
}

/// The rest of an about page: selected (or recent) papers, the latest news, "last updated".
pub fn about_lists(site: &Site, person: &Person) -> String {
    let mut html = Html::new();
    let cluster = names::key(&person.name);
    let all_papers = site.papers_of(person);
    let selected: Vec<usize> = all_papers
        .iter()
        .copied()
        .filter(|&paper| site.paper(paper).selected)
        .collect();
    let (heading, papers) = if selected.is_empty() {
        (
            "Recent papers",
            all_papers.iter().copied().take(ABOUT_PAPERS).collect(),
        )
    } else {
        ("Selected papers", selected)
    };
    html.markup("<section aria-labelledby=\"papers-heading\"><h2 id=\"papers-heading\">")
        .text(heading)
        .markup("</h2>");
    if papers.is_empty() {
        html.markup("<p class=\"empty\">No papers yet.</p>");
    } else {
        let options = EntryOptions {
            highlight: Some(&cluster),
            ..EntryOptions::default()
        };
        html.markup("<div class=\"paper-list\">");
        for (position, paper) in papers.into_iter().enumerate() {
            paper_entry(&mut html, site, paper, position, options);
        }
        html.markup("</div><p class=\"more\">")
            .internal_link(
                &paths::person_papers(&person.id),
                &format!("All {} papers →", grouped(site.paper_count(person))),
                None,
            )
            .markup("</p>");
    }
    html.markup("</section><section aria-labelledby=\"news-heading\"><h2 id=\"news-heading\">Latest news</h2>");
    let news_total = site.news_count_of(person);
    if news_total == 0 {
        html.markup("<p class=\"empty\">No news yet.</p>");
    } else {
        html.markup("<div class=\"news-list\">");
        for (position, entry) in site.news_of(&person.id).take(ABOUT_NEWS).enumerate() {
            news_entry(&mut html, site, entry, position, false);
        }
        html.markup("</div><p class=\"more\">")
            .internal_link(
                &paths::person_news(&person.id),
                &format!("All {news_total} news items →"),
                None,
            )
            .markup("</p>");
    }
    html.markup("</section>");
    if let Some(date) = site.updated() {
        html.markup("<p class=\"updated\">Last updated ")
            .text(&date.to_string())
            .markup(".</p>");
    }
    html.finish()
}

/// News items as entries of a list, the first at `first_position`, each naming whose it is when
/// `show_person`.
pub fn news_items(
    site: &Site,
    items: &[NewsEntry<'_>],
    first_position: usize,
    show_person: bool,
) -> String {
    let mut html = Html::new();
    for (offset, entry) in items.iter().enumerate() {
        news_entry(
            &mut html,
            site,
            *entry,
            first_position + offset,
            show_person,
        );
    }
    html.finish()
}

/// The rows of the author index table, in the order given.
pub fn author_index_rows(entries: &[IndexEntry<'_>]) -> String {
    let mut html = Html::new();
    for entry in entries {
        html.markup("<tr><th scope=\"row\">").internal_link(
            &paths::author(entry.key),
            entry.name,
            None,
        );
        if entry.is_person {
            html.markup(" <span class=\"badge\">Profile</span>");
        }
        html.markup("</th><td class=\"number\">")
            .text(&entry.papers.to_string())
            .markup("</td></tr>");
    }
    html.finish()
}

/// An author cluster page above its paper list: name, counts, the honest note, a link to the
/// person's profile, and the author rows.
pub fn cluster_header(site: &Site, cluster: &ClusterSummary) -> String {
    let mut html = Html::new();
    html.markup("<p class=\"eyebrow\">Author name</p><h1>")
        .text(&cluster.name)
        .markup("</h1><p class=\"cluster-summary\">")
        .text(&cluster_summary(cluster))
        .markup("</p><p class=\"cluster-note\">")
        .text(&format!(
            "This page groups papers whose author name matches \u{201c}{}\u{201d} ignoring case, accents, punctuation and name order, together with names the data links to the same person. It is not a full identity disambiguation: different people can share a name, and one person can publish under several.",
            cluster.name
        ))
        .markup("</p>");
    if let Some(person) = cluster.person.as_deref().and_then(|id| site.person(id)) {
        let owner = site.owner().map(|owner| owner.id.as_str());
        html.markup("<p class=\"cluster-profile\">")
            .internal_link(
                &paths::about(&person.id, owner),
                &format!("{} has a profile on this site →", person.name),
                None,
            )
            .markup("</p>");
    }
    html.markup("<section aria-labelledby=\"rows-heading\"><h2 id=\"rows-heading\">Author rows</h2><table class=\"rows-table\"><thead><tr><th scope=\"col\">Spelling</th><th scope=\"col\">Record</th><th scope=\"col\">Merged because</th><th scope=\"col\">Papers</th></tr></thead><tbody>");
    for member in &cluster.rows {
        let record = match (&member.person, &member.orcid) {
            (Some(person), _) => format!("linked to profile \"{person}\""),
            (None, Some(orcid)) => format!("ORCID {orcid}"),
            (None, None) => "name only".to_string(),
        };
        let reason = match &member.reason {
            MergeReason::SameName => "same name".to_string(),
            MergeReason::PersonLink => "linked to this person".to_string(),
            MergeReason::Alias => "an alias of this person".to_string(),
            MergeReason::Orcid(orcid) => format!("shares ORCID {orcid}"),
        };
        html.markup("<tr><th scope=\"row\">")
            .text(&member.name)
            .markup("</th><td>")
            .text(&record)
            .markup("</td><td>")
            .text(&reason)
            .markup("</td><td class=\"number\">")
            .text(&member.papers.to_string())
            .markup("</td></tr>");
    }
    html.markup("</tbody></table></section>");
    html.finish()
}

/// "3 papers · 2 author rows".
pub fn cluster_summary(cluster: &ClusterSummary) -> String {
    format!(
        "{} · {}",
        plural(cluster.papers, "paper", "papers"),
        plural(cluster.rows.len(), "author row", "author rows")
    )
}

/// An author cluster page below its paper list: same name but another person, compatible names
/// with their reasons, and the co-authors.
pub fn cluster_footer(cluster: &ClusterSummary) -> String {
    let mut html = Html::new();
    if !cluster.split.is_empty() {
        html.markup("<section class=\"below-list\" aria-labelledby=\"split-heading\"><h2 id=\"split-heading\">Same name, another person</h2><p>These authors have this name but are linked to a different person in the data, so they are not counted here.</p><ul>");
        for row in &cluster.split {
            html.markup("<li>")
                .internal_link(&paths::author(&row.cluster), &row.name, None)
                .text(&format!(
                    " ({}), on {}",
                    row.person.as_deref().unwrap_or_default(),
                    plural(row.papers, "paper", "papers")
                ));
            html.markup("</li>");
        }
        html.markup("</ul></section>");
    }
    if !cluster.variants.is_empty() {
        html.markup("<section class=\"below-list\" aria-labelledby=\"variants-heading\"><h2 id=\"variants-heading\">Compatible names, not merged</h2><p>These names could belong to the same person, for the reason given, but nothing in the data says so. They are listed for you to judge and are not counted above.</p><ul class=\"variants\">");
        for variant in &cluster.variants {
            html.markup("<li class=\"variant\"><p>")
                .internal_link(&paths::author(&variant.cluster), &variant.name, None)
                .text(&format!(
                    " · {} · ",
                    plural(variant.papers, "paper", "papers")
                ))
                .markup("<span class=\"variant-reason\">")
                .text(&variant.reasons.join("; "))
                .markup("</span></p><ul class=\"variant-papers\">");
            for paper in &variant.newest {
                html.markup("<li>")
                    .internal_link(&paths::paper(&paper.id), &paper.title, None)
                    .text(&format!(" ({})", paper.year))
                    .markup("</li>");
            }
            html.markup("</ul>");
            let more = variant.papers - variant.newest.len();
            if more > 0 {
                html.markup("<p class=\"variant-more\">")
                    .internal_link(
                        &paths::author(&variant.cluster),
                        &format!("and {}", plural(more, "more paper", "more papers")),
                        None,
                    )
                    .markup("</p>");
            }
            html.markup("</li>");
        }
        html.markup("</ul></section>");
    }
    html.markup("<section class=\"below-list\" aria-labelledby=\"coauthors-heading\"><h2 id=\"coauthors-heading\">Frequent co-authors</h2>");
    if cluster.coauthors.is_empty() {
        html.markup("<p class=\"empty\">No co-authors.</p>");
    } else {
        html.markup("<ul class=\"coauthors\">");
        for coauthor in &cluster.coauthors {
            html.markup("<li>")
                .internal_link(&paths::author(&coauthor.cluster), &coauthor.name, None)
                .markup("<span class=\"coauthor-count\">")
                .text(&plural(coauthor.papers, "paper", "papers"))
                .markup("</span></li>");
        }
        html.markup("</ul>");
        if cluster.more_coauthors > 0 {
            html.markup("<p class=\"more-coauthors\">").text(&format!(
                "and {} more, each with fewer shared papers.",
                plural(cluster.more_coauthors, "co-author", "co-authors")
            ));
            html.markup("</p>");
        }
    }
    html.markup("</section>");
    html.finish()
}

/// A paper's record on its own page: title, every author, facts, links, abstract and topics.
pub fn paper_record(site: &Site, paper: usize) -> String {
    let entry = site.paper(paper);
    let mut html = Html::new();
    html.markup("<h1>").text(&entry.title).markup("</h1>");
    let highlight = site.owner().map(|owner| names::key(&owner.name));
    let options = EntryOptions {
        highlight: highlight.as_deref(),
        all_authors: true,
        ..EntryOptions::default()
    };
    author_list(&mut html, site, paper, options);
    paper_facts(&mut html, site, paper, None);
    link_buttons(&mut html, &entry.all_links());
    if !entry.summary.is_empty() {
        html.markup("<h2>Abstract</h2><div class=\"prose\">")
            .markup(&markdown::render_block(&entry.summary))
            .markup("</div>");
    }
    if !entry.tags.is_empty() {
        html.markup("<h2>Topics</h2><ul class=\"tags\">");
        // A topic links to the papers filtered by it, which needs the app: without it, a label.
        for tag in &entry.tags {
            html.markup("<li><a class=\"needs-js\"")
                .attr(
                    "href",
                    &paths::with_query(&paths::papers(), &[("tag", tag.clone())]),
                )
                .markup(">")
                .text(tag)
                .markup("</a><span class=\"without-js\">")
                .text(tag)
                .markup("</span></li>");
        }
        html.markup("</ul>");
    }
    html.finish()
}

/// The top of an activity profile: name, bio and sequences.
pub fn activity_header(
    person: &Person,
    sequences: &[(&ActivityItem, Option<PartialDate>)],
) -> String {
    let mut html = Html::new();
    html.markup("<header class=\"activity-header\"><h1>")
        .text(&person.name)
        .markup("</h1>");
    if !person.bio.is_empty() {
        html.markup("<div class=\"prose\">")
            .markup(&markdown::render_block(&person.bio))
            .markup("</div>");
    }
    html.markup("</header>");
    if !sequences.is_empty() {
        html.markup("<section aria-labelledby=\"sequences-heading\"><h2 id=\"sequences-heading\">Sequences</h2><div class=\"activity-list sequences\">");
        for (position, (item, date)) in sequences.iter().enumerate() {
            activity_entry(&mut html, item, *date, position);
        }
        html.markup("</div></section>");
    }
    html.finish()
}

/// Forum posts and comments, in the order given, the first at `first_position` of their list.
pub fn activity_items(
    items: &[(&ActivityItem, Option<PartialDate>)],
    first_position: usize,
) -> String {
    let mut html = Html::new();
    for (offset, (item, date)) in items.iter().enumerate() {
        activity_entry(&mut html, item, *date, first_position + offset);
    }
    html.finish()
}

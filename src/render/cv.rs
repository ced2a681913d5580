//! A person's CV, talks and teaching: the sections of the CV page (header, education, positions,
//! publications, talks, teaching, awards, service, mentoring) and the lists of the talks and
//! teaching pages, which share their entries with it.

use super::entries::{EntryOptions, paper_entry};
use super::pages::facts;
use super::{Html, link_buttons, rel_for};
use crate::model::Site;
use crate::model::cv;
use crate::model::markdown;
use crate::model::names;
use crate::model::schema::{
    Award, Education, Mentee, PaperStatus, Person, Position, ServiceLine, Talk, Teaching,
};
use crate::paths;

/// The top of a CV: name, affiliation and location (contact and links follow apart, as the
/// email button is interactive).
pub fn cv_header(person: &Person) -> String {
    let mut html = Html::new();
    html.markup("<h1>").text(&person.name).markup("</h1>");
    let facts = facts(person);
    if !facts.is_empty() {
        html.markup("<p class=\"person-facts\">")
            .text(&facts)
            .markup("</p>");
    }
    html.finish()
}

/// Every section of the CV that has items, in CV order.
pub fn cv_sections(site: &Site, person: &Person) -> String {
    let mut html = Html::new();
    section(
        &mut html,
        "education",
        "Education",
        &person.education,
        |html, entries| {
            for entry in cv::newest_first_by_span(entries, cv::education_span) {
                education_entry(html, site, entry);
            }
        },
    );
    section(
        &mut html,
        "positions",
        "Positions",
        &person.positions,
        |html, entries| {
            for entry in cv::newest_first_by_span(entries, cv::position_span) {
                position_entry(html, entry);
            }
        },
    );
    publications(&mut html, site, person);
    section(&mut html, "talks", "Talks", &person.talks, |html, talks| {
        for talk in cv::newest_first_by_date(talks, |talk| &talk.date) {
            talk_entry(html, site, talk);
        }
    });
    section(
        &mut html,
        "teaching",
        "Teaching",
        &person.teaching,
        |html, courses| {
            for course in cv::teaching_newest_first(courses) {
                course_entry(html, course);
            }
        },
    );
    section(
        &mut html,
        "awards",
        "Awards",
        &person.awards,
        |html, awards| {
            for award in cv::newest_first_by_date(awards, |award| &award.date) {
                award_entry(html, site, award);
            }
        },
    );
    section(
        &mut html,
        "service",
        "Service",
        &person.service,
        |html, lines| {
            for line in cv::newest_first_by_span(lines, cv::service_span) {
                service_entry(html, line);
            }
        },
    );
    section(
        &mut html,
        "mentoring",
        "Mentoring",
        &person.mentoring,
        |html, mentees| {
            for mentee in cv::newest_first_by_span(mentees, cv::mentee_span) {
                mentee_entry(html, mentee);
            }
        },
    );
    html.finish()
}

/// A person's talks, newest first under a heading per year.
pub fn talks_list(site: &Site, person: &Person) -> String {
    let mut html = Html::new();
    // The year of the list open now; `None` before the first.
    let mut open: Option<Option<i32>> = None;
    for talk in cv::newest_first_by_date(&person.talks, |talk| &talk.date) {
        let year = cv::date_of(&talk.date).map(|date| date.year);
        if open != Some(year) {
            if open.is_some() {
                html.markup("</ol>");
            }
            html.markup("<h2 class=\"year-heading\">")
                .text(&year.map(|year| year.to_string()).unwrap_or_default())
                .markup("</h2><ol class=\"cv-entries\">");
            open = Some(year);
        }
        talk_entry(&mut html, site, talk);
    }
    if open.is_some() {
        html.markup("</ol>");
    }
    html.finish()
}

/// A person's courses, newest first.
pub fn teaching_list(person: &Person) -> String {
    let mut html = Html::new();
    html.markup("<ol class=\"cv-entries\">");
    for course in cv::teaching_newest_first(&person.teaching) {
        course_entry(&mut html, course);
    }
    html.markup("</ol>");
    html.finish()
}

/// A section with its heading and entries, when it has any.
fn section<T>(
    html: &mut Html,
    id: &str,
    heading: &str,
    items: &[T],
    entries: impl FnOnce(&mut Html, &[T]),
) {
    if items.is_empty() {
        return;
    }
    open_section(html, id, heading);
    html.markup("<ol class=\"cv-entries\">");
    entries(html, items);
    html.markup("</ol></section>");
}

fn open_section(html: &mut Html, id: &str, heading: &str) {
    let heading_id = format!("cv-{id}");
    html.markup("<section class=\"cv-section\"")
        .attr("aria-labelledby", &heading_id)
        .markup("><h2")
        .attr("id", &heading_id)
        .markup(">")
        .text(heading)
        .markup("</h2>");
}

/// Opens an entry with its dates in the margin column.
fn open_entry(html: &mut Html, when: &str) {
    html.markup("<li class=\"cv-entry\">");
    if !when.is_empty() {
        html.markup("<p class=\"cv-when\">")
            .text(when)
            .markup("</p>");
    }
    html.markup("<div class=\"cv-what\">");
}

fn close_entry(html: &mut Html) {
    html.markup("</div></li>");
}

/// Text that links to `url` when there is one.
fn maybe_linked(html: &mut Html, text: &str, url: Option<&str>) {
    match url {
        Some(url) => {
            html.markup("<a")
                .attr("href", url)
                .attr("rel", rel_for(url))
                .markup(">")
                .text(text)
                .markup("</a>");
        }
        None => {
            html.text(text);
        }
    }
}

/// A line of facts joined by middle dots, when any.
fn facts_line(html: &mut Html, facts: &[Option<&str>]) {
    let facts: Vec<&str> = facts
        .iter()
        .flatten()
        .copied()
        .filter(|fact| !fact.trim().is_empty())
        .collect();
    if !facts.is_empty() {
        html.markup("<p class=\"cv-facts\">")
            .text(&facts.join(" · "))
            .markup("</p>");
    }
}

/// A link to the paper with id `id`, by its title.
fn paper_link(html: &mut Html, site: &Site, id: &str) {
    match site.paper_index(id) {
        Some(index) => {
            html.internal_link(&paths::paper(id), &site.paper(index).title, None);
        }
        None => {
            html.text(id);
        }
    }
}

fn education_entry(html: &mut Html, site: &Site, entry: &Education) {
    open_entry(html, &cv::education_span(entry).to_string());
    let degree: Vec<&str> = [entry.degree.as_deref(), entry.field.as_deref()]
        .into_iter()
        .flatten()
        .filter(|part| !part.trim().is_empty())
        .collect();
    html.markup("<p class=\"cv-title\">");
    if degree.is_empty() {
        maybe_linked(html, &entry.institution, entry.url.as_deref());
        html.markup("</p>");
        facts_line(html, &[entry.location.as_deref()]);
    } else {
        html.text(&degree.join(", "))
            .markup("</p><p class=\"cv-facts\">");
        maybe_linked(html, &entry.institution, entry.url.as_deref());
        if let Some(location) = &entry.location {
            html.text(" · ").text(location);
        }
        html.markup("</p>");
    }
    let thesis_paper = entry.paper.as_deref().and_then(|id| site.paper_index(id));
    if entry.thesis.is_some() || thesis_paper.is_some() {
        html.markup("<p>Thesis: ");
        match (thesis_paper, entry.paper.as_deref()) {
            (Some(index), Some(id)) => {
                let title = entry.thesis.as_deref().unwrap_or(&site.paper(index).title);
                html.internal_link(&paths::paper(id), title, None);
            }
            _ => {
                html.markup("<cite>")
                    .text(entry.thesis.as_deref().unwrap_or_default())
                    .markup("</cite>");
            }
        }
        html.markup("</p>");
    }
    if !entry.advisors.is_empty() {
        html.markup("<p>").text(if entry.advisors.len() == 1 {
            "Advisor: "
        } else {
            "Advisors: "
        });
        for (index, advisor) in entry.advisors.iter().enumerate() {
            if index > 0 {
                html.text(", ");
            }
            match advisor_page(site, advisor) {
                Some(href) => html.internal_link(&href, advisor, None),
                None => html.text(advisor),
            };
        }
        html.markup("</p>");
    }
    close_entry(html);
}

/// The page of an advisor: the person of that name or alias, else the author cluster of the name.
fn advisor_page(site: &Site, name: &str) -> Option<String> {
    let key = names::key(name);
    let person = site.people().iter().find(|person| {
        std::iter::once(&person.name)
            .chain(&person.aliases)
            .any(|spelling| names::key(spelling) == key)
    });
    if let Some(person) = person {
        return Some(paths::about(
            &person.id,
            site.owner().map(|owner| owner.id.as_str()),
        ));
    }
    site.authors().resolve(&key).map(paths::author)
}

fn position_entry(html: &mut Html, entry: &Position) {
    open_entry(html, &cv::position_span(entry).to_string());
    html.markup("<p class=\"cv-title\">")
        .text(&entry.role)
        .markup("</p><p class=\"cv-facts\">");
    maybe_linked(html, &entry.organisation, entry.url.as_deref());
    if let Some(location) = &entry.location {
        html.text(" · ").text(location);
    }
    html.markup("</p>");
    if !entry.description.is_empty() {
        html.markup("<div class=\"prose\">")
            .markup(&markdown::render_block(&entry.description))
            .markup("</div>");
    }
    close_entry(html);
}

/// Every paper of the person, published ones then preprints, each group by year, newest first.
fn publications(html: &mut Html, site: &Site, person: &Person) {
    let papers = site.papers_of(person);
    if papers.is_empty() {
        return;
    }
    open_section(html, "publications", "Publications");
    let highlight = names::key(&person.name);
    let options = EntryOptions {
        highlight: Some(&highlight),
        all_authors: true,
        title_heading: Some("h5"),
        ..EntryOptions::default()
    };
    let mut position = 0;
    for (status, heading) in [
        (PaperStatus::Published, "Published"),
        (PaperStatus::Preprint, "Preprints"),
    ] {
        let group: Vec<usize> = papers
            .iter()
            .copied()
            .filter(|&paper| site.paper_status(paper) == status)
            .collect();
        if group.is_empty() {
            continue;
        }
        html.markup("<h3 class=\"cv-group\">")
            .text(heading)
            .markup("</h3><div class=\"paper-list\">");
        let mut year = None;
        for paper in group {
            let paper_year = site.paper_date(paper).year;
            if year != Some(paper_year) {
                html.markup("<h4 class=\"year-heading\">")
                    .text(&paper_year.to_string())
                    .markup("</h4>");
                year = Some(paper_year);
            }
            paper_entry(html, site, paper, position, options);
            position += 1;
        }
        html.markup("</div>");
    }
    html.markup("</section>");
}

fn talk_entry(html: &mut Html, site: &Site, talk: &Talk) {
    let when = cv::date_of(&talk.date)
        .map(|date| date.to_string())
        .unwrap_or_default();
    open_entry(html, &when);
    // A talk named as its paper links to it by its title; another names the paper apart.
    let paper = talk
        .paper
        .as_deref()
        .and_then(|id| site.paper_index(id).map(|index| (id, index)));
    let named_as_paper = paper.filter(|&(_, index)| {
        names::key_of_display(&site.paper(index).title) == names::key_of_display(&talk.title)
    });
    html.markup("<p class=\"cv-title\">");
    match named_as_paper {
        Some((id, _)) => {
            html.internal_link(&paths::paper(id), &talk.title, None);
        }
        None => {
            html.text(&talk.title);
        }
    }
    if let Some(kind) = talk.kind {
        html.markup(" <span class=\"badge\">")
            .text(kind.label())
            .markup("</span>");
    }
    html.markup("</p>");
    facts_line(html, &[talk.event.as_deref(), talk.location.as_deref()]);
    if let (None, Some(paper)) = (named_as_paper, &talk.paper) {
        html.markup("<p>On the paper ");
        paper_link(html, site, paper);
        html.markup("</p>");
    }
    link_buttons(html, &talk.links);
    close_entry(html);
}

fn course_entry(html: &mut Html, course: &Teaching) {
    open_entry(html, &course.terms.join(", "));
    html.markup("<p class=\"cv-title\">");
    let title = match &course.code {
        Some(code) => format!("{code}: {}", course.title),
        None => course.title.clone(),
    };
    maybe_linked(html, &title, course.url.as_deref());
    html.markup("</p>");
    facts_line(
        html,
        &[Some(course.role.label()), course.institution.as_deref()],
    );
    close_entry(html);
}

fn award_entry(html: &mut Html, site: &Site, award: &Award) {
    let when = cv::date_of(&award.date)
        .map(|date| date.to_string())
        .unwrap_or_default();
    open_entry(html, &when);
    html.markup("<p class=\"cv-title\">");
    maybe_linked(html, &award.title, award.url.as_deref());
    html.markup("</p>");
    facts_line(html, &[award.awarded_by.as_deref()]);
    if let Some(paper) = &award.paper {
        html.markup("<p>For ");
        paper_link(html, site, paper);
        html.markup("</p>");
    }
    close_entry(html);
}

fn service_entry(html: &mut Html, line: &ServiceLine) {
    open_entry(html, &cv::service_span(line).to_string());
    html.markup("<p>")
        .markup(&markdown::render_inline(&line.text))
        .markup("</p>");
    close_entry(html);
}

fn mentee_entry(html: &mut Html, mentee: &Mentee) {
    open_entry(html, &cv::mentee_span(mentee).to_string());
    html.markup("<p class=\"cv-title\">").text(&mentee.name);
    if let Some(role) = &mentee.role {
        html.markup("<span class=\"cv-role\">, ")
            .text(role)
            .markup("</span>");
    }
    html.markup("</p>");
    if let Some(note) = &mentee.note {
        html.markup("<p>")
            .markup(&markdown::render_inline(note))
            .markup("</p>");
    }
    close_entry(html);
}

/// The print style naming the person at the top of every printed page (a page's head carries it): a CSS string with every
/// character but letters, digits and spaces escaped, so no data can end the rule or the element.
pub fn print_page_style(person: &Person) -> String {
    let mut name = String::new();
    for c in person.name.chars() {
        if c.is_alphanumeric() || c == ' ' {
            name.push(c);
        } else {
            name.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    format!("@page {{ @top-left {{ content: \"{name}\"; }} }}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_print_style_cannot_close_its_element_or_rule() {
        let person: Person = serde_json::from_value(serde_json::json!({
            "id": "x",
            "name": "Ann</style>\"; } body { x: \"O'Brien",
        }))
        .unwrap();
        let style = print_page_style(&person);
        assert!(!style.contains('<'), "{style}");
        assert_eq!(
            style.matches(['"', '{', '}']).count(),
            6,
            "only the rule's own: {style}"
        );
        assert!(style.starts_with("@page { @top-left { content: \"Ann\\3c \\2f style\\3e "));
    }
}

//! What describes a page to browsers, search engines, Google Scholar and link previews: its title,
//! description, canonical URL, OpenGraph and Twitter card, JSON-LD, and the `citation_*` tags of a
//! paper. Built in one place per route from the values the page shows, and written both into the
//! prerendered pages and by the app as it navigates, so the two never disagree.

use super::cv::print_page_style;
use super::pages::{cluster_summary, first_sentence};
use super::plural;
use crate::model::Site;
use crate::model::date::PartialDate;
use crate::model::escape::push_escaped;
use crate::model::markdown;
use crate::model::names;
use crate::model::route::{Page, Route};
use crate::model::schema::{LinkKind, Paper, PaperKind, Person};
use serde_json::{Value, json};

/// Meta descriptions longer than this are cut at a word, as search results show no more.
const DESCRIPTION_LENGTH: usize = 200;

/// What a page is, for OpenGraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageType {
    /// A list or index.
    Website,
    /// A person's about page.
    Profile,
    /// A paper's page.
    Article,
}

impl PageType {
    fn as_str(self) -> &'static str {
        match self {
            Self::Website => "website",
            Self::Profile => "profile",
            Self::Article => "article",
        }
    }
}

/// An Atom feed a page advertises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedLink {
    /// The feed's title.
    pub title: String,
    /// Its file, relative to the site root (`people/alex-infanger/feed.xml`).
    pub file: String,
}

/// The head of one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageHead {
    /// The document title: "`page` · `site`", or the site title alone on the home page.
    pub title: String,
    /// The page's own name, for link previews ("Alex Infanger").
    pub name: String,
    /// One or two sentences for search results and link previews.
    pub description: String,
    /// The address of the page that search engines should index for this content, relative to
    /// the site root; `None` for pages that should not be indexed (the 404 page).
    pub canonical: Option<String>,
    /// What the page is.
    pub page_type: PageType,
    /// A picture for link previews, as the data gives it (a path or a URL).
    pub image: Option<String>,
    /// Structured data (schema.org), as a JSON value.
    pub json_ld: Option<Value>,
    /// Google Scholar's `citation_*` tags, in order, names without the prefix.
    pub scholar: Vec<(&'static str, String)>,
    /// The feeds this page advertises, the site's first.
    pub feeds: Vec<FeedLink>,
    /// A style sheet of the page's own for printing (a CV's running header).
    pub print_style: Option<String>,
}

impl PageHead {
    fn new(site: &Site, name: Option<&str>, description: String, canonical: Route) -> Self {
        let title = match name {
            Some(name) => format!("{name} · {}", site.title()),
            None => site.title().to_string(),
        };
        Self {
            title,
            name: name.unwrap_or(site.title()).to_string(),
            description: shorten(&description),
            canonical: Some(canonical.relative_path()),
            page_type: PageType::Website,
            image: None,
            json_ld: None,
            scholar: Vec::new(),
            feeds: site_feed(site).into_iter().collect(),
            print_style: None,
        }
    }
}

/// The file of the site's news feed, relative to the site root.
pub const SITE_FEED: &str = "feed.xml";

/// The file of a person's news feed, relative to the site root.
pub fn person_feed_file(id: &str) -> String {
    format!("{}feed.xml", Route::with(Page::Person, id).relative_path())
}

/// The site's news feed, when the site has news and a `base_url` (feeds need absolute URLs).
fn site_feed(site: &Site) -> Option<FeedLink> {
    (site.base_url().is_some() && site.news_count() > 0).then(|| FeedLink {
        title: format!("News from {}", site.title()),
        file: SITE_FEED.to_string(),
    })
}

/// A person's news feed, when they have news and the site a `base_url`.
fn person_feed(site: &Site, person: &Person) -> Option<FeedLink> {
    (site.base_url().is_some() && site.news_count_of(person) > 0).then(|| FeedLink {
        title: format!("News from {}", person.name),
        file: person_feed_file(&person.id),
    })
}

/// The head of the page at `route` (`None`: an address that is no page, or whose id or key the
/// data does not have).
pub fn page_head(site: &Site, route: Option<&Route>) -> PageHead {
    route
        .and_then(|route| route_head(site, route))
        .unwrap_or_else(|| not_found_head(site))
}

/// The head of the 404 page: a title, and not to be indexed.
pub fn not_found_head(site: &Site) -> PageHead {
    let mut head = PageHead::new(
        site,
        Some("Page not found"),
        "There is no page at this address.".to_string(),
        Route::of(Page::Home),
    );
    head.canonical = None;
    head
}

fn route_head(site: &Site, route: &Route) -> Option<PageHead> {
    let param = route.param.as_str();
    let head = match route.page {
        Page::Home => match site.owner() {
            Some(owner) => about_head(site, owner),
            None => {
                let description = match site.description() {
                    "" => format!("Research profiles on {}.", site.title()),
                    description => description.to_string(),
                };
                let mut head = PageHead::new(site, None, description, Route::of(Page::Home));
                head.json_ld = Some(json!({
                    "@context": "https://schema.org",
                    "@type": "WebSite",
                    "name": site.title(),
                    "description": head.description,
                    "url": site.absolute_url(""),
                }));
                head
            }
        },
        Page::Papers => PageHead::new(
            site,
            Some("Papers"),
            format!(
                "{} on {}, searchable and citable.",
                plural(site.papers().len(), "paper", "papers"),
                site.title()
            ),
            route.clone(),
        ),
        Page::Paper => paper_head(site, site.paper_index(param)?),
        Page::News => PageHead::new(
            site,
            Some("News"),
            format!(
                "{} from {}, newest first.",
                plural(site.news_count(), "news item", "news items"),
                site.title()
            ),
            route.clone(),
        ),
        Page::Authors => PageHead::new(
            site,
            Some("Authors"),
            format!(
                "{} appearing on the papers of {}.",
                plural(
                    site.corpus()
                        .map_or(site.authors().entries().len(), |corpus| {
                            corpus.names.total
                        }),
                    "author name",
                    "author names"
                ),
                site.title()
            ),
            route.clone(),
        ),
        Page::Author => author_head(site, param)?,
        Page::Person => about_head(site, site.person(param)?),
        Page::PersonCv | Page::PersonTalks | Page::PersonTeaching => {
            let person = site
                .person(param)
                .filter(|person| site.has_page(person, route.page))?;
            cv_head(site, person, route)
        }
        Page::PersonPapers | Page::PersonNews | Page::PersonActivity => {
            let person = site.person(param)?;
            let (name, description) = match route.page {
                Page::PersonPapers => (
                    format!("Papers by {}", person.name),
                    format!(
                        "{} by {}, newest first.",
                        plural(site.papers_of(person).len(), "paper", "papers"),
                        person.name
                    ),
                ),
                Page::PersonNews => (
                    format!("News from {}", person.name),
                    format!(
                        "{} from {}, newest first.",
                        plural(site.news_count_of(person), "news item", "news items"),
                        person.name
                    ),
                ),
                _ => (
                    format!("{}'s activity", person.name),
                    format!("Forum posts, comments and sequences by {}.", person.name),
                ),
            };
            let mut head = PageHead::new(site, Some(&name), description, route.clone());
            head.feeds.extend(person_feed(site, person));
            head
        }
    };
    Some(head)
}

/// A person's about page: the home page when they own the site.
fn about_head(site: &Site, person: &Person) -> PageHead {
    let is_owner = site.owner().is_some_and(|owner| owner.id == person.id);
    let canonical = if is_owner {
        Route::of(Page::Home)
    } else {
        Route::with(Page::Person, &person.id)
    };
    let description =
        first_sentence(&person.bio).unwrap_or_else(|| format!("About {}.", person.name));
    let mut head = PageHead::new(
        site,
        (!is_owner).then_some(person.name.as_str()),
        description,
        canonical.clone(),
    );
    head.name = person.name.clone();
    head.page_type = PageType::Profile;
    head.image = person.photo.clone();
    head.json_ld = Some(profile_page(site, person, &canonical, &head.description));
    head.feeds.extend(person_feed(site, person));
    head
}

/// A person's CV, talks or teaching page.
fn cv_head(site: &Site, person: &Person, route: &Route) -> PageHead {
    let (name, description) = match route.page {
        Page::PersonTalks => (
            format!("Talks by {}", person.name),
            format!(
                "{} by {}, newest first, with slides, videos and the papers they present.",
                plural(person.talks.len(), "talk", "talks"),
                person.name
            ),
        ),
        Page::PersonTeaching => (
            format!("Teaching by {}", person.name),
            format!(
                "{} that {} taught, assisted or facilitated.",
                plural(person.teaching.len(), "course", "courses"),
                person.name
            ),
        ),
        _ => (
            format!("CV of {}", person.name),
            cv_description(site, person),
        ),
    };
    let mut head = PageHead::new(site, Some(&name), description, route.clone());
    if route.page == Page::PersonCv {
        head.page_type = PageType::Profile;
        head.image = person.photo.clone();
        head.json_ld = Some(profile_page(site, person, route, &head.description));
        head.print_style = Some(print_page_style(person));
    }
    head.feeds.extend(person_feed(site, person));
    head
}

/// What a CV holds, in a sentence: "Education, positions, 10 papers, 2 talks…".
fn cv_description(site: &Site, person: &Person) -> String {
    let papers = site.papers_of(person).len();
    let parts: Vec<String> = [
        (!person.education.is_empty()).then(|| "education".to_string()),
        (!person.positions.is_empty()).then(|| "positions".to_string()),
        (papers > 0).then(|| plural(papers, "paper", "papers")),
        (!person.talks.is_empty()).then(|| plural(person.talks.len(), "talk", "talks")),
        (!person.teaching.is_empty()).then(|| "teaching".to_string()),
        (!person.awards.is_empty()).then(|| plural(person.awards.len(), "award", "awards")),
        (!person.service.is_empty()).then(|| "service".to_string()),
        (!person.mentoring.is_empty()).then(|| "mentoring".to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    format!(
        "The curriculum vitae of {}: {}.",
        person.name,
        parts.join(", ")
    )
}

/// The JSON-LD of a page about a person: a `ProfilePage` whose main entity is the `Person`,
/// with affiliation, links, schools (`alumniOf`) and awards.
fn profile_page(site: &Site, person: &Person, canonical: &Route, description: &str) -> Value {
    let mut same_as: Vec<String> = person
        .links
        .iter()
        .filter(|link| link.url.starts_with("https://") || link.url.starts_with("http://"))
        .map(|link| link.url.clone())
        .collect();
    if let Some(orcid) = &person.orcid {
        same_as.push(format!("https://orcid.org/{orcid}"));
    }
    let mut schools: Vec<&str> = Vec::new();
    for entry in &person.education {
        if !schools.contains(&entry.institution.as_str()) {
            schools.push(&entry.institution);
        }
    }
    let alumni_of: Vec<Value> = schools
        .into_iter()
        .map(|name| json!({ "@type": "EducationalOrganization", "name": name }))
        .collect();
    let awards: Vec<&str> = person
        .awards
        .iter()
        .map(|award| award.title.as_str())
        .collect();
    let mut entity = json!({
        "@type": "Person",
        "name": person.name,
        "description": description,
    });
    let fields = [
        (
            "url",
            site.absolute_url(&canonical.relative_path())
                .map(Value::from),
        ),
        (
            "affiliation",
            person
                .affiliation
                .as_ref()
                .map(|name| json!({ "@type": "Organization", "name": name })),
        ),
        (
            "image",
            person
                .photo
                .as_deref()
                .and_then(|photo| site.absolute_url(photo))
                .map(Value::from),
        ),
        ("sameAs", (!same_as.is_empty()).then(|| json!(same_as))),
        (
            "alumniOf",
            (!alumni_of.is_empty()).then(|| json!(alumni_of)),
        ),
        ("award", (!awards.is_empty()).then(|| json!(awards))),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            entity[name] = value;
        }
    }
    json!({
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "mainEntity": entity,
    })
}

/// An author cluster, by key; an alias or merged spelling takes its cluster's head, and a
/// person's name without papers the page that says so.
fn author_head(site: &Site, key: &str) -> Option<PageHead> {
    match site.resolve_author(key) {
        Some(cluster_key) => {
            let (cluster, _) = site.cluster_summary(cluster_key)?;
            Some(PageHead::new(
                site,
                Some(&cluster.name),
                format!(
                    "{}: {} matching this author name.",
                    cluster.name,
                    cluster_summary(&cluster)
                ),
                Route::with(Page::Author, &cluster.key),
            ))
        }
        None => {
            let person = site
                .people()
                .iter()
                .find(|person| names::key(&person.name) == key)?;
            Some(PageHead::new(
                site,
                Some(&person.name),
                format!("Papers by {}.", person.name),
                Route::with(Page::Author, key),
            ))
        }
    }
}

/// A paper's page: an article, with its Scholar tags and structured data.
fn paper_head(site: &Site, index: usize) -> PageHead {
    let paper = site.paper(index);
    let date = site.paper_date(index);
    let description = match markdown::to_plain_text(&paper.summary) {
        summary if summary.is_empty() => format!("{} ({}).", paper.title, date.year),
        summary => summary,
    };
    let route = Route::with(Page::Paper, &paper.id);
    let mut head = PageHead::new(site, Some(&paper.title), description, route.clone());
    head.page_type = PageType::Article;
    let url = site.absolute_url(&route.relative_path());
    head.scholar = scholar_tags(site, index, url.as_deref());
    head.json_ld = Some(article_json_ld(site, index, url.as_deref()));
    head
}

/// The Google Scholar tags of a paper, following its inclusion guidelines: title, each author in
/// order, the date at its precision, the venue by kind, the bibliographic details the data has,
/// and absolute URLs of the PDF and of this page.
pub fn scholar_tags(site: &Site, index: usize, url: Option<&str>) -> Vec<(&'static str, String)> {
    let paper = site.paper(index);
    let mut tags: Vec<(&'static str, String)> = vec![("title", paper.title.clone())];
    tags.extend(
        site.authors()
            .rows_of_paper(index)
            .map(|row| ("author", row.name.clone())),
    );
    tags.push(("publication_date", scholar_date(site.paper_date(index))));
    let venue = paper.venue.clone();
    let institution = paper.publisher.clone().or_else(|| venue.clone());
    let place = match paper.kind {
        PaperKind::Journal => venue.map(|venue| ("journal_title", venue)),
        PaperKind::Conference | PaperKind::Workshop => {
            venue.map(|venue| ("conference_title", venue))
        }
        PaperKind::Chapter => venue.map(|venue| ("inbook_title", venue)),
        PaperKind::Thesis => institution.map(|name| ("dissertation_institution", name)),
        PaperKind::Report => institution.map(|name| ("technical_report_institution", name)),
        _ => None,
    };
    tags.extend(place);
    if matches!(paper.kind, PaperKind::Book | PaperKind::Chapter)
        && let Some(publisher) = &paper.publisher
    {
        tags.push(("publisher", publisher.clone()));
    }
    tags.extend(paper.volume.clone().map(|volume| ("volume", volume)));
    tags.extend(paper.issue.clone().map(|issue| ("issue", issue)));
    if let Some((first, last)) = paper.pages.as_deref().and_then(page_range) {
        tags.push(("firstpage", first));
        tags.extend(last.map(|last| ("lastpage", last)));
    }
    tags.extend(paper.doi.clone().map(|doi| ("doi", doi)));
    tags.extend(paper.arxiv.clone().map(|arxiv| ("arxiv_id", arxiv)));
    if let Some(pdf) = pdf_url(site, paper) {
        tags.push(("pdf_url", pdf));
    }
    tags.extend(url.map(|url| ("abstract_html_url", url.to_string())));
    tags
}

/// The absolute URL of a paper's first PDF link.
fn pdf_url(site: &Site, paper: &Paper) -> Option<String> {
    paper
        .links
        .iter()
        .find(|link| link.kind == LinkKind::Pdf)
        .and_then(|link| site.absolute_url(&link.url))
}

/// `YYYY/MM/DD`, `YYYY/MM` or `YYYY`, as precise as the date is.
pub fn scholar_date(date: PartialDate) -> String {
    let mut text = format!("{:04}", date.year);
    if let Some(month) = date.month {
        text.push_str(&format!("/{month:02}"));
        if let Some(day) = date.day {
            text.push_str(&format!("/{day:02}"));
        }
    }
    text
}

/// The first and last page of a range (`101--118`, `101-118`, `101–118`, or a single page).
pub fn page_range(pages: &str) -> Option<(String, Option<String>)> {
    let pages = pages.trim();
    if pages.is_empty() {
        return None;
    }
    let mut parts = pages
        .split(['-', '–', '—'])
        .map(str::trim)
        .filter(|part| !part.is_empty());
    let first = parts.next()?.to_string();
    let last = parts.next_back().map(str::to_string);
    Some((first, last))
}

/// schema.org `ScholarlyArticle` of a paper: name, authors in order, date, venue, identifiers.
fn article_json_ld(site: &Site, index: usize, url: Option<&str>) -> Value {
    let paper = site.paper(index);
    let authors: Vec<Value> = site
        .authors()
        .rows_of_paper(index)
        .map(|row| json!({ "@type": "Person", "name": row.name }))
        .collect();
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "name": paper.title,
        "headline": paper.title,
        "author": authors,
        "datePublished": site.paper_date(index).to_iso(),
    });
    let mut identifiers = Vec::new();
    if let Some(doi) = &paper.doi {
        identifiers.push(json!({ "@type": "PropertyValue", "propertyID": "DOI", "value": doi }));
    }
    if let Some(arxiv) = &paper.arxiv {
        identifiers
            .push(json!({ "@type": "PropertyValue", "propertyID": "arXiv", "value": arxiv }));
    }
    let plain_abstract = markdown::to_plain_text(&paper.summary);
    let fields = [
        ("url", url.map(Value::from)),
        (
            "isPartOf",
            paper
                .venue
                .as_ref()
                .map(|venue| json!({ "@type": venue_type(paper.kind), "name": venue })),
        ),
        (
            "abstract",
            (!plain_abstract.is_empty()).then(|| json!(plain_abstract)),
        ),
        (
            "identifier",
            (!identifiers.is_empty()).then(|| json!(identifiers)),
        ),
        (
            "sameAs",
            paper
                .doi
                .as_ref()
                .map(|doi| json!(format!("https://doi.org/{doi}"))),
        ),
        (
            "keywords",
            (!paper.tags.is_empty()).then(|| json!(paper.tags)),
        ),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            article[name] = value;
        }
    }
    article
}

/// The schema.org type of the venue a paper of `kind` appears in.
fn venue_type(kind: PaperKind) -> &'static str {
    match kind {
        PaperKind::Journal => "Periodical",
        PaperKind::Conference | PaperKind::Workshop | PaperKind::Talk => "PublicationEvent",
        PaperKind::Book | PaperKind::Chapter => "Book",
        _ => "CreativeWork",
    }
}

/// A description cut at a word to at most [`DESCRIPTION_LENGTH`] characters, with an ellipsis.
fn shorten(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= DESCRIPTION_LENGTH {
        return text;
    }
    let cut: String = text.chars().take(DESCRIPTION_LENGTH).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |space| &cut[..space]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.']))
}

/// The tags of a head as HTML, absolute URLs made from the site's `base_url` (tags that need one
/// are left out without it).
pub fn head_html(site: &Site, head: &PageHead) -> String {
    let mut html = String::new();
    html.push_str("<title>");
    push_escaped(&mut html, &head.title);
    html.push_str("</title>");
    meta(&mut html, "name", "description", &head.description);
    let canonical = head
        .canonical
        .as_deref()
        .and_then(|path| site.absolute_url(path));
    match &canonical {
        Some(url) => {
            html.push_str("<link rel=\"canonical\"");
            attr(&mut html, "href", url);
            html.push('>');
        }
        None if head.canonical.is_none() => meta(&mut html, "name", "robots", "noindex"),
        None => {}
    }
    meta(&mut html, "property", "og:title", &head.name);
    meta(&mut html, "property", "og:description", &head.description);
    meta(&mut html, "property", "og:type", head.page_type.as_str());
    meta(&mut html, "property", "og:site_name", site.title());
    if let Some(url) = &canonical {
        meta(&mut html, "property", "og:url", url);
    }
    let image = head
        .image
        .as_deref()
        .and_then(|image| site.absolute_url(image));
    if let Some(image) = &image {
        meta(&mut html, "property", "og:image", image);
    }
    meta(&mut html, "name", "twitter:card", "summary");
    meta(&mut html, "name", "twitter:title", &head.name);
    meta(&mut html, "name", "twitter:description", &head.description);
    for feed in &head.feeds {
        if let Some(url) = site.absolute_url(&feed.file) {
            html.push_str("<link rel=\"alternate\" type=\"application/atom+xml\"");
            attr(&mut html, "title", &feed.title);
            attr(&mut html, "href", &url);
            html.push('>');
        }
    }
    for (name, value) in &head.scholar {
        meta(&mut html, "name", &format!("citation_{name}"), value);
    }
    if let Some(json_ld) = &head.json_ld {
        html.push_str("<script type=\"application/ld+json\">");
        html.push_str(&script_safe_json(json_ld));
        html.push_str("</script>");
    }
    if let Some(style) = &head.print_style {
        // Escaped as it was made (`print_page_style`): nothing in it can end the element.
        html.push_str("<style media=\"print\">");
        html.push_str(style);
        html.push_str("</style>");
    }
    html
}

/// JSON that cannot end its `<script>` element or open a comment: `<`, `>` and `&` are written
/// as escapes, which JSON reads as the same characters.
pub fn script_safe_json(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn meta(html: &mut String, key: &str, name: &str, content: &str) {
    html.push_str("<meta");
    attr(html, key, name);
    attr(html, "content", content);
    html.push('>');
}

fn attr(html: &mut String, name: &str, value: &str) {
    html.push(' ');
    html.push_str(name);
    html.push_str("=\"");
    push_escaped(html, value);
    html.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scholar_dates_keep_their_precision() {
        assert_eq!(
            scholar_date(PartialDate::parse("2024-03-05").unwrap()),
            "2024/03/05"
        );
        assert_eq!(
            scholar_date(PartialDate::parse("2024-03").unwrap()),
            "2024/03"
        );
        assert_eq!(scholar_date(PartialDate::parse("2024").unwrap()), "2024");
    }

    #[test]
    fn page_ranges_split_on_any_dash() {
        assert_eq!(
            page_range("101--118"),
            Some(("101".into(), Some("118".into())))
        );
        assert_eq!(page_range("7–9"), Some(("7".into(), Some("9".into()))));
        assert_eq!(page_range("e1002"), Some(("e1002".into(), None)));
        assert_eq!(page_range(" "), None);
    }

    #[test]
    fn long_descriptions_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let short = shorten(&long);
        assert!(short.chars().count() <= DESCRIPTION_LENGTH + 1);
        assert!(short.ends_with("word…"));
        assert_eq!(shorten("Two  lines\nhere."), "Two lines here.");
    }

    #[test]
    fn json_ld_cannot_close_its_script() {
        let value = json!({ "name": "</script><script>alert(1)</script> & <!--" });
        let text = script_safe_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    }
}

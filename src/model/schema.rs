//! The data file format (`public/data/site.json`), as serde types.
//!
//! Every struct rejects unknown fields, so a misspelt key is reported instead of ignored. Values
//! whose format matters (dates, URLs, ORCIDs, ids) are kept as written here and checked by
//! [`validate`](super::validate), which reports every problem at once rather than the first.
//! `docs/data-format.md` documents the format for people writing it by hand.

use serde::de::{self, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// The whole data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    /// Site-wide settings.
    pub site: SiteInfo,
    /// The people the site presents.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Papers, preprints, theses and other publications.
    #[serde(default)]
    pub papers: Vec<Paper>,
    /// Dated news items.
    #[serde(default)]
    pub news: Vec<NewsItem>,
    /// Forum posts, comments and sequences.
    #[serde(default)]
    pub activity: Vec<ActivityItem>,
    /// Curated rules for grouping author names.
    #[serde(default)]
    pub names: NameRules,
    /// Files whose entries are papers too (BibTeX, RIS, CSL-JSON, DBLP, OpenAlex), as paths
    /// relative to this file.
    #[serde(default)]
    pub bibliography: Vec<BibliographySource>,
}

/// A file listed in `bibliography`: its path, and its format when its extension does not say it
/// (`{ "file": "zotero-export.txt", "format": "csl-json" }`; a plain path is accepted too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BibliographySource {
    /// The path, relative to the site file.
    pub file: String,
    /// The format, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<SourceFormat>,
}

/// The formats of bibliography files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceFormat {
    /// BibTeX or BibLaTeX (`.bib`).
    Bibtex,
    /// RIS (`.ris`).
    Ris,
    /// CSL-JSON (`.json`).
    CslJson,
    /// A DBLP person file (`.xml`).
    Dblp,
    /// OpenAlex works (`.json`).
    Openalex,
}

/// The object form of a bibliography source; [`BibliographySource`] also accepts a plain path.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceObject {
    file: String,
    #[serde(default)]
    format: Option<SourceFormat>,
}

impl<'de> Deserialize<'de> for BibliographySource {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SourceVisitor;

        impl<'de> Visitor<'de> for SourceVisitor {
            type Value = BibliographySource;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a file's path or an object with \"file\" and \"format\"")
            }

            fn visit_str<E: de::Error>(self, file: &str) -> Result<BibliographySource, E> {
                Ok(BibliographySource {
                    file: file.to_string(),
                    format: None,
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<BibliographySource, A::Error> {
                let object = SourceObject::deserialize(MapAccessDeserializer::new(map))?;
                Ok(BibliographySource {
                    file: object.file,
                    format: object.format,
                })
            }
        }

        deserializer.deserialize_any(SourceVisitor)
    }
}

/// Site-wide settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteInfo {
    /// Shown in the header and in every page title.
    pub title: String,
    /// One sentence for search engines and link previews.
    #[serde(default)]
    pub description: String,
    /// A person id: `/` is then that person's about page; without it `/` lists everyone.
    #[serde(default)]
    pub owner: Option<String>,
    /// When the data was last updated (`2025-07-18`, `2025-07` or `2025`).
    #[serde(default)]
    pub updated: Option<String>,
    /// The public address of the site (`https://example.org/vita/`), for citations and links.
    #[serde(default)]
    pub base_url: Option<String>,
}

/// A person with a profile on the site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// URL slug, unique within the file (`alex-infanger`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other spellings of the name in author lists (`A. Infanger`): these merge for certain.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ORCID iD (`0000-0002-1825-0097`).
    #[serde(default)]
    pub orcid: Option<String>,
    /// Institution or role ("Independent researcher").
    #[serde(default)]
    pub affiliation: Option<String>,
    /// Where the person is based.
    #[serde(default)]
    pub location: Option<String>,
    /// Biography, in Markdown.
    #[serde(default)]
    pub bio: String,
    /// Contact address, stored in parts so that no address appears in the page until asked for.
    #[serde(default)]
    pub email: Option<Email>,
    /// Profiles and documents elsewhere.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Photo path (relative to the site root) or URL.
    #[serde(default)]
    pub photo: Option<String>,
    /// Short Markdown lines shown prominently on the about page.
    #[serde(default)]
    pub highlights: Vec<String>,
    /// A JSON Resume file beside the data file whose sections fill the CV sections left empty
    /// here (`"resume.json"`).
    #[serde(default)]
    pub resume: Option<String>,
    /// Degrees, for the CV.
    #[serde(default)]
    pub education: Vec<Education>,
    /// Jobs and appointments.
    #[serde(default)]
    pub positions: Vec<Position>,
    /// Prizes and honours.
    #[serde(default)]
    pub awards: Vec<Award>,
    /// Talks and posters.
    #[serde(default)]
    pub talks: Vec<Talk>,
    /// Courses taught or assisted.
    #[serde(default)]
    pub teaching: Vec<Teaching>,
    /// Reviewing, organising, committees.
    #[serde(default)]
    pub service: Vec<ServiceLine>,
    /// Students mentored.
    #[serde(default)]
    pub mentoring: Vec<Mentee>,
}

impl Person {
    /// Whether any CV section has an item.
    pub fn has_cv_sections(&self) -> bool {
        !(self.education.is_empty()
            && self.positions.is_empty()
            && self.awards.is_empty()
            && self.talks.is_empty()
            && self.teaching.is_empty()
            && self.service.is_empty()
            && self.mentoring.is_empty())
    }
}

/// A degree or course of study.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Education {
    /// The university or school.
    pub institution: String,
    /// The degree ("PhD", "BSc").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub degree: Option<String>,
    /// The field of study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// When it began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// When it ended (the degree's date), or `"present"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// The title of the thesis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thesis: Option<String>,
    /// The id of the thesis among the papers; its title serves when `thesis` is absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    /// The advisors' names, linked to their pages where the site has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advisors: Vec<String>,
    /// Where it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The institution's or programme's web page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A job or appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// The employer or host ("organization" is accepted too).
    #[serde(alias = "organization")]
    pub organisation: String,
    /// The role ("Research scientist").
    pub role: String,
    /// When it began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// When it ended, or `"present"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Where it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// What the work is, in Markdown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The organisation's web page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A prize, fellowship or honour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    /// What it is ("Honorable mention, Gene Golub Dissertation Award").
    pub title: String,
    /// Who gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awarded_by: Option<String>,
    /// When it was given.
    pub date: String,
    /// The id of the paper it was given for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    /// A page about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A talk or poster presentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Talk {
    /// The talk's title.
    pub title: String,
    /// The conference, workshop or seminar series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Where it was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// When it was given.
    pub date: String,
    /// What sort of talk it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TalkKind>,
    /// The id of the paper the talk is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    /// Slides, video, the event's page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// The kinds of talk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TalkKind {
    /// By invitation.
    Invited,
    /// Chosen from submissions.
    Contributed,
    /// A short talk for a selected paper.
    Spotlight,
    /// A poster presentation.
    Poster,
    /// A keynote or plenary.
    Keynote,
    /// A seminar or colloquium.
    Seminar,
}

impl TalkKind {
    /// A human label ("Invited talk").
    pub fn label(self) -> &'static str {
        match self {
            Self::Invited => "Invited talk",
            Self::Contributed => "Contributed talk",
            Self::Spotlight => "Spotlight",
            Self::Poster => "Poster",
            Self::Keynote => "Keynote",
            Self::Seminar => "Seminar",
        }
    }
}

/// A course taught or assisted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Teaching {
    /// The course code ("CME 305").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The course title.
    pub title: String,
    /// Where it was taught.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// The person's part in it.
    pub role: TeachingRole,
    /// The terms, each naming its year ("Fall 2020", "2020–2021").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
    /// The course's page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A person's part in a course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TeachingRole {
    /// Taught it.
    Instructor,
    /// Assisted the instructor.
    TeachingAssistant,
    /// Led a reading group or discussion sections.
    Facilitator,
}

impl TeachingRole {
    /// A human label ("Teaching assistant").
    pub fn label(self) -> &'static str {
        match self {
            Self::Instructor => "Instructor",
            Self::TeachingAssistant => "Teaching assistant",
            Self::Facilitator => "Facilitator",
        }
    }
}

/// A line of service (reviewing, organising, a committee), with its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceLine {
    /// What it is, in inline Markdown.
    pub text: String,
    /// When it began, or its one date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// When it ended, or `"present"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// A student or junior researcher mentored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mentee {
    /// Their name.
    pub name: String,
    /// Their role then ("PhD student", "summer intern").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// When the mentoring began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// When it ended, or `"present"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// More about it, in inline Markdown ("now at …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An email address split into its two halves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Email {
    /// The part before the `@`.
    pub user: String,
    /// The part after the `@`.
    pub domain: String,
}

/// A typed link to somewhere else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What the link points to; decides its label and icon.
    pub kind: LinkKind,
    /// An `http(s)` URL, or a path relative to the site root.
    pub url: String,
    /// Overrides the kind's default label ("long-form CV").
    #[serde(default)]
    pub label: Option<String>,
}

/// The kinds of link the site knows how to label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// A personal or project website.
    Website,
    /// A Twitter/X profile or post (`x` is accepted too).
    #[serde(alias = "x")]
    Twitter,
    /// A Bluesky profile or post.
    Bluesky,
    /// A Mastodon profile or post.
    Mastodon,
    /// A GitHub profile.
    Github,
    /// A GitLab profile.
    Gitlab,
    /// A LinkedIn profile.
    Linkedin,
    /// A Google Scholar profile.
    Scholar,
    /// A Semantic Scholar author page.
    Semanticscholar,
    /// A DBLP author page.
    Dblp,
    /// An ORCID record.
    Orcid,
    /// A curriculum vitae.
    Cv,
    /// A LessWrong profile or post.
    Lesswrong,
    /// An Alignment Forum profile or post.
    Alignmentforum,
    /// A blog.
    Blog,
    /// A YouTube channel or video.
    Youtube,
    /// A PDF of the paper.
    Pdf,
    /// The arXiv page.
    Arxiv,
    /// Source code.
    Code,
    /// The DOI resolver page.
    Doi,
    /// A social-media thread about the paper.
    Thread,
    /// A blog or forum post about the paper.
    Post,
    /// Slides of a talk.
    Slides,
    /// A recorded talk.
    Video,
    /// A dataset.
    Data,
    /// A poster.
    Poster,
    /// The page of an event (a talk's conference or seminar).
    Event,
    /// The paper's own web page.
    Html,
    /// Anything else; give it a `label`.
    Other,
}

impl LinkKind {
    /// The label shown when the link has none of its own.
    pub fn label(self) -> &'static str {
        match self {
            Self::Website => "Website",
            Self::Twitter => "Twitter/X",
            Self::Bluesky => "Bluesky",
            Self::Mastodon => "Mastodon",
            Self::Github => "GitHub",
            Self::Gitlab => "GitLab",
            Self::Linkedin => "LinkedIn",
            Self::Scholar => "Google Scholar",
            Self::Semanticscholar => "Semantic Scholar",
            Self::Dblp => "DBLP",
            Self::Orcid => "ORCID",
            Self::Cv => "CV",
            Self::Lesswrong => "LessWrong",
            Self::Alignmentforum => "Alignment Forum",
            Self::Blog => "Blog",
            Self::Youtube => "YouTube",
            Self::Pdf => "PDF",
            Self::Arxiv => "arXiv",
            Self::Code => "Code",
            Self::Doi => "DOI",
            Self::Thread => "Thread",
            Self::Post => "Post",
            Self::Slides => "Slides",
            Self::Video => "Video",
            Self::Data => "Data",
            Self::Poster => "Poster",
            Self::Event => "Event page",
            Self::Html => "Web page",
            Self::Other => "Link",
        }
    }

    /// The kind's name as written in the data file.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Website => "website",
            Self::Twitter => "twitter",
            Self::Bluesky => "bluesky",
            Self::Mastodon => "mastodon",
            Self::Github => "github",
            Self::Gitlab => "gitlab",
            Self::Linkedin => "linkedin",
            Self::Scholar => "scholar",
            Self::Semanticscholar => "semanticscholar",
            Self::Dblp => "dblp",
            Self::Orcid => "orcid",
            Self::Cv => "cv",
            Self::Lesswrong => "lesswrong",
            Self::Alignmentforum => "alignmentforum",
            Self::Blog => "blog",
            Self::Youtube => "youtube",
            Self::Pdf => "pdf",
            Self::Arxiv => "arxiv",
            Self::Code => "code",
            Self::Doi => "doi",
            Self::Thread => "thread",
            Self::Post => "post",
            Self::Slides => "slides",
            Self::Video => "video",
            Self::Data => "data",
            Self::Poster => "poster",
            Self::Event => "event",
            Self::Html => "html",
            Self::Other => "other",
        }
    }
}

/// A paper, preprint, thesis or other publication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    /// URL slug, unique within the file.
    pub id: String,
    /// The title, as plain text.
    pub title: String,
    /// Authors in order: a name, or an object with the name and more.
    pub authors: Vec<Author>,
    /// Publication date: `2025`, `2025-07` or `2025-07-18`.
    pub date: String,
    /// Preprint or published; when absent, preprints are `kind: preprint` and the rest published.
    #[serde(default)]
    pub status: Option<PaperStatus>,
    /// What sort of publication it is.
    pub kind: PaperKind,
    /// Where it appeared ("ICML 2025", "Operations Research Letters").
    #[serde(default)]
    pub venue: Option<String>,
    /// A short venue badge ("ICML").
    #[serde(default)]
    pub venue_short: Option<String>,
    /// Journal volume.
    #[serde(default)]
    pub volume: Option<String>,
    /// Journal issue or number.
    #[serde(default)]
    pub issue: Option<String>,
    /// Page range (`101--118`).
    #[serde(default)]
    pub pages: Option<String>,
    /// Publisher, or the university of a thesis.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Abstract or summary, in Markdown with LaTeX math.
    #[serde(default, rename = "abstract")]
    pub summary: String,
    /// Typed links: pdf, arxiv, code, thread, post...
    #[serde(default)]
    pub links: Vec<Link>,
    /// Topics, for filtering.
    #[serde(default)]
    pub tags: Vec<String>,
    /// DOI (`10.1016/j.orl.2024.107092`), without the resolver prefix.
    #[serde(default)]
    pub doi: Option<String>,
    /// arXiv identifier (`2506.06278`).
    #[serde(default)]
    pub arxiv: Option<String>,
    /// Awards and distinctions shown as badges ("Spotlight").
    #[serde(default)]
    pub awards: Vec<String>,
    /// A short remark shown with the entry.
    #[serde(default)]
    pub note: Option<String>,
    /// Shown among the selected papers on the about page.
    #[serde(default)]
    pub selected: bool,
}

impl Paper {
    /// Whether the paper is a preprint or published: its `status`, or else its kind's default.
    pub fn status(&self) -> PaperStatus {
        self.status.unwrap_or(self.kind.default_status())
    }

    /// The paper's links, followed by a DOI and an arXiv link made from its identifiers unless
    /// links of those kinds are already listed.
    pub fn all_links(&self) -> Vec<Link> {
        let mut links = self.links.clone();
        let has = |kind: LinkKind| self.links.iter().any(|link| link.kind == kind);
        if let Some(doi) = self.doi.as_ref().filter(|_| !has(LinkKind::Doi)) {
            links.push(Link {
                kind: LinkKind::Doi,
                url: format!("https://doi.org/{doi}"),
                label: None,
            });
        }
        if let Some(arxiv) = self.arxiv.as_ref().filter(|_| !has(LinkKind::Arxiv)) {
            links.push(Link {
                kind: LinkKind::Arxiv,
                url: format!("https://arxiv.org/abs/{arxiv}"),
                label: None,
            });
        }
        links
    }
}

/// One author of a paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Author {
    /// The name as printed on the paper.
    pub name: String,
    /// The id of the person in this file, when the author is one of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The author's ORCID iD, when known: authors sharing one are the same person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orcid: Option<String>,
    /// Contributed equally with the other authors so marked.
    #[serde(skip_serializing_if = "is_false")]
    pub equal: bool,
    /// The corresponding author.
    #[serde(skip_serializing_if = "is_false")]
    pub corresponding: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl Author {
    /// An author known only by name.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            person: None,
            orcid: None,
            equal: false,
            corresponding: false,
        }
    }
}

/// The object form of an author; [`Author`] also accepts a plain name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorObject {
    name: String,
    #[serde(default)]
    person: Option<String>,
    #[serde(default)]
    orcid: Option<String>,
    #[serde(default)]
    equal: bool,
    #[serde(default)]
    corresponding: bool,
}

impl<'de> Deserialize<'de> for Author {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AuthorVisitor;

        impl<'de> Visitor<'de> for AuthorVisitor {
            type Value = Author;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("an author name or an object with a \"name\"")
            }

            fn visit_str<E: de::Error>(self, name: &str) -> Result<Author, E> {
                Ok(Author::named(name))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Author, A::Error> {
                let object = AuthorObject::deserialize(MapAccessDeserializer::new(map))?;
                Ok(Author {
                    name: object.name,
                    person: object.person,
                    orcid: object.orcid,
                    equal: object.equal,
                    corresponding: object.corresponding,
                })
            }
        }

        deserializer.deserialize_any(AuthorVisitor)
    }
}

/// Whether a paper is a preprint or has been published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PaperStatus {
    /// Not (yet) peer-reviewed or published.
    Preprint,
    /// Published in a venue.
    Published,
}

/// What sort of publication a paper is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PaperKind {
    /// A conference paper.
    Conference,
    /// A journal article.
    Journal,
    /// A workshop paper.
    Workshop,
    /// A preprint (arXiv, SSRN...).
    Preprint,
    /// A doctoral or master's thesis.
    Thesis,
    /// A book.
    Book,
    /// A chapter in a book.
    Chapter,
    /// A technical report.
    Report,
    /// A talk or poster without a paper.
    Talk,
    /// Anything else.
    Other,
}

impl PaperKind {
    /// The status of a paper of this kind that states none: preprints are preprints, the rest
    /// published.
    pub fn default_status(self) -> PaperStatus {
        if self == Self::Preprint {
            PaperStatus::Preprint
        } else {
            PaperStatus::Published
        }
    }

    /// Every kind, in the order filters list them.
    pub const ALL: [Self; 10] = [
        Self::Conference,
        Self::Journal,
        Self::Workshop,
        Self::Preprint,
        Self::Thesis,
        Self::Book,
        Self::Chapter,
        Self::Report,
        Self::Talk,
        Self::Other,
    ];

    /// A human label ("Conference paper").
    pub fn label(self) -> &'static str {
        match self {
            Self::Conference => "Conference paper",
            Self::Journal => "Journal article",
            Self::Workshop => "Workshop paper",
            Self::Preprint => "Preprint",
            Self::Thesis => "Thesis",
            Self::Book => "Book",
            Self::Chapter => "Book chapter",
            Self::Report => "Report",
            Self::Talk => "Talk",
            Self::Other => "Other",
        }
    }

    /// The kind's name as written in the data file and in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Conference => "conference",
            Self::Journal => "journal",
            Self::Workshop => "workshop",
            Self::Preprint => "preprint",
            Self::Thesis => "thesis",
            Self::Book => "book",
            Self::Chapter => "chapter",
            Self::Report => "report",
            Self::Talk => "talk",
            Self::Other => "other",
        }
    }
}

/// A dated news item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewsItem {
    /// `2025-07-18`, `2025-07` ("July 2025") or `2025`.
    pub date: String,
    /// Whose news it is; defaults to the site owner.
    #[serde(default)]
    pub person: Option<String>,
    /// The headline, in inline Markdown.
    pub text: String,
    /// More detail, in Markdown with math, shown on demand.
    #[serde(default)]
    pub details: Option<String>,
    /// The paper the item is about.
    #[serde(default)]
    pub paper: Option<String>,
    /// Related links.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// A forum post, comment or sequence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityItem {
    /// Whose activity it is; defaults to the site owner.
    #[serde(default)]
    pub person: Option<String>,
    /// Post, comment or sequence.
    pub kind: ActivityKind,
    /// When it was written; undated items keep their order in the file.
    #[serde(default)]
    pub date: Option<String>,
    /// The title of a post or sequence.
    #[serde(default)]
    pub title: Option<String>,
    /// For a comment: the title of the post it replies to.
    #[serde(default)]
    pub on: Option<String>,
    /// Where it lives on the forum.
    #[serde(default)]
    pub url: Option<String>,
    /// The text, in Markdown.
    #[serde(default)]
    pub body: String,
    /// The forum's score (karma), when known.
    #[serde(default)]
    pub score: Option<i64>,
}

/// The kinds of forum activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActivityKind {
    /// A post the person wrote.
    Post,
    /// A comment on someone's post.
    Comment,
    /// A series of posts.
    Sequence,
}

impl ActivityKind {
    /// A human label ("Comment").
    pub fn label(self) -> &'static str {
        match self {
            Self::Post => "Post",
            Self::Comment => "Comment",
            Self::Sequence => "Sequence",
        }
    }
}

/// Curated rules for grouping author names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameRules {
    /// Pairs of names that belong to different people, even though they look compatible
    /// (`["J. Smith", "Jane Smith"]`).
    #[serde(default)]
    pub distinct: Vec<[String; 2]>,
}

/// Where a person stands in a paper's author list, as the position filter asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthorPosition {
    /// The first author.
    First,
    /// The last author (often the senior one).
    Last,
}

impl AuthorPosition {
    /// Both positions, in the order facets list them.
    pub const ALL: [Self; 2] = [Self::First, Self::Last];

    /// The position's name in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::First => "first",
            Self::Last => "last",
        }
    }
}

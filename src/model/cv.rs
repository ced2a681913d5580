//! A person's CV sections as the data file writes them (education, positions, awards, talks,
//! teaching, service, mentoring), the date spans they share, and their orders on a CV.

use super::date::PartialDate;
use super::schema::Link;
use serde::{Deserialize, Serialize};
use std::cmp::{Ordering, Reverse};
use std::fmt;

/// The end of a span that is still going on.
pub const PRESENT: &str = "present";

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

/// A person's CV sections, as a JSON Resume file yields them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CvSections {
    /// Degrees.
    pub education: Vec<Education>,
    /// Jobs and appointments.
    pub positions: Vec<Position>,
    /// Prizes and honours.
    pub awards: Vec<Award>,
    /// Talks and posters.
    pub talks: Vec<Talk>,
    /// Courses.
    pub teaching: Vec<Teaching>,
    /// Reviewing, organising, committees.
    pub service: Vec<ServiceLine>,
    /// Students mentored.
    pub mentoring: Vec<Mentee>,
}

/// The end of a span as written: a date or `"present"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanEnd {
    /// Ended then.
    Date(PartialDate),
    /// Still going on.
    Present,
}

/// A span of time with an optional start and end, as CV entries have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// When it began.
    pub start: Option<PartialDate>,
    /// When it ended.
    pub end: Option<SpanEnd>,
}

impl Span {
    /// The span of `start` and `end` as the data writes them; dates that do not parse (the
    /// checks report them) count as absent.
    pub fn of(start: Option<&str>, end: Option<&str>) -> Self {
        Self {
            start: start.and_then(|date| PartialDate::parse(date).ok()),
            end: end.and_then(|end| parse_end(end).ok()),
        }
    }

    /// The key that orders spans newest first: ongoing ones, then by end (or start), then by
    /// start, each later one first.
    fn newest_first_key(&self) -> OrderKey {
        let last = match self.end {
            Some(SpanEnd::Date(date)) => Some(date),
            Some(SpanEnd::Present) => None,
            None => self.start,
        };
        (
            self.end != Some(SpanEnd::Present),
            Reverse(last),
            Reverse(self.start),
        )
    }
}

/// What orders CV entries newest first: whether the entry is over, its last date, its first.
/// One key type for every section keeps one sort in the module.
type OrderKey = (
    bool,
    Reverse<Option<PartialDate>>,
    Reverse<Option<PartialDate>>,
);

/// The key of an entry known by one date.
fn date_key(date: Option<PartialDate>) -> OrderKey {
    (true, Reverse(date), Reverse(None))
}

/// `items` ordered by `keys` (one per item), equal keys keeping file order.
fn ordered<T>(items: &[T], keys: Vec<OrderKey>) -> Vec<&T> {
    order_of(keys)
        .into_iter()
        .map(|index| &items[index])
        .collect()
}

/// The indices of `keys` in key order, equal keys by index.
fn order_of(keys: Vec<OrderKey>) -> Vec<usize> {
    let mut order: Vec<(OrderKey, usize)> = keys.into_iter().zip(0..).collect();
    order.sort_unstable();
    order.into_iter().map(|(_, index)| index).collect()
}

/// Reads as CVs write spans: "2017 – 2022", "September 2017 – present", "2022", "Current"
/// for what is ongoing since an unknown date.
impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.start, self.end) {
            (Some(start), Some(SpanEnd::Date(end))) if start == end => write!(f, "{start}"),
            (Some(start), Some(SpanEnd::Date(end))) => write!(f, "{start} – {end}"),
            (Some(start), Some(SpanEnd::Present)) => write!(f, "{start} – present"),
            (Some(start), None) => write!(f, "{start}"),
            (None, Some(SpanEnd::Date(end))) => write!(f, "{end}"),
            (None, Some(SpanEnd::Present)) => write!(f, "Current"),
            (None, None) => Ok(()),
        }
    }
}

/// Parses the end of a span: a date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or `"present"`.
pub fn parse_end(text: &str) -> Result<SpanEnd, String> {
    if text == PRESENT {
        return Ok(SpanEnd::Present);
    }
    PartialDate::parse(text)
        .map(SpanEnd::Date)
        .map_err(|message| format!("{message}, or \"present\""))
}

/// Whether `end` lies before `start`, compared at the precision both have (`2022` does not lie
/// before `2022-06`).
pub fn ends_before_start(start: PartialDate, end: PartialDate) -> bool {
    let order = start
        .year
        .cmp(&end.year)
        .then_with(|| match (start.month, end.month) {
            (Some(start_month), Some(end_month)) => {
                start_month
                    .cmp(&end_month)
                    .then_with(|| match (start.day, end.day) {
                        (Some(start_day), Some(end_day)) => start_day.cmp(&end_day),
                        _ => Ordering::Equal,
                    })
            }
            _ => Ordering::Equal,
        });
    order == Ordering::Greater
}

/// The year a term names: its last run of four digits ("Fall 2020" gives 2020, "2020–2021"
/// gives 2021).
pub fn term_year(term: &str) -> Option<i32> {
    let bytes = term.as_bytes();
    (0..bytes.len().saturating_sub(3))
        .rev()
        .find(|&start| {
            let digits = &bytes[start..start + 4];
            let before = start.checked_sub(1).map(|index| bytes[index]);
            let after = bytes.get(start + 4);
            digits.iter().all(u8::is_ascii_digit)
                && !before.is_some_and(|byte| byte.is_ascii_digit())
                && !after.is_some_and(|byte| byte.is_ascii_digit())
        })
        .and_then(|start| term[start..start + 4].parse().ok())
}

/// The span of an education entry.
pub fn education_span(entry: &Education) -> Span {
    Span::of(entry.start.as_deref(), entry.end.as_deref())
}

/// The span of a position.
pub fn position_span(entry: &Position) -> Span {
    Span::of(entry.start.as_deref(), entry.end.as_deref())
}

/// The span of a line of service.
pub fn service_span(entry: &ServiceLine) -> Span {
    Span::of(entry.start.as_deref(), entry.end.as_deref())
}

/// The span of a mentoring.
pub fn mentee_span(entry: &Mentee) -> Span {
    Span::of(entry.start.as_deref(), entry.end.as_deref())
}

/// The date of a dated entry (talk, award); `None` when it does not parse.
pub fn date_of(text: &str) -> Option<PartialDate> {
    PartialDate::parse(text).ok()
}

/// `items` ordered newest first by the span `span` gives each; equal spans keep file order.
pub fn newest_first_by_span<T>(items: &[T], span: impl Fn(&T) -> Span) -> Vec<&T> {
    ordered(
        items,
        items
            .iter()
            .map(|item| span(item).newest_first_key())
            .collect(),
    )
}

/// `items` ordered newest first by their dates; equal dates keep file order.
pub fn newest_first_by_date<T>(items: &[T], date: impl Fn(&T) -> &str) -> Vec<&T> {
    ordered(
        items,
        items
            .iter()
            .map(|item| date_key(date_of(date(item))))
            .collect(),
    )
}

/// Courses ordered newest first by the latest year among their terms.
pub fn teaching_newest_first(items: &[Teaching]) -> Vec<&Teaching> {
    ordered(
        items,
        items
            .iter()
            .map(|course| {
                let year = course.terms.iter().filter_map(|term| term_year(term)).max();
                date_key(year.map(PartialDate::year_only))
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn spans_read_as_cvs_write_them() {
        assert_eq!(
            Span::of(Some("2017"), Some("2022")).to_string(),
            "2017 – 2022"
        );
        assert_eq!(
            Span::of(Some("2017-09"), Some(PRESENT)).to_string(),
            "September 2017 – present"
        );
        assert_eq!(Span::of(None, Some("2022")).to_string(), "2022");
        assert_eq!(Span::of(Some("2022"), Some("2022")).to_string(), "2022");
        assert_eq!(Span::of(None, Some(PRESENT)).to_string(), "Current");
        assert_eq!(Span::of(None, None).to_string(), "");
    }

    #[test]
    fn an_end_is_a_date_or_present() {
        assert_eq!(parse_end("present"), Ok(SpanEnd::Present));
        assert_eq!(parse_end("2022-06"), Ok(SpanEnd::Date(date("2022-06"))));
        let message = parse_end("soon").unwrap_err();
        assert!(
            message.contains("YYYY") && message.contains("present"),
            "{message}"
        );
    }

    #[test]
    fn ends_compare_with_starts_at_their_common_precision() {
        assert!(ends_before_start(date("2022"), date("2021")));
        assert!(ends_before_start(date("2022-06"), date("2022-05")));
        assert!(!ends_before_start(date("2022-06"), date("2022")));
        assert!(!ends_before_start(date("2022-06-10"), date("2022-06")));
        assert!(!ends_before_start(date("2020"), date("2022")));
    }

    #[test]
    fn terms_name_their_last_year() {
        assert_eq!(term_year("Fall 2020"), Some(2020));
        assert_eq!(term_year("2020–2021"), Some(2021));
        assert_eq!(term_year("Spring 21"), None);
        assert_eq!(term_year("12345"), None);
    }

    #[test]
    fn ongoing_spans_come_first_then_the_latest_ends() {
        let spans = [
            ("old", Span::of(Some("2010"), Some("2014"))),
            ("now", Span::of(Some("2019"), Some(PRESENT))),
            ("recent", Span::of(Some("2015"), Some("2019"))),
            ("single", Span::of(Some("2016"), None)),
        ];
        let order: Vec<&str> = newest_first_by_span(&spans, |(_, span)| *span)
            .into_iter()
            .map(|(name, _)| *name)
            .collect();
        assert_eq!(order, ["now", "recent", "single", "old"]);
    }

    #[test]
    fn courses_order_by_their_latest_term() {
        let course = |title: &str, terms: &[&str]| Teaching {
            code: None,
            title: title.into(),
            institution: None,
            role: TeachingRole::Instructor,
            terms: terms.iter().map(|term| term.to_string()).collect(),
            url: None,
        };
        let courses = [
            course("a", &["Fall 2018"]),
            course("b", &["Fall 2016", "Spring 2021"]),
            course("c", &["2019–2020"]),
        ];
        let order: Vec<&str> = teaching_newest_first(&courses)
            .into_iter()
            .map(|course| course.title.as_str())
            .collect();
        assert_eq!(order, ["b", "c", "a"]);
    }
}

//! A person's CV sections (their types are in [`schema`](super::schema)): the date spans they
//! share, and their orders on a CV.

use super::date::PartialDate;
use super::schema::{Award, Education, Mentee, Position, ServiceLine, Talk, Teaching};
use std::cmp::{Ordering, Reverse};
use std::fmt;

/// The end of a span that is still going on.
pub const PRESENT: &str = "present";

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
            role: crate::model::schema::TeachingRole::Instructor,
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

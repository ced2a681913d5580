//! Dates of year, month or day precision, as research pages write them ("July 2025").

use std::fmt;

/// A calendar date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

/// English month names, for display and for parsing BibTeX-style months.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the month and day exist.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut parts = text.split('-');
        let year = parts.next().unwrap_or_default();
        let month = parts.next();
        let day = parts.next();
        if parts.next().is_some() || !is_digits(year, 4) {
            return Err(format!(
                "invalid date \"{text}\": expected YYYY, YYYY-MM or YYYY-MM-DD"
            ));
        }
        let year: i32 = year
            .parse()
            .map_err(|_| format!("invalid year in \"{text}\""))?;
        let month = match month {
            None => None,
            Some(month) if is_digits(month, 2) => match month.parse::<u8>() {
                Ok(number @ 1..=12) => Some(number),
                _ => return Err(format!("invalid month in \"{text}\": expected 01 to 12")),
            },
            Some(_) => return Err(format!("invalid month in \"{text}\": expected two digits")),
        };
        let day = match (month, day) {
            (_, None) => None,
            (Some(month), Some(day)) if is_digits(day, 2) => {
                let last = days_in_month(year, month);
                match day.parse::<u8>() {
                    Ok(number) if (1..=last).contains(&number) => Some(number),
                    _ => {
                        return Err(format!(
                            "invalid day in \"{text}\": {} {year} has days 01 to {last}",
                            MONTH_NAMES[usize::from(month) - 1]
                        ));
                    }
                }
            }
            _ => return Err(format!("invalid day in \"{text}\": expected two digits")),
        };
        Ok(Self { year, month, day })
    }

    /// A date known only to the year.
    pub fn year_only(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// The date as written in data files (`2025-07`).
    pub fn to_iso(self) -> String {
        match (self.month, self.day) {
            (Some(month), Some(day)) => format!("{:04}-{month:02}-{day:02}", self.year),
            (Some(month), None) => format!("{:04}-{month:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// The month's English name, when the month is known.
    pub fn month_name(self) -> Option<&'static str> {
        self.month.map(|month| MONTH_NAMES[usize::from(month) - 1])
    }
}

/// Reads as people write dates: "2025", "July 2025", "18 July 2025".
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month_name(), self.day) {
            (Some(month), Some(day)) => write!(f, "{day} {month} {}", self.year),
            (Some(month), None) => write!(f, "{month} {}", self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

fn is_digits(text: &str, length: usize) -> bool {
    text.len() == length && text.bytes().all(|byte| byte.is_ascii_digit())
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            PartialDate::parse("2025").unwrap(),
            PartialDate::year_only(2025)
        );
        let month = PartialDate::parse("2025-07").unwrap();
        assert_eq!((month.year, month.month, month.day), (2025, Some(7), None));
        let day = PartialDate::parse("2025-07-18").unwrap();
        assert_eq!((day.year, day.month, day.day), (2025, Some(7), Some(18)));
    }

    #[test]
    fn displays_as_people_write_dates() {
        assert_eq!(PartialDate::parse("2025").unwrap().to_string(), "2025");
        assert_eq!(
            PartialDate::parse("2025-07").unwrap().to_string(),
            "July 2025"
        );
        assert_eq!(
            PartialDate::parse("2025-07-18").unwrap().to_string(),
            "18 July 2025"
        );
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for text in [
            "",
            "25",
            "2025-7",
            "2025-13",
            "2025-00",
            "2025-02-30",
            "2023-02-29",
            "2025-07-1",
            "July 2025",
            "2025-07-18-01",
            "2025/07",
        ] {
            assert!(
                PartialDate::parse(text).is_err(),
                "{text:?} should be rejected"
            );
        }
    }

    #[test]
    fn accepts_leap_days() {
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert!(PartialDate::parse("2000-02-29").is_ok());
        assert!(PartialDate::parse("1900-02-29").is_err());
    }

    #[test]
    fn orders_chronologically_with_less_precise_dates_first() {
        let year = PartialDate::parse("2025").unwrap();
        let month = PartialDate::parse("2025-03").unwrap();
        let day = PartialDate::parse("2025-03-02").unwrap();
        let later = PartialDate::parse("2025-04").unwrap();
        assert!(year < month && month < day && day < later);
    }

    #[test]
    fn round_trips_through_iso() {
        for text in ["2025", "2025-07", "2025-07-18", "0999-01-01"] {
            assert_eq!(PartialDate::parse(text).unwrap().to_iso(), text);
        }
    }
}

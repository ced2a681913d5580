//! Parsing the data file, with errors that point at the offending JSON path, and a parse that
//! goes on past problems of shape (unknown fields, wrong types, invalid values) to report all of
//! them at once.

use super::json_text::{lines_of, object_inside, value_at};
use super::schema::SiteFile;
use super::validate::{Problem, Severity, closest};
use serde::de::DeserializeOwned;
use std::fmt;

/// Why a data file could not be parsed: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// JSON path of the offending value (`papers[3].authors[1].name`), empty at the top level.
    pub path: String,
    /// 1-based line of the error in the file.
    pub line: usize,
    /// 1-based column of the error in the file.
    pub column: usize,
    /// What is wrong, in serde's words without its position suffix.
    pub reason: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(
            f,
            "{} (line {}, column {})",
            self.reason, self.line, self.column
        )
    }
}

impl std::error::Error for ParseError {}

/// Parses the text of a site data file, stopping at the first problem. Its JSON path is worked
/// out from serde's position by [`json_path_at`], which costs far less code than tracking the path
/// through every deserializer. [`parse_site_checked`] goes on to report every problem.
pub fn parse_site_file(text: &str) -> Result<SiteFile, ParseError> {
    parse_json(text.as_bytes())
}

/// Parses JSON bytes into `T`, with the JSON path, line and column of the first problem.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ParseError> {
    serde_json::from_slice(bytes).map_err(|error| parse_error(bytes, &error))
}

fn parse_error(bytes: &[u8], error: &serde_json::Error) -> ParseError {
    let text = String::from_utf8_lossy(bytes);
    let path = json_path_at(&text, byte_offset(&text, error.line(), error.column()));
    ParseError {
        path,
        line: error.line(),
        column: error.column(),
        reason: strip_position(&error.to_string()),
    }
}

/// A site file that parsed, with the problems of its shape that had to be mended first.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedSite {
    /// The data, with stand-ins for wrong or missing values and without unknown fields.
    pub file: SiteFile,
    /// Every unknown field, wrong type and invalid value, each an error with its path and line.
    pub problems: Vec<Problem>,
    /// The paths whose values are stand-ins: what the content checks find there (and under
    /// them) only repeats a problem already reported.
    pub stand_ins: Vec<String>,
}

/// Why a site file could not be parsed even with its problems of shape mended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteParseError {
    /// The file is not JSON: its content cannot be checked.
    Syntax(ParseError),
    /// The file has more problems of shape than are worth listing, or one that cannot be
    /// mended: those found, the last saying where the check stopped.
    Shape(Vec<Problem>),
}

/// The most problems of shape listed for a file: past them, the file is more likely in another
/// format than mistyped, and the check stops.
const MOST_SHAPE_PROBLEMS: usize = 100;

/// The most mends tried for a file: a stand-in object may need a mend per field, but a mend that
/// serde keeps refusing must not go on for ever.
const MOST_MENDS: usize = 20 * MOST_SHAPE_PROBLEMS;

/// Parses a site data file from its bytes, as fetched. A file with unknown fields, wrong types or
/// invalid values is parsed again and again, each problem reported and mended (an unknown field
/// taken out, a wrong or missing value given a stand-in), until the rest parses, so that every
/// such problem is reported in one run alongside the content checks. A valid file is parsed
/// once.
pub fn parse_site_checked(bytes: &[u8]) -> Result<ParsedSite, SiteParseError> {
    let mut mender = Mender::default();
    let mut mends = 0;
    // The file's own bytes until a problem needs mending, then a mended copy: one call of the
    // parser serves both, as a second would compile every deserializer of the schema again.
    let mut work = String::new();
    let outcome = loop {
        let parsing = if mender.started {
            work.as_bytes()
        } else {
            bytes
        };
        let error = match serde_json::from_slice::<SiteFile>(parsing) {
            Ok(file) => break Ok(file),
            Err(error) => error,
        };
        if !mender.started {
            match std::str::from_utf8(bytes) {
                Ok(text) if error.is_data() => work = text.to_string(),
                _ => return Err(SiteParseError::Syntax(parse_error(bytes, &error))),
            }
            mender.started = true;
        }
        let offset = byte_offset(&work, error.line(), error.column());
        mends += 1;
        let mended = mends <= MOST_MENDS
            && error.is_data()
            && mender.mend(&mut work, offset, &error.to_string());
        if !mended || mender.problems.len() >= MOST_SHAPE_PROBLEMS {
            let reason = strip_position(&error.to_string());
            mender.problems.push(Problem {
                severity: Severity::Error,
                path: String::new(),
                line: None,
                message: if mended {
                    format!(
                        "the check stopped after {MOST_SHAPE_PROBLEMS} problems of shape; fix these and run it again"
                    )
                } else {
                    format!(
                        "the check stopped here ({}): {reason}",
                        json_path_at(&work, offset)
                    )
                },
            });
            if !mended {
                mender.problems.last_mut().expect("just pushed").line = Some(error.line());
            }
            break Err(());
        }
    };
    let Mender {
        mut problems,
        stand_ins,
        ..
    } = mender;
    if !problems.is_empty() {
        let paths: Vec<&str> = problems
            .iter()
            .map(|problem| problem.path.as_str())
            .collect();
        let text = std::str::from_utf8(bytes).unwrap_or_default();
        let lines = lines_of(text, &paths);
        for (problem, line) in problems.iter_mut().zip(lines) {
            problem.line = problem.line.or(line);
        }
    }
    match outcome {
        Ok(file) => Ok(ParsedSite {
            file,
            problems,
            stand_ins,
        }),
        Err(()) => Err(SiteParseError::Shape(problems)),
    }
}

/// Whether the JSON path `path` is `outer` or a path inside it.
pub fn is_within(path: &str, outer: &str) -> bool {
    outer.is_empty()
        || path
            .strip_prefix(outer)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// Reports and mends one problem of shape at a time, in the text being parsed again.
#[derive(Default)]
struct Mender {
    /// Whether a problem was found: the text parsed is then the mended copy.
    started: bool,
    problems: Vec<Problem>,
    stand_ins: Vec<String>,
    /// Fields a misspelt key was taken for (`people[0].affiliation` for `affilation`): that the
    /// field is then missing goes without saying.
    meant: Vec<String>,
    /// How many stand-ins were tried at each path.
    tries: Vec<(String, usize)>,
}

impl Mender {
    /// Reports (unless it only repeats an earlier problem) and mends the problem serde stopped
    /// at, at byte `offset` of `work`. False when it cannot be mended.
    fn mend(&mut self, work: &mut String, offset: usize, message: &str) -> bool {
        let Some(found) = value_at(work, offset) else {
            return false;
        };
        let reason = strip_position(message);
        let repeated = self
            .stand_ins
            .iter()
            .any(|stand_in| is_within(&found.path, stand_in));
        if let Some(name) = quoted_after(&reason, "missing field ") {
            let field = join_key(&found.path, name);
            if !repeated && !self.meant.contains(&field) {
                self.report(&found.path, reason.clone());
            }
            let Some((inside, has_members)) = object_inside(work, found.value.start) else {
                return false;
            };
            let comma = if has_members { ", " } else { "" };
            work.insert_str(inside, &format!("\"{name}\": \"\"{comma}"));
            self.stand_ins.push(field);
            return true;
        }
        let unknown = quoted_after(&reason, "unknown field ");
        if unknown.is_some() || reason.starts_with("duplicate field ") {
            if !found.at_key {
                return false;
            }
            if !repeated {
                let message = match unknown {
                    Some(name) => {
                        let (message, meant) = unknown_field(&found.path, name, &reason);
                        if let Some(meant) = meant {
                            self.meant.push(join_key(parent(&found.path), meant));
                        }
                        message
                    }
                    None => format!("{reason}: the first is kept"),
                };
                self.report(&found.path, message);
            }
            replace_keeping_lines(work, found.member, "");
            return true;
        }
        let tried = match self.tries.iter_mut().find(|(path, _)| *path == found.path) {
            Some((_, tried)) => tried,
            None => {
                if !repeated {
                    self.report(&found.path, explain(&reason));
                }
                self.stand_ins.push(found.path.clone());
                self.tries.push((found.path.clone(), 0));
                &mut self.tries.last_mut().expect("just pushed").1
            }
        };
        let Some(stand_in) = stand_ins_for(&reason).into_iter().nth(*tried) else {
            return false;
        };
        *tried += 1;
        replace_keeping_lines(work, found.value, &stand_in);
        true
    }

    fn report(&mut self, path: &str, message: String) {
        self.problems.push(Problem {
            severity: Severity::Error,
            path: path.to_string(),
            line: None,
            message,
        });
    }
}

/// Replaces `range` of `work` with `with` followed by the line breaks the range held, so that
/// every later line keeps its number: serde's lines in the mended text are those of the file.
fn replace_keeping_lines(work: &mut String, range: std::ops::Range<usize>, with: &str) {
    let mut replacement = with.to_string();
    replacement.extend(work[range.clone()].chars().filter(|&c| c == '\n'));
    work.replace_range(range, &replacement);
}

/// The text between the backquotes that follow `prefix` at the start of `reason`:
/// `date` for "missing field `date`".
fn quoted_after<'a>(reason: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = reason.strip_prefix(prefix)?.strip_prefix('`')?;
    Some(&rest[..rest.find('`')?])
}

/// The names serde lists after "expected one of" (or "expected") in `reason`.
fn expected_names(reason: &str) -> Vec<&str> {
    let Some(index) = reason.find(", expected ") else {
        return Vec::new();
    };
    reason[index..].split('`').skip(1).step_by(2).collect()
}

fn join_key(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The path of the object or array holding the value at `path`.
fn parent(path: &str) -> &str {
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    &path[..cut]
}

/// Keys people write from other formats' habits, with the field Vita has for them and an
/// example of it.
const OTHER_NAMES: &[(&[&str], &str, &str)] = &[
    (
        &["year", "month", "day", "published", "issued"],
        "date",
        r#""date": "2024""#,
    ),
    (
        &["author", "creators"],
        "authors",
        r#""authors": [{ "name": "Ada Lovelace" }]"#,
    ),
    (
        &["url", "pdf", "link", "href", "code", "slides", "website"],
        "links",
        r#""links": [{ "kind": "pdf", "url": "https://…" }]"#,
    ),
    (
        &["journal", "booktitle", "conference", "container-title"],
        "venue",
        r#""venue": "NeurIPS""#,
    ),
    (&["type", "entrytype"], "kind", r#""kind": "journal""#),
    (
        &["keywords", "tag"],
        "tags",
        r#""tags": ["interpretability"]"#,
    ),
];

/// The message for an unknown field at `path`, and the field it was probably meant to be.
fn unknown_field<'a>(path: &str, name: &str, reason: &'a str) -> (String, Option<&'a str>) {
    let known = expected_names(reason);
    let lowered = name.to_lowercase();
    let other_name = OTHER_NAMES.iter().find_map(|(names, field, example)| {
        let field = known.iter().find(|known| *known == field)?;
        names
            .contains(&lowered.as_str())
            .then_some((*field, *example))
    });
    if let Some((field, example)) = other_name {
        let message = format!(
            "unknown field `{name}`: {} take `{field}`, e.g. {example}",
            holders(parent(path))
        );
        return (message, Some(field));
    }
    match closest(name, known.iter().copied()) {
        Some(field) => (
            format!("unknown field `{name}`: did you mean `{field}`?"),
            Some(field),
        ),
        None if known.is_empty() => (format!("unknown field `{name}`: nothing goes here"), None),
        None => (
            format!(
                "unknown field `{name}`: the fields here are {}",
                backquoted(&known)
            ),
            None,
        ),
    }
}

/// Names as code in a message: "`a`, `b`, `c`".
fn backquoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the object at `path` is, in the plural: "papers" for `papers[3]`.
fn holders(path: &str) -> String {
    let list = path.strip_suffix(']').map(parent).unwrap_or(path);
    let name = list.rsplit('.').next().unwrap_or(list);
    match name {
        "papers" | "people" | "talks" | "awards" | "positions" => name.to_string(),
        "news" | "activity" => format!("{name} items"),
        "" => "site files".to_string(),
        _ if path.ends_with(']') => format!("entries of `{name}`"),
        _ => format!("`{name}` objects"),
    }
}

/// Values people write from other sites' habits, with the one Vita has for them.
const OTHER_VALUES: &[(&[&str], &str)] = &[
    (&["homepage", "home", "web", "site", "personal"], "website"),
    (&["repo", "repository", "source", "software"], "code"),
    (&["paper", "fulltext", "full-text"], "pdf"),
    (&["inproceedings", "proceedings", "conf"], "conference"),
    (&["article", "journal-article"], "journal"),
    (&["phdthesis", "mastersthesis", "dissertation"], "thesis"),
    (&["misc", "unpublished"], "other"),
];

/// serde's reason, with what to do when serde's words do not say it: a misspelt variant, a
/// number where text goes.
fn explain(reason: &str) -> String {
    if let Some(variant) = quoted_after(reason, "unknown variant ") {
        let known = expected_names(reason);
        let lowered = variant.to_lowercase();
        let other_value = OTHER_VALUES.iter().find_map(|(values, meant)| {
            (values.contains(&lowered.as_str()) && known.contains(meant)).then_some(*meant)
        });
        if let Some(meant) = other_value.or_else(|| closest(variant, known.iter().copied())) {
            return format!("unknown value `{variant}`: did you mean `{meant}`?");
        }
        return format!(
            "unknown value `{variant}`: it is one of {}",
            backquoted(&known)
        );
    }
    if reason.ends_with("expected a string") {
        for kind in ["integer ", "floating point "] {
            if let Some(number) = quoted_after(reason, &format!("invalid type: {kind}")) {
                return format!("{reason}: write it in quotes, \"{number}\"");
            }
        }
    }
    reason.to_string()
}

/// Values of the type serde expected, to stand in for a wrong one, likeliest first: the type the
/// reason names, then the others.
fn stand_ins_for(reason: &str) -> Vec<String> {
    let expected = reason
        .rfind(", expected ")
        .map_or("", |index| &reason[index..]);
    let mut values = Vec::new();
    if reason.starts_with("unknown variant ")
        && let Some(first) = expected_names(reason).first()
    {
        values.push(format!("\"{first}\""));
    }
    let named = [
        ("string", "\"\""),
        ("path", "\"\""),
        ("sequence", "[]"),
        ("struct", "{}"),
        ("map", "{}"),
        ("object", "{}"),
        ("bool", "false"),
        ("integer", "0"),
        ("u8", "0"),
        ("u16", "0"),
        ("u32", "0"),
        ("u64", "0"),
        ("usize", "0"),
        ("f64", "0"),
    ];
    for (word, value) in named {
        if expected.contains(word) {
            values.push(value.to_string());
        }
    }
    for value in ["\"\"", "[]", "{}", "0", "false", "null"] {
        values.push(value.to_string());
    }
    let mut seen = Vec::new();
    values.retain(|value| {
        let new = !seen.contains(value);
        seen.push(value.clone());
        new
    });
    values
}

/// The byte offset of a 1-based line and column (serde counts columns in bytes).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(index, _)| index + 1);
    if line <= 1 {
        column
    } else {
        line_start + column
    }
    .min(text.len())
}

/// One open object or array while scanning.
enum Frame {
    /// An object and the key of the member being read, once its key is known.
    Object(Option<String>),
    /// An array and the index of the element being read.
    Array(usize),
}

/// The JSON path (`papers[3].authors[1].name`) of the value being read at `offset`: what serde
/// was deserializing when it stopped there. Empty at the top level.
pub fn json_path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut index = 0;
    while index < offset.min(bytes.len()) {
        match bytes[index] {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                Some(Frame::Array(position)) => *position += 1,
                None => {}
            },
            b'"' => {
                let end = string_end(bytes, index);
                if expecting_key && let Some(Frame::Object(key)) = stack.last_mut() {
                    let name = text
                        .get(index + 1..end.saturating_sub(1))
                        .unwrap_or_default();
                    *key = Some(name.to_string());
                    expecting_key = false;
                }
                index = end;
                continue;
            }
            _ => {}
        }
        index += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(position) => path.push_str(&format!("[{position}]")),
        }
    }
    path
}

/// The index just past the string starting with the quote at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut index = start + 1;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' => index += 2,
            b'"' => return index + 1,
            _ => index += 1,
        }
    }
    bytes.len()
}

/// serde_json appends " at line L column C" to its messages; the position is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_keys_and_indices() {
        let text = r#"{"a": [1, {"b": [true, "x"]}], "c": {"d": 2}}"#;
        assert_eq!(
            json_path_at(text, text.find("true").unwrap() + 4),
            "a[1].b[0]"
        );
        assert_eq!(
            json_path_at(text, text.find("\"x\"").unwrap() + 3),
            "a[1].b[1]"
        );
        assert_eq!(json_path_at(text, text.find('2').unwrap() + 1), "c.d");
        assert_eq!(json_path_at(text, text.len()), "");
    }

    #[test]
    fn strings_with_brackets_and_escapes_do_not_confuse_the_scan() {
        let text = r#"{"a\"[": {"b": "}]\\", "c": 1}}"#;
        assert_eq!(json_path_at(text, text.find('1').unwrap() + 1), r#"a\"[.c"#);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn never_panics_on_any_text_or_offset(text in "[\\{}\\[\\],:\"\\\\a-zé0-9 ]{0,40}", offset in 0usize..60) {
            let _ = json_path_at(&text, offset);
        }
    }
}

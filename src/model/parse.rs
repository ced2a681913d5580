//! Parsing the data file, with errors that point at the offending JSON path.

use super::schema::SiteFile;
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

/// Parses the text of a site data file. On failure the JSON path of the offending value is worked
/// out from serde's position by [`json_path_at`], which costs far less code than tracking the path
/// through every deserializer.
pub fn parse_site_file(text: &str) -> Result<SiteFile, ParseError> {
    parse_site_bytes(text.as_bytes())
}

/// Parses a site data file from its bytes, as fetched: skipping the conversion to a string saves
/// a copy of the whole file.
pub fn parse_site_bytes(bytes: &[u8]) -> Result<SiteFile, ParseError> {
    parse_json(bytes)
}

/// Parses JSON bytes into `T`, with the JSON path, line and column of the first problem.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ParseError> {
    serde_json::from_slice(bytes).map_err(|error| {
        let text = String::from_utf8_lossy(bytes);
        let path = json_path_at(&text, byte_offset(&text, error.line(), error.column()));
        ParseError {
            path,
            line: error.line(),
            column: error.column(),
            reason: strip_position(&error.to_string()),
        }
    })
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

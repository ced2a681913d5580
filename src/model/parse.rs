//! Parsing the data file, with errors that point at the offending JSON path.

use super::schema::SiteFile;
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

/// Parses the text of a site data file.
pub fn parse_site_file(text: &str) -> Result<SiteFile, ParseError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let file = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| ParseError::new(json_path(error.path()), error.inner()))?;
    deserializer
        .end()
        .map_err(|error| ParseError::new(String::new(), &error))?;
    Ok(file)
}

impl ParseError {
    fn new(path: String, error: &serde_json::Error) -> Self {
        Self {
            path,
            line: error.line(),
            column: error.column(),
            reason: strip_position(&error.to_string()),
        }
    }
}

/// Renders a serde path as `a.b[2].c`, or an empty string for the document root.
fn json_path(path: &serde_path_to_error::Path) -> String {
    let rendered = path.to_string();
    if rendered == "." {
        String::new()
    } else {
        rendered
    }
}

/// serde_json appends " at line L column C" to its messages; the position is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_string(),
        None => message.to_string(),
    }
}

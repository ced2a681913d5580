//! Reading BibTeX files into papers, so a site can use the `.bib` file its owner already keeps
//! (the `papers.bib` of an al-folio site, say) without a conversion step.
//!
//! Hand-written rather than the `biblatex` crate, which would cost about a quarter of the wasm
//! budget. The reader follows BibTeX: text outside entries is a comment, `@string` macros and `#`
//! concatenation are expanded, entry types and field names ignore case. A bad entry is reported
//! with its line and skipped; reading resumes at the next line that starts with `@`, which also
//! bounds how far an unclosed brace can reach. Every byte is scanned a bounded number of times.
//!
//! Choices where BibTeX leaves room:
//! - `and others` is dropped from the authors and the note says "further authors not listed",
//!   so no author page is made for "others" and the list is not passed off as complete.
//! - A field given twice in one entry keeps its first value; the second is reported.
//! - A link field of several URLs separated by spaces gives a link for each; a site path keeps
//!   its spaces and other scripts percent-encoded; an HTML link (`<a href="…">`) in a link field
//!   or `doi` gives its address.
//! - A field using an undefined macro is reported and left out, as if absent.
//! - An invalid DOI, arXiv id, link URL, month or day is reported and left out; the paper loads.
//! - `\{`, `\}` and `\"` never open, close or end a value, even inside quotes.
//! - `%` starts a comment between entries and between fields, never inside a value.
//! - An `@article` whose journal is arXiv or CoRR (as Google Scholar exports preprints) is a
//!   preprint, as are `@preprint` entries and `@misc`, `@unpublished` and `@online` entries with
//!   an arXiv identifier.
//! - Two entries whose keys give the same id: the second is reported and skipped, whether the keys
//!   are equal or only alike (`Lee:2025` and `lee-2025`).
//! - Problems with what an entry says (no title, a bad DOI) carry the line where it starts;
//!   problems met while reading it (syntax, undefined macros, repeated fields) their own line.

use super::date::{MONTH_NAMES, PartialDate};
use super::schema::{Author, Link, LinkKind, Paper, PaperKind};
use super::validate::{is_arxiv_id, is_doi, is_web_url};
use super::{fold, latex, names};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// A problem with one entry (or the file), with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BibProblem {
    /// 1-based line where the entry starts, or where the error is.
    pub line: usize,
    /// The citation key of the entry concerned, when it could be read.
    pub key: Option<String>,
    /// What is wrong.
    pub message: String,
    /// Whether the entry was left out for it (otherwise only a field was).
    pub skipped: bool,
}

impl fmt::Display for BibProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            Some(key) => write!(f, "line {} ({key}): {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// What a .bib file yields: the papers that could be read, and a problem per entry that could not.
#[derive(Debug, Clone, Default)]
pub struct BibImport {
    /// The entries that became valid papers, in file order.
    pub papers: Vec<Paper>,
    /// The line each paper's entry starts on, by paper.
    pub lines: Vec<usize>,
    /// Everything reported, entry by entry in file order.
    pub problems: Vec<BibProblem>,
}

/// Parses a .bib file's text. Never panics; a bad entry is reported and skipped, the rest load.
pub fn parse_bib(text: &str) -> BibImport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        text,
        pos: 0,
        end: 0,
        line_starts: std::iter::once(0)
            .chain(text.match_indices('\n').map(|(index, _)| index + 1))
            .collect(),
        macros: HashMap::new(),
        problems: Vec::new(),
        key: None,
        entry_start: 0,
        close: b'}',
    };
    let mut papers = Vec::new();
    let mut lines = Vec::new();
    let mut ids: HashMap<String, (String, usize)> = HashMap::new();
    while let Some(entry) = reader.next_entry() {
        let problems = &mut reader.problems;
        let Some(paper) = paper(&entry, problems) else {
            continue;
        };
        if let Some((first, line)) = ids.get(&paper.id) {
            let message = if first.eq_ignore_ascii_case(&entry.key) {
                format!("duplicate key, first defined on line {line}")
            } else {
                format!("id \"{}\" is taken by {first} on line {line}", paper.id)
            };
            problems.push(BibProblem {
                skipped: true,
                ..entry.problem(message)
            });
        } else {
            ids.insert(paper.id.clone(), (entry.key, entry.line));
            lines.push(entry.line);
            papers.push(paper);
        }
    }
    BibImport {
        papers,
        lines,
        problems: reader.problems,
    }
}

/// A regular entry as read: lower-case type and field names, values with macros expanded and
/// whitespace collapsed, LaTeX still in them.
struct Entry {
    kind: String,
    key: String,
    line: usize,
    fields: Vec<(String, String)>,
}

impl Entry {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, value)| field == name && !value.is_empty())
            .map(|(_, value)| value.as_str())
    }

    fn problem(&self, message: String) -> BibProblem {
        BibProblem {
            line: self.line,
            key: Some(self.key.clone()),
            message,
            skipped: false,
        }
    }
}

/// A syntax error: where it is and what it is. The entry it is in is skipped.
struct Fail {
    at: usize,
    message: String,
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// Where the current entry must end at the latest: the next line starting with `@`, or the
    /// end of the text. Scans inside an entry stop here, so an unclosed brace cannot swallow the
    /// entries after it.
    end: usize,
    line_starts: Vec<usize>,
    macros: HashMap<String, String>,
    problems: Vec<BibProblem>,
    /// The key of the entry being read, for problems found while reading it.
    key: Option<String>,
    entry_start: usize,
    /// The byte closing the current entry: `}` or `)`.
    close: u8,
}

impl<'a> Reader<'a> {
    /// Reads up to the next regular entry, handling `@string`, `@comment`, `@preamble` and errors
    /// on the way.
    fn next_entry(&mut self) -> Option<Entry> {
        let bytes = self.text.as_bytes();
        while let Some(&byte) = bytes.get(self.pos) {
            match byte {
                b'%' => {
                    let line_end = self.text[self.pos..].find('\n');
                    self.pos = line_end.map_or(bytes.len(), |offset| self.pos + offset);
                }
                b'@' => {
                    let start = self.pos;
                    // Entries between two lines starting with `@` share the limit; recomputing it
                    // only past it keeps the scan linear.
                    if self.end <= start {
                        self.end = self.find_end(start + 1);
                    }
                    self.pos += 1;
                    match self.entry(start) {
                        Ok(Some(entry)) => return Some(entry),
                        Ok(None) => {}
                        Err(fail) => {
                            self.problem(fail.at, fail.message);
                            // A syntax error abandons the whole entry.
                            if let Some(problem) = self.problems.last_mut() {
                                problem.skipped = true;
                            }
                            self.pos = self.end;
                        }
                    }
                }
                _ => self.pos += 1,
            }
        }
        None
    }

    /// The position of the first `@` that starts a line (after blanks) at or after `from`.
    fn find_end(&self, from: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut index = from;
        while let Some(offset) = bytes[index..].iter().position(|&b| b == b'\n') {
            index += offset + 1;
            while matches!(bytes.get(index), Some(b' ' | b'\t')) {
                index += 1;
            }
            if bytes.get(index) == Some(&b'@') {
                return index;
            }
        }
        bytes.len()
    }

    /// Reads the entry whose `@` is at `start`; `None` for non-entries and special entries.
    fn entry(&mut self, start: usize) -> Result<Option<Entry>, Fail> {
        self.key = None;
        self.entry_start = start;
        self.skip_space();
        let kind = self.name().to_ascii_lowercase();
        self.skip_space();
        self.close = match self.byte() {
            Some(b'{') if !kind.is_empty() => b'}',
            Some(b'(') if !kind.is_empty() => b')',
            // An `@` in running text is part of the comment, as in BibTeX; at the start of a line
            // it was surely meant as an entry (`@comment` alone on a line is BibTeX's comment).
            _ if kind == "comment" || !self.is_line_start(start) => {
                self.pos = start + 1;
                return Ok(None);
            }
            _ => return Err(fail(start, format!("expected `{{` after `@{kind}`"))),
        };
        self.pos += 1;
        match kind.as_str() {
            "comment" | "preamble" => {
                self.delimited(self.close)?;
                return Ok(None);
            }
            "string" => {
                self.fields(true)?;
                return Ok(None);
            }
            _ => {}
        }
        self.skip_space();
        let key = self.name();
        self.skip_space();
        let after = self.peek()?;
        if key.is_empty() || after == b'=' {
            return Err(fail(start, "missing key".into()));
        }
        self.key = Some(key.to_string());
        if after == b',' {
            self.pos += 1;
        } else if after != self.close {
            return Err(fail(self.pos, "missing `,` after the key".into()));
        }
        Ok(Some(Entry {
            kind,
            key: key.to_string(),
            line: self.line(start),
            fields: self.fields(false)?,
        }))
    }

    /// Reads `name = value` pairs up to the closing delimiter; for `@string`, defines macros.
    fn fields(&mut self, define_macros: bool) -> Result<Vec<(String, String)>, Fail> {
        let mut fields: Vec<(String, String)> = Vec::new();
        loop {
            self.skip_space();
            let at = self.pos;
            let next = self.peek()?;
            if next == self.close {
                self.pos += 1;
                return Ok(fields);
            }
            let name = self.name().to_ascii_lowercase();
            if name.is_empty() {
                let found = char::from(next);
                return Err(fail(at, format!("expected a field name, found `{found}`")));
            }
            self.skip_space();
            if self.peek()? != b'=' {
                return Err(fail(at, format!("missing `=` after field `{name}`")));
            }
            self.pos += 1;
            let value = self.value(&name)?;
            self.skip_space();
            match self.peek()? {
                b',' => self.pos += 1,
                next if next == self.close => {}
                _ => return Err(fail(self.pos, format!("missing `,` after field `{name}`"))),
            }
            let Some(value) = value else { continue };
            if define_macros {
                self.macros.insert(name, value);
            } else if fields.iter().any(|(field, _)| *field == name) {
                self.problem(at, format!("duplicate field `{name}`: the first is kept"));
            } else {
                fields.push((name, value));
            }
        }
    }

    /// Reads a value: braced or quoted strings, numbers and macros joined by `#`. `None` when it
    /// uses an undefined macro (reported).
    fn value(&mut self, field: &str) -> Result<Option<String>, Fail> {
        let mut value = String::new();
        let mut defined = true;
        loop {
            self.skip_space();
            let at = self.pos;
            match self.peek()? {
                open @ (b'{' | b'"') => {
                    self.pos += 1;
                    let close = if open == b'"' { b'"' } else { b'}' };
                    value.push_str(self.delimited(close).map_err(|error| match open {
                        b'"' => fail(at, format!("unterminated quoted value in field `{field}`")),
                        _ => error,
                    })?);
                }
                next if is_name_byte(next) => {
                    let name = self.name();
                    if next.is_ascii_digit() {
                        value.push_str(name);
                    } else if let Some(text) = self.macro_value(name) {
                        value.push_str(&text);
                    } else {
                        let message = format!(
                            "undefined macro `{name}` in field `{field}`: the field is left out"
                        );
                        self.problem(at, message);
                        defined = false;
                    }
                }
                next => {
                    let found = char::from(next);
                    return Err(fail(
                        at,
                        format!("expected a value for field `{field}`, found `{found}`"),
                    ));
                }
            }
            self.skip_space();
            if self.peek()? != b'#' {
                return Ok(defined.then(|| collapse(&value)));
            }
            self.pos += 1;
        }
    }

    /// A macro's text: the file's own `@string`s first, then BibTeX's month names (`jul`).
    fn macro_value(&self, name: &str) -> Option<String> {
        let name = name.to_ascii_lowercase();
        self.macros.get(&name).cloned().or_else(|| {
            MONTH_NAMES
                .iter()
                .find(|month| name.len() == 3 && month[..3].eq_ignore_ascii_case(&name))
                .map(|month| month.to_string())
        })
    }

    /// Reads up to `close` at brace depth zero, starting just after the opening delimiter, and
    /// returns what is between. A backslash escapes the byte after it.
    fn delimited(&mut self, close: u8) -> Result<&'a str, Fail> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut depth = 0usize;
        let mut index = start;
        while index < self.end {
            match bytes[index] {
                b'\\' => index += 1,
                byte if byte == close && depth == 0 => {
                    self.pos = index + 1;
                    return Ok(&self.text[start..index]);
                }
                b'{' => depth += 1,
                b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            index += 1;
        }
        Err(self.unterminated())
    }

    /// The error for an entry that reaches its limit before its closing delimiter.
    fn unterminated(&self) -> Fail {
        let what = if self.close == b')' {
            "parenthesis"
        } else {
            "brace"
        };
        let message = if self.end < self.text.len() {
            let line = self.line(self.end);
            format!("missing closing {what} (the entry runs into line {line})")
        } else {
            format!("missing closing {what} (the file ends first)")
        };
        fail(self.entry_start, message)
    }

    fn byte(&self) -> Option<u8> {
        (self.pos < self.end).then(|| self.text.as_bytes()[self.pos])
    }

    /// The next byte of the entry; running out of entry is an error.
    fn peek(&self) -> Result<u8, Fail> {
        self.byte().ok_or_else(|| self.unterminated())
    }

    /// Skips whitespace and `%` comments.
    fn skip_space(&mut self) {
        while let Some(byte) = self.byte() {
            if byte == b'%' {
                while self.byte().is_some_and(|byte| byte != b'\n') {
                    self.pos += 1;
                }
            } else if byte.is_ascii_whitespace() {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    /// Reads a type, key, field or macro name (possibly empty).
    fn name(&mut self) -> &'a str {
        let start = self.pos;
        while self.byte().is_some_and(is_name_byte) {
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    fn is_line_start(&self, index: usize) -> bool {
        self.text[..index]
            .bytes()
            .rev()
            .find(|byte| !matches!(byte, b' ' | b'\t'))
            .is_none_or(|byte| byte == b'\n')
    }

    fn line(&self, index: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= index)
    }

    fn problem(&mut self, at: usize, message: String) {
        self.problems.push(BibProblem {
            line: self.line(at),
            key: self.key.clone(),
            message,
            skipped: false,
        });
    }
}

fn fail(at: usize, message: String) -> Fail {
    Fail { at, message }
}

/// Bytes of names and keys: anything printable but BibTeX's punctuation (`Lee2025:distill_x`).
fn is_name_byte(byte: u8) -> bool {
    byte > b' ' && !b"\"#%(),={}@".contains(&byte)
}

/// Turns an entry into a paper, reporting what is wrong with it; `None` when it cannot be one.
fn paper(entry: &Entry, problems: &mut Vec<BibProblem>) -> Option<Paper> {
    let mut report = |message: String| problems.push(entry.problem(message));
    let id = slug(&entry.key);
    let title = entry.get("title").map(text).unwrap_or_default();
    // An edited volume has editors in place of authors.
    let people = entry.get("author").or(entry.get("editor"));
    let (authors, others) = people.map(authors).unwrap_or_default();
    let date = date(entry, &mut report);
    let fatal: Vec<String> = [
        id.is_empty()
            .then(|| "the key has no letters or digits to make an id from".into()),
        title.is_empty().then(|| "missing title".into()),
        authors.is_empty().then(|| "missing author".into()),
        date.as_ref().err().cloned(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let (Ok(date), true) = (date, fatal.is_empty()) else {
        let count = fatal.len();
        fatal.into_iter().for_each(report);
        let total = problems.len();
        for problem in &mut problems[total - count..] {
            problem.skipped = true;
        }
        return None;
    };

    let arxiv_prefix = entry.get("archiveprefix").or(entry.get("eprinttype"));
    let eprint_is_arxiv = arxiv_prefix.is_none_or(|prefix| prefix.eq_ignore_ascii_case("arxiv"));
    let eprint = entry.get("eprint").filter(|_| eprint_is_arxiv);
    let arxiv_venue = ["journal", "journaltitle", "howpublished"]
        .iter()
        .filter_map(|field| entry.get(field))
        .find(|venue| is_arxiv_venue(venue));
    let declared = arxiv_prefix.is_some() && eprint_is_arxiv;
    let arxiv = arxiv_id(
        entry.get("arxiv"),
        eprint,
        declared,
        arxiv_venue,
        &mut report,
    );
    let arxiv_signal =
        declared || arxiv.is_some() || entry.get("arxiv").is_some() || arxiv_venue.is_some();
    // `howpublished = {Preprint}` is how Vita (and many hand-written files) mark other preprints.
    let preprint_note = ["howpublished", "note"]
        .iter()
        .filter_map(|field| entry.get(field))
        .any(|value| text(value).eq_ignore_ascii_case("preprint"));

    let booktitle = entry.get("booktitle").unwrap_or_default();
    let kind = match entry.kind.as_str() {
        "article" if arxiv_venue.is_some() => PaperKind::Preprint,
        "article" => PaperKind::Journal,
        "inproceedings" | "conference" if booktitle.to_lowercase().contains("workshop") => {
            PaperKind::Workshop
        }
        "inproceedings" | "conference" => PaperKind::Conference,
        "phdthesis" | "mastersthesis" | "thesis" => PaperKind::Thesis,
        "book" => PaperKind::Book,
        "incollection" | "inbook" => PaperKind::Chapter,
        "techreport" | "report" => PaperKind::Report,
        "preprint" => PaperKind::Preprint,
        "unpublished" | "misc" | "online" if arxiv_signal || preprint_note => PaperKind::Preprint,
        _ => PaperKind::Other,
    };
    let venue_fields: &[&str] = match kind {
        PaperKind::Journal => &["journal", "journaltitle"],
        PaperKind::Conference | PaperKind::Workshop | PaperKind::Chapter => &["booktitle"],
        PaperKind::Report => &["institution"],
        PaperKind::Thesis | PaperKind::Book => &[],
        PaperKind::Preprint if arxiv_signal || preprint_note => &[],
        _ => &["journal", "journaltitle", "booktitle", "howpublished"],
    };
    let publisher_fields: &[&str] = match kind {
        PaperKind::Thesis => &["school", "institution", "publisher"],
        _ => &["publisher"],
    };
    // Neither arXiv nor a bare URL (`howpublished = {\url{…}}`) names a venue.
    let first = |fields: &[&str]| {
        fields
            .iter()
            .filter_map(|field| entry.get(field).map(text))
            .find(|value| !is_arxiv_venue(value) && !is_web_url(value))
    };

    let doi = entry.get("doi").map(verbatim).and_then(|raw| {
        let doi = bare_doi(href_of(&raw));
        let valid = is_doi(doi);
        if !valid {
            report(format!("\"{raw}\" is not a DOI: left out"));
        }
        valid.then(|| doi.to_string())
    });
    let mut links = Vec::new();
    if let Some(arxiv) = &arxiv {
        links.push(link(
            LinkKind::Arxiv,
            format!("https://arxiv.org/abs/{arxiv}"),
        ));
    }
    if let Some(doi) = &doi {
        links.push(link(LinkKind::Doi, format!("https://doi.org/{doi}")));
    }
    for &(field, kind, asset) in LINK_FIELDS {
        let Some(raw) = entry.get(field).map(verbatim) else {
            continue;
        };
        for url in field_urls(&raw, asset) {
            let kind = match kind {
                LinkKind::Html if field == "url" && url.to_ascii_lowercase().ends_with(".pdf") => {
                    LinkKind::Pdf
                }
                kind => kind,
            };
            if !is_web_url(&url) && !is_site_path(&url) {
                report(format!(
                    "\"{url}\" in field `{field}` is not an http(s) URL or a site path: left out"
                ));
            } else if links.iter().all(|known: &Link| known.url != url) {
                let mut new = link(kind, url);
                if field == "supp" {
                    new.label = Some("Supplementary".into());
                }
                links.push(new);
            }
        }
    }

    let note = entry.get("note").map(text);
    let note = match (note, others) {
        (Some(note), true) => Some(format!("{note}; further authors not listed")),
        (None, true) => Some("Further authors not listed".into()),
        (note, false) => note,
    };
    Some(Paper {
        id,
        title,
        authors,
        date,
        status: Some(kind.default_status()),
        kind,
        venue: first(venue_fields),
        venue_short: entry.get("abbr").map(text),
        volume: entry.get("volume").map(text),
        issue: entry.get("number").or(entry.get("issue")).map(text),
        pages: entry.get("pages").map(verbatim),
        publisher: first(publisher_fields),
        summary: entry.get("abstract").map(text).unwrap_or_default(),
        links,
        tags: entry
            .get("keywords")
            .map(|keywords| {
                keywords
                    .split([',', ';'])
                    .map(text)
                    .filter(|tag| !tag.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        doi,
        arxiv,
        awards: entry
            .get("award_name")
            .or(entry.get("award"))
            .map(text)
            .map(|awards| awards.split("; ").map(str::to_string).collect())
            .unwrap_or_default(),
        note,
        selected: entry.get("selected").is_some_and(|value| {
            ["true", "yes", "1"].contains(&verbatim(value).to_ascii_lowercase().as_str())
        }),
    })
}

/// Link fields in the order their links are listed: the field, the link kind, and whether al-folio
/// resolves a bare file name in its `assets/pdf/` folder.
const LINK_FIELDS: &[(&str, LinkKind, bool)] = &[
    ("url", LinkKind::Html, false),
    ("html", LinkKind::Html, false),
    ("pdf", LinkKind::Pdf, true),
    ("supp", LinkKind::Other, true),
    ("blog", LinkKind::Post, false),
    ("code", LinkKind::Code, false),
    ("poster", LinkKind::Poster, true),
    ("slides", LinkKind::Slides, true),
    ("website", LinkKind::Website, false),
    ("video", LinkKind::Video, false),
];

fn link(kind: LinkKind, url: String) -> Link {
    Link {
        kind,
        url,
        label: None,
    }
}

/// The arXiv identifier from al-folio's `arxiv` field, an arXiv `eprint`, or a venue such as
/// "arXiv preprint arXiv:2506.06278". Only an id the file states to be arXiv's is reported when
/// malformed: a bare `eprint` may belong to another archive.
fn arxiv_id(
    field: Option<&str>,
    eprint: Option<&str>,
    declared: bool,
    venue: Option<&str>,
    report: &mut impl FnMut(String),
) -> Option<String> {
    let from_venue = venue.and_then(|venue| {
        let lower = venue.to_ascii_lowercase();
        let start = lower.find("arxiv:")? + "arxiv:".len();
        venue[start..]
            .split(|c: char| c.is_whitespace() || c == ',')
            .next()
    });
    let candidates = [(field, true), (eprint, declared), (from_venue, false)];
    for (raw, stated) in candidates {
        let Some(raw) = raw.map(verbatim) else {
            continue;
        };
        let id = strip_prefix(
            &raw,
            &["arxiv:", "https://arxiv.org/abs/", "http://arxiv.org/abs/"],
        );
        if is_arxiv_id(id) {
            return Some(id.to_string());
        }
        if stated {
            report(format!("\"{raw}\" is not an arXiv identifier: left out"));
        }
    }
    None
}

/// The date from biblatex's `date`, or from `year`, `month` and `day`.
fn date(entry: &Entry, report: &mut impl FnMut(String)) -> Result<String, String> {
    let full = entry.get("date").map(verbatim);
    if let Some(date) = full.as_deref().and_then(|date| date.split('/').next())
        && PartialDate::parse(date).is_ok()
    {
        return Ok(date.to_string());
    }
    let year = match (entry.get("year").map(verbatim), full) {
        (Some(year), _) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => year,
        (Some(year), _) => return Err(format!("invalid year \"{year}\"")),
        (None, Some(date)) => return Err(format!("invalid date \"{date}\"")),
        (None, None) => return Err("missing year".into()),
    };
    let Some(month) = entry.get("month").map(text) else {
        return Ok(year);
    };
    let Some(number) = month_number(&month) else {
        report(format!("invalid month \"{month}\": left out"));
        return Ok(year);
    };
    let with_month = format!("{year}-{number:02}");
    let Some(day) = entry.get("day").map(verbatim) else {
        return Ok(with_month);
    };
    let with_day = format!("{with_month}-{day:0>2}");
    if PartialDate::parse(&with_day).is_ok() {
        Ok(with_day)
    } else {
        report(format!("invalid day \"{day}\": left out"));
        Ok(with_month)
    }
}

/// The month of `7`, `07`, `Jul`, `jul.`, `July` or `Sept`.
fn month_number(month: &str) -> Option<u8> {
    let month = month.trim_end_matches('.').to_lowercase();
    if let Ok(number) = month.parse::<u8>() {
        return (1..=12).contains(&number).then_some(number);
    }
    let index = MONTH_NAMES
        .iter()
        .position(|name| month.len() >= 3 && name.to_lowercase().starts_with(&month))?;
    u8::try_from(index + 1).ok()
}

/// The authors in display form ("First Last"), and whether the list ended in `and others`.
fn authors(value: &str) -> (Vec<Author>, bool) {
    let mut authors = Vec::new();
    let mut others = false;
    for name in split_and(value) {
        let name = name.trim();
        if name.eq_ignore_ascii_case("others") {
            others = true;
            continue;
        }
        // A wholly braced name (`{Barnes and Noble}`) is a corporate name: never reordered.
        let display = if is_wholly_braced(name) {
            text(name)
        } else {
            names::display_name(name)
        };
        if !display.is_empty() {
            authors.push(Author::named(display));
        }
    }
    (authors, others)
}

/// Splits a name list on ` and ` (any case) outside braces.
fn split_and(value: &str) -> Vec<&str> {
    let bytes = value.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut start, mut index) = (0usize, 0, 0);
    while index < bytes.len() {
        match bytes[index] {
            b'\\' => index += 1,
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b' ' if depth == 0
                && bytes
                    .get(index + 1..index + 5)
                    .is_some_and(|word| word.eq_ignore_ascii_case(b"and ")) =>
            {
                parts.push(&value[start..index]);
                start = index + 5;
                index += 4;
            }
            _ => {}
        }
        index += 1;
    }
    parts.push(value.get(start..).unwrap_or_default());
    parts
}

fn is_wholly_braced(name: &str) -> bool {
    let mut depth = 0usize;
    for (index, byte) in name.bytes().enumerate() {
        match byte {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return index + 1 == name.len() && name.starts_with('{');
                }
            }
            _ if depth == 0 => return false,
            _ => {}
        }
    }
    false
}

/// The citation key as a URL slug: `Lee2025:distill_x` gives `lee2025-distill-x`.
pub(crate) fn slug(key: &str) -> String {
    let mut slug = String::with_capacity(key.len());
    for c in fold::fold(key).chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The id of a record without a citation key (RIS, CSL-JSON): the first author's family name,
/// the year and the title's first word of more than three letters (`lee2025distillation`).
pub(crate) fn made_id(author: &str, year: i32, title: &str) -> String {
    let family = names::parse(author).family.replace(' ', "");
    let word = title
        .split_whitespace()
        .map(|word| names::key_of_display(word).replace('-', ""))
        .find(|word| word.len() > 3)
        .unwrap_or_default();
    slug(&format!("{family}{year}{word}"))
}

/// The ids a reader has given its papers, to give each new one a free id.
#[derive(Default)]
pub(crate) struct FreeIds {
    taken: HashSet<String>,
    /// The next number to try after each base, so that many papers with one base cost no more
    /// than as many tries.
    next: HashMap<String, usize>,
}

impl FreeIds {
    /// `base`, or `base-2`, `base-3`… when it is taken: the first that is free, now taken.
    pub(crate) fn claim(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let count = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{count}");
            *count += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// A DOI as exports write it, bare, as a resolver address or with a `doi:` prefix: the DOI alone.
pub(crate) fn bare_doi(raw: &str) -> &str {
    strip_prefix(
        raw,
        &[
            "https://doi.org/",
            "http://doi.org/",
            "https://dx.doi.org/",
            "http://dx.doi.org/",
            "doi:",
        ],
    )
    .trim()
}

/// The arXiv identifier a DOI of the arXiv names (`10.48550/arXiv.2506.06278`).
pub(crate) fn arxiv_of_doi(doi: &str) -> Option<&str> {
    let id = strip_prefix(doi, &["10.48550/arxiv."]);
    (id.len() < doi.len() && is_arxiv_id(id)).then_some(id)
}

/// A page range as the data writes it: `101--118` for `101-118` or `101–118`.
pub(crate) fn dashed_range(pages: &str) -> String {
    pages.replace(['-', '–'], "--").replace("----", "--")
}

/// Decoded text: LaTeX to Unicode, whitespace collapsed.
fn text(value: &str) -> String {
    collapse(&latex::decode(value))
}

/// A value meant literally (URLs, identifiers, pages): braces dropped, `\_` and the like unescaped,
/// so `--` and `~` stay as written.
fn verbatim(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '\\' => out.extend(chars.next()),
            _ => out.push(c),
        }
    }
    collapse(&out)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `value` without the first of `prefixes` it starts with, compared ignoring ASCII case.
pub(crate) fn strip_prefix<'t>(value: &'t str, prefixes: &[&str]) -> &'t str {
    prefixes
        .iter()
        .find_map(|prefix| {
            value
                .get(..prefix.len())
                .filter(|head| head.eq_ignore_ascii_case(prefix))
                .map(|_| &value[prefix.len()..])
        })
        .unwrap_or(value)
}

/// Whether a venue names arXiv (or CoRR, DBLP's name for it): a preprint's, not a venue.
pub(crate) fn is_arxiv_venue(venue: &str) -> bool {
    let lower = venue.to_ascii_lowercase();
    lower.starts_with("arxiv") || lower == "corr"
}

/// A path relative to the site root (`assets/pdf/paper.pdf`): no leading `/`, no scheme.
/// The address of an HTML link (`<a href="…">…</a>`, as some exports write URLs and DOIs), or
/// the text as it is.
fn href_of(value: &str) -> &str {
    let lower = value.to_ascii_lowercase();
    let Some(start) = lower.find("href=") else {
        return value;
    };
    let rest = &value[start + "href=".len()..];
    let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
        return value;
    };
    rest[1..]
        .split(quote)
        .next()
        .map(str::trim)
        .unwrap_or(value)
}

/// The addresses a link field holds: several URLs separated by spaces (as Mendeley and Zotero
/// write `url`), or one URL or site path, an HTML link's address taken. A site path (al-folio's
/// PDFs in `assets/pdf/` for `asset` fields) has its spaces and other characters that cannot
/// stand in an address percent-encoded (`Some Name - Title.pdf`).
fn field_urls(raw: &str, asset: bool) -> Vec<String> {
    let value = href_of(raw.trim());
    let parts: Vec<&str> = value.split_whitespace().collect();
    if parts.len() > 1 && parts.iter().all(|part| part.contains("://")) {
        return parts.into_iter().map(str::to_string).collect();
    }
    if value.contains("://") {
        return vec![value.to_string()];
    }
    // al-folio keeps these files in its `assets/pdf/` folder unless given a full URL.
    let path = if asset {
        format!("assets/pdf/{}", value.trim_start_matches('/'))
    } else {
        value.to_string()
    };
    vec![encode_path(&path)]
}

/// A site path with what cannot stand in an address percent-encoded; `%` escapes already there
/// are kept.
fn encode_path(path: &str) -> String {
    let mut encoded = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_ascii_alphanumeric() || "-._~/!$&'()*+,;=:@%".contains(c) {
            encoded.push(c);
        } else {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                encoded.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    encoded
}

fn is_site_path(url: &str) -> bool {
    !url.is_empty()
        && !url.starts_with('/')
        && !url.split('/').next().unwrap_or_default().contains(':')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::FreeIds;

    #[test]
    fn free_ids_number_the_papers_sharing_a_base_in_order_around_ids_already_taken() {
        let mut ids = FreeIds::default();
        assert_eq!(ids.claim("lee2024-3".into()), "lee2024-3");
        let claimed: Vec<String> = (0..4).map(|_| ids.claim("lee2024".into())).collect();
        assert_eq!(claimed, ["lee2024", "lee2024-2", "lee2024-4", "lee2024-5"]);
        assert_eq!(ids.claim("other".into()), "other");
    }
}

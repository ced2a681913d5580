//! Citation export, "export what you see": BibTeX, RIS, CSL-JSON and plain-text references for one
//! paper or for a filtered list of them.
//!
//! What every format must agree on is decided here once: citation keys (computed over all papers,
//! so a paper keeps its key whatever list it is exported in), which papers are cited as
//! preprints, the URL to cite, page ranges, and abstracts reduced to plain text.

pub mod bibtex;
pub mod csl;
pub mod ris;
pub mod text;

use super::date::PartialDate;
use super::fold::fold;
use super::names::{self, NameParts};
use super::schema::{LinkKind, Paper, PaperKind, PaperStatus};
use std::collections::{HashMap, HashSet};

/// What an export needs of one paper.
#[derive(Debug, Clone)]
pub struct Citable<'a> {
    /// The paper.
    pub paper: &'a Paper,
    /// Its citation key, from [`CitationKeys`].
    pub key: &'a str,
    /// Its publication date, parsed.
    pub date: PartialDate,
    /// Its effective status: the `status` field, else preprint for kind preprint, else published.
    pub status: PaperStatus,
    /// The paper's page on the site, absolute, when the site has a base URL.
    pub url: Option<String>,
}

/// Title words too common to name a paper by.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "on", "of", "for", "and", "in", "to", "with", "from", "using", "why", "do",
    "how", "what",
];

/// Citation keys for every paper of a site, stable and unique: computed over all papers at once
/// (by index), so a paper has the same key whether exported alone or in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationKeys {
    keys: Vec<String>,
}

impl CitationKeys {
    /// Keys like `lee2025distillation`: the first author's family name, the year and the first
    /// significant title word, folded to `[a-z0-9]`. Papers sharing a key all get a letter
    /// suffix (`…a`, `…b`) in index order. `dates` holds each paper's parsed date, by index.
    pub fn new(papers: &[Paper], dates: &[PartialDate]) -> Self {
        let bases: Vec<String> = papers
            .iter()
            .enumerate()
            .map(|(index, paper)| base_key(index, paper, dates.get(index)))
            .collect();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for base in &bases {
            *counts.entry(base).or_default() += 1;
        }
        // Unique keys are reserved first, so that no suffixed key can take one of them.
        let mut taken: HashSet<String> = bases
            .iter()
            .filter(|base| counts[base.as_str()] == 1)
            .cloned()
            .collect();
        let keys = bases
            .iter()
            .map(|base| {
                if counts[base.as_str()] == 1 {
                    return base.clone();
                }
                let mut number = 0;
                loop {
                    let key = format!("{base}{}", letters(number));
                    number += 1;
                    if taken.insert(key.clone()) {
                        break key;
                    }
                }
            })
            .collect();
        Self { keys }
    }

    /// Keys given, one per paper: those a larger corpus gave these papers.
    pub fn given(keys: Vec<String>) -> Self {
        Self { keys }
    }

    /// The key of the paper at this index of the list given to [`CitationKeys::new`].
    ///
    /// # Panics
    /// When the index is out of range, like slice indexing.
    pub fn key(&self, paper_index: usize) -> &str {
        &self.keys[paper_index]
    }
}

fn base_key(index: usize, paper: &Paper, date: Option<&PartialDate>) -> String {
    let family: String = paper
        .authors
        .first()
        .map(|author| fold(&names::split(&author.name).family))
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_lowercase)
        .collect();
    let mut key = if family.is_empty() {
        format!("paper{index}")
    } else {
        family
    };
    if let Some(date) = date {
        key.push_str(&date.year.unsigned_abs().to_string());
    }
    key.push_str(&title_word(&paper.title));
    key
}

/// The first title word that is not a stop word, folded; math is skipped.
fn title_word(title: &str) -> String {
    let mut folded = String::new();
    for piece in pieces(title) {
        if let Piece::Text(text) = piece {
            folded.push_str(&fold(text));
        }
        folded.push(' ');
    }
    // Apostrophes vanish rather than split ("Don't" gives `dont`).
    folded.retain(|c| c != '\'');
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|word| !word.is_empty() && !STOP_WORDS.contains(word))
        .unwrap_or_default()
        .to_string()
}

/// The `number`th collision suffix: `a` to `z`, then `aa`, `ab`…
fn letters(mut number: usize) -> String {
    let mut suffix = Vec::new();
    loop {
        suffix.push(b'a' + (number % 26) as u8);
        if number < 26 {
            break;
        }
        number = number / 26 - 1;
    }
    suffix.iter().rev().map(|&byte| char::from(byte)).collect()
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// BibTeX entries.
    Bibtex,
    /// RIS records, as reference managers import them.
    Ris,
    /// A CSL-JSON array, as citation processors (Pandoc, Zotero) read it.
    CslJson,
    /// APA-like references, one paragraph each.
    Apa,
    /// One line per paper, as in a CV.
    CvLine,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: [Self; 5] = [
        Self::Bibtex,
        Self::Ris,
        Self::CslJson,
        Self::Apa,
        Self::CvLine,
    ];

    /// A human label ("BibTeX").
    pub fn label(self) -> &'static str {
        match self {
            Self::Bibtex => "BibTeX",
            Self::Ris => "RIS",
            Self::CslJson => "CSL-JSON",
            Self::Apa => "APA",
            Self::CvLine => "CV line",
        }
    }

    /// The extension of a downloaded file, without the dot.
    pub fn file_extension(self) -> &'static str {
        match self {
            Self::Bibtex => "bib",
            Self::Ris => "ris",
            Self::CslJson => "json",
            Self::Apa | Self::CvLine => "txt",
        }
    }

    /// The media type of a downloaded file.
    pub fn mime_type(self) -> &'static str {
        match self {
            Self::Bibtex => "application/x-bibtex",
            Self::Ris => "application/x-research-info-systems",
            Self::CslJson => "application/vnd.citationstyles.csl+json",
            Self::Apa | Self::CvLine => "text/plain; charset=utf-8",
        }
    }
}

/// The entries in one format.
pub fn export(format: Format, entries: &[Citable<'_>]) -> String {
    match format {
        Format::Bibtex => bibtex::to_bibtex(entries),
        Format::Ris => ris::to_ris(entries),
        Format::CslJson => csl::to_csl_json(entries),
        Format::Apa => text::to_apa(entries),
        Format::CvLine => text::to_cv_line(entries),
    }
}

/// Whether a paper is cited as a preprint: kind preprint, or status preprint with no venue.
fn is_unpublished(entry: &Citable<'_>) -> bool {
    entry.paper.kind == PaperKind::Preprint
        || (entry.status == PaperStatus::Preprint && present(&entry.paper.venue).is_none())
}

/// The URL to cite: the paper's first absolute PDF or HTML link, else its page on the site, else
/// its arXiv page. Relative links are left out, since an export leaves the site.
fn cited_url(entry: &Citable<'_>) -> Option<String> {
    entry
        .paper
        .links
        .iter()
        .find(|link| {
            matches!(link.kind, LinkKind::Pdf | LinkKind::Html)
                && (link.url.starts_with("https://") || link.url.starts_with("http://"))
        })
        .map(|link| link.url.clone())
        .or_else(|| entry.url.clone())
        .or_else(|| present(&entry.paper.arxiv).map(arxiv_url))
}

/// An optional field's value, trimmed; `None` when it is absent or blank.
fn present(value: &Option<String>) -> Option<&str> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

fn arxiv_url(id: &str) -> String {
    format!("https://arxiv.org/abs/{id}")
}

/// The written name parts of each author, leaving out empty names.
fn author_names(paper: &Paper) -> Vec<NameParts> {
    paper
        .authors
        .iter()
        .map(|author| names::split(&author.name))
        .filter(|parts| !parts.family.is_empty())
        .collect()
}

/// Who issued a thesis or report: the publisher, else the venue.
fn institution(paper: &Paper) -> Option<&str> {
    present(&paper.publisher).or(present(&paper.venue))
}

/// Awards and the note, joined by `; `.
fn remarks(paper: &Paper) -> Option<String> {
    let remarks: Vec<&str> = paper
        .awards
        .iter()
        .map(String::as_str)
        .chain(present(&paper.note))
        .collect();
    (!remarks.is_empty()).then(|| remarks.join("; "))
}

/// The first and last page of `101--118`, `101–118` or `101-118`; a single page has no last.
fn page_range(pages: &str) -> (&str, Option<&str>) {
    let pages = pages.trim();
    let split = pages
        .split_once("--")
        .or_else(|| pages.split_once('–'))
        .or_else(|| {
            pages
                .split_once('-')
                .filter(|(_, last)| !last.contains('-'))
        });
    match split {
        Some((first, last)) => (first.trim(), Some(last.trim())),
        None => (pages, None),
    }
}

/// Text with its runs of whitespace turned into single spaces, as one-line fields need it.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A Markdown abstract as one line of plain text: emphasis and code marks dropped, links reduced
/// to their text, backslash escapes resolved, math kept as written.
fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for piece in pieces(markdown) {
        match piece {
            Piece::Math { written, .. } => out.push_str(written),
            Piece::Text(text) => strip_markdown(text, &mut out),
        }
    }
    one_line(&out)
}

fn strip_markdown(text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    let mut index = 0;
    while let Some(&c) = chars.get(index) {
        index += 1;
        let next = chars.get(index).copied();
        match c {
            '*' | '`' => {}
            // An underscore inside a word (`snake_case`) is not emphasis.
            '_' if !(index >= 2
                && chars[index - 2].is_alphanumeric()
                && next.is_some_and(char::is_alphanumeric)) => {}
            '\\' if next.is_some_and(|next| next.is_ascii_punctuation()) => {
                out.extend(next);
                index += 1;
            }
            '[' => match link_end(&chars, index) {
                Some((label_end, end)) => {
                    let label: String = chars[index..label_end].iter().collect();
                    strip_markdown(&label, out);
                    index = end;
                }
                None => out.push('['),
            },
            _ => out.push(c),
        }
    }
}

/// For a `[label](url)` whose label starts at `start`: the index of the `]` and the index after
/// the `)`.
fn link_end(chars: &[char], start: usize) -> Option<(usize, usize)> {
    let label_end = start + chars[start..].iter().position(|&c| c == ']')?;
    if chars.get(label_end + 1) != Some(&'(') {
        return None;
    }
    let url_end = label_end + 2 + chars[label_end + 2..].iter().position(|&c| c == ')')?;
    Some((label_end, url_end + 1))
}

/// A run of text or a math span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece<'a> {
    /// Text outside math.
    Text(&'a str),
    /// Math: `$…$`, `$$…$$`, `\(…\)` or `\[…\]`.
    Math {
        /// The span with its delimiters, as written.
        written: &'a str,
        /// The span without its delimiters.
        inner: &'a str,
        /// Display (`$$`, `\[`) rather than inline math.
        display: bool,
    },
}

/// Splits text into text and math, as the site's Markdown reads math. A `$` opens math only when
/// followed by a non-space and closed by a `$` that follows a non-space, so that prices
/// ("$5 and $6") stay text; a backslash escapes the character after it.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let (mut start, mut index) = (0, 0);
    while index < bytes.len() {
        let next = bytes.get(index + 1).copied();
        let math = match (bytes[index], next) {
            (b'\\', Some(b'(')) => closing(bytes, index + 2, b"\\)").map(|end| (2, end, false)),
            (b'\\', Some(b'[')) => closing(bytes, index + 2, b"\\]").map(|end| (2, end, true)),
            (b'$', Some(b'$')) => closing(bytes, index + 2, b"$$").map(|end| (2, end, true)),
            (b'$', Some(next)) if !next.is_ascii_whitespace() => closing(bytes, index + 1, b"$")
                .filter(|&end| !bytes[end - 1].is_ascii_whitespace())
                .map(|end| (1, end, false)),
            _ => None,
        };
        match math {
            Some((delimiter, end, display)) => {
                if start < index {
                    pieces.push(Piece::Text(&text[start..index]));
                }
                pieces.push(Piece::Math {
                    written: &text[index..end + delimiter],
                    inner: &text[index + delimiter..end],
                    display,
                });
                index = end + delimiter;
                start = index;
            }
            None if bytes[index] == b'\\' => index += 2,
            None => index += 1,
        }
    }
    if start < text.len() {
        pieces.push(Piece::Text(&text[start..]));
    }
    pieces
}

/// The index of the first `delimiter` at or after `from` that no backslash escapes.
fn closing(bytes: &[u8], from: usize, delimiter: &[u8]) -> Option<usize> {
    let mut index = from;
    while index < bytes.len() {
        if bytes[index..].starts_with(delimiter) {
            return Some(index);
        }
        index += if bytes[index] == b'\\' { 2 } else { 1 };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_find_each_math_delimiter() {
        let math = |text| -> Vec<&str> {
            pieces(text)
                .into_iter()
                .filter_map(|piece| match piece {
                    Piece::Math { inner, .. } => Some(inner),
                    Piece::Text(_) => None,
                })
                .collect()
        };
        assert_eq!(
            math(r"a $n$-gram and \( x \) or $$y$$ \[z\]"),
            ["n", " x ", "y", "z"]
        );
        assert_eq!(math("costs $5 and $6"), Vec::<&str>::new());
        assert_eq!(math(r"\$x\$ and $a\$b$"), [r"a\$b"]);
        assert_eq!(math(r"\( a \\) b \)"), [r" a \\) b "]);
        assert_eq!(math("open $x"), Vec::<&str>::new());
    }

    #[test]
    fn plain_text_drops_markdown_but_keeps_math() {
        assert_eq!(
            plain_text(
                "An *important* `result`, see [the post](https://x.org).\n\nSecond _one_ in snake_case: \\( X_n \\) and $a*b$."
            ),
            r"An important result, see the post. Second one in snake_case: \( X_n \) and $a*b$."
        );
        assert_eq!(plain_text(r"50\% \*literal\*"), r"50% *literal*");
    }

    #[test]
    fn collision_suffixes_run_past_z() {
        assert_eq!(letters(0), "a");
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "aa");
        assert_eq!(letters(27), "ab");
    }

    #[test]
    fn page_ranges_accept_every_dash() {
        for pages in ["101--118", "101–118", "101-118", " 101 -- 118 "] {
            assert_eq!(page_range(pages), ("101", Some("118")), "{pages}");
        }
        assert_eq!(page_range("e1234"), ("e1234", None));
        assert_eq!(page_range("A-1--A-5"), ("A-1", Some("A-5")));
    }
}

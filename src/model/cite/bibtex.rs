//! BibTeX export. Values are written so that [`latex::decode`](crate::model::latex::decode) and
//! BibTeX readers get the text back: LaTeX specials escaped, accented letters as accent commands,
//! math kept verbatim as `$…$`, and title words with inner capitals braced so styles keep them.

use super::{
    Citable, Piece, author_names, cited_url, institution, is_unpublished, one_line, page_range,
    pieces, plain_text, present,
};
use crate::model::fold::decompose;
use crate::model::names::NameParts;
use crate::model::schema::PaperKind;

/// BibTeX's month macros, written bare (`month = jul`).
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Combining marks and the LaTeX accent command for each.
const ACCENTS: &[(char, &str)] = &[
    ('\u{300}', "`"),
    ('\u{301}', "'"),
    ('\u{302}', "^"),
    ('\u{303}', "~"),
    ('\u{304}', "="),
    ('\u{306}', "u"),
    ('\u{307}', "."),
    ('\u{308}', "\""),
    ('\u{30a}', "r"),
    ('\u{30b}', "H"),
    ('\u{30c}', "v"),
    ('\u{323}', "d"),
    ('\u{327}', "c"),
    ('\u{328}', "k"),
    ('\u{331}', "b"),
];

/// Letters LaTeX writes as commands of their own.
const LETTERS: &[(char, &str)] = &[
    ('ß', "ss"),
    ('ø', "o"),
    ('Ø', "O"),
    ('æ', "ae"),
    ('Æ', "AE"),
    ('œ', "oe"),
    ('Œ', "OE"),
    ('ł', "l"),
    ('Ł', "L"),
    ('å', "aa"),
    ('Å', "AA"),
];

/// BibTeX entries, separated by blank lines.
pub fn to_bibtex(entries: &[Citable<'_>]) -> String {
    entries.iter().map(entry).collect::<Vec<_>>().join("\n")
}

fn entry(entry: &Citable<'_>) -> String {
    let paper = entry.paper;
    let venue = present(&paper.venue);
    let (kind, container) = if is_unpublished(entry) {
        ("misc", Some(("howpublished", venue.unwrap_or("Preprint"))))
    } else {
        match paper.kind {
            PaperKind::Conference | PaperKind::Workshop => {
                ("inproceedings", venue.map(|venue| ("booktitle", venue)))
            }
            PaperKind::Journal => ("article", venue.map(|venue| ("journal", venue))),
            PaperKind::Thesis => ("phdthesis", institution(paper).map(|name| ("school", name))),
            PaperKind::Book => ("book", venue.map(|venue| ("series", venue))),
            PaperKind::Chapter => ("incollection", venue.map(|venue| ("booktitle", venue))),
            PaperKind::Report => (
                "techreport",
                institution(paper).map(|name| ("institution", name)),
            ),
            PaperKind::Preprint | PaperKind::Talk | PaperKind::Other => {
                ("misc", venue.map(|venue| ("howpublished", venue)))
            }
        }
    };
    // A thesis's or report's publisher is already its school or institution.
    let publisher = match kind {
        "phdthesis" | "techreport" => None,
        _ => present(&paper.publisher),
    };

    let mut fields: Vec<(&str, String)> = Vec::new();
    let authors: Vec<String> = author_names(paper).iter().map(author).collect();
    if !authors.is_empty() {
        fields.push(("author", braced(&authors.join(" and "))));
    }
    fields.push(("title", braced(&escape(&paper.title, true))));
    if let Some((name, value)) = container {
        fields.push((name, braced(&escape(value, false))));
    }
    fields.push(("year", entry.date.year.to_string()));
    if let Some(month) = entry.date.month {
        fields.push(("month", MONTHS[usize::from(month) - 1].to_string()));
    }
    // Not a classic BibTeX field, but biblatex-era readers (and Vita's) take the day from it.
    if let Some(day) = entry.date.day {
        fields.push(("day", day.to_string()));
    }
    let pages = present(&paper.pages).map(|pages| match page_range(pages) {
        // The range's `--` stands for an en dash, so it is added after escaping.
        (first, Some(last)) => format!("{}--{}", escape(first, false), escape(last, false)),
        (first, None) => escape(first, false),
    });
    let text = |value: Option<&str>| value.map(|value| escape(value, false));
    let url = cited_url(entry);
    let optional = [
        ("volume", text(present(&paper.volume))),
        ("number", text(present(&paper.issue))),
        ("pages", pages),
        ("publisher", text(publisher)),
        ("doi", present(&paper.doi).map(verbatim)),
        ("eprint", present(&paper.arxiv).map(verbatim)),
        (
            "archiveprefix",
            present(&paper.arxiv).map(|_| "arXiv".into()),
        ),
        ("url", url.as_deref().map(verbatim)),
        ("abstract", text(Some(&plain_text(&paper.summary)))),
        ("keywords", text(Some(&paper.tags.join(", ")))),
        // al-folio's `award` field: Vita's reader and al-folio sites show it as a badge.
        ("award", text(Some(&paper.awards.join("; ")))),
        ("note", text(present(&paper.note))),
    ];
    for (name, value) in optional {
        if let Some(value) = value.filter(|value| !value.is_empty()) {
            fields.push((name, braced(&value)));
        }
    }

    let width = fields.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    let mut out = format!("@{kind}{{{},\n", entry.key);
    for (name, value) in fields {
        out.push_str(&format!("  {name:<width$} = {value},\n"));
    }
    out.push_str("}\n");
    out
}

fn braced(value: &str) -> String {
    format!("{{{value}}}")
}

/// `Last, First`, `Last, Jr., First`, or a single-word name as it is.
fn author(parts: &NameParts) -> String {
    let family = name_part(&parts.family);
    match (parts.given.is_empty(), &parts.suffix) {
        (true, _) => family,
        (false, None) => format!("{family}, {}", name_part(&parts.given)),
        (false, Some(suffix)) => {
            format!(
                "{family}, {}, {}",
                name_part(suffix),
                name_part(&parts.given)
            )
        }
    }
}

/// A name part, braced when a comma or the word "and" in it would split the author list wrongly.
fn name_part(text: &str) -> String {
    let escaped = escape(text, false);
    let splits = text.contains(',')
        || text
            .split_whitespace()
            .any(|word| word.eq_ignore_ascii_case("and"));
    if splits { braced(&escaped) } else { escaped }
}

/// A URL-like value, left as written but for characters that would unbalance its braces.
fn verbatim(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.trim().chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            _ => out.push(c),
        }
    }
    out
}

/// Text as a BibTeX value: math kept verbatim (`\( … \)` as `$ … $`), everything else escaped;
/// with `protect`, words with a capital after their first letter are braced (`{LLMs}`).
fn escape(text: &str, protect: bool) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    for piece in pieces(&text) {
        match piece {
            Piece::Math { inner, display, .. } if safe_math(inner) => {
                let delimiter = if display { "$$" } else { "$" };
                out.push_str(delimiter);
                out.push_str(inner);
                out.push_str(delimiter);
            }
            Piece::Math { written: text, .. } | Piece::Text(text) => {
                escape_text(text, protect, &mut out);
            }
        }
    }
    out
}

/// Whether math can be copied verbatim: no `$` that would end it early, and braces balanced both
/// when a backslash escapes them (as LaTeX reads them) and when it does not (as BibTeX counts).
fn safe_math(inner: &str) -> bool {
    let (mut latex, mut bibtex) = (0i32, 0i32);
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '{' => {
                bibtex += 1;
                latex += i32::from(!escaped);
            }
            '}' => {
                bibtex -= 1;
                latex -= i32::from(!escaped);
            }
            '$' if !escaped => return false,
            _ => {}
        }
        if latex < 0 || bibtex < 0 {
            return false;
        }
        escaped = c == '\\' && !escaped;
    }
    latex == 0 && bibtex == 0
}

fn escape_text(text: &str, protect: bool, out: &mut String) {
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        flush_word(&mut word, protect, out);
        let start = out.len();
        escape_char(c, out);
        // Hyphens or quotes written next to their kind would read as a dash (`--`) or a curly
        // quote (``` `` ```): an empty group keeps them apart.
        if let (Some(before), Some(after)) = (
            out[..start].chars().next_back(),
            out[start..].chars().next(),
        ) && before == after
            && matches!(before, '-' | '`' | '\'')
        {
            out.insert_str(start, "{}");
        }
    }
    flush_word(&mut word, protect, out);
}

fn flush_word(word: &mut String, protect: bool, out: &mut String) {
    let braces = protect && word.chars().skip(1).any(char::is_uppercase);
    if braces {
        out.push('{');
    }
    for c in word.chars() {
        escape_char(c, out);
    }
    if braces {
        out.push('}');
    }
    word.clear();
}

fn escape_char(c: char, out: &mut String) {
    match c {
        '\\' => out.push_str(r"\textbackslash{}"),
        '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
            out.push('\\');
            out.push(c);
        }
        '~' => out.push_str(r"\textasciitilde{}"),
        '^' => out.push_str(r"\textasciicircum{}"),
        '–' => out.push_str("--"),
        '—' => out.push_str("---"),
        _ if c.is_ascii() => out.push(c),
        _ => {
            if let Some((_, command)) = LETTERS.iter().find(|(letter, _)| *letter == c) {
                out.push_str(&format!("{{\\{command}}}"));
            } else if let Some((base, mark)) = decompose(c)
                && let Some((_, command)) = ACCENTS.iter().find(|(accent, _)| *accent == mark)
            {
                // Letter-named accents need their argument braced: `{\c{c}}`, but `{\'e}`.
                if command.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    out.push_str(&format!("{{\\{command}{{{base}}}}}"));
                } else {
                    out.push_str(&format!("{{\\{command}{base}}}"));
                }
            } else {
                out.push(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_specials_outside_math() {
        assert_eq!(
            escape(r"50% of A&B_c #1 {x} ~ ^ \ $n$", false),
            r"50\% of A\&B\_c \#1 \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{} $n$"
        );
        assert_eq!(
            escape(r"\( \Delta \varphi = f \)", false),
            r"$ \Delta \varphi = f $"
        );
        assert_eq!(escape(r"set $\{x\}$", false), r"set $\{x\}$");
        assert_eq!(
            escape(r"half $\{x$", false),
            r"half \$\textbackslash{}\{x\$"
        );
    }

    #[test]
    fn writes_accents_and_special_letters_as_commands() {
        assert_eq!(escape("Gonçalo", false), r"Gon{\c{c}}alo");
        assert_eq!(
            escape("Dvořák Gödel", false),
            r#"Dvo{\v{r}}{\'a}k G{\"o}del"#
        );
        assert_eq!(
            escape("Straße Øre Łukasz Åse", false),
            r"Stra{\ss}e {\O}re {\L}ukasz {\AA}se"
        );
        assert_eq!(escape("a–b—c 王", false), "a--b---c 王");
        assert_eq!(escape("a--b ``c'' -–", false), "a-{}-b `{}`c'{}' -{}--");
    }

    #[test]
    fn protects_words_with_inner_capitals_in_titles() {
        assert_eq!(
            escape("Do LLMs fake it at NeurIPS (SoLaR)? GPT-4", true),
            "Do {LLMs} fake it at {NeurIPS} ({SoLaR})? {GPT}-4"
        );
        assert_eq!(escape("LLMs", false), "LLMs");
    }
}

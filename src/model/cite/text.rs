//! Plain-text references: an APA-like reference and a CV line. No markup, so they paste anywhere.

use super::{
    Citable, author_names, cited_url, institution, is_unpublished, one_line, page_range, present,
};
use crate::model::names::NameParts;
use crate::model::schema::PaperKind;

/// APA lists this many authors in full; longer lists show the first ones, `…` and the last.
const APA_MAX_AUTHORS: usize = 20;

/// APA-like references, one paragraph each, separated by blank lines.
pub fn to_apa(entries: &[Citable<'_>]) -> String {
    entries
        .iter()
        .map(|entry| apa(entry) + "\n")
        .collect::<Vec<_>>()
        .join("\n")
}

/// CV lines, one per paper.
pub fn to_cv_line(entries: &[Citable<'_>]) -> String {
    entries.iter().map(|entry| cv_line(entry) + "\n").collect()
}

fn apa(entry: &Citable<'_>) -> String {
    let paper = entry.paper;
    let names: Vec<String> = author_names(paper)
        .iter()
        .map(|parts| name(parts, true))
        .collect();
    let mut authors = match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] if names.len() <= APA_MAX_AUTHORS => {
            format!("{}, & {last}", rest.join(", "))
        }
        [.., last] => format!("{}, … {last}", names[..APA_MAX_AUTHORS - 1].join(", ")),
    };
    if !authors.is_empty() && !authors.ends_with('.') {
        authors.push('.');
    }
    let date = entry.date;
    let date = match (date.month_name(), date.day) {
        (Some(month), Some(day)) => format!("({}, {month} {day}).", date.year),
        (Some(month), None) => format!("({}, {month}).", date.year),
        _ => format!("({}).", date.year),
    };
    let title = one_line(&paper.title);
    let unpublished = is_unpublished(entry);
    let venue = present(&paper.venue);
    let mut parts = vec![authors, date];
    if !unpublished && paper.kind == PaperKind::Thesis {
        let school = institution(paper)
            .map(|school| format!(", {school}"))
            .unwrap_or_default();
        parts.push(format!("{title} [Doctoral dissertation{school}]."));
    } else {
        parts.push(sentence(title));
        let pages = present(&paper.pages).map(|pages| match page_range(pages) {
            (first, Some(last)) => format!("{first}–{last}"),
            (first, None) => first.to_string(),
        });
        parts.push(match (unpublished, paper.kind, venue) {
            (true, ..) => match (present(&paper.arxiv), venue) {
                (Some(arxiv), _) => format!("arXiv:{arxiv}."),
                (None, Some(venue)) => sentence(venue.to_string()),
                (None, None) => "Preprint.".to_string(),
            },
            (_, PaperKind::Journal, Some(venue)) => {
                let mut source = venue.to_string();
                if let Some(volume) = present(&paper.volume) {
                    source.push_str(&format!(", {volume}"));
                }
                if let Some(issue) = present(&paper.issue) {
                    source.push_str(&format!("({issue})"));
                }
                if let Some(pages) = pages {
                    source.push_str(&format!(", {pages}"));
                }
                sentence(source)
            }
            (_, PaperKind::Conference | PaperKind::Workshop | PaperKind::Chapter, Some(venue)) => {
                let pages = pages.map(|pages| format!(" (pp. {pages})"));
                sentence(format!("In {venue}{}", pages.unwrap_or_default()))
            }
            (_, PaperKind::Report, _) => institution(paper)
                .map(str::to_string)
                .map(sentence)
                .unwrap_or_default(),
            (_, PaperKind::Book | PaperKind::Talk | PaperKind::Other, Some(venue)) => {
                sentence(venue.to_string())
            }
            _ => String::new(),
        });
    }
    if !matches!(
        paper.kind,
        PaperKind::Journal | PaperKind::Thesis | PaperKind::Report
    ) && let Some(publisher) = present(&paper.publisher)
    {
        parts.push(sentence(publisher.to_string()));
    }
    match present(&paper.doi) {
        Some(doi) => parts.push(format!("https://doi.org/{doi}")),
        None => parts.extend(cited_url(entry)),
    }
    parts.retain(|part| !part.is_empty());
    parts.join(" ")
}

fn cv_line(entry: &Citable<'_>) -> String {
    let paper = entry.paper;
    let names: Vec<String> = author_names(paper)
        .iter()
        .map(|parts| name(parts, false))
        .collect();
    let authors = match names.as_slice() {
        [] => String::new(),
        [one] => sentence(one.clone()) + " ",
        [rest @ .., last] => sentence(format!("{} and {last}", rest.join(", "))) + " ",
    };
    let title = sentence(one_line(&paper.title));
    let label = present(&paper.venue).unwrap_or(if is_unpublished(entry) {
        "Preprint"
    } else {
        paper.kind.label()
    });
    let year = entry.date.year.to_string();
    let mut source = label.to_string();
    // A venue like "ICML 2025" already names the year.
    if !label.contains(&year) {
        source.push_str(&format!(", {year}"));
    }
    if !paper.awards.is_empty() {
        source.push_str(&format!(" ({})", paper.awards.join("; ")));
    }
    format!("{authors}\"{title}\" {source}.")
}

/// `Lee, B. W.` (APA order) or `B. W. Lee`, with the suffix after; a single-word name as is.
fn name(parts: &NameParts, family_first: bool) -> String {
    let initials = initials(&parts.given);
    let mut name = match (initials.is_empty(), family_first) {
        (true, _) => parts.family.clone(),
        (false, true) => format!("{}, {initials}", parts.family),
        (false, false) => format!("{initials} {}", parts.family),
    };
    if let Some(suffix) = &parts.suffix {
        name.push_str(if family_first { ", " } else { " " });
        name.push_str(suffix);
    }
    name
}

/// Given names as initials: "Bruce W." gives `B. W.`, "Jean-Pierre" gives `J.-P.`, "A.M." gives
/// `A. M.`.
fn initials(given: &str) -> String {
    let initial = |piece: &str| {
        piece
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_uppercase().collect::<String>() + ".")
    };
    let word = |word: &str| {
        word.split('-')
            .map(|part| {
                part.split('.')
                    .filter_map(initial)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    };
    given
        .split_whitespace()
        .map(word)
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text ending with a period, unless it already ends with a sentence mark.
fn sentence(text: String) -> String {
    if text.ends_with(['.', '?', '!']) {
        text
    } else {
        text + "."
    }
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_keep_hyphens_and_split_run_together_letters() {
        assert_eq!(initials("Bruce W."), "B. W.");
        assert_eq!(initials("Jean-Pierre"), "J.-P.");
        assert_eq!(initials("J.-P."), "J.-P.");
        assert_eq!(initials("A.M."), "A. M.");
        assert_eq!(initials("gonçalo"), "G.");
        assert_eq!(initials(""), "");
    }
}

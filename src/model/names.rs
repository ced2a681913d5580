//! Author names: the display form, the URL key, and the parts that matching compares.
//!
//! A name as printed on a paper may carry LaTeX accents (`G{\"o}del`), be written "Last, First"
//! as BibTeX does, abbreviate given names ("A. M. Turner") and include particles ("Van Roy",
//! "de la Cruz"). Two spellings have the same [`key`] when they differ only in case, accents,
//! punctuation, spacing or name order; [`compatible`] explains why two different names could still
//! be one person (an initial, a missing middle name) without ever claiming that they are.

use super::fold::fold_into;
use super::latex;
use std::fmt;

/// Lower-case words that start a family name ("van", "de la"), as in "Ludwig van Beethoven".
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "dal", "de", "del", "della", "der", "des", "di", "dos", "du", "el", "la",
    "le", "st", "ten", "ter", "van", "von", "zu",
];

/// Generational suffixes, written after the family name or as BibTeX's middle comma part.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The human form of a name as written: LaTeX decoded, "Last, First" turned into "First Last",
/// spaces collapsed (`Mallen, Alex` gives `Alex Mallen`).
pub fn display_name(raw: &str) -> String {
    // Most names need none of the work below; tens of thousands of them are displayed at load.
    if is_plain(raw) {
        return raw.to_string();
    }
    rewrite_display(raw)
}

/// [`display_name`] the long way, for names that may need it.
fn rewrite_display(raw: &str) -> String {
    let decoded = latex::decode(raw).replace('\u{a0}', " ");
    let parts: Vec<&str> = decoded.split(',').map(str::trim).collect();
    let ordered = match parts.as_slice() {
        [last, first] if !first.is_empty() && !is_suffix(first) => format!("{first} {last}"),
        [last, suffix, first] if !first.is_empty() => format!("{first} {last} {suffix}"),
        _ => decoded.clone(),
    };
    ordered.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `raw` is already in display form: no LaTeX, no comma, no hyphen or apostrophe to
/// unify, and single spaces only between words.
fn is_plain(raw: &str) -> bool {
    let special = |c: char| {
        matches!(c, '\\' | '{' | '}' | '~' | '`' | '\'' | '-' | ',' | '$')
            || (c.is_whitespace() && c != ' ')
    };
    !raw.contains(special) && !raw.contains("  ") && raw.trim() == raw
}

fn is_suffix(word: &str) -> bool {
    let folded: String = word.trim_end_matches('.').to_ascii_lowercase();
    SUFFIXES.contains(&folded.as_str())
}

/// The URL key of a name (`alex-mallen`): the display form folded to lower case without accents,
/// every run of characters other than letters and digits turned into one hyphen; apostrophes and
/// periods vanish ("O'Brien" gives `obrien`, "A. Mallen" gives `a-mallen`).
pub fn key(raw: &str) -> String {
    key_of_display(&display_name(raw))
}

/// [`key`] of a name already in display form.
pub fn key_of_display(display: &str) -> String {
    let mut folded = String::new();
    fold_into(display, &mut folded);
    let mut key = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            key.push(c);
        } else if c == '\'' || c == '.' {
            continue;
        } else if !key.is_empty() && !key.ends_with('-') {
            key.push('-');
        }
    }
    while key.ends_with('-') {
        key.pop();
    }
    key
}

/// One given name, full or as an initial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenName {
    /// As written, for explanations ("A." or "Alex").
    pub written: String,
    /// Folded, without a trailing period ("a" or "alex").
    pub folded: String,
}

impl GivenName {
    /// Whether this is an initial ("A." or "A").
    pub fn is_initial(&self) -> bool {
        self.folded.chars().count() == 1
    }

    fn first_letter(&self) -> Option<char> {
        self.folded.chars().next()
    }
}

/// A name split into the parts that matching compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedName {
    /// Given names in order; hyphenated given names count as two ("Jean-Pierre").
    pub given: Vec<GivenName>,
    /// The family name with its particles, folded ("van roy").
    pub family: String,
    /// A generational suffix, folded ("jr"), when there is one.
    pub suffix: Option<String>,
}

impl ParsedName {
    /// What every name [`compatible`] with this one shares with it: the family name and the first
    /// letter of the first given name. `None` for a name without both, which is compatible with
    /// none.
    pub fn block(&self) -> Option<(&str, char)> {
        let letter = self.given.first()?.first_letter()?;
        (!self.family.is_empty()).then_some((self.family.as_str(), letter))
    }
}

/// A name's parts as written, for citations: "Bruce W." / "Lee", "Benjamin" / "Van Roy".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParts {
    /// Given names, as written ("Bruce W."); empty for a single-word name.
    pub given: String,
    /// Family name with its particles, as written ("Van Roy").
    pub family: String,
    /// A generational suffix as written ("Jr."), when there is one.
    pub suffix: Option<String>,
}

/// Splits a name as written into given names, family name and suffix, keeping its spelling.
pub fn split(raw: &str) -> NameParts {
    split_display(&display_name(raw))
}

fn split_display(display: &str) -> NameParts {
    let mut words: Vec<&str> = display.split_whitespace().collect();
    let suffix = match words.last() {
        Some(last) if words.len() > 2 && is_suffix(last) => {
            let suffix = last.to_string();
            words.pop();
            Some(suffix)
        }
        _ => None,
    };
    // The family name starts at the first particle after the first word, or is the last word.
    let family_start = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, word)| PARTICLES.contains(&fold_word(word).as_str()))
        .map_or(words.len().saturating_sub(1), |(index, _)| index);
    NameParts {
        given: words[..family_start].join(" "),
        family: words[family_start..].join(" "),
        suffix,
    }
}

/// Splits a name into given names, family name and suffix, folded for matching.
pub fn parse(raw: &str) -> ParsedName {
    parse_display(&display_name(raw))
}

/// [`parse`] of a name already in display form.
pub fn parse_display(display: &str) -> ParsedName {
    let parts = split_display(display);
    ParsedName {
        given: parts
            .given
            .split_whitespace()
            .flat_map(split_given)
            .collect(),
        family: fold_word(&parts.family),
        suffix: parts
            .suffix
            .map(|suffix| fold_word(suffix.trim_end_matches('.'))),
    }
}

fn fold_word(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    fold_into(word, &mut folded);
    folded
}

/// Splits one written given name into names: "Jean-Pierre" into two, "J.-P." and "A.M." into
/// initials.
fn split_given(word: &str) -> Vec<GivenName> {
    let mut names = Vec::new();
    for part in word.split('-').filter(|part| !part.is_empty()) {
        let letters: Vec<&str> = part.split('.').filter(|piece| !piece.is_empty()).collect();
        let all_initials =
            letters.len() > 1 && letters.iter().all(|piece| piece.chars().count() == 1);
        let pieces = if all_initials { letters } else { vec![part] };
        for piece in pieces {
            let folded = fold_word(piece.trim_end_matches('.'));
            if !folded.is_empty() {
                let written = if folded.chars().count() == 1 {
                    format!("{}.", piece.trim_end_matches('.'))
                } else {
                    piece.to_string()
                };
                names.push(GivenName { written, folded });
            }
        }
    }
    names
}

/// Why two different names might belong to one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchReason {
    /// One name abbreviates a given name of the other ("A." for "Alex").
    Initial {
        /// The initial as written.
        initial: String,
        /// The full given name it stands for.
        full: String,
    },
    /// One name has a middle name the other leaves out.
    MissingMiddle {
        /// The middle name as written.
        name: String,
    },
    /// One name has a suffix ("Jr.") the other leaves out.
    MissingSuffix {
        /// The suffix.
        suffix: String,
    },
}

impl fmt::Display for MatchReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Initial { initial, full } => write!(f, "initial {initial} matches {full}"),
            Self::MissingMiddle { name } => write!(f, "middle name {name} missing"),
            Self::MissingSuffix { suffix } => write!(f, "suffix {suffix} missing"),
        }
    }
}

/// The reasons two names could be one person, or `None` when they cannot: the family names must
/// be equal, the first given names must agree (equal, or one the initial of the other), and the
/// remaining given names of one must appear in order among those of the other. Names with the
/// same [`key`] are not variants of each other: this returns `None` for them.
pub fn compatible(a: &ParsedName, b: &ParsedName) -> Option<Vec<MatchReason>> {
    if a.family != b.family || a.family.is_empty() || a.given.is_empty() || b.given.is_empty() {
        return None;
    }
    let mut reasons = Vec::new();
    match (&a.suffix, &b.suffix) {
        (Some(left), Some(right)) if left != right => return None,
        (Some(suffix), None) | (None, Some(suffix)) => {
            reasons.push(MatchReason::MissingSuffix {
                suffix: suffix.clone(),
            });
        }
        _ => {}
    }
    let (shorter, longer) = if a.given.len() <= b.given.len() {
        (&a.given, &b.given)
    } else {
        (&b.given, &a.given)
    };
    // The first given names must correspond; later ones may be left out of the shorter name.
    given_pair(&shorter[0], &longer[0], &mut reasons)?;
    let mut next = 1;
    for name in &shorter[1..] {
        let found = (next..longer.len()).find(|&index| agrees(name, &longer[index]))?;
        for skipped in &longer[next..found] {
            reasons.push(MatchReason::MissingMiddle {
                name: skipped.written.clone(),
            });
        }
        given_pair(name, &longer[found], &mut reasons)?;
        next = found + 1;
    }
    for skipped in &longer[next..] {
        reasons.push(MatchReason::MissingMiddle {
            name: skipped.written.clone(),
        });
    }
    (!reasons.is_empty()).then_some(reasons)
}

fn agrees(left: &GivenName, right: &GivenName) -> bool {
    if left.is_initial() || right.is_initial() {
        left.first_letter() == right.first_letter()
    } else {
        left.folded == right.folded
    }
}

fn given_pair(left: &GivenName, right: &GivenName, reasons: &mut Vec<MatchReason>) -> Option<()> {
    if !agrees(left, right) {
        return None;
    }
    match (left.is_initial(), right.is_initial()) {
        (true, false) => reasons.push(MatchReason::Initial {
            initial: left.written.clone(),
            full: right.written.clone(),
        }),
        (false, true) => reasons.push(MatchReason::Initial {
            initial: right.written.clone(),
            full: left.written.clone(),
        }),
        _ => {}
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The shortcut for plain names gives what the full rewrite would.
        #[test]
        fn plain_names_are_their_own_display(raw in "[ a-zA-Z.\u{e9}\u{fc}\t\n'-]{0,12}") {
            if is_plain(&raw) {
                proptest::prop_assert_eq!(rewrite_display(&raw), raw);
            }
        }
    }

    fn reasons(a: &str, b: &str) -> Option<Vec<String>> {
        compatible(&parse(a), &parse(b))
            .map(|reasons| reasons.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn display_reorders_last_first_and_decodes_latex() {
        assert_eq!(display_name("Mallen, Alex"), "Alex Mallen");
        assert_eq!(display_name(r#"G{\"o}del,  Kurt"#), "Kurt Gödel");
        assert_eq!(
            display_name("King, Jr., Martin Luther"),
            "Martin Luther King Jr."
        );
        assert_eq!(display_name("  B.   Van Roy "), "B. Van Roy");
    }

    #[test]
    fn keys_ignore_case_accents_punctuation_and_order() {
        assert_eq!(key("Alex Mallen"), "alex-mallen");
        assert_eq!(key("ALEX MALLEN"), "alex-mallen");
        assert_eq!(key("Mallen, Alex"), "alex-mallen");
        assert_eq!(key("Gonçalo Paulo"), "goncalo-paulo");
        assert_eq!(key(r"Gon{\c{c}}alo Paulo"), "goncalo-paulo");
        assert_eq!(key("A. Mallen"), "a-mallen");
        assert_eq!(key("O’Brien, Pat"), "pat-obrien");
        assert_eq!(key("Goldman‐Wetzler, J."), "j-goldman-wetzler");
        assert_eq!(key("B. Van Roy"), "b-van-roy");
    }

    #[test]
    fn parse_keeps_particles_in_the_family_name() {
        let name = parse("B. Van Roy");
        assert_eq!(name.family, "van roy");
        assert_eq!(name.given[0].written, "B.");
        assert_eq!(parse("Ludwig van Beethoven").family, "van beethoven");
        assert_eq!(parse("Juan de la Cruz").family, "de la cruz");
        assert_eq!(parse("van Beethoven, Ludwig").family, "van beethoven");
        // A particle-like first word is a given name.
        assert_eq!(parse("Van Morrison").family, "morrison");
    }

    #[test]
    fn parse_splits_initials_and_hyphenated_given_names() {
        let folded = |raw: &str| -> Vec<String> {
            parse(raw)
                .given
                .into_iter()
                .map(|name| name.folded)
                .collect()
        };
        assert_eq!(folded("A. M. Turner"), ["a", "m"]);
        assert_eq!(folded("A.M. Turner"), ["a", "m"]);
        assert_eq!(folded("J.-P. Serre"), ["j", "p"]);
        assert_eq!(folded("Jean-Pierre Serre"), ["jean", "pierre"]);
        assert_eq!(parse("Bruce W. Lee").given[1].written, "W.");
    }

    #[test]
    fn split_keeps_the_written_spelling() {
        let parts = split("Van Roy, Benjamin");
        assert_eq!(
            (parts.given.as_str(), parts.family.as_str()),
            ("Benjamin", "Van Roy")
        );
        let parts = split("Bruce W. Lee");
        assert_eq!(
            (parts.given.as_str(), parts.family.as_str()),
            ("Bruce W.", "Lee")
        );
        let parts = split("King, Jr., Martin Luther");
        assert_eq!(parts.suffix.as_deref(), Some("Jr."));
        assert_eq!(split("Plato").given, "");
    }

    #[test]
    fn parse_recognises_suffixes() {
        let name = parse("Martin Luther King Jr.");
        assert_eq!(name.family, "king");
        assert_eq!(name.suffix.as_deref(), Some("jr"));
    }

    #[test]
    fn initials_are_compatible_with_full_names() {
        assert_eq!(
            reasons("A. Mallen", "Alex Mallen").unwrap(),
            ["initial A. matches Alex"]
        );
        assert_eq!(
            reasons("Julian Michael", "J. Michael").unwrap(),
            ["initial J. matches Julian"]
        );
        assert_eq!(
            reasons("Benjamin Van Roy", "B. Van Roy").unwrap(),
            ["initial B. matches Benjamin"]
        );
    }

    #[test]
    fn missing_middle_names_are_compatible() {
        assert_eq!(
            reasons("Xiaoli Z. Fern", "Xiaoli Fern").unwrap(),
            ["middle name Z. missing"]
        );
        assert_eq!(
            reasons("A. M. Turner", "Alex Turner").unwrap(),
            ["initial A. matches Alex", "middle name M. missing"]
        );
        assert_eq!(
            reasons("Bruce W. Lee", "B. Lee").unwrap(),
            ["initial B. matches Bruce", "middle name W. missing"]
        );
    }

    #[test]
    fn different_people_are_not_compatible() {
        assert_eq!(
            reasons("Alex Mallen", "Alexander Mallen"),
            None,
            "different first names"
        );
        assert_eq!(
            reasons("A. Mallen", "B. Mallen"),
            None,
            "different initials"
        );
        assert_eq!(
            reasons("Alex Mallen", "Alex Mullen"),
            None,
            "different family names"
        );
        assert_eq!(
            reasons("A. M. Turner", "A. N. Turner"),
            None,
            "different middle initials"
        );
        assert_eq!(
            reasons("Turner", "Alex Turner"),
            None,
            "a family name alone is too weak"
        );
        assert_eq!(
            reasons("John Smith Jr.", "John Smith Sr."),
            None,
            "different suffixes"
        );
    }

    #[test]
    fn identical_names_are_not_variants() {
        assert_eq!(reasons("Alex Mallen", "alex mallen"), None);
    }

    #[test]
    fn a_missing_suffix_is_explained() {
        assert_eq!(
            reasons("John Smith Jr.", "John Smith").unwrap(),
            ["suffix jr missing"]
        );
    }
}

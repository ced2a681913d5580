//! Decoding LaTeX text markup, as BibTeX files and copied author lists contain it, into Unicode:
//! accents (`{\"o}`, `\'e`, `\c{c}`), special letters (`{\ss}`, `\o`), escaped symbols (`\&`),
//! dashes (`--`), quotes, ties (`~`) and protective braces. Math (`$…$`) is left as it is, for the
//! Markdown renderer to typeset.

use super::fold::compose;

/// Accent commands written with a symbol (`\'e`) and the combining mark each stands for.
const SYMBOL_ACCENTS: &[(char, char)] = &[
    ('`', '\u{300}'),
    ('\'', '\u{301}'),
    ('^', '\u{302}'),
    ('~', '\u{303}'),
    ('=', '\u{304}'),
    ('.', '\u{307}'),
    ('"', '\u{308}'),
];

/// Accent commands written with a letter (`\c{c}`) and the combining mark each stands for.
const LETTER_ACCENTS: &[(&str, char)] = &[
    ("u", '\u{306}'),
    ("r", '\u{30a}'),
    ("H", '\u{30b}'),
    ("v", '\u{30c}'),
    ("d", '\u{323}'),
    ("c", '\u{327}'),
    ("k", '\u{328}'),
    ("b", '\u{331}'),
];

/// Commands that stand for a letter or symbol.
const SYMBOLS: &[(&str, &str)] = &[
    ("ss", "ß"),
    ("SS", "SS"),
    ("o", "ø"),
    ("O", "Ø"),
    ("aa", "å"),
    ("AA", "Å"),
    ("ae", "æ"),
    ("AE", "Æ"),
    ("oe", "œ"),
    ("OE", "Œ"),
    ("l", "ł"),
    ("L", "Ł"),
    ("i", "ı"),
    ("j", "ȷ"),
    ("dh", "ð"),
    ("DH", "Ð"),
    ("th", "þ"),
    ("TH", "Þ"),
    ("ng", "ŋ"),
    ("NG", "Ŋ"),
    ("dj", "đ"),
    ("DJ", "Đ"),
    ("textendash", "–"),
    ("textemdash", "—"),
    ("textquoteright", "’"),
    ("textquoteleft", "‘"),
    ("textquotedblleft", "“"),
    ("textquotedblright", "”"),
    ("textellipsis", "…"),
    ("ldots", "…"),
    ("dots", "…"),
    ("textasciitilde", "~"),
    ("textasciicircum", "^"),
    ("textbackslash", "\\"),
    ("textbar", "|"),
    ("textless", "<"),
    ("textgreater", ">"),
    ("copyright", "©"),
    ("textregistered", "®"),
    ("texttrademark", "™"),
    ("S", "§"),
    ("P", "¶"),
    ("dag", "†"),
    ("ddag", "‡"),
    ("pounds", "£"),
    ("euro", "€"),
];

/// Commands whose last braced argument is kept as plain text (`\emph{word}` gives `word`).
const TEXT_COMMANDS: &[&str] = &[
    "emph",
    "textit",
    "textbf",
    "textsc",
    "texttt",
    "textrm",
    "textsf",
    "textup",
    "textsl",
    "textnormal",
    "mbox",
    "hbox",
    "text",
    "url",
    "href",
    "uppercase",
    "MakeUppercase",
    "NoCaseChange",
    "bibinfo",
    "enquote",
];

/// Decodes LaTeX text markup into Unicode text. Unknown commands keep their name (`\LaTeX` gives
/// `LaTeX`); math between `$` signs is kept verbatim with its delimiters.
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        match c {
            '\\' => index = decode_command(&chars, index + 1, &mut out),
            '{' | '}' => index += 1,
            '$' => index = copy_math(&chars, index, &mut out),
            '~' => {
                out.push('\u{a0}');
                index += 1;
            }
            '-' if chars.get(index + 1) == Some(&'-') => {
                if chars.get(index + 2) == Some(&'-') {
                    out.push('—');
                    index += 3;
                } else {
                    out.push('–');
                    index += 2;
                }
            }
            '`' if chars.get(index + 1) == Some(&'`') => {
                out.push('“');
                index += 2;
            }
            '\'' if chars.get(index + 1) == Some(&'\'') => {
                out.push('”');
                index += 2;
            }
            _ => {
                out.push(c);
                index += 1;
            }
        }
    }
    out
}

/// Copies `$…$` or `$$…$$` verbatim; a lone `$` without a closing one is kept as a dollar sign.
fn copy_math(chars: &[char], start: usize, out: &mut String) -> usize {
    let delimiter = if chars.get(start + 1) == Some(&'$') {
        2
    } else {
        1
    };
    let mut index = start + delimiter;
    while index < chars.len() {
        if chars[index] == '\\' {
            index += 2;
            continue;
        }
        if chars[index] == '$' && (delimiter == 1 || chars.get(index + 1) == Some(&'$')) {
            let end = index + delimiter;
            out.extend(&chars[start..end]);
            return end;
        }
        index += 1;
    }
    out.push('$');
    start + 1
}

/// Decodes the command whose name starts at `start` (just after its backslash); returns the index
/// after everything it consumed.
fn decode_command(chars: &[char], start: usize, out: &mut String) -> usize {
    let Some(&first) = chars.get(start) else {
        out.push('\\');
        return start;
    };
    if let Some(&(_, mark)) = SYMBOL_ACCENTS.iter().find(|(symbol, _)| *symbol == first) {
        return accent(chars, start + 1, mark, out);
    }
    if !first.is_ascii_alphabetic() {
        // `\&`, `\%`, `\$`, `\{`, `\_`, `\ ` and the like stand for the character itself.
        match first {
            ',' | ';' | ':' | '!' | '/' => {}
            ' ' | '\n' | '\t' => out.push(' '),
            '\\' => out.push(' '),
            _ => out.push(first),
        }
        return start + 1;
    }
    let name_end = start
        + chars[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
    let name: String = chars[start..name_end].iter().collect();
    if let Some(&(_, mark)) = LETTER_ACCENTS.iter().find(|(command, _)| *command == name) {
        return accent(chars, name_end, mark, out);
    }
    let after = skip_spaces(chars, name_end);
    if let Some(&(_, symbol)) = SYMBOLS.iter().find(|(command, _)| *command == name) {
        out.push_str(symbol);
        return after;
    }
    if TEXT_COMMANDS.contains(&name.as_str()) {
        // Drop every argument but the last, which holds the text (`\href{url}{text}`).
        let mut index = after;
        let mut last = None;
        while let Some((content, end)) = braced(chars, skip_spaces(chars, index)) {
            last = Some(content);
            index = end;
        }
        if let Some(content) = last {
            out.push_str(&decode(&content));
            return index;
        }
        return after;
    }
    out.push_str(&name);
    // A space after a command name only ends the name.
    after
}

/// Applies a combining `mark` to the letter at `start` (bare, braced, or a dotless `\i`/`\j`).
fn accent(chars: &[char], start: usize, mark: char, out: &mut String) -> usize {
    let mut index = skip_spaces(chars, start);
    let braced_argument = chars.get(index) == Some(&'{');
    if braced_argument {
        index += 1;
    }
    let base = match (chars.get(index), chars.get(index + 1)) {
        (Some('\\'), Some('i')) => {
            index += 2;
            Some('i')
        }
        (Some('\\'), Some('j')) => {
            index += 2;
            Some('j')
        }
        (Some(&letter), _) if letter != '}' => {
            index += 1;
            Some(letter)
        }
        _ => None,
    };
    if braced_argument && chars.get(index) == Some(&'}') {
        index += 1;
    }
    match base {
        Some(base) => match compose(base, mark) {
            Some(composed) => out.push(composed),
            None => {
                out.push(base);
                out.push(mark);
            }
        },
        None => out.push(mark),
    }
    index
}

fn skip_spaces(chars: &[char], mut index: usize) -> usize {
    while chars.get(index).is_some_and(|c| *c == ' ') {
        index += 1;
    }
    index
}

/// The content of a balanced `{…}` group starting at `start`, and the index after it.
fn braced(chars: &[char], start: usize) -> Option<(String, usize)> {
    if chars.get(start) != Some(&'{') {
        return None;
    }
    let mut depth = 0usize;
    for (offset, &c) in chars[start..].iter().enumerate() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    let content = chars[start + 1..start + offset].iter().collect();
                    return Some((content, start + offset + 1));
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_symbol_accents_in_every_bracing_style() {
        for text in [
            r#"G{\"o}del"#,
            r#"G\"odel"#,
            r#"G\"{o}del"#,
            r#"G{\"{o}}del"#,
        ] {
            assert_eq!(decode(text), "Gödel", "{text}");
        }
        assert_eq!(decode(r"Andr\'e"), "André");
        assert_eq!(decode(r"Fran\c{c}ois"), "François");
        assert_eq!(decode(r"Gon\c calo"), "Gonçalo");
        assert_eq!(decode(r"Dvo\v{r}\'ak"), "Dvořák");
        assert_eq!(decode(r"Erd\H{o}s"), "Erdős");
        assert_eq!(decode(r"\'{\i}"), "í");
    }

    #[test]
    fn decodes_special_letters() {
        assert_eq!(decode(r"Stra{\ss}e"), "Straße");
        assert_eq!(decode(r"{\O}ystein \AA{}se"), "Øystein Åse");
        assert_eq!(decode(r"\L{}ukasz"), "Łukasz");
        assert_eq!(decode(r"Sch\o ler"), "Schøler");
    }

    #[test]
    fn decodes_dashes_quotes_ties_and_escapes() {
        assert_eq!(decode("pages 10--20"), "pages 10–20");
        assert_eq!(decode("yes---no"), "yes—no");
        assert_eq!(decode("``quoted''"), "“quoted”");
        assert_eq!(decode("D.~E. Knuth"), "D.\u{a0}E. Knuth");
        assert_eq!(decode(r"Smith \& Sons, 50\%"), "Smith & Sons, 50%");
    }

    #[test]
    fn removes_protective_braces_and_text_commands() {
        assert_eq!(
            decode("{BERT}: Pre-training of {D}eep"),
            "BERT: Pre-training of Deep"
        );
        assert_eq!(decode(r"An \emph{important} result"), "An important result");
        assert_eq!(decode(r"\href{https://x.org}{the site}"), "the site");
        assert_eq!(decode(r"\LaTeX\ tricks"), "LaTeX tricks");
    }

    #[test]
    fn keeps_math_verbatim() {
        assert_eq!(
            decode(r"Learning $n$-gram {S}tatistics"),
            "Learning $n$-gram Statistics"
        );
        assert_eq!(decode(r"$\{x\}$ and $$a_{1}$$"), r"$\{x\}$ and $$a_{1}$$");
        assert_eq!(decode("costs 5$ each"), "costs 5$ each");
    }

    #[test]
    fn survives_truncated_markup() {
        for text in [
            r"\",
            r"\'",
            r"\c{",
            "{{{",
            "}}",
            r"\emph{open",
            "$",
            "--",
            r"\v",
        ] {
            let _ = decode(text);
        }
        assert_eq!(decode(r"a\"), r"a\");
    }
}

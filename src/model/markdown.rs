//! Markdown to safe HTML: a practical CommonMark subset.
//!
//! Written by hand because pulldown-cmark would add about 70 KB gzip to the wasm. The data files are
//! untrusted, so nothing from the source reaches the output unescaped: raw HTML shows as text, only
//! a fixed set of elements and attributes is emitted, and link URLs must be http(s), mailto or
//! relative. Math between `$…$`, `\(…\)`, `$$…$$` or `\[…\]` becomes MathML through
//! [`super::math`]. Every scan is bounded so hostile input cannot make rendering quadratic or
//! recurse without limit.

use super::escape::push_escaped;
use super::math::latex_to_mathml;
use std::borrow::Cow;
use std::iter::repeat_n;
use std::ops::Range;

/// Block quotes and list items nested deeper than this are read as text, bounding recursion.
const MAX_DEPTH: usize = 16;
/// Longest `(destination "title")` after a link's text that is looked at.
const MAX_LINK_TAIL: usize = 4096;
/// Tells the browser not to hand the linked page this one (`window.opener`, referrer).
const EXTERNAL: &str = " rel=\"noopener noreferrer\"";
/// Marks a link to a file beside the site, so the app's router lets the browser load it.
const FILE: &str = " rel=\"external\"";

/// Renders block Markdown (paragraphs, lists, ...) to sanitized HTML.
pub fn render_block(source: &str) -> String {
    Blocks::render(source, Mode::Html)
}

/// Renders one paragraph's worth of inline Markdown (no block structure, no `<p>` wrapper) to
/// sanitized HTML.
pub fn render_inline(source: &str) -> String {
    Inline::render(&join_lines(source.lines()), Mode::Html, false)
}

/// Like [`render_block`], but wraps the byte ranges that `marker` returns for each run of plain
/// text in `<mark>…</mark>` (used to highlight search matches; never applied inside code, math, or
/// URLs). `marker` gets the decoded text of one text run and returns sorted, non-overlapping byte
/// ranges into it (on char boundaries); ranges that are not are skipped.
pub fn render_block_marked(source: &str, marker: &dyn Fn(&str) -> Vec<Range<usize>>) -> String {
    Blocks::render(source, Mode::Marked(marker))
}

/// The text content with markup removed (math kept as its LaTeX source, delimiters included),
/// whitespace collapsed: for meta descriptions, search indexing and citation export. Not HTML:
/// `<` in the text stays `<`.
pub fn to_plain_text(source: &str) -> String {
    let text = Blocks::render(source, Mode::Plain);
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// What the renderer writes.
#[derive(Clone, Copy)]
enum Mode<'m> {
    Html,
    /// HTML with `<mark>` around the ranges the marker picks in each run of text.
    Marked(&'m dyn Fn(&str) -> Vec<Range<usize>>),
    /// Text only; tags become spaces between blocks and nothing inside them.
    Plain,
}

impl Mode<'_> {
    fn plain(self) -> bool {
        matches!(self, Mode::Plain)
    }
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Leading spaces (tabs were expanded before).
fn indent(line: &str) -> usize {
    line.bytes().take_while(|&b| b == b' ').count()
}

/// Expands tabs in indentation to spaces (tab stops of 4), so indentation is a count of bytes.
fn expand_tabs(source: &str) -> Cow<'_, str> {
    if !source.contains('\t') {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len() + 16);
    for line in source.split_inclusive('\n') {
        let body = line.trim_start_matches([' ', '\t']);
        let mut column = 0;
        for byte in line[..line.len() - body.len()].bytes() {
            column += if byte == b'\t' { 4 - column % 4 } else { 1 };
        }
        out.extend(repeat_n(' ', column));
        out.push_str(body);
    }
    Cow::Owned(out)
}

/// Paragraph text: lines without their indentation, joined by newlines, trailing space dropped.
fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for (i, line) in lines.into_iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(line.trim_start_matches([' ', '\t']));
    }
    text.truncate(text.trim_end().len());
    text
}

/// How a line opens a block, if it does.
enum Start<'l> {
    Fence { ch: u8, len: usize, info: &'l str },
    Heading(usize, &'l str),
    Rule,
    Quote,
    List(ListMarker),
}

/// A list item's marker (`-`, `*`, `+`, `1.`, `1)`).
#[derive(Clone, Copy)]
struct ListMarker {
    ordered: bool,
    /// The bullet, or the `.`/`)` after the number: a different one starts a new list.
    delim: u8,
    /// Numbered 1, the only number that may interrupt a paragraph (so "2021. was good" stays text).
    one: bool,
    /// Where the item's content starts, relative to the marker.
    content: usize,
    empty: bool,
}

impl ListMarker {
    fn continues(self, first: ListMarker) -> bool {
        self.ordered == first.ordered && self.delim == first.delim
    }
}

fn block_start(line: &str, depth: usize) -> Option<Start<'_>> {
    let indent = indent(line);
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    if let Some(start) = fence(rest).or_else(|| heading(rest)) {
        return Some(start);
    }
    if is_rule(rest) {
        return Some(Start::Rule);
    }
    if depth >= MAX_DEPTH {
        return None;
    }
    if rest.starts_with('>') {
        return Some(Start::Quote);
    }
    list_marker(rest).map(Start::List)
}

/// Whether `line` ends a paragraph by starting another block.
fn interrupts(line: &str, depth: usize) -> bool {
    match block_start(line, depth) {
        Some(Start::List(marker)) => !marker.empty && (!marker.ordered || marker.one),
        start => start.is_some(),
    }
}

fn fence(rest: &str) -> Option<Start<'_>> {
    let ch = *rest
        .as_bytes()
        .first()
        .filter(|&&b| b == b'`' || b == b'~')?;
    let len = rest.bytes().take_while(|&b| b == ch).count();
    let info = rest[len..].trim();
    // A backtick in the info string would make ``` ``a`` ``` inline code instead.
    (len >= 3 && !(ch == b'`' && info.contains('`'))).then_some(Start::Fence { ch, len, info })
}

fn heading(rest: &str) -> Option<Start<'_>> {
    let level = rest.bytes().take_while(|&b| b == b'#').count();
    let after = &rest[level..];
    if !(1..=6).contains(&level) || !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let text = after.trim();
    let unclosed = text.trim_end_matches('#');
    let text = if unclosed.is_empty() || unclosed.ends_with([' ', '\t']) {
        unclosed.trim_end()
    } else {
        text
    };
    Some(Start::Heading(level, text))
}

fn is_rule(rest: &str) -> bool {
    let Some(&ch) = rest.as_bytes().first().filter(|b| b"-*_".contains(b)) else {
        return false;
    };
    let mut count = 0;
    for byte in rest.bytes() {
        match byte {
            b' ' | b'\t' => {}
            b if b == ch => count += 1,
            _ => return false,
        }
    }
    count >= 3
}

fn list_marker(rest: &str) -> Option<ListMarker> {
    let bytes = rest.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let width = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        _ if (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) => {
            digits + 1
        }
        _ => return None,
    };
    let after = &rest[width..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let spaces = after
        .bytes()
        .take_while(|&b| b == b' ' || b == b'\t')
        .count();
    let empty = spaces == after.len();
    Some(ListMarker {
        ordered: digits > 0,
        delim: bytes[width - 1],
        one: rest[..digits].parse() == Ok(1),
        // Content indented more than 4 spaces past the marker starts one space after it.
        content: if empty || spaces > 4 {
            width + 1
        } else {
            width + spaces
        },
        empty,
    })
}

/// The block-level pass: splits lines into blocks and renders them.
struct Blocks<'m> {
    out: String,
    mode: Mode<'m>,
}

impl Blocks<'_> {
    fn render(source: &str, mode: Mode<'_>) -> String {
        let source = expand_tabs(source);
        let lines: Vec<&str> = source.lines().collect();
        let mut blocks = Blocks {
            out: String::with_capacity(source.len() + source.len() / 4),
            mode,
        };
        blocks.blocks(&lines, 0, false);
        blocks.out
    }

    fn tag(&mut self, tag: &str) {
        if self.mode.plain() {
            self.out.push(' ');
        } else {
            self.out.push_str(tag);
        }
    }

    /// Verbatim text: escaped, never marked.
    fn code_text(&mut self, text: &str) {
        if self.mode.plain() {
            self.out.push_str(text);
        } else {
            push_escaped(&mut self.out, text);
        }
    }

    fn inline(&mut self, text: &str) {
        let html = Inline::render(text, self.mode, false);
        self.out.push_str(&html);
    }

    /// Renders `lines` as blocks at container `depth`; `tight` list items drop their `<p>`.
    fn blocks(&mut self, lines: &[&str], depth: usize, tight: bool) {
        let mut i = 0;
        while i < lines.len() {
            if is_blank(lines[i]) {
                i += 1;
                continue;
            }
            i = match block_start(lines[i], depth) {
                Some(Start::Fence { ch, len, info }) => self.code_block(lines, i, ch, len, info),
                Some(Start::Heading(level, text)) => {
                    // Pages own h1 and h2, so user headings start at h3.
                    let (open, close) = match level {
                        1 => ("<h3>", "</h3>"),
                        2 => ("<h4>", "</h4>"),
                        3 => ("<h5>", "</h5>"),
                        _ => ("<h6>", "</h6>"),
                    };
                    self.tag(open);
                    self.inline(text);
                    self.tag(close);
                    i + 1
                }
                Some(Start::Rule) => {
                    self.tag("<hr>");
                    i + 1
                }
                Some(Start::Quote) => self.quote(lines, i, depth),
                Some(Start::List(marker)) => self.list(lines, i, depth, marker),
                None => self.paragraph(lines, i, depth, tight),
            };
        }
    }

    fn paragraph(&mut self, lines: &[&str], start: usize, depth: usize, tight: bool) -> usize {
        let mut end = start + 1;
        while end < lines.len() && !is_blank(lines[end]) && !interrupts(lines[end], depth) {
            end += 1;
        }
        let text = join_lines(lines[start..end].iter().copied());
        if tight {
            self.inline(&text);
        } else {
            self.tag("<p>");
            self.inline(&text);
            self.tag("</p>");
        }
        end
    }

    fn code_block(
        &mut self,
        lines: &[&str],
        start: usize,
        ch: u8,
        len: usize,
        info: &str,
    ) -> usize {
        let fence_indent = indent(lines[start]);
        let language = info.split_whitespace().next().filter(|word| {
            word.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-'))
        });
        match language {
            Some(language) => self.tag(&["<pre><code class=\"language-", language, "\">"].concat()),
            None => self.tag("<pre><code>"),
        }
        let mut i = start + 1;
        while let Some(line) = lines.get(i) {
            i += 1;
            let indent = indent(line);
            let rest = &line[indent..];
            if indent <= 3
                && rest.bytes().take_while(|&b| b == ch).count() >= len
                && is_blank(rest.trim_start_matches(char::from(ch)))
            {
                break;
            }
            self.code_text(&line[indent.min(fence_indent)..]);
            self.code_text("\n");
        }
        self.tag("</code></pre>");
        i
    }

    fn quote(&mut self, lines: &[&str], mut i: usize, depth: usize) -> usize {
        let mut inner = Vec::new();
        while let Some(&line) = lines.get(i) {
            let indent = indent(line);
            if let Some(rest) = line[indent..].strip_prefix('>').filter(|_| indent <= 3) {
                inner.push(rest.strip_prefix(' ').unwrap_or(rest));
            } else if !is_blank(line)
                && inner.last().is_some_and(|last| !is_blank(last))
                && block_start(line, depth).is_none()
            {
                // A lazy continuation line of the quoted paragraph.
                inner.push(line);
            } else {
                break;
            }
            i += 1;
        }
        self.tag("<blockquote>");
        self.blocks(&inner, depth + 1, false);
        self.tag("</blockquote>");
        i
    }

    fn list(&mut self, lines: &[&str], mut i: usize, depth: usize, first: ListMarker) -> usize {
        let mut items = Vec::new();
        let mut loose = false;
        while let Some(&line) = lines.get(i) {
            let Some(Start::List(marker)) = block_start(line, depth) else {
                break;
            };
            if !marker.continues(first) {
                break;
            }
            let column = indent(line) + marker.content;
            let mut item = vec![line.get(column..).unwrap_or("")];
            i += 1;
            while let Some(&next) = lines.get(i) {
                if is_blank(next) {
                    item.push("");
                } else if indent(next) >= column {
                    item.push(&next[column..]);
                } else if item.last().is_some_and(|last| !is_blank(last))
                    && block_start(next, depth).is_none()
                {
                    // A lazy continuation line of the item's paragraph.
                    item.push(next);
                } else {
                    break;
                }
                i += 1;
            }
            let end = item
                .iter()
                .rposition(|line| !is_blank(line))
                .map_or(0, |last| last + 1);
            let blank_after = end < item.len();
            item.truncate(end);
            // A blank line between items or inside one makes the list loose: items get paragraphs.
            loose |= item.iter().skip_while(|line| is_blank(line)).any(|line| is_blank(line))
                || blank_after
                    && lines.get(i).is_some_and(|&next| {
                        matches!(block_start(next, depth), Some(Start::List(m)) if m.continues(first))
                    });
            items.push(item);
        }
        let (open, close) = if first.ordered {
            ("<ol>", "</ol>")
        } else {
            ("<ul>", "</ul>")
        };
        self.tag(open);
        for item in &items {
            self.tag("<li>");
            self.blocks(item, depth + 1, !loose);
            self.tag("</li>");
        }
        self.tag(close);
        i
    }
}

/// A run of `*` or `_` that may open or close emphasis, in a linked list of the live ones.
struct Delim {
    /// The output piece where its leftover characters and tags go.
    piece: usize,
    ch: u8,
    count: usize,
    /// Length of the run as written, for CommonMark's "rule of 3".
    original: usize,
    open: bool,
    close: bool,
    prev: Option<usize>,
    next: Option<usize>,
    /// Tags opened here (true: strong), innermost first.
    opens: Vec<bool>,
    /// Tags closed here (true: strong), innermost first.
    closes: Vec<bool>,
}

/// A link's `(destination "title")`.
struct LinkTail {
    dest: String,
    title: Option<String>,
    end: usize,
}

/// The inline pass over one paragraph's text.
struct Inline<'s, 'm> {
    src: &'s str,
    mode: Mode<'m>,
    /// Finished output; each delimiter run owns an empty piece that emphasis fills at the end.
    pieces: Vec<String>,
    current: String,
    /// Plain text not yet escaped into `current`.
    text: String,
    delims: Vec<Delim>,
    /// `[` positions with their matching `]`, sorted.
    brackets: Vec<(usize, usize)>,
    /// Backtick runs as (length, start), sorted, built on first use.
    ticks: Option<Vec<(usize, usize)>>,
    /// Math closers (`\)`, `\]`, `$$`, `$`) known to be absent from here on, so no search repeats.
    unclosed: [bool; 4],
    /// Bytes that link destinations may still scan, keeping floods of `[a](` linear.
    budget: usize,
}

fn is_special(byte: u8) -> bool {
    matches!(
        byte,
        b'\\' | b'`' | b'$' | b'*' | b'_' | b'[' | b'<' | b'\n'
    )
}

/// CommonMark's punctuation, with non-ASCII symbols approximated by "not a letter, digit or space".
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace()
}

impl<'s, 'm> Inline<'s, 'm> {
    fn render(src: &'s str, mode: Mode<'m>, in_link: bool) -> String {
        let mut inline = Inline {
            src,
            mode,
            pieces: Vec::new(),
            current: String::with_capacity(src.len() + 16),
            text: String::new(),
            delims: Vec::new(),
            // Links cannot contain links, so inside one `[` is text.
            brackets: if in_link {
                Vec::new()
            } else {
                bracket_pairs(src)
            },
            ticks: None,
            unclosed: [false; 4],
            budget: 2 * src.len() + MAX_LINK_TAIL,
        };
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            i = match bytes[i] {
                b'\\' => inline.backslash(i),
                b'`' => inline.code(i),
                b'$' => inline.dollar(i),
                b'*' | b'_' => inline.delimiter_run(i),
                b'[' if !in_link => inline.link(i),
                b'<' if !in_link => inline.autolink(i),
                b'\n' => inline.line_break(i),
                _ => {
                    let end = bytes[i + 1..]
                        .iter()
                        .position(|&b| is_special(b))
                        .map_or(bytes.len(), |k| i + 1 + k);
                    inline.text.push_str(&src[i..end]);
                    end
                }
            };
        }
        inline.finish()
    }

    /// Moves pending text into the output: escaped, marked, or as is.
    fn flush(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let out = &mut self.current;
        match self.mode {
            Mode::Plain => out.push_str(&self.text),
            Mode::Html => push_escaped(out, &self.text),
            Mode::Marked(marker) => {
                let text = &self.text;
                let mut done = 0;
                for range in marker(text) {
                    let valid = done <= range.start
                        && range.start < range.end
                        && text.is_char_boundary(range.start)
                        && text.get(range.end..).is_some();
                    if valid {
                        push_escaped(out, &text[done..range.start]);
                        out.push_str("<mark>");
                        push_escaped(out, &text[range.start..range.end]);
                        out.push_str("</mark>");
                        done = range.end;
                    }
                }
                push_escaped(out, &text[done..]);
            }
        }
        self.text.clear();
    }

    /// Appends markup after the pending text (plain mode has none).
    fn markup(&mut self, html: &str) {
        self.flush();
        self.current.push_str(html);
    }

    fn backslash(&mut self, i: usize) -> usize {
        let escaped = match self.src.as_bytes().get(i + 1) {
            Some(b'(') => {
                return self
                    .math_between(i, "\\)", 0)
                    .unwrap_or_else(|| self.literal("(", i + 2));
            }
            Some(b'[') => {
                return self
                    .math_between(i, "\\]", 1)
                    .unwrap_or_else(|| self.literal("[", i + 2));
            }
            Some(b'\n') => {
                self.hard_break();
                return i + 2;
            }
            Some(&b) if b.is_ascii_punctuation() => b,
            _ => return self.literal("\\", i + 1),
        };
        self.text.push(char::from(escaped));
        i + 2
    }

    /// Pushes `text` as text and continues at `next`.
    fn literal(&mut self, text: &str, next: usize) -> usize {
        self.text.push_str(text);
        next
    }

    fn hard_break(&mut self) {
        if self.mode.plain() {
            self.text.push('\n');
        } else {
            self.markup("<br>\n");
        }
    }

    fn line_break(&mut self, i: usize) -> usize {
        let kept = self.text.trim_end_matches(' ').len();
        let spaces = self.text.len() - kept;
        self.text.truncate(kept);
        if spaces >= 2 {
            self.hard_break();
        } else {
            self.text.push('\n');
        }
        i + 1
    }

    fn dollar(&mut self, i: usize) -> usize {
        if self.src.as_bytes().get(i + 1) == Some(&b'$') {
            return self
                .math_between(i, "$$", 2)
                .unwrap_or_else(|| self.literal("$$", i + 2));
        }
        self.inline_dollar(i)
            .unwrap_or_else(|| self.literal("$", i + 1))
    }

    /// Math from the two-byte opener at `i` to `closer`, unless the closer is missing or the math
    /// blank; `slot` remembers a missing closer.
    fn math_between(&mut self, i: usize, closer: &str, slot: usize) -> Option<usize> {
        if self.unclosed[slot] {
            return None;
        }
        let body = i + 2;
        let Some(len) = self.src[body..].find(closer) else {
            self.unclosed[slot] = true;
            return None;
        };
        if is_blank(&self.src[body..body + len]) {
            return None;
        }
        let end = body + len + closer.len();
        self.math(i..end, body..body + len, closer != "\\)");
        Some(end)
    }

    /// `$…$`, by rules that keep prices plain: no space after the opening `$`, none before the
    /// closing one, and no digit after it.
    fn inline_dollar(&mut self, i: usize) -> Option<usize> {
        let first = self.src[i + 1..]
            .chars()
            .next()
            .filter(|c| !c.is_whitespace())?;
        if self.unclosed[3] {
            return None;
        }
        let bytes = self.src.as_bytes();
        let mut from = i + 1 + first.len_utf8();
        loop {
            let Some(offset) = self.src[from..].find('$') else {
                self.unclosed[3] = true;
                return None;
            };
            let close = from + offset;
            let before = bytes[close - 1];
            if !before.is_ascii_whitespace()
                && before != b'\\'
                && !bytes.get(close + 1).is_some_and(u8::is_ascii_digit)
            {
                self.math(i..close + 1, i + 1..close, false);
                return Some(close + 1);
            }
            from = close + 1;
        }
    }

    fn math(&mut self, whole: Range<usize>, body: Range<usize>, display: bool) {
        let src = self.src;
        let (whole, body) = (&src[whole], &src[body]);
        if self.mode.plain() {
            self.text.push_str(whole);
            return;
        }
        match latex_to_mathml(body, display) {
            Ok(mathml) => self.markup(&mathml),
            Err(error) => {
                self.markup("<span class=\"math-error\" title=\"");
                push_escaped(&mut self.current, &error.reason);
                self.current.push_str("\">");
                push_escaped(&mut self.current, whole);
                self.current.push_str("</span>");
            }
        }
    }

    fn code(&mut self, i: usize) -> usize {
        let src = self.src;
        let n = src.as_bytes()[i..]
            .iter()
            .take_while(|&&b| b == b'`')
            .count();
        let Some(close) = self.tick_closer(i, n) else {
            return self.literal(&src[i..i + n], i + n);
        };
        let mut body = &src[i + n..close];
        // One space or line end on each side pads code that starts or ends with a backtick.
        if body.len() >= 2
            && body.starts_with([' ', '\n'])
            && body.ends_with([' ', '\n'])
            && !body.bytes().all(|b| b == b' ' || b == b'\n')
        {
            body = &body[1..body.len() - 1];
        }
        let body = body.replace('\n', " ");
        if self.mode.plain() {
            self.text.push_str(&body);
        } else {
            self.markup("<code>");
            push_escaped(&mut self.current, &body);
            self.current.push_str("</code>");
        }
        close + n
    }

    /// The next backtick run of exactly `n` after the one at `i`.
    fn tick_closer(&mut self, i: usize, n: usize) -> Option<usize> {
        let src = self.src;
        let runs = self.ticks.get_or_insert_with(|| {
            let mut runs = Vec::new();
            let bytes = src.as_bytes();
            let mut k = 0;
            while k < bytes.len() {
                let len = bytes[k..].iter().take_while(|&&b| b == b'`').count();
                if len > 0 {
                    runs.push((len, k));
                }
                k += len.max(1);
            }
            runs.sort_unstable();
            runs
        });
        let next = runs.partition_point(|&run| run <= (n, i));
        runs.get(next)
            .filter(|&&(len, _)| len == n)
            .map(|&(_, start)| start)
    }

    fn delimiter_run(&mut self, i: usize) -> usize {
        let src = self.src;
        let ch = src.as_bytes()[i];
        let end = i + src.as_bytes()[i..].iter().take_while(|&&b| b == ch).count();
        let before = src[..i].chars().next_back().unwrap_or(' ');
        let after = src[end..].chars().next().unwrap_or(' ');
        let left = !after.is_whitespace()
            && (!is_punctuation(after) || before.is_whitespace() || is_punctuation(before));
        let right = !before.is_whitespace()
            && (!is_punctuation(before) || after.is_whitespace() || is_punctuation(after));
        // `_` inside a word (snake_case) is no emphasis.
        let (open, close) = if ch == b'*' {
            (left, right)
        } else {
            (
                left && (!right || is_punctuation(before)),
                right && (!left || is_punctuation(after)),
            )
        };
        if !open && !close {
            return self.literal(&src[i..end], end);
        }
        self.flush();
        self.pieces.push(std::mem::take(&mut self.current));
        let index = self.delims.len();
        let prev = index.checked_sub(1);
        if let Some(prev) = prev {
            self.delims[prev].next = Some(index);
        }
        self.delims.push(Delim {
            piece: self.pieces.len(),
            ch,
            count: end - i,
            original: end - i,
            open,
            close,
            prev,
            next: None,
            opens: Vec::new(),
            closes: Vec::new(),
        });
        self.pieces.push(String::new());
        end
    }

    fn link(&mut self, i: usize) -> usize {
        let src = self.src;
        let close = self
            .brackets
            .binary_search_by_key(&i, |&(open, _)| open)
            .ok()
            .map(|k| self.brackets[k].1)
            .filter(|&close| src.as_bytes().get(close + 1) == Some(&b'('));
        let Some((close, tail)) = close.and_then(|close| Some((close, self.link_tail(close + 1)?)))
        else {
            return self.literal("[", i + 1);
        };
        let label = Inline::render(&src[i + 1..close], self.mode, true);
        if self.mode.plain() {
            return self.literal(&label, tail.end);
        }
        match link_rel(&tail.dest) {
            Some(rel) => {
                self.markup("<a href=\"");
                let out = &mut self.current;
                push_escaped(out, &tail.dest);
                out.push('"');
                if let Some(title) = &tail.title {
                    out.push_str(" title=\"");
                    push_escaped(out, title);
                    out.push('"');
                }
                out.push_str(rel);
                out.push('>');
                out.push_str(&label);
                out.push_str("</a>");
            }
            None => self.markup(&label),
        }
        tail.end
    }

    fn link_tail(&mut self, open: usize) -> Option<LinkTail> {
        let limit = self.src.len().min(open + MAX_LINK_TAIL.min(self.budget));
        let tail = parse_link_tail(self.src, open, limit);
        let reach = match &tail {
            Ok(tail) => tail.end,
            Err(reach) => *reach,
        };
        self.budget = self.budget.saturating_sub(reach - open);
        tail.ok()
    }

    fn autolink(&mut self, i: usize) -> usize {
        let src = self.src;
        let rest = &src[i + 1..];
        let target = rest
            .find(|c: char| c == '>' || c == '<' || c.is_whitespace() || c.is_control())
            .filter(|&end| rest.as_bytes()[end] == b'>')
            .map(|end| &rest[..end]);
        let href = target.and_then(|target| {
            if is_uri(target) {
                Some(Cow::Borrowed(target))
            } else if is_email(target) {
                Some(Cow::Owned(["mailto:", target].concat()))
            } else {
                None
            }
        });
        let (Some(target), Some(href)) = (target, href) else {
            return self.literal("<", i + 1);
        };
        let Some(rel) = link_rel(&href) else {
            return self.literal("<", i + 1);
        };
        let end = i + 1 + target.len() + 1;
        if self.mode.plain() {
            return self.literal(target, end);
        }
        self.markup("<a href=\"");
        let out = &mut self.current;
        push_escaped(out, &href);
        out.push('"');
        out.push_str(rel);
        out.push('>');
        push_escaped(out, target);
        out.push_str("</a>");
        end
    }

    /// Pairs emphasis delimiters as CommonMark does, with its `openers_bottom` floors, which keep
    /// this linear: a failed search is not repeated below where it stopped.
    fn emphasis(&mut self) {
        let delims = &mut self.delims;
        // Indexed by closer character, whether the closer can open, and its length mod 3.
        let mut floors = [[[None::<usize>; 3]; 2]; 2];
        let mut current = if delims.is_empty() { None } else { Some(0) };
        while let Some(c) = current {
            let closer = &delims[c];
            if !closer.close {
                current = closer.next;
                continue;
            }
            let floor = &mut floors[usize::from(closer.ch == b'_')][usize::from(closer.open)]
                [closer.original % 3];
            let mut candidate = closer.prev;
            let mut found = None;
            while let Some(o) = candidate.filter(|&o| floor.is_none_or(|f| o > f)) {
                let opener = &delims[o];
                // The rule of 3: `*a**b*` is not `<em>a</em><em>b</em>`.
                let odd = (opener.close || closer.open)
                    && (opener.original + closer.original).is_multiple_of(3)
                    && !(opener.original.is_multiple_of(3) && closer.original.is_multiple_of(3));
                if opener.ch == closer.ch && opener.open && !odd {
                    found = Some(o);
                    break;
                }
                candidate = opener.prev;
            }
            let Some(o) = found else {
                *floor = closer.prev;
                current = closer.next;
                if !closer.open {
                    unlink(delims, c);
                }
                continue;
            };
            let strong = delims[o].count >= 2 && delims[c].count >= 2;
            let used = if strong { 2 } else { 1 };
            delims[o].count -= used;
            delims[c].count -= used;
            delims[o].opens.push(strong);
            delims[c].closes.push(strong);
            // Delimiters between the pair can no longer match anything.
            delims[o].next = Some(c);
            delims[c].prev = Some(o);
            if delims[o].count == 0 {
                unlink(delims, o);
            }
            if delims[c].count == 0 {
                current = delims[c].next;
                unlink(delims, c);
            }
        }
    }

    fn finish(mut self) -> String {
        self.flush();
        self.emphasis();
        let html = !self.mode.plain();
        for delim in &self.delims {
            let piece = &mut self.pieces[delim.piece];
            for &strong in delim.closes.iter().filter(|_| html) {
                piece.push_str(if strong { "</strong>" } else { "</em>" });
            }
            piece.extend(repeat_n(char::from(delim.ch), delim.count));
            for &strong in delim.opens.iter().rev().filter(|_| html) {
                piece.push_str(if strong { "<strong>" } else { "<em>" });
            }
        }
        let mut out = self.pieces.concat();
        out.push_str(&self.current);
        out
    }
}

fn unlink(delims: &mut [Delim], i: usize) {
    let (prev, next) = (delims[i].prev, delims[i].next);
    if let Some(prev) = prev {
        delims[prev].next = next;
    }
    if let Some(next) = next {
        delims[next].prev = prev;
    }
}

/// Matching `[` and `]` (skipping backslash escapes), sorted by the `[`.
fn bracket_pairs(src: &str) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut open = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => open.push(i),
            b']' => pairs.extend(open.pop().map(|o| (o, i))),
            _ => {}
        }
        i += 1;
    }
    pairs.sort_unstable();
    pairs
}

fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while bytes
        .get(i)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n'))
    {
        i += 1;
    }
    i
}

/// Parses `(destination "title")` from `open` (a `(`) up to `limit`; on failure, how far it read.
fn parse_link_tail(src: &str, open: usize, limit: usize) -> Result<LinkTail, usize> {
    let bytes = &src.as_bytes()[..limit];
    let mut i = skip_spaces(bytes, open + 1);
    let dest = if bytes.get(i) == Some(&b'<') {
        let start = i + 1;
        let len = bytes[start..]
            .iter()
            .position(|b| matches!(b, b'>' | b'<' | b'\n'))
            .ok_or(limit)?;
        i = start + len + 1;
        if bytes[start + len] != b'>' {
            return Err(i);
        }
        &src[start..start + len]
    } else {
        let start = i;
        let mut depth = 0;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 1,
                b'(' if depth == 32 => return Err(i),
                b'(' => depth += 1,
                b')' if depth == 0 => break,
                b')' => depth -= 1,
                0..=b' ' => break,
                _ => {}
            }
            i += 1;
        }
        if i >= limit || depth > 0 {
            return Err(i);
        }
        &src[start..i]
    };
    let after_dest = i;
    i = skip_spaces(bytes, i);
    let mut title = None;
    if let Some(&quote) = bytes
        .get(i)
        .filter(|&&b| i > after_dest && matches!(b, b'"' | b'\'' | b'('))
    {
        let closer = if quote == b'(' { b')' } else { quote };
        let start = i + 1;
        let mut end = start;
        loop {
            match bytes.get(end) {
                None => return Err(end),
                Some(&b) if b == closer => break,
                Some(b'\\') => end += 2,
                Some(_) => end += 1,
            }
        }
        title = Some(unescape(&src[start..end]));
        i = skip_spaces(bytes, end + 1);
    }
    if bytes.get(i) != Some(&b')') {
        return Err(i);
    }
    Ok(LinkTail {
        dest: unescape(dest),
        title,
        end: i + 1,
    })
}

/// Removes the backslash of backslash escapes.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match chars.clone().next() {
            Some(next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The `rel` attribute (with its leading space) of a link to `url` that may be emitted:
/// [`EXTERNAL`] for http(s) and `//host` URLs, [`FILE`] for relative paths to files
/// (`files/cv.pdf`), none for mailto and relative app routes (`papers/x`); `None` for any other
/// scheme. Control characters are refused outright, since browsers drop some of them inside
/// schemes (`java\tscript:`).
fn link_rel(url: &str) -> Option<&'static str> {
    if url.chars().any(char::is_control) {
        return None;
    }
    let url = url.trim();
    match url.find([':', '/', '?', '#']) {
        Some(colon) if url.as_bytes()[colon] == b':' => {
            let scheme = &url[..colon];
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
                Some(EXTERNAL)
            } else {
                scheme.eq_ignore_ascii_case("mailto").then_some("")
            }
        }
        _ if url.starts_with("//") => Some(EXTERNAL),
        _ => {
            let path = url.split(['?', '#']).next().unwrap_or_default();
            let file = path.rsplit('/').next().unwrap_or_default();
            Some(if file.contains('.') { FILE } else { "" })
        }
    }
}

/// An autolink target with a scheme, as CommonMark defines one.
fn is_uri(target: &str) -> bool {
    target.split_once(':').is_some_and(|(scheme, _)| {
        (2..=32).contains(&scheme.len())
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
    })
}

fn is_email(target: &str) -> bool {
    target.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.is_empty()
            && local
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b))
            && domain
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    })
}

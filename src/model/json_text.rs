//! Finding things in the text of a JSON file: the value at a byte offset (with its path and the
//! spans an edit needs), and the line of a JSON path. Serde's values carry no positions; these
//! scans work on the text itself, skipping whatever they need not enter.

use super::fast_hash::{FastMap, FastSet};
use super::line_counter::LineCounter;
use std::ops::Range;

/// A value found in JSON text, as [`value_at`] finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundValue {
    /// Its JSON path (`papers[3].authors[1]`), empty for the whole document.
    pub path: String,
    /// The bytes of the value.
    pub value: Range<usize>,
    /// The bytes that removing it as a member (key, colon, value and one comma) takes away;
    /// the value's own bytes for the whole document or an array element.
    pub member: Range<usize>,
    /// Whether the offset pointed at the member's key rather than into its value.
    pub at_key: bool,
}

/// The value that serde was reading when it stopped at `offset`: the innermost value that
/// contains the offset, or ends or starts there (serde stops past a scalar, before an array or
/// object of the wrong type, past the `}` of an object that lacks a field, and past the key of an
/// unknown field, which is then the value found, with `at_key`). `None` for text that is not
/// JSON.
pub fn value_at(text: &str, offset: usize) -> Option<FoundValue> {
    let bytes = text.as_bytes();
    let start = skip_space(bytes, 0);
    let end = value_end(bytes, start)?;
    let mut found = FoundValue {
        path: String::new(),
        value: start..end,
        member: start..end,
        at_key: false,
    };
    loop {
        let Range { start, end } = found.value.clone();
        let inside_a_container =
            start < offset && offset < end && matches!(bytes[start], b'{' | b'[');
        if !inside_a_container {
            return Some(found);
        }
        let is_object = bytes[start] == b'{';
        let mut child = None;
        for_each_child(bytes, start, |entry| {
            let before = if entry.key.is_some() {
                entry.start < offset
            } else {
                entry.start <= offset
            };
            if before && offset <= entry.value.end {
                child = Some(entry);
                false
            } else {
                true
            }
        })?;
        let entry = child?;
        match &entry.key {
            Some(key) => {
                push_key(&mut found.path, &text[key.start + 1..key.end - 1]);
                found.member = entry.removal(is_object);
                found.at_key = offset <= key.end;
            }
            None => {
                found.path.push_str(&format!("[{}]", entry.index));
                found.member = entry.value.clone();
            }
        }
        found.value = entry.value;
        if found.at_key {
            return Some(found);
        }
    }
}

/// The byte just inside the `{` of the object at `start`, and whether the object has members.
pub fn object_inside(text: &str, start: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    (bytes.get(start) == Some(&b'{')).then(|| {
        let inside = start + 1;
        (inside, bytes.get(skip_space(bytes, inside)) != Some(&b'}'))
    })
}

/// The 1-based line of each path's value in `text`, or of the deepest value along the path that
/// exists (a missing field is reported on the line of its object). One pass over the text,
/// entering only the values that lead to a wanted path. `None` for paths the text does not
/// start to hold, such as those naming another file.
pub fn lines_of(text: &str, paths: &[&str]) -> Vec<Option<usize>> {
    let mut wanted: FastSet<&str> = FastSet::default();
    for path in paths {
        for prefix in prefixes(path) {
            wanted.insert(prefix);
        }
    }
    let mut lines = FastMap::default();
    let bytes = text.as_bytes();
    let start = skip_space(bytes, 0);
    let mut counter = LineCounter::default();
    if paths.contains(&"") && start < bytes.len() {
        lines.insert("", counter.line_at(bytes, start));
    }
    record_lines(
        bytes,
        text,
        start,
        &mut String::new(),
        &wanted,
        &mut counter,
        &mut lines,
    );
    paths
        .iter()
        .map(|path| {
            if path.is_empty() {
                return lines.get("").copied();
            }
            prefixes(path)
                .into_iter()
                .rev()
                .find_map(|prefix| lines.get(prefix).copied())
        })
        .collect()
}

/// Every non-empty prefix of a path that is a path itself, shortest first:
/// `a`, `a[1]`, `a[1].b` for `a[1].b`.
fn prefixes(path: &str) -> Vec<&str> {
    let mut prefixes: Vec<&str> = path
        .char_indices()
        .filter(|&(index, c)| index > 0 && (c == '.' || c == '['))
        .map(|(index, _)| &path[..index])
        .collect();
    if !path.is_empty() {
        prefixes.push(path);
    }
    prefixes
}

/// Records the line of every wanted value inside the value at `start` (path `path`): a member's
/// line is that of its key.
fn record_lines<'a>(
    bytes: &[u8],
    text: &str,
    start: usize,
    path: &mut String,
    wanted: &FastSet<&'a str>,
    counter: &mut LineCounter,
    lines: &mut FastMap<&'a str, usize>,
) {
    if !matches!(bytes.get(start), Some(b'{' | b'[')) {
        return;
    }
    let _ = for_each_child(bytes, start, |entry| {
        let length = path.len();
        match &entry.key {
            Some(key) => push_key(path, &text[key.start + 1..key.end - 1]),
            None => path.push_str(&format!("[{}]", entry.index)),
        }
        if let Some(&wanted_path) = wanted.get(path.as_str()) {
            lines.insert(wanted_path, counter.line_at(bytes, entry.start));
            record_lines(bytes, text, entry.value.start, path, wanted, counter, lines);
        }
        path.truncate(length);
        true
    });
}

/// Appends an object key to a path.
fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// A member of an object or an element of an array, as [`for_each_child`] finds it.
struct Child {
    /// The position among its siblings.
    index: usize,
    /// Where it starts: its key, or its value in an array.
    start: usize,
    /// The key with its quotes, in an object.
    key: Option<Range<usize>>,
    /// The value.
    value: Range<usize>,
    /// The comma that follows it, if any.
    comma_after: Option<usize>,
    /// The comma that precedes it, if any.
    comma_before: Option<usize>,
    /// Where the next sibling (or the closing bracket) starts.
    next: usize,
}

impl Child {
    /// What removing it takes away so that the rest stays valid JSON: itself with the comma that
    /// follows it, or with the one before it when it is the last.
    fn removal(&self, in_object: bool) -> Range<usize> {
        let start = if in_object {
            self.start
        } else {
            self.value.start
        };
        match (self.comma_after, self.comma_before) {
            (Some(_), _) => start..self.next,
            (None, Some(comma)) => comma..self.value.end,
            (None, None) => start..self.value.end,
        }
    }
}

/// Calls `visit` with each child of the object or array at `start` until it returns false.
/// `None` when the text is not JSON there.
fn for_each_child(bytes: &[u8], start: usize, mut visit: impl FnMut(Child) -> bool) -> Option<()> {
    let is_object = bytes[start] == b'{';
    let close = if is_object { b'}' } else { b']' };
    let mut at = skip_space(bytes, start + 1);
    let mut index = 0;
    let mut comma_before = None;
    while *bytes.get(at)? != close {
        let child_start = at;
        let key = if is_object {
            let key = at..string_end(bytes, at)?;
            at = skip_space(bytes, key.end);
            if *bytes.get(at)? != b':' {
                return None;
            }
            at = skip_space(bytes, at + 1);
            Some(key)
        } else {
            None
        };
        let value = at..value_end(bytes, at)?;
        at = skip_space(bytes, value.end);
        let comma_after = (*bytes.get(at)? == b',').then_some(at);
        if comma_after.is_some() {
            at = skip_space(bytes, at + 1);
        }
        let child = Child {
            index,
            start: child_start,
            key,
            value,
            comma_after,
            comma_before,
            next: at,
        };
        if !visit(child) {
            return Some(());
        }
        comma_before = comma_after;
        index += 1;
    }
    Some(())
}

/// The first byte at or after `at` that is not white space.
fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes
        .get(at)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        at += 1;
    }
    at
}

/// The byte just past the string whose opening quote is at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    if bytes.get(start) != Some(&b'"') {
        return None;
    }
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
    None
}

/// The byte just past the value starting at `start`, skipping nested values without building
/// anything.
fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
    match *bytes.get(start)? {
        b'"' => string_end(bytes, start),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut at = start;
            while at < bytes.len() {
                match bytes[at] {
                    b'"' => {
                        at = string_end(bytes, at)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(at + 1);
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
            None
        }
        _ => {
            let mut at = start;
            while bytes
                .get(at)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            {
                at += 1;
            }
            (at > start).then_some(at)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\"a\": [1, {\"b\": \"x\"}],\n \"c\": {\"d\": 2},\n \"e\": {}}";

    fn at(needle: &str, shift: usize) -> FoundValue {
        value_at(TEXT, TEXT.find(needle).unwrap() + shift).unwrap()
    }

    #[test]
    fn the_value_serde_stopped_at_is_found_with_what_removing_it_takes() {
        let scalar = at("2}", 1);
        assert_eq!(scalar.path, "c.d");
        assert_eq!(&TEXT[scalar.value], "2");
        let key = at("\"b\"", 3);
        assert!(key.at_key);
        assert_eq!(key.path, "a[1].b");
        assert_eq!(&TEXT[key.member], "\"b\": \"x\"");
        let object_end = at("{\"d", 8);
        assert_eq!(object_end.path, "c");
        assert_eq!(&TEXT[object_end.member], "\"c\": {\"d\": 2},\n ");
        let last = at("{}", 2);
        assert_eq!(last.path, "e");
        assert_eq!(&TEXT[last.member], ",\n \"e\": {}");
        let array_start = at("[1", 0);
        assert_eq!(array_start.path, "a");
        assert_eq!(&TEXT[array_start.member], "\"a\": [1, {\"b\": \"x\"}],\n ");
        assert_eq!(at("1,", 1).path, "a[0]");
    }

    #[test]
    fn lines_are_those_of_the_deepest_value_that_exists() {
        assert_eq!(
            lines_of(TEXT, &["a[1].b", "c.d", "c.missing", "e", "zzz", ""]),
            [Some(1), Some(2), Some(2), Some(3), None, Some(1)]
        );
    }

    #[test]
    fn text_that_is_not_json_finds_nothing() {
        assert_eq!(value_at("{\"a\": [1, ", 8), None);
        assert_eq!(lines_of("{\"a\": ", &["a"]), [None]);
    }
}

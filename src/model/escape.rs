//! Escaping text for HTML, shared by every piece of code that writes markup.

/// Appends `text` to `out` with `& < > " '` replaced by entities, so that it reads as text in
/// element content and in double-quoted attribute values alike.
pub fn push_escaped(out: &mut String, text: &str) {
    let mut done = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[done..i]);
        out.push_str(entity);
        done = i + 1;
    }
    out.push_str(&text[done..]);
}

#[cfg(test)]
mod tests {
    use super::push_escaped;

    #[test]
    fn escapes_markup_and_quotes() {
        let mut out = String::new();
        push_escaped(&mut out, r#"<a href="x" onclick='y'>&amp;</a>"#);
        assert_eq!(
            out,
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
    }
}

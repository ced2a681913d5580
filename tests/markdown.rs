//! Markdown to safe HTML: exact output for the supported syntax, and a sanitizer that holds on
//! hostile input (only allowed tags and attributes, only safe link schemes, no panics, no blow-up).
#![cfg(not(target_arch = "wasm32"))]

mod mathml;

use proptest::prelude::*;
use std::ops::Range;
use std::time::{Duration, Instant};
use vita::model::markdown::{render_block, render_block_marked, render_inline, to_plain_text};
use vita::model::math::latex_to_mathml;

fn math(tex: &str, display: bool) -> String {
    latex_to_mathml(tex, display).expect("valid formula")
}

#[test]
fn inline_emphasis_strong_and_code() {
    assert_eq!(render_inline("a *b* `c`"), "a <em>b</em> <code>c</code>");
    assert_eq!(
        render_inline("_a_ __b__ **c** snake_case_name"),
        "<em>a</em> <strong>b</strong> <strong>c</strong> snake_case_name"
    );
    assert_eq!(render_inline("***x***"), "<em><strong>x</strong></em>");
    assert_eq!(
        render_inline("*a **b** c*"),
        "<em>a <strong>b</strong> c</em>"
    );
    assert_eq!(render_inline("**a*"), "*<em>a</em>");
    assert_eq!(render_inline("5 * 3 * 2"), "5 * 3 * 2");
}

#[test]
fn code_spans_are_verbatim() {
    assert_eq!(
        render_inline("`*a* <b> [x](y)` and `` a`b ``"),
        "<code>*a* &lt;b&gt; [x](y)</code> and <code>a`b</code>"
    );
    assert_eq!(render_inline("``` unclosed"), "``` unclosed");
}

#[test]
fn backslash_escapes_ascii_punctuation_only() {
    assert_eq!(
        render_inline(r"\*not em\* \_ \# \a \\"),
        r"*not em* _ # \a \"
    );
}

#[test]
fn dashes_are_left_as_typed() {
    assert_eq!(render_inline("a -- b --- c"), "a -- b --- c");
}

#[test]
fn paragraphs_split_on_blank_lines_and_keep_soft_breaks() {
    assert_eq!(render_block("a\nb\n\n\nc"), "<p>a\nb</p><p>c</p>");
    assert_eq!(
        render_block("  indented\n   lines  "),
        "<p>indented\nlines</p>"
    );
    assert_eq!(render_block(""), "");
}

#[test]
fn hard_breaks_from_two_spaces_or_backslash() {
    assert_eq!(render_block("a  \nb\\\nc"), "<p>a<br>\nb<br>\nc</p>");
    assert_eq!(render_block("end  "), "<p>end</p>");
}

#[test]
fn headings_are_demoted_below_the_page_headings() {
    assert_eq!(
        render_block("# A\n## B\n### C\n#### D\n##### E\n###### F"),
        "<h3>A</h3><h4>B</h4><h5>C</h5><h6>D</h6><h6>E</h6><h6>F</h6>"
    );
    assert_eq!(
        render_block("# Closed *x* ##"),
        "<h3>Closed <em>x</em></h3>"
    );
    assert_eq!(
        render_block("####### seven\n#5 no space"),
        "<p>####### seven\n#5 no space</p>"
    );
}

#[test]
fn bullet_and_ordered_lists() {
    assert_eq!(
        render_block("- a\n- b\n* c\n\n1. one\n2. two"),
        "<ul><li>a</li><li>b</li></ul><ul><li>c</li></ul><ol><li>one</li><li>two</li></ol>"
    );
    assert_eq!(
        render_block("+ lazy\ncontinuation"),
        "<ul><li>lazy\ncontinuation</li></ul>"
    );
}

#[test]
fn nested_lists_by_indentation() {
    assert_eq!(
        render_block("1. a\n   - b\n     - c\n2. d"),
        "<ol><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ol>"
    );
    assert_eq!(
        render_block("- a\n\t- tab"),
        "<ul><li>a<ul><li>tab</li></ul></li></ul>"
    );
}

#[test]
fn blank_lines_make_a_list_loose() {
    assert_eq!(
        render_block("- a\n\n- b"),
        "<ul><li><p>a</p></li><li><p>b</p></li></ul>"
    );
    assert_eq!(
        render_block("- a\n\n  more\n- b"),
        "<ul><li><p>a</p><p>more</p></li><li><p>b</p></li></ul>"
    );
    assert_eq!(
        render_block("- a\n\nafter"),
        "<ul><li>a</li></ul><p>after</p>"
    );
}

#[test]
fn only_a_list_numbered_one_interrupts_a_paragraph() {
    assert_eq!(
        render_block("Year\n2021. was good\n1. first"),
        "<p>Year\n2021. was good</p><ol><li>first</li></ol>"
    );
    assert_eq!(
        render_block("Text\n- item"),
        "<p>Text</p><ul><li>item</li></ul>"
    );
}

#[test]
fn block_quotes_nest_and_hold_blocks() {
    assert_eq!(
        render_block("> q\nlazy\n> > deep\n\nafter"),
        "<blockquote><p>q\nlazy</p><blockquote><p>deep</p></blockquote></blockquote><p>after</p>"
    );
    assert_eq!(
        render_block("> - a\n> - b"),
        "<blockquote><ul><li>a</li><li>b</li></ul></blockquote>"
    );
}

#[test]
fn fenced_code_is_escaped_verbatim_with_a_safe_language_class() {
    assert_eq!(
        render_block("```rust\nfn f<T>() { *x* }\n  indented\n```\nafter"),
        "<pre><code class=\"language-rust\">fn f&lt;T&gt;() { *x* }\n  indented\n</code></pre><p>after</p>"
    );
    assert_eq!(
        render_block("~~~ c\"onclick=x\n$a$\n~~~"),
        "<pre><code>$a$\n</code></pre>"
    );
    assert_eq!(
        render_block("- item\n\n  ```\n  code\n  ```"),
        "<ul><li><p>item</p><pre><code>code\n</code></pre></li></ul>"
    );
    assert_eq!(
        render_block("```\nunclosed"),
        "<pre><code>unclosed\n</code></pre>"
    );
}

#[test]
fn horizontal_rules() {
    assert_eq!(
        render_block("a\n---\n* * *\n___\n- - -"),
        "<p>a</p><hr><hr><hr><hr>"
    );
}

#[test]
fn raw_html_and_quotes_are_escaped() {
    assert_eq!(
        render_block("<script>alert(1)</script>"),
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    );
    assert_eq!(
        render_inline(r#"<img src=x onerror="alert('1')"> AT&amp;T"#),
        "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; AT&amp;amp;T"
    );
}

#[test]
fn links_get_rel_when_external_or_to_a_file() {
    assert_eq!(
        render_inline(r#"[paper](https://arxiv.org/abs/1 "The \"paper\"")"#),
        r#"<a href="https://arxiv.org/abs/1" title="The &quot;paper&quot;" rel="noopener noreferrer">paper</a>"#
    );
    assert_eq!(
        render_inline("[cv](/files/cv.pdf) [sec](#sec) [x](papers/x) [m](mailto:a@b.org)"),
        r##"<a href="/files/cv.pdf" rel="external">cv</a> <a href="#sec">sec</a> <a href="papers/x">x</a> <a href="mailto:a@b.org">m</a>"##,
        "files beside the site are external to the app's router; its own routes are not"
    );
    assert_eq!(
        render_inline("[*em* `c`](<HTTP://x.org/a b>)"),
        r#"<a href="HTTP://x.org/a b" rel="noopener noreferrer"><em>em</em> <code>c</code></a>"#
    );
    assert_eq!(
        render_inline("[a](u(1)) [not a link] [x]\n(y)"),
        r#"<a href="u(1)">a</a> [not a link] [x]
(y)"#
    );
}

#[test]
fn autolinks() {
    assert_eq!(
        render_inline("<https://e.org/?a=1&b=2> <me@e.org>"),
        r#"<a href="https://e.org/?a=1&amp;b=2" rel="noopener noreferrer">https://e.org/?a=1&amp;b=2</a> <a href="mailto:me@e.org">me@e.org</a>"#
    );
    assert_eq!(render_inline("https://bare.org"), "https://bare.org");
}

#[test]
fn links_with_other_schemes_render_only_their_text() {
    for url in [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "vbscript:x",
        "data:text/html,<b>",
        "file:///etc/passwd",
        "<java\tscript:alert(1)>",
        "<\u{1}javascript:x>",
    ] {
        assert_eq!(render_inline(&format!("[x]({url})")), "x", "{url}");
    }
    assert_eq!(
        render_inline("<javascript:alert(1)>"),
        "&lt;javascript:alert(1)&gt;"
    );
    assert_eq!(
        render_inline("[x](&#106;avascript:alert(1))"),
        r#"<a href="&amp;#106;avascript:alert(1)">x</a>"#,
        "entities stay undecoded, so this is a relative URL"
    );
}

#[test]
fn links_cannot_nest() {
    assert_eq!(
        render_inline("[a [b](c)](d)"),
        r#"<a href="d">a [b](c)</a>"#
    );
}

#[test]
fn inline_and_display_math_become_mathml() {
    assert_eq!(
        render_inline("$n$-gram"),
        r#"<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>n</mi></mrow><annotation encoding="application/x-tex">n</annotation></semantics></math>-gram"#
    );
    assert_eq!(
        render_block(r"Solve $\Delta \varphi = f$ for \(u(x)\)."),
        format!(
            "<p>Solve {} for {}.</p>",
            math(r"\Delta \varphi = f", false),
            math("u(x)", false)
        )
    );
    assert_eq!(
        render_block(r"Let $X=(X_n:n\geq 0)$ and $A^c$ with $\pi$:"),
        format!(
            "<p>Let {} and {} with {}:</p>",
            math(r"X=(X_n:n\geq 0)", false),
            math("A^c", false),
            math(r"\pi", false)
        )
    );
    assert_eq!(
        render_block("a $$x^2$$ b\n\\[\\frac12\\]"),
        format!(
            "<p>a {} b\n{}</p>",
            math("x^2", true),
            math(r"\frac12", true)
        )
    );
}

#[test]
fn math_is_not_markdown() {
    assert_eq!(
        render_inline("$a*b*c_d*e_f$"),
        math("a*b*c_d*e_f", false),
        "no emphasis inside math"
    );
}

#[test]
fn dollar_rules_keep_prices_plain() {
    assert_eq!(render_inline("costs $5 and $10"), "costs $5 and $10");
    assert_eq!(render_inline("$5-$10"), "$5-$10");
    assert_eq!(render_inline("$ x$ and $x $"), "$ x$ and $x $");
    assert_eq!(render_inline(r"\$x\$"), "$x$");
    assert_eq!(render_inline("$$ unclosed"), "$$ unclosed");
    assert_eq!(render_inline(r"\(open \[open"), "(open [open");
}

#[test]
fn math_errors_show_the_source() {
    assert_eq!(
        render_inline(r#"$\foo<"$ and \(x^\)"#),
        concat!(
            r#"<span class="math-error" title="unknown command \foo">$\foo&lt;&quot;$</span>"#,
            r#" and <span class="math-error" title="missing argument for ^">\(x^\)</span>"#
        )
    );
}

#[test]
fn marker_highlights_text_runs_only() {
    let marker = |text: &str| -> Vec<Range<usize>> {
        text.match_indices("ab")
            .map(|(i, m)| i..i + m.len())
            .collect()
    };
    assert_eq!(
        render_block_marked(
            "ab *xab* `ab` $ab$ [ab](https://ab.org) <https://ab.org> a<b",
            &marker
        ),
        format!(
            "<p><mark>ab</mark> <em>x<mark>ab</mark></em> <code>ab</code> {} {} {} a&lt;b</p>",
            math("ab", false),
            r#"<a href="https://ab.org" rel="noopener noreferrer"><mark>ab</mark></a>"#,
            r#"<a href="https://ab.org" rel="noopener noreferrer">https://ab.org</a>"#,
        )
    );
    assert_eq!(
        render_block_marked("```\nab\n```", &marker),
        "<pre><code>ab\n</code></pre>"
    );
}

#[test]
fn marker_ranges_that_are_not_valid_are_skipped() {
    let marker =
        |_: &str| -> Vec<Range<usize>> { vec![1..2, 0..1, Range { start: 3, end: 2 }, 5..99] };
    assert_eq!(
        render_block_marked("aé<", &marker),
        "<p><mark>a</mark>é&lt;</p>"
    );
    let marker = |_: &str| -> Vec<Range<usize>> { vec![0..1, 3..4] };
    assert_eq!(
        render_block_marked("aé<", &marker),
        "<p><mark>a</mark>é<mark>&lt;</mark></p>"
    );
}

#[test]
fn plain_text_drops_markup_and_keeps_math_source() {
    assert_eq!(
        to_plain_text(
            "# Title\n\nRead *more* about [this](https://x.org)\nand `code`.\n\n- $\\alpha<1$\n- \\(x\\)\n\n```\nfn f()\n```"
        ),
        r"Title Read more about this and code. $\alpha<1$ \(x\) fn f()"
    );
    assert_eq!(to_plain_text("<b>x</b> &amp;"), "<b>x</b> &amp;");
}

#[test]
fn nesting_is_capped_and_deeper_markers_are_text() {
    let quotes = render_block(&format!("{}x", "> ".repeat(1_000)));
    assert_eq!(quotes.matches("<blockquote>").count(), 16);
    let lists: Vec<String> = (0..200).map(|k| format!("{}- x", "  ".repeat(k))).collect();
    let lists = render_block(&lists.join("\n"));
    assert_eq!(lists.matches("<ul>").count(), 16);
    check_html(&quotes);
    check_html(&lists);
}

#[test]
fn pathological_input_renders_in_linear_time() {
    let inputs = [
        "*".repeat(100_000),
        "*a ".repeat(50_000),
        "_a*".repeat(50_000),
        "[".repeat(100_000),
        "[a](".repeat(50_000),
        "[](b".repeat(50_000),
        "` ``".repeat(30_000),
        "$a".repeat(50_000),
        "\\(".repeat(50_000),
        "<a".repeat(50_000),
        "> - ".repeat(20_000),
        "- a\n  ".repeat(20_000),
    ];
    for input in inputs {
        let start = Instant::now();
        let html = render_block(&input);
        let plain = to_plain_text(&input);
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{}… took {:?}",
            &input[..12],
            start.elapsed()
        );
        check_html(&html);
        assert!(!plain.contains('<') || input.contains('<'));
    }
}

const HTML_ELEMENTS: &[(&str, &[&str])] = &[
    ("p", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("ul", &[]),
    ("ol", &[]),
    ("li", &[]),
    ("blockquote", &[]),
    ("pre", &[]),
    ("code", &["class"]),
    ("hr", &[]),
    ("br", &[]),
    ("em", &[]),
    ("strong", &[]),
    ("a", &["href", "title", "rel", "target"]),
    ("mark", &[]),
    ("span", &["class", "title"]),
];

fn decode(value: &str) -> String {
    value
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Whether a browser would see a scheme other than http, https or mailto in `href`.
fn has_unsafe_scheme(href: &str) -> bool {
    let url: String = href
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme && !["http", "https", "mailto"].contains(&scheme.to_ascii_lowercase().as_str())
}

/// Scans rendered HTML and fails unless every `<` starts an allowed, well-nested tag with allowed,
/// double-quoted attributes, text has no bare `>` or `&`, and every link is safe.
fn check_html(html: &str) {
    for banned in [
        "<script", "<img", "<iframe", "<svg", "<style", "<object", "<embed",
    ] {
        assert!(!html.contains(banned), "{banned} in {html}");
    }
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(['<', '>', '&']) {
        rest = &rest[start..];
        if let Some(entity) = rest.strip_prefix('&') {
            assert!(
                ["amp;", "lt;", "gt;", "quot;", "#39;"]
                    .iter()
                    .any(|known| entity.starts_with(known)),
                "bare & in {html}"
            );
            rest = entity;
            continue;
        }
        assert!(rest.starts_with('<'), "bare > in {html}");
        let end = rest.find('>').expect("tag is closed");
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name), "misnested </{name}> in {html}");
            continue;
        }
        let (name, mut attributes) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
            "bad tag <{tag}> in {html}"
        );
        let allowed: &[&str] = if let Some((_, allowed)) =
            HTML_ELEMENTS.iter().find(|(element, _)| *element == name)
        {
            allowed
        } else {
            assert!(mathml::ELEMENTS.contains(&name), "element {name} in {html}");
            mathml::ATTRIBUTES
        };
        let mut href = None;
        let mut rel = None;
        while !attributes.is_empty() {
            let (attribute, after) = attributes.split_once("=\"").expect("quoted attribute");
            assert!(
                !attribute.starts_with("on"),
                "handler {attribute} in {html}"
            );
            assert!(
                allowed.contains(&attribute),
                "attribute {attribute} on {name} in {html}"
            );
            let (value, after) = after.split_once('"').expect("attribute is closed");
            assert!(!value.contains(['<', '>']), "unescaped {value} in {html}");
            match attribute {
                "href" => href = Some(decode(value)),
                "rel" => rel = Some(value),
                _ => {}
            }
            attributes = after.strip_prefix(' ').unwrap_or(after);
        }
        if let Some(href) = href {
            assert!(!has_unsafe_scheme(&href), "unsafe href {href} in {html}");
            let lower = href.to_ascii_lowercase();
            if lower.starts_with("http:") || lower.starts_with("https:") {
                assert_eq!(rel, Some("noopener noreferrer"), "external link in {html}");
            }
        }
        if !matches!(name, "hr" | "br") {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "unclosed {open:?} in {html}");
}

const HOSTILE: &[&str] = &[
    "<script>",
    "</script>",
    "</p>",
    "<img src=x onerror=alert(1)>",
    "\" onmouseover=\"",
    "' onfocus='",
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    "data:text/html,",
    "[x](javascript:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](<javascript:x>)",
    "[x](\u{1}javascript:x)",
    "<javascript:alert(1)>",
    "<a href=",
    "<https://ok.org>",
    "&#",
    "&#106;",
    "&amp;",
    "\\(",
    "\\)",
    "\\[",
    "\\]",
    "$",
    "$$",
    "\\$",
    "\\",
    "*",
    "**",
    "_",
    "`",
    "```",
    "[",
    "](",
    "(",
    ")",
    "\"",
    ">",
    "> ",
    "-",
    "- ",
    "1. ",
    "#",
    "# ",
    "---",
    "  ",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "x",
    "2",
    "\\frac{",
    "}",
    "\\text{<b>}",
    "\\foo",
    "é",
    "🦀",
    "\u{0}",
    "\u{a0}",
    "\u{200b}",
];

fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(HOSTILE), 0..60).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn hostile_input_renders_only_allowed_markup(source in hostile()) {
        check_html(&render_block(&source));
        check_html(&render_inline(&source));
    }

    #[test]
    fn arbitrary_text_renders_only_allowed_markup(source in any::<String>()) {
        check_html(&render_block(&source));
        check_html(&render_inline(&source));
    }

    #[test]
    fn marks_only_add_mark_tags(
        source in hostile(),
        ranges in prop::collection::vec((0usize..12, 0usize..12), 0..4),
    ) {
        let marker = |_: &str| -> Vec<Range<usize>> {
            ranges.iter().map(|&(start, end)| start..end).collect()
        };
        let marked = render_block_marked(&source, &marker);
        check_html(&marked);
        prop_assert_eq!(
            marked.replace("<mark>", "").replace("</mark>", ""),
            render_block(&source)
        );
    }

    #[test]
    fn plain_text_has_no_markup(source in hostile()) {
        let plain = to_plain_text(&source);
        if !source.contains('<') {
            prop_assert!(!plain.contains('<'), "{}", plain);
        }
        prop_assert!(!plain.contains("  ") && plain.trim() == plain);
    }
}

//! LaTeX to MathML: exact output for the notation abstracts use, errors for what is not supported,
//! and no panics or unescaped text on hostile input.
#![cfg(not(target_arch = "wasm32"))]

mod mathml;

use proptest::prelude::*;
use vita::model::math::{MathError, latex_to_mathml};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The MathML inside the `<math><semantics><mrow>` wrapper, after checking the wrapper.
fn body_in(tex: &str, display: bool) -> String {
    let mathml = latex_to_mathml(tex, display).unwrap_or_else(|error| panic!("{tex}: {error}"));
    let open = if display {
        r#"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow>"#
    } else {
        r#"<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow>"#
    };
    let close = format!(
        r#"</mrow><annotation encoding="application/x-tex">{}</annotation></semantics></math>"#,
        escape(tex)
    );
    mathml
        .strip_prefix(open)
        .and_then(|rest| rest.strip_suffix(&close))
        .unwrap_or_else(|| panic!("unexpected wrapper: {mathml}"))
        .to_string()
}

fn body(tex: &str) -> String {
    body_in(tex, false)
}

fn display(tex: &str) -> String {
    body_in(tex, true)
}

fn error(tex: &str) -> String {
    latex_to_mathml(tex, false)
        .expect_err("the formula is rejected")
        .to_string()
}

#[test]
fn output_is_a_math_element_with_the_tex_as_annotation() {
    assert_eq!(
        latex_to_mathml(r"\pi", false).unwrap(),
        r#"<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>π</mi></mrow><annotation encoding="application/x-tex">\pi</annotation></semantics></math>"#
    );
    assert_eq!(
        latex_to_mathml("a<b", true).unwrap(),
        r#"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow><annotation encoding="application/x-tex">a&lt;b</annotation></semantics></math>"#
    );
}

#[test]
fn demo_formulas_convert() {
    assert_eq!(
        body(r"\Delta \varphi = f"),
        r#"<mi mathvariant="normal">Δ</mi><mi>φ</mi><mo>=</mo><mi>f</mi>"#
    );
    assert_eq!(
        body("u(x)"),
        r#"<mi>u</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo>"#
    );
    assert_eq!(
        body(r"X=(X_n:n\geq 0)"),
        r#"<mi>X</mi><mo>=</mo><mo stretchy="false">(</mo><msub><mi>X</mi><mi>n</mi></msub><mo>:</mo><mi>n</mi><mo>≥</mo><mn>0</mn><mo stretchy="false">)</mo>"#
    );
    assert_eq!(body("A^c"), "<msup><mi>A</mi><mi>c</mi></msup>");
    assert_eq!(body("n"), "<mi>n</mi>");
}

#[test]
fn letters_are_separate_identifiers_and_numbers_keep_decimals() {
    assert_eq!(
        body("ab-3.14+2"),
        "<mi>a</mi><mi>b</mi><mo>−</mo><mn>3.14</mn><mo>+</mo><mn>2</mn>"
    );
    assert_eq!(body("x."), "<mi>x</mi><mo>.</mo>");
}

#[test]
fn scripts_in_either_order_make_one_msubsup() {
    let expected = "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>";
    assert_eq!(body("x_i^2"), expected);
    assert_eq!(body("x^2_i"), expected);
    assert_eq!(
        body("x^{10}_{i,j}"),
        "<msubsup><mi>x</mi><mrow><mi>i</mi><mo>,</mo><mi>j</mi></mrow><mn>10</mn></msubsup>"
    );
    assert_eq!(
        body("x^12"),
        "<msup><mi>x</mi><mn>1</mn></msup><mn>2</mn>",
        "a script without braces takes one token, as in TeX"
    );
    assert_eq!(body("^2"), "<msup><mrow></mrow><mn>2</mn></msup>");
}

#[test]
fn primes_are_superscripts() {
    assert_eq!(body("f'"), "<msup><mi>f</mi><mo>′</mo></msup>");
    assert_eq!(
        body("f''^2"),
        "<msup><mi>f</mi><mrow><mo>′</mo><mo>′</mo><mn>2</mn></mrow></msup>"
    );
}

#[test]
fn fractions_and_roots() {
    assert_eq!(
        body(r"\frac{a+b}{2}"),
        "<mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></mfrac>"
    );
    assert_eq!(
        body(r"\dfrac12"),
        r#"<mfrac displaystyle="true"><mn>1</mn><mn>2</mn></mfrac>"#
    );
    assert_eq!(
        body(r"\tfrac{x}{y}"),
        r#"<mfrac displaystyle="false"><mi>x</mi><mi>y</mi></mfrac>"#
    );
    assert_eq!(body(r"\sqrt{x}"), "<msqrt><mi>x</mi></msqrt>");
    assert_eq!(body(r"\sqrt[n]{x}"), "<mroot><mi>x</mi><mi>n</mi></mroot>");
    assert_eq!(
        body(r"\binom nk"),
        r#"<mrow><mo>(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow>"#
    );
}

#[test]
fn left_right_fences_stretch_and_dot_is_empty() {
    assert_eq!(
        body(r"\left( x \right]"),
        r#"<mrow><mo stretchy="true">(</mo><mi>x</mi><mo stretchy="true">]</mo></mrow>"#
    );
    assert_eq!(
        body(r"\left. f \right|_0"),
        r#"<msub><mrow><mi>f</mi><mo stretchy="true">|</mo></mrow><mn>0</mn></msub>"#
    );
    assert_eq!(
        body(r"\left\langle a \middle| b \right\rangle"),
        r#"<mrow><mo stretchy="true">⟨</mo><mi>a</mi><mo stretchy="true">|</mo><mi>b</mi><mo stretchy="true">⟩</mo></mrow>"#
    );
    assert_eq!(
        body(r"\big( \Bigr\}"),
        r#"<mo stretchy="true" minsize="1.2em" maxsize="1.2em">(</mo><mo stretchy="true" minsize="1.8em" maxsize="1.8em">}</mo>"#
    );
}

#[test]
fn greek_capitals_are_upright_and_small_letters_italic() {
    assert_eq!(
        body(r"\Gamma\gamma\varepsilon\epsilon\vartheta\Omega"),
        r#"<mi mathvariant="normal">Γ</mi><mi>γ</mi><mi>ε</mi><mi>ϵ</mi><mi>ϑ</mi><mi mathvariant="normal">Ω</mi>"#
    );
}

#[test]
fn relations_and_operators_are_mo() {
    assert_eq!(
        body(r"a \leq b \neq c \in A \subseteq B \to \infty"),
        "<mi>a</mi><mo>≤</mo><mi>b</mi><mo>≠</mo><mi>c</mi><mo>∈</mo><mi>A</mi><mo>⊆</mo><mi>B</mi><mo>→</mo><mi>∞</mi>"
    );
    assert_eq!(
        body(r"x \cdot y \times z \pm \ldots"),
        "<mi>x</mi><mo>⋅</mo><mi>y</mi><mo>×</mo><mi>z</mi><mo>±</mo><mo>…</mo>"
    );
    assert_eq!(
        body(r"\{x\} \| \% \$ \# \&"),
        r#"<mo stretchy="false">{</mo><mi>x</mi><mo stretchy="false">}</mo><mo stretchy="false">‖</mo><mo>%</mo><mo>$</mo><mo>#</mo><mo>&amp;</mo>"#
    );
    assert_eq!(
        body(r"\not= \top \intercal"),
        "<mo>=\u{338}</mo><mi>⊤</mi><mo>⊺</mo>"
    );
}

#[test]
fn big_operators_take_limits_under_and_over_only_in_display() {
    assert_eq!(
        body(r"\sum_{i=1}^n"),
        "<msubsup><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></msubsup>"
    );
    assert_eq!(
        display(r"\sum_{i=1}^n"),
        "<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"
    );
    assert_eq!(
        display(r"\int_0^1"),
        "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>",
        "integrals keep their limits at the side"
    );
    assert_eq!(
        body(r"\prod\limits_k"),
        "<munder><mo>∏</mo><mi>k</mi></munder>"
    );
    assert_eq!(
        display(r"\sum\nolimits_k"),
        "<msub><mo>∑</mo><mi>k</mi></msub>"
    );
}

#[test]
fn function_names_are_upright_with_a_thin_space_before_arguments() {
    assert_eq!(
        body(r"\sin x"),
        r#"<mi>sin</mi><mspace width="0.1667em"></mspace><mi>x</mi>"#
    );
    assert_eq!(
        body(r"\log(x)"),
        r#"<mi>log</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo>"#
    );
    assert_eq!(
        display(r"\lim_{n\to\infty} a_n"),
        r#"<munder><mi>lim</mi><mrow><mi>n</mi><mo>→</mo><mi>∞</mi></mrow></munder><mspace width="0.1667em"></mspace><msub><mi>a</mi><mi>n</mi></msub>"#
    );
    assert_eq!(body(r"\max_x"), "<msub><mi>max</mi><mi>x</mi></msub>");
    assert_eq!(body(r"\liminf"), "<mi>lim\u{2009}inf</mi>");
    assert_eq!(
        display(r"\operatorname*{arg\,max}_\theta"),
        "<munder><mi>arg max</mi><mi>θ</mi></munder>"
    );
    assert_eq!(
        body(r"\operatorname{rank}A"),
        r#"<mi>rank</mi><mspace width="0.1667em"></mspace><mi>A</mi>"#
    );
}

#[test]
fn font_commands_use_mathematical_alphanumerics() {
    assert_eq!(
        body(r"\mathbb{R}\mathbb E\mathbb{1}"),
        "<mi>ℝ</mi><mi>𝔼</mi><mn>𝟙</mn>"
    );
    assert_eq!(
        body(r"\mathcal{L}\mathcal{A}\mathfrak{g}"),
        "<mi>ℒ</mi><mi>𝒜</mi><mi>𝔤</mi>"
    );
    assert_eq!(
        body(r"\mathbf{x}\boldsymbol{\theta}\mathsf{S}\mathtt{t}"),
        "<mi>𝐱</mi><mi>𝜽</mi><mi>𝖲</mi><mi>𝚝</mi>"
    );
    assert_eq!(
        body(r"\mathrm{d}x"),
        r#"<mi mathvariant="normal">d</mi><mi>x</mi>"#
    );
}

#[test]
fn text_is_escaped_mtext_with_kept_spaces() {
    assert_eq!(
        body(r"x \text{if } y"),
        "<mi>x</mi><mtext>if\u{a0}</mtext><mi>y</mi>"
    );
    assert_eq!(body(r"\text{<b>&\{\}}"), "<mtext>&lt;b&gt;&amp;{}</mtext>");
    assert_eq!(
        body(r"\mbox{a}\textrm{b}"),
        "<mtext>a</mtext><mtext>b</mtext>"
    );
}

#[test]
fn accents_are_mover_or_munder_with_accent_attributes() {
    assert_eq!(
        body(r"\hat{x}"),
        r#"<mover accent="true"><mi>x</mi><mo stretchy="false">^</mo></mover>"#
    );
    assert_eq!(
        body(r"\overline{AB}"),
        r#"<mover accent="true"><mrow><mi>A</mi><mi>B</mi></mrow><mo stretchy="true">‾</mo></mover>"#
    );
    assert_eq!(
        body(r"\underline y"),
        r#"<munder accentunder="true"><mi>y</mi><mo stretchy="true">_</mo></munder>"#
    );
    assert_eq!(
        body(r"\vec v \tilde a \bar b \dot c \ddot d \widehat{w} \widetilde t"),
        concat!(
            r#"<mover accent="true"><mi>v</mi><mo stretchy="false">→</mo></mover>"#,
            r#"<mover accent="true"><mi>a</mi><mo stretchy="false">~</mo></mover>"#,
            r#"<mover accent="true"><mi>b</mi><mo stretchy="false">¯</mo></mover>"#,
            r#"<mover accent="true"><mi>c</mi><mo stretchy="false">˙</mo></mover>"#,
            r#"<mover accent="true"><mi>d</mi><mo stretchy="false">¨</mo></mover>"#,
            r#"<mover accent="true"><mi>w</mi><mo stretchy="true">^</mo></mover>"#,
            r#"<mover accent="true"><mi>t</mi><mo stretchy="true">~</mo></mover>"#,
        )
    );
}

#[test]
fn spacing_commands_become_mspace() {
    assert_eq!(
        body(r"a\,b\;c\quad d~e\ f\!g\qquad"),
        concat!(
            r#"<mi>a</mi><mspace width="0.1667em"></mspace><mi>b</mi><mspace width="0.2778em"></mspace>"#,
            r#"<mi>c</mi><mspace width="1em"></mspace><mi>d</mi><mspace width="0.3333em"></mspace>"#,
            r#"<mi>e</mi><mspace width="0.3333em"></mspace><mi>f</mi><mspace width="-0.1667em"></mspace>"#,
            r#"<mi>g</mi><mspace width="2em"></mspace>"#,
        )
    );
}

#[test]
fn environments_become_tables() {
    assert_eq!(
        body(r"\begin{cases} 1 & x>0 \\ 0 & \text{else} \end{cases}"),
        concat!(
            r#"<mrow><mo>{</mo><mtable><mtr><mtd columnalign="left"><mn>1</mn></mtd>"#,
            r#"<mtd columnalign="left"><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr>"#,
            r#"<mtr><mtd columnalign="left"><mn>0</mn></mtd><mtd columnalign="left"><mtext>else</mtext></mtd></mtr>"#,
            "</mtable></mrow>",
        )
    );
    assert_eq!(
        body(r"\begin{pmatrix} a & b \\ c & d \\ \end{pmatrix}"),
        concat!(
            "<mrow><mo>(</mo><mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr>",
            "<mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo>)</mo></mrow>",
        )
    );
    assert_eq!(
        body(r"\begin{bmatrix}1\end{bmatrix}\begin{matrix}x\end{matrix}"),
        "<mrow><mo>[</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr></mtable><mo>]</mo></mrow><mtable><mtr><mtd><mi>x</mi></mtd></mtr></mtable>"
    );
    assert_eq!(
        body(r"\begin{aligned} a &= b \\[2pt] &= c \end{aligned}"),
        concat!(
            r#"<mtable><mtr><mtd columnalign="right"><mi>a</mi></mtd><mtd columnalign="left"><mo>=</mo><mi>b</mi></mtd></mtr>"#,
            r#"<mtr><mtd columnalign="right"></mtd><mtd columnalign="left"><mo>=</mo><mi>c</mi></mtd></mtr></mtable>"#,
        )
    );
}

#[test]
fn display_style_switch_applies_to_the_rest_of_the_group() {
    assert_eq!(
        body(r"{\displaystyle \sum_a} b"),
        r#"<mstyle displaystyle="true"><munder><mo>∑</mo><mi>a</mi></munder></mstyle><mi>b</mi>"#
    );
}

#[test]
fn comments_and_whitespace_are_ignored() {
    assert_eq!(body("a % note\n + b"), "<mi>a</mi><mo>+</mo><mi>b</mi>");
    assert_eq!(body("  "), "");
}

#[test]
fn every_listed_command_is_supported() {
    let commands = r"\alpha \beta \gamma \delta \epsilon \varepsilon \zeta \eta \theta \vartheta \iota
        \kappa \lambda \mu \nu \xi \pi \varpi \rho \varrho \sigma \varsigma \tau \upsilon \phi
        \varphi \chi \psi \omega \Gamma \Delta \Theta \Lambda \Xi \Pi \Sigma \Upsilon \Phi \Psi
        \Omega \leq \le \geq \ge \neq \ne \approx \sim \simeq \equiv \propto \in \notin \ni
        \subset \subseteq \supset \supseteq \cup \cap \setminus \to \rightarrow \leftarrow
        \Rightarrow \Leftarrow \iff \implies \mapsto \times \cdot \pm \mp \ast \star \circ
        \bullet \oplus \otimes \partial \nabla \infty \forall \exists \neg \land \lor \wedge
        \vee \mid \parallel \perp \ldots \cdots \dots \vdots \ddots \prime \emptyset
        \varnothing \ell \hbar \langle \rangle \lfloor \rfloor \lceil \rceil \| \{ \} \% \$ \#
        \& \top \intercal \sum \prod \int \oint \lim \max \min \sup \inf \arg \log \ln \exp
        \sin \cos \tan \det \Pr \, \: \; \! \quad \qquad";
    for command in commands.split_whitespace() {
        assert!(latex_to_mathml(command, false).is_ok(), "{command}");
    }
    let with_argument = r"\frac \dfrac \tfrac \sqrt \mathbb \mathcal \mathfrak \mathrm \mathbf
        \mathit \mathsf \mathtt \boldsymbol \hat \bar \tilde \vec \dot \ddot \overline
        \underline \widehat \widetilde \text \textrm \mbox \operatorname";
    for command in with_argument.split_whitespace() {
        let tex = format!("{command}{{x}}{{y}}");
        assert!(latex_to_mathml(&tex, true).is_ok(), "{tex}");
    }
}

#[test]
fn unsupported_input_is_an_error_naming_the_problem() {
    assert_eq!(error(r"\foo x"), r"unknown command \foo");
    assert_eq!(error(r"\frac{a}{b"), "unbalanced braces: missing }");
    assert_eq!(error("a}"), "unbalanced braces: unexpected }");
    assert_eq!(error(r"\left( x"), r"\left without \right");
    assert_eq!(error(r"x \right)"), r"\right without \left");
    assert_eq!(error("x^"), "missing argument for ^");
    assert_eq!(error("x_"), "missing argument for _");
    assert_eq!(error("x^{2}^3"), "double superscript");
    assert_eq!(error(r"\begin{foo}x\end{foo}"), "unknown environment foo");
    assert_eq!(
        error(r"\begin{matrix}x\end{pmatrix}"),
        r"\begin{matrix} ended by \end{pmatrix}"
    );
    assert_eq!(error(r"\begin{cases}x"), r"\begin{cases} without \end");
    assert_eq!(error("a & b"), "& outside an environment");
    assert_eq!(error(r"\text{\emph{x}}"), r"unknown command \emph in \text");
    assert_eq!(error(r"\frac"), r"missing argument for \frac");
    assert_eq!(error(r"\left x"), r"missing delimiter after \left");
    assert_eq!(error("x \\"), r"unknown command \");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}x{}", "{".repeat(10_000), "}".repeat(10_000));
    assert_eq!(error(&deep), "formula nested too deeply");
    assert_eq!(error(&r"\sqrt".repeat(10_000)), "formula nested too deeply");
    assert_eq!(error(&"x^{".repeat(10_000)), "formula nested too deeply");
    let fine = format!("{}x{}", "{".repeat(20), "}".repeat(20));
    assert_eq!(body(&fine), "<mi>x</mi>");
}

#[test]
fn error_displays_its_reason() {
    let error = MathError {
        reason: "unbalanced braces".into(),
    };
    assert_eq!(error.to_string(), "unbalanced braces");
}

/// Checks that `mathml` is only well-nested allowed tags with quoted attributes and escaped text.
fn check_markup(mathml: &str) {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = mathml;
    while let Some(start) = rest.find(['<', '>', '&']) {
        let text = &rest[..start];
        assert!(!text.contains(['"', '\'']), "unescaped quote in {mathml}");
        rest = &rest[start..];
        if let Some(entity) = rest.strip_prefix('&') {
            assert!(
                ["amp;", "lt;", "gt;", "quot;", "#39;"]
                    .iter()
                    .any(|e| entity.starts_with(e)),
                "bare & in {mathml}"
            );
            rest = entity;
            continue;
        }
        assert!(rest.starts_with('<'), "bare > in {mathml}");
        let end = rest.find('>').expect("tag ends");
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name), "misnested in {mathml}");
            continue;
        }
        let (name, mut attributes) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(
            mathml::ELEMENTS.contains(&name),
            "element {name} in {mathml}"
        );
        while !attributes.is_empty() {
            let (attribute, after) = attributes.split_once("=\"").expect("quoted attribute");
            assert!(
                mathml::ATTRIBUTES.contains(&attribute),
                "attribute {attribute}"
            );
            let (value, after) = after.split_once('"').expect("closed attribute");
            assert!(!value.contains(['<', '>']), "unescaped attribute {value}");
            attributes = after.trim_start();
        }
        open.push(name);
    }
    assert!(!rest.contains(['"', '\'']), "unescaped quote in {mathml}");
    assert!(open.is_empty(), "unclosed {open:?} in {mathml}");
}

const FRAGMENTS: &[&str] = &[
    "x",
    "2",
    "3.5",
    " ",
    "\n",
    "{",
    "}",
    "^",
    "_",
    "'",
    "&",
    "\\\\",
    "\\",
    "<",
    ">",
    "\"",
    "%",
    "$",
    "#",
    "~",
    "[",
    "]",
    "(",
    ")",
    "|",
    ".",
    "\\frac",
    "\\sqrt",
    "\\left",
    "\\right",
    "\\middle",
    "\\big",
    "\\text{",
    "\\text{<script>}",
    "\\operatorname{",
    "\\operatorname*",
    "\\begin{cases}",
    "\\begin{pmatrix}",
    "\\begin{aligned}",
    "\\end{cases}",
    "\\end{pmatrix}",
    "\\end{",
    "\\alpha",
    "\\Delta",
    "\\sum",
    "\\int",
    "\\lim",
    "\\limits",
    "\\sin",
    "\\mathbb",
    "\\mathbf{",
    "\\hat",
    "\\overline",
    "\\,",
    "\\quad",
    "\\not",
    "\\displaystyle",
    "\\{",
    "\\}",
    "\\|",
    "\\langle",
    "\\foo",
    "\\binom",
    "é",
    "α",
    "🦀",
    "\u{0}",
    "\u{301}",
];

/// Self-contained formulas that stay valid when joined with spaces.
const VALID: &[&str] = &[
    "x",
    "2.5",
    "+",
    "<",
    ">",
    "(",
    ")",
    "x^{2}",
    "x_i",
    "f'",
    r"\alpha",
    r"\Gamma",
    r"\frac{a}{b}",
    r"\sqrt[3]{x}",
    r"\left( x \right.",
    r"\text{<b> & \{q\}}",
    r"\mathbb{R}",
    r"\sum_{i=1}^{n}",
    r"\lim_{n\to\infty}",
    r"\sin",
    r"\hat{x}",
    r"\,",
    r"\{",
    r"\|",
    r"\operatorname{rk}",
    r"\not<",
    r"\big(",
    r"\begin{cases} a & b \\ c & d \end{cases}",
    r"\begin{pmatrix} 1 \end{pmatrix}",
    r"{\displaystyle y}",
    r"\mathcal{L}",
    "\"'\"",
];

proptest! {
    #[test]
    fn valid_formulas_always_convert_to_clean_mathml(
        parts in prop::collection::vec(prop::sample::select(VALID), 0..30),
        display in any::<bool>(),
    ) {
        let tex = parts.join(" ");
        match latex_to_mathml(&tex, display) {
            Ok(mathml) => check_markup(&mathml),
            Err(error) => prop_assert!(false, "{tex}: {error}"),
        }
    }

    #[test]
    fn hostile_tex_never_panics_and_ok_output_is_clean(
        parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40),
        display in any::<bool>(),
    ) {
        let tex = parts.concat();
        if let Ok(mathml) = latex_to_mathml(&tex, display) {
            check_markup(&mathml);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(tex in any::<String>(), display in any::<bool>()) {
        if let Ok(mathml) = latex_to_mathml(&tex, display) {
            check_markup(&mathml);
        }
    }
}

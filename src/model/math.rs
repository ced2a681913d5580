//! LaTeX math to MathML Core, which Chromium renders natively.
//!
//! Written by hand because pulldown-latex would add about 62 KB gzip to the wasm: a small
//! recursive-descent parser over TeX tokens writes MathML text directly. It covers the notation
//! research abstracts use; anything else (an unknown command, unbalanced braces, ...) is an error the
//! caller shows as source, so a formula is never silently rendered wrong.

use super::escape::push_escaped;
use std::fmt;

/// Why a formula could not be converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MathError {
    /// What is wrong, e.g. `unknown command \foo`.
    pub reason: String,
}

impl fmt::Display for MathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for MathError {}

/// Converts TeX math to a complete `<math>` element (display="block" when `display`).
pub fn latex_to_mathml(tex: &str, display: bool) -> Result<String, MathError> {
    let mut parser = Parser {
        src: tex,
        pos: 0,
        depth: 0,
        display,
        font: Font::Auto,
    };
    let atoms = parser.row(false)?;
    match parser.next() {
        Tok::End => {}
        tok => return Err(stray(tok)),
    }
    let mut out = String::from("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"");
    if display {
        out.push_str(" display=\"block\"");
    }
    out.push_str("><semantics><mrow>");
    join_into(&mut out, &atoms);
    out.push_str("</mrow><annotation encoding=\"application/x-tex\">");
    push_escaped(&mut out, tex);
    out.push_str("</annotation></semantics></math>");
    Ok(out)
}

/// Nesting limit for groups and arguments, keeping recursion (and the wasm stack) bounded.
const MAX_DEPTH: usize = 64;
/// TeX's thin space, which follows an operator name such as `\sin`.
const THIN_SPACE: &str = "<mspace width=\"0.1667em\"></mspace>";
/// A placeholder element where MathML needs a child but TeX has nothing.
const EMPTY: &str = "<mrow></mrow>";
const STRETCHY: &str = " stretchy=\"true\"";

/// Fails with `reason`.
fn fail<T>(reason: impl Into<String>) -> Result<T, MathError> {
    Err(MathError {
        reason: reason.into(),
    })
}

/// The error for a token where it does not belong.
fn stray(tok: Tok) -> MathError {
    let reason = match tok {
        Tok::End => "unexpected end of formula".into(),
        Tok::Char('}') => "unbalanced braces: unexpected }".into(),
        Tok::Char('&') => "& outside an environment".into(),
        Tok::Cmd("\\") => "\\\\ outside an environment".into(),
        Tok::Cmd("end") => "\\end without \\begin".into(),
        Tok::Cmd("right") => "\\right without \\left".into(),
        Tok::Char(c) => format!("unexpected {c}"),
        Tok::Cmd(name) => format!("unexpected \\{name}"),
    };
    MathError { reason }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    End,
    Char(char),
    /// A control word (`\alpha`) or control symbol (`\,`), without the backslash.
    Cmd(&'a str),
}

/// What an atom is, as far as spacing and script placement care.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ord,
    /// An opening fence: no thin space before it after an operator name.
    Open,
    /// An operator name (`\sin`, `\lim`) in an `mi`, which TeX follows with a thin space.
    Name,
    /// A large operator (`\sum`, `\int`) in an `mo`.
    BigOp,
}

/// One parsed element with what later scripts and spacing need to know about it.
struct Atom {
    xml: String,
    kind: Kind,
    /// Scripts go under and over in display style (`\sum`, `\lim`), not to the side.
    limits: bool,
}

impl Atom {
    fn ord(xml: String) -> Self {
        Atom {
            xml,
            kind: Kind::Ord,
            limits: false,
        }
    }
}

/// A math alphabet. MathML Core honours only `mathvariant="normal"`, so the others map letters to
/// the Unicode Mathematical Alphanumeric Symbols.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Font {
    /// The default: the browser italicizes single-letter `mi`.
    Auto,
    Roman,
    Italic,
    Bold,
    BoldItalic,
    Script,
    Fraktur,
    DoubleStruck,
    Sans,
    Mono,
}

/// Letters missing from the Mathematical Alphanumeric block because Letterlike Symbols had them.
const HOLES: &[(Font, char, char)] = &[
    (Font::Italic, 'h', 'ℎ'),
    (Font::Script, 'B', 'ℬ'),
    (Font::Script, 'E', 'ℰ'),
    (Font::Script, 'F', 'ℱ'),
    (Font::Script, 'H', 'ℋ'),
    (Font::Script, 'I', 'ℐ'),
    (Font::Script, 'L', 'ℒ'),
    (Font::Script, 'M', 'ℳ'),
    (Font::Script, 'R', 'ℛ'),
    (Font::Script, 'e', 'ℯ'),
    (Font::Script, 'g', 'ℊ'),
    (Font::Script, 'o', 'ℴ'),
    (Font::Fraktur, 'C', 'ℭ'),
    (Font::Fraktur, 'H', 'ℌ'),
    (Font::Fraktur, 'I', 'ℑ'),
    (Font::Fraktur, 'R', 'ℜ'),
    (Font::Fraktur, 'Z', 'ℨ'),
    (Font::DoubleStruck, 'C', 'ℂ'),
    (Font::DoubleStruck, 'H', 'ℍ'),
    (Font::DoubleStruck, 'N', 'ℕ'),
    (Font::DoubleStruck, 'P', 'ℙ'),
    (Font::DoubleStruck, 'Q', 'ℚ'),
    (Font::DoubleStruck, 'R', 'ℝ'),
    (Font::DoubleStruck, 'Z', 'ℤ'),
];

/// `c` in `font`, or `c` itself where the font has no such letter.
fn style(c: char, font: Font) -> char {
    if let Some(&(_, _, hole)) = HOLES.iter().find(|&&(f, k, _)| f == font && k == c) {
        return hole;
    }
    // Code points of A, a, 0 and capital Alpha in each alphabet (0: the alphabet has none).
    let (upper, lower, digit, greek) = match font {
        Font::Auto | Font::Roman => return c,
        Font::Italic => (0x1D434, 0x1D44E, 0, 0x1D6E2),
        Font::Bold => (0x1D400, 0x1D41A, 0x1D7CE, 0x1D6A8),
        Font::BoldItalic => (0x1D468, 0x1D482, 0x1D7CE, 0x1D71C),
        Font::Script => (0x1D49C, 0x1D4B6, 0, 0),
        Font::Fraktur => (0x1D504, 0x1D51E, 0, 0),
        Font::DoubleStruck => (0x1D538, 0x1D552, 0x1D7D8, 0),
        Font::Sans => (0x1D5A0, 0x1D5BA, 0x1D7E2, 0),
        Font::Mono => (0x1D670, 0x1D68A, 0x1D7F6, 0),
    };
    let code = c as u32;
    let mapped = match c {
        'A'..='Z' => upper + code - 'A' as u32,
        'a'..='z' => lower + code - 'a' as u32,
        '0'..='9' if digit != 0 => digit + code - '0' as u32,
        'Α'..='Ω' if greek != 0 => greek + code - 'Α' as u32,
        // Small Greek follows the 25 capitals and a nabla.
        'α'..='ω' if greek != 0 => greek + 26 + code - 'α' as u32,
        _ => return c,
    };
    char::from_u32(mapped).unwrap_or(c)
}

/// Commands that are identifiers (`mi`), in the format [`lookup`] reads.
const IDENTIFIERS: &str = "\
    alphaα betaβ gammaγ deltaδ epsilonϵ varepsilonε zetaζ etaη thetaθ varthetaϑ iotaι kappaκ \
    varkappaϰ lambdaλ muμ nuν xiξ piπ varpiϖ rhoρ varrhoϱ sigmaσ varsigmaς tauτ upsilonυ phiϕ \
    varphiφ chiχ psiψ omegaω GammaΓ DeltaΔ ThetaΘ LambdaΛ XiΞ PiΠ SigmaΣ UpsilonΥ PhiΦ PsiΨ \
    OmegaΩ infty∞ partial∂ nabla∇ ellℓ hbarℏ emptyset∅ varnothing∅ alephℵ Reℜ Imℑ wp℘ top⊤ bot⊥ \
    imathı jmathȷ angle∠";

/// Commands that are operators, relations, fences and punctuation (`mo`).
const OPERATORS: &str = "\
    {{ }} |‖ ## $$ %% && __ lbrace{ rbrace} lbrack[ rbrack] langle⟨ rangle⟩ lfloor⌊ rfloor⌋ \
    lceil⌈ rceil⌉ vert| lvert| rvert| Vert‖ lVert‖ rVert‖ backslash\\ uparrow↑ downarrow↓ \
    Uparrow⇑ Downarrow⇓ leq≤ le≤ geq≥ ge≥ leqslant⩽ geqslant⩾ leqq≦ geqq≧ neq≠ ne≠ nleq≰ ngeq≱ \
    ll≪ gg≫ lesssim≲ gtrsim≳ approx≈ approxeq≊ sim∼ simeq≃ cong≅ equiv≡ asymp≍ doteq≐ triangleq≜ \
    coloneqq≔ propto∝ prec≺ preceq⪯ succ≻ succeq⪰ in∈ notin∉ ni∋ subset⊂ subseteq⊆ subsetneq⊊ \
    nsubseteq⊈ supset⊃ supseteq⊇ supsetneq⊋ sqsubseteq⊑ sqsupseteq⊒ cup∪ cap∩ sqcup⊔ sqcap⊓ \
    uplus⊎ setminus∖ mid∣ nmid∤ parallel∥ perp⊥ models⊨ vdash⊢ dashv⊣ to→ rightarrow→ leftarrow← \
    gets← leftrightarrow↔ Rightarrow⇒ Leftarrow⇐ Leftrightarrow⇔ longrightarrow⟶ longleftarrow⟵ \
    Longrightarrow⟹ Longleftarrow⟸ Longleftrightarrow⟺ iff⟺ implies⟹ impliedby⟸ mapsto↦ \
    longmapsto⟼ hookrightarrow↪ rightleftharpoons⇌ times× cdot⋅ div÷ pm± mp∓ ast∗ star⋆ circ∘ \
    bullet∙ diamond⋄ oplus⊕ ominus⊖ otimes⊗ oslash⊘ odot⊙ wedge∧ land∧ vee∨ lor∨ neg¬ lnot¬ \
    forall∀ exists∃ intercal⊺ dagger† ddagger‡ wr≀ bowtie⋈ amalg⨿ therefore∴ because∵ prime′ \
    colon: ldots… dots… cdots⋯ vdots⋮ ddots⋱";

/// Large operators whose scripts are limits (under and over) in display style.
const BIG_OPERATORS: &str = "\
    sum∑ prod∏ coprod∐ bigcup⋃ bigcap⋂ bigsqcup⨆ biguplus⨄ bigvee⋁ bigwedge⋀ bigoplus⨁ \
    bigotimes⨂ bigodot⨀";
/// Integrals: large operators whose scripts stay at the side even in display style.
const INTEGRALS: &str = "\
    int∫ iint∬ iiint∭ oint∮";

/// Operator names (set upright) whose scripts stay at the side.
const FUNCTIONS: &str = "\
    log ln lg exp sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh coth arg deg dim \
    hom ker";
/// Operator names whose scripts are limits (under and over) in display style.
const LIMIT_FUNCTIONS: &str = "\
    det gcd Pr lim liminf limsup max min sup inf argmax argmin";

/// Font commands and the alphabet their argument is set in.
const FONTS: &[(&str, Font)] = &[
    ("mathrm", Font::Roman),
    ("mathit", Font::Italic),
    ("mathnormal", Font::Auto),
    ("mathbf", Font::Bold),
    ("boldsymbol", Font::BoldItalic),
    ("bm", Font::BoldItalic),
    ("mathcal", Font::Script),
    ("mathscr", Font::Script),
    ("mathfrak", Font::Fraktur),
    ("mathbb", Font::DoubleStruck),
    ("mathsf", Font::Sans),
    ("mathtt", Font::Mono),
];

/// Accents as wide as one letter.
const ACCENTS: &str = "\
    hat^ tilde~ bar¯ vec→ dot˙ ddot¨ acute´ grave` breve˘ checkˇ mathring˚";
/// Accents that stretch over the whole base.
const WIDE_ACCENTS: &str = "\
    widehat^ widetilde~ overline‾ overrightarrow→ overleftarrow← overbrace⏞";
/// Marks that stretch under the base.
const UNDER_ACCENTS: &str = "\
    underline_ underbrace⏟";

/// Finds `name` in a table of space-separated entries, each a command name followed by its
/// character: a string is a fraction of the size of an array of pairs in the wasm.
fn lookup(table: &str, name: &str) -> Option<char> {
    table.split(' ').find_map(|entry| {
        let (end, c) = entry.char_indices().next_back()?;
        (&entry[..end] == name).then_some(c)
    })
}

/// Whether `name` is one of the space-separated names in `table`.
fn listed(table: &str, name: &str) -> bool {
    table.split(' ').any(|entry| entry == name)
}

/// Characters that are fences: stretchy by default in MathML, which TeX only wants after `\left`.
fn is_fence(c: char) -> bool {
    "()[]{}|‖⟨⟩⌊⌋⌈⌉/\\↑↓⇑⇓".contains(c)
}

/// Appends one character, escaped.
fn push_char(out: &mut String, c: char) {
    push_escaped(out, c.encode_utf8(&mut [0; 4]));
}

/// An `mo` for `c` with extra attributes.
fn mo(c: char, attributes: &str) -> String {
    let mut xml = String::from("<mo");
    xml.push_str(attributes);
    xml.push('>');
    push_char(&mut xml, c);
    xml.push_str("</mo>");
    xml
}

/// An operator atom, its fences kept from stretching as TeX keeps them.
fn operator(c: char) -> Atom {
    let c = match c {
        '-' => '−',
        '*' => '∗',
        c => c,
    };
    let attributes = if is_fence(c) {
        " stretchy=\"false\""
    } else {
        ""
    };
    Atom {
        xml: mo(c, attributes),
        kind: if "([{⟨⌊⌈".contains(c) {
            Kind::Open
        } else {
            Kind::Ord
        },
        limits: false,
    }
}

fn space(width: &str) -> String {
    ["<mspace width=\"", width, "\"></mspace>"].concat()
}

fn space_width(name: &str) -> Option<&'static str> {
    Some(match name {
        "," | "thinspace" => "0.1667em",
        ":" | ">" | "medspace" => "0.2222em",
        ";" | "thickspace" => "0.2778em",
        "!" | "negthinspace" => "-0.1667em",
        " " | "\n" | "\t" | "\r" => "0.3333em",
        "enspace" => "0.5em",
        "quad" => "1em",
        "qquad" => "2em",
        _ => return None,
    })
}

/// The height of a `\big`-family delimiter.
fn big_size(name: &str) -> Option<&'static str> {
    Some(match name.strip_suffix(['l', 'r', 'm']).unwrap_or(name) {
        "big" => "1.2em",
        "Big" => "1.8em",
        "bigg" => "2.4em",
        "Bigg" => "3em",
        _ => return None,
    })
}

/// Appends atoms, with TeX's thin space after an operator name unless a fence opens next.
fn join_into(out: &mut String, atoms: &[Atom]) {
    for (i, atom) in atoms.iter().enumerate() {
        out.push_str(&atom.xml);
        if atom.kind == Kind::Name && atoms.get(i + 1).is_some_and(|next| next.kind != Kind::Open) {
            out.push_str(THIN_SPACE);
        }
    }
}

/// One element for a list of atoms: the atom itself, or an `mrow` around several.
fn one_element(atoms: Vec<Atom>) -> String {
    match <[Atom; 1]>::try_from(atoms) {
        Ok([atom]) => atom.xml,
        Err(atoms) => {
            let mut xml = String::from("<mrow>");
            join_into(&mut xml, &atoms);
            xml.push_str("</mrow>");
            xml
        }
    }
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    /// Display style: limits go under and over.
    display: bool,
    font: Font,
}

impl<'a> Parser<'a> {
    fn skip_space(&mut self) {
        loop {
            let rest = &self.src[self.pos..];
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if !trimmed.starts_with('%') {
                return;
            }
            // A comment runs to the end of the line, as in TeX.
            self.pos += trimmed.find('\n').unwrap_or(trimmed.len());
        }
    }

    fn next(&mut self) -> Tok<'a> {
        self.skip_space();
        let src = self.src;
        let Some(c) = src[self.pos..].chars().next() else {
            return Tok::End;
        };
        self.pos += c.len_utf8();
        if c != '\\' {
            return Tok::Char(c);
        }
        let rest = &src[self.pos..];
        let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let len = if letters > 0 {
            letters
        } else {
            rest.chars().next().map_or(0, char::len_utf8)
        };
        self.pos += len;
        Tok::Cmd(&rest[..len])
    }

    fn peek(&mut self) -> Tok<'a> {
        let pos = self.pos;
        let tok = self.next();
        self.pos = pos;
        tok
    }

    fn enter(&mut self) -> Result<(), MathError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return fail("formula nested too deeply");
        }
        Ok(())
    }

    /// Atoms with their scripts, up to (not including) the end, `}`, `&`, `\\`, `\end`, `\right`,
    /// or `]` when reading an optional argument.
    fn row(&mut self, bracket: bool) -> Result<Vec<Atom>, MathError> {
        let mut atoms = Vec::new();
        loop {
            let base = match self.peek() {
                Tok::End | Tok::Char('}' | '&') | Tok::Cmd("\\" | "end" | "right") => break,
                Tok::Char(']') if bracket => break,
                Tok::Char('^' | '_' | '\'') => Atom::ord(EMPTY.into()),
                Tok::Cmd(style @ ("displaystyle" | "textstyle")) => {
                    self.next();
                    atoms.push(self.style_rest(style == "displaystyle", bracket)?);
                    break;
                }
                _ => self.atom()?,
            };
            atoms.push(self.scripts(base)?);
        }
        Ok(atoms)
    }

    /// The rest of the group after `\displaystyle` or `\textstyle`.
    fn style_rest(&mut self, display: bool, bracket: bool) -> Result<Atom, MathError> {
        self.enter()?;
        let outer = std::mem::replace(&mut self.display, display);
        let rest = self.row(bracket)?;
        self.display = outer;
        self.depth -= 1;
        let mut xml = String::from(if display {
            "<mstyle displaystyle=\"true\">"
        } else {
            "<mstyle displaystyle=\"false\">"
        });
        join_into(&mut xml, &rest);
        xml.push_str("</mstyle>");
        Ok(Atom::ord(xml))
    }

    /// Attaches any `_`, `^`, primes and `\limits` that follow `base`.
    fn scripts(&mut self, mut base: Atom) -> Result<Atom, MathError> {
        let mut sub = None;
        let mut sup = Vec::new();
        let mut caret = false;
        // `\limits` puts limits under and over even in text style.
        let mut forced = false;
        loop {
            match self.peek() {
                Tok::Char('_') => {
                    self.next();
                    if sub.is_some() {
                        return fail("double subscript");
                    }
                    sub = Some(self.arg("_")?);
                }
                Tok::Char(c @ ('^' | '\'')) => {
                    self.next();
                    if caret {
                        return fail("double superscript");
                    }
                    if c == '^' {
                        caret = true;
                        sup.push(self.arg("^")?);
                    } else {
                        sup.push(String::from("<mo>′</mo>"));
                    }
                }
                Tok::Cmd(limits @ ("limits" | "nolimits"))
                    if matches!(base.kind, Kind::Name | Kind::BigOp) =>
                {
                    self.next();
                    base.limits = limits == "limits";
                    forced = base.limits;
                }
                _ => break,
            }
        }
        let sup = match sup.len() {
            0 => None,
            1 => sup.pop(),
            _ => Some(["<mrow>", &sup.concat(), "</mrow>"].concat()),
        };
        let under = base.limits && (self.display || forced);
        let (tag, scripts) = match (sub, sup) {
            (None, None) => return Ok(base),
            (Some(sub), None) => (if under { "munder" } else { "msub" }, sub),
            (None, Some(sup)) => (if under { "mover" } else { "msup" }, sup),
            (Some(sub), Some(sup)) => (if under { "munderover" } else { "msubsup" }, sub + &sup),
        };
        base.xml = ["<", tag, ">", &base.xml, &scripts, "</", tag, ">"].concat();
        Ok(base)
    }

    /// A command's or script's argument: a `{group}` or a single token.
    /// `what` names the command (without backslash) or script (`^`, `_`) for the error.
    fn arg(&mut self, what: &str) -> Result<String, MathError> {
        match self.peek() {
            Tok::End
            | Tok::Char('}' | '&' | '^' | '_' | '\'')
            | Tok::Cmd("\\" | "end" | "right") => {
                let backslash = if matches!(what, "^" | "_") { "" } else { "\\" };
                fail(format!("missing argument for {backslash}{what}"))
            }
            _ => {
                self.enter()?;
                let atom = self.token(true)?;
                self.depth -= 1;
                Ok(atom.xml)
            }
        }
    }

    fn atom(&mut self) -> Result<Atom, MathError> {
        self.enter()?;
        let atom = self.token(false)?;
        self.depth -= 1;
        Ok(atom)
    }

    /// One atom; `single` reads one digit rather than a whole number, as TeX arguments do.
    fn token(&mut self, single: bool) -> Result<Atom, MathError> {
        match self.next() {
            Tok::Char('{') => {
                let atoms = self.row(false)?;
                match self.next() {
                    Tok::Char('}') => Ok(Atom::ord(one_element(atoms))),
                    Tok::End => fail("unbalanced braces: missing }"),
                    tok => Err(stray(tok)),
                }
            }
            Tok::Char(c) if c.is_ascii_digit() => Ok(self.number(c, single)),
            Tok::Char(c) if c.is_alphabetic() => Ok(self.ident(c)),
            Tok::Char('~') => Ok(Atom::ord(space("0.3333em"))),
            tok @ (Tok::End | Tok::Char('}' | '&' | '^' | '_' | '\'' | '#' | '$')) => {
                Err(stray(tok))
            }
            Tok::Char(c) => Ok(operator(c)),
            Tok::Cmd(name) => self.command(name),
        }
    }

    fn number(&mut self, first: char, single: bool) -> Atom {
        let mut xml = String::from("<mn>");
        xml.push(style(first, self.font));
        let bytes = self.src.as_bytes();
        while let Some(&b) = bytes.get(self.pos).filter(|_| !single) {
            if b.is_ascii_digit() {
                xml.push(style(char::from(b), self.font));
            } else if b == b'.' && bytes.get(self.pos + 1).is_some_and(u8::is_ascii_digit) {
                xml.push('.');
            } else {
                break;
            }
            self.pos += 1;
        }
        xml.push_str("</mn>");
        Atom::ord(xml)
    }

    fn ident(&self, c: char) -> Atom {
        let styled = style(c, self.font);
        // TeX sets capital Greek and nabla upright; MathML would italicize them.
        let upright = styled == c && (self.font == Font::Roman || matches!(c, 'Α'..='Ω' | '∇'));
        let mut xml = String::from(if upright {
            "<mi mathvariant=\"normal\">"
        } else {
            "<mi>"
        });
        push_char(&mut xml, styled);
        xml.push_str("</mi>");
        Atom::ord(xml)
    }

    fn command(&mut self, name: &'a str) -> Result<Atom, MathError> {
        if let Some(c) = lookup(IDENTIFIERS, name) {
            return Ok(self.ident(c));
        }
        if let Some(c) = lookup(OPERATORS, name) {
            return Ok(operator(c));
        }
        let big = lookup(BIG_OPERATORS, name).map(|c| (c, true));
        if let Some((c, limits)) = big.or_else(|| lookup(INTEGRALS, name).map(|c| (c, false))) {
            return Ok(Atom {
                xml: mo(c, ""),
                kind: Kind::BigOp,
                limits,
            });
        }
        let limits = listed(LIMIT_FUNCTIONS, name);
        if limits || listed(FUNCTIONS, name) {
            // \liminf, \argmax, ...: two words, as TeX prints them.
            let text = match name.len() {
                6 if name.starts_with("lim") || name.starts_with("arg") => {
                    [&name[..3], "\u{2009}", &name[3..]].concat()
                }
                _ => name.to_string(),
            };
            return Ok(Atom {
                xml: ["<mi>", &text, "</mi>"].concat(),
                kind: Kind::Name,
                limits,
            });
        }
        if let Some(&(_, font)) = FONTS.iter().find(|(n, _)| *n == name) {
            let outer = std::mem::replace(&mut self.font, font);
            let arg = self.arg(name);
            self.font = outer;
            return Ok(Atom::ord(arg?));
        }
        let accent = [
            (ACCENTS, false, false),
            (WIDE_ACCENTS, true, false),
            (UNDER_ACCENTS, true, true),
        ]
        .into_iter()
        .find_map(|(table, wide, under)| Some((lookup(table, name)?, wide, under)));
        if let Some((mark, wide, under)) = accent {
            let base = self.arg(name)?;
            let (open, close) = if under {
                ("<munder accentunder=\"true\">", "</munder>")
            } else {
                ("<mover accent=\"true\">", "</mover>")
            };
            let mark = mo(
                mark,
                if wide {
                    STRETCHY
                } else {
                    " stretchy=\"false\""
                },
            );
            return Ok(Atom {
                xml: [open, &base, &mark, close].concat(),
                kind: Kind::Ord,
                // Braces take their label under or over, like limits.
                limits: name.ends_with("brace"),
            });
        }
        if let Some(width) = space_width(name) {
            return Ok(Atom::ord(space(width)));
        }
        if let Some(size) = big_size(name) {
            let attributes = [STRETCHY, " minsize=\"", size, "\" maxsize=\"", size, "\""].concat();
            let xml = self.delimiter(name)?.map(|c| mo(c, &attributes));
            return Ok(Atom::ord(xml.unwrap_or_else(|| EMPTY.into())));
        }
        let xml = match name {
            "frac" | "dfrac" | "tfrac" | "cfrac" => {
                let open = match name {
                    "frac" => "<mfrac>",
                    "tfrac" => "<mfrac displaystyle=\"false\">",
                    _ => "<mfrac displaystyle=\"true\">",
                };
                let numerator = self.arg(name)?;
                let denominator = self.arg(name)?;
                [open, &numerator, &denominator, "</mfrac>"].concat()
            }
            "binom" | "dbinom" | "tbinom" => {
                let style = match name {
                    "dbinom" => " displaystyle=\"true\"",
                    "tbinom" => " displaystyle=\"false\"",
                    _ => "",
                };
                let n = self.arg(name)?;
                let k = self.arg(name)?;
                [
                    "<mrow><mo>(</mo><mfrac linethickness=\"0\"",
                    style,
                    ">",
                    &n,
                    &k,
                    "</mfrac><mo>)</mo></mrow>",
                ]
                .concat()
            }
            "sqrt" if self.peek() == Tok::Char('[') => {
                self.next();
                let index = self.row(true)?;
                match self.next() {
                    Tok::Char(']') => {}
                    Tok::End => return fail("missing ] after \\sqrt["),
                    tok => return Err(stray(tok)),
                }
                let radicand = self.arg(name)?;
                ["<mroot>", &radicand, &one_element(index), "</mroot>"].concat()
            }
            "sqrt" => ["<msqrt>", &self.arg(name)?, "</msqrt>"].concat(),
            "left" => return self.left_right(),
            "middle" => {
                let xml = self.delimiter(name)?.map(|c| mo(c, STRETCHY));
                xml.unwrap_or_else(|| EMPTY.into())
            }
            "text" | "textrm" | "textnormal" | "textup" | "mbox" | "hbox" | "textbf" | "textit"
            | "textsf" | "texttt" => {
                let font = match name {
                    "textbf" => Font::Bold,
                    "textit" => Font::Italic,
                    "textsf" => Font::Sans,
                    "texttt" => Font::Mono,
                    _ => Font::Auto,
                };
                let mut xml = String::from("<mtext>");
                for c in self.text_arg(name)?.chars() {
                    // No-break spaces, so spaces at the ends of the text survive layout.
                    push_char(&mut xml, if c == ' ' { '\u{a0}' } else { style(c, font) });
                }
                xml.push_str("</mtext>");
                xml
            }
            "operatorname" => {
                let limits = self.src[self.pos..].starts_with('*');
                if limits {
                    self.pos += 1;
                }
                let text = self.text_arg(name)?;
                let text = text.trim();
                let mut xml = String::from(if text.chars().count() == 1 {
                    "<mi mathvariant=\"normal\">"
                } else {
                    "<mi>"
                });
                push_escaped(&mut xml, text);
                xml.push_str("</mi>");
                return Ok(Atom {
                    xml,
                    kind: Kind::Name,
                    limits,
                });
            }
            "begin" => self.environment()?,
            "not" => {
                let c = match self.next() {
                    Tok::Char(c) if !c.is_alphanumeric() && !"{}".contains(c) => c,
                    Tok::Cmd(relation) => {
                        lookup(OPERATORS, relation).ok_or_else(|| stray(Tok::Cmd(relation)))?
                    }
                    _ => return fail("\\not must be followed by a relation"),
                };
                // A combining long solidus overlay strikes the relation through.
                let mut xml = String::from("<mo>");
                push_char(&mut xml, c);
                xml.push_str("\u{338}</mo>");
                xml
            }
            "bmod" | "mod" => String::from("<mo>mod</mo>"),
            "pmod" => [
                "<mrow><mspace width=\"1em\"></mspace><mo stretchy=\"false\">(</mo><mi>mod</mi>",
                "<mspace width=\"0.3333em\"></mspace>",
                &self.arg(name)?,
                "<mo stretchy=\"false\">)</mo></mrow>",
            ]
            .concat(),
            "limits" | "nolimits" => return fail(format!("\\{name} must follow an operator")),
            _ => return fail(format!("unknown command \\{name}")),
        };
        Ok(Atom::ord(xml))
    }

    /// The delimiter after `\left`, `\right`, `\middle` or `\big`; `None` for the empty `.`.
    fn delimiter(&mut self, after: &str) -> Result<Option<char>, MathError> {
        let c = match self.next() {
            Tok::Char('.') => return Ok(None),
            Tok::Char('<') => '⟨',
            Tok::Char('>') => '⟩',
            Tok::Char(c) if is_fence(c) && c != '{' && c != '}' => c,
            Tok::Cmd(name) => match lookup(OPERATORS, name) {
                Some(c) if is_fence(c) => c,
                _ => return fail(format!("\\{name} is not a delimiter (after \\{after})")),
            },
            _ => return fail(format!("missing delimiter after \\{after}")),
        };
        Ok(Some(c))
    }

    fn left_right(&mut self) -> Result<Atom, MathError> {
        let open = self.delimiter("left")?;
        let body = self.row(false)?;
        match self.next() {
            Tok::Cmd("right") => {}
            Tok::End => return fail("\\left without \\right"),
            tok => return Err(stray(tok)),
        }
        let close = self.delimiter("right")?;
        let mut xml = String::from("<mrow>");
        if let Some(c) = open {
            xml.push_str(&mo(c, STRETCHY));
        }
        join_into(&mut xml, &body);
        if let Some(c) = close {
            xml.push_str(&mo(c, STRETCHY));
        }
        xml.push_str("</mrow>");
        Ok(Atom {
            xml,
            kind: if open.is_some() {
                Kind::Open
            } else {
                Kind::Ord
            },
            limits: false,
        })
    }

    /// A `{…}` argument read as text (`\text`, `\operatorname`, environment names).
    fn text_arg(&mut self, what: &str) -> Result<String, MathError> {
        self.skip_space();
        let Some(body) = self.src[self.pos..].strip_prefix('{') else {
            return fail(format!("missing {{ after \\{what}"));
        };
        let mut text = String::new();
        let mut depth = 0usize;
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    self.pos += 1 + i + 1;
                    return Ok(text);
                }
                '}' => depth -= 1,
                '~' => text.push('\u{a0}'),
                '\\' => match chars.next() {
                    Some((_, c @ ('{' | '}' | '$' | '%' | '&' | '_' | '#'))) => text.push(c),
                    Some((_, ' ' | ',' | ';' | ':' | '\n')) => text.push(' '),
                    Some((j, c)) => {
                        let letters = body[j..]
                            .bytes()
                            .take_while(u8::is_ascii_alphabetic)
                            .count();
                        let name = if letters > 0 {
                            &body[j..j + letters]
                        } else {
                            &body[j..j + c.len_utf8()]
                        };
                        return fail(format!("unknown command \\{name} in \\{what}"));
                    }
                    None => break,
                },
                c => text.push(c),
            }
        }
        fail(format!("unbalanced braces in \\{what}"))
    }

    /// `\begin{name} … \end{name}` for matrices, `cases` and alignments.
    fn environment(&mut self) -> Result<String, MathError> {
        let name = self.text_arg("begin")?;
        let (open, close, align): (&str, &str, &[&str]) = match name.as_str() {
            "matrix" | "smallmatrix" => ("", "", &[]),
            "pmatrix" => ("(", ")", &[]),
            "bmatrix" => ("[", "]", &[]),
            "Bmatrix" => ("{", "}", &[]),
            "vmatrix" => ("|", "|", &[]),
            "Vmatrix" => ("‖", "‖", &[]),
            "cases" => ("{", "", &["left"]),
            "aligned" | "align" | "align*" | "split" => ("", "", &["right", "left"]),
            "gathered" | "gather" | "gather*" => ("", "", &[]),
            _ => return fail(format!("unknown environment {name}")),
        };
        let mut xml = String::new();
        if !open.is_empty() {
            xml.push_str("<mrow><mo>");
            xml.push_str(open);
            xml.push_str("</mo>");
        }
        xml.push_str("<mtable>");
        loop {
            let mut cells = String::new();
            let mut columns = 0;
            let mut blank = true;
            let last = loop {
                let cell = self.row(false)?;
                blank &= cell.is_empty();
                cells.push_str("<mtd");
                if !align.is_empty() {
                    cells.push_str(" columnalign=\"");
                    cells.push_str(align[columns % align.len()]);
                    cells.push('"');
                }
                cells.push('>');
                join_into(&mut cells, &cell);
                cells.push_str("</mtd>");
                columns += 1;
                match self.next() {
                    Tok::Char('&') => {}
                    Tok::Cmd("\\") => {
                        self.skip_row_spacing();
                        break false;
                    }
                    Tok::Cmd("end") => {
                        let end = self.text_arg("end")?;
                        if end != name {
                            return fail(format!("\\begin{{{name}}} ended by \\end{{{end}}}"));
                        }
                        break true;
                    }
                    Tok::End => return fail(format!("\\begin{{{name}}} without \\end")),
                    tok => return Err(stray(tok)),
                }
            };
            // A `\\` before `\end` leaves an empty last row, which TeX drops too.
            if !(last && columns == 1 && blank) {
                xml.push_str("<mtr>");
                xml.push_str(&cells);
                xml.push_str("</mtr>");
            }
            if last {
                break;
            }
        }
        xml.push_str("</mtable>");
        if !close.is_empty() {
            xml.push_str("<mo>");
            xml.push_str(close);
            xml.push_str("</mo>");
        }
        if !open.is_empty() {
            xml.push_str("</mrow>");
        }
        Ok(xml)
    }

    /// Skips the optional `[length]` after `\\`, looking only a few bytes ahead so that many
    /// unclosed `[` cannot make the scan quadratic.
    fn skip_row_spacing(&mut self) {
        self.skip_space();
        let rest = &self.src.as_bytes()[self.pos..];
        if rest.starts_with(b"[")
            && let Some(end) = rest.iter().take(24).position(|&b| b == b']')
        {
            self.pos += end + 1;
        }
    }
}

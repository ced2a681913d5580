//! The MathML the math converter may emit, for the tests of the converter and of the Markdown
//! that embeds it.

/// MathML Core elements the converter may emit.
pub const ELEMENTS: &[&str] = &[
    "math",
    "semantics",
    "annotation",
    "mrow",
    "mi",
    "mn",
    "mo",
    "mtext",
    "mspace",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mfrac",
    "msqrt",
    "mroot",
    "mstyle",
    "mtable",
    "mtr",
    "mtd",
];

/// Attributes the converter may put on them.
pub const ATTRIBUTES: &[&str] = &[
    "xmlns",
    "display",
    "encoding",
    "mathvariant",
    "stretchy",
    "minsize",
    "maxsize",
    "accent",
    "accentunder",
    "width",
    "columnalign",
    "displaystyle",
    "linethickness",
];

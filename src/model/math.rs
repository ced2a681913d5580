//! LaTeX math to MathML.

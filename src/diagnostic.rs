//! The one kind of problem report every reader gives: the GeoJSON checker,
//! the events loader, the CSV importers and the article extractor.
//!
//! A diagnostic has a severity, a 1-based line and column (columns count
//! characters, not bytes, everywhere), the path to the value it is about
//! (a JSON path such as `features[3].properties.start`, or a CSV column
//! name) and a message. `check` prints them, the app lists them in its
//! Problems window, and both write them as `FILE:LINE:COL: error: …`, the
//! form editors and terminals turn into links.

use std::fmt;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The input, or this part of it, cannot be used.
    Error,
    /// Usable, but something deserves a look.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
        })
    }
}

/// One problem found in an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// 1-based line, when the problem has a place.
    pub line: Option<usize>,
    /// 1-based column in characters, when the problem has a place.
    pub column: Option<usize>,
    /// The JSON path or the column name the problem is about, if any.
    pub path: Option<String>,
    /// What is wrong, in words a person can act on.
    pub message: String,
}

impl Diagnostic {
    /// An error about the input as a whole.
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            line: None,
            column: None,
            path: None,
            message: message.into(),
        }
    }

    /// A warning about the input as a whole.
    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    /// The same problem placed at `line` and `column` (characters, 1-based).
    pub fn at(self, line: usize, column: usize) -> Self {
        Self {
            line: Some(line),
            column: Some(column),
            ..self
        }
    }

    /// The same problem placed where `position` is, when it is known.
    pub fn at_position(self, position: Option<Position>) -> Self {
        match position {
            Some(p) => self.at(p.line, p.column),
            None => self,
        }
    }

    /// The same problem about the value at `path`.
    pub fn with_path(self, path: impl Into<String>) -> Self {
        Self {
            path: Some(path.into()),
            ..self
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message with its path in front: `features[2].geometry: …`.
    pub fn describe(&self) -> String {
        match &self.path {
            Some(path) => format!("{path}: {}", self.message),
            None => self.message.clone(),
        }
    }

    /// The problem as `FILE:LINE:COL: error: message` (or `FILE: error: …`).
    pub fn in_file<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        InFile(file, self)
    }
}

struct InFile<'a>(&'a str, &'a Diagnostic);

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let InFile(file, d) = self;
        match (d.line, d.column) {
            (Some(line), Some(column)) => write!(f, "{file}:{line}:{column}: ")?,
            (Some(line), None) => write!(f, "{file}:{line}: ")?,
            _ => write!(f, "{file}: ")?,
        }
        write!(f, "{}: {}", d.severity, d.describe())
    }
}

/// A 1-based line and column (in characters) of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, counted in characters.
    pub column: usize,
}

impl Position {
    /// The position of a byte offset in `text` (clamped to its end and to
    /// the start of the character it falls in).
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Self {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

/// Counts errors and warnings among `diagnostics`.
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_a_compiler() {
        let d = Diagnostic::error("not a number")
            .at(3, 7)
            .with_path("features[0].properties.start");
        assert_eq!(
            d.in_file("a.geojson").to_string(),
            "a.geojson:3:7: error: features[0].properties.start: not a number"
        );
        let w = Diagnostic::warning("byte order mark");
        assert_eq!(
            w.in_file("b.csv").to_string(),
            "b.csv: warning: byte order mark"
        );
    }

    #[test]
    fn columns_count_characters() {
        let text = "{\n  \"place\": \"Баткен\", \"x\": 1";
        let at = text.find("\"x\"").unwrap();
        assert_eq!(
            Position::of_offset(text, at),
            Position {
                line: 2,
                column: 22
            }
        );
    }
}

//! The text of a story file, to place each problem where it is written:
//! line and column of a slice of the text, and serde_json's errors moved
//! from a slice's own lines to the file's.

use serde::Deserialize;

use crate::diagnostic::Diagnostic;

/// The text of a story file, to place problems in it.
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
}

impl<'a> Doc<'a> {
    /// Line and column (characters, 1-based) of the byte at `offset`.
    pub(super) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
        (line, column)
    }

    /// Byte offset of `sub`, a slice of the text, in it (0 when it is not).
    pub(super) fn offset_of(&self, sub: &str) -> usize {
        let start = self.text.as_ptr() as usize;
        let at = sub.as_ptr() as usize;
        if at >= start && at + sub.len() <= start + self.text.len() {
            at - start
        } else {
            0
        }
    }

    /// An error placed at the start of `sub`, a slice of the text.
    pub(super) fn error_at(&self, sub: &str, path: &str, message: String) -> Diagnostic {
        let (line, column) = self.position(self.offset_of(sub));
        Diagnostic::error(message).at(line, column).with_path(path)
    }

    /// A warning placed at the start of `sub`, a slice of the text.
    pub(super) fn warning_at(&self, sub: &str, path: &str, message: String) -> Diagnostic {
        let (line, column) = self.position(self.offset_of(sub));
        Diagnostic::warning(message)
            .at(line, column)
            .with_path(path)
    }

    /// Parses `sub`, a slice of the text, as `T`; a problem is placed where
    /// serde_json found it, with `path` in front.
    pub(super) fn parse<T: Deserialize<'a>>(
        &self,
        sub: &'a str,
        path: Option<&str>,
    ) -> Result<T, Diagnostic> {
        serde_json::from_str(sub).map_err(|e| {
            let base = self.offset_of(sub);
            let local = byte_offset(sub, e.line(), e.column());
            let (line, column) = self.position(base + local);
            let message = strip_position(&e.to_string());
            let d = Diagnostic::error(message).at(line, column);
            match path {
                Some(p) => d.with_path(p),
                None => d,
            }
        })
    }
}

/// The byte offset in `text` of serde_json's 1-based line and byte column.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// serde_json's message without its own " at line L column C".
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

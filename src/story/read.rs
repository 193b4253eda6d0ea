//! Reading story files: a [`Story`] and every problem with its line and
//! column, like every other reader of the project.
//!
//! The file is parsed by `serde_json`; each step and each of its values is
//! kept as the raw slice of the text it came from, so that a problem found
//! after parsing (an unknown event, a window that ends before it starts)
//! is placed where its value is written.

use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{FORMAT_VERSION, Story, StorySource};
use crate::diagnostic::Diagnostic;

/// Story files larger than this are refused (a story is a few kilobytes).
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// What reading a story file gave: the story unless it has errors, and
/// every problem found. A step naming an event that is not loaded is a
/// warning: the step stays, and shows a note in the event's place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// The story, when the file has no errors.
    pub story: Option<Story>,
    /// Errors and warnings, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a story object {\"version\", \"title\", \"steps\", …}")]
struct RawStory<'a> {
    #[serde(borrow)]
    version: &'a RawValue,
    title: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    sources: Vec<StorySource>,
    #[serde(borrow)]
    steps: Vec<&'a RawValue>,
}

/// Reads the story file at `path`; `known` tells which event ids are loaded.
pub fn read(path: &Path, known: &dyn Fn(&str) -> bool) -> Loaded {
    let failed = |message: String| Loaded {
        story: None,
        diagnostics: vec![Diagnostic::error(message)],
    };
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_BYTES => {
            return failed(format!(
                "the file has {} bytes; a story file has at most {MAX_BYTES}",
                m.len()
            ));
        }
        Ok(_) => {}
        Err(e) => return failed(format!("cannot read the file: {e}")),
    }
    match std::fs::read(path) {
        Ok(bytes) => match std::str::from_utf8(&bytes) {
            Ok(text) => parse(text, known),
            Err(e) => {
                let valid = &bytes[..e.valid_up_to()];
                let text = String::from_utf8_lossy(valid);
                let (line, column) = Doc { text: &text }.position(text.len());
                Loaded {
                    story: None,
                    diagnostics: vec![
                        Diagnostic::error("the file is not UTF-8 text").at(line, column),
                    ],
                }
            }
        },
        Err(e) => failed(format!("cannot read the file: {e}")),
    }
}

/// Parses a story file's text; `known` tells which event ids are loaded.
pub fn parse(text: &str, known: &dyn Fn(&str) -> bool) -> Loaded {
    let doc = Doc { text };
    let raw: RawStory<'_> = match doc.parse(text, None) {
        Ok(raw) => raw,
        Err(d) => {
            return Loaded {
                story: None,
                diagnostics: vec![d],
            };
        }
    };
    let mut diagnostics = Vec::new();
    match doc.parse::<u64>(raw.version.get(), Some("version")) {
        Ok(FORMAT_VERSION) => {}
        Ok(v) => diagnostics.push(doc.error_at(
            raw.version.get(),
            "version",
            format!("version {v} is not known; this build reads version {FORMAT_VERSION}"),
        )),
        Err(d) => diagnostics.push(d),
    }
    let mut steps = Vec::with_capacity(raw.steps.len());
    for (i, step) in raw.steps.iter().enumerate() {
        let (step, problems) = super::read_step::step(&doc, step.get(), i, known);
        diagnostics.extend(problems);
        steps.extend(step);
    }
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    let story = Story {
        title: raw.title,
        description: raw.description,
        sources: raw.sources,
        steps,
    };
    Loaded {
        story: (!has_errors).then_some(story),
        diagnostics,
    }
}

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

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

use super::doc::Doc;
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

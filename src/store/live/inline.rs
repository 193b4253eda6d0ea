//! Reading what the store sends back as an events file: its sources carry
//! their texts inline, so no text is looked for beside a file; the reader
//! is the events-file reader, so that what comes from the store is
//! checked as a file is.

use crate::data::SourceTexts;
use crate::data::event::Event;
use crate::data::events::{self, Collection};
use crate::diagnostic::Diagnostic;

/// How many of the problems are said in the message (the rest counted).
const SAID: usize = 3;

/// The texts of a store's events file: all inline.
struct InlineOnly;

impl SourceTexts for InlineOnly {
    fn read(&self, text_file: &str) -> Result<String, String> {
        Err(format!(
            "the database keeps texts inline, not in files ({text_file:?})"
        ))
    }
}

/// The collection an events file from the store holds, with the reader's
/// warnings; or its errors in one line (the first few, and how many more). References may name the `known`
/// events.
pub fn read_file_text(
    text: &str,
    known: &[Event],
) -> Result<(Collection, Vec<Diagnostic>), String> {
    let loaded = events::parse("database", text, &InlineOnly, known);
    match loaded.collection {
        Some(c) => Ok((c, loaded.diagnostics)),
        None => {
            let errors: Vec<String> = (loaded.diagnostics.iter())
                .filter(|d| d.is_error())
                .map(Diagnostic::describe)
                .collect();
            let more = match errors.len().saturating_sub(SAID) {
                0 => String::new(),
                n => format!("; and {n} more"),
            };
            Err(format!(
                "the database holds events that do not read back: {}{more}",
                errors[..errors.len().min(SAID)].join("; ")
            ))
        }
    }
}

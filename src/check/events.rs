//! The hook for checking events files beyond GeoJSON structure, and the
//! events-schema check behind `check --events`.

use super::{Problem, Severity};
use crate::data::events::parse_collection;

/// Checks the content of an events file whose GeoJSON structure is valid.
pub trait EventsValidator {
    /// The problems found in `source`, the file's text.
    fn validate(&self, source: &str) -> Vec<Problem>;
}

impl<F: Fn(&str) -> Vec<Problem>> EventsValidator for F {
    fn validate(&self, source: &str) -> Vec<Problem> {
        self(source)
    }
}

/// The events schema (`src/data/events.rs`): required fields, ISO dates,
/// `start ≤ end`, unique ids, known kinds and vocabularies, `refers_to` that
/// resolve, dates that match their `date_text` when the file names its
/// publication date, and quotes that are verbatim spans of `article`.
#[derive(Clone, Debug)]
pub struct EventsSchema {
    /// The article the quotes are spans of.
    pub article: String,
}

impl EventsValidator for EventsSchema {
    fn validate(&self, source: &str) -> Vec<Problem> {
        match parse_collection(source, Some(&self.article)) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .iter()
                .map(|e| Problem {
                    severity: Severity::Error,
                    line: e.position.map(|p| p.line),
                    column: e.position.map(|p| p.column),
                    message: e.describe(),
                })
                .collect(),
        }
    }
}

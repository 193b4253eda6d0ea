//! The hook for checking events files beyond GeoJSON structure, and the
//! basic check used until the full events validator is plugged in.

use super::{Keep, Problem, Severity, check_reader};
use crate::data::time::EventTime;

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

/// The members every event needs: `id`, `kind` (incident or statement),
/// `title`, and ISO `start` and `end` dates.
#[derive(Clone, Copy, Debug, Default)]
pub struct RequiredFields;

impl EventsValidator for RequiredFields {
    fn validate(&self, source: &str) -> Vec<Problem> {
        let report = check_reader("", source.as_bytes(), Keep::Features);
        let mut problems = Vec::new();
        for (i, feature) in report.features.iter().flatten().enumerate() {
            let mut complain = |message: String| {
                problems.push(Problem {
                    severity: Severity::Error,
                    line: Some(feature.line),
                    column: Some(feature.column),
                    message: format!("features[{i}].properties{message}"),
                });
            };
            let Some(props) = feature.properties.as_object() else {
                complain(": an event needs properties (id, kind, title, start, end)".into());
                continue;
            };
            let text = |key: &str| props.get(key).and_then(|v| v.as_str());
            for key in ["id", "title"] {
                if text(key).is_none_or(|s| s.trim().is_empty()) {
                    complain(format!(".{key}: missing or not a non-empty string"));
                }
            }
            match text("kind") {
                Some("incident" | "statement") => {}
                Some(other) => complain(format!(
                    ".kind: must be \"incident\" or \"statement\", found \"{other}\""
                )),
                None => complain(".kind: missing or not a string".into()),
            }
            for key in ["start", "end"] {
                match text(key) {
                    Some(date) if EventTime::parse(date).is_ok() => {}
                    Some(date) => complain(format!(
                        ".{key}: \"{date}\" is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
                    )),
                    None => complain(format!(".{key}: missing or not a string")),
                }
            }
        }
        problems
    }
}

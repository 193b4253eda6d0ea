//! The problems the events validator reports, each tied to a feature and,
//! where known, a line and column of the GeoJSON text.

use super::dates::DateError;

/// A 1-based line and column (in characters) of the GeoJSON text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, counted in characters.
    pub column: usize,
}

impl Position {
    /// The position of a byte offset in `src` (clamped to its end).
    pub fn of_offset(src: &str, offset: usize) -> Self {
        let mut end = offset.min(src.len());
        while !src.is_char_boundary(end) {
            end -= 1;
        }
        let before = &src[..end];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Self {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

/// One problem found in an events file.
#[derive(Clone, Debug, PartialEq)]
pub struct EventError {
    /// Index of the feature in `features`, when the problem is in one.
    pub feature: Option<usize>,
    /// The feature's id, when it has one.
    pub id: Option<String>,
    /// Where in the text, when known.
    pub position: Option<Position>,
    /// What is wrong.
    pub problem: Problem,
}

impl EventError {
    /// A problem with the file as a whole.
    pub fn file(problem: Problem, position: Option<Position>) -> Self {
        Self {
            feature: None,
            id: None,
            position,
            problem,
        }
    }

    /// The message prefixed with a file name, `file:line:column: …`, the
    /// form editors and terminals turn into links.
    pub fn render(&self, file: &str) -> String {
        match self.position {
            Some(p) => format!("{file}:{}:{}: {}", p.line, p.column, self.describe()),
            None => format!("{file}: {}", self.describe()),
        }
    }

    /// The message without position.
    pub fn describe(&self) -> String {
        match (self.feature, &self.id) {
            (Some(i), Some(id)) => format!("feature #{i} ({id}): {}", self.problem),
            (Some(i), None) => format!("feature #{i}: {}", self.problem),
            (None, _) => self.problem.to_string(),
        }
    }
}

impl std::fmt::Display for EventError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some(p) => write!(
                f,
                "line {}, column {}: {}",
                p.line,
                p.column,
                self.describe()
            ),
            None => f.write_str(&self.describe()),
        }
    }
}

impl std::error::Error for EventError {}

/// What is wrong with an events file or one of its features.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Problem {
    /// The text is not valid JSON.
    #[error("JSON syntax error: {0}")]
    Syntax(String),
    /// The top level is not a FeatureCollection with a `features` array.
    #[error("not a GeoJSON FeatureCollection: {0}")]
    NotCollection(String),
    /// An element of `features` is not a Feature with a `properties` object.
    #[error("not a GeoJSON Feature: {0}")]
    NotFeature(String),
    /// A required property is absent or null.
    #[error("missing required property `{0}`")]
    Missing(&'static str),
    /// A property has the wrong type or an unknown value.
    #[error("property `{field}`: {message}")]
    Invalid {
        /// The property.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// A property the schema does not know (often a typo).
    #[error("unknown property `{0}`")]
    UnknownProperty(String),
    /// `start` is after `end`.
    #[error("start {start} is after end {end}")]
    StartAfterEnd {
        /// The start as written.
        start: String,
        /// The end as written.
        end: String,
    },
    /// Two features share an id.
    #[error("duplicate id {id:?}, already used by feature #{first}")]
    DuplicateId {
        /// The id.
        id: String,
        /// The feature that used it first.
        first: usize,
    },
    /// `refers_to` names no feature.
    #[error("refers_to {0:?}: no feature has that id")]
    DanglingReference(String),
    /// `refers_to` names a statement.
    #[error("refers_to {0:?} is a statement; statements refer to incidents")]
    ReferenceNotIncident(String),
    /// `account_of` names no incident.
    #[error("account_of {0:?}: no incident has that id")]
    AccountOfUnknown(String),
    /// `account_of` names an incident that is itself an account, or the
    /// incident itself.
    #[error("account_of {0:?} must name another incident that is not itself an account")]
    AccountOfAccount(String),
    /// A statement has `account_of`, which is for incidents.
    #[error("`account_of` is for incidents; a statement names what it is about in `refers_to`")]
    AccountOfOnStatement,
    /// A statement lacks a property statements need.
    #[error("a statement needs `{0}`")]
    StatementNeeds(&'static str),
    /// A quote's span is not inside the article or splits a character.
    #[error(
        "quote #{index}: span {start}..{end} is empty, outside the article ({len} bytes) or splits a character"
    )]
    QuoteSpan {
        /// Index of the quote.
        index: usize,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// The article's length in bytes.
        len: usize,
    },
    /// A quote's text differs from the article at its span.
    #[error("quote #{index}: the article has {found:?} at {start}..{end}{}", hint.map(|h| format!("; the text occurs at byte {h}")).unwrap_or_default())]
    QuoteMismatch {
        /// Index of the quote.
        index: usize,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// What the article has there.
        found: String,
        /// Where the quoted text does occur, if anywhere.
        hint: Option<usize>,
    },
    /// The geometry is not valid GeoJSON or is off the globe.
    #[error("geometry: {0}")]
    Geometry(String),
    /// The geometry is null and nothing says why.
    #[error("geometry is null but no geometry_note says why")]
    MissingGeometryNote,
    /// `date_text` cannot be resolved.
    #[error("date_text: {0}")]
    DateText(DateError),
    /// `start`/`end` differ from what `date_text` resolves to.
    #[error("date_text {text:?} resolves to {expected} but the feature says {found}")]
    DateDrift {
        /// The phrase.
        text: String,
        /// `start/end` as resolved.
        expected: String,
        /// `start/end` as written.
        found: String,
    },
    /// `place_ref` is not in the gazetteer.
    #[error("place_ref {0:?} is not in the gazetteer")]
    UnknownPlace(String),
    /// The feature has a geometry but no `place_ref` to trace it to.
    #[error("geometry has no place_ref tracing it to the gazetteer")]
    UntracedGeometry,
    /// The geometry is far from the gazetteer's point for `place_ref`.
    #[error("the point is {distance_km:.1} km from the gazetteer's {place}")]
    PlaceMismatch {
        /// The place.
        place: String,
        /// The distance.
        distance_km: f64,
    },
}

//! What can be wrong with an events file or one of its features, in words,
//! and which member each problem is about (for the diagnostic's path).

use crate::data::dates::DateError;

/// What is wrong with an events file or one of its features.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Problem {
    /// The top level is not a FeatureCollection.
    #[error("an events file is a GeoJSON FeatureCollection; this is not one")]
    NotCollection,
    /// An element of `features` has no `properties` object.
    #[error("an event needs a `properties` object")]
    NoProperties,
    /// A required property is absent or null.
    #[error("missing required property `{0}`")]
    Missing(&'static str),
    /// A property has the wrong type or an unknown value.
    #[error("{message}")]
    Invalid {
        /// The property (a path below `properties`, or a top-level member).
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
    /// `refers_to` names no event.
    #[error("refers_to {0:?}: no event has that id")]
    DanglingReference(String),
    /// `refers_to` names something that is not an incident.
    #[error("refers_to {0:?} is not an incident; statements refer to incidents")]
    ReferenceNotIncident(String),
    /// `account_of` names no incident.
    #[error("account_of {0:?}: no incident has that id")]
    AccountOfUnknown(String),
    /// `account_of` names an incident that is itself an account, or the
    /// incident itself.
    #[error("account_of {0:?} must name another incident that is not itself an account")]
    AccountOfAccount(String),
    /// A statement or context row has `account_of`, which is for incidents.
    #[error("`account_of` is for incidents; a statement names what it is about in `refers_to`")]
    AccountOfNotIncident,
    /// A statement lacks a property statements need.
    #[error("a statement needs `{0}`")]
    StatementNeeds(&'static str),
    /// The event names a source the file does not declare.
    #[error("source {0:?} is not one of the file's `sources`")]
    UnknownSource(String),
    /// The event names no source and the file declares several.
    #[error("the file declares several sources; say which one in `source`")]
    WhichSource,
    /// The event quotes a source whose text is not at hand.
    #[error(
        "quote #{index}: source {source_id:?} has no text to check it against (give the source a `text_file`)"
    )]
    QuoteWithoutText {
        /// Index of the quote.
        index: usize,
        /// The source's id.
        source_id: String,
    },
    /// A quote's span is not inside the text or splits a character.
    #[error(
        "quote #{index}: span {start}..{end} is empty, outside the source's text ({len} bytes) or splits a character"
    )]
    QuoteSpan {
        /// Index of the quote.
        index: usize,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// The text's length in bytes.
        len: usize,
    },
    /// A quote's text differs from the source's text at its span.
    #[error("quote #{index}: the source {source_id:?} has {found:?} at {start}..{end}{}", hint.map(|h| format!("; the quoted text occurs at byte {h}")).unwrap_or_default())]
    QuoteMismatch {
        /// Index of the quote.
        index: usize,
        /// The source's id.
        source_id: String,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// What the text has there.
        found: String,
        /// Where the quoted text does occur, if anywhere.
        hint: Option<usize>,
    },
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

impl Problem {
    /// The member of the feature the problem is about, as a path below the
    /// feature (`properties.start`, `geometry`), if it is about one.
    pub fn member(&self) -> Option<String> {
        let prop = |name: &str| Some(format!("properties.{name}"));
        match self {
            Self::NotCollection | Self::NoProperties | Self::DuplicateId { .. } => None,
            Self::Missing(field) | Self::StatementNeeds(field) => prop(field),
            Self::Invalid { field, .. } => prop(field),
            Self::UnknownProperty(name) => prop(name),
            Self::StartAfterEnd { .. } => prop("start"),
            Self::DanglingReference(_) | Self::ReferenceNotIncident(_) => prop("refers_to"),
            Self::AccountOfUnknown(_) | Self::AccountOfAccount(_) | Self::AccountOfNotIncident => {
                prop("account_of")
            }
            Self::UnknownSource(_) | Self::WhichSource => prop("source"),
            Self::QuoteWithoutText { index, .. }
            | Self::QuoteSpan { index, .. }
            | Self::QuoteMismatch { index, .. } => prop(&format!("quotes[{index}]")),
            Self::MissingGeometryNote => Some("geometry".into()),
            Self::DateText(_) | Self::DateDrift { .. } => prop("date_text"),
            Self::UnknownPlace(_) | Self::UntracedGeometry | Self::PlaceMismatch { .. } => {
                prop("place_ref")
            }
        }
    }
}

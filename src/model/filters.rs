//! The event filters: which kinds, sources, categories, sides and verdicts
//! the user hides, and the search text. Saved with the view.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::data::event::{EventKind, Verdict};

/// Which events the list, map and timeline show.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Filters {
    /// Free text matched against title, summary, place and quotes.
    pub text: String,
    /// Kinds hidden by the user.
    pub hidden_kinds: BTreeSet<EventKindKey>,
    /// Categories hidden by the user (vocabulary ids).
    pub hidden_categories: BTreeSet<String>,
    /// Sides hidden by the user (vocabulary ids; [`NO_SIDE`] for events
    /// with none).
    pub hidden_sides: BTreeSet<String>,
    /// Verdicts hidden by the user.
    pub hidden_verdicts: BTreeSet<VerdictKey>,
    /// Sources hidden by the user (source ids).
    #[serde(default)]
    pub hidden_sources: BTreeSet<String>,
}

/// A serialisable, ordered key for [`EventKind`].
pub type EventKindKey = String;
/// A serialisable, ordered key for [`Verdict`].
pub type VerdictKey = String;

/// The side filter's key for events no side is given for.
pub const NO_SIDE: &str = "";

/// The filter key of a kind.
pub fn kind_key(kind: EventKind) -> EventKindKey {
    kind.key().to_owned()
}
/// The filter key of a side.
pub fn side_key(side: Option<&str>) -> String {
    side.unwrap_or(NO_SIDE).to_owned()
}
/// The filter key of a verdict.
pub fn verdict_key(verdict: Option<Verdict>) -> VerdictKey {
    verdict.map_or_else(|| "None".to_owned(), |v| format!("{v:?}"))
}

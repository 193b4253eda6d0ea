//! The event filters: which kinds, sources, categories, sides and verdicts
//! the user hides, and the search text. Saved with the view.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::data::event::{EventKind, Verdict};
use crate::store::narrow::Narrowing;

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

impl Filters {
    /// What these filters hide beyond kinds and categories, as the store
    /// takes it (sides, sources and verdicts hidden, and the search words).
    pub fn narrowing(&self) -> Narrowing {
        let mut hidden_verdicts: Vec<String> = Verdict::ALL
            .into_iter()
            .filter(|v| self.hidden_verdicts.contains(&verdict_key(Some(*v))))
            .filter_map(|v| serde_json::to_value(v).ok()?.as_str().map(str::to_owned))
            .collect();
        if self.hidden_verdicts.contains(&verdict_key(None)) {
            hidden_verdicts.push(String::new());
        }
        Narrowing {
            hidden_sides: self.hidden_sides.iter().cloned().collect(),
            hidden_sources: self.hidden_sources.iter().cloned().collect(),
            hidden_verdicts,
            words: (self.text.split_whitespace())
                .map(str::to_lowercase)
                .collect(),
        }
    }
}

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

#[cfg(test)]
mod narrowing_tests {
    use super::*;

    #[test]
    fn the_filters_become_what_the_store_holds() {
        let mut filters = Filters::default();
        assert!(filters.narrowing().is_empty());
        filters.hidden_kinds.insert("context".into());
        filters.hidden_categories.insert("protest".into());
        assert!(filters.narrowing().is_empty(), "the summaries know these");
        filters.text = "Batken  SHELLED".into();
        filters.hidden_sides.insert(NO_SIDE.into());
        filters.hidden_sources.insert("acled".into());
        filters
            .hidden_verdicts
            .insert(verdict_key(Some(Verdict::PartlyDocumented)));
        filters.hidden_verdicts.insert(verdict_key(None));
        let narrowing = filters.narrowing();
        assert_eq!(narrowing.words, ["batken", "shelled"]);
        assert_eq!(narrowing.hidden_sides, [""]);
        assert_eq!(narrowing.hidden_sources, ["acled"]);
        assert_eq!(narrowing.hidden_verdicts, ["partly_documented", ""]);
    }
}

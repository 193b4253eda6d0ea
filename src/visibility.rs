//! Which events pass the filters and the time window, recomputed only when
//! the filters, the window or the data change.

use crate::data::Data;
use crate::data::event::Event;
use crate::data::time::Seconds;
use crate::view::{Filters, ViewState, kind_key, side_key, verdict_key};

/// The events to show, as indices into `Data::events`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Visible {
    /// Events that pass the filters and overlap the time window.
    pub shown: Vec<usize>,
    /// Events that pass the filters but lie outside the window (drawn faint
    /// when the user asks for them).
    pub outside: Vec<usize>,
}

impl Visible {
    /// Whether the event with this index is shown in full.
    pub fn is_shown(&self, index: usize) -> bool {
        self.shown.binary_search(&index).is_ok()
    }
}

/// Whether an event passes the user's filters (not the time window).
pub fn passes_filters(event: &Event, filters: &Filters) -> bool {
    if filters.hidden_kinds.contains(&kind_key(event.kind))
        || filters.hidden_sides.contains(&side_key(event.side))
        || filters
            .hidden_verdicts
            .contains(&verdict_key(event.verification.as_ref().map(|v| v.verdict)))
    {
        return false;
    }
    if let Some(cat) = &event.category
        && filters.hidden_categories.contains(cat)
    {
        return false;
    }
    matches_text(event, &filters.text)
}

/// Whether the search text occurs (case-insensitively) in the event's title,
/// summary, place, claimant, actors or quotes. Every word must occur.
pub fn matches_text(event: &Event, text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return true;
    }
    let mut haystack = String::new();
    for part in [&event.title, &event.id]
        .into_iter()
        .chain(event.summary.as_ref())
        .chain(event.place.as_ref())
        .chain(event.claimant.as_ref())
        .chain(event.category.as_ref())
        .chain(event.date_text.as_ref())
        .chain(event.actors.iter())
        .chain(event.quotes.iter().map(|q| &q.text))
    {
        haystack.push_str(&part.to_lowercase());
        haystack.push('\n');
    }
    words.iter().all(|w| haystack.contains(w.as_str()))
}

/// Whether an event overlaps the window `[from, to)`.
pub fn overlaps(event: &Event, window: (Seconds, Seconds)) -> bool {
    event.start.first_second() < window.1 && event.end.end_exclusive() > window.0
}

/// Remembers the last result and recomputes it only when its inputs change.
#[derive(Debug, Default)]
pub struct VisibilityCache {
    key: Option<(Filters, (Seconds, Seconds), usize)>,
    visible: Visible,
}

impl VisibilityCache {
    /// The visible events for this view, recomputed if needed.
    pub fn get(&mut self, data: &Data, view: &ViewState) -> &Visible {
        let key = (view.filters.clone(), view.time.window, data.events.len());
        if self.key.as_ref() != Some(&key) {
            let mut visible = Visible::default();
            for (i, event) in data.events.iter().enumerate() {
                if !passes_filters(event, &view.filters) {
                    continue;
                }
                if overlaps(event, view.time.window) {
                    visible.shown.push(i);
                } else {
                    visible.outside.push(i);
                }
            }
            self.visible = visible;
            self.key = Some(key);
        }
        &self.visible
    }
}

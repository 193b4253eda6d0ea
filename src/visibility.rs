//! Which events pass the filters and the time window, recomputed only when
//! the filters, the window or the data change.

use std::sync::Arc;

use crate::data::Data;
use crate::data::event::Event;
use crate::data::time::Seconds;
use crate::timeline::index::TimeIndex;
use crate::view::{Filters, ViewState, kind_key, side_key, verdict_key};

/// The events to show, as indices into `Data::events`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Visible {
    /// Events that pass the filters and overlap the time window.
    pub shown: Vec<usize>,
    /// Events that pass the filters but lie outside the window (drawn faint
    /// when the user asks for them).
    pub outside: Vec<usize>,
    /// For each event of `Data::events`, whether it passes the filters.
    pub passes: Vec<bool>,
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
///
/// The filters are checked against every event only when they change; a new
/// time window asks the [`TimeIndex`] for the overlapping events (a binary
/// search) and splits the remembered passing events into shown and outside.
#[derive(Debug, Default)]
pub struct VisibilityCache {
    filter_key: Option<(Filters, usize)>,
    /// Indices of the events passing the filters, ascending.
    passing: Vec<usize>,
    window_key: Option<(Seconds, Seconds)>,
    visible: Arc<Visible>,
}

impl VisibilityCache {
    /// The visible events for this view, recomputed if needed.
    pub fn get(&mut self, data: &Data, index: &TimeIndex, view: &ViewState) -> Arc<Visible> {
        let filter_key = (view.filters.clone(), data.events.len());
        let filters_changed = self.filter_key.as_ref() != Some(&filter_key);
        if filters_changed {
            self.passing = (0..data.events.len())
                .filter(|&i| passes_filters(&data.events[i], &view.filters))
                .collect();
            self.filter_key = Some(filter_key);
        }
        let window = view.time.window;
        if filters_changed || self.window_key != Some(window) {
            let mut passes = vec![false; data.events.len()];
            for &i in &self.passing {
                passes[i] = true;
            }
            let shown: Vec<usize> = index
                .overlapping(window.0, window.1)
                .into_iter()
                .filter(|&i| passes[i])
                .collect();
            let mut outside = Vec::with_capacity(self.passing.len() - shown.len());
            let mut s = shown.iter().peekable();
            for &i in &self.passing {
                if s.peek() == Some(&&i) {
                    s.next();
                } else {
                    outside.push(i);
                }
            }
            self.visible = Arc::new(Visible {
                shown,
                outside,
                passes,
            });
            self.window_key = Some(window);
        }
        self.visible.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_splits_passing_events() {
        let data = Data::bundled().unwrap();
        let index = TimeIndex::new(&data);
        let mut view = crate::view_defaults::initial_view(&data);
        let mut cache = VisibilityCache::default();
        let all = cache.get(&data, &index, &view);
        assert_eq!(all.shown.len(), data.events.len());
        view.time.window = (
            crate::data::time::EventTime::parse("2022-09-14")
                .unwrap()
                .first_second(),
            crate::data::time::EventTime::parse("2022-09-17")
                .unwrap()
                .end_exclusive(),
        );
        let some = cache.get(&data, &index, &view);
        let brute: Vec<usize> = (0..data.events.len())
            .filter(|&i| overlaps(&data.events[i], view.time.window))
            .collect();
        assert_eq!(some.shown, brute);
        assert_eq!(some.shown.len() + some.outside.len(), data.events.len());
        assert!(!some.shown.is_empty() && !some.outside.is_empty());
    }
}

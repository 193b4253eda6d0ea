//! Which events pass the filters and the time window, recomputed only when
//! the filters, the window or the data change.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::filters::{Filters, kind_key, side_key, verdict_key};
use crate::data::Data;
use crate::data::event::Event;
use crate::data::time::Seconds;
use crate::model::event_bits::EventBits;
use crate::model::event_index::TimeIndex;

/// The events to show, as indices into `Data::events`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Visible {
    /// Events that pass the filters and overlap the time window, ascending
    /// (shared with what is made from them on other threads: the map's
    /// marker layout).
    pub shown: Arc<Vec<usize>>,
    /// Events that pass the filters, ascending (kept while only the window
    /// moves).
    pub passing: Arc<Vec<usize>>,
    /// For each event of `Data::events`, whether it passes the filters (kept
    /// while only the window moves).
    pub passes: Arc<Vec<bool>>,
    /// Tells results apart: each one the cache makes has its own, so that
    /// what is derived from one (the map's markers) is kept while it is
    /// handed out again and made anew for the next. 0 for a default one.
    pub serial: u64,
}

/// The serials of the results made.
static SERIALS: AtomicU64 = AtomicU64::new(1);

impl Visible {
    /// Whether the event with this index is shown in full.
    pub fn is_shown(&self, index: usize) -> bool {
        self.shown.binary_search(&index).is_ok()
    }

    /// How many events pass the filters but lie outside the window.
    pub fn outside_count(&self) -> usize {
        self.passing.len().saturating_sub(self.shown.len())
    }

    /// The events that pass the filters but lie outside the window (drawn
    /// faint when the user asks for them), ascending.
    pub fn outside(&self) -> impl Iterator<Item = usize> + '_ {
        let mut shown = self.shown.iter().peekable();
        self.passing.iter().copied().filter(move |&i| {
            if shown.peek() == Some(&&i) {
                shown.next();
                false
            } else {
                true
            }
        })
    }
}

/// For each source of `data`, whether the filters hide it.
pub fn hidden_sources(data: &Data, filters: &Filters) -> Vec<bool> {
    data.sources
        .iter()
        .map(|s| filters.hidden_sources.contains(&s.id))
        .collect()
}

/// Whether an event passes the user's filters (not the time window);
/// `hidden_sources` is what [`hidden_sources`] returns for the data.
pub fn passes_filters(event: &Event, filters: &Filters, hidden_sources: &[bool]) -> bool {
    if hidden_sources.get(event.source).copied().unwrap_or(false)
        || filters.hidden_kinds.contains(&kind_key(event.kind))
        || filters
            .hidden_sides
            .contains(&side_key(event.side.as_deref()))
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
/// time window asks the [`TimeIndex`] for the overlapping events and keeps
/// those that pass, so moving the window visits only the events in it.
#[derive(Debug, Default)]
pub struct VisibilityCache {
    filter_key: Option<(Filters, usize)>,
    /// Indices of the events passing the filters, ascending.
    passing: Arc<Vec<usize>>,
    /// Whether each event passes the filters.
    passes: Arc<Vec<bool>>,
    window_key: Option<(Seconds, Seconds)>,
    visible: Arc<Visible>,
    /// `visible.shown` as bits, updated in place when only the window moves.
    shown_bits: EventBits,
}

impl VisibilityCache {
    /// The visible events for this view, recomputed if needed.
    pub fn get(
        &mut self,
        data: &Data,
        index: &TimeIndex,
        filters: &Filters,
        window: (Seconds, Seconds),
    ) -> Arc<Visible> {
        let filter_key = (filters.clone(), data.events.len());
        let filters_changed = self.filter_key.as_ref() != Some(&filter_key);
        if filters_changed {
            let hidden = hidden_sources(data, filters);
            let passing: Vec<usize> = (0..data.events.len())
                .filter(|&i| passes_filters(&data.events[i], filters, &hidden))
                .collect();
            let mut passes = vec![false; data.events.len()];
            for &i in &passing {
                passes[i] = true;
            }
            self.passing = Arc::new(passing);
            self.passes = Arc::new(passes);
            self.filter_key = Some(filter_key);
        }
        if filters_changed || self.window_key != Some(window) {
            let passes = &self.passes;
            let keep = |i: usize| passes.get(i).copied().unwrap_or(false);
            let n = data.events.len();
            let shown = match self.window_key {
                // The window moved a little: only the events that may have
                // come in or gone out are visited, and the bits listed.
                Some(was) if !filters_changed && index.count_changing(was, window) < n / 8 => {
                    let bits = &mut self.shown_bits;
                    index.for_each_changing(was, window, |i, start, end| {
                        bits.set(i, start < window.1 && end > window.0 && keep(i));
                    });
                    bits.to_vec()
                }
                // Otherwise only the events in the window are visited.
                _ => {
                    let shown = index.overlapping_where(window.0, window.1, keep);
                    self.shown_bits = EventBits::of(n, &shown);
                    shown
                }
            };
            self.visible = Arc::new(Visible {
                shown: Arc::new(shown),
                passing: self.passing.clone(),
                passes: self.passes.clone(),
                serial: SERIALS.fetch_add(1, Ordering::Relaxed),
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
        let mut view = crate::model::view_defaults::initial_view(&data);
        let mut cache = VisibilityCache::default();
        let all = cache.get(&data, &index, &view.filters, view.time.window);
        assert_eq!(all.shown.len(), data.events.len());
        view.time.window = (
            crate::data::time::EventTime::parse("2022-09-14")
                .unwrap()
                .first_second(),
            crate::data::time::EventTime::parse("2022-09-17")
                .unwrap()
                .end_exclusive(),
        );
        let some = cache.get(&data, &index, &view.filters, view.time.window);
        let brute: Vec<usize> = (0..data.events.len())
            .filter(|&i| overlaps(&data.events[i], view.time.window))
            .collect();
        assert_eq!(*some.shown, brute);
        let outside: Vec<usize> = some.outside().collect();
        assert_eq!(some.shown.len() + outside.len(), data.events.len());
        assert_eq!(outside.len(), some.outside_count());
        assert!(outside.iter().all(|i| !brute.contains(i)));
        assert!(!some.shown.is_empty() && !outside.is_empty());
    }

    #[test]
    fn a_window_moved_step_by_step_shows_what_it_would_show_at_once() {
        let data = Data::bundled().unwrap();
        let index = TimeIndex::new(&data);
        let view = crate::model::view_defaults::initial_view(&data);
        // Over the busiest stretch, where a day's move changes a few events.
        let (first, _) = index.busiest_span().unwrap();
        let (_, last) = index.span().unwrap();
        let mut filters = view.filters.clone();
        let mut cache = VisibilityCache::default();
        let mut moved_in_place = 0;
        let day = 86_400;
        // Steps of three hours, a jump of a year and back, a filter change.
        for k in 0..200i64 {
            let from = first + k * 3 * 3_600 - if k == 150 { 365 * day } else { 0 };
            let to = from + 2 * day + (k % 7) * 3_600;
            if k == 120 {
                filters.text = "border".into();
            }
            let got = cache.get(&data, &index, &filters, (from, to.min(last + day)));
            let want =
                VisibilityCache::default().get(&data, &index, &filters, (from, to.min(last + day)));
            assert_eq!(got.shown, want.shown, "step {k}");
            moved_in_place += usize::from(k > 0 && k != 120 && !got.shown.is_empty());
        }
        assert!(moved_in_place > 10, "{moved_in_place} steps showed events");
    }
}

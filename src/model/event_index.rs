//! A sorted index of event times, built once from the data, answering
//! "which events overlap `[from, to)`" by binary search.
//!
//! Events are sorted by start. An event overlaps `[from, to)` when it starts
//! before `to` and ends after `from`. Events are also grouped by duration
//! (within a factor of four of each other): in a group whose longest event
//! lasts `d`, only events starting after `from - d` can end after `from`, so
//! each group's candidates form one contiguous run found by binary search,
//! and a few long events do not make every query scan the short ones.
//! How many events overlap a range is counted without visiting them, from
//! the starts and the separately sorted ends.

use std::collections::HashMap;

use crate::data::Data;
use crate::data::event::EventKind;
use crate::data::time::Seconds;
use crate::model::event_bits::EventBits;

/// Seconds in a day.
const DAY: Seconds = 86_400;

/// Event times sorted by start, grouped by duration, with their ends sorted
/// on their own.
#[derive(Clone, Debug, Default)]
pub struct TimeIndex {
    /// Event indices (into `Data::events`) sorted by start, then end.
    order: Vec<usize>,
    /// Start of each entry of `order`.
    starts: Vec<Seconds>,
    /// End (exclusive) of each entry of `order`.
    ends: Vec<Seconds>,
    /// All ends, sorted on their own.
    sorted_ends: Vec<Seconds>,
    /// The position (in `order`) of each entry of `sorted_ends`.
    end_order: Vec<usize>,
    /// The events grouped by duration.
    classes: Vec<DurationClass>,
    /// For each event, the indices of the events it refers to.
    refers: Vec<Vec<usize>>,
    /// The categories that occur, in the order of first appearance by time.
    categories: Vec<String>,
    /// The kinds that occur, in the order of [`EventKind::ALL`].
    kinds: Vec<EventKind>,
    /// Each event's position in `Data::events`, by id.
    by_id: HashMap<String, usize>,
}

/// The events whose durations lie within a factor of four, in start order.
#[derive(Clone, Debug, Default)]
struct DurationClass {
    /// The longest duration in the group.
    longest: Seconds,
    /// Positions in the index's start order.
    positions: Vec<usize>,
    /// The start of each.
    starts: Vec<Seconds>,
}

impl TimeIndex {
    /// Builds the index of the data's events.
    pub fn new(data: &Data) -> Self {
        let spans: Vec<(Seconds, Seconds)> = data
            .events
            .iter()
            .map(|e| (e.start.first_second(), e.end.end_exclusive()))
            .collect();
        let mut index = Self::from_spans(&spans);
        index.by_id = data
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let by_id = &index.by_id;
        index.refers = data
            .events
            .iter()
            .map(|e| {
                e.refers_to
                    .iter()
                    .filter_map(|id| by_id.get(id.as_str()).copied())
                    .collect()
            })
            .collect();
        for &i in &index.order {
            if let Some(cat) = &data.events[i].category
                && !index.categories.contains(cat)
            {
                index.categories.push(cat.clone());
            }
        }
        index.kinds = EventKind::ALL
            .into_iter()
            .filter(|k| data.events.iter().any(|e| e.kind == *k))
            .collect();
        index
    }

    /// Builds the index of bare `(start, end_exclusive)` spans; each span's
    /// start must not be after its end.
    pub fn from_spans(spans: &[(Seconds, Seconds)]) -> Self {
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| (spans[i].0, spans[i].1, i));
        let starts: Vec<Seconds> = order.iter().map(|&i| spans[i].0).collect();
        let ends: Vec<Seconds> = order.iter().map(|&i| spans[i].1).collect();
        let mut end_order: Vec<usize> = (0..ends.len()).collect();
        end_order.sort_unstable_by_key(|&p| ends[p]);
        let sorted_ends: Vec<Seconds> = end_order.iter().map(|&p| ends[p]).collect();
        // Group g holds durations in [4^g, 4^(g+1)) seconds.
        let mut classes: Vec<DurationClass> = Vec::new();
        for (pos, (&start, &end)) in starts.iter().zip(&ends).enumerate() {
            let duration = (end - start).max(1);
            let group = (duration.ilog2() / 2) as usize;
            if classes.len() <= group {
                classes.resize_with(group + 1, DurationClass::default);
            }
            let class = &mut classes[group];
            class.longest = class.longest.max(duration);
            class.positions.push(pos);
            class.starts.push(start);
        }
        classes.retain(|c| !c.positions.is_empty());
        Self {
            order,
            starts,
            ends,
            sorted_ends,
            end_order,
            classes,
            refers: vec![Vec::new(); spans.len()],
            categories: Vec::new(),
            kinds: Vec::new(),
            by_id: HashMap::new(),
        }
    }

    /// The position in `Data::events` of the event with this id.
    pub fn event_with_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there are no events.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The earliest start and latest end of all events.
    pub fn span(&self) -> Option<(Seconds, Seconds)> {
        let first = *self.starts.first()?;
        let last = *self.sorted_ends.last()?;
        Some((first, last))
    }

    /// Where most events begin: the shortest stretch holding the starts of
    /// half of them (at least one), to a day after the last of those starts.
    /// An article about one week with a century of background opens on that
    /// week.
    pub fn busiest_span(&self) -> Option<(Seconds, Seconds)> {
        let n = self.starts.len();
        let k = n.div_ceil(2).max(1);
        let i = (0..=n.checked_sub(k)?).min_by_key(|&i| self.starts[i + k - 1] - self.starts[i])?;
        Some((self.starts[i], self.starts[i + k - 1] + DAY))
    }

    /// How many events overlap `[from, to)`, found by binary search alone.
    pub fn count_overlapping(&self, from: Seconds, to: Seconds) -> usize {
        count_overlapping(&self.starts, &self.sorted_ends, from, to)
    }

    /// Calls `f(event_index, start, end)` for every event overlapping
    /// `[from, to)`, in order of start. Its work and memory grow with the
    /// events found, not with all events.
    pub fn for_each_overlapping(
        &self,
        from: Seconds,
        to: Seconds,
        mut f: impl FnMut(usize, Seconds, Seconds),
    ) {
        let mut found = Vec::new();
        for class in &self.classes {
            let lo = class
                .starts
                .partition_point(|&s| s <= from.saturating_sub(class.longest));
            let hi = class.starts.partition_point(|&s| s < to).max(lo);
            found.extend(
                class.positions[lo..hi]
                    .iter()
                    .copied()
                    .filter(|&pos| self.ends[pos] > from),
            );
        }
        if self.classes.len() > 1 {
            found.sort_unstable();
        }
        for pos in found {
            f(self.order[pos], self.starts[pos], self.ends[pos]);
        }
    }

    /// The indices of the events overlapping `[from, to)`, sorted by index.
    pub fn overlapping(&self, from: Seconds, to: Seconds) -> Vec<usize> {
        self.overlapping_where(from, to, |_| true)
    }

    /// The indices of the events overlapping `[from, to)` that `keep`
    /// accepts, sorted by index. The duration classes are visited one after
    /// the other, not merged into start order; when the events found are
    /// many, they are put in index order through a bitmap of all events (an
    /// eighth of a byte each) rather than sorted.
    pub fn overlapping_where(
        &self,
        from: Seconds,
        to: Seconds,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        let n = self.order.len();
        let most = self.count_overlapping(from, to);
        let mut bits = (most >= n / 64).then(|| EventBits::new(n));
        let mut out = Vec::with_capacity(if bits.is_some() { 0 } else { most });
        for class in &self.classes {
            let lo = class
                .starts
                .partition_point(|&s| s <= from.saturating_sub(class.longest));
            let hi = class.starts.partition_point(|&s| s < to).max(lo);
            for &pos in &class.positions[lo..hi] {
                let i = self.order[pos];
                if self.ends[pos] > from && keep(i) {
                    match &mut bits {
                        Some(bits) => bits.set(i, true),
                        None => out.push(i),
                    }
                }
            }
        }
        match bits {
            Some(bits) => bits.to_vec(),
            None => {
                out.sort_unstable();
                out
            }
        }
    }

    /// How many events may overlap one of `was` and `now` but not the
    /// other: those starting between the two ends and those ending between
    /// the two beginnings (found by binary search, not visited).
    pub fn count_changing(&self, was: (Seconds, Seconds), now: (Seconds, Seconds)) -> usize {
        let (starting, ending) = self.changing(was, now);
        starting.len() + ending.len()
    }

    /// Calls `f(event_index, start, end)` for every event that may overlap
    /// one of `was` and `now` but not the other (some twice); no other
    /// event overlaps one and not the other. Its work grows with how far
    /// the window moved, not with the events in it.
    pub fn for_each_changing(
        &self,
        was: (Seconds, Seconds),
        now: (Seconds, Seconds),
        mut f: impl FnMut(usize, Seconds, Seconds),
    ) {
        let (starting, ending) = self.changing(was, now);
        for pos in starting.chain(ending.map(|k| self.end_order[k])) {
            f(self.order[pos], self.starts[pos], self.ends[pos]);
        }
    }

    /// The positions (in start order) of the events starting between the
    /// ends of `was` and `now`, and the places (in end order) of those
    /// ending between their beginnings: an event overlaps `[from, to)` when
    /// it starts before `to` and ends after `from`, so only these can
    /// overlap one window and not the other.
    fn changing(
        &self,
        (from0, to0): (Seconds, Seconds),
        (from1, to1): (Seconds, Seconds),
    ) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        let start_at = |t: Seconds| self.starts.partition_point(|&s| s < t);
        let end_at = |t: Seconds| self.sorted_ends.partition_point(|&e| e <= t);
        (
            start_at(to0.min(to1))..start_at(to0.max(to1)),
            end_at(from0.min(from1))..end_at(from0.max(from1)),
        )
    }

    /// The first event (in start order) starting strictly after `t` that
    /// `accept` accepts, with its start.
    pub fn next_start_after(
        &self,
        t: Seconds,
        accept: impl Fn(usize) -> bool,
    ) -> Option<(usize, Seconds)> {
        let pos = self.starts.partition_point(|&s| s <= t);
        (pos..self.order.len())
            .map(|p| (self.order[p], self.starts[p]))
            .find(|&(i, _)| accept(i))
    }

    /// The last event (in start order) starting strictly before `t` that
    /// `accept` accepts, with its start.
    pub fn prev_start_before(
        &self,
        t: Seconds,
        accept: impl Fn(usize) -> bool,
    ) -> Option<(usize, Seconds)> {
        let pos = self.starts.partition_point(|&s| s < t);
        (0..pos)
            .rev()
            .map(|p| (self.order[p], self.starts[p]))
            .find(|&(i, _)| accept(i))
    }

    /// The events an event refers to (statements → incidents).
    pub fn refers(&self, event: usize) -> &[usize] {
        self.refers.get(event).map_or(&[], Vec::as_slice)
    }

    /// The categories that occur, by first appearance in time.
    pub fn categories(&self) -> &[String] {
        &self.categories
    }

    /// The kinds that occur, in the order of [`EventKind::ALL`].
    pub fn kinds(&self) -> &[EventKind] {
        &self.kinds
    }
}

/// How many of the spans whose starts and ends are given, each sorted
/// ascending on its own, overlap `[from, to)`.
fn count_overlapping(starts: &[Seconds], ends: &[Seconds], from: Seconds, to: Seconds) -> usize {
    if from >= to {
        return 0;
    }
    // Every span ending by `from` also starts before `to`.
    let started = starts.partition_point(|&s| s < to);
    let ended = ends.partition_point(|&e| e <= from);
    started.saturating_sub(ended)
}

#[cfg(test)]
#[path = "event_index_tests.rs"]
mod tests;

//! A sorted index of event times, built once from the data, answering
//! "which events overlap `[from, to)`" by binary search.
//!
//! Events are sorted by start. An event overlaps `[from, to)` when it starts
//! before `to` and ends after `from`; since no event lasts longer than
//! `max_duration`, only events starting after `from - max_duration` can end
//! after `from`, so the candidates form one contiguous run of the sorted list.
//! Long events therefore widen the scanned run; the answer stays exact.

use std::collections::HashMap;

use crate::data::Data;
use crate::data::time::Seconds;

/// Event times sorted by start, with the longest duration.
#[derive(Clone, Debug, Default)]
pub struct TimeIndex {
    /// Event indices (into `Data::events`) sorted by start, then end.
    order: Vec<usize>,
    /// Start of each entry of `order`.
    starts: Vec<Seconds>,
    /// End (exclusive) of each entry of `order`.
    ends: Vec<Seconds>,
    /// The longest `end - start` of any event.
    max_duration: Seconds,
    /// For each event, the indices of the events it refers to.
    refers: Vec<Vec<usize>>,
    /// The categories that occur, in the order of first appearance by time.
    categories: Vec<String>,
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
        let by_id: HashMap<&str, usize> = data
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
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
        index
    }

    /// Builds the index of bare `(start, end_exclusive)` spans.
    pub fn from_spans(spans: &[(Seconds, Seconds)]) -> Self {
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| (spans[i].0, spans[i].1, i));
        let starts = order.iter().map(|&i| spans[i].0).collect();
        let ends = order.iter().map(|&i| spans[i].1).collect();
        let max_duration = spans.iter().map(|s| s.1 - s.0).max().unwrap_or(0).max(0);
        Self {
            order,
            starts,
            ends,
            max_duration,
            refers: vec![Vec::new(); spans.len()],
            categories: Vec::new(),
        }
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
        let last = self.ends.iter().copied().max()?;
        Some((first, last))
    }

    /// The positions in start order whose events may overlap `[from, to)`:
    /// every overlapping event lies in this range (check `ends` for the rest).
    fn candidates(&self, from: Seconds, to: Seconds) -> std::ops::Range<usize> {
        let lo = self
            .starts
            .partition_point(|&s| s <= from.saturating_sub(self.max_duration));
        let hi = self.starts.partition_point(|&s| s < to);
        lo..hi.max(lo)
    }

    /// Calls `f(event_index, start, end)` for every event overlapping
    /// `[from, to)`, in order of start. Allocates nothing.
    pub fn for_each_overlapping(
        &self,
        from: Seconds,
        to: Seconds,
        mut f: impl FnMut(usize, Seconds, Seconds),
    ) {
        for pos in self.candidates(from, to) {
            if self.ends[pos] > from {
                f(self.order[pos], self.starts[pos], self.ends[pos]);
            }
        }
    }

    /// The indices of the events overlapping `[from, to)`, sorted by index.
    pub fn overlapping(&self, from: Seconds, to: Seconds) -> Vec<usize> {
        let mut out = Vec::new();
        self.for_each_overlapping(from, to, |i, _, _| out.push(i));
        out.sort_unstable();
        out
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic pseudo-random generator (xorshift).
    fn rng(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    #[test]
    fn overlap_query_equals_brute_force() {
        let mut seed = 0x9E37_79B9_7F4A_7C15;
        for round in 0..20 {
            let n = 50 + round * 37;
            let spans: Vec<(Seconds, Seconds)> = (0..n)
                .map(|_| {
                    let start = (rng(&mut seed) % 100_000) as Seconds - 50_000;
                    let len = match rng(&mut seed) % 10 {
                        0 => (rng(&mut seed) % 60_000) as Seconds,
                        _ => 1 + (rng(&mut seed) % 500) as Seconds,
                    };
                    (start, start + len)
                })
                .collect();
            let index = TimeIndex::from_spans(&spans);
            for _ in 0..50 {
                let from = (rng(&mut seed) % 120_000) as Seconds - 60_000;
                let to = from + (rng(&mut seed) % 20_000) as Seconds;
                let brute: Vec<usize> = (0..n)
                    .filter(|&i| spans[i].0 < to && spans[i].1 > from)
                    .collect();
                assert_eq!(index.overlapping(from, to), brute, "[{from}, {to})");
            }
        }
    }

    #[test]
    fn steps_between_starts() {
        let index = TimeIndex::from_spans(&[(10, 20), (0, 5), (30, 31)]);
        assert_eq!(index.next_start_after(0, |_| true), Some((0, 10)));
        assert_eq!(index.next_start_after(10, |_| true), Some((2, 30)));
        assert_eq!(index.prev_start_before(10, |_| true), Some((1, 0)));
        assert_eq!(index.prev_start_before(0, |_| true), None);
        assert_eq!(index.next_start_after(0, |i| i == 2), Some((2, 30)));
        assert_eq!(index.span(), Some((0, 31)));
    }
}

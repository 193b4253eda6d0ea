//! Each timeline row's events that pass the filters, in a time index of
//! their own: how many go on during any stretch of time is answered by
//! binary search, and a row drawn as bars visits only its own events in
//! view. The histogram and the crowded rows are drawn from the counts, so
//! their cost grows with the width drawn, not with the number of events.
//! The histogram's shares come from a [`Spread`] of all rows' events.
//! It is rebuilt only when the events, the filters or the row grouping
//! change.

use std::sync::atomic::{AtomicU64, Ordering};

use super::rows::{Rows, row_names, row_of};
use super::spread::Spread;
use crate::data::Data;
use crate::data::time::Seconds;
use crate::model::event_index::TimeIndex;
use crate::model::filters::Filters;
use crate::model::visibility::Visible;

/// Source of [`Density::serial`].
static SERIAL: AtomicU64 = AtomicU64::new(1);

/// One row's events that pass the filters, and their time index.
#[derive(Debug, Default)]
struct RowEvents {
    /// Indices into `Data::events`, in the order given to `index`.
    events: Vec<usize>,
    /// Their spans, indexed.
    index: TimeIndex,
}

/// What a [`Density`] was built from.
pub type DensityKey = (usize, Filters, Rows);

/// Per-row counts of the events passing the filters, over any time range.
#[derive(Debug)]
pub struct Density {
    key: DensityKey,
    /// Differs between any two densities built in one run.
    pub serial: u64,
    rows: Vec<RowEvents>,
    /// All rows' events, each spread over its dates (for the histogram).
    spread: Spread,
}

impl Density {
    /// The key of the density for these events, filters and rows.
    pub fn key(data: &Data, filters: &Filters, rows: Rows) -> DensityKey {
        (data.events.len(), filters.clone(), rows)
    }

    /// Builds the density of the events `visible` lets pass, by `rows`.
    pub fn new(data: &Data, index: &TimeIndex, visible: &Visible, key: DensityKey) -> Self {
        let names = row_names(key.2, index, &data.vocabulary);
        let mut events: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
        let mut spans: Vec<Vec<(Seconds, Seconds)>> = vec![Vec::new(); names.len()];
        for (i, event) in data.events.iter().enumerate() {
            if !visible.passes.get(i).copied().unwrap_or(true) {
                continue;
            }
            let row = row_of(event, key.2, index);
            if let (Some(ids), Some(times)) = (events.get_mut(row), spans.get_mut(row)) {
                ids.push(i);
                times.push((event.start.first_second(), event.end.end_exclusive()));
            }
        }
        let spread = Spread::new(&spans.concat());
        let rows = events
            .into_iter()
            .zip(spans)
            .map(|(events, spans)| RowEvents {
                index: TimeIndex::from_spans(&spans),
                events,
            })
            .collect();
        Self {
            key,
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
            rows,
            spread,
        }
    }

    /// Whether it was built for `key`.
    pub fn is_for(&self, key: &DensityKey) -> bool {
        &self.key == key
    }

    /// How many events of `row` overlap `[from, to)`.
    pub fn count(&self, row: usize, from: Seconds, to: Seconds) -> usize {
        self.rows
            .get(row)
            .map_or(0, |r| r.index.count_overlapping(from, to))
    }

    /// How many events of all rows fall in `[from, to)`, each counted once,
    /// spread evenly over its dates.
    pub fn spread(&self, from: Seconds, to: Seconds) -> f64 {
        self.spread.within(from, to)
    }

    /// Calls `f(event_index, start, end)` for every event of `row` that
    /// overlaps `[from, to)`, in order of start; visits no other event.
    pub fn for_each_in_row(
        &self,
        row: usize,
        from: Seconds,
        to: Seconds,
        mut f: impl FnMut(usize, Seconds, Seconds),
    ) {
        if let Some(r) = self.rows.get(row) {
            r.index
                .for_each_overlapping(from, to, |k, start, end| f(r.events[k], start, end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_equal_the_filtered_overlaps() {
        let data = Data::bundled().unwrap();
        let index = TimeIndex::new(&data);
        let passes: Vec<bool> = (0..data.events.len()).map(|i| i % 3 != 0).collect();
        let visible = Visible {
            passes: std::sync::Arc::new(passes.clone()),
            ..Visible::default()
        };
        for rows in [Rows::Kind, Rows::Category] {
            let key = Density::key(&data, &Filters::default(), rows);
            let density = Density::new(&data, &index, &visible, key);
            let (first, last) = index.span().unwrap();
            let step = (last - first) / 40;
            for k in 0..40 {
                let (from, to) = (first + k * step, first + (k + 3) * step);
                let mut by_row = vec![0; row_names(rows, &index, &data.vocabulary).len()];
                index.for_each_overlapping(from, to, |i, _, _| {
                    if passes[i] {
                        by_row[row_of(&data.events[i], rows, &index)] += 1;
                    }
                });
                for (row, &n) in by_row.iter().enumerate() {
                    assert_eq!(density.count(row, from, to), n, "row {row}, [{from}, {to})");
                    let mut seen = Vec::new();
                    density.for_each_in_row(row, from, to, |i, _, _| seen.push(i));
                    assert_eq!(seen.len(), n);
                    assert!(
                        seen.iter()
                            .all(|&i| passes[i] && row_of(&data.events[i], rows, &index) == row)
                    );
                }
            }
        }
    }
}

//! How many events of each timeline row go on during any stretch of time,
//! answered by binary search: each row keeps the starts and, separately, the
//! ends of its events that pass the filters. The histogram and the crowded
//! rows are drawn from it, so their cost grows with the width drawn, not
//! with the number of events. It is rebuilt only when the events, the
//! filters or the row grouping change.

use std::sync::atomic::{AtomicU64, Ordering};

use super::bars::{Rows, row_names, row_of};
use super::index::{TimeIndex, count_overlapping};
use crate::data::Data;
use crate::data::time::Seconds;
use crate::view::Filters;
use crate::visibility::Visible;

/// Source of [`Density::serial`].
static SERIAL: AtomicU64 = AtomicU64::new(1);

/// The starts and ends of one row's events, each sorted on its own.
#[derive(Debug, Default)]
struct RowTimes {
    starts: Vec<Seconds>,
    ends: Vec<Seconds>,
}

impl RowTimes {
    /// How many of the row's events overlap `[from, to)`.
    fn count(&self, from: Seconds, to: Seconds) -> usize {
        count_overlapping(&self.starts, &self.ends, from, to)
    }
}

/// What a [`Density`] was built from.
pub type DensityKey = (usize, Filters, Rows);

/// Per-row counts of the events passing the filters, over any time range.
#[derive(Debug)]
pub struct Density {
    key: DensityKey,
    /// Differs between any two densities built in one run.
    pub serial: u64,
    rows: Vec<RowTimes>,
}

impl Density {
    /// The key of the density for these events, filters and rows.
    pub fn key(data: &Data, filters: &Filters, rows: Rows) -> DensityKey {
        (data.events.len(), filters.clone(), rows)
    }

    /// Builds the density of the events `visible` lets pass, by `rows`.
    pub fn new(data: &Data, index: &TimeIndex, visible: &Visible, key: DensityKey) -> Self {
        let mut times: Vec<RowTimes> = row_names(key.2, index)
            .iter()
            .map(|_| RowTimes::default())
            .collect();
        for (i, event) in data.events.iter().enumerate() {
            if !visible.passes.get(i).copied().unwrap_or(true) {
                continue;
            }
            if let Some(row) = times.get_mut(row_of(event, key.2, index)) {
                row.starts.push(event.start.first_second());
                row.ends.push(event.end.end_exclusive());
            }
        }
        for row in &mut times {
            row.starts.sort_unstable();
            row.ends.sort_unstable();
        }
        Self {
            key,
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
            rows: times,
        }
    }

    /// Whether it was built for `key`.
    pub fn is_for(&self, key: &DensityKey) -> bool {
        &self.key == key
    }

    /// How many events of `row` overlap `[from, to)`.
    pub fn count(&self, row: usize, from: Seconds, to: Seconds) -> usize {
        self.rows.get(row).map_or(0, |r| r.count(from, to))
    }

    /// How many events of all rows overlap `[from, to)`.
    pub fn count_all(&self, from: Seconds, to: Seconds) -> usize {
        self.rows.iter().map(|r| r.count(from, to)).sum()
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
                let mut by_row = vec![0; row_names(rows, &index).len()];
                index.for_each_overlapping(from, to, |i, _, _| {
                    if passes[i] {
                        by_row[row_of(&data.events[i], rows, &index)] += 1;
                    }
                });
                for (row, &n) in by_row.iter().enumerate() {
                    assert_eq!(density.count(row, from, to), n, "row {row}, [{from}, {to})");
                }
                assert_eq!(density.count_all(from, to), by_row.iter().sum::<usize>());
            }
        }
    }
}

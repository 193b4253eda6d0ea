//! Counts of events per grid cell: what a store holding more events than
//! the app keeps answers for a zoomed-out view, and what the map then
//! draws in place of the events (`map/layers/counts.rs`); and counts of
//! events per time bin, which the timeline then draws as its histogram.

use crate::data::time::Seconds;

/// The events of a view, counted per cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellCounts {
    /// The cells holding events.
    pub cells: Vec<CellCount>,
    /// Events in all of them.
    pub total: u64,
}

/// One cell's events.
#[derive(Clone, Debug, PartialEq)]
pub struct CellCount {
    /// The cell in degrees: west, south, east, north.
    pub bbox: [f64; 4],
    /// How many events start in it.
    pub count: u64,
    /// How many of each category (`""`: none), the largest first.
    pub by_category: Vec<(String, u64)>,
}

impl CellCount {
    /// The cell's centre in degrees: longitude, latitude.
    pub fn centre(&self) -> [f64; 2] {
        let [w, s, e, n] = self.bbox;
        [(w + e) / 2.0, (s + n) / 2.0]
    }
}

impl CellCounts {
    /// The largest count of a cell (zero when there is none).
    pub fn largest(&self) -> u64 {
        self.cells.iter().map(|c| c.count).max().unwrap_or(0)
    }
}

/// Equal stretches of time laid end to end: a histogram's bins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeBins {
    /// The first bin's start, civil seconds.
    pub start: Seconds,
    /// Each bin's length in seconds (at least one).
    pub step: Seconds,
    /// How many bins.
    pub count: u32,
}

impl TimeBins {
    /// `count` bins of equal length over `window` (the last may end a
    /// little after it).
    pub fn over(window: (Seconds, Seconds), count: u32) -> Self {
        let count = count.max(1);
        let span = (window.1 - window.0).max(1);
        Self {
            start: window.0,
            step: (span + Seconds::from(count) - 1) / Seconds::from(count),
            count,
        }
    }

    /// The stretch the bins cover.
    pub fn span(&self) -> (Seconds, Seconds) {
        let end = self.start + self.step.max(1) * Seconds::from(self.count);
        (self.start, end)
    }
}

/// Events per bin as the store counted them: each event once, in the bin
/// its start falls in (one begun before the bins in the first).
#[derive(Clone, Debug, PartialEq)]
pub struct TimeCounts {
    /// The bins.
    pub bins: TimeBins,
    /// Events in each, from the first.
    pub counts: Vec<u64>,
}

//! Counts of events per grid cell: what a store holding more events than
//! the app keeps answers for a zoomed-out view, and what the map then
//! draws in place of the events (`map/layers/counts.rs`).

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

//! Counts per grid cell for a view: the box snapped out to whole cells of
//! the level that gives about as many cells across as asked, the window to
//! whole days, counted by category. Whole years inside the window come
//! from the yearly summary, whole months around them from the monthly
//! one, the days at its ends from the daily one (or
//! from the events, at levels kept per month only), and events that began
//! before the window and run into it from the events; so the counts are
//! exactly those of `count(*)` over the same cells, days and filters.

mod split;
mod sql;

pub use split::{DayRange, Split, split_months, split_window};

use jiff::civil::Date;
use postgres::Client;
use postgres::types::ToSql;

use super::error::StoreError;
use super::narrow::{Narrowing, Reach};
use crate::data::counts::{CellCount, CellCounts};
use crate::data::time::{Seconds, from_seconds};

/// The levels the server keeps monthly counts at (see `migrations/`).
pub const MONTH_LEVELS: [i32; 5] = [6, 8, 10, 12, 14];
/// The levels it also keeps daily counts at.
pub const DAY_LEVELS: [i32; 3] = [6, 8, 10];

/// What to count.
#[derive(Clone, Debug, PartialEq)]
pub struct CellQuery {
    /// West, south, east, north in degrees.
    pub bbox: [f64; 4],
    /// From the first second to one past the last (civil time).
    pub window: Option<(Seconds, Seconds)>,
    /// Only these kinds (`incident`, `statement`, `context`), if given.
    pub kinds: Option<Vec<String>>,
    /// Only these categories (`""` for none), if given.
    pub categories: Option<Vec<String>>,
    /// What else is hidden: sources are taken off the summaries' counts;
    /// sides, verdicts and words are counted from the events table, which
    /// the summaries cannot answer for.
    pub narrowing: Narrowing,
    /// About how many cells across the box.
    pub across: u32,
}

/// One cell's counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Column, counted from 180°W.
    pub cx: i32,
    /// Row, counted from 90°S.
    pub cy: i32,
    /// Events in it.
    pub count: u64,
    /// Events in it by category (`""`: none), largest first.
    pub by_category: Vec<(String, u64)>,
}

/// The counts of a view.
#[derive(Clone, Debug, PartialEq)]
pub struct Cells {
    /// The grid's level: cells are `360 / 2^level` degrees.
    pub level: i32,
    /// Columns and rows covered: `[cx0, cy0, cx1, cy1]`, inclusive.
    pub span: [i32; 4],
    /// First and last day counted, inclusive (none: all time).
    pub days: Option<(Date, Date)>,
    /// The cells holding events.
    pub cells: Vec<Cell>,
    /// Events in all of them.
    pub total: u64,
}

impl Cells {
    /// A cell's box in degrees: west, south, east, north.
    pub fn cell_box(&self, cx: i32, cy: i32) -> [f64; 4] {
        let size = cell_size(self.level);
        let (w, s) = (cx as f64 * size - 180.0, cy as f64 * size - 90.0);
        [w, s, w + size, s + size]
    }

    /// The cells as the map draws them.
    pub fn counts(&self) -> CellCounts {
        let cells = (self.cells.iter())
            .map(|c| CellCount {
                bbox: self.cell_box(c.cx, c.cy),
                count: c.count,
                by_category: c.by_category.clone(),
            })
            .collect();
        CellCounts {
            cells,
            total: self.total,
        }
    }

    /// The snapped box in degrees.
    pub fn snapped_box(&self) -> [f64; 4] {
        let [cx0, cy0, cx1, cy1] = self.span;
        let a = self.cell_box(cx0, cy0);
        let b = self.cell_box(cx1, cy1);
        [a[0], a[1], b[2], b[3]]
    }
}

/// A cell's side at `level`, in degrees.
pub fn cell_size(level: i32) -> f64 {
    360.0 / f64::from(1u32 << level.clamp(0, 30))
}

/// The summary level giving closest to `across` cells over `width` degrees
/// (never more than twice as many).
pub fn level_for(width: f64, across: u32) -> i32 {
    let want = f64::from(across.max(1));
    MONTH_LEVELS
        .iter()
        .copied()
        .filter(|&l| width / cell_size(l) <= 2.0 * want)
        .min_by(|&a, &b| {
            let da = (width / cell_size(a) - want).abs();
            let db = (width / cell_size(b) - want).abs();
            da.total_cmp(&db)
        })
        .unwrap_or(MONTH_LEVELS[0])
}

/// The columns and rows of `level` a box covers.
pub fn span_of(level: i32, [w, s, e, n]: [f64; 4]) -> [i32; 4] {
    let size = cell_size(level);
    let last = (1i64 << level) - 1;
    let col = |lon: f64| (((lon + 180.0) / size).floor() as i64).clamp(0, last) as i32;
    let row = |lat: f64| (((lat + 90.0) / size).floor() as i64).clamp(0, last) as i32;
    [col(w), row(s), col(e), row(n)]
}

/// The first and last whole day a window touches.
pub fn days_of((from, to): (Seconds, Seconds)) -> (Date, Date) {
    let first = from_seconds(from).date();
    let last = from_seconds(to.max(from + 1) - 1).date();
    (first, last)
}

/// The level `q`'s box is counted at.
fn level_of(q: &CellQuery) -> i32 {
    level_for((q.bbox[2] - q.bbox[0]).max(1e-9), q.across)
}

/// `q`'s box snapped out to whole cells of its level: the box its counts
/// cover, and the events sent for it.
pub fn snapped_box(q: &CellQuery) -> [f64; 4] {
    let level = level_of(q);
    boxed_span(level, span_of(level, q.bbox))
}

/// The counts for `q`.
pub fn count(client: &mut Client, q: &CellQuery) -> Result<Cells, StoreError> {
    count_at(client, q, level_of(q))
}

/// `q`'s counts at the finest level coarser than its own that keeps
/// daily counts (its box snapped out to that level's larger cells), when
/// `q` itself would count its window's days from the events: a window
/// holding no whole month, at a level with monthly counts only, not
/// narrowed but by hidden sources. Their total bounds `q`'s. None otherwise,
/// when `q` is as quick to count as these would be.
pub fn coarser_days(client: &mut Client, q: &CellQuery) -> Result<Option<Cells>, StoreError> {
    let level = level_of(q);
    let Some((first, last)) = q.window.map(days_of) else {
        return Ok(None);
    };
    let split = split_window(first, last);
    let days_only = split.years.is_none() && split.months.is_empty();
    let coarser = DAY_LEVELS.iter().copied().filter(|&l| l < level).max();
    match coarser {
        Some(coarser)
            if days_only && q.narrowing.reach() != Reach::Rows && !DAY_LEVELS.contains(&level) =>
        {
            Ok(Some(count_at(client, q, coarser)?))
        }
        _ => Ok(None),
    }
}

/// The counts for `q` at `level`.
fn count_at(client: &mut Client, q: &CellQuery, level: i32) -> Result<Cells, StoreError> {
    let span = span_of(level, q.bbox);
    let days = q.window.map(days_of);
    let reach = q.narrowing.reach();
    let sql = sql::count_sql(level, days, &q.narrowing);
    let b = boxed_span(level, span);
    let (d0, d1) = match days {
        Some((a, b)) => (Some(a.to_string()), Some(b.to_string())),
        None => (None, None),
    };
    let mut params: Vec<&(dyn ToSql + Sync)> = vec![
        &level,
        &span[0],
        &span[1],
        &span[2],
        &span[3],
        &q.kinds,
        &q.categories,
    ];
    // The snapped box is the events' test; the window's days are its
    // parameters with or without the box.
    if days.is_some() || reach != Reach::Summaries {
        params.extend([&d0 as &(dyn ToSql + Sync), &d1, &b[0], &b[1], &b[2], &b[3]]);
    }
    match reach {
        Reach::Summaries => {}
        Reach::SummariesLessSources => params.push(&q.narrowing.hidden_sources),
        Reach::Rows => params.extend(q.narrowing.params()),
    }
    let rows = client
        .query(&sql, &params)
        .map_err(|e| StoreError::from_query(e, "counting events per cell"))?;
    let mut cells: Vec<Cell> = Vec::new();
    for row in rows {
        let (cx, cy, category, n): (i32, i32, String, i64) =
            (row.get(0), row.get(1), row.get(2), row.get(3));
        match cells.last_mut() {
            Some(c) if c.cx == cx && c.cy == cy => {
                c.count += n as u64;
                c.by_category.push((category, n as u64));
            }
            _ => cells.push(Cell {
                cx,
                cy,
                count: n as u64,
                by_category: vec![(category, n as u64)],
            }),
        }
    }
    for c in &mut cells {
        c.by_category
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    let total = cells.iter().map(|c| c.count).sum();
    Ok(Cells {
        level,
        span,
        days,
        cells,
        total,
    })
}

/// The snapped box in degrees, for the spatial index.
fn boxed_span(level: i32, [cx0, cy0, cx1, cy1]: [i32; 4]) -> [f64; 4] {
    let size = cell_size(level);
    [
        f64::from(cx0) * size - 180.0,
        f64::from(cy0) * size - 90.0,
        f64::from(cx1 + 1) * size - 180.0,
        f64::from(cy1 + 1) * size - 90.0,
    ]
}

/// How many events the store holds, from the coarsest summary (each event
/// is counted there once, placed or not).
pub fn stored_events(client: &mut Client) -> Result<u64, StoreError> {
    let row = client
        .query_one(
            "SELECT coalesce(sum(n), 0)::bigint FROM border_incidents.cell_months WHERE level = $1",
            &[&(MONTH_LEVELS[0] as i16)],
        )
        .map_err(|e| StoreError::from_query(e, "counting the stored events"))?;
    Ok(row.get::<_, i64>(0).max(0) as u64)
}

/// The box of every placed event: west, south, east, north (none when no
/// event has a point).
pub fn extent(client: &mut Client) -> Result<Option<[f64; 4]>, StoreError> {
    let row = client
        .query_one(
            "SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
             FROM (SELECT ST_Extent(geom)::box2d AS b FROM border_incidents.events) AS e",
            &[],
        )
        .map_err(|e| StoreError::from_query(e, "reading the events' extent"))?;
    let parts: [Option<f64>; 4] = [row.get(0), row.get(1), row.get(2), row.get(3)];
    Ok(match parts {
        [Some(w), Some(s), Some(e), Some(n)] => Some([w, s, e, n]),
        _ => None,
    })
}

/// The counts as GeoJSON: a square per cell with its `count`, its counts
/// `by_category` and its place in the grid; the level and the days counted
/// beside the features.
pub fn to_geojson(c: &Cells) -> String {
    let features: Vec<serde_json::Value> = c
        .cells
        .iter()
        .map(|cell| {
            let [w, s, e, n] = c.cell_box(cell.cx, cell.cy);
            let by: serde_json::Map<String, serde_json::Value> = cell
                .by_category
                .iter()
                .map(|(k, n)| (k.clone(), (*n).into()))
                .collect();
            serde_json::json!({
                "type": "Feature",
                "geometry": {"type": "Polygon",
                             "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]},
                "properties": {"count": cell.count, "by_category": by,
                               "level": c.level, "cx": cell.cx, "cy": cell.cy},
            })
        })
        .collect();
    let days = c
        .days
        .map(|(a, b)| serde_json::json!([a.to_string(), b.to_string()]));
    serde_json::json!({
        "type": "FeatureCollection",
        "level": c.level,
        "cell_degrees": cell_size(c.level),
        "box": c.snapped_box(),
        "days": days,
        "total": c.total,
        "features": features,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_level_gives_about_the_cells_asked_for() {
        // A 20° region, 64 across: level 10 (0.35° cells, 57 across).
        assert_eq!(level_for(20.0, 64), 10);
        // A district of half a degree: level 14 (0.022° cells, 23 across).
        assert_eq!(level_for(0.5, 32), 14);
        // The world: the coarsest level kept.
        assert_eq!(level_for(360.0, 64), 6);
    }

    #[test]
    fn a_box_covers_the_cells_it_touches() {
        let span = span_of(8, [69.5, 39.5, 71.5, 40.5]);
        let size = cell_size(8);
        assert_eq!(span[0], ((69.5 + 180.0) / size).floor() as i32);
        assert_eq!(span[3], ((40.5 + 90.0) / size).floor() as i32);
    }
}

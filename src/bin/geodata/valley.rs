//! The Fergana Valley as an approximate area: a concave hull of low-lying
//! settlements inside the mountain rim.

use geo::concave_hull::ConcaveHullOptions;
use geo::{ConcaveHull, MultiPoint, Point, Polygon};

use crate::sources::GeoNamesRow;

/// Settlements below this elevation (DEM, metres) count as valley floor.
pub const MAX_ELEVATION_M: i64 = 1100;
/// West, south, east, north bounds of the search box (degrees).
pub const SEARCH_BOX: [f64; 4] = [69.5, 39.8, 73.8, 41.5];
/// The Kurama range, approximated by a line: settlements north-west of it
/// (the Tashkent oasis and the Angren valley) are left out.
pub const KURAMA_LINE: [(f64, f64); 2] = [(69.5, 40.55), (70.6, 41.25)];
/// Concavity passed to the concave hull (lower = tighter).
pub const CONCAVITY: f64 = 1.5;

/// The sentence stored with the area, saying how it was made.
pub fn method() -> String {
    let [w, s, e, n] = SEARCH_BOX;
    let [(x0, y0), (x1, y1)] = KURAMA_LINE;
    format!(
        "Concave hull (concavity {CONCAVITY}) of the GeoNames cities500 settlements whose DEM \
         elevation is below {MAX_ELEVATION_M} m, inside {w}–{e}°E, {s}–{n}°N, leaving out those \
         north-west of the Kurama range (the line {x0}°E {y0}°N – {x1}°E {y1}°N: Tashkent oasis, \
         Angren valley). Approximate: it follows where low settlements crowd, not a surveyed outline."
    )
}

fn inside(p: &GeoNamesRow) -> bool {
    let [w, s, e, n] = SEARCH_BOX;
    let [(x0, y0), (x1, y1)] = KURAMA_LINE;
    let c = p.coord;
    let low = p.dem.is_some_and(|d| d < MAX_ELEVATION_M);
    // Positive cross product: the point is left of (north-west of) the line.
    let north_west = (x1 - x0) * (c.y - y0) - (y1 - y0) * (c.x - x0) > 0.0;
    low && (w..=e).contains(&c.x) && (s..=n).contains(&c.y) && !north_west
}

/// The hull and the number of settlements it was built from.
pub fn valley(places: &[GeoNamesRow]) -> (Polygon<f64>, usize) {
    let points: MultiPoint<f64> = places
        .iter()
        .filter(|p| inside(p))
        .map(|p| Point::from(p.coord))
        .collect();
    let n = points.0.len();
    let hull = points.concave_hull_with_options(ConcaveHullOptions::default().concavity(CONCAVITY));
    (hull, n)
}

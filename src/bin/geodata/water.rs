//! Lakes (holes in the land) and rivers within the view box.

use geo::{Area, BooleanOps, LineString, MultiLineString, MultiPolygon, Polygon};

use crate::countries::{self, Land};

/// Lakes smaller than this (km²) are left out.
pub const MIN_LAKE_KM2: f64 = 0.5;

/// Water bodies: the holes of the source land polygons inside the view box
/// (adjacent holes of neighbours joined), minus all land.
pub fn lakes(source: &[MultiPolygon<f64>], lands: &[Land]) -> Vec<Polygon<f64>> {
    let view = countries::view_box().to_polygon();
    let holes: Vec<Polygon<f64>> = source
        .iter()
        .flat_map(|s| s.0.iter())
        .flat_map(|p| p.interiors().iter())
        .map(|r| Polygon::new(r.clone(), vec![]))
        .filter(|p| p.unsigned_area() >= countries::SLIVER_DEG2)
        .collect();
    let water = MultiPolygon::new(holes)
        .union(&MultiPolygon::new(vec![]))
        .intersection(&view);
    let land = lands
        .iter()
        .fold(MultiPolygon::new(vec![]), |acc, l| acc.union(&l.shape));
    let mut out: Vec<Polygon<f64>> = countries::clean(water.difference(&land))
        .0
        .into_iter()
        .filter(|p| countries::approx_km2(&MultiPolygon::new(vec![p.clone()])) >= MIN_LAKE_KM2)
        .collect();
    out.sort_by(|a, b| b.unsigned_area().total_cmp(&a.unsigned_area()));
    out
}

/// River lines clipped to the view box, sorted by level then position.
pub fn rivers(source: Vec<(u8, LineString<f64>)>) -> Vec<(u8, LineString<f64>)> {
    let view = countries::view_box().to_polygon();
    let mut out: Vec<(u8, LineString<f64>)> = source
        .into_iter()
        .flat_map(|(level, line)| {
            view.clip(&MultiLineString::new(vec![line]), false)
                .0
                .into_iter()
                .filter(|l| l.0.len() >= 2)
                .map(move |l| (level, l))
        })
        .collect();
    out.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.0[0].x.total_cmp(&b.1.0[0].x))
            .then(a.1.0[0].y.total_cmp(&b.1.0[0].y))
    });
    out
}

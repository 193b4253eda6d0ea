//! Country land: enclaves cut out of their hosts, context countries clipped.

use geo::orient::Direction;
use geo::{
    Area, BooleanOps, BoundingRect, MapCoords, MultiPolygon, Orient, Polygon, Rect,
    RemoveRepeatedPoints, coord,
};

/// The view box: 66.5–80.5°E, 36.5–43.5°N.
pub fn view_box() -> Rect<f64> {
    Rect::new(coord! { x: 66.5, y: 36.5 }, coord! { x: 80.5, y: 43.5 })
}

/// Polygons smaller than this (planar, square degrees; about 100 m² at
/// 40°N) are boolean-operation slivers, not land.
pub const SLIVER_DEG2: f64 = 1e-8;

/// Approximate area in km² of a small lon/lat shape (planar area scaled at
/// its latitude); good to a fraction of a percent for overlap checks.
pub fn approx_km2(shape: &MultiPolygon<f64>) -> f64 {
    shape
        .0
        .iter()
        .map(|p| {
            let lat = p.bounding_rect().map_or(0.0, |r| r.center().y).to_radians();
            p.unsigned_area() * 111.32 * 110.57 * lat.cos()
        })
        .sum()
}

/// Orients exteriors counter-clockwise and drops sliver polygons and holes.
pub fn clean(shape: MultiPolygon<f64>) -> MultiPolygon<f64> {
    let polys = shape
        .0
        .into_iter()
        .filter(|p| p.unsigned_area() >= SLIVER_DEG2)
        .map(|p| {
            let (ext, holes) = p.into_inner();
            let holes = holes
                .into_iter()
                .filter(|h| Polygon::new(h.clone(), vec![]).unsigned_area() >= SLIVER_DEG2)
                .collect();
            Polygon::new(ext, holes)
        })
        .collect();
    // Snap to the written precision (six decimals, about 0.1 m) so that
    // what is checked is what is written, then drop repeated vertices.
    MultiPolygon::new(polys)
        .map_coords(|c| coord! { x: (c.x * 1e6).round() / 1e6, y: (c.y * 1e6).round() / 1e6 })
        .remove_repeated_points()
        .orient(Direction::Default)
}

/// A country being prepared.
#[derive(Clone, Debug)]
pub struct Land {
    /// ISO alpha-3 code.
    pub iso3: String,
    /// The land.
    pub shape: MultiPolygon<f64>,
}

/// A polygon of `owner` lying (mostly) inside `host`: an enclave.
#[derive(Clone, Debug)]
pub struct Enclave {
    /// The owner's ISO code.
    pub owner: String,
    /// The host's ISO code.
    pub host: String,
    /// The enclave's polygon, as the owner's source draws it.
    pub shape: Polygon<f64>,
    /// Approximate area, km².
    pub km2: f64,
}

/// Finds every polygon of one country that lies more than half inside
/// another, for all ordered pairs.
pub fn find_enclaves(lands: &[Land]) -> Vec<Enclave> {
    let mut found = Vec::new();
    for owner in lands {
        for host in lands.iter().filter(|h| h.iso3 != owner.iso3) {
            for p in &owner.shape.0 {
                let inside = p.intersection(&host.shape).unsigned_area();
                if inside > 0.5 * p.unsigned_area() {
                    let shape = MultiPolygon::new(vec![p.clone()]);
                    found.push(Enclave {
                        owner: owner.iso3.clone(),
                        host: host.iso3.clone(),
                        km2: approx_km2(&shape),
                        shape: p.clone(),
                    });
                }
            }
        }
    }
    found
}

/// Cuts each enclave out of its host (a boolean difference). The main
/// countries otherwise keep their source boundaries: what overlap remains
/// along shared borders is below 0.001 km² per pair on this source.
pub fn cut_enclaves(lands: &mut [Land], enclaves: &[Enclave]) {
    for land in lands.iter_mut() {
        let holes: Vec<Polygon<f64>> = enclaves
            .iter()
            .filter(|e| e.host == land.iso3)
            .map(|e| e.shape.clone())
            .collect();
        if !holes.is_empty() {
            land.shape = clean(land.shape.difference(&MultiPolygon::new(holes)));
        }
    }
}

/// Rebuilds a source shape through the boolean-operation engine, which
/// resolves self-intersecting rings into valid polygons, then cleans it.
pub fn repair(shape: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    clean(shape.union(&MultiPolygon::new(vec![])))
}

/// Clips a context country to the view box and removes whatever `taken`
/// (the main countries and context countries already placed) covers.
pub fn clip_context(shape: &MultiPolygon<f64>, taken: &[Land]) -> MultiPolygon<f64> {
    let clipped = repair(shape).intersection(&view_box().to_polygon());
    let covered = taken
        .iter()
        .fold(MultiPolygon::new(vec![]), |acc, l| acc.union(&l.shape));
    clean(clipped.difference(&covered))
}

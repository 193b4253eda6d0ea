//! Shared boundaries of neighbouring countries, matched with a tolerance.

use geo::{
    Coord, Distance, Geodesic, Length, Line, LineString, MultiLineString, MultiPolygon, Point,
};
use rstar::{AABB, RTree};

/// Distance within which a boundary point of one country counts as lying
/// on its neighbour's boundary, in kilometres.
pub const TOLERANCE_KM: f64 = 0.5;

const KM_PER_DEG_LAT: f64 = 110.574;
const KM_PER_DEG_LON_EQ: f64 = 111.320;

fn rings(shape: &MultiPolygon<f64>) -> impl Iterator<Item = &LineString<f64>> {
    shape
        .0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
}

/// An index over one country's boundary segments.
struct Boundary(RTree<Line<f64>>);

impl Boundary {
    fn new(shape: &MultiPolygon<f64>) -> Self {
        Boundary(RTree::bulk_load(
            rings(shape).flat_map(|r| r.lines()).collect(),
        ))
    }

    /// Whether `c` lies within the tolerance of the boundary, measuring in
    /// a local equirectangular frame at `c`'s latitude.
    fn near(&self, c: Coord<f64>) -> bool {
        let kx = KM_PER_DEG_LON_EQ * c.y.to_radians().cos();
        let (dx, dy) = (TOLERANCE_KM / kx, TOLERANCE_KM / KM_PER_DEG_LAT);
        let env = AABB::from_corners(
            Point::new(c.x - dx, c.y - dy),
            Point::new(c.x + dx, c.y + dy),
        );
        self.0.locate_in_envelope_intersecting(&env).any(|l| {
            let to_km = |p: Coord<f64>| Coord {
                x: (p.x - c.x) * kx,
                y: (p.y - c.y) * KM_PER_DEG_LAT,
            };
            let local = Line::new(to_km(l.start), to_km(l.end));
            geo::Euclidean.distance(&local, &Point::new(0.0, 0.0)) <= TOLERANCE_KM
        })
    }
}

/// The parts of `a`'s boundary that lie along `b`'s boundary: every ring
/// segment of `a` whose ends and midpoint are within the tolerance of `b`,
/// consecutive segments merged into lines.
pub fn shared_boundary(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>) -> MultiLineString<f64> {
    let index = Boundary::new(b);
    let mut lines = Vec::new();
    for ring in rings(a) {
        let mut runs: Vec<Vec<Coord<f64>>> = Vec::new();
        let mut current: Vec<Coord<f64>> = Vec::new();
        for seg in ring.lines() {
            let mid = (seg.start + seg.end) / 2.0;
            if index.near(seg.start) && index.near(seg.end) && index.near(mid) {
                if current.is_empty() {
                    current.push(seg.start);
                }
                current.push(seg.end);
            } else if !current.is_empty() {
                runs.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            runs.push(current);
        }
        // A closed ring's last run continues into its first.
        if runs.len() > 1 && ring.is_closed() {
            let first_starts_ring = runs[0].first() == ring.0.first();
            let last_ends_ring = runs[runs.len() - 1].last() == ring.0.last();
            if first_starts_ring && last_ends_ring {
                let first = runs.remove(0);
                if let Some(last) = runs.last_mut() {
                    last.extend(first.into_iter().skip(1));
                }
            }
        }
        lines.extend(runs.into_iter().map(LineString::new));
    }
    MultiLineString::new(lines)
}

/// Geodesic length in kilometres.
pub fn length_km(lines: &MultiLineString<f64>) -> f64 {
    Geodesic.length(lines) / 1000.0
}

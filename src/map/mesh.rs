//! Base layers prepared once: projected to kilometres, simplified at a few
//! levels of detail and triangulated. Drawing transforms the vertices and
//! strokes the lines that cross the view (`map/tessellated.rs` keeps the
//! result while the zoom stays).

use std::ops::Range;

use geo::{Area as _, LineString, MapCoords, MultiPolygon, Polygon, Simplify, TriangulateEarcut};

use crate::model::camera::{KmBox, Projection, ScreenTransform};

use super::km_line::km_line;
pub use super::km_line::{KmLine, project_line};

/// Simplification tolerances of the levels of detail, in kilometres
/// (level 0 is the full source geometry).
pub const LOD_TOLERANCES_KM: [f64; 3] = [0.0, 0.4, 2.0];

/// The coarsest level whose tolerance stays within one screen point.
pub fn lod_for(points_per_km: f64) -> usize {
    LOD_TOLERANCES_KM
        .iter()
        .rposition(|t| t * points_per_km <= 1.0)
        .unwrap_or(0)
}

/// Triangles of one polygon (with its holes) on the map plane.
#[derive(Clone, Debug, Default)]
pub struct TriMesh {
    /// Vertices in projected kilometres.
    pub vertices: Vec<[f64; 2]>,
    /// Triangle corner indices into `vertices`.
    pub indices: Vec<u32>,
    /// Bounding box for culling.
    pub bbox: KmBox,
}

impl Default for KmBox {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl TriMesh {
    /// Appends the triangles, transformed to the screen, to `out` in `color`.
    pub fn paint_into(&self, t: &ScreenTransform, color: egui::Color32, out: &mut egui::Mesh) {
        let base = out.vertices.len() as u32;
        out.reserve_vertices(self.vertices.len());
        for &v in &self.vertices {
            out.colored_vertex(t.apply(v), color);
        }
        out.indices.extend(self.indices.iter().map(|i| base + i));
    }
}

/// An area layer item at every level of detail: fill triangles and outlines.
#[derive(Clone, Debug, Default)]
pub struct Area {
    /// Fill meshes, one list per level of detail.
    pub fills: Vec<Vec<TriMesh>>,
    /// Ring outlines, one list per level of detail.
    pub outlines: Vec<Vec<KmLine>>,
    /// Bounding box of the whole item.
    pub bbox: KmBox,
}

/// How near a box an outline may run and count as running along it (where
/// an area was cut), in kilometres.
pub const EDGE_TOLERANCE_KM: f64 = 0.05;

/// Counts of what preparing the layers produced.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeshStats {
    /// How many polygons were triangulated (each once per level of detail).
    pub triangulations: usize,
    /// Triangles per level of detail over all areas.
    pub triangles: [usize; 3],
    /// Fill vertices per level of detail over all areas.
    pub vertices: [usize; 3],
}

impl MeshStats {
    /// Adds another count to this one.
    pub fn add(&mut self, other: &MeshStats) {
        self.triangulations += other.triangulations;
        for lod in 0..3 {
            self.triangles[lod] += other.triangles[lod];
            self.vertices[lod] += other.vertices[lod];
        }
    }
}

/// Prepares many areas at the levels of detail `lods`, about half of the
/// work on a second thread (triangulating the base layers is most of the
/// start-up time).
pub fn prepare_areas(
    proj: &Projection,
    shapes: &[&MultiPolygon<f64>],
    lods: Range<usize>,
    stats: &mut MeshStats,
) -> Vec<Area> {
    // Share the shapes out by vertex count, biggest first, to the lighter side.
    let mut order: Vec<usize> = (0..shapes.len()).collect();
    let size = |i: usize| {
        shapes[i]
            .0
            .iter()
            .map(|p| p.exterior().0.len())
            .sum::<usize>()
    };
    order.sort_by_key(|&i| std::cmp::Reverse(size(i)));
    let (mut mine, mut theirs) = (Vec::new(), Vec::new());
    let (mut mine_size, mut theirs_size) = (0, 0);
    for i in order {
        if mine_size <= theirs_size {
            mine_size += size(i);
            mine.push(i);
        } else {
            theirs_size += size(i);
            theirs.push(i);
        }
    }
    let prepare = |indices: &[usize]| {
        let mut stats = MeshStats::default();
        let areas: Vec<(usize, Area)> = indices
            .iter()
            .map(|&i| {
                let area = prepare_area_levels(proj, shapes[i], lods.clone(), &mut stats);
                (i, area)
            })
            .collect();
        (areas, stats)
    };
    let ((mut areas, a), (rest, b)) = std::thread::scope(|scope| {
        let other = scope.spawn(|| prepare(&theirs));
        let here = prepare(&mine);
        (here, other.join().unwrap_or_else(|_| prepare(&theirs)))
    });
    stats.add(&a);
    stats.add(&b);
    areas.extend(rest);
    areas.sort_by_key(|(i, _)| *i);
    areas.into_iter().map(|(_, area)| area).collect()
}

/// Projects a lon/lat polygon to kilometres.
fn project_polygon(proj: &Projection, p: &Polygon<f64>) -> Polygon<f64> {
    p.map_coords(|c| {
        let [x, y] = proj.project(c.x, c.y);
        geo::coord! { x: x, y: y }
    })
}

/// Prepares an area: projects, simplifies and triangulates every polygon at
/// every level of detail, counting into `stats`.
pub fn prepare_area(proj: &Projection, shape: &MultiPolygon<f64>, stats: &mut MeshStats) -> Area {
    prepare_area_levels(proj, shape, 0..LOD_TOLERANCES_KM.len(), stats)
}

/// Prepares an area at the levels of detail `lods` only; the others stay
/// empty until [`Area::set_level`] fills them.
pub fn prepare_area_levels(
    proj: &Projection,
    shape: &MultiPolygon<f64>,
    lods: Range<usize>,
    stats: &mut MeshStats,
) -> Area {
    let mut area = Area::default();
    for lod in lods {
        area.set_level(lod, prepare_level(proj, shape, lod, stats));
    }
    area
}

/// One level of detail of an area.
#[derive(Clone, Debug, Default)]
pub struct AreaLevel {
    /// Fill meshes, one per polygon.
    pub fills: Vec<TriMesh>,
    /// Ring outlines.
    pub outlines: Vec<KmLine>,
    /// Bounding box of the fills.
    pub bbox: KmBox,
}

/// Projects, simplifies and triangulates every polygon of `shape` at level
/// of detail `lod`, counting into `stats`.
pub fn prepare_level(
    proj: &Projection,
    shape: &MultiPolygon<f64>,
    lod: usize,
    stats: &mut MeshStats,
) -> AreaLevel {
    let tol = LOD_TOLERANCES_KM.get(lod).copied().unwrap_or(0.0);
    let mut level = AreaLevel::default();
    for poly in &shape.0 {
        let projected = project_polygon(proj, poly);
        let simple = if tol > 0.0 {
            without_holes_under(&projected.simplify(tol), tol * tol)
        } else {
            projected
        };
        if simple.exterior().0.len() < 4 {
            continue;
        }
        let raw = simple.earcut_triangles_raw();
        stats.triangulations += 1;
        stats.triangles[lod] += raw.triangle_indices.len() / 3;
        stats.vertices[lod] += raw.vertices.len();
        let mut bbox = KmBox::EMPTY;
        for &v in &raw.vertices {
            bbox.add(v);
        }
        level.bbox.union(&bbox);
        level.fills.push(TriMesh {
            vertices: raw.vertices,
            indices: raw.triangle_indices.iter().map(|&i| i as u32).collect(),
            bbox,
        });
        level.outlines.push(km_line(simple.exterior()));
        level
            .outlines
            .extend(simple.interiors().iter().map(km_line));
    }
    level
}

/// `poly` without its holes smaller than `min_area_km2`. A level is drawn
/// only at zooms where its tolerance is at most a screen point, so a hole
/// under the tolerance squared never covers a point there; leaving such
/// holes out keeps them from being triangulated and stroked. The source's
/// land polygons hold hundreds of them (small lakes and islands), and
/// bridging every hole into its outer ring was most of what triangulating
/// the coarse levels cost.
fn without_holes_under(poly: &Polygon<f64>, min_area_km2: f64) -> Polygon<f64> {
    let kept = poly
        .interiors()
        .iter()
        .filter(|ring| ring.0.len() >= 4 && ring_area(ring) >= min_area_km2)
        .cloned()
        .collect();
    Polygon::new(poly.exterior().clone(), kept)
}

/// The area a closed ring encloses.
fn ring_area(ring: &LineString<f64>) -> f64 {
    Polygon::new(ring.clone(), Vec::new()).unsigned_area()
}

impl Area {
    /// Puts `level` in place as level of detail `lod`.
    /// Leaves out of the outlines the stretches that run along an edge of
    /// `cut` (within `tolerance_km`): where a layer was clipped to a box,
    /// the box's edge is no border and is not drawn.
    pub fn drop_outline_along(&mut self, cut: &KmBox, tolerance_km: f64) {
        for level in &mut self.outlines {
            let lines = std::mem::take(level);
            *level = lines
                .into_iter()
                .flat_map(|l| l.without_stretches_along(cut, tolerance_km))
                .collect();
        }
    }

    /// Sets the fills and outlines of level of detail `lod`.
    pub fn set_level(&mut self, lod: usize, level: AreaLevel) {
        let levels = LOD_TOLERANCES_KM.len();
        self.fills.resize_with(levels, Vec::new);
        self.outlines.resize_with(levels, Vec::new);
        if lod < levels {
            if !level.fills.is_empty() {
                self.bbox.union(&level.bbox);
            }
            self.fills[lod] = level.fills;
            self.outlines[lod] = level.outlines;
        }
    }
}

/// Lines at every level of detail.
#[derive(Clone, Debug, Default)]
pub struct Lines {
    /// Lines, one list per level of detail.
    pub lods: Vec<Vec<KmLine>>,
}

/// Prepares lines at every level of detail.
pub fn prepare_lines<'a>(
    proj: &Projection,
    lines: impl Iterator<Item = &'a LineString<f64>> + Clone,
) -> Lines {
    Lines {
        lods: LOD_TOLERANCES_KM
            .iter()
            .map(|&tol| lines.clone().map(|l| project_line(proj, l, tol)).collect())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn polygon_with_hole_triangulates_around_the_hole() {
        let poly = polygon!(
            exterior: [(x: 70.0, y: 40.0), (x: 71.0, y: 40.0), (x: 71.0, y: 41.0), (x: 70.0, y: 41.0)],
            interiors: [[(x: 70.4, y: 40.4), (x: 70.6, y: 40.4), (x: 70.6, y: 40.6), (x: 70.4, y: 40.6)]],
        );
        let mut stats = MeshStats::default();
        let area = prepare_area(&Projection::at(40.5), &MultiPolygon(vec![poly]), &mut stats);
        assert_eq!(stats.triangulations, LOD_TOLERANCES_KM.len());
        // A square with a square hole: 8 vertices, 8 triangles.
        assert_eq!(area.fills[0][0].vertices.len(), 8);
        assert_eq!(area.fills[0][0].indices.len(), 24);
        assert_eq!(area.outlines[0].len(), 2);
    }

    #[test]
    fn coarse_levels_leave_out_holes_smaller_than_a_point() {
        // A 1° square with a hole of about 0.01 km² (under 0.4 km squared)
        // and one of about 100 km².
        let poly = polygon!(
            exterior: [(x: 70.0, y: 40.0), (x: 71.0, y: 40.0), (x: 71.0, y: 41.0), (x: 70.0, y: 41.0)],
            interiors: [
                [(x: 70.1, y: 40.1), (x: 70.1012, y: 40.1), (x: 70.1012, y: 40.1009), (x: 70.1, y: 40.1009)],
                [(x: 70.4, y: 40.4), (x: 70.52, y: 40.4), (x: 70.52, y: 40.49), (x: 70.4, y: 40.49)],
            ],
        );
        let mut stats = MeshStats::default();
        let area = prepare_area(&Projection::at(40.5), &MultiPolygon(vec![poly]), &mut stats);
        // The full level keeps both holes, each with its outline.
        assert_eq!(area.outlines[0].len(), 3);
        // The 0.4 km and 2 km levels keep only the large hole.
        assert_eq!(area.outlines[1].len(), 2);
        assert_eq!(area.outlines[2].len(), 2);
        // The large hole is still cut out of the fill: the fill's area is
        // the square's less the hole's.
        let filled = |fill: &TriMesh| -> f64 {
            fill.indices
                .chunks(3)
                .map(|t| {
                    let [a, b, c] = [0, 1, 2].map(|k| fill.vertices[t[k] as usize]);
                    ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
                })
                .sum()
        };
        let full = filled(&area.fills[0][0]);
        let coarse = filled(&area.fills[1][0]);
        assert!(coarse < full + 0.05, "{coarse} km² against {full} km²");
        assert!(coarse > full - 0.05);
    }

    #[test]
    fn lod_gets_coarser_when_zoomed_out() {
        assert_eq!(lod_for(100.0), 0);
        assert_eq!(lod_for(1.0), 1);
        assert_eq!(lod_for(0.3), 2);
    }
}

//! An overlay's geometry prepared for drawing: projected, simplified and
//! triangulated once when the overlay is first drawn.

use geo::{Geometry, LineString, MultiPolygon, Polygon};

use crate::map::mesh::{Area, Lines, MeshStats, prepare_area, prepare_lines};
use crate::model::camera::{KmBox, Projection};

/// An overlay's geometry, projected, simplified and triangulated once.
#[derive(Default)]
pub struct Shapes {
    /// Polygons: fills and outlines at every level of detail.
    pub areas: Vec<Area>,
    /// Lines at every level of detail.
    pub lines: Lines,
    /// Points, projected.
    pub points: Vec<[f64; 2]>,
    /// Bounding box on the map plane, in projected kilometres.
    pub bbox: KmBox,
}

impl Shapes {
    /// Prepares the geometries of an overlay in the projection `proj`.
    pub fn new(proj: &Projection, features: &[Geometry<f64>]) -> Self {
        let mut polygons: Vec<Polygon<f64>> = Vec::new();
        let mut lines: Vec<LineString<f64>> = Vec::new();
        let mut points: Vec<[f64; 2]> = Vec::new();
        for g in features {
            collect(proj, g, &mut polygons, &mut lines, &mut points);
        }
        let mut stats = MeshStats::default();
        let areas: Vec<Area> = polygons
            .into_iter()
            .map(|p| prepare_area(proj, &MultiPolygon(vec![p]), &mut stats))
            .collect();
        let lines = prepare_lines(proj, lines.iter());
        let mut bbox = KmBox::EMPTY;
        for a in &areas {
            bbox.union(&a.bbox);
        }
        for l in lines.lods.first().into_iter().flatten() {
            bbox.union(&l.bbox);
        }
        for &p in &points {
            bbox.add(p);
        }
        Self {
            areas,
            lines,
            points,
            bbox,
        }
    }
}

/// Sorts a geometry's parts into polygons, lines and projected points.
fn collect(
    proj: &Projection,
    g: &Geometry<f64>,
    polygons: &mut Vec<Polygon<f64>>,
    lines: &mut Vec<LineString<f64>>,
    points: &mut Vec<[f64; 2]>,
) {
    match g {
        Geometry::Point(p) => points.push(proj.project(p.x(), p.y())),
        Geometry::MultiPoint(mp) => points.extend(mp.iter().map(|p| proj.project(p.x(), p.y()))),
        Geometry::Line(l) => lines.push(LineString::from(vec![l.start, l.end])),
        Geometry::LineString(ls) => lines.push(ls.clone()),
        Geometry::MultiLineString(mls) => lines.extend(mls.iter().cloned()),
        Geometry::Polygon(p) => polygons.push(p.clone()),
        Geometry::MultiPolygon(mp) => polygons.extend(mp.iter().cloned()),
        Geometry::Rect(r) => polygons.push(r.to_polygon()),
        Geometry::Triangle(t) => polygons.push(t.to_polygon()),
        Geometry::GeometryCollection(gc) => {
            for part in gc.iter() {
                collect(proj, part, polygons, lines, points);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{line_string, point, polygon};

    #[test]
    fn sorts_geometry_and_boxes_it() {
        let proj = Projection::at(40.5);
        let shapes = Shapes::new(
            &proj,
            &[
                Geometry::Point(point!(x: 70.0, y: 40.0)),
                Geometry::LineString(line_string![(x: 70.0, y: 40.0), (x: 71.0, y: 41.0)]),
                Geometry::Polygon(
                    polygon![(x: 70.0, y: 40.0), (x: 71.0, y: 40.0), (x: 71.0, y: 41.0)],
                ),
            ],
        );
        assert_eq!(shapes.points.len(), 1);
        assert_eq!(shapes.lines.lods[0].len(), 1);
        assert_eq!(shapes.areas.len(), 1);
        assert_eq!(shapes.bbox.min, proj.project(70.0, 40.0));
        assert_eq!(shapes.bbox.max, proj.project(71.0, 41.0));
    }
}

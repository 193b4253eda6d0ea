//! Overlay layers: geometry read from a user's file, prepared once for drawing.

use std::path::PathBuf;

use geo::{Geometry, LineString, MultiPolygon, Polygon};

use crate::map::camera::{KmBox, project};
use crate::map::mesh::{Area, Lines, MeshStats, prepare_area, prepare_lines};

/// One opened GeoJSON file shown on the map.
pub struct OverlayLayer {
    /// The file's name.
    pub name: String,
    /// Where it was read from.
    pub path: PathBuf,
    /// The features' geometries (null geometries left out).
    pub features: Vec<Geometry<f64>>,
    /// Bounding box on the map plane, in projected kilometres.
    pub bbox: KmBox,
    /// Whether the layer is drawn.
    pub visible: bool,
    /// Warnings found while checking the file, as `FILE:LINE:COL: warning: …`.
    pub problems: Vec<String>,
    /// The geometry prepared for drawing.
    pub shapes: Shapes,
}

/// An overlay's geometry, projected, simplified and triangulated once.
#[derive(Default)]
pub struct Shapes {
    /// Polygons: fills and outlines at every level of detail.
    pub areas: Vec<Area>,
    /// Lines at every level of detail.
    pub lines: Lines,
    /// Points, projected.
    pub points: Vec<[f64; 2]>,
}

impl OverlayLayer {
    /// Prepares a layer from its geometries.
    pub fn new(
        name: String,
        path: PathBuf,
        features: Vec<Geometry<f64>>,
        problems: Vec<String>,
    ) -> Self {
        let mut polygons: Vec<Polygon<f64>> = Vec::new();
        let mut lines: Vec<LineString<f64>> = Vec::new();
        let mut points: Vec<[f64; 2]> = Vec::new();
        for g in &features {
            collect(g, &mut polygons, &mut lines, &mut points);
        }
        let mut stats = MeshStats::default();
        let areas: Vec<Area> = polygons
            .into_iter()
            .map(|p| prepare_area(&MultiPolygon(vec![p]), &mut stats))
            .collect();
        let lines = prepare_lines(lines.iter());
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
            name,
            path,
            features,
            bbox,
            visible: true,
            problems,
            shapes: Shapes {
                areas,
                lines,
                points,
            },
        }
    }
}

/// Sorts a geometry's parts into polygons, lines and projected points.
fn collect(
    g: &Geometry<f64>,
    polygons: &mut Vec<Polygon<f64>>,
    lines: &mut Vec<LineString<f64>>,
    points: &mut Vec<[f64; 2]>,
) {
    match g {
        Geometry::Point(p) => points.push(project(p.x(), p.y())),
        Geometry::MultiPoint(mp) => points.extend(mp.iter().map(|p| project(p.x(), p.y()))),
        Geometry::Line(l) => lines.push(LineString::from(vec![l.start, l.end])),
        Geometry::LineString(ls) => lines.push(ls.clone()),
        Geometry::MultiLineString(mls) => lines.extend(mls.iter().cloned()),
        Geometry::Polygon(p) => polygons.push(p.clone()),
        Geometry::MultiPolygon(mp) => polygons.extend(mp.iter().cloned()),
        Geometry::Rect(r) => polygons.push(r.to_polygon()),
        Geometry::Triangle(t) => polygons.push(t.to_polygon()),
        Geometry::GeometryCollection(gc) => {
            for part in gc.iter() {
                collect(part, polygons, lines, points);
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
        let layer = OverlayLayer::new(
            "t".into(),
            PathBuf::from("t.geojson"),
            vec![
                Geometry::Point(point!(x: 70.0, y: 40.0)),
                Geometry::LineString(line_string![(x: 70.0, y: 40.0), (x: 71.0, y: 41.0)]),
                Geometry::Polygon(
                    polygon![(x: 70.0, y: 40.0), (x: 71.0, y: 40.0), (x: 71.0, y: 41.0)],
                ),
            ],
            Vec::new(),
        );
        assert_eq!(layer.shapes.points.len(), 1);
        assert_eq!(layer.shapes.lines.lods[0].len(), 1);
        assert_eq!(layer.shapes.areas.len(), 1);
        assert_eq!(layer.bbox.min, project(70.0, 40.0));
        assert_eq!(layer.bbox.max, project(71.0, 41.0));
    }
}

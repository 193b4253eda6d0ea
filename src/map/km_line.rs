//! Lines on the map plane (rivers, borders, outlines): projected and
//! simplified once, cut to what crosses the view when drawn.

use geo::{LineString, MapCoords, Simplify};

use crate::model::camera::{KmBox, Projection, ScreenTransform};

/// A line on the map plane with its bounding box.
#[derive(Clone, Debug, Default)]
pub struct KmLine {
    /// Points in projected kilometres.
    pub points: Vec<[f64; 2]>,
    /// Bounding box for culling.
    pub bbox: KmBox,
}

impl KmLine {
    /// The line's screen points.
    pub fn screen(&self, t: &ScreenTransform) -> Vec<egui::Pos2> {
        self.points.iter().map(|&p| t.apply(p)).collect()
    }

    /// The stretches of the line that cross `clip`, as screen polylines;
    /// segments wholly outside it are left out, so that drawing a long
    /// line of which little is in view costs little. A closed ring is
    /// walked back to its first point.
    pub fn visible_runs(
        &self,
        t: &ScreenTransform,
        clip: egui::Rect,
        closed: bool,
    ) -> Vec<Vec<egui::Pos2>> {
        let mut points = self.screen(t);
        if closed && points.len() > 2 {
            points.push(points[0]);
        }
        let mut runs = Vec::new();
        let mut run: Vec<egui::Pos2> = Vec::new();
        for w in points.windows(2) {
            if egui::Rect::from_two_pos(w[0], w[1]).intersects(clip) {
                if run.is_empty() {
                    run.push(w[0]);
                }
                run.push(w[1]);
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if run.len() > 1 {
            runs.push(run);
        }
        runs
    }
}

impl KmLine {
    /// The line without its segments that run along an edge of `cut`
    /// (both ends within `tolerance_km` of the same edge), as the pieces
    /// left between them.
    pub fn without_stretches_along(&self, cut: &KmBox, tolerance_km: f64) -> Vec<KmLine> {
        let near = |a: f64, b: f64| (a - b).abs() <= tolerance_km;
        let on_edge = |p: [f64; 2], q: [f64; 2]| {
            (near(p[0], cut.min[0]) && near(q[0], cut.min[0]))
                || (near(p[0], cut.max[0]) && near(q[0], cut.max[0]))
                || (near(p[1], cut.min[1]) && near(q[1], cut.min[1]))
                || (near(p[1], cut.max[1]) && near(q[1], cut.max[1]))
        };
        let mut pieces = Vec::new();
        let mut piece: Vec<[f64; 2]> = Vec::new();
        for w in self.points.windows(2) {
            if on_edge(w[0], w[1]) {
                if piece.len() > 1 {
                    pieces.push(std::mem::take(&mut piece));
                }
                piece.clear();
            } else {
                if piece.is_empty() {
                    piece.push(w[0]);
                }
                piece.push(w[1]);
            }
        }
        if piece.len() > 1 {
            pieces.push(piece);
        }
        pieces
            .into_iter()
            .map(|points| {
                let mut bbox = KmBox::EMPTY;
                for &p in &points {
                    bbox.add(p);
                }
                KmLine { points, bbox }
            })
            .collect()
    }
}

pub(super) fn km_line(ls: &LineString<f64>) -> KmLine {
    let mut bbox = KmBox::EMPTY;
    let points: Vec<[f64; 2]> = ls.coords().map(|c| [c.x, c.y]).collect();
    for &p in &points {
        bbox.add(p);
    }
    KmLine { points, bbox }
}

/// Projects a lon/lat line to kilometres, simplified by `tolerance_km`.
pub fn project_line(proj: &Projection, ls: &LineString<f64>, tolerance_km: f64) -> KmLine {
    let projected: LineString<f64> = ls.map_coords(|c| {
        let [x, y] = proj.project(c.x, c.y);
        geo::coord! { x: x, y: y }
    });
    if tolerance_km > 0.0 {
        km_line(&projected.simplify(tolerance_km))
    } else {
        km_line(&projected)
    }
}

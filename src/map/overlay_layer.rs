//! Drawing the user's overlays on the map, styled by geometry type: polygons
//! as a translucent fill with an outline, lines as strokes, points as small
//! circles. Each overlay is prepared once, the first time it is drawn.

use std::collections::HashMap;

use egui::{Color32, Stroke};

use super::mesh::lod_for;
use super::overlay_shapes::Shapes;
use crate::data::overlay::Overlay;
use crate::model::camera::ScreenTransform;
use crate::ui_kit::palette::overlay_colour;
use crate::view::LayerToggles;

/// The overlays' prepared shapes, by overlay id.
#[derive(Default)]
pub struct OverlayCache {
    shapes: HashMap<u64, Shapes>,
}

impl OverlayCache {
    /// Paints the shown overlays of `overlays` (in order, each in its colour).
    pub fn paint(
        &mut self,
        p: &egui::Painter,
        t: &ScreenTransform,
        ppk: f64,
        overlays: &[Overlay],
        toggles: &LayerToggles,
    ) {
        self.shapes
            .retain(|id, _| overlays.iter().any(|o| o.id == *id));
        let view = t.visible_box(p.clip_rect());
        let lod = lod_for(ppk);
        for (i, overlay) in overlays.iter().enumerate() {
            if !toggles.shown(&overlay.layer_id()) {
                continue;
            }
            let shapes = self
                .shapes
                .entry(overlay.id)
                .or_insert_with(|| Shapes::new(&overlay.features));
            if !shapes.bbox.intersects(&view) {
                continue;
            }
            paint_shapes(p, t, shapes, lod, &view, overlay_colour(i));
        }
    }
}

/// Paints one overlay's shapes at level of detail `lod`.
fn paint_shapes(
    p: &egui::Painter,
    t: &ScreenTransform,
    shapes: &Shapes,
    lod: usize,
    view: &crate::model::camera::KmBox,
    color: Color32,
) {
    let stroke = Stroke::new(1.5, color);
    let mut mesh = egui::Mesh::default();
    for area in &shapes.areas {
        for fill in area.fills.get(lod).into_iter().flatten() {
            if fill.bbox.intersects(view) {
                fill.paint_into(t, color.gamma_multiply(0.25), &mut mesh);
            }
        }
    }
    p.add(mesh);
    let outlines = shapes
        .areas
        .iter()
        .flat_map(|a| a.outlines.get(lod).into_iter().flatten());
    let lines = shapes.lines.lods.get(lod).into_iter().flatten();
    for line in outlines.chain(lines) {
        if line.bbox.intersects(view) {
            p.line(line.screen(t), stroke);
        }
    }
    for &pt in &shapes.points {
        p.circle(t.apply(pt), 3.5, color, Stroke::new(1.0, Color32::WHITE));
    }
}

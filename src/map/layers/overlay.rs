//! The user's overlays on the map, styled by geometry type: polygons as a
//! translucent fill with an outline, lines as strokes, points as small
//! circles. Each overlay is prepared once, the first time it is drawn, and
//! has a switch of its own.

use std::collections::HashMap;

use egui::{Color32, Rect, Stroke, Ui};

use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::map::layer::{LayerFrame, MapLayer, Toggle};
use crate::map::layers::overlay_shapes::Shapes;
use crate::map::legend::swatch;
use crate::map::mesh::lod_for;
use crate::model::action::Action;
use crate::model::camera::{KmBox, ScreenTransform};
use crate::ui_kit::palette::overlay_colour;

/// The overlays layer, with the overlays' prepared shapes by overlay id.
#[derive(Default)]
pub struct OverlaysLayer {
    shapes: HashMap<u64, Shapes>,
}

impl MapLayer for OverlaysLayer {
    fn toggles(&self, _data: &Data, overlays: &[Overlay]) -> Vec<Toggle> {
        overlays
            .iter()
            .map(|o| Toggle::new(o.layer_id(), o.name.clone()))
            .collect()
    }

    fn paint(
        &mut self,
        _ui: &egui::Ui,
        p: &egui::Painter,
        frame: &LayerFrame<'_>,
        _obstacles: &mut Vec<Rect>,
    ) -> Vec<Action> {
        let overlays = frame.overlays;
        let t = frame.transform;
        self.shapes
            .retain(|id, _| overlays.iter().any(|o| o.id == *id));
        let view = t.visible_box(p.clip_rect());
        let lod = lod_for(frame.view.camera.points_per_km);
        for (i, overlay) in overlays.iter().enumerate() {
            if !frame.view.layers.shown(&overlay.layer_id()) {
                continue;
            }
            let shapes = self
                .shapes
                .entry(overlay.id)
                .or_insert_with(|| Shapes::new(t.projection(), &overlay.features));
            if !shapes.bbox.intersects(&view) {
                continue;
            }
            paint_shapes(p, t, shapes, lod, &view, overlay_colour(i));
        }
        Vec::new()
    }

    fn legend(&self, ui: &mut Ui, frame: &LayerFrame<'_>) {
        let shown: Vec<(usize, &Overlay)> = frame
            .overlays
            .iter()
            .enumerate()
            .filter(|(_, o)| frame.view.layers.shown(&o.layer_id()))
            .collect();
        if shown.is_empty() {
            return;
        }
        ui.strong("Your layers");
        for (i, overlay) in shown {
            swatch(ui, &overlay.name, |p, r| {
                p.rect_filled(r.shrink(2.0), 2.0, overlay_colour(i));
            });
        }
    }
}

/// Paints one overlay's shapes at level of detail `lod`.
fn paint_shapes(
    p: &egui::Painter,
    t: &ScreenTransform,
    shapes: &Shapes,
    lod: usize,
    view: &KmBox,
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

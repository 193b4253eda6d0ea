//! Drawing overlay layers on the map, styled by geometry type.

use egui::{Color32, Stroke};

use super::layer::OverlayLayer;
use crate::map::camera::ScreenTransform;
use crate::map::mesh::lod_for;

/// Colours given to overlay layers in turn (chosen apart from the base map's).
const COLORS: [Color32; 4] = [
    Color32::from_rgb(0x6a, 0x3d, 0x9a),
    Color32::from_rgb(0x00, 0x86, 0x8b),
    Color32::from_rgb(0xb1, 0x59, 0x28),
    Color32::from_rgb(0x1f, 0x5f, 0xbf),
];

/// The colour of the `index`th layer.
pub fn layer_color(index: usize) -> Color32 {
    COLORS[index % COLORS.len()]
}

/// Paints the visible layers: polygons as a translucent fill with an
/// outline, lines as strokes, points as small circles.
pub fn paint(p: &egui::Painter, t: &ScreenTransform, ppk: f64, layers: &[OverlayLayer]) {
    let view = t.visible_box(p.clip_rect());
    let lod = lod_for(ppk);
    for (i, layer) in layers.iter().enumerate() {
        if !layer.visible || !layer.bbox.intersects(&view) {
            continue;
        }
        let color = layer_color(i);
        let stroke = Stroke::new(1.5, color);
        let mut mesh = egui::Mesh::default();
        for area in &layer.shapes.areas {
            for fill in area.fills.get(lod).into_iter().flatten() {
                if fill.bbox.intersects(&view) {
                    fill.paint_into(t, color.gamma_multiply(0.25), &mut mesh);
                }
            }
        }
        p.add(mesh);
        let outlines = layer
            .shapes
            .areas
            .iter()
            .flat_map(|a| a.outlines.get(lod).into_iter().flatten());
        let lines = layer.shapes.lines.lods.get(lod).into_iter().flatten();
        for line in outlines.chain(lines) {
            if line.bbox.intersects(&view) {
                p.line(line.screen(t), stroke);
            }
        }
        for &pt in &layer.shapes.points {
            p.circle(t.apply(pt), 3.5, color, Stroke::new(1.0, Color32::WHITE));
        }
    }
}

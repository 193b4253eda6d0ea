//! Drawing the base layers: tessellated into one mesh for a zoom, a map
//! size and a style (`tessellated.rs`), kept while the map is still or
//! panned within its margin, and handed to the GPU once when the window
//! draws with wgpu.

use std::time::Duration;

use egui::{Color32, Stroke};

use crate::map::layers::base::{BaseLayers, TOGGLES};
use crate::map::mesh::{Area, KmLine, lod_for};
use crate::map::tessellated::{MeshBuilder, TessKey, Tessellated};
use crate::model::camera::{KmBox, ScreenTransform};
use crate::model::view::{LayerToggles, layer_ids};
use crate::ui_kit::palette::Palette;

/// How opaque country fills are over the relief.
const RELIEF_FILL_ALPHA: f32 = 0.55;

impl BaseLayers {
    /// Paints the base layers under the markers, from the last tessellation
    /// when it still covers the view (see `tessellated.rs`).
    pub(super) fn paint_mesh(
        &mut self,
        p: &egui::Painter,
        t: &ScreenTransform,
        ppk: f64,
        pal: &Palette,
        layers: &LayerToggles,
    ) {
        let wanted = lod_for(ppk);
        let lod = if self.has_full_detail {
            wanted
        } else {
            // Until the full level arrives, the next one stands in for it.
            if wanted == 0 && self.full_detail.is_pending() {
                p.ctx().request_repaint_after(Duration::from_millis(50));
            }
            wanted.max(1)
        };
        let clip = p.clip_rect();
        let key = TessKey {
            points_per_km: ppk,
            size: clip.size(),
            pixels_per_point: p.ctx().pixels_per_point(),
            lod,
            dark: pal.dark,
            // Only the base layers' toggles: showing or hiding places and
            // events must not tessellate the base layers again.
            toggles: LayerToggles {
                hidden: layers
                    .hidden
                    .iter()
                    .filter(|id| TOGGLES.contains(&id.as_str()) || *id == layer_ids::RELIEF)
                    .cloned()
                    .collect(),
            },
        };
        if let Some(done) = &self.tessellated
            && let Some(shift) = done.shift_for(&key, t, clip)
        {
            done.paint(p, shift, self.gpu);
            return;
        }
        let reach = Tessellated::reach_for(clip);
        let mut out = MeshBuilder::new(p.ctx(), reach);
        self.build(&mut out, t, reach, lod, pal, layers);
        let done = Tessellated::new(key, *t, reach, out.mesh);
        done.paint(p, egui::Vec2::ZERO, self.gpu);
        self.tessellated = Some(done);
    }

    /// Tessellates the base layers that cross `reach` into `out`.
    fn build(
        &self,
        out: &mut MeshBuilder,
        t: &ScreenTransform,
        reach: egui::Rect,
        lod: usize,
        pal: &Palette,
        layers: &LayerToggles,
    ) {
        let view = t.visible_box(reach);
        // Over the relief, fills let the terrain show through.
        let fill_alpha = if layers.shown(layer_ids::RELIEF) {
            let strength = crate::map::layers::terrain::relief_strength(t.points_per_km());
            1.0 - (1.0 - RELIEF_FILL_ALPHA) * strength
        } else {
            1.0
        };
        if layers.shown(layer_ids::WORLD) {
            for (_, fill, area) in &self.world {
                let color = fill.map_or(pal.world_fill, |f| f[usize::from(pal.dark)]);
                fill_area(area, lod, &view, t, color, &mut out.mesh);
            }
            for (_, _, area) in &self.world {
                stroke_area(
                    out,
                    area,
                    lod,
                    &view,
                    t,
                    Stroke::new(0.7, pal.world_outline),
                );
            }
        }
        if layers.shown(layer_ids::COUNTRIES) {
            for (_, fill, area) in &self.countries {
                let color = fill[usize::from(pal.dark)].gamma_multiply(fill_alpha);
                fill_area(area, lod, &view, t, color, &mut out.mesh);
            }
            for (_, _, area) in &self.countries {
                stroke_area(out, area, lod, &view, t, Stroke::new(0.6, pal.outline));
            }
        }
        if layers.shown(layer_ids::AREA)
            && let Some((area, _, _)) = &self.area
        {
            fill_area(area, lod, &view, t, pal.valley_fill, &mut out.mesh);
            for line in area.outlines.get(lod).into_iter().flatten() {
                if line.bbox.intersects(&view) {
                    let pts = line.screen(t);
                    let stroke = Stroke::new(1.2, pal.valley_stroke);
                    for dash in egui::Shape::dashed_line(&pts, stroke, 6.0, 4.0) {
                        out.add(dash);
                    }
                }
            }
        }
        if layers.shown(layer_ids::RIVERS) {
            for (level, lines) in &self.rivers {
                let width = match level {
                    1 => 1.8,
                    2 => 1.2,
                    3 => 0.9,
                    _ => 0.6,
                };
                for line in lines.lods.get(lod).into_iter().flatten() {
                    if line.bbox.intersects(&view) {
                        stroke_line(out, line, t, false, Stroke::new(width, pal.water));
                    }
                }
            }
        }
        if layers.shown(layer_ids::LAKES) {
            for area in &self.lakes {
                fill_area(area, lod, &view, t, pal.water, &mut out.mesh);
            }
        }
        if layers.shown(layer_ids::BORDERS) {
            for border in &self.borders {
                let stroke = if border.main {
                    Stroke::new(3.0, pal.border_main)
                } else {
                    Stroke::new(1.3, pal.border_other)
                };
                for line in border.lines.lods.get(lod).into_iter().flatten() {
                    if line.bbox.intersects(&view) {
                        stroke_line(out, line, t, false, stroke);
                    }
                }
            }
        }
    }
}

fn fill_area(
    area: &Area,
    lod: usize,
    view: &KmBox,
    t: &ScreenTransform,
    color: Color32,
    out: &mut egui::Mesh,
) {
    if !area.bbox.intersects(view) {
        return;
    }
    for mesh in area.fills.get(lod).into_iter().flatten() {
        if mesh.bbox.intersects(view) {
            mesh.paint_into(t, color, out);
        }
    }
}

fn stroke_area(
    out: &mut MeshBuilder,
    area: &Area,
    lod: usize,
    view: &KmBox,
    t: &ScreenTransform,
    stroke: Stroke,
) {
    if !area.bbox.intersects(view) {
        return;
    }
    // Rings are closed (their last point is their first); a ring cut
    // where it ran along a box is a run of open pieces.
    for line in area.outlines.get(lod).into_iter().flatten() {
        if line.bbox.intersects(view) {
            stroke_line(out, line, t, false, stroke);
        }
    }
}

/// Strokes the parts of a line that cross the area being tessellated.
fn stroke_line(
    out: &mut MeshBuilder,
    line: &KmLine,
    t: &ScreenTransform,
    closed: bool,
    stroke: Stroke,
) {
    let clip = out.reach().expand(stroke.width + 2.0);
    for run in line.visible_runs(t, clip, closed) {
        out.add(egui::Shape::line(run, stroke));
    }
}

//! Drawing the base layers: tessellated into two meshes for a zoom, a map
//! size and a style (`tessellated.rs`), the fills under the shaded relief
//! and the lines over it, kept while the map is still or panned within
//! its margin, and handed to the GPU once when the window draws with wgpu.
//! Fills are opaque: the region's countries and the world's meet without
//! an edge, and the relief shades them from above.

use egui::{Color32, Stroke};

use crate::map::deferred::FADE_ANIMATIONS;
use crate::map::layers::base::{BaseLayers, TOGGLES};
use crate::map::mesh::{Area, KmLine, lod_for};
use crate::map::tessellated::{MeshBuilder, Part, TessKey, Tessellated};
use crate::model::camera::{KmBox, ScreenTransform};
use crate::model::view::{LayerToggles, layer_ids};
use crate::ui_kit::palette::Palette;

/// In how many steps the world beyond the base map fades in (each step is
/// one tessellation).
const WORLD_FADE_STEPS: u8 = 6;

impl BaseLayers {
    /// Paints the part of the base layers that `part` names, from the last
    /// tessellation when it still covers the view (see `tessellated.rs`).
    /// The world beyond the base map fades in when it arrives in view.
    pub(super) fn paint_part(
        &mut self,
        p: &egui::Painter,
        t: &ScreenTransform,
        pal: &Palette,
        layers: &LayerToggles,
        part: Part,
    ) {
        let ppk = t.points_per_km();
        // Until the full level arrives, the next one stands in for it.
        let lod = if self.has_full_detail {
            lod_for(ppk)
        } else {
            lod_for(ppk).max(1)
        };
        let clip = p.clip_rect();
        let reach = Tessellated::reach_for(clip);
        let world_alpha = self.world_alpha(p.ctx(), t, reach);
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
                    .filter(|id| TOGGLES.contains(&id.as_str()))
                    .cloned()
                    .collect(),
            },
            world_alpha,
        };
        if let Some(done) = &self.tessellated
            && let Some(shift) = done.shift_for(&key, t, clip)
        {
            done.paint(p, part, shift, self.gpu);
            return;
        }
        let mut out = MeshBuilder::new(p.ctx(), reach);
        let style = Style {
            t,
            view: t.visible_box(reach),
            lod,
            pal,
        };
        self.build_fills(&mut out, &style, layers, world_alpha);
        let fills = std::mem::take(&mut out.mesh);
        self.build_lines(&mut out, &style, layers, world_alpha);
        let done = Tessellated::new(key, *t, reach, fills, out.mesh);
        done.paint(p, part, egui::Vec2::ZERO, self.gpu);
        self.tessellated = Some(done);
    }

    /// How opaque the world beyond the base map is drawn, in steps of
    /// [`WORLD_FADE_STEPS`]: fading in over a few frames once it has
    /// arrived, when it lies in view; at once when it arrives out of view
    /// (or arrived before the first frame).
    fn world_alpha(&self, ctx: &egui::Context, t: &ScreenTransform, reach: egui::Rect) -> u8 {
        let view = t.visible_box(reach);
        let in_view = self.world.iter().any(|(_, _, a)| a.bbox.intersects(&view));
        let id = egui::Id::unique("map world layer arrived");
        let arrived = !self.world.is_empty();
        let fade = if in_view {
            let time = ctx.global_style().animation_time * FADE_ANIMATIONS;
            ctx.animate_bool_with_time(id, arrived, time)
        } else {
            ctx.animate_bool_with_time(id, arrived, 0.0)
        };
        (fade * f32::from(WORLD_FADE_STEPS)).round() as u8
    }

    /// Tessellates the fills that cross the mesh's reach into `out`: the
    /// world beyond the base map, then the region's countries, opaque.
    fn build_fills(
        &self,
        out: &mut MeshBuilder,
        style: &Style<'_>,
        layers: &LayerToggles,
        world: u8,
    ) {
        let alpha = f32::from(world) / f32::from(WORLD_FADE_STEPS);
        let world_shown = layers.shown(layer_ids::WORLD) && world > 0;
        if world_shown {
            for (_, fill, area) in &self.world {
                let color = fill.map_or(style.pal.world_fill, |f| f[usize::from(style.pal.dark)]);
                fill_area(area, style, color.gamma_multiply(alpha), &mut out.mesh);
            }
        }
        if layers.shown(layer_ids::COUNTRIES) {
            for (_, fill, area) in &self.countries {
                fill_area(
                    area,
                    style,
                    fill[usize::from(style.pal.dark)],
                    &mut out.mesh,
                );
            }
        }
    }

    /// Tessellates what is drawn over the relief into `out`: outlines,
    /// the area, rivers, lakes and borders.
    fn build_lines(
        &self,
        out: &mut MeshBuilder,
        style: &Style<'_>,
        layers: &LayerToggles,
        world: u8,
    ) {
        if layers.shown(layer_ids::WORLD) && world > 0 {
            let alpha = f32::from(world) / f32::from(WORLD_FADE_STEPS);
            let stroke = Stroke::new(0.7, style.pal.world_outline.gamma_multiply(alpha));
            for (_, _, area) in &self.world {
                stroke_area(out, area, style, stroke);
            }
        }
        if layers.shown(layer_ids::COUNTRIES) {
            for (_, _, area) in &self.countries {
                stroke_area(out, area, style, Stroke::new(0.6, style.pal.outline));
            }
        }
        if layers.shown(layer_ids::AREA) {
            self.build_area(out, style);
        }
        if layers.shown(layer_ids::RIVERS) {
            self.build_rivers(out, style);
        }
        if layers.shown(layer_ids::LAKES) {
            for area in &self.lakes {
                fill_area(area, style, style.pal.water, &mut out.mesh);
            }
        }
        if layers.shown(layer_ids::BORDERS) {
            self.build_borders(out, style);
        }
    }

    fn build_area(&self, out: &mut MeshBuilder, style: &Style<'_>) {
        let Some((area, _, _)) = &self.area else {
            return;
        };
        fill_area(area, style, style.pal.valley_fill, &mut out.mesh);
        let stroke = Stroke::new(1.2, style.pal.valley_stroke);
        for line in area.outlines.get(style.lod).into_iter().flatten() {
            if line.bbox.intersects(&style.view) {
                let pts = line.screen(style.t);
                for dash in egui::Shape::dashed_line(&pts, stroke, 6.0, 4.0) {
                    out.add(dash);
                }
            }
        }
    }

    fn build_rivers(&self, out: &mut MeshBuilder, style: &Style<'_>) {
        for (level, lines) in &self.rivers {
            let width = match level {
                1 => 1.8,
                2 => 1.2,
                3 => 0.9,
                _ => 0.6,
            };
            let stroke = Stroke::new(width, style.pal.water);
            for line in lines.lods.get(style.lod).into_iter().flatten() {
                if line.bbox.intersects(&style.view) {
                    stroke_line(out, line, style.t, false, stroke);
                }
            }
        }
    }

    fn build_borders(&self, out: &mut MeshBuilder, style: &Style<'_>) {
        let pal = style.pal;
        for border in &self.borders {
            let stroke = if border.main {
                Stroke::new(3.0, pal.border_main)
            } else {
                Stroke::new(1.3, pal.border_other)
            };
            for line in border.lines.lods.get(style.lod).into_iter().flatten() {
                if line.bbox.intersects(&style.view) {
                    stroke_line(out, line, style.t, false, stroke);
                }
            }
        }
    }
}

/// What one tessellation draws with: the transform, the part of the plane
/// it covers, the level of detail and the colours.
struct Style<'a> {
    t: &'a ScreenTransform,
    view: KmBox,
    lod: usize,
    pal: &'a Palette,
}

fn fill_area(area: &Area, style: &Style<'_>, color: Color32, out: &mut egui::Mesh) {
    if !area.bbox.intersects(&style.view) {
        return;
    }
    for mesh in area.fills.get(style.lod).into_iter().flatten() {
        if mesh.bbox.intersects(&style.view) {
            mesh.paint_into(style.t, color, out);
        }
    }
}

fn stroke_area(out: &mut MeshBuilder, area: &Area, style: &Style<'_>, stroke: Stroke) {
    if !area.bbox.intersects(&style.view) {
        return;
    }
    // Rings are closed (their last point is their first); a ring cut
    // where it ran along a box is a run of open pieces.
    for line in area.outlines.get(style.lod).into_iter().flatten() {
        if line.bbox.intersects(&style.view) {
            stroke_line(out, line, style.t, false, stroke);
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

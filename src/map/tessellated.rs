//! The base layers tessellated into two meshes (the fills under the
//! relief, the lines over it) for a zoom, a map size and a style, with a
//! margin of half the map's size on every side, and reused while the map
//! stays still or is panned within that margin (shifted, not tessellated
//! again). Stroking lines is most of what drawing the base layers costs,
//! so idle and panning frames skip it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use egui::emath::TSTransform;
use egui::epaint::{Mesh, Tessellator};
use egui::layers::ShapeIdx;
use egui::{Rect, Shape, Vec2};

use super::gpu_mesh::{self, TargetFormat};
use crate::model::camera::ScreenTransform;
use crate::model::view::LayerToggles;

/// What a tessellation depends on besides where the map is centred.
#[derive(Clone, Debug, PartialEq)]
pub struct TessKey {
    /// Screen points per kilometre.
    pub points_per_km: f64,
    /// The map's size.
    pub size: Vec2,
    /// Physical pixels per point (lines are feathered for it).
    pub pixels_per_point: f32,
    /// The level of detail drawn.
    pub lod: usize,
    /// Whether the dark palette is used.
    pub dark: bool,
    /// Which base layers are drawn (the others' toggles are all off).
    pub toggles: LayerToggles,
    /// How opaque the world beyond the base map is, in fade steps.
    pub world_alpha: u8,
}

/// Source of [`Tessellated`] serials.
static SERIAL: AtomicU64 = AtomicU64::new(1);

/// One of the two meshes of a tessellation, in the order they are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The areas' fills, drawn under the shaded relief.
    Fills = 0,
    /// The outlines, rivers, lakes and borders, drawn over it.
    Lines = 1,
}

/// The base layers tessellated once.
#[derive(Debug)]
pub struct Tessellated {
    key: TessKey,
    /// The transform the meshes were made with.
    made_with: ScreenTransform,
    /// The screen area covered, with its margin.
    reach: Rect,
    /// The meshes, indexed by [`Part`].
    meshes: [Arc<Mesh>; 2],
    /// Differs between any two tessellations made in one run.
    serial: u64,
}

impl Tessellated {
    /// The area to tessellate for a map drawn in `clip`.
    pub fn reach_for(clip: Rect) -> Rect {
        clip.expand2(clip.size() * 0.5)
    }

    /// Keeps `fills` and `lines`, made for `key` with the transform
    /// `made_with` and covering `reach`.
    pub fn new(
        key: TessKey,
        made_with: ScreenTransform,
        reach: Rect,
        fills: Mesh,
        lines: Mesh,
    ) -> Self {
        Self {
            key,
            made_with,
            reach,
            meshes: [Arc::new(fills), Arc::new(lines)],
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// How far the mesh must be moved to be drawn with the transform `now`
    /// in `clip`, if this tessellation is for `key` and still covers `clip`.
    pub fn shift_for(&self, key: &TessKey, now: &ScreenTransform, clip: Rect) -> Option<Vec2> {
        if key != &self.key {
            return None;
        }
        let delta = now.moved_since(&self.made_with);
        self.reach
            .contains_rect(clip.translate(-delta))
            .then_some(delta)
    }

    /// Paints the mesh of `part` with `painter`, moved by `shift`: on the
    /// GPU when the frame's format is known (the mesh stays there between
    /// frames), else through egui.
    pub fn paint(
        &self,
        painter: &egui::Painter,
        part: Part,
        shift: Vec2,
        gpu: Option<TargetFormat>,
    ) {
        let mesh = &self.meshes[part as usize];
        match gpu {
            Some(format) => {
                let held = gpu_mesh::Held {
                    slot: part as usize,
                    serial: self.serial,
                };
                gpu_mesh::paint(painter, mesh, held, shift, format);
            }
            None => paint_with_egui(painter, mesh, shift),
        }
    }
}

/// Paints `mesh` with `painter`, moved by `shift`. The move is applied by
/// egui while it copies the mesh into the frame's output, so the mesh
/// itself is never copied or changed.
fn paint_with_egui(painter: &egui::Painter, mesh: &Arc<Mesh>, shift: Vec2) {
    let shape = Shape::mesh(mesh.clone());
    if shift == Vec2::ZERO {
        painter.add(shape);
        return;
    }
    // Added with its clip moved back, so that both land in place.
    let mut unshifted = painter.clone();
    unshifted.set_clip_rect(painter.clip_rect().translate(-shift));
    let at = unshifted.add(shape);
    let transform = TSTransform::from_translation(shift);
    painter.ctx().graphics_mut(|layers| {
        layers
            .entry(painter.layer_id())
            .transform_after_rounding_range(at, ShapeIdx(at.0 + 1), transform);
    });
}

/// Tessellates shapes, in the order given, into one mesh.
pub struct MeshBuilder {
    tessellator: Tessellator,
    reach: Rect,
    /// What was tessellated so far.
    pub mesh: Mesh,
}

impl MeshBuilder {
    /// A builder for shapes drawn with `ctx`'s options, culled to `reach`.
    pub fn new(ctx: &egui::Context, reach: Rect) -> Self {
        let options = ctx.tessellation_options(|o| *o);
        let mut tessellator = Tessellator::new(ctx.pixels_per_point(), options, [1, 1], Vec::new());
        tessellator.set_clip_rect(reach);
        Self {
            tessellator,
            reach,
            mesh: Mesh::default(),
        }
    }

    /// The screen area being tessellated.
    pub fn reach(&self) -> Rect {
        self.reach
    }

    /// Tessellates `shape` (lines, dashes, meshes; no text) on top.
    pub fn add(&mut self, shape: Shape) {
        self.tessellator.tessellate_shape(shape, &mut self.mesh);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::camera::Camera;
    use egui::{Color32, Pos2, Stroke, pos2, vec2};

    fn key() -> TessKey {
        TessKey {
            points_per_km: 1.0,
            size: vec2(100.0, 100.0),
            pixels_per_point: 1.0,
            lod: 1,
            dark: false,
            toggles: LayerToggles::default(),
            world_alpha: 0,
        }
    }

    /// A transform of the map in `clip` at one point per kilometre, moved on
    /// screen by `(dx, dy)` from a fixed one.
    fn moved(clip: Rect, dx: f32, dy: f32) -> ScreenTransform {
        let camera = Camera {
            center_lon: 72.0,
            center_lat: 40.5,
            points_per_km: 1.0,
        };
        let proj = crate::model::camera::Projection::at(40.5);
        camera.panned(&proj, vec2(dx, dy)).transform(&proj, clip)
    }

    #[test]
    fn reused_when_still_or_panned_within_the_margin() {
        let clip = Rect::from_min_size(Pos2::ZERO, vec2(100.0, 100.0));
        let reach = Tessellated::reach_for(clip);
        let ctx = egui::Context::default();
        let mut builder = MeshBuilder::new(&ctx, reach);
        builder.add(Shape::line_segment(
            [pos2(10.0, 10.0), pos2(90.0, 90.0)],
            Stroke::new(1.0, Color32::WHITE),
        ));
        assert!(!builder.mesh.is_empty());
        let cached = Tessellated::new(
            key(),
            moved(clip, 0.0, 0.0),
            reach,
            Mesh::default(),
            builder.mesh,
        );
        assert_eq!(
            cached.shift_for(&key(), &moved(clip, 0.0, 0.0), clip),
            Some(Vec2::ZERO)
        );
        let panned = cached
            .shift_for(&key(), &moved(clip, 30.0, -20.0), clip)
            .expect("still covered");
        assert!((panned - vec2(30.0, -20.0)).length() < 1e-3, "{panned:?}");
        assert!(
            cached
                .shift_for(&key(), &moved(clip, 80.0, 0.0), clip)
                .is_none()
        );
        let zoomed = TessKey {
            points_per_km: 2.0,
            ..key()
        };
        assert!(
            cached
                .shift_for(&zoomed, &moved(clip, 0.0, 0.0), clip)
                .is_none()
        );
    }

    #[test]
    fn a_shifted_mesh_lands_where_a_new_one_would() {
        let ctx = egui::Context::default();
        let clip = Rect::from_min_size(pos2(0.0, 0.0), vec2(200.0, 200.0));
        let reach = Tessellated::reach_for(clip);
        let line = |dx: f32| {
            Shape::line_segment(
                [pos2(20.0 + dx, 50.0), pos2(150.0 + dx, 60.0)],
                Stroke::new(2.0, Color32::WHITE),
            )
        };
        let mut builder = MeshBuilder::new(&ctx, reach);
        builder.add(line(0.0));
        let cached = Tessellated::new(
            key(),
            moved(clip, 0.0, 0.0),
            reach,
            Mesh::default(),
            builder.mesh,
        );
        let input = egui::RawInput {
            screen_rect: Some(clip),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            let painter = ui.painter_at(clip);
            let shift = cached.shift_for(&key(), &moved(clip, 25.0, 0.0), clip);
            cached.paint(&painter, Part::Lines, shift.expect("still covered"), None);
        });
        output.textures_delta.clear();
        let primitives = ctx.tessellate(output.shapes, 1.0);
        let moved: Vec<Pos2> = primitives
            .iter()
            .filter_map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(mesh) => Some(mesh.vertices.iter().map(|v| v.pos)),
                egui::epaint::Primitive::Callback(_) => None,
            })
            .flatten()
            .collect();
        let mut fresh = MeshBuilder::new(&ctx, reach);
        fresh.add(line(25.0));
        let expected: Vec<Pos2> = fresh.mesh.vertices.iter().map(|v| v.pos).collect();
        assert!(primitives.iter().all(|p| p.clip_rect == clip));
        assert_eq!(moved.len(), expected.len());
        for (a, b) in moved.iter().zip(&expected) {
            assert!((*a - *b).length() < 1e-3, "{a:?} vs {b:?}");
        }
    }
}

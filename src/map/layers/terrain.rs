//! Shaded relief under the base map: the GEBCO hillshade, decoded on a
//! thread once the first frame is on screen, uploaded once as textures
//! (tiles of at most 2048 pixels, which every GPU accepts) and drawn as
//! images over their longitude/latitude boxes (the projection keeps such
//! boxes rectangles). It fades in when it arrives.

use egui::{Color32, Rect, Stroke, TextureHandle, TextureOptions, Ui};

use crate::data::Data;
use crate::data::geodata::elevation::Hillshade;
use crate::data::geodata::overlay::Overlay;
use crate::map::deferred::{Deferred, FADE_ANIMATIONS};
use crate::map::layer::{LayerFrame, MapLayer, Toggle};
use crate::map::legend::swatch;
use crate::model::action::Action;
use crate::model::view::layer_ids;

/// How strongly the relief is drawn at a zoom, from 0 to 1: fully from
/// half a point per kilometre (the region and closer), not at all from the
/// scale of a subcontinent, where it would only outline the base map's box.
pub fn relief_strength(points_per_km: f64) -> f32 {
    ((points_per_km - 0.12) / (0.5 - 0.12)).clamp(0.0, 1.0) as f32
}

/// The largest texture side used, which every wgpu adapter supports.
const MAX_TEXTURE_SIDE: usize = 2048;

/// The hillshade on its way: decoding on a thread, then tiles to upload,
/// then textures.
enum Relief {
    /// To be decoded, or being decoded.
    Coming(Deferred<Option<Hillshade>>),
    /// Decoded, waiting for a frame to upload it.
    Decoded(Vec<Hillshade>),
    /// On the GPU: each tile's texture and its lon/lat box.
    Uploaded(Vec<(TextureHandle, [f64; 4])>),
    /// Not available (the thread could not start or the image is broken).
    Missing,
}

/// The relief layer.
pub struct TerrainLayer {
    relief: Relief,
}

impl TerrainLayer {
    /// The relief, to be decoded on a thread once started
    /// ([`TerrainLayer::poll`]).
    pub fn new() -> Self {
        let decode = || {
            // The elevation grid the status strip and the card read is
            // decoded here too, off the window's thread.
            let _ = crate::data::geodata::elevation::ElevationGrid::shared();
            Hillshade::bundled().ok()
        };
        Self {
            relief: Relief::Coming(Deferred::new("hillshade", decode)),
        }
    }

    /// Moves the decoding along: starts it when `start` gives the context
    /// to wake once it is done, and takes the image in when it is.
    pub fn poll(&mut self, start: Option<&egui::Context>) {
        let Relief::Coming(coming) = &mut self.relief else {
            return;
        };
        if let Some(done) = coming.poll(start) {
            self.take(done);
        } else if !coming.is_pending() {
            self.relief = Relief::Missing;
        }
    }

    /// Starts decoding now, if it has not started.
    pub fn start(&mut self) {
        if let Relief::Coming(coming) = &mut self.relief {
            coming.start(None);
        }
    }

    /// Waits until the relief is decoded (for screenshots and tests).
    pub fn wait(&mut self) {
        if let Relief::Coming(coming) = &mut self.relief {
            let done = coming.wait().flatten();
            self.take(done);
        }
    }

    fn take(&mut self, decoded: Option<Hillshade>) {
        self.relief = match decoded {
            Some(hillshade) => Relief::Decoded(hillshade.tiles(MAX_TEXTURE_SIDE)),
            None => Relief::Missing,
        };
    }

    /// Whether the relief can be drawn (decoded, or given up on).
    pub fn is_ready(&self) -> bool {
        !matches!(self.relief, Relief::Coming(_))
    }

    /// Whether the relief will be drawn under the base map: switched on and
    /// available. The base map's fills are translucent then.
    pub fn shows(&self, frame_layers: &crate::model::view::LayerToggles) -> bool {
        frame_layers.shown(layer_ids::RELIEF) && !matches!(self.relief, Relief::Missing)
    }

    /// Uploads the decoded tiles as textures.
    fn upload(&mut self, ctx: &egui::Context) {
        let Relief::Decoded(tiles) = &self.relief else {
            return;
        };
        let uploaded = tiles
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let image = egui::ColorImage::from_gray([t.width, t.height], &t.pixels);
                let texture =
                    ctx.load_texture(format!("hillshade-{i}"), image, TextureOptions::LINEAR);
                let b = t.bounds;
                (texture, [b.min().x, b.min().y, b.max().x, b.max().y])
            })
            .collect();
        self.relief = Relief::Uploaded(uploaded);
    }
}

impl Default for TerrainLayer {
    fn default() -> Self {
        Self::new()
    }
}

impl MapLayer for TerrainLayer {
    fn toggles(&self, _data: &Data, _overlays: &[Overlay]) -> Vec<Toggle> {
        vec![Toggle::new(layer_ids::RELIEF, "Relief (shaded terrain)")]
    }

    fn paint(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        frame: &LayerFrame<'_>,
        _obstacles: &mut Vec<Rect>,
    ) -> Vec<Action> {
        if !frame.view.layers.shown(layer_ids::RELIEF) {
            return Vec::new();
        }
        self.upload(ui.ctx());
        // Fades in when it arrives after the first frame; drawn at once
        // when it was there for it (or when switched on later).
        let arrived = matches!(self.relief, Relief::Uploaded(_));
        let fade_time = ui.style().animation_time * FADE_ANIMATIONS;
        let fade = ui.ctx().animate_bool_with_time(
            egui::Id::unique("map relief arrived"),
            arrived,
            fade_time,
        );
        let strength = relief_strength(frame.view.camera.points_per_km) * fade;
        match &self.relief {
            Relief::Uploaded(textures) if strength > 0.0 => {
                let tint = if frame.palette.dark {
                    Color32::from_gray(120)
                } else {
                    Color32::WHITE
                }
                .gamma_multiply(strength);
                let clip = painter.clip_rect();
                let uv = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
                for (texture, [w, s, e, n]) in textures {
                    let t = frame.transform;
                    let rect = Rect::from_two_pos(t.lonlat(*w, *n), t.lonlat(*e, *s));
                    if rect.intersects(clip) {
                        painter.image(texture.id(), rect, uv, tint);
                    }
                }
            }
            Relief::Uploaded(_) | Relief::Coming(_) | Relief::Decoded(_) | Relief::Missing => {}
        }
        Vec::new()
    }

    fn legend(&self, ui: &mut Ui, frame: &LayerFrame<'_>) {
        if !self.shows(&frame.view.layers) {
            return;
        }
        swatch(ui, "Relief: shaded terrain (GEBCO 2023)", |p, r| {
            let half = r.width() / 2.0;
            let left = Rect::from_min_size(r.min, egui::vec2(half, r.height()));
            let right = left.translate(egui::vec2(half, 0.0));
            p.rect_filled(left, 0.0, Color32::from_gray(235));
            p.rect_filled(right, 0.0, Color32::from_gray(150));
            p.rect_stroke(
                r,
                0.0,
                Stroke::new(0.6, frame.palette.outline),
                egui::StrokeKind::Inside,
            );
        });
    }
}

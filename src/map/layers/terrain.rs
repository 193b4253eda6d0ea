//! Shaded relief over the base map's fills: the GEBCO hillshade, decoded
//! on a thread once the first frame is on screen, turned into shade (black
//! where a slope is darker than flat ground, white where it is lighter,
//! nothing on the flat) that fades to nothing towards the image's edges,
//! uploaded once as textures (tiles of at most 2048 pixels, which every
//! GPU accepts) and drawn as images over their longitude/latitude boxes
//! (the projection keeps such boxes rectangles). The fills under it are
//! opaque, so the relief's box leaves no edge on the map. It fades in when
//! it arrives.

use egui::{Color32, Rect, Stroke, TextureHandle, TextureOptions, Ui};

use crate::data::Data;
use crate::data::geodata::elevation::{FLAT_GREY, Hillshade};
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

/// How opaque the black over the darkest slope is.
const SHADOW_ALPHA: f32 = 0.5;
/// How opaque the white over the most brightly lit slope is.
const LIGHT_ALPHA: f32 = 0.35;
/// Over how many pixels from its edges (half a degree) the relief fades
/// to flat ground, so that it ends without an edge.
const FEATHER_PIXELS: usize = 120;

/// The shade drawn over a fill for a hillshade grey: premultiplied black
/// or white, clear for flat ground.
pub fn shade(grey: u8) -> Color32 {
    let (g, flat) = (f32::from(grey), f32::from(FLAT_GREY));
    let opacity = |a: f32| (a * 255.0).round().clamp(0.0, 255.0) as u8;
    if g < flat {
        Color32::from_black_alpha(opacity(SHADOW_ALPHA * (flat - g) / flat))
    } else {
        Color32::from_white_alpha(opacity(LIGHT_ALPHA * (g - flat) / (255.0 - flat)))
    }
}

/// Fades `hillshade` to flat ground over `band` pixels from its edges
/// (smoothly: flat at the edge, untouched `band` pixels in).
pub fn feather(hillshade: &mut Hillshade, band: usize) {
    let (w, h) = (hillshade.width, hillshade.height);
    let flat = f32::from(FLAT_GREY);
    for y in 0..h {
        let row = &mut hillshade.pixels[y * w..(y + 1) * w];
        let from_top = y.min(h - 1 - y);
        for (x, px) in row.iter_mut().enumerate() {
            let d = from_top.min(x).min(w - 1 - x);
            if d >= band {
                continue;
            }
            let u = d as f32 / band as f32;
            let weight = u * u * (3.0 - 2.0 * u);
            *px = (flat + (f32::from(*px) - flat) * weight).round() as u8;
        }
    }
}

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
            Hillshade::bundled().ok().map(|mut h| {
                feather(&mut h, FEATHER_PIXELS);
                h
            })
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

    /// Whether the relief will be drawn over the base map's fills:
    /// switched on and available.
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
                let shades = t.pixels.iter().map(|&g| shade(g)).collect();
                let image = egui::ColorImage::new([t.width, t.height], shades);
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
                // On the dark palette's fills, light slopes are lit grey.
                let tint = if frame.palette.dark {
                    Color32::from_rgba_premultiplied(140, 140, 140, 255)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_ground_is_not_shaded_and_slopes_are() {
        assert_eq!(shade(FLAT_GREY), Color32::TRANSPARENT);
        assert_eq!(shade(0), Color32::from_black_alpha(128));
        assert_eq!(shade(255), Color32::from_white_alpha(89));
        assert!(shade(120).a() > 0 && shade(120).r() == 0);
    }

    #[test]
    fn the_relief_fades_to_flat_ground_at_its_edges_only() {
        let (width, height, band) = (40, 30, 10);
        let mut hillshade = Hillshade {
            width,
            height,
            pixels: vec![0; width * height],
            bounds: geo::Rect::new(
                geo::coord! { x: 0.0, y: 0.0 },
                geo::coord! { x: 4.0, y: 3.0 },
            ),
        };
        feather(&mut hillshade, band);
        let at = |x: usize, y: usize| hillshade.pixels[y * width + x];
        for (x, y) in [(0, 0), (width - 1, 15), (20, 0), (20, height - 1)] {
            assert_eq!(at(x, y), FLAT_GREY, "({x}, {y}) on the edge");
        }
        assert_eq!(at(20, 15), 0, "the middle is untouched");
        assert_eq!(at(band, 15), 0, "a band's width in is untouched");
        assert!((1..FLAT_GREY).contains(&at(band / 2, 15)), "half way");
        assert!(at(2, 15) > at(5, 15), "darker further in");
    }
}

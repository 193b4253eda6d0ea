//! The base layers, prepared once from the loaded [`GeoData`], and their drawing.

use egui::{Color32, Stroke};

use crate::model::camera::{KmBox, ScreenTransform, project};
use std::ops::Range;
use std::time::Duration;

use geo::MultiPolygon;

use super::full_detail::{FullDetail, FullLevels};
use super::gpu_mesh::TargetFormat;
use super::mesh::{
    Area, KmLine, Lines, MeshStats, lod_for, prepare_area_levels, prepare_areas, prepare_lines,
};
use super::tessellated::{MeshBuilder, TessKey, Tessellated};
use crate::data::geodata::GeoData;
use crate::ui_kit::palette::{Palette, country_fill};
use crate::view::{LayerToggles, layer_ids};

/// The layers tessellated into the cached base mesh.
const BASE_LAYERS: [&str; 5] = [
    layer_ids::COUNTRIES,
    layer_ids::LAKES,
    layer_ids::RIVERS,
    layer_ids::BORDERS,
    layer_ids::AREA,
];

/// A prepared border between two countries.
#[derive(Debug)]
pub struct PreparedBorder {
    /// Whether this is the Kyrgyz–Tajik border.
    pub main: bool,
    /// The lines at every level of detail.
    pub lines: Lines,
}

/// All base layers ready to draw.
#[derive(Debug)]
pub struct Layers {
    /// Countries: ISO alpha-3 code and prepared area.
    pub countries: Vec<(String, Area)>,
    /// Lakes and reservoirs.
    pub lakes: Vec<Area>,
    /// Rivers grouped by level: (level, lines).
    pub rivers: Vec<(u8, Lines)>,
    /// Borders.
    pub borders: Vec<PreparedBorder>,
    /// The Fergana Valley area and where its label goes.
    pub valley: Option<(Area, [f64; 2])>,
    /// What preparing produced.
    pub stats: MeshStats,
    /// Where the full level of detail of the areas stands.
    full_detail: FullDetail,
    /// Whether the areas have their full level of detail.
    has_full_detail: bool,
    /// The last tessellation of the layers.
    tessellated: Option<Tessellated>,
    /// The format of the GPU frames the layers are drawn into, when they
    /// are kept on the GPU.
    gpu: Option<TargetFormat>,
}

/// The levels of detail prepared before the first frame; the full one
/// (level 0, most of the triangulation) follows from a thread.
const COARSE: Range<usize> = 1..super::mesh::LOD_TOLERANCES_KM.len();

/// The shapes of every area, in the order of [`Layers::areas_mut`].
fn area_shapes(geo: &GeoData) -> Vec<&MultiPolygon<f64>> {
    geo.countries
        .iter()
        .map(|c| &c.shape)
        .chain(geo.lakes.iter().map(|l| &l.shape))
        .chain(geo.valley.iter().map(|v| &v.shape))
        .collect()
}

/// Whether a border joins Kyrgyzstan and Tajikistan.
pub fn is_kgz_tjk(countries: &[String; 2]) -> bool {
    let mut pair = [countries[0].as_str(), countries[1].as_str()];
    pair.sort_unstable();
    pair == ["KGZ", "TJK"]
}

impl Layers {
    /// Prepares every layer: the coarser levels of detail at once; the full
    /// one waits for [`Layers::poll_full_detail`] to start its thread once a
    /// first frame is drawn.
    pub fn new(geo: &GeoData) -> Self {
        let mut stats = MeshStats::default();
        let shapes: Vec<_> = geo.countries.iter().map(|c| &c.shape).collect();
        let countries = geo
            .countries
            .iter()
            .map(|c| c.iso3.clone())
            .zip(prepare_areas(&shapes, COARSE, &mut stats))
            .collect();
        let lakes = geo
            .lakes
            .iter()
            .map(|l| prepare_area_levels(&l.shape, COARSE, &mut stats))
            .collect();
        let mut levels: Vec<u8> = geo.rivers.iter().map(|r| r.level).collect();
        levels.sort_unstable();
        levels.dedup();
        let rivers = levels
            .into_iter()
            .map(|level| {
                let lines = geo
                    .rivers
                    .iter()
                    .filter(move |r| r.level == level)
                    .map(|r| &r.line);
                (level, prepare_lines(lines))
            })
            .collect();
        let borders = geo
            .borders
            .iter()
            .map(|b| PreparedBorder {
                main: is_kgz_tjk(&b.countries),
                lines: prepare_lines(b.lines.0.iter()),
            })
            .collect();
        let valley = geo.valley.as_ref().map(|v| {
            let area = prepare_area_levels(&v.shape, COARSE, &mut stats);
            let label = label_point(&area.bbox);
            (area, label)
        });
        Self {
            countries,
            lakes,
            rivers,
            borders,
            valley,
            stats,
            full_detail: FullDetail::Waiting(area_shapes(geo).into_iter().cloned().collect()),
            has_full_detail: false,
            tessellated: None,
            gpu: None,
        }
    }

    /// Every area in the order their full detail is prepared.
    fn areas_mut(&mut self) -> impl Iterator<Item = &mut Area> {
        self.countries
            .iter_mut()
            .map(|(_, a)| a)
            .chain(self.lakes.iter_mut())
            .chain(self.valley.iter_mut().map(|(a, _)| a))
    }

    /// Moves the full level of detail along: starts its thread once a frame
    /// has been drawn (`frames_drawn` > 0), and takes it in when the thread
    /// has finished. If the thread fails, the map keeps drawing the next
    /// level (0.4 km) when zoomed in.
    pub fn poll_full_detail(&mut self, frames_drawn: u64) {
        if let Some(full) = self.full_detail.poll(frames_drawn) {
            self.take_full_detail(full);
        }
    }

    /// Prepares the full level of detail now, or waits for its thread (for
    /// screenshots, tests and benchmarks, which need the final picture).
    pub fn wait_for_full_detail(&mut self) {
        if let Some(full) = self.full_detail.wait() {
            self.take_full_detail(full);
        }
    }

    fn take_full_detail(&mut self, (levels, stats): FullLevels) {
        for (area, level) in self.areas_mut().zip(levels) {
            area.set_level(0, level);
        }
        self.stats.add(&stats);
        self.has_full_detail = true;
    }

    /// Keeps the tessellated layers on the GPU and draws them into frames
    /// of `format` (a wgpu renderer's target format).
    pub fn draw_on_gpu(&mut self, format: TargetFormat) {
        self.gpu = Some(format);
    }

    /// Where the map draws every layer: the box its lakes and rivers span
    /// (the pipeline clips them to the view box; some countries reach
    /// beyond it, whole).
    pub fn extent(&self) -> KmBox {
        let mut extent = KmBox::EMPTY;
        let lakes = self.lakes.iter().map(|a| a.bbox);
        let rivers = self
            .rivers
            .iter()
            .flat_map(|(_, lines)| lines.lods.first().into_iter().flatten())
            .map(|l| l.bbox);
        for bbox in lakes.chain(rivers).filter(|b| !b.is_empty()) {
            extent.union(&bbox);
        }
        extent
    }

    /// Whether the areas have their full level of detail.
    pub fn has_full_detail(&self) -> bool {
        self.has_full_detail
    }

    /// Paints the base layers under the markers, from the last tessellation
    /// when it still covers the view (see `tessellated.rs`).
    pub fn paint(
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
                    .filter(|id| BASE_LAYERS.contains(&id.as_str()))
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
        if layers.shown(layer_ids::COUNTRIES) {
            for (iso3, area) in &self.countries {
                let color = country_fill(iso3, pal.dark);
                fill_area(area, lod, &view, t, color, &mut out.mesh);
            }
            for (_, area) in &self.countries {
                stroke_area(out, area, lod, &view, t, Stroke::new(0.6, pal.outline));
            }
        }
        if layers.shown(layer_ids::AREA)
            && let Some((area, _)) = &self.valley
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

/// The box the Kyrgyz–Tajik border and the Fergana Valley occupy, in
/// projected kilometres (computed from the source geometry, no meshes needed).
pub fn focus_box(geo: &GeoData) -> KmBox {
    let mut b = KmBox::EMPTY;
    let borders = geo.borders.iter().filter(|b| is_kgz_tjk(&b.countries));
    for line in borders.flat_map(|b| b.lines.0.iter()) {
        for c in line.coords() {
            b.add(project(c.x, c.y));
        }
    }
    if let Some(v) = &geo.valley {
        for c in v.shape.0.iter().flat_map(|p| p.exterior().coords()) {
            b.add(project(c.x, c.y));
        }
    }
    if b.is_empty() {
        b.add(project(69.0, 38.5));
        b.add(project(74.0, 42.0));
    }
    b
}

/// A point inside the upper middle of a box, for an area's label.
fn label_point(b: &KmBox) -> [f64; 2] {
    [
        (b.min[0] + b.max[0]) / 2.0,
        b.min[1] + (b.max[1] - b.min[1]) * 0.62,
    ]
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
    for line in area.outlines.get(lod).into_iter().flatten() {
        if line.bbox.intersects(view) {
            stroke_line(out, line, t, true, stroke);
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

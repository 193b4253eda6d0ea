//! The base map as one layer with five switches (countries, lakes, rivers,
//! borders, the region's area of interest): prepared once from the loaded
//! [`GeoData`] in the region's projection, tessellated into one mesh that is
//! kept while the map is still or panned (`base_paint.rs`).

use egui::{Color32, Rect, Stroke, Ui};

use crate::data::Data;
use crate::data::geodata::GeoData;
use crate::data::geodata::overlay::Overlay;
use crate::data::region::RegionProfile;
use crate::map::baked::Baked;
use crate::map::deferred::Deferred;
use crate::map::gpu_mesh::TargetFormat;
use crate::map::layer::{LayerFrame, MapLayer, Toggle};
use crate::map::layers::base_prepare::{
    self, BaseGeometry, CountryArea, FullLevels, PreparedBorder, WorldArea,
};
use crate::map::legend::swatch;
use crate::map::mesh::{Area, EDGE_TOLERANCE_KM, Lines, MeshStats};
use crate::map::tessellated::{Part, Tessellated};
use crate::model::action::Action;
use crate::model::camera::{KmBox, Projection};
use crate::model::view::layer_ids;

/// All base layers ready to draw.
pub struct BaseLayers {
    /// Countries: ISO alpha-3 code, fill (light, dark) and prepared area.
    pub countries: Vec<CountryArea>,
    /// Lakes and reservoirs.
    pub lakes: Vec<Area>,
    /// Rivers grouped by level: (level, lines).
    pub rivers: Vec<(u8, Lines)>,
    /// Borders.
    pub borders: Vec<PreparedBorder>,
    /// The area of interest, where its label goes, and its name.
    pub area: Option<(Area, [f64; 2], String)>,
    /// The emphasised border's name and length, for the legend.
    pub main_border: Option<(String, f64)>,
    /// The world's countries beyond the base map (cut out where it lies),
    /// with the region's fill for the countries it names; empty until they
    /// arrive, after the first frame.
    pub world: Vec<WorldArea>,
    /// What preparing produced.
    pub stats: MeshStats,
    /// The view box on the plane, along which outlines are not drawn.
    cut: KmBox,
    /// Where the full level of detail of the areas stands.
    pub(super) full_detail: Deferred<FullLevels>,
    /// Whether the areas have their full level of detail.
    pub(super) has_full_detail: bool,
    /// The last tessellation of the layers.
    pub(super) tessellated: Option<Tessellated>,
    /// The format of the GPU frames the layers are drawn into, when they
    /// are kept on the GPU.
    pub(super) gpu: Option<TargetFormat>,
}

/// The switches of the base layers, in the order of the View menu.
pub const TOGGLES: [&str; 6] = [
    layer_ids::COUNTRIES,
    layer_ids::LAKES,
    layer_ids::RIVERS,
    layer_ids::BORDERS,
    layer_ids::AREA,
    layer_ids::WORLD,
];

impl BaseLayers {
    /// Prepares what the first frame draws of `geo` for the region (the
    /// coarser levels of detail of the areas and every line), or takes it
    /// from `baked`. The full level waits for
    /// [`BaseLayers::poll_full_detail`] to start its thread once a first
    /// frame is drawn; the world comes from [`BaseLayers::set_world`].
    pub fn new(
        geo: &GeoData,
        region: &RegionProfile,
        proj: &Projection,
        baked: Option<Baked>,
    ) -> Self {
        let geometry = baked
            .and_then(|b| b.base())
            .unwrap_or_else(|| BaseGeometry::prepare(geo, proj));
        let countries = geo
            .countries
            .iter()
            .zip(geometry.countries)
            .map(|(c, area)| (c.iso3.clone(), base_prepare::fills(region, &c.iso3), area))
            .collect();
        let borders = geo
            .borders
            .iter()
            .zip(geometry.borders)
            .map(|(b, lines)| PreparedBorder {
                main: region.is_emphasised(&b.countries),
                lines,
            })
            .collect();
        let area = geometry.area.map(|area| {
            let label = base_prepare::label_point(&area.bbox);
            let name = region.area_name.clone().unwrap_or_else(|| "Area".into());
            (area, label, name)
        });
        let shapes = base_prepare::area_shapes(geo);
        let projection = *proj;
        Self {
            countries,
            lakes: geometry.lakes,
            rivers: geometry.rivers,
            borders,
            area,
            main_border: base_prepare::main_border(geo, region),
            world: Vec::new(),
            stats: geometry.stats,
            cut: base_prepare::cut(proj),
            full_detail: Deferred::new("full-detail", move || {
                base_prepare::full_levels(&projection, &shapes)
            }),
            has_full_detail: false,
            tessellated: None,
            gpu: None,
        }
    }

    /// Every area in the order their full detail is prepared.
    fn areas_mut(&mut self) -> impl Iterator<Item = &mut Area> {
        self.countries
            .iter_mut()
            .map(|(_, _, a)| a)
            .chain(self.lakes.iter_mut())
            .chain(self.area.iter_mut().map(|(a, _, _)| a))
    }

    /// Moves the full level of detail along: starts its thread when
    /// `start` gives the context to wake once it is done, and takes it in
    /// when the thread has finished. If the thread fails, the map keeps
    /// drawing the next level (0.4 km) when zoomed in.
    pub fn poll_full_detail(&mut self, start: Option<&egui::Context>) {
        if let Some(full) = self.full_detail.poll(start) {
            self.take_full_detail(full);
        }
    }

    /// Starts preparing the full level of detail now, if it has not started.
    pub fn start_full_detail(&mut self) {
        self.full_detail.start(None);
    }

    /// Prepares the full level of detail now, or waits for its thread (for
    /// screenshots, tests and benchmarks, which need the final picture).
    pub fn wait_for_full_detail(&mut self) {
        if let Some(full) = self.full_detail.wait() {
            self.take_full_detail(full);
        }
    }

    fn take_full_detail(&mut self, (levels, stats): FullLevels) {
        let cut = self.cut;
        for (area, level) in self.areas_mut().zip(levels) {
            area.set_level(0, level);
            area.drop_outline_along(&cut, EDGE_TOLERANCE_KM);
        }
        self.stats.add(&stats);
        self.has_full_detail = true;
    }

    /// Takes in the world beyond the base map, prepared on a thread
    /// (`stats` is what preparing it produced); the layers are tessellated
    /// again with it.
    pub fn set_world(&mut self, world: Vec<WorldArea>, stats: &MeshStats) {
        self.world = world;
        self.stats.add(stats);
        self.tessellated = None;
    }

    /// Paints the areas' fills, which the relief shades and the rest of
    /// the layer ([`MapLayer::paint`]) is drawn over.
    pub fn paint_fills(&mut self, painter: &egui::Painter, frame: &LayerFrame<'_>) {
        let (t, pal) = (frame.transform, frame.palette);
        self.paint_part(painter, t, pal, &frame.view.layers, Part::Fills);
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
}

impl MapLayer for BaseLayers {
    fn toggles(&self, _data: &Data, _overlays: &[Overlay]) -> Vec<Toggle> {
        let area = self.area.as_ref().map(|(_, _, name)| name.as_str());
        TOGGLES
            .iter()
            .filter(|id| **id != layer_ids::AREA || area.is_some())
            .map(|&id| {
                let name = match id {
                    layer_ids::COUNTRIES => "Countries",
                    layer_ids::LAKES => "Lakes",
                    layer_ids::RIVERS => "Rivers",
                    layer_ids::BORDERS => "Borders",
                    layer_ids::WORLD => "World beyond the region",
                    _ => area.unwrap_or("Area"),
                };
                Toggle::new(id, name)
            })
            .collect()
    }

    fn paint(
        &mut self,
        _ui: &egui::Ui,
        painter: &egui::Painter,
        frame: &LayerFrame<'_>,
        obstacles: &mut Vec<Rect>,
    ) -> Vec<Action> {
        let toggles = &frame.view.layers;
        let (t, pal) = (frame.transform, frame.palette);
        self.paint_part(painter, t, pal, toggles, Part::Lines);
        if toggles.shown(layer_ids::AREA)
            && let Some((_, label, name)) = &self.area
        {
            let pal = frame.palette;
            let r = crate::map::layers::places::paint_area_label(
                painter,
                frame.transform.apply(*label),
                name,
                pal.valley_stroke,
                pal.text_halo,
            );
            obstacles.push(r);
        }
        Vec::new()
    }

    fn legend(&self, ui: &mut Ui, frame: &LayerFrame<'_>) {
        let pal = frame.palette;
        let toggles = &frame.view.layers;
        if toggles.shown(layer_ids::COUNTRIES) {
            ui.strong("Countries");
            for c in &frame.data.geo.countries {
                let fill = self
                    .countries
                    .iter()
                    .find(|(iso3, _, _)| *iso3 == c.iso3)
                    .map_or(Color32::GRAY, |(_, f, _)| f[usize::from(pal.dark)]);
                swatch(ui, &c.name, |p, r| {
                    p.rect(
                        r,
                        2.0,
                        fill,
                        Stroke::new(0.6, pal.outline),
                        egui::StrokeKind::Inside,
                    );
                });
            }
        }
        let line = |color: Color32, width: f32| {
            move |p: &egui::Painter, r: Rect| {
                p.line_segment(
                    [r.left_center(), r.right_center()],
                    Stroke::new(width, color),
                );
            }
        };
        ui.strong("Lines and areas");
        if toggles.shown(layer_ids::BORDERS) {
            if let Some((name, km)) = &self.main_border {
                let text = format!("{name} (≈ {km:.0} km on this map)");
                swatch(ui, &text, line(pal.border_main, 3.0));
            }
            swatch(
                ui,
                "Other international borders",
                line(pal.border_other, 1.3),
            );
        }
        if toggles.shown(layer_ids::RIVERS) || toggles.shown(layer_ids::LAKES) {
            swatch(ui, "Rivers, lakes", |p, r| {
                p.rect_filled(r.shrink(2.0), 2.0, pal.water);
            });
        }
        if toggles.shown(layer_ids::AREA)
            && let Some((_, _, name)) = &self.area
        {
            swatch(ui, name, |p, r| {
                p.rect(
                    r,
                    0.0,
                    pal.valley_fill,
                    Stroke::new(1.0, pal.valley_stroke),
                    egui::StrokeKind::Inside,
                );
            });
        }
    }
}

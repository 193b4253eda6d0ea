//! The base map as one layer with five switches (countries, lakes, rivers,
//! borders, the region's area of interest): prepared once from the loaded
//! [`GeoData`] in the region's projection, tessellated into one mesh that is
//! kept while the map is still or panned (`base_paint.rs`).

use std::ops::Range;

use egui::{Color32, Rect, Stroke, Ui};
use geo::MultiPolygon;

use crate::data::Data;
use crate::data::geodata::GeoData;
use crate::data::geodata::overlay::Overlay;
use crate::data::geodata::world::World;
use crate::data::region::RegionProfile;
use crate::map::full_detail::{FullDetail, FullLevels};
use crate::map::gpu_mesh::TargetFormat;
use crate::map::layer::{LayerFrame, MapLayer, Toggle};
use crate::map::legend::swatch;
use crate::map::mesh::{Area, Lines, MeshStats, prepare_area_levels, prepare_areas, prepare_lines};
use crate::map::tessellated::Tessellated;
use crate::model::action::Action;
use crate::model::camera::{KmBox, Projection};
use crate::model::view::layer_ids;
use crate::ui_kit::palette::rgb;

/// A prepared border between two countries.
#[derive(Debug)]
pub struct PreparedBorder {
    /// Whether this is the border the region emphasises.
    pub main: bool,
    /// The lines at every level of detail.
    pub lines: Lines,
}

/// All base layers ready to draw.
#[derive(Debug)]
pub struct BaseLayers {
    /// Countries: ISO alpha-3 code, fill (light, dark) and prepared area.
    pub countries: Vec<(String, [Color32; 2], Area)>,
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
    /// with the region's fill for the countries it names.
    pub world: Vec<(String, Option<[Color32; 2]>, Area)>,
    /// What preparing produced.
    pub stats: MeshStats,
    /// The base map's box on the plane, along which outlines are not drawn.
    cut: Option<KmBox>,
    /// Where the full level of detail of the areas stands.
    pub(super) full_detail: FullDetail,
    /// Whether the areas have their full level of detail.
    pub(super) has_full_detail: bool,
    /// The last tessellation of the layers.
    pub(super) tessellated: Option<Tessellated>,
    /// The format of the GPU frames the layers are drawn into, when they
    /// are kept on the GPU.
    pub(super) gpu: Option<TargetFormat>,
}

/// How near the base map's box an outline may run and count as running
/// along it, in kilometres.
const EDGE_TOLERANCE_KM: f64 = 0.05;

/// The levels of detail prepared before the first frame; the full one
/// (level 0, most of the triangulation) follows from a thread.
const COARSE: Range<usize> = 1..crate::map::mesh::LOD_TOLERANCES_KM.len();

/// The switches of the base layers, in the order of the View menu.
pub const TOGGLES: [&str; 6] = [
    layer_ids::COUNTRIES,
    layer_ids::LAKES,
    layer_ids::RIVERS,
    layer_ids::BORDERS,
    layer_ids::AREA,
    layer_ids::WORLD,
];

/// The shapes of every area, in the order of [`BaseLayers::areas_mut`].
fn area_shapes(geo: &GeoData) -> Vec<&MultiPolygon<f64>> {
    geo.countries
        .iter()
        .map(|c| &c.shape)
        .chain(geo.lakes.iter().map(|l| &l.shape))
        .chain(geo.valley.iter().map(|v| &v.shape))
        .collect()
}

impl BaseLayers {
    /// Prepares every layer of `geo` for the region: the coarser levels of
    /// detail at once; the full one waits for
    /// [`BaseLayers::poll_full_detail`] to start its thread once a first
    /// frame is drawn.
    pub fn new(geo: &GeoData, world: &World, region: &RegionProfile, proj: &Projection) -> Self {
        let mut stats = MeshStats::default();
        // Where the base map and the world layer were cut at the base map's
        // box, the box's edge is no border.
        let cut = cover(geo).map(|r| proj.project_box(r.min().x, r.min().y, r.max().x, r.max().y));
        let drawn: Vec<&str> = geo.countries.iter().map(|c| c.iso3.as_str()).collect();
        let world = crate::map::layers::world::prepare_countries(
            world,
            cover(geo),
            &drawn,
            proj,
            &mut stats,
        )
        .into_iter()
        .map(|(iso3, mut area)| {
            if let Some(cut) = &cut {
                area.drop_outline_along(cut, EDGE_TOLERANCE_KM);
            }
            let named = region.fills.iter().any(|f| f.iso3 == iso3);
            let fill = named.then(|| {
                [
                    rgb(region.fill(&iso3, false)),
                    rgb(region.fill(&iso3, true)),
                ]
            });
            (iso3, fill, area)
        })
        .collect();
        let shapes: Vec<_> = geo.countries.iter().map(|c| &c.shape).collect();
        let fills = |iso3: &str| [rgb(region.fill(iso3, false)), rgb(region.fill(iso3, true))];
        let countries = geo
            .countries
            .iter()
            .zip(prepare_areas(proj, &shapes, COARSE, &mut stats))
            .map(|(c, mut area)| {
                if let Some(cut) = &cut {
                    area.drop_outline_along(cut, EDGE_TOLERANCE_KM);
                }
                (c.iso3.clone(), fills(&c.iso3), area)
            })
            .collect();
        let lakes = geo
            .lakes
            .iter()
            .map(|l| prepare_area_levels(proj, &l.shape, COARSE, &mut stats))
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
                (level, prepare_lines(proj, lines))
            })
            .collect();
        let borders = geo
            .borders
            .iter()
            .map(|b| PreparedBorder {
                main: region.is_emphasised(&b.countries),
                lines: prepare_lines(proj, b.lines.0.iter()),
            })
            .collect();
        let area = geo.valley.as_ref().map(|v| {
            let area = prepare_area_levels(proj, &v.shape, COARSE, &mut stats);
            let label = label_point(&area.bbox);
            let name = region.area_name.clone().unwrap_or_else(|| "Area".into());
            (area, label, name)
        });
        let main_border = geo
            .borders
            .iter()
            .find(|b| region.is_emphasised(&b.countries))
            .zip(region.emphasised_border.as_ref())
            .map(|(b, pair)| {
                let name = region
                    .border_name
                    .clone()
                    .unwrap_or_else(|| border_name(geo, pair));
                (name, b.length_km)
            });
        Self {
            countries,
            lakes,
            rivers,
            borders,
            area,
            main_border,
            world,
            stats,
            cut,
            full_detail: FullDetail::Waiting(
                area_shapes(geo).into_iter().cloned().collect(),
                *proj,
            ),
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
        let cut = self.cut;
        for (area, level) in self.areas_mut().zip(levels) {
            area.set_level(0, level);
            if let Some(cut) = &cut {
                area.drop_outline_along(cut, EDGE_TOLERANCE_KM);
            }
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
        self.paint_mesh(
            painter,
            frame.transform,
            frame.view.camera.points_per_km,
            frame.palette,
            toggles,
        );
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

/// "Kyrgyz–Tajik border" from the countries' names in the base map
/// ("Kyrgyzstan", "Tajikistan"), or their codes.
fn border_name(geo: &GeoData, pair: &[String; 2]) -> String {
    let name = |iso3: &str| {
        geo.countries
            .iter()
            .find(|c| c.iso3 == iso3)
            .map_or_else(|| iso3.to_owned(), |c| c.name.clone())
    };
    format!("{}–{} border", name(&pair[0]), name(&pair[1]))
}

/// The longitude/latitude box the base map's countries cover (the world
/// layer is cut out there).
pub fn cover(geo: &GeoData) -> Option<geo::Rect<f64>> {
    use geo::BoundingRect as _;
    geo.countries
        .iter()
        .filter_map(|c| c.shape.bounding_rect())
        .reduce(|a, b| {
            geo::Rect::new(
                geo::coord! { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
                geo::coord! { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
            )
        })
}

/// A point inside the upper middle of a box, for an area's label.
fn label_point(b: &KmBox) -> [f64; 2] {
    [
        (b.min[0] + b.max[0]) / 2.0,
        b.min[1] + (b.max[1] - b.min[1]) * 0.62,
    ]
}

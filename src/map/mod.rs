//! The map: a list of layers drawn in order over the region's projection,
//! the camera's input, the legend and the status strip.
//!
//! `MapView::show` lays the events' markers out first (so that labels can
//! keep clear of them), then lets each [`layer::MapLayer`] paint, answers a
//! click through the topmost layer that claims it, and turns the pointer
//! and keys into a new camera. Every change is returned as an [`Action`].

pub mod baked;
pub mod deferred;
pub mod gpu_mesh;
pub mod input;
pub mod km_line;
pub mod layer;
pub mod layers;
pub mod legend;
pub mod mesh;
pub mod preparing;
pub mod status_strip;
pub mod tessellated;

use std::sync::{Arc, OnceLock};

use egui::Sense;

use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::data::geodata::world::WorldCapital;
use crate::model::action::Action;
use crate::model::camera::{Camera, FIT_MARGIN, KmBox, Projection};
use crate::model::positions::EventPositions;
use crate::model::view::ViewState;
use crate::model::visibility::Visible;
use crate::ui_kit::palette;
use deferred::Deferred;
use layer::{LayerFrame, MapLayer, Toggle};
use layers::base::BaseLayers;
use layers::base_prepare::{BaseCover, PreparedWorld, WorldGeometry};
use layers::layout_cache::{LayoutCache, MapArea};
use layers::layout_job::{Items, LayoutRunner, OnMap};
use mesh::MeshStats;

/// How far inside the map's edge a revealed event must be, in points.
const REVEAL_MARGIN: f32 = 40.0;

/// How much of the map's data, in points across and down, panning and
/// zooming keep in view.
const KEEP_IN_VIEW: f32 = 150.0;

/// What the map draws from: the loaded data, what was derived from it, the
/// view state and the user's overlay layers.
#[derive(Clone, Copy)]
pub struct MapInput<'a> {
    /// The loaded data.
    pub data: &'a Data,
    /// The events' positions on the map plane.
    pub positions: &'a EventPositions,
    /// The view state.
    pub view: &'a ViewState,
    /// The events passing the filters and the time window.
    pub visible: &'a Visible,
    /// The overlays the user opened.
    pub overlays: &'a [Overlay],
    /// The proposals of the article under review.
    pub proposed: crate::panels::panel::Proposed<'a>,
    /// Where the events live, for the status strip (and whether it warns).
    pub note: Option<(&'a str, bool)>,
}

/// The map widget with its layers.
pub struct MapView {
    /// The region's projection.
    projection: Projection,
    /// The relief, drawn under the base map.
    terrain: layers::terrain::TerrainLayer,
    /// The base map (kept apart from `layers` for its level of detail and
    /// its GPU mesh).
    base: BaseLayers,
    /// The world beyond the base map, prepared after the first frame.
    world: Deferred<PreparedWorld>,
    /// Where the world's capitals go when it arrives (the capitals' layer
    /// reads them from there).
    capitals: Arc<OnceLock<Vec<WorldCapital>>>,
    /// The layers over the base map, in drawing order.
    layers: Vec<Box<dyn MapLayer>>,
    /// The region's focus box on the map plane.
    focus: KmBox,
    /// Where the map has data; panning keeps some of it in view.
    extent: KmBox,
    last_reveal: Option<u64>,
    last_size: Option<egui::Vec2>,
    layouts: LayoutCache,
    /// How many times the map has been drawn.
    frames_drawn: u64,
}

impl MapView {
    /// Prepares what the first frame draws of `data`'s base map in its
    /// region's projection; the relief, the world beyond the base map and
    /// the full level of detail follow on threads once a frame is drawn
    /// (or at once with [`MapView::start_deferred`]).
    pub fn new(data: &Data) -> Self {
        let region = &data.region;
        let (projection, focus) = crate::model::camera::region_focus(region);
        let baked = baked::Baked::for_map(&data.geo, &projection);
        let base = BaseLayers::new(&data.geo, region, &projection, baked);
        let area_label = layers::area_label::AreaLabel::of(&base);
        let capitals = Arc::new(OnceLock::new());
        let world = world_job(BaseCover::of(&data.geo), region, projection, baked);
        Self {
            extent: base.extent(),
            terrain: layers::terrain::TerrainLayer::new(),
            base,
            world: Deferred::new("world-layer", world),
            capitals: capitals.clone(),
            layers: vec![
                Box::new(layers::overlay::OverlaysLayer::default()),
                Box::new(layers::halos::HalosLayer::default()),
                Box::new(layers::counts::CountsLayer),
                Box::new(area_label),
                Box::new(layers::world::WorldCapitals::new(capitals)),
                Box::new(layers::places::PlacesLayer),
                Box::new(layers::events::EventsLayer),
                Box::new(layers::proposals::ProposalsLayer),
            ],
            focus,
            projection,
            last_reveal: None,
            last_size: None,
            layouts: LayoutCache::default(),
            frames_drawn: 0,
        }
    }

    /// Makes the map's large marker layouts with `runner` instead of a
    /// thread of its own.
    pub fn set_layout_runner(&mut self, runner: Box<dyn LayoutRunner>) {
        self.layouts = LayoutCache::with_runner(runner);
    }

    /// The map's switches, as the View menu lists them.
    pub fn toggles(&self, data: &Data, overlays: &[Overlay]) -> Vec<Toggle> {
        let mut all = self.base.toggles(data, overlays);
        all.extend(self.terrain.toggles(data, overlays));
        for layer in &self.layers {
            all.extend(layer.toggles(data, overlays));
        }
        all
    }

    /// Whether the shaded relief is drawn in `view`: switched on, available,
    /// and not faded out at its zoom.
    pub fn draws_relief(&self, view: &ViewState) -> bool {
        self.terrain.shows(&view.layers)
            && layers::terrain::relief_strength(view.camera.points_per_km) > 0.0
    }

    /// The region's projection.
    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// What preparing the layers produced (triangulations, triangles, vertices).
    pub fn stats(&self) -> &MeshStats {
        &self.base.stats
    }

    /// Starts preparing what follows the first frame (the relief, the
    /// world beyond the base map, the full level of detail) now, each on
    /// its thread, for a picture that will wait for them.
    pub fn start_deferred(&mut self) {
        self.terrain.start();
        self.world.start(None);
        self.base.start_full_detail();
    }

    /// Waits until everything that follows the first frame has arrived: the
    /// relief, the world beyond the base map and the full level of detail.
    pub fn wait_for_full_detail(&mut self) {
        self.start_deferred();
        self.base.wait_for_full_detail();
        self.terrain.wait();
        if let Some(world) = self.world.wait() {
            self.take_world(world);
        }
    }

    /// Takes in what arrived of the work that follows the first frame, and
    /// starts it once a frame has been drawn.
    fn poll_deferred(&mut self, ctx: &egui::Context) {
        let start = (self.frames_drawn > 0).then_some(ctx);
        if start.is_none() {
            // The work starts on the next frame: make sure there is one.
            ctx.request_repaint();
        }
        self.base.poll_full_detail(start);
        self.terrain.poll(start);
        if let Some(world) = self.world.poll(start) {
            self.take_world(world);
        }
    }

    fn take_world(&mut self, world: PreparedWorld) {
        self.base.set_world(world.areas, &world.stats);
        // Set once: the world arrives once.
        let _ = self.capitals.set(world.capitals);
    }

    /// Keeps the base layers on the GPU between frames, drawn into frames of
    /// `format` (a wgpu renderer's target format), instead of handing their
    /// mesh to egui every frame.
    pub fn draw_on_gpu(&mut self, format: gpu_mesh::TargetFormat) {
        self.base.draw_on_gpu(format);
    }

    /// Whether the map at `camera` is drawn as it will stay: the relief and
    /// the world have arrived, and the full level of detail when the zoom
    /// needs it (only when zoomed in).
    pub fn is_drawn_in_full(&self, camera: &Camera) -> bool {
        self.terrain.is_ready()
            && !self.world.is_pending()
            && (self.base.has_full_detail() || mesh::lod_for(camera.points_per_km) > 0)
    }

    /// Whether a marker layout is being made that the map will show once
    /// ready (meanwhile it shows the last one).
    pub fn layout_pending(&self) -> bool {
        self.layouts.is_pending()
    }

    /// A camera fitting the region's focus into a map of `size`.
    pub fn fit_camera_for(&self, size: egui::Vec2) -> Camera {
        Camera::fit(&self.projection, &self.focus, size, FIT_MARGIN)
    }

    /// A camera fitting the region's focus into the map as last drawn.
    pub fn fit_camera(&self) -> Camera {
        self.fit_camera_for(
            self.last_size
                .unwrap_or(crate::model::view_defaults::DEFAULT_MAP_SIZE),
        )
    }

    /// Draws the map (base layers, then the other layers in order) and
    /// returns what the user did.
    pub fn draw(&mut self, ui: &mut egui::Ui, input: &MapInput<'_>) -> Vec<Action> {
        let MapInput {
            data,
            positions,
            view,
            visible,
            overlays,
            proposed,
            note,
        } = *input;
        self.poll_deferred(ui.ctx());
        self.frames_drawn += 1;
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Map"));
        let previous_size = self.last_size.replace(rect.size());
        let pal = palette::palette(ui.visuals().dark_mode);
        let cam = &view.camera;
        let t = cam.transform(&self.projection, rect);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, pal.background);
        let items = Items::new(positions, visible, OnMap::new(view), view.time.show_outside);
        let area = MapArea {
            projection: &self.projection,
            camera: cam,
            rect,
        };
        let layout = self.layouts.get(ui.ctx(), items, area);
        let frame = LayerFrame {
            data,
            view,
            visible,
            positions,
            overlays,
            transform: &t,
            rect,
            palette: &pal,
            layout: &layout,
            proposed,
        };
        let mut actions = self.paint_layers(ui, &painter, &frame);
        actions.extend(self.clicked(&response, &frame));
        status_strip::show(ui, rect, &self.projection, cam, &pal, note);
        let mut all: Vec<&dyn MapLayer> = vec![&self.terrain, &self.base];
        all.extend(self.layers.iter().map(|l| l.as_ref()));
        legend::show(ui, &all, &frame);
        actions.extend(self.camera_actions(ui, &response, &frame, previous_size));
        actions
    }

    /// Paints every layer in order, labels keeping clear of the markers,
    /// the status strip, the legend and what earlier layers drew.
    fn paint_layers(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        frame: &LayerFrame<'_>,
    ) -> Vec<Action> {
        let mut obstacles = layers::events::obstacles(frame.layout);
        obstacles.push(status_strip::strip_rect(frame.rect));
        obstacles.extend(legend::last_rect(ui.ctx()));
        self.base.paint_fills(painter, frame);
        let mut actions = self.terrain.paint(ui, painter, frame, &mut obstacles);
        actions.extend(self.base.paint(ui, painter, frame, &mut obstacles));
        for layer in &mut self.layers {
            actions.extend(layer.paint(ui, painter, frame, &mut obstacles));
        }
        actions
    }

    /// What a click on the map does: through the topmost layer that answers
    /// it (the markers drawn), else a picked point while picking a place.
    fn clicked(&self, response: &egui::Response, frame: &LayerFrame<'_>) -> Option<Action> {
        if !response.clicked() {
            return None;
        }
        let pos = response.interact_pointer_pos()?;
        match self.layers.iter().rev().find_map(|l| l.hit(pos, frame)) {
            Some(action) => Some(action),
            None if frame.view.picking_place => {
                let proj = &self.projection;
                let [lon, lat] = frame.view.camera.to_lonlat(proj, frame.rect, pos);
                Some(Action::PickedPoint { lon, lat })
            }
            None => None,
        }
    }

    /// The camera the map asks for: moved by the pointer and keys, fitted
    /// again while the map settles, or moved to show an event revealed.
    fn camera_actions(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        frame: &LayerFrame<'_>,
        previous_size: Option<egui::Vec2>,
    ) -> Vec<Action> {
        let (rect, cam) = (frame.rect, &frame.view.camera);
        let mut actions = Vec::new();
        if let Some(new) = input::camera_after_input(ui, response, rect, &self.projection, cam) {
            let kept = new.kept_over(&self.projection, &self.extent, rect.size(), KEEP_IN_VIEW);
            actions.push(Action::SetCamera(kept));
        }
        if self.keeps_fitting(previous_size, rect.size(), cam) {
            actions.push(Action::SetCamera(self.fit_camera()));
        }
        actions.extend(self.reveal(frame));
        actions
    }

    /// A camera showing the event the view asks to reveal, once per
    /// request, when it is not well in view.
    fn reveal(&mut self, frame: &LayerFrame<'_>) -> Option<Action> {
        let reveal = frame.view.reveal.as_ref()?;
        if self.last_reveal == Some(reveal.serial) {
            return None;
        }
        self.last_reveal = Some(reveal.serial);
        let target = (frame.data.events.iter())
            .filter(|_| reveal.pan)
            .find(|e| e.id == reveal.event_id);
        let [lon, lat] = target.and_then(crate::model::positions::event_lonlat)?;
        if frame
            .rect
            .shrink(REVEAL_MARGIN)
            .contains(frame.transform.lonlat(lon, lat))
        {
            return None;
        }
        let cam = &frame.view.camera;
        Some(Action::SetCamera(
            self.camera_to_reveal(lon, lat, cam, frame.rect),
        ))
    }
}

/// Preparing the world beyond the base map that `cover` describes, on a
/// thread: from `baked` when it holds it, else from the bundled world's
/// files. If those could not be read (a test guards them), the map goes
/// without it.
fn world_job(
    cover: BaseCover,
    region: &crate::data::region::RegionProfile,
    projection: Projection,
    baked: Option<baked::Baked>,
) -> impl FnOnce() -> PreparedWorld + Send + 'static {
    use crate::data::geodata::world::{CAPITALS_GEOJSON, World};
    let region = region.clone();
    move || {
        let (geometry, world) = match baked.and_then(|b| b.world()) {
            Some(geometry) => {
                let no_countries = r#"{"type":"FeatureCollection","features":[]}"#;
                let capitals = World::from_geojson_strs(no_countries, CAPITALS_GEOJSON);
                (geometry, capitals.unwrap_or_default())
            }
            None => {
                let world = World::bundled().unwrap_or_default();
                (WorldGeometry::prepare(&world, &cover, &projection), world)
            }
        };
        PreparedWorld::new(geometry, &region, &world, &cover)
    }
}

impl crate::panels::panel::Panel for MapView {
    fn show(&mut self, ui: &mut egui::Ui, frame: &crate::panels::panel::Frame<'_>) -> Vec<Action> {
        let note = frame.home.strip_note();
        let input = MapInput {
            data: frame.data,
            positions: &frame.derived.positions,
            view: frame.view,
            visible: frame.visible,
            overlays: frame.overlays,
            proposed: frame.proposed,
            note: note.as_ref().map(|(text, warn)| (text.as_str(), *warn)),
        };
        self.draw(ui, &input)
    }
}

impl MapView {
    /// A camera showing the point `lon`, `lat` at the same zoom: centred on
    /// it, or moved from there as far as needed (keeping the point well in
    /// view) for the map's data to fill the view, as near its edge (Bishkek).
    /// A point far outside the data (a statement made in Moscow) is shown
    /// together with the region, zoomed out.
    fn camera_to_reveal(&self, lon: f64, lat: f64, cam: &Camera, rect: egui::Rect) -> Camera {
        let proj = &self.projection;
        let centred = Camera {
            center_lon: lon,
            center_lat: lat,
            ..*cam
        };
        let filled = centred.kept_over(
            proj,
            &self.extent,
            rect.size(),
            rect.width().max(rect.height()),
        );
        let point = filled.to_screen(proj, rect, lon, lat);
        if rect.shrink(REVEAL_MARGIN).contains(point) {
            return filled;
        }
        if centred.kept_over(proj, &self.extent, rect.size(), KEEP_IN_VIEW) == centred {
            return centred;
        }
        let mut both = self.focus;
        both.add(proj.project(lon, lat));
        Camera::fit(proj, &both, rect.size(), FIT_MARGIN)
    }

    /// Whether the map should fit the region again because its size changed
    /// while the camera still showed the fitted region: at start (when the
    /// panels settle) and when the window is resized before the user has
    /// moved the map.
    fn keeps_fitting(&self, previous: Option<egui::Vec2>, size: egui::Vec2, cam: &Camera) -> bool {
        match previous {
            None => *cam == self.fit_camera_for(crate::model::view_defaults::DEFAULT_MAP_SIZE),
            Some(previous) => previous != size && *cam == self.fit_camera_for(previous),
        }
    }
}

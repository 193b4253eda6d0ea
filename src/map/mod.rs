//! The map: a list of layers drawn in order over the region's projection,
//! the camera's input, the legend and the status strip.
//!
//! `MapView::show` lays the events' markers out first (so that labels can
//! keep clear of them), then lets each [`layer::MapLayer`] paint, answers a
//! click through the topmost layer that claims it, and turns the pointer
//! and keys into a new camera. Every change is returned as an [`Action`].

pub mod full_detail;
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

use egui::Sense;

use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::model::action::Action;
use crate::model::camera::{Camera, FIT_MARGIN, KmBox, Projection};
use crate::model::positions::EventPositions;
use crate::model::view::ViewState;
use crate::model::visibility::Visible;
use crate::ui_kit::palette;
use layer::{LayerFrame, MapLayer, Toggle};
use layers::base::BaseLayers;
use layers::layout_cache::LayoutCache;
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
    /// Prepares the layers of `data`'s base map in its region's projection.
    pub fn new(data: &Data) -> Self {
        let region = &data.region;
        let (projection, focus) = crate::model::camera::region_focus(region);
        let terrain = layers::terrain::TerrainLayer::start();
        // The world is context beyond the base map: if its bundled files
        // could not be read (a test guards them), the map goes without it.
        let world = crate::data::geodata::world::World::bundled().unwrap_or_default();
        let base = BaseLayers::new(&data.geo, &world, region, &projection);
        let area_label = layers::area_label::AreaLabel::of(&base);
        let capitals = layers::world::WorldCapitals::new(&world, layers::base::cover(&data.geo));
        Self {
            extent: base.extent(),
            terrain,
            base,
            layers: vec![
                Box::new(layers::overlay::OverlaysLayer::default()),
                Box::new(layers::halos::HalosLayer),
                Box::new(area_label),
                Box::new(capitals),
                Box::new(layers::places::PlacesLayer),
                Box::new(layers::events::EventsLayer),
            ],
            focus,
            projection,
            last_reveal: None,
            last_size: None,
            layouts: LayoutCache::default(),
            frames_drawn: 0,
        }
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

    /// Waits until the base layers have their full level of detail, which is
    /// prepared on a thread after the first frame.
    pub fn wait_for_full_detail(&mut self) {
        self.base.wait_for_full_detail();
        self.terrain.wait();
    }

    /// Keeps the base layers on the GPU between frames, drawn into frames of
    /// `format` (a wgpu renderer's target format), instead of handing their
    /// mesh to egui every frame.
    pub fn draw_on_gpu(&mut self, format: gpu_mesh::TargetFormat) {
        self.base.draw_on_gpu(format);
    }

    /// Whether the map at `camera` is drawn at the detail it calls for (the
    /// full level of detail is needed only when zoomed in).
    pub fn is_drawn_in_full(&self, camera: &Camera) -> bool {
        self.terrain.is_ready()
            && (self.base.has_full_detail() || mesh::lod_for(camera.points_per_km) > 0)
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
            note,
        } = *input;
        let mut actions = Vec::new();
        self.base.poll_full_detail(self.frames_drawn);
        self.frames_drawn += 1;
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Map"));
        let previous_size = self.last_size.replace(rect.size());
        let pal = palette::palette(ui.visuals().dark_mode);
        let cam = &view.camera;
        let t = cam.transform(&self.projection, rect);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, pal.background);

        let toggles = layers::events::OnMap::new(view);
        let key = toggles.items_key(visible, view.time.show_outside);
        let list = || {
            let on_map = |i: &usize| toggles.shows(data, *i);
            let mut items: Vec<(usize, bool)> = visible
                .shown
                .iter()
                .filter(|i| on_map(i))
                .map(|&i| (i, false))
                .collect();
            if view.time.show_outside {
                items.extend(visible.outside().filter(|i| on_map(i)).map(|i| (i, true)));
            }
            items
        };
        let layout = self
            .layouts
            .get(positions, (key, list), &self.projection, cam, rect);
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
        };
        let mut obstacles = layers::events::obstacles(&layout);
        obstacles.push(status_strip::strip_rect(rect));
        obstacles.extend(legend::last_rect(ui.ctx()));
        actions.extend(self.terrain.paint(ui, &painter, &frame, &mut obstacles));
        actions.extend(self.base.paint(ui, &painter, &frame, &mut obstacles));
        for layer in &mut self.layers {
            actions.extend(layer.paint(ui, &painter, &frame, &mut obstacles));
        }
        if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            match self.layers.iter().rev().find_map(|l| l.hit(pos, &frame)) {
                Some(action) => actions.push(action),
                None if view.picking_place => {
                    let [lon, lat] = cam.to_lonlat(&self.projection, rect, pos);
                    actions.push(Action::PickedPoint { lon, lat });
                }
                None => {}
            }
        }
        status_strip::show(ui, rect, &self.projection, cam, &pal, note);
        let mut all: Vec<&dyn MapLayer> = vec![&self.terrain, &self.base];
        all.extend(self.layers.iter().map(|l| l.as_ref()));
        legend::show(ui, &all, &frame);

        if let Some(new) = input::camera_after_input(ui, &response, rect, &self.projection, cam) {
            let kept = new.kept_over(&self.projection, &self.extent, rect.size(), KEEP_IN_VIEW);
            actions.push(Action::SetCamera(kept));
        }
        if self.keeps_fitting(previous_size, rect.size(), cam) {
            actions.push(Action::SetCamera(self.fit_camera()));
        }
        if let Some(reveal) = &view.reveal
            && self.last_reveal != Some(reveal.serial)
        {
            self.last_reveal = Some(reveal.serial);
            let target = data.events.iter().find(|e| e.id == reveal.event_id);
            let in_view = rect.shrink(REVEAL_MARGIN);
            if let Some([lon, lat]) = target.and_then(crate::model::positions::event_lonlat)
                && !in_view.contains(t.lonlat(lon, lat))
            {
                actions.push(Action::SetCamera(
                    self.camera_to_reveal(lon, lat, cam, rect),
                ));
            }
        }
        actions
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

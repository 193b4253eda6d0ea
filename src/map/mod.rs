//! The map: camera, prepared layers, markers, labels.

pub mod event_layer;
pub mod full_detail;
pub mod gpu_mesh;
pub mod input;
pub mod labels;
pub mod layers;
mod layout_cache;
pub mod legend;
pub mod marker_layout;
pub mod markers;
pub mod mesh;
pub mod overlay;
pub mod overlay_layer;
pub mod overlay_shapes;
pub mod places;
pub mod preparing;
pub mod tessellated;

use egui::Sense;

use crate::action::Action;
use crate::data::Data;
use crate::data::geodata::GeoData;
use crate::data::overlay::Overlay;
use crate::model::camera::{self, Camera, project};
use crate::model::visibility::Visible;
use crate::ui_kit::palette as style;
use crate::view::{ViewState, layer_ids};
use layers::{Layers, is_kgz_tjk};
use layout_cache::LayoutCache;
use marker_layout::EventPositions;
use mesh::MeshStats;

/// Space kept around the region when the map fits it, in points.
pub const FIT_MARGIN: f32 = 40.0;

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
}

/// The map widget with its prepared (triangulated, simplified) layers.
pub struct MapView {
    layers: Layers,
    kgz_tjk_km: Option<f64>,
    focus: camera::KmBox,
    /// Where the map has data; panning keeps some of it in view.
    extent: camera::KmBox,
    last_reveal: Option<u64>,
    last_size: Option<egui::Vec2>,
    layouts: LayoutCache,
    overlays: overlay_layer::OverlayCache,
    /// How many times the map has been drawn.
    frames_drawn: u64,
}

impl MapView {
    /// Prepares the base layers once.
    pub fn new(geo: &GeoData) -> Self {
        let kgz_tjk_km = geo
            .borders
            .iter()
            .find(|b| is_kgz_tjk(&b.countries))
            .map(|b| b.length_km);
        let layers = Layers::new(geo);
        Self {
            extent: layers.extent(),
            layers,
            kgz_tjk_km,
            focus: layers::focus_box(geo),
            last_reveal: None,
            last_size: None,
            layouts: LayoutCache::default(),
            overlays: overlay_layer::OverlayCache::default(),
            frames_drawn: 0,
        }
    }

    /// The map's layers that can be shown or hidden, as (id, label), in
    /// the order the View menu lists them.
    pub fn layer_list(&self) -> Vec<(&'static str, String)> {
        vec![
            (layer_ids::COUNTRIES, "Countries".into()),
            (layer_ids::LAKES, "Lakes".into()),
            (layer_ids::RIVERS, "Rivers".into()),
            (layer_ids::BORDERS, "Borders".into()),
            (layer_ids::AREA, "Fergana Valley (approximate)".into()),
            (layer_ids::PLACES, "Places".into()),
            (layer_ids::EVENTS, "Incidents and statements".into()),
            (layer_ids::CONTEXT, "Background (context) events".into()),
            (layer_ids::HALOS, "Uncertainty halos".into()),
        ]
    }

    /// What preparing the layers produced (triangulations, triangles, vertices).
    pub fn stats(&self) -> &MeshStats {
        &self.layers.stats
    }

    /// Waits until the base layers have their full level of detail, which is
    /// prepared on a thread after the first frame.
    pub fn wait_for_full_detail(&mut self) {
        self.layers.wait_for_full_detail();
    }

    /// Keeps the base layers on the GPU between frames, drawn into frames of
    /// `format` (a wgpu renderer's target format), instead of handing their
    /// mesh to egui every frame.
    pub fn draw_on_gpu(&mut self, format: gpu_mesh::TargetFormat) {
        self.layers.draw_on_gpu(format);
    }

    /// Whether the map at `camera` is drawn at the detail it calls for (the
    /// full level of detail is needed only when zoomed in).
    pub fn is_drawn_in_full(&self, camera: &Camera) -> bool {
        self.layers.has_full_detail() || mesh::lod_for(camera.points_per_km) > 0
    }

    /// A camera fitting the Fergana Valley and the whole Kyrgyz–Tajik border
    /// into the map as last drawn.
    pub fn fit_camera(&self) -> Camera {
        Camera::fit(
            &self.focus,
            self.last_size
                .unwrap_or(crate::view_defaults::DEFAULT_MAP_SIZE),
            FIT_MARGIN,
        )
    }

    /// Draws the map (base layers, then the user's overlay layers, then the
    /// events on top) and returns what the user did.
    pub fn show(&mut self, ui: &mut egui::Ui, input: &MapInput<'_>) -> Vec<Action> {
        let MapInput {
            data,
            positions,
            view,
            visible,
            overlays,
        } = *input;
        let mut actions = Vec::new();
        self.layers.poll_full_detail(self.frames_drawn);
        self.frames_drawn += 1;
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Map"));
        let previous_size = self.last_size.replace(rect.size());
        let pal = style::palette(ui.visuals().dark_mode);
        let cam = &view.camera;
        let t = cam.transform(rect);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, pal.background);
        self.layers
            .paint(&painter, &t, cam.points_per_km, &pal, &view.layers);
        self.overlays
            .paint(&painter, &t, cam.points_per_km, overlays, &view.layers);

        let mut items: Vec<(usize, bool)> = Vec::new();
        let on_map = |i: &usize| {
            let id = match data.events[*i].kind {
                crate::data::event::EventKind::Context => layer_ids::CONTEXT,
                _ => layer_ids::EVENTS,
            };
            view.layers.shown(id)
        };
        items.extend(
            visible
                .shown
                .iter()
                .filter(|i| on_map(i))
                .map(|&i| (i, false)),
        );
        if view.time.show_outside {
            items.extend(visible.outside().filter(|i| on_map(i)).map(|i| (i, true)));
        }
        let layout = self.layouts.get(positions, items, cam, rect);
        if view.layers.shown(layer_ids::HALOS) {
            event_layer::paint_halos(&painter, data, &layout, cam.points_per_km);
        }
        let mut obstacles = event_layer::obstacles(&layout);
        obstacles.push(overlay::strip_rect(rect));
        obstacles.extend(legend::last_rect(ui.ctx()));
        if view.layers.shown(layer_ids::AREA)
            && let Some((_, label)) = &self.layers.valley
        {
            let r = places::paint_area_label(
                &painter,
                t.apply(*label),
                "Fergana Valley (approximate)",
                pal.valley_stroke,
                pal.text_halo,
            );
            obstacles.push(r);
        }
        if view.layers.shown(layer_ids::PLACES) {
            places::paint(
                &painter,
                &data.geo.places,
                &t,
                cam.points_per_km,
                &pal,
                &obstacles,
            );
        }
        event_layer::paint_links(&painter, data, view, &layout, &t, positions, &pal);
        actions.extend(event_layer::show(
            ui,
            &painter,
            data,
            view,
            &layout,
            &pal,
            rect.size(),
        ));
        if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            actions.extend(event_layer::clicked(pos, data, view, &layout, rect.size()));
        }
        overlay::show(ui, rect, cam, &pal);
        legend::show(ui, rect, data, self.kgz_tjk_km, &pal);

        if let Some(new) = input::camera_after_input(ui, &response, rect, cam) {
            let kept = new.kept_over(&self.extent, rect.size(), KEEP_IN_VIEW);
            actions.push(Action::SetCamera(kept));
        }
        if self.keeps_fitting(previous_size, rect.size(), cam, &data.geo) {
            actions.push(Action::SetCamera(self.fit_camera()));
        }
        if let Some(reveal) = &view.reveal
            && self.last_reveal != Some(reveal.serial)
        {
            self.last_reveal = Some(reveal.serial);
            let target = data.events.iter().find(|e| e.id == reveal.event_id);
            let in_view = rect.shrink(REVEAL_MARGIN);
            if let Some([lon, lat]) = target.and_then(crate::model::positions::event_lonlat)
                && !in_view.contains(t.apply(project(lon, lat)))
            {
                actions.push(Action::SetCamera(
                    self.camera_to_reveal(lon, lat, cam, rect),
                ));
            }
        }
        actions
    }
}

impl MapView {
    /// A camera showing the point `lon`, `lat` at the same zoom: centred on
    /// it, or moved from there as far as needed (keeping the point well in
    /// view) for the map's data to fill the view, as near its edge (Bishkek).
    /// A point far outside the data (a statement made in Moscow) is shown
    /// together with the region, zoomed out.
    fn camera_to_reveal(&self, lon: f64, lat: f64, cam: &Camera, rect: egui::Rect) -> Camera {
        let centred = Camera {
            center_lon: lon,
            center_lat: lat,
            ..*cam
        };
        let filled = centred.kept_over(&self.extent, rect.size(), rect.width().max(rect.height()));
        let point = filled.to_screen(rect, lon, lat);
        if rect.shrink(REVEAL_MARGIN).contains(point) {
            return filled;
        }
        if centred.kept_over(&self.extent, rect.size(), KEEP_IN_VIEW) == centred {
            return centred;
        }
        let mut both = self.focus;
        both.add(project(lon, lat));
        Camera::fit(&both, rect.size(), FIT_MARGIN)
    }

    /// Whether the map should fit the region again because its size changed
    /// while the camera still showed the fitted region: at start (when the
    /// panels settle) and when the window is resized before the user has
    /// moved the map.
    fn keeps_fitting(
        &self,
        previous: Option<egui::Vec2>,
        size: egui::Vec2,
        cam: &Camera,
        geo: &GeoData,
    ) -> bool {
        match previous {
            None => *cam == crate::view_defaults::fit_camera(geo),
            Some(previous) => {
                previous != size && *cam == Camera::fit(&self.focus, previous, FIT_MARGIN)
            }
        }
    }
}

//! The map: camera, prepared layers, markers, labels.

pub mod camera;
pub mod input;
pub mod labels;
pub mod layers;
pub mod legend;
pub mod markers;
pub mod mesh;
pub mod overlay;
pub mod places;
pub mod style;

use egui::{Rect, Sense, Stroke, vec2};

use crate::action::Action;
use crate::data::Data;
use crate::data::event::EventKind;
use crate::data::geodata::GeoData;
use crate::view::ViewState;
use crate::visibility::Visible;
use camera::{Camera, project};
use layers::{Layers, is_kgz_tjk};
use markers::Marker;
use mesh::MeshStats;
use style::{Palette, side_color};

/// The map widget with its prepared (triangulated, simplified) layers.
pub struct MapView {
    layers: Layers,
    kgz_tjk_km: Option<f64>,
    focus: camera::KmBox,
    last_reveal: Option<u64>,
    last_size: Option<egui::Vec2>,
}

impl MapView {
    /// Prepares the base layers once.
    pub fn new(geo: &GeoData) -> Self {
        let kgz_tjk_km = geo
            .borders
            .iter()
            .find(|b| is_kgz_tjk(&b.countries))
            .map(|b| b.length_km);
        Self {
            layers: Layers::new(geo),
            kgz_tjk_km,
            focus: layers::focus_box(geo),
            last_reveal: None,
            last_size: None,
        }
    }

    /// What preparing the layers produced (triangulations, triangles, vertices).
    pub fn stats(&self) -> &MeshStats {
        &self.layers.stats
    }

    /// A camera fitting the Fergana Valley and the whole Kyrgyz–Tajik border
    /// into the map as last drawn.
    pub fn fit_camera(&self) -> Camera {
        Camera::fit(
            &self.focus,
            self.last_size
                .unwrap_or(crate::view_defaults::DEFAULT_MAP_SIZE),
            24.0,
        )
    }

    /// Draws the map and returns what the user did.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        data: &Data,
        view: &ViewState,
        visible: &Visible,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Map"));
        let first_frame = self.last_size.is_none();
        self.last_size = Some(rect.size());
        let pal = style::palette(ui.visuals().dark_mode);
        let cam = &view.camera;
        let t = cam.transform(rect);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, pal.background);
        self.layers
            .paint(&painter, &t, cam.points_per_km, &pal, &view.layers);

        let mut items: Vec<(usize, bool)> = Vec::new();
        if view.layers.events {
            items.extend(visible.shown.iter().map(|&i| (i, false)));
            if view.time.show_outside {
                items.extend(visible.outside.iter().map(|&i| (i, true)));
            }
        }
        let markers = markers::layout(&data.events, &items, &t);
        if view.layers.halos {
            paint_halos(&painter, data, &markers, cam.points_per_km);
        }
        let mut obstacles: Vec<Rect> = markers.iter().map(|m| marker_rect(m).expand(2.0)).collect();
        if view.layers.valley
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
        if view.layers.places {
            places::paint(
                &painter,
                &data.geo.places,
                &t,
                cam.points_per_km,
                &pal,
                &obstacles,
            );
        }
        paint_links(&painter, data, view, &markers, &pal);
        for m in &markers {
            let Some(event) = data.events.get(m.index) else {
                continue;
            };
            let selected = view.selection.as_deref() == Some(event.id.as_str());
            markers::paint_marker(&painter, event, m, selected, pal.ink, pal.selection);
            let label = markers::marker_label(event);
            let resp = ui.interact(
                marker_rect(m),
                egui::Id::unique(("map_marker", &event.id)),
                Sense::click(),
            );
            resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone()));
            if resp.clicked() {
                actions.push(Action::Select(Some(event.id.clone())));
            }
            resp.on_hover_ui(|ui| {
                ui.strong(&event.title);
                if let Some(date) = &event.date_text {
                    ui.label(date);
                }
                if let Some(place) = &event.place {
                    ui.label(place);
                }
            });
        }
        overlay::show(ui, rect, cam, &pal);
        legend::show(ui, rect, &data.geo, self.kgz_tjk_km, &pal);

        if let Some(new) = input::camera_after_input(ui, &response, rect, cam) {
            actions.push(Action::SetCamera(new));
        }
        if first_frame && *cam == crate::view_defaults::fit_camera(&data.geo) {
            actions.push(Action::SetCamera(self.fit_camera()));
        }
        if let Some(reveal) = &view.reveal
            && self.last_reveal != Some(reveal.serial)
        {
            self.last_reveal = Some(reveal.serial);
            let target = data.events.iter().find(|e| e.id == reveal.event_id);
            if let Some([lon, lat]) = target.and_then(markers::event_lonlat) {
                actions.push(Action::SetCamera(Camera {
                    center_lon: lon,
                    center_lat: lat,
                    ..*cam
                }));
            }
        }
        actions
    }
}

/// The clickable area of a marker.
fn marker_rect(m: &Marker) -> Rect {
    Rect::from_center_size(m.pos, vec2(2.0 * m.radius + 6.0, 2.0 * m.radius + 6.0))
}

/// Uncertainty halos, one per distinct spot and radius.
fn paint_halos(p: &egui::Painter, data: &Data, markers: &[Marker], ppk: f64) {
    let mut done: Vec<(egui::Pos2, u64)> = Vec::new();
    for m in markers {
        let Some(event) = data.events.get(m.index) else {
            continue;
        };
        let Some(km) = event.uncertainty_km.filter(|k| *k > 0.0) else {
            continue;
        };
        let key = (m.anchor, km.to_bits());
        if done
            .iter()
            .any(|d| d.0.distance(key.0) < 1.0 && d.1 == key.1)
        {
            continue;
        }
        done.push(key);
        let sides: Vec<_> = markers
            .iter()
            .filter(|o| o.anchor.distance(m.anchor) < 1.0)
            .filter_map(|o| data.events.get(o.index).map(|e| e.side))
            .collect();
        let color = if sides.windows(2).all(|w| w[0] == w[1]) {
            side_color(event.side)
        } else {
            side_color(None)
        };
        let alpha = if m.faint { 0.4 } else { 1.0 };
        let r = (km * ppk) as f32;
        p.circle(
            m.anchor,
            r,
            color.gamma_multiply(0.12 * alpha),
            Stroke::new(1.0, color.gamma_multiply(0.6 * alpha)),
        );
    }
}

/// Dashed arcs from a selected statement to the incidents it speaks about.
fn paint_links(
    p: &egui::Painter,
    data: &Data,
    view: &ViewState,
    markers: &[Marker],
    pal: &Palette,
) {
    let Some(sel) = view.selection.as_deref() else {
        return;
    };
    let Some(statement) = data
        .events
        .iter()
        .find(|e| e.id == sel && e.kind == EventKind::Statement)
    else {
        return;
    };
    let pos_of = |id: &str| -> Option<egui::Pos2> {
        let i = data.events.iter().position(|e| e.id == id)?;
        match markers.iter().find(|m| m.index == i) {
            Some(m) => Some(m.pos),
            None => {
                let [lon, lat] = markers::event_lonlat(&data.events[i])?;
                Some(
                    view.camera
                        .transform(p.clip_rect())
                        .apply(project(lon, lat)),
                )
            }
        }
    };
    let Some(from) = pos_of(&statement.id) else {
        return;
    };
    let color = side_color(statement.side);
    for target in &statement.refers_to {
        if let Some(to) = pos_of(target) {
            markers::paint_link(
                p,
                from,
                to,
                if pal.dark {
                    color
                } else {
                    color.gamma_multiply(0.9)
                },
            );
        }
    }
}

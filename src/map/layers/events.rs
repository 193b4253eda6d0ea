//! The events on the map: markers and clusters with their accessible
//! labels, tooltips and clicks, and a selected statement's links. Which
//! events are laid out where is decided before any layer is drawn
//! (`MapView::show`), so that place labels can keep clear of them.

use egui::{Rect, Sense, Stroke, Ui};

use crate::data::Data;
use crate::data::event::EventKind;
use crate::data::geodata::overlay::Overlay;
use crate::data::vocabulary::{Symbol, Vocabulary};
use crate::map::layer::{LayerFrame, MapLayer, Toggle};
use crate::map::layers::marker_layout::{Hit, Layout, cluster_rect, marker_rect};
use crate::map::layers::markers;
use crate::map::legend::swatch;
use crate::model::action::Action;
use crate::model::camera::{Camera, KmBox, MAX_POINTS_PER_KM, Projection};
use crate::model::view::layer_ids;
use crate::ui_kit::palette::{Palette, rgb, side_colour};
use crate::ui_kit::symbols;

/// The incidents, statements and (when switched on) background rows.
pub struct EventsLayer;

impl MapLayer for EventsLayer {
    fn toggles(&self, _data: &Data, _overlays: &[Overlay]) -> Vec<Toggle> {
        vec![
            Toggle::new(layer_ids::EVENTS, "Incidents and statements"),
            Toggle::new(layer_ids::CONTEXT, "Background (context) events"),
        ]
    }

    fn paint(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        frame: &LayerFrame<'_>,
        _obstacles: &mut Vec<Rect>,
    ) -> Vec<Action> {
        paint_links(ui, painter, frame);
        show(ui, painter, frame)
    }

    fn hit(&self, pos: egui::Pos2, frame: &LayerFrame<'_>) -> Option<Action> {
        on_hit(frame.layout.hit(pos)?, frame)
    }

    fn legend(&self, ui: &mut Ui, frame: &LayerFrame<'_>) {
        legend(ui, &frame.data.vocabulary, frame.palette);
    }
}

/// Screen areas taken by markers and clusters, which place labels avoid.
pub fn obstacles(layout: &Layout) -> Vec<Rect> {
    let markers = layout.markers.iter().map(|m| marker_rect(m).expand(2.0));
    let clusters = layout.clusters.iter().map(|c| cluster_rect(c).expand(2.0));
    markers.chain(clusters).collect()
}

/// Radius of the ring around an incident the selected statement refers to.
const REFERRED_RING: f32 = 17.0;

/// Paints the markers and clusters and gives each an accessible widget
/// with a tooltip. Pointer clicks are resolved by [`clicked`]; a screen
/// reader's click on a marker or cluster is handled here.
fn show(ui: &egui::Ui, painter: &egui::Painter, frame: &LayerFrame<'_>) -> Vec<Action> {
    let LayerFrame {
        data,
        view,
        layout,
        palette: pal,
        ..
    } = *frame;
    let mut actions = Vec::new();
    for (k, c) in layout.clusters.iter().enumerate() {
        markers::paint_cluster(painter, c, pal.ink, side_colour(&data.vocabulary, None));
        let id = egui::Id::unique(("map_cluster", c.members.first()));
        let resp = accessible(ui, cluster_rect(c), id, || markers::cluster_label(c));
        if resp.1 {
            actions.extend(on_hit(Hit::Cluster(k), frame));
        }
        resp.0.on_hover_ui(|ui| {
            ui.strong(format!("{} events", c.members.len()));
            for &i in c.members.iter().take(5) {
                if let Some(e) = data.events.get(i) {
                    ui.label(&e.title);
                }
            }
            let more = c.members.len().saturating_sub(5);
            if c.one_spot {
                ui.weak(format!(
                    "and {more} more, all at one place: click to select the earliest"
                ));
            } else if more > 0 {
                ui.weak(format!("and {more} more; click to zoom in"));
            }
        });
    }
    for m in &layout.markers {
        let Some(event) = data.events.get(m.index) else {
            continue;
        };
        let selected = view.selection.as_deref() == Some(event.id.as_str());
        markers::paint_marker(
            painter,
            event,
            &data.vocabulary,
            m,
            selected,
            pal.ink,
            pal.selection,
        );
        let id = egui::Id::unique(("map_marker", &event.id));
        let resp = accessible(ui, marker_rect(m), id, || markers::marker_label(event));
        if resp.1 {
            actions.extend(on_hit(Hit::Marker(m.index), frame));
        }
        resp.0.on_hover_ui(|ui| {
            ui.strong(&event.title);
            ui.label(crate::ui_kit::format::when(event));
            if let Some(place) = &event.place {
                ui.label(place);
            }
        });
    }
    actions
}

/// A hover widget for a symbol, announced as a clickable button; returns it
/// and whether a screen reader asked to click it.
fn accessible(
    ui: &egui::Ui,
    rect: Rect,
    id: egui::Id,
    label: impl Fn() -> String,
) -> (egui::Response, bool) {
    let resp = ui.interact(rect, id, Sense::hover());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label()));
    ui.ctx()
        .accesskit_node_builder(id, |node| node.add_action(egui::accesskit::Action::Click));
    let clicked = ui.input(|i| i.has_accesskit_action_request(id, egui::accesskit::Action::Click));
    (resp, clicked)
}

/// What a click on a marker or a cluster does: select the marker's event,
/// or zoom into the cluster.
fn on_hit(hit: Hit, frame: &LayerFrame<'_>) -> Option<Action> {
    let LayerFrame {
        data, view, layout, ..
    } = *frame;
    let map_size = frame.rect.size();
    match hit {
        Hit::Marker(i) => Some(Action::Select(Some(data.events.get(i)?.id.clone()))),
        Hit::Cluster(k) => {
            let c = layout.clusters.get(k)?;
            if c.one_spot {
                // Zooming in would never split them: select the earliest,
                // which the list and the timeline then show among the rest.
                let first = c
                    .members
                    .iter()
                    .filter_map(|&i| data.events.get(i))
                    .min_by_key(|e| e.start.first_second())?;
                return Some(Action::Select(Some(first.id.clone())));
            }
            let proj = frame.transform.projection();
            Some(Action::SetCamera(zoom_to(
                proj,
                &c.extent,
                &view.camera,
                map_size,
            )))
        }
    }
}

/// A camera showing all of a cluster's events, at least twice as close.
fn zoom_to(proj: &Projection, extent: &KmBox, cam: &Camera, map_size: egui::Vec2) -> Camera {
    let fit = Camera::fit(proj, extent, map_size, crate::map::FIT_MARGIN);
    Camera {
        points_per_km: fit
            .points_per_km
            .max(cam.points_per_km * 2.0)
            .min(MAX_POINTS_PER_KM),
        ..fit
    }
}

/// The events the map singles out: the selected one and the one whose
/// marker is under the pointer.
pub fn focus(ui: &egui::Ui, frame: &LayerFrame<'_>) -> Vec<usize> {
    let selected = frame
        .view
        .selection
        .as_deref()
        .and_then(|id| frame.data.events.iter().position(|e| e.id == id));
    let hovered = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| frame.rect.contains(*p))
        .and_then(|p| frame.layout.hit(p))
        .and_then(|hit| match hit {
            Hit::Marker(i) => Some(i),
            Hit::Cluster(_) => None,
        });
    let mut focus: Vec<usize> = selected.into_iter().collect();
    focus.extend(hovered.filter(|h| Some(*h) != selected));
    focus
}

/// Dashed arcs from the selected or hovered statement to the incidents it
/// speaks about, and a ring around each of those incidents (the only mark
/// when the statement has no place of its own). Other statements' links
/// are not drawn: all at once they would cross the map as noise.
fn paint_links(ui: &egui::Ui, p: &egui::Painter, frame: &LayerFrame<'_>) {
    let LayerFrame {
        data,
        layout,
        positions,
        palette: pal,
        transform: t,
        ..
    } = *frame;
    let pos_of = |i: usize| -> Option<egui::Pos2> {
        match layout.markers.iter().find(|m| m.index == i) {
            Some(m) => Some(m.pos),
            None => positions.get(i).map(|p| t.apply(p)),
        }
    };
    for index in focus(ui, frame) {
        let Some(statement) = data
            .events
            .get(index)
            .filter(|e| e.kind == EventKind::Statement)
        else {
            continue;
        };
        // A statement made nowhere in particular (on social media, in a
        // video) has no marker: what it refers to is still ringed.
        let from = pos_of(index);
        let color = link_colour(&data.vocabulary, statement.side.as_deref(), pal);
        for target in &statement.refers_to {
            let to = data
                .events
                .iter()
                .position(|e| &e.id == target)
                .and_then(pos_of);
            if let Some(to) = to {
                if let Some(from) = from {
                    markers::paint_link(p, from, to, color);
                }
                p.circle_stroke(to, REFERRED_RING, egui::Stroke::new(2.0, pal.selection));
            }
        }
    }
}

/// The colour of a statement's links: its side's, a little darker on a
/// light map.
fn link_colour(vocabulary: &Vocabulary, side: Option<&str>, pal: &Palette) -> egui::Color32 {
    let color = side_colour(vocabulary, side);
    if pal.dark {
        color
    } else {
        color.gamma_multiply(0.9)
    }
}

/// The events part of the legend: one row per symbol in use, one per side.
fn legend(ui: &mut Ui, vocabulary: &Vocabulary, pal: &Palette) {
    ui.strong("Events");
    let grey = rgb(crate::data::vocabulary::NEUTRAL);
    for symbol in Symbol::ALL {
        let names: Vec<&str> = vocabulary
            .categories
            .iter()
            .filter(|t| t.symbol == symbol && symbol != Symbol::Bubble)
            .map(|t| t.label.as_str())
            .collect();
        let text = match symbol {
            Symbol::Bubble => "Statement".to_owned(),
            Symbol::Ring if names.is_empty() => "Background (context)".to_owned(),
            _ if names.is_empty() => continue,
            _ => names.join(", "),
        };
        swatch(ui, &text, |p, r| {
            symbols::paint(p, symbol, r.center(), 6.0, grey, Stroke::new(1.0, pal.ink))
        });
    }
    for side in &vocabulary.sides {
        swatch(ui, &side.label, |p, r| {
            let c = r.center();
            symbols::paint(
                p,
                Symbol::Circle,
                c,
                6.0,
                rgb(side.colour),
                Stroke::new(1.0, pal.ink),
            );
        });
    }
    let link = link_colour(vocabulary, None, pal);
    swatch(
        ui,
        "Dashed arc: an incident the selected or hovered statement speaks about",
        |p, r| markers::paint_link(p, r.left_center(), r.right_center(), link),
    );
    ui.label("Bigger symbol: more people killed.");
}

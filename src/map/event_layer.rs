//! The events on the map: uncertainty halos, markers and clusters with their
//! accessible labels, tooltips and clicks, and a selected statement's links.

use std::collections::HashMap;

use egui::{Rect, Sense, Stroke};

use super::marker_layout::{Hit, Layout, Marker, cluster_rect, marker_rect};
use super::markers;
use crate::action::Action;
use crate::data::Data;
use crate::data::event::EventKind;
use crate::model::camera::{Camera, KmBox, MAX_POINTS_PER_KM, ScreenTransform};
use crate::ui_kit::palette::{Palette, side_colour};
use crate::view::ViewState;

/// Screen areas taken by markers and clusters, which place labels avoid.
pub fn obstacles(layout: &Layout) -> Vec<Rect> {
    let markers = layout.markers.iter().map(|m| marker_rect(m).expand(2.0));
    let clusters = layout.clusters.iter().map(|c| cluster_rect(c).expand(2.0));
    markers.chain(clusters).collect()
}

/// Radius of the ring around an incident the selected statement refers to.
const REFERRED_RING: f32 = 17.0;

/// Uncertainty halos drawn to scale, one per distinct spot and radius; a spot
/// whose events come from different sides gets the neutral colour.
pub fn paint_halos(p: &egui::Painter, data: &Data, layout: &Layout, ppk: f64) {
    let spot = |m: &Marker| (m.anchor.x.round() as i32, m.anchor.y.round() as i32);
    let mut sides: HashMap<(i32, i32), Option<&str>> = HashMap::new();
    let mut mixed: HashMap<(i32, i32), bool> = HashMap::new();
    for m in &layout.markers {
        let Some(event) = data.events.get(m.index) else {
            continue;
        };
        let side = event.side.as_deref();
        let first = *sides.entry(spot(m)).or_insert(side);
        *mixed.entry(spot(m)).or_default() |= first != side;
    }
    let mut done: HashMap<((i32, i32), u64), ()> = HashMap::new();
    for m in &layout.markers {
        let Some(event) = data.events.get(m.index) else {
            continue;
        };
        let Some(km) = event.uncertainty_km.filter(|k| *k > 0.0) else {
            continue;
        };
        if done.insert((spot(m), km.to_bits()), ()).is_some() {
            continue;
        }
        let color = if mixed.get(&spot(m)).copied().unwrap_or(false) {
            side_colour(&data.vocabulary, None)
        } else {
            side_colour(&data.vocabulary, event.side.as_deref())
        };
        let alpha = if m.faint { 0.4 } else { 1.0 };
        p.circle(
            m.anchor,
            (km * ppk) as f32,
            color.gamma_multiply(0.12 * alpha),
            Stroke::new(1.0, color.gamma_multiply(0.6 * alpha)),
        );
    }
}

/// Paints the markers and clusters and gives each an accessible widget
/// with a tooltip. Pointer clicks are resolved by [`clicked`]; a screen
/// reader's click on a marker or cluster is handled here.
pub fn show(
    ui: &egui::Ui,
    painter: &egui::Painter,
    data: &Data,
    view: &ViewState,
    layout: &Layout,
    pal: &Palette,
    map_size: egui::Vec2,
) -> Vec<Action> {
    let mut actions = Vec::new();
    for (k, c) in layout.clusters.iter().enumerate() {
        markers::paint_cluster(painter, c, pal.ink, side_colour(&data.vocabulary, None));
        let id = egui::Id::unique(("map_cluster", c.members.first()));
        let resp = accessible(ui, cluster_rect(c), id, || markers::cluster_label(c));
        if resp.1 {
            actions.extend(on_hit(Hit::Cluster(k), data, view, layout, map_size));
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
            actions.extend(on_hit(Hit::Marker(m.index), data, view, layout, map_size));
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

/// What a click at `pos` on the map does: select the marker there or zoom
/// into the cluster there.
pub fn clicked(
    pos: egui::Pos2,
    data: &Data,
    view: &ViewState,
    layout: &Layout,
    map_size: egui::Vec2,
) -> Option<Action> {
    on_hit(layout.hit(pos)?, data, view, layout, map_size)
}

fn on_hit(
    hit: Hit,
    data: &Data,
    view: &ViewState,
    layout: &Layout,
    map_size: egui::Vec2,
) -> Option<Action> {
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
            Some(Action::SetCamera(zoom_to(
                &c.extent,
                &view.camera,
                map_size,
            )))
        }
    }
}

/// A camera showing all of a cluster's events, at least twice as close.
fn zoom_to(extent: &KmBox, cam: &Camera, map_size: egui::Vec2) -> Camera {
    let fit = Camera::fit(extent, map_size, super::FIT_MARGIN);
    Camera {
        points_per_km: fit
            .points_per_km
            .max(cam.points_per_km * 2.0)
            .min(MAX_POINTS_PER_KM),
        ..fit
    }
}

/// Dashed arcs from a selected statement to the incidents it speaks about,
/// and a ring around each of those incidents (the only mark when the
/// statement has no place of its own).
pub fn paint_links(
    p: &egui::Painter,
    data: &Data,
    view: &ViewState,
    layout: &Layout,
    t: &ScreenTransform,
    positions: &super::marker_layout::EventPositions,
    pal: &Palette,
) {
    let Some(sel) = view.selection.as_deref() else {
        return;
    };
    let Some((index, statement)) = data
        .events
        .iter()
        .enumerate()
        .find(|(_, e)| e.id == sel && e.kind == EventKind::Statement)
    else {
        return;
    };
    let pos_of = |i: usize| -> Option<egui::Pos2> {
        match layout.markers.iter().find(|m| m.index == i) {
            Some(m) => Some(m.pos),
            None => positions.get(i).map(|p| t.apply(p)),
        }
    };
    // A statement made nowhere in particular (on social media, in a video)
    // has no marker: what it refers to is still ringed.
    let from = pos_of(index);
    let color = side_colour(&data.vocabulary, statement.side.as_deref());
    let color = if pal.dark {
        color
    } else {
        color.gamma_multiply(0.9)
    };
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

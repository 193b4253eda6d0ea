//! Uncertainty halos: around each marker, a circle to scale with the radius
//! within which the source's place lies: a light outline, filled for the
//! selected or hovered event.

use std::collections::HashMap;

use egui::{Rect, Stroke, Ui};

use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::map::layer::{LayerFrame, MapLayer, Toggle};
use crate::map::layers::marker_layout::{Layout, Marker};
use crate::map::legend::swatch;
use crate::model::action::Action;
use crate::model::view::layer_ids;
use crate::ui_kit::palette::{rgb, side_colour};

/// The halos layer, drawn under the markers.
#[derive(Default)]
pub struct HalosLayer {
    /// When the last frame had too many halos to draw them all: how many
    /// were drawn and how many there were.
    thinned: Option<(usize, usize)>,
}

/// Distinct halos past which they are thinned: a few thousand rings of
/// every size over one another read as a haze, not as places, and cost
/// a software renderer seconds a frame.
pub const MAX_HALOS: usize = 300;

/// What the legend says when the halos were thinned.
pub fn thinned_note(drawn: usize, total: usize) -> String {
    format!(
        "Halos: the {drawn} smallest of {total} drawn, those wider than the map left out; \
         hover or select a marker for its own"
    )
}

impl MapLayer for HalosLayer {
    fn toggles(&self, _data: &Data, _overlays: &[Overlay]) -> Vec<Toggle> {
        vec![Toggle::new(layer_ids::HALOS, "Uncertainty halos")]
    }

    fn paint(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        frame: &LayerFrame<'_>,
        _obstacles: &mut Vec<Rect>,
    ) -> Vec<Action> {
        self.thinned = None;
        if frame.view.layers.shown(layer_ids::HALOS) {
            let ppk = frame.view.camera.points_per_km;
            let focus = crate::map::layers::events::focus(ui, frame);
            self.thinned = paint_halos(painter, frame.data, frame.layout, ppk, &focus);
        }
        Vec::new()
    }

    fn legend(&self, ui: &mut Ui, frame: &LayerFrame<'_>) {
        if !frame.view.layers.shown(layer_ids::HALOS) {
            return;
        }
        let grey = rgb(crate::data::vocabulary::NEUTRAL);
        swatch(
            ui,
            "Halo: how far off the place may be (to scale); filled for the \
             selected or hovered event",
            |p, r| {
                p.circle_stroke(
                    r.center() - egui::vec2(4.0, 0.0),
                    6.0,
                    Stroke::new(1.0, grey),
                );
                p.circle(
                    r.center() + egui::vec2(4.0, 0.0),
                    6.0,
                    grey.gamma_multiply(0.3),
                    Stroke::new(1.5, grey),
                );
            },
        );
        if let Some((drawn, total)) = self.thinned {
            ui.label(egui::RichText::new(thinned_note(drawn, total)).small());
        }
    }
}

/// One halo to draw: where, how wide, in what colour, and whether faint
/// (its event outside the window).
struct Halo {
    at: egui::Pos2,
    radius: f32,
    color: egui::Color32,
    faint: bool,
}

/// Uncertainty halos drawn to scale, one per distinct spot and radius; a spot
/// whose events come from different sides gets the neutral colour. They are
/// light outlines, so that wide ones do not cover the map, but for the
/// events in `focus` (selected, hovered), whose halos are filled. Past
/// [`MAX_HALOS`], only outlines are drawn, of the smallest halos no wider
/// than the map: returns how many were drawn of how many, then.
fn paint_halos(
    p: &egui::Painter,
    data: &Data,
    layout: &Layout,
    ppk: f64,
    focus: &[usize],
) -> Option<(usize, usize)> {
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
    let mut halos = Vec::new();
    let mut focused = Vec::new();
    for m in &layout.markers {
        let Some(event) = data.events.get(m.index) else {
            continue;
        };
        let Some(km) = event.uncertainty_km.filter(|k| *k > 0.0) else {
            continue;
        };
        let color = if mixed.get(&spot(m)).copied().unwrap_or(false) {
            side_colour(&data.vocabulary, None)
        } else {
            side_colour(&data.vocabulary, event.side.as_deref())
        };
        let radius = (km * ppk) as f32;
        if focus.contains(&m.index) {
            let own = side_colour(&data.vocabulary, event.side.as_deref());
            focused.push((m.anchor, radius, own));
        }
        if done.insert((spot(m), km.to_bits()), ()).is_none() {
            halos.push(Halo {
                at: m.anchor,
                radius,
                color,
                faint: m.faint,
            });
        }
    }
    let total = halos.len();
    let thinned = total > MAX_HALOS;
    if thinned {
        let widest = p.clip_rect().size().length() / 2.0;
        halos.retain(|h| h.radius <= widest);
        halos.sort_by(|a, b| a.radius.total_cmp(&b.radius));
        halos.truncate(MAX_HALOS);
    }
    for h in &halos {
        let alpha = if h.faint { 0.4 } else { 1.0 };
        let fill = if thinned {
            egui::Color32::TRANSPARENT
        } else {
            h.color.gamma_multiply(0.02 * alpha)
        };
        p.circle(
            h.at,
            h.radius,
            fill,
            Stroke::new(1.0, h.color.gamma_multiply(0.45 * alpha)),
        );
    }
    for (at, radius, color) in focused {
        p.circle(
            at,
            radius,
            color.gamma_multiply(0.14),
            Stroke::new(1.5, color.gamma_multiply(0.8)),
        );
    }
    thinned.then_some((halos.len(), total))
}

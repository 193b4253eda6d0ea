//! Incident and statement markers: symbol by category, colour by side,
//! size by toll; clusters drawn with their count.

use egui::{Color32, Pos2, Shape, Stroke, vec2};

use crate::data::event::Event;
use crate::data::vocabulary::Vocabulary;
use crate::map::layers::marker_layout::{Cluster, Marker, cluster_radius};
use crate::ui_kit::palette::side_colour;
use crate::ui_kit::{format, symbols};

/// The accessible label of an event's marker: kind, title and dates (the
/// article's own time words are often no date: "insists", "now").
pub fn marker_label(event: &Event) -> String {
    let kind = format::kind(event.kind);
    let dates = format::date_range(&event.start, &event.end);
    format!("{kind}: {}, {dates}", event.title)
}

/// Paints one laid-out marker, highlighted when selected.
pub fn paint_marker(
    p: &egui::Painter,
    event: &Event,
    vocabulary: &Vocabulary,
    m: &Marker,
    selected: bool,
    ink: Color32,
    highlight: Color32,
) {
    let alpha = if m.faint { 0.3 } else { 1.0 };
    if m.pos != m.anchor {
        p.line_segment(
            [m.anchor, m.pos],
            Stroke::new(1.0, ink.gamma_multiply(0.7 * alpha)),
        );
        p.circle_filled(m.anchor, 2.5, ink.gamma_multiply(alpha));
    }
    if selected {
        p.circle_stroke(m.pos, m.radius + 5.0, Stroke::new(3.0, highlight));
    }
    let fill = side_colour(vocabulary, event.side.as_deref()).gamma_multiply(alpha);
    symbols::paint(
        p,
        symbols::symbol_for(event, vocabulary),
        m.pos,
        m.radius,
        fill,
        Stroke::new(1.2, ink.gamma_multiply(alpha)),
    );
}

/// Paints a statement's links to the incidents it speaks about, as dashed arcs.
pub fn paint_link(p: &egui::Painter, from: Pos2, to: Pos2, color: Color32) {
    let d = to - from;
    let bend = vec2(-d.y, d.x) * 0.18;
    let ctrl = from + d * 0.5 + bend;
    let pts: Vec<Pos2> = (0..=32)
        .map(|i| {
            let s = i as f32 / 32.0;
            let a = from.lerp(ctrl, s);
            let b = ctrl.lerp(to, s);
            a.lerp(b, s)
        })
        .collect();
    p.extend(Shape::dashed_line(&pts, Stroke::new(2.0, color), 8.0, 5.0));
    p.circle_stroke(to, 4.0, Stroke::new(2.0, color));
}

/// The accessible label of a cluster.
pub fn cluster_label(c: &Cluster) -> String {
    if c.one_spot {
        format!(
            "Cluster of {} events at one place; click to select the earliest",
            c.members.len()
        )
    } else {
        format!("Cluster of {} events; click to zoom in", c.members.len())
    }
}

/// Paints a cluster: a circle with the number of its events.
pub fn paint_cluster(p: &egui::Painter, c: &Cluster, ink: Color32, fill: Color32) {
    let alpha = if c.faint { 0.35 } else { 1.0 };
    let r = cluster_radius(c);
    p.circle(
        c.pos,
        r + 3.0,
        fill.gamma_multiply(0.35 * alpha),
        Stroke::NONE,
    );
    p.circle(
        c.pos,
        r,
        fill.gamma_multiply(0.9 * alpha),
        Stroke::new(1.2, ink.gamma_multiply(alpha)),
    );
    p.text(
        c.pos,
        egui::Align2::CENTER_CENTER,
        c.members.len().to_string(),
        egui::FontId::proportional(if c.members.len() >= 1000 { 10.0 } else { 12.0 }),
        Color32::WHITE.gamma_multiply(alpha),
    );
}

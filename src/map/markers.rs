//! Incident and statement markers: shape by category, colour by side, size
//! by toll; clusters drawn with their count.

use egui::{Color32, Pos2, Shape, Stroke, pos2, vec2};
use geo::Centroid;

use super::marker_layout::{Cluster, Marker, cluster_radius};
use super::style::side_color;
use crate::data::event::{Event, EventKind};

/// The symbol a marker is drawn with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerShape {
    /// Armed clashes and incursions.
    Diamond,
    /// Shelling and attacks.
    Triangle,
    /// Evacuation, displacement and return of people.
    Circle,
    /// Ceasefires, diplomacy and legal acts.
    Square,
    /// Context and history.
    Ring,
    /// Statements (a speech bubble).
    Bubble,
}

/// Each shape with what it stands for, in legend order.
pub const SHAPES: &[(MarkerShape, &str)] = &[
    (MarkerShape::Diamond, "Armed clash, incursion"),
    (MarkerShape::Triangle, "Shelling"),
    (MarkerShape::Circle, "Evacuation, displacement, return"),
    (MarkerShape::Square, "Ceasefire, diplomacy, legal"),
    (MarkerShape::Ring, "Context, history"),
    (MarkerShape::Bubble, "Statement"),
];

/// How far past its radius the widest shape (a diamond or a triangle)
/// reaches, as a factor of the radius.
pub const SHAPE_REACH: f32 = 1.2;

/// The shape an event is drawn with.
pub fn shape_for(event: &Event) -> MarkerShape {
    if event.kind == EventKind::Statement {
        return MarkerShape::Bubble;
    }
    match event.category.as_deref() {
        Some("armed_clash" | "incursion") => MarkerShape::Diamond,
        Some("shelling") => MarkerShape::Triangle,
        Some("evacuation" | "displacement" | "return") => MarkerShape::Circle,
        Some("ceasefire" | "diplomacy" | "legal") => MarkerShape::Square,
        _ => MarkerShape::Ring,
    }
}

/// The accessible label of an event's marker: kind, title and dates (the
/// article's own time words are often no date: "insists", "now").
pub fn marker_label(event: &Event) -> String {
    let kind = match event.kind {
        EventKind::Incident => "Incident",
        EventKind::Statement => "Statement",
    };
    let dates = crate::panels::format::date_range(&event.start, &event.end);
    format!("{kind}: {}, {dates}", event.title)
}

/// Marker radius in points: larger for a larger death toll.
pub fn radius_for(event: &Event) -> f32 {
    let killed = event
        .figures
        .killed
        .as_ref()
        .and_then(|f| f.high.or(f.low))
        .unwrap_or(0.0);
    (6.5 + 1.6 * (1.0 + killed.max(0.0)).ln() as f32).min(15.0)
}

/// Longitude and latitude of an event's geometry, if it has one.
pub fn event_lonlat(event: &Event) -> Option<[f64; 2]> {
    let c = event.geometry.as_ref()?.centroid()?;
    Some([c.x(), c.y()])
}

/// Paints a marker symbol.
pub fn paint_shape(
    p: &egui::Painter,
    shape: MarkerShape,
    c: Pos2,
    r: f32,
    fill: Color32,
    stroke: Stroke,
) {
    let poly = |pts: Vec<Pos2>| Shape::convex_polygon(pts, fill, stroke);
    match shape {
        MarkerShape::Diamond => {
            let r = r * SHAPE_REACH;
            p.add(poly(vec![
                pos2(c.x, c.y - r),
                pos2(c.x + r, c.y),
                pos2(c.x, c.y + r),
                pos2(c.x - r, c.y),
            ]));
        }
        MarkerShape::Triangle => {
            let r = r * SHAPE_REACH;
            p.add(poly(vec![
                pos2(c.x, c.y - r),
                pos2(c.x + 0.87 * r, c.y + 0.5 * r),
                pos2(c.x - 0.87 * r, c.y + 0.5 * r),
            ]));
        }
        MarkerShape::Circle => {
            p.circle(c, r, fill, stroke);
        }
        MarkerShape::Square => {
            let s = r * 0.85;
            p.add(poly(vec![
                pos2(c.x - s, c.y - s),
                pos2(c.x + s, c.y - s),
                pos2(c.x + s, c.y + s),
                pos2(c.x - s, c.y + s),
            ]));
        }
        MarkerShape::Ring => {
            p.circle(c, r, stroke.color, Stroke::NONE);
            p.circle_filled(c, r * 0.55, fill);
        }
        MarkerShape::Bubble => {
            let s = r * 0.9;
            p.add(poly(vec![
                pos2(c.x - s * 0.2, c.y + s * 0.7),
                pos2(c.x + s * 0.4, c.y + s * 0.7),
                pos2(c.x - s * 0.5, c.y + s * 1.4),
            ]));
            p.rect(
                egui::Rect::from_center_size(c, vec2(2.2 * s, 1.5 * s)),
                3.0,
                fill,
                stroke,
                egui::StrokeKind::Middle,
            );
        }
    }
}

/// Paints one laid-out marker, highlighted when selected.
pub fn paint_marker(
    p: &egui::Painter,
    event: &Event,
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
    let fill = side_color(event.side).gamma_multiply(alpha);
    paint_shape(
        p,
        shape_for(event),
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

//! Incident and statement markers: shape by category, colour by side, size
//! by toll, spread in a ring when several share a spot.

use egui::{Color32, Pos2, Shape, Stroke, pos2, vec2};
use geo::Centroid;

use super::camera::{ScreenTransform, project};
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

/// The accessible label of an event's marker.
pub fn marker_label(event: &Event) -> String {
    let kind = match event.kind {
        EventKind::Incident => "Incident",
        EventKind::Statement => "Statement",
    };
    match &event.date_text {
        Some(date) => format!("{kind}: {}, {date}", event.title),
        None => format!("{kind}: {}", event.title),
    }
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

/// A marker laid out on the screen.
#[derive(Clone, Debug)]
pub struct Marker {
    /// Index of the event in `Data::events`.
    pub index: usize,
    /// The event's true position on the screen.
    pub anchor: Pos2,
    /// Where the marker is drawn (moved onto a ring when the spot is shared).
    pub pos: Pos2,
    /// Radius in points.
    pub radius: f32,
    /// Whether it lies outside the time window (drawn faint).
    pub faint: bool,
}

/// Markers whose true positions are closer than this share a ring.
const GROUP_DISTANCE: f32 = 14.0;

/// Lays out the markers of the given events (index, faint) on the screen.
pub fn layout(events: &[Event], items: &[(usize, bool)], t: &ScreenTransform) -> Vec<Marker> {
    let mut markers: Vec<Marker> = items
        .iter()
        .filter_map(|&(index, faint)| {
            let event = events.get(index)?;
            let [lon, lat] = event_lonlat(event)?;
            let anchor = t.apply(project(lon, lat));
            Some(Marker {
                index,
                anchor,
                pos: anchor,
                radius: radius_for(event),
                faint,
            })
        })
        .collect();
    let mut groups: Vec<(Pos2, Vec<usize>)> = Vec::new();
    for (i, m) in markers.iter().enumerate() {
        match groups
            .iter_mut()
            .find(|(c, _)| c.distance(m.anchor) < GROUP_DISTANCE)
        {
            Some((_, members)) => members.push(i),
            None => groups.push((m.anchor, vec![i])),
        }
    }
    for (centre, members) in groups.into_iter().filter(|(_, m)| m.len() > 1) {
        let n = members.len() as f32;
        let widest = members
            .iter()
            .map(|&i| markers[i].radius)
            .fold(0.0, f32::max);
        let ring = ((2.0 * widest + 5.0) * n / std::f32::consts::TAU).max(2.0 * widest + 6.0);
        for (k, &i) in members.iter().enumerate() {
            let angle = -std::f32::consts::FRAC_PI_2 + std::f32::consts::TAU * k as f32 / n;
            markers[i].pos = centre + ring * vec2(angle.cos(), angle.sin());
        }
    }
    markers
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
            let r = r * 1.2;
            p.add(poly(vec![
                pos2(c.x, c.y - r),
                pos2(c.x + r, c.y),
                pos2(c.x, c.y + r),
                pos2(c.x - r, c.y),
            ]));
        }
        MarkerShape::Triangle => {
            let r = r * 1.2;
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

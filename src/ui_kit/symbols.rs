//! The map symbols: which one an event is drawn with, and how each is
//! painted (on the map, in the legend and beside list rows).

use egui::{Color32, Pos2, Shape, Stroke, pos2, vec2};

use crate::data::event::{Event, EventKind};
use crate::data::vocabulary::{Symbol, Vocabulary};

/// How far past its radius the widest symbol (a diamond or a triangle)
/// reaches, as a factor of the radius.
pub const SHAPE_REACH: f32 = 1.2;

/// The symbol an event is drawn with: a statement's speech bubble, a
/// context row's ring, else its category's symbol.
pub fn symbol_for(event: &Event, vocabulary: &Vocabulary) -> Symbol {
    match event.kind {
        EventKind::Statement => Symbol::Bubble,
        EventKind::Context => Symbol::Ring,
        EventKind::Incident => vocabulary.category_symbol(event.category.as_deref()),
    }
}

/// Paints a symbol centred on `c` with radius `r`.
pub fn paint(p: &egui::Painter, symbol: Symbol, c: Pos2, r: f32, fill: Color32, stroke: Stroke) {
    let poly = |pts: Vec<Pos2>| Shape::convex_polygon(pts, fill, stroke);
    match symbol {
        Symbol::Diamond => {
            let r = r * SHAPE_REACH;
            p.add(poly(vec![
                pos2(c.x, c.y - r),
                pos2(c.x + r, c.y),
                pos2(c.x, c.y + r),
                pos2(c.x - r, c.y),
            ]));
        }
        Symbol::Triangle => {
            let r = r * SHAPE_REACH;
            p.add(poly(vec![
                pos2(c.x, c.y - r),
                pos2(c.x + 0.87 * r, c.y + 0.5 * r),
                pos2(c.x - 0.87 * r, c.y + 0.5 * r),
            ]));
        }
        Symbol::Circle => {
            p.circle(c, r, fill, stroke);
        }
        Symbol::Square => {
            let s = r * 0.85;
            p.add(poly(vec![
                pos2(c.x - s, c.y - s),
                pos2(c.x + s, c.y - s),
                pos2(c.x + s, c.y + s),
                pos2(c.x - s, c.y + s),
            ]));
        }
        Symbol::Ring => {
            p.circle(c, r, stroke.color, Stroke::NONE);
            p.circle_filled(c, r * 0.55, fill);
        }
        Symbol::Bubble => {
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

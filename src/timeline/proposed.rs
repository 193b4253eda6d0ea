//! The proposals of the article under review that are not yet reviewed,
//! on the timeline: a band above the rows, named "Proposed", with a
//! hollow, dashed bar from each proposal's start to its end (thicker for
//! the one selected in the review panel), packed into a few lanes. A
//! click on a bar selects its proposal in the review panel.

use egui::{Id, Pos2, Rect, Sense, Shape, Stroke, pos2, vec2};

use super::axis::Axis;
use crate::coding::Command;
use crate::extract::Proposal;
use crate::model::action::Action;
use crate::panels::panel::Proposed;

/// The band's name.
const BAND_NAME: &str = "Proposed (not yet reviewed)";
/// Height of the band's name.
const HEADER: f32 = 13.0;
/// Height of one lane of proposed bars.
const LANE: f32 = 10.0;
/// Room below the last lane.
const PAD: f32 = 4.0;
/// Most lanes the band has; further proposals overlap in the last one.
const MAX_LANES: usize = 3;
/// Narrowest proposed bar, in points.
const MIN_WIDTH: f32 = 8.0;

/// The accessible label of a proposal's bar.
pub fn proposed_bar_label(proposal: &Proposal) -> String {
    let event = &proposal.event;
    let dates = crate::ui_kit::format::date_range(&event.start, &event.end);
    format!("Proposed bar: {}, {dates}", event.title)
}

/// The pending proposals' bars on screen, each with its lane.
fn placed<'a>(
    axis: &Axis,
    x: (f32, f32),
    proposed: &Proposed<'a>,
) -> Vec<(&'a Proposal, f32, f32, usize)> {
    let mut ends: Vec<f32> = Vec::new();
    let mut bars = Vec::new();
    let mut pending: Vec<&Proposal> = proposed.pending().collect();
    pending.sort_by_key(|p| p.event.start.first_second());
    for p in pending {
        let mut a = axis.x(p.event.start.first_second() as f64, x.0, x.1);
        let mut b = axis.x(p.event.end.end_exclusive() as f64, x.0, x.1);
        if b - a < MIN_WIDTH {
            let mid = (a + b) / 2.0;
            (a, b) = (mid - MIN_WIDTH / 2.0, mid + MIN_WIDTH / 2.0);
        }
        let lane = match ends.iter().position(|&end| end + 2.0 <= a) {
            Some(lane) => lane,
            None if ends.len() < MAX_LANES => {
                ends.push(f32::NEG_INFINITY);
                ends.len() - 1
            }
            None => MAX_LANES - 1,
        };
        ends[lane] = ends[lane].max(b);
        bars.push((p, a, b, lane));
    }
    bars
}

/// Splits the proposals' band off the top of the bars' area `rect` when
/// there are proposals to draw: (band, the rest).
pub fn split(rect: Rect, axis: &Axis, proposed: &Proposed<'_>) -> (Option<Rect>, Rect) {
    let bars = placed(axis, (rect.left(), rect.right()), proposed);
    let Some(lanes) = bars.iter().map(|b| b.3 + 1).max() else {
        return (None, rect);
    };
    let height = (HEADER + lanes as f32 * LANE + PAD).min(rect.height() / 2.0);
    let band = Rect::from_min_size(rect.min, vec2(rect.width(), height));
    let rest = Rect::from_min_max(pos2(rect.left(), band.bottom()), rect.max);
    (Some(band), rest)
}

/// Draws the proposals' band in `band`; returns the selection a click
/// asked for.
pub fn show(ui: &egui::Ui, band: Rect, axis: &Axis, proposed: &Proposed<'_>) -> Vec<Action> {
    let painter = ui.painter_at(band);
    let visuals = ui.visuals();
    let ink = visuals.text_color();
    painter.rect_filled(band, 0.0, visuals.faint_bg_color.gamma_multiply(0.6));
    let name = painter.text(
        pos2(band.left() + 4.0, band.top()),
        egui::Align2::LEFT_TOP,
        BAND_NAME,
        egui::FontId::proportional(10.5),
        ink.gamma_multiply(0.6),
    );
    let header = ui.interact(name, Id::unique("timeline-proposed-band"), Sense::hover());
    header.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, BAND_NAME));
    let mut actions = Vec::new();
    for (proposal, a, b, lane) in placed(axis, (band.left(), band.right()), proposed) {
        let top = band.top() + HEADER + lane as f32 * LANE;
        let bar = Rect::from_x_y_ranges(a..=b, top + 1.0..=top + LANE - 1.0);
        let width = if proposed.is_selected(proposal) {
            2.5
        } else {
            1.2
        };
        painter.extend(dashed_outline(bar, Stroke::new(width, ink)));
        let hit = Rect::from_x_y_ranges(a..=b, top..=top + LANE).intersect(band);
        let response = ui.interact(
            hit,
            Id::unique(("timeline-proposed", &proposal.event.id)),
            Sense::click(),
        );
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, proposed_bar_label(proposal))
        });
        let event = &proposal.event;
        let when = crate::ui_kit::format::when(event);
        let response = response.on_hover_text(format!("Proposed: {}\n{when}", event.title));
        if response.clicked() {
            actions.push(Action::Coding(Command::Select(Some(event.id.clone()))));
        }
    }
    actions
}

/// A rectangle's outline in dashes.
fn dashed_outline(r: Rect, stroke: Stroke) -> Vec<Shape> {
    let corners: [Pos2; 5] = [
        r.left_top(),
        r.right_top(),
        r.right_bottom(),
        r.left_bottom(),
        r.left_top(),
    ];
    Shape::dashed_line(&corners, stroke, 4.0, 3.0)
}

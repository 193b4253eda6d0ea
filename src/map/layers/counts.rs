//! Counts per cell from a store too large to read whole: a disc per cell
//! of the view's grid, its area growing with its count, the count written
//! on it, announced to screen readers as "Cell of N events"; a click zooms
//! into the cell, where the store then answers with the events themselves.

use egui::{Color32, Rect, Sense, Stroke, Ui};

use crate::data::Data;
use crate::data::counts::{CellCount, CellCounts};
use crate::data::geodata::overlay::Overlay;
use crate::map::layer::{LayerFrame, MapLayer, Toggle};
use crate::map::legend::swatch;
use crate::model::action::Action;
use crate::model::camera::{Camera, MAX_POINTS_PER_KM};
use crate::model::projection::KmBox;
use crate::ui_kit::palette::side_colour;

/// The smallest and the largest disc's radius, in points.
const RADIUS: (f32, f32) = (7.0, 22.0);

/// The store's counts per cell, drawn while the view holds too many events
/// to draw one by one.
pub struct CountsLayer;

impl MapLayer for CountsLayer {
    fn toggles(&self, _data: &Data, _overlays: &[Overlay]) -> Vec<Toggle> {
        Vec::new()
    }

    fn paint(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        frame: &LayerFrame<'_>,
        obstacles: &mut Vec<Rect>,
    ) -> Vec<Action> {
        let Some(counts) = frame.data.counts.as_deref() else {
            return Vec::new();
        };
        let fill = side_colour(&frame.data.vocabulary, None);
        let largest = counts.largest();
        let widest = counts.cells.first().map_or(RADIUS.1, |c| widest(c, frame));
        let mut actions = Vec::new();
        for cell in &counts.cells {
            let [lon, lat] = cell.centre();
            let centre = frame.transform.lonlat(lon, lat);
            let r = radius(cell.count, largest).min(widest);
            let rect = Rect::from_center_size(centre, egui::Vec2::splat(2.0 * r));
            if !frame.rect.intersects(rect) {
                continue;
            }
            paint_disc(painter, centre, r, cell.count, fill, frame.palette.ink);
            obstacles.push(rect.expand(2.0));
            let id = egui::Id::unique(("map_cell", cell.bbox.map(f64::to_bits)));
            let resp = ui.interact(rect, id, Sense::hover());
            resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label(cell)));
            ui.ctx()
                .accesskit_node_builder(id, |n| n.add_action(egui::accesskit::Action::Click));
            if ui.input(|i| i.has_accesskit_action_request(id, egui::accesskit::Action::Click)) {
                actions.push(zoom_into(cell, frame));
            }
            resp.on_hover_ui(|ui| tooltip(ui, cell));
        }
        actions
    }

    fn hit(&self, pos: egui::Pos2, frame: &LayerFrame<'_>) -> Option<Action> {
        let counts = frame.data.counts.as_deref()?;
        let largest = counts.largest();
        let widest = counts.cells.first().map_or(RADIUS.1, |c| widest(c, frame));
        let cell = counts.cells.iter().find(|c| {
            let [lon, lat] = c.centre();
            let r = radius(c.count, largest).min(widest);
            frame.transform.lonlat(lon, lat).distance(pos) <= r
        })?;
        Some(zoom_into(cell, frame))
    }

    fn legend(&self, ui: &mut Ui, frame: &LayerFrame<'_>) {
        if let Some(counts) = frame.data.counts.as_deref() {
            let fill = side_colour(&frame.data.vocabulary, None);
            let text = legend_text(counts);
            swatch(ui, &text, |p, r| {
                paint_disc(p, r.center(), 6.0, 0, fill, frame.palette.ink);
            });
        }
    }
}

/// A disc's radius: its area in proportion to its count, between the
/// smallest and the largest.
fn radius(count: u64, largest: u64) -> f32 {
    let share = (count as f32 / largest.max(1) as f32).sqrt();
    RADIUS.0 + (RADIUS.1 - RADIUS.0) * share
}

/// The largest radius that keeps neighbouring discs apart: under half a
/// cell's width on screen (never under the smallest radius).
fn widest(cell: &CellCount, frame: &LayerFrame<'_>) -> f32 {
    let [w, s, e, _] = cell.bbox;
    let across = frame.transform.lonlat(e, s).x - frame.transform.lonlat(w, s).x;
    (0.45 * across.abs()).max(RADIUS.0)
}

/// A cell's disc with its count (none written when `count` is zero).
fn paint_disc(p: &egui::Painter, at: egui::Pos2, r: f32, count: u64, fill: Color32, ink: Color32) {
    p.circle(at, r, fill.gamma_multiply(0.75), Stroke::new(1.2, ink));
    if count > 0 {
        let text = short_count(count);
        let size = if text.len() > 3 { 10.0 } else { 12.0 };
        p.text(
            at,
            egui::Align2::CENTER_CENTER,
            text,
            egui::FontId::proportional(size),
            Color32::WHITE,
        );
    }
}

/// A count in at most four characters: 950, 9.5k, 95k, 1.2M.
fn short_count(n: u64) -> String {
    match n {
        0..1_000 => n.to_string(),
        1_000..10_000 => format!("{:.1}k", n as f64 / 1e3),
        10_000..1_000_000 => format!("{}k", n / 1_000),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

/// What a screen reader says of a cell.
fn label(cell: &CellCount) -> String {
    let events = if cell.count == 1 { "event" } else { "events" };
    format!("Cell of {} {events}", cell.count)
}

/// The legend's line: what the discs are and how many events they hold.
fn legend_text(counts: &CellCounts) -> String {
    format!(
        "Events per cell, counted by the database: {} in view",
        counts.total
    )
}

/// A cell's count and its categories.
fn tooltip(ui: &mut Ui, cell: &CellCount) {
    ui.strong(label(cell));
    for (category, n) in cell.by_category.iter().take(6) {
        let name = if category.is_empty() {
            "no category"
        } else {
            category
        };
        ui.label(format!("{name}: {n}"));
    }
    ui.weak("Click to zoom in");
}

/// A camera showing all of `cell`, at least twice as close.
fn zoom_into(cell: &CellCount, frame: &LayerFrame<'_>) -> Action {
    let proj = frame.transform.projection();
    let [w, s, e, n] = cell.bbox;
    let mut extent = KmBox::EMPTY;
    for (lon, lat) in [(w, s), (w, n), (e, s), (e, n), ((w + e) / 2.0, n)] {
        extent.add(proj.project(lon, lat));
    }
    let fit = Camera::fit(proj, &extent, frame.rect.size(), crate::map::FIT_MARGIN);
    Action::SetCamera(Camera {
        points_per_km: (fit.points_per_km)
            .max(frame.view.camera.points_per_km * 2.0)
            .min(MAX_POINTS_PER_KM),
        ..fit
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_written_short_and_discs_grow_with_them() {
        assert_eq!(short_count(950), "950");
        assert_eq!(short_count(9_499), "9.5k");
        assert_eq!(short_count(95_123), "95k");
        assert_eq!(short_count(1_234_567), "1.2M");
        assert_eq!(radius(0, 100), RADIUS.0);
        assert_eq!(radius(100, 100), RADIUS.1);
        assert!(radius(25, 100) > RADIUS.0 && radius(25, 100) < RADIUS.1);
    }
}

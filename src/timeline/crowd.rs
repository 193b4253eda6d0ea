//! Rows with too many events in view for one bar each: each such row becomes
//! a strip of narrow columns, each shaded by how many of the row's events go
//! on during it (counted from the [`Density`]), so drawing costs the same
//! for a hundred thousand events as for a few thousand. Hovering a column
//! tells its count and dates; clicking zooms the axis in there. The
//! selected event's span is outlined on its strip.

use std::sync::Arc;

use egui::epaint::Mesh;
use egui::{Id, Painter, Rect, Sense, Stroke, pos2};

use super::axis::Axis;
use super::density::Density;
use crate::data::time::{Seconds, from_seconds};

/// Width of one column, in points.
pub const COLUMN: f32 = 3.0;

/// The accessible label of a crowded row.
pub fn crowd_label(row: &str, events: usize) -> String {
    format!("{row}: {events} events in view, too many to draw one by one; click to zoom in")
}

/// One crowded row: where it is and what it is called.
pub struct CrowdRow<'a> {
    /// The row's index in the density.
    pub row: usize,
    /// Its name.
    pub name: &'a str,
    /// The band its columns fill.
    pub band: Rect,
}

/// The colours of a strip's columns: the histogram's, the accent inside
/// the window and grey outside.
#[derive(Clone, Copy)]
struct Shades {
    inside: egui::Color32,
    outside: egui::Color32,
}

/// Draws crowded rows with `painter`; returns the time to zoom in about, if
/// one was clicked.
pub fn show(
    ui: &egui::Ui,
    painter: &Painter,
    axis: &Axis,
    density: &Density,
    rows: &[CrowdRow<'_>],
    window: (Seconds, Seconds),
) -> Option<f64> {
    let visuals = ui.visuals();
    let shades = Shades {
        inside: visuals.selection.bg_fill,
        outside: visuals.weak_text_color().gamma_multiply(0.6),
    };
    let mut zoom_at = None;
    let mut mesh = Mesh::default();
    let mut notes = Vec::new();
    for crowd in rows {
        let strip = Strip::new(ui, axis, density, crowd);
        strip.shade(&mut mesh, shades, window);
        let total = density.count(
            crowd.row,
            axis.from.floor() as Seconds,
            axis.to.ceil() as Seconds,
        );
        if total > 0 {
            // Say what the strip is, on its left end.
            let note = format!("{total} events: shade shows how many; zoom in for one bar each");
            let font = egui::FontId::proportional(11.0);
            let galley = painter.layout_no_wrap(note, font, visuals.text_color());
            let band = crowd.band;
            let at = pos2(band.left() + 4.0, band.center().y - galley.size().y / 2.0);
            notes.push((at, galley));
        }
        zoom_at = strip.answer(ui, crowd, total).or(zoom_at);
    }
    painter.add(egui::Shape::mesh(mesh));
    for (at, galley) in notes {
        let backing = Rect::from_min_size(at, galley.size()).expand(2.0);
        painter.rect_filled(backing, 2.0, visuals.extreme_bg_color.gamma_multiply(0.85));
        painter.galley(at, galley, visuals.text_color());
    }
    zoom_at
}

/// One crowded row's columns and their counts.
struct Strip<'a> {
    axis: &'a Axis,
    band: Rect,
    counts: Arc<Vec<usize>>,
}

/// What a strip's column counts were made for: the density's serial, the
/// row, the axis range and the band's left and right edges (as bits).
type StripKey = (u64, usize, [u64; 2], [u32; 2]);

impl<'a> Strip<'a> {
    /// Counts the row's events in each column of its band, or takes the
    /// counts made for the same density, row, axis and band in an earlier
    /// frame (kept in `ui`'s memory): a scrub moves the window, not these,
    /// and each column's count is two binary searches over the row.
    fn new(ui: &egui::Ui, axis: &'a Axis, density: &Density, crowd: &CrowdRow<'_>) -> Self {
        let band = crowd.band;
        let mut strip = Self {
            axis,
            band,
            counts: Arc::new(Vec::new()),
        };
        let key: StripKey = (
            density.serial,
            crowd.row,
            [axis.from.to_bits(), axis.to.to_bits()],
            [band.left().to_bits(), band.right().to_bits()],
        );
        let id = Id::unique("crowd-columns").with(crowd.row);
        let kept: Option<(StripKey, Arc<Vec<usize>>)> = ui.data(|d| d.get_temp(id));
        if let Some((k, counts)) = kept
            && k == key
        {
            strip.counts = counts;
            return strip;
        }
        let columns = (band.width() / COLUMN).ceil() as usize;
        strip.counts = Arc::new(
            (0..columns)
                .map(|k| {
                    let (a, b) = strip.column_time(k);
                    density.count(crowd.row, a, b)
                })
                .collect(),
        );
        ui.data_mut(|d| d.insert_temp(id, (key, strip.counts.clone())));
        strip
    }

    /// The time column `k` spans, widened to whole seconds.
    fn column_time(&self, k: usize) -> (Seconds, Seconds) {
        let (x0, x1) = (self.band.left(), self.band.right());
        let a = self.axis.t(x0 + k as f32 * COLUMN, x0, x1).floor() as Seconds;
        let b = self.axis.t(x0 + (k + 1) as f32 * COLUMN, x0, x1).ceil() as Seconds;
        (a, b)
    }

    /// Adds the columns to `mesh`, each shaded by its count (by the square
    /// root of its share of the busiest column).
    fn shade(&self, mesh: &mut Mesh, shades: Shades, window: (Seconds, Seconds)) {
        let band = self.band;
        let max = self.counts.iter().copied().max().unwrap_or(0).max(1) as f32;
        for (k, &n) in self.counts.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let (a, b) = self.column_time(k);
            let base = if a < window.1 && b > window.0 {
                shades.inside
            } else {
                shades.outside
            };
            let strength = 0.12 + 0.6 * (n as f32 / max).sqrt();
            let left = band.left() + k as f32 * COLUMN;
            let cell =
                Rect::from_min_max(pos2(left, band.top()), pos2(left + COLUMN, band.bottom()));
            mesh.add_colored_rect(cell.intersect(band), base.gamma_multiply(strength));
        }
    }

    /// The strip's answer to the pointer: the count and dates of the
    /// column under it, and the time to zoom in about when clicked.
    fn answer(&self, ui: &egui::Ui, crowd: &CrowdRow<'_>, total: usize) -> Option<f64> {
        let band = self.band;
        let response = ui.interact(
            band,
            Id::unique(("timeline-crowd", crowd.row)),
            Sense::click(),
        );
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, crowd_label(crowd.name, total))
        });
        if let Some(p) = response.hover_pos() {
            let last = self.counts.len().saturating_sub(1);
            let k = (((p.x - band.left()) / COLUMN).floor().max(0.0) as usize).min(last);
            let (a, b) = self.column_time(k);
            let n = self.counts.get(k).copied().unwrap_or(0);
            let tip = format!(
                "{n} {} from {} to {}\nClick to zoom in",
                if n == 1 { "event" } else { "events" },
                from_seconds(a).strftime("%Y-%m-%d %H:%M"),
                from_seconds(b).strftime("%Y-%m-%d %H:%M"),
            );
            response.clone().on_hover_text(tip);
        }
        if !response.clicked() {
            return None;
        }
        // A click from a screen reader has no pointer: zoom at the middle.
        let x = response
            .interact_pointer_pos()
            .map_or(band.center().x, |p| p.x);
        Some(self.axis.t(x, band.left(), band.right()))
    }
}

/// Outlines the selected event's span in its crowded row.
pub fn outline_selected(
    ui: &egui::Ui,
    painter: &Painter,
    axis: &Axis,
    band: Rect,
    span: (Seconds, Seconds),
) {
    let (x0, x1) = (band.left(), band.right());
    let a = axis.x(span.0 as f64, x0, x1).max(x0 - 2.0);
    let b = axis.x(span.1 as f64, x0, x1).min(x1 + 2.0).max(a + 3.0);
    let rect = Rect::from_min_max(pos2(a, band.top()), pos2(b, band.bottom()));
    painter.rect_stroke(
        rect,
        1.0,
        Stroke::new(2.0, ui.visuals().text_color()),
        egui::StrokeKind::Outside,
    );
}

//! Event bars: one per event from its start to its end, ends faded by how
//! precisely the source dates it, in rows by kind or by category, with
//! connectors from statements to the incidents they speak about.

use egui::epaint::Mesh;
use egui::{Color32, Id, Pos2, Rect, Sense, Shape, Stroke, pos2};

use super::axis::Axis;
use super::bar_shape::{add_faded_bar, fade_fraction};
use super::crowd::{self, CrowdRow};
use super::density::Density;
use super::rows::{Rows, row_names, row_of};
use crate::action::Action;
use crate::data::Data;
use crate::data::event::Event;
use crate::data::time::Seconds;
use crate::model::event_index::TimeIndex;
use crate::ui_kit::palette::side_colour;
use crate::view::ViewState;

/// Narrowest bar drawn, in points, so that short events stay visible.
const MIN_BAR: f32 = 3.0;
/// Height of one lane of bars, in points.
const LANE: f32 = 9.0;
/// Most events in view drawn as bars; with more, rows become density strips.
pub const MAX_BARS: usize = 2000;

/// What the user did to the bars.
#[derive(Debug, Default)]
pub struct BarsOutput {
    /// Selections asked for.
    pub actions: Vec<Action>,
    /// A time to zoom the axis in about (a click on a crowded row).
    pub zoom_at: Option<f64>,
}

/// The accessible label of an event's bar.
pub fn bar_label(event: &Event) -> String {
    let dates = crate::ui_kit::format::date_range(&event.start, &event.end);
    format!("Bar: {}, {dates}", event.title)
}

/// Where a row's bars start below its top, leaving room for its name.
fn header(row_h: f32) -> f32 {
    14.0_f32.min(row_h / 3.0)
}

/// What the bars are drawn from.
pub struct BarsInput<'a> {
    /// The loaded data.
    pub data: &'a Data,
    /// Its time index.
    pub index: &'a TimeIndex,
    /// Each row's events passing the filters, indexed by time.
    pub density: &'a Density,
    /// The view state.
    pub view: &'a ViewState,
    /// How bars are grouped into rows.
    pub rows: Rows,
}

/// Where one event's bar goes, found before any bar is drawn.
struct PlacedBar {
    /// Index into `Data::events`.
    event: usize,
    /// The bar on screen.
    bar: Rect,
    /// Where the event's start and end fall on the axis (may be off screen).
    full: (f32, f32),
    /// Width of each faded end.
    fade: f32,
    color: Color32,
    /// Whether the event lasts far longer than the view (context).
    background: bool,
}

/// Draws the events in the axis range in `rect`, one bar each, or as density
/// strips when more than [`MAX_BARS`] are in view; returns what the user
/// asked for by clicking them.
pub fn show(ui: &mut egui::Ui, rect: Rect, axis: &Axis, input: &BarsInput<'_>) -> BarsOutput {
    let BarsInput {
        data,
        index,
        density,
        view,
        rows,
    } = *input;
    let mut actions = Vec::new();
    let names = row_names(rows, index, &data.vocabulary);
    let row_h = rect.height() / names.len() as f32;
    let lanes = ((row_h - 4.0) / LANE).floor().max(1.0) as usize;
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    for (r, name) in names.iter().enumerate() {
        let y = rect.top() + r as f32 * row_h;
        if r > 0 {
            painter.hline(
                rect.x_range(),
                y,
                Stroke::new(1.0, ui.visuals().faint_bg_color),
            );
        }
        painter.text(
            pos2(rect.left() + 4.0, y + 2.0),
            egui::Align2::LEFT_TOP,
            name,
            egui::FontId::proportional(11.0),
            text.gamma_multiply(0.6),
        );
    }
    let from = axis.from.floor() as i64;
    let to = axis.to.ceil() as i64;
    // Counted on the events that pass the filters, so filtering a crowd
    // down brings its bars back.
    let counts: Vec<usize> = (0..names.len())
        .map(|r| density.count(r, from, to))
        .collect();
    let as_bars = rows_drawn_as_bars(&counts, MAX_BARS);
    let band = |r: usize| {
        let top = rect.top() + r as f32 * row_h;
        Rect::from_x_y_ranges(rect.x_range(), top + header(row_h)..=top + row_h - 2.0)
    };
    let crowds: Vec<CrowdRow<'_>> = names
        .iter()
        .enumerate()
        .filter(|(row, _)| !as_bars[*row])
        .map(|(row, name)| CrowdRow {
            row,
            name,
            band: band(row),
        })
        .collect();
    let mut zoom_at = None;
    if !crowds.is_empty() {
        zoom_at = crowd::show(ui, &painter, axis, density, &crowds, view.time.window);
        if let Some(event) = view
            .selection
            .as_deref()
            .and_then(|id| index.event_with_id(id))
            .and_then(|i| data.events.get(i))
            && let row = row_of(event, rows, index)
            && !as_bars[row]
        {
            let span = (event.start.first_second(), event.end.end_exclusive());
            crowd::outline_selected(ui, &painter, axis, band(row), span);
        }
    }
    // Where each lane is taken up to: events of the view fill lanes from the
    // top, events far longer than the view (years of context seen in a
    // week) from the bottom, so context never crowds out what happened in
    // the view; where they meet, the view's events are drawn over it.
    let mut lane_end = vec![f32::NEG_INFINITY; names.len() * lanes];
    let mut context_end = vec![f32::NEG_INFINITY; names.len() * lanes];
    let mut mesh = Mesh::default();
    let mut centres: Vec<(usize, Pos2)> = Vec::new();
    let window = view.time.window;
    let mut clicked = None;
    let mut selected_rect = None;
    let mut placed: Vec<PlacedBar> = Vec::new();
    let mut place = |row: usize, i: usize, start: Seconds, end: Seconds| {
        let event = &data.events[i];
        let full = (
            axis.x(start as f64, rect.left(), rect.right()),
            axis.x(end as f64, rect.left(), rect.right()),
        );
        let mut x0 = full.0.max(rect.left() - 10.0);
        let mut x1 = full.1.min(rect.right() + 10.0);
        if x1 - x0 < MIN_BAR {
            let mid = (x0 + x1) / 2.0;
            x0 = mid - MIN_BAR / 2.0;
            x1 = mid + MIN_BAR / 2.0;
        }
        let background = (end - start) as f64 > 4.0 * axis.span();
        let ends = if background {
            &mut context_end
        } else {
            &mut lane_end
        };
        let slots = &mut ends[row * lanes..(row + 1) * lanes];
        let lane = match slots.iter().position(|&e| e + 1.0 <= x0) {
            Some(l) => l,
            None => {
                let (l, &e) = slots
                    .iter()
                    .enumerate()
                    .min_by(|a, b| a.1.total_cmp(b.1))
                    .unwrap_or((0, &0.0));
                // Every lane is busy here: draw the bar over the lane that
                // frees first only if it shows more than that lane already
                // does. Crowds of short bars thus cost one widget per few
                // points of width, however many events they hold.
                if e + MIN_BAR >= x1 {
                    return;
                }
                l
            }
        };
        slots[lane] = x1;
        let lane = if background { lanes - 1 - lane } else { lane };
        let top = rect.top() + row as f32 * row_h + header(row_h) + lane as f32 * LANE;
        let bar = Rect::from_min_max(
            pos2(x0, top.min(rect.top() + (row + 1) as f32 * row_h - LANE)),
            pos2(x1, 0.0),
        );
        // Context is drawn thin and light.
        let height = if background { LANE - 6.0 } else { LANE - 2.0 };
        let bar = Rect::from_min_max(bar.min, pos2(x1, bar.min.y + height));
        let inside = start < window.1 && end > window.0;
        let strength = match (inside, background) {
            (true, false) => 0.9,
            (true, true) => 0.45,
            (false, _) => 0.25,
        };
        let color =
            side_colour(&input.data.vocabulary, event.side.as_deref()).gamma_multiply(strength);
        let fade = if x1 - x0 >= 6.0 {
            fade_fraction(event.date_precision) * (full.1 - full.0)
        } else {
            0.0
        };
        placed.push(PlacedBar {
            event: i,
            bar,
            full,
            fade,
            color,
            background,
        });
    };
    for row in (0..names.len()).filter(|&r| as_bars[r]) {
        density.for_each_in_row(row, from, to, |i, start, end| place(row, i, start, end));
    }
    // Context first, so where lanes meet the view's events are drawn, and
    // take clicks, on top of it.
    placed.sort_by_key(|p| !p.background);
    for p in &placed {
        let (i, bar) = (p.event, p.bar);
        let event = &data.events[i];
        add_faded_bar(
            &mut mesh,
            (p.full.0.min(bar.left()), p.full.1.max(bar.right())),
            (bar.left(), bar.right()),
            (bar.top(), bar.bottom()),
            p.fade,
            p.color,
        );
        let response = ui.interact(
            bar.intersect(rect),
            Id::unique(("timeline-bar", i)),
            Sense::click(),
        );
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, bar_label(event)));
        if response.hovered() {
            let tip = format!("{}\n{}", event.title, crate::ui_kit::format::when(event));
            response.clone().on_hover_text(tip);
        }
        if response.clicked() {
            clicked = Some(i);
        }
        if view.selection.as_deref() == Some(event.id.as_str()) {
            selected_rect = Some(bar);
        }
        centres.push((i, bar.center()));
    }
    painter.add(Shape::mesh(mesh));
    if let Some(r) = selected_rect {
        painter.rect_stroke(
            r.expand(1.5),
            1.0,
            Stroke::new(2.0, text),
            egui::StrokeKind::Outside,
        );
    }
    centres.sort_unstable_by_key(|c| c.0);
    let find = |i: usize| {
        centres
            .binary_search_by_key(&i, |c| c.0)
            .ok()
            .map(|k| centres[k].1)
    };
    let link = Stroke::new(1.0, text.gamma_multiply(0.35));
    for &(i, from) in &centres {
        for &target in index.refers(i) {
            if let Some(to) = find(target) {
                painter.line_segment([from, to], link);
            }
        }
    }
    if let Some(i) = clicked {
        actions.push(Action::Reveal {
            event_id: data.events[i].id.clone(),
            quote: 0,
        });
    }
    BarsOutput { actions, zoom_at }
}

/// Which rows are drawn one bar per event: the least busy first, while
/// together they hold at most `budget` events in view; the others become
/// density strips. A handful of statements beside thousands of incidents
/// thus keep their bars.
fn rows_drawn_as_bars(counts: &[usize], budget: usize) -> Vec<bool> {
    let mut by_count: Vec<usize> = (0..counts.len()).collect();
    by_count.sort_by_key(|&r| counts[r]);
    let mut as_bars = vec![false; counts.len()];
    let mut total = 0;
    for r in by_count {
        total += counts[r];
        if total > budget {
            break;
        }
        as_bars[r] = true;
    }
    as_bars
}

#[cfg(test)]
mod tests {
    use super::rows_drawn_as_bars;

    #[test]
    fn the_least_busy_rows_keep_their_bars_within_the_budget() {
        assert_eq!(rows_drawn_as_bars(&[5000, 7], 2000), [false, true]);
        assert_eq!(
            rows_drawn_as_bars(&[900, 1000, 50], 2000),
            [true, true, true]
        );
        assert_eq!(rows_drawn_as_bars(&[1500, 1500], 2000), [true, false]);
        assert_eq!(rows_drawn_as_bars(&[3000, 0], 2000), [false, true]);
    }
}

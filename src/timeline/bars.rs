//! Event bars: one per event from its start to its end, ends faded by how
//! precisely the source dates it, in rows by kind or by category (laid out
//! by [`lanes`]), with links from statements to the incidents they speak
//! about for the selected or hovered event ([`links`]).

use egui::epaint::Mesh;
use egui::{Id, Pos2, Rect, Sense, Shape, Stroke, pos2};

use super::axis::Axis;
use super::bar_shape::{add_faded_bar, fade_fraction};
use super::crowd::{self, CrowdRow};
use super::density::Density;
use super::lanes::{self, Candidate, MIN_BAR};
use super::links;
use super::rows::{Rows, row_names, row_of};
use crate::data::Data;
use crate::data::event::Event;
use crate::model::action::Action;
use crate::model::event_index::TimeIndex;
use crate::model::view::ViewState;
use crate::ui_kit::palette::side_colour;

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
    /// The proposals of the article under review (drawn in a band of
    /// their own, `proposed.rs`).
    pub proposed: crate::panels::panel::Proposed<'a>,
}

/// One event's bar before it is placed in a lane.
struct Pending {
    /// Index into `Data::events`.
    event: usize,
    /// Where the event's start and end fall on the axis (may be off screen).
    full: (f32, f32),
    /// Whether the event lasts far longer than the view (context).
    background: bool,
    /// Whether it overlaps the time window.
    inside: bool,
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
        ..
    } = *input;
    let names = row_names(rows, index, &data.vocabulary);
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    let from = axis.from.floor() as i64;
    let to = axis.to.ceil() as i64;
    // Counted on the events that pass the filters, so filtering a crowd
    // down brings its bars back.
    let counts: Vec<usize> = (0..names.len())
        .map(|r| density.count(r, from, to))
        .collect();
    let as_bars = rows_drawn_as_bars(&counts, MAX_BARS);
    let window = view.time.window;
    let mut pending: Vec<Pending> = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    for row in (0..names.len()).filter(|&r| as_bars[r]) {
        density.for_each_in_row(row, from, to, |i, start, end| {
            let full = (
                axis.x(start as f64, rect.left(), rect.right()),
                axis.x(end as f64, rect.left(), rect.right()),
            );
            let mut x = (
                full.0.max(rect.left() - 10.0),
                full.1.min(rect.right() + 10.0),
            );
            if x.1 - x.0 < MIN_BAR {
                let mid = (x.0 + x.1) / 2.0;
                x = (mid - MIN_BAR / 2.0, mid + MIN_BAR / 2.0);
            }
            let background = (end - start) as f64 > 4.0 * axis.span();
            candidates.push(Candidate { row, x, background });
            pending.push(Pending {
                event: i,
                full,
                background,
                inside: start < window.1 && end > window.0,
            });
        });
    }
    let crowded: Vec<bool> = as_bars.iter().map(|b| !b).collect();
    let layout = lanes::layout(rect, &crowded, &candidates);
    for (r, name) in names.iter().enumerate() {
        let y = layout.rows[r].top();
        if r > 0 {
            painter.hline(
                rect.x_range(),
                y,
                Stroke::new(1.0, ui.visuals().faint_bg_color),
            );
        }
        // Small enough to fit the header whole, descenders included, also
        // when a row with nothing in view is only its name at the bottom.
        painter.text(
            pos2(rect.left() + 4.0, y),
            egui::Align2::LEFT_TOP,
            name,
            egui::FontId::proportional(10.5),
            text.gamma_multiply(0.6),
        );
    }
    let crowds: Vec<CrowdRow<'_>> = names
        .iter()
        .enumerate()
        .filter(|(row, _)| crowded[*row])
        .map(|(row, name)| CrowdRow {
            row,
            name,
            band: layout.band(row),
        })
        .collect();
    let mut zoom_at = None;
    if !crowds.is_empty() {
        zoom_at = crowd::show(ui, &painter, axis, density, &crowds, window);
        if let Some(event) = view
            .selection
            .as_deref()
            .and_then(|id| index.event_with_id(id))
            .and_then(|i| data.events.get(i))
            && let row = row_of(event, rows, index)
            && crowded[row]
        {
            let span = (event.start.first_second(), event.end.end_exclusive());
            crowd::outline_selected(ui, &painter, axis, layout.band(row), span);
        }
    }
    // Background first, so that where bars meet the view's events are drawn,
    // and take clicks, on top of it.
    let mut placed: Vec<(&Pending, Rect)> = pending
        .iter()
        .zip(&layout.bars)
        .filter_map(|(p, bar)| Some((p, (*bar)?)))
        .collect();
    placed.sort_by_key(|(p, _)| !p.background);
    let mut mesh = Mesh::default();
    let mut centres: Vec<(usize, Pos2)> = Vec::new();
    let mut clicked = None;
    let mut hovered = None;
    let mut selected = None;
    for &(p, bar) in &placed {
        let i = p.event;
        let event = &data.events[i];
        let strength = match (p.inside, p.background) {
            (true, false) => 0.9,
            (true, true) => 0.45,
            (false, _) => 0.25,
        };
        let color = side_colour(&data.vocabulary, event.side.as_deref()).gamma_multiply(strength);
        let fade = if bar.width() >= 6.0 {
            fade_fraction(event.date_precision) * (p.full.1 - p.full.0)
        } else {
            0.0
        };
        add_faded_bar(
            &mut mesh,
            (p.full.0.min(bar.left()), p.full.1.max(bar.right())),
            (bar.left(), bar.right()),
            (bar.top(), bar.bottom()),
            fade,
            color,
        );
        // The bar answers over its whole lane, gaps included, so that thin
        // lanes are still easy to hover and click.
        let response = ui.interact(
            lanes::hit_area(bar, p.background).intersect(rect),
            Id::unique(("timeline-bar", i)),
            Sense::click(),
        );
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, bar_label(event)));
        if response.hovered() {
            hovered = Some(i);
            let tip = format!("{}\n{}", event.title, crate::ui_kit::format::when(event));
            response.clone().on_hover_text(tip);
        }
        if response.clicked() {
            clicked = Some(i);
        }
        if view.selection.as_deref() == Some(event.id.as_str()) {
            selected = Some((i, bar));
        }
        centres.push((i, bar.center()));
    }
    painter.add(Shape::mesh(mesh));
    if let Some((_, r)) = selected {
        painter.rect_stroke(
            r.expand(1.5),
            1.0,
            Stroke::new(2.0, text),
            egui::StrokeKind::Outside,
        );
    }
    let focus = [selected.map(|s| s.0), hovered];
    links::paint(&painter, index, &mut centres, &focus, text);
    let mut actions = Vec::new();
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

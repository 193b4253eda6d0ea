//! Event bars: one per event from its start to its end, ends faded by how
//! precisely the source dates it, in rows by kind or by category (laid out
//! by [`lanes`]), with links from statements to the incidents they speak
//! about for the selected or hovered event ([`links`]).

use egui::epaint::Mesh;
use egui::{Id, Painter, Pos2, Rect, Response, Sense, Shape, Stroke, pos2};

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
    let names = row_names(input.rows, input.index, &input.data.vocabulary);
    let painter = ui.painter_at(rect);
    let (from, to) = (axis.from.floor() as i64, axis.to.ceil() as i64);
    // Counted on the events that pass the filters, so filtering a crowd
    // down brings its bars back.
    let counts: Vec<usize> = (0..names.len())
        .map(|r| input.density.count(r, from, to))
        .collect();
    let as_bars = rows_drawn_as_bars(&counts, MAX_BARS);
    let (pending, candidates) = pending_bars(rect, axis, input, &as_bars);
    let crowded: Vec<bool> = as_bars.iter().map(|b| !b).collect();
    let layout = lanes::layout(rect, &crowded, &candidates);
    paint_row_names(ui, &painter, rect, &names, &layout);
    let zoom_at = crowds(ui, &painter, axis, input, &names, &crowded, &layout);
    let clicked = bars(ui, &painter, rect, input, &pending, &layout.bars);
    let actions = clicked
        .map(|i| Action::Reveal {
            event_id: input.data.events[i].id.clone(),
            quote: 0,
        })
        .into_iter()
        .collect();
    BarsOutput { actions, zoom_at }
}

/// The bars of the events in the axis range of the rows drawn
/// `as_bars`, before they are placed in lanes, and what the lanes are
/// laid out from.
fn pending_bars(
    rect: Rect,
    axis: &Axis,
    input: &BarsInput<'_>,
    as_bars: &[bool],
) -> (Vec<Pending>, Vec<Candidate>) {
    let (from, to) = (axis.from.floor() as i64, axis.to.ceil() as i64);
    let window = input.view.time.window;
    let mut pending: Vec<Pending> = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    for row in (0..as_bars.len()).filter(|&r| as_bars[r]) {
        input
            .density
            .for_each_in_row(row, from, to, |i, start, end| {
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
    (pending, candidates)
}

/// Each row's name at its top, and a line between rows.
fn paint_row_names(
    ui: &egui::Ui,
    painter: &Painter,
    rect: Rect,
    names: &[String],
    layout: &lanes::Layout,
) {
    let text = ui.visuals().text_color();
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
}

/// The `crowded` rows as density strips, with the selected event's span
/// outlined on its strip; returns the time to zoom in about, if one was
/// clicked.
fn crowds(
    ui: &egui::Ui,
    painter: &Painter,
    axis: &Axis,
    input: &BarsInput<'_>,
    names: &[String],
    crowded: &[bool],
    layout: &lanes::Layout,
) -> Option<f64> {
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
    if crowds.is_empty() {
        return None;
    }
    let BarsInput {
        data,
        index,
        density,
        view,
        rows,
    } = *input;
    let zoom_at = crowd::show(ui, painter, axis, density, &crowds, view.time.window);
    if let Some(event) = view
        .selection
        .as_deref()
        .and_then(|id| index.event_with_id(id))
        .and_then(|i| data.events.get(i))
        && let row = row_of(event, rows, index)
        && crowded[row]
    {
        let span = (event.start.first_second(), event.end.end_exclusive());
        crowd::outline_selected(ui, painter, axis, layout.band(row), span);
    }
    zoom_at
}

/// The placed bars (`placed[i]` is where `pending[i]` goes, if it fits),
/// the selected one outlined and the links of the selected or hovered one;
/// returns the event clicked, if any.
fn bars(
    ui: &egui::Ui,
    painter: &Painter,
    rect: Rect,
    input: &BarsInput<'_>,
    pending: &[Pending],
    placed: &[Option<Rect>],
) -> Option<usize> {
    let text = ui.visuals().text_color();
    // Background first, so that where bars meet the view's events are drawn,
    // and take clicks, on top of it.
    let mut placed: Vec<(&Pending, Rect)> = pending
        .iter()
        .zip(placed)
        .filter_map(|(p, bar)| Some((p, (*bar)?)))
        .collect();
    placed.sort_by_key(|(p, _)| !p.background);
    let mut mesh = Mesh::default();
    let mut centres: Vec<(usize, Pos2)> = Vec::new();
    let (mut clicked, mut hovered, mut selected) = (None, None, None);
    for &(p, bar) in &placed {
        add_bar(&mut mesh, input.data, p, bar);
        let response = bar_response(ui, rect, input.data, p, bar);
        if response.hovered() {
            hovered = Some(p.event);
        }
        if response.clicked() {
            clicked = Some(p.event);
        }
        let event = &input.data.events[p.event];
        if input.view.selection.as_deref() == Some(event.id.as_str()) {
            selected = Some((p.event, bar));
        }
        centres.push((p.event, bar.center()));
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
    links::paint(painter, input.index, &mut centres, &focus, text);
    clicked
}

/// Adds one event's bar to `mesh`: coloured by its side, paler outside the
/// window or when it lasts far longer than the view, its ends faded by how
/// precisely it is dated.
fn add_bar(mesh: &mut Mesh, data: &Data, p: &Pending, bar: Rect) {
    let event = &data.events[p.event];
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
        mesh,
        (p.full.0.min(bar.left()), p.full.1.max(bar.right())),
        (bar.left(), bar.right()),
        (bar.top(), bar.bottom()),
        fade,
        color,
    );
}

/// The bar's answer to the pointer, over its whole lane, gaps included, so
/// that thin lanes are still easy to hover and click; a tooltip tells the
/// event's title and time.
fn bar_response(ui: &egui::Ui, rect: Rect, data: &Data, p: &Pending, bar: Rect) -> Response {
    let event = &data.events[p.event];
    let response = ui.interact(
        lanes::hit_area(bar, p.background).intersect(rect),
        Id::unique(("timeline-bar", p.event)),
        Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, bar_label(event)));
    if response.hovered() {
        let tip = format!("{}\n{}", event.title, crate::ui_kit::format::when(event));
        response.clone().on_hover_text(tip);
    }
    response
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

//! The plot area: tick strip, histogram, bars, the time window and the
//! cursor, with wheel zoom and drag pan.

use egui::{Color32, Id, Rect, Sense, Stroke, pos2, vec2};

use super::axis::{Axis, label_width, ticks};
use super::bars::BarsInput;
use super::playback::{MIN_WINDOW, with_cursor};
use super::{State, bars, histogram};
use crate::action::Action;
use crate::data::time::Seconds;

/// Height of the tick strip.
const TICKS_H: f32 = 20.0;
/// Height of the histogram strip.
const HIST_H: f32 = 36.0;
/// Least height of the whole plot, so that bars always have room.
const MIN_HEIGHT: f32 = 150.0;
/// Half-width of the draggable handles, in points.
const GRIP: f32 = 5.0;

/// A draggable handle with an accessible name.
fn handle(ui: &egui::Ui, rect: Rect, name: &'static str) -> egui::Response {
    let response = ui.interact(rect, Id::unique(("timeline-handle", name)), Sense::drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, name));
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }
    response
}

/// Draws the plot and returns the actions of the cursor, window and bars.
pub fn show(ui: &mut egui::Ui, input: &BarsInput<'_>, state: &mut State) -> Vec<Action> {
    let view = input.view;
    let mut actions = Vec::new();
    let size = vec2(ui.available_width(), ui.available_height().max(MIN_HEIGHT));
    let (rect, background) = ui.allocate_exact_size(size, Sense::click_and_drag());
    if rect.width() < 20.0 {
        return actions;
    }
    let mut axis = state
        .axis
        .unwrap_or_else(|| Axis::around(view.time.window.0, view.time.window.1));
    let (x0, x1) = (rect.left(), rect.right());

    // Pan by dragging the background, zoom with the wheel about the pointer.
    if background.dragged() {
        let dx = background.drag_delta().x;
        axis = axis.shifted(-f64::from(dx) * axis.span() / f64::from(rect.width()));
    }
    if background.hovered()
        && let Some(p) = ui.input(|i| i.pointer.hover_pos())
    {
        let (scroll, zoom) = ui.input(|i| {
            (
                i.smooth_scroll_delta.y + i.smooth_scroll_delta.x,
                i.zoom_delta(),
            )
        });
        let factor = f64::from(zoom) * (f64::from(scroll) * 0.004).exp();
        if (factor - 1.0).abs() > 1e-6 {
            axis = axis.zoom(factor, axis.t(p.x, x0, x1));
        }
    }
    state.axis = Some(axis);

    let ticks_rect = Rect::from_min_size(rect.min, vec2(rect.width(), TICKS_H));
    let hist_rect = Rect::from_min_size(pos2(x0, ticks_rect.bottom()), vec2(rect.width(), HIST_H));
    let bars_rect = Rect::from_min_max(pos2(x0, hist_rect.bottom() + 2.0), rect.max);
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    let text = visuals.text_color();
    let accent = visuals.selection.bg_fill;
    let x = |t: Seconds| axis.x(t as f64, x0, x1);

    // Ticks and grid.
    painter.rect_filled(ticks_rect, 0.0, visuals.faint_bg_color);
    for tick in ticks(&axis, rect.width()) {
        let tx = x(tick.t);
        painter.vline(
            tx,
            ticks_rect.bottom()..=rect.bottom(),
            Stroke::new(1.0, visuals.faint_bg_color),
        );
        painter.vline(
            tx,
            ticks_rect.bottom() - 4.0..=ticks_rect.bottom(),
            Stroke::new(1.0, text),
        );
        // A label that would run past the right edge is left out, not cut.
        if tx + 3.0 + label_width(&tick.label) > x1 {
            continue;
        }
        painter.text(
            pos2(tx + 3.0, ticks_rect.top() + 2.0),
            egui::Align2::LEFT_TOP,
            &tick.label,
            egui::FontId::proportional(12.0),
            text,
        );
    }

    // The window, shaded over histogram and bars.
    let (wa, wb) = view.time.window;
    let wx = (x(wa), x(wb));
    let shade = Rect::from_min_max(pos2(wx.0, hist_rect.top()), pos2(wx.1, rect.bottom()));
    painter.rect_filled(shade, 0.0, accent.gamma_multiply(0.18));

    // Histogram.
    let buckets = (rect.width() / histogram::BUCKET_WIDTH).round().max(1.0) as usize;
    state.histogram.update(&axis, buckets, input.density);
    histogram::paint(
        &painter,
        hist_rect,
        state.histogram.counts(),
        wx,
        accent,
        visuals.weak_text_color().gamma_multiply(0.5),
    );

    let bars = bars::show(ui, bars_rect, &axis, input);
    actions.extend(bars.actions);
    if let Some(t) = bars.zoom_at {
        // A click on a crowded row zooms in eight times about it.
        state.axis = Some(axis.zoom(8.0, t));
    }

    // Window edges and body.
    let time = &view.time;
    let body_rect = Rect::from_min_max(
        pos2(wx.0 + GRIP, hist_rect.top()),
        pos2(wx.1 - GRIP, hist_rect.bottom()),
    );
    if body_rect.width() > 2.0 {
        let body = ui.interact(
            body_rect.intersect(rect),
            Id::unique("timeline-window-body"),
            Sense::drag(),
        );
        body.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "Time window"));
        if body.dragged() {
            let dt = (f64::from(body.drag_delta().x) * axis.span() / f64::from(rect.width()))
                .round() as Seconds;
            let mut next = time.clone();
            next.window = (wa + dt, wb + dt);
            next.cursor += dt;
            actions.push(Action::SetTime(next));
        }
    }
    let edge = |wxx: f32| {
        Rect::from_min_max(
            pos2(wxx - GRIP, hist_rect.top()),
            pos2(wxx + GRIP, rect.bottom()),
        )
        .intersect(rect)
    };
    let pointer_t = |r: &egui::Response| {
        r.interact_pointer_pos()
            .map(|p| axis.t(p.x, x0, x1).round() as Seconds)
    };
    let start = handle(ui, edge(wx.0), "Window start");
    if start.dragged()
        && let Some(t) = pointer_t(&start)
    {
        let mut next = time.clone();
        next.window.0 = t.min(wb - MIN_WINDOW);
        actions.push(Action::SetTime(next));
    }
    let end = handle(ui, edge(wx.1), "Window end");
    if end.dragged()
        && let Some(t) = pointer_t(&end)
    {
        let mut next = time.clone();
        next.window.1 = t.max(wa + MIN_WINDOW);
        actions.push(Action::SetTime(next));
    }
    for (wxx, r) in [(wx.0, &start), (wx.1, &end)] {
        let w = if r.hovered() || r.dragged() { 3.0 } else { 1.5 };
        painter.vline(wxx, hist_rect.top()..=rect.bottom(), Stroke::new(w, accent));
    }

    // The cursor: a line over everything, grabbed in the tick strip.
    let cx = x(time.cursor);
    let grip = Rect::from_center_size(
        pos2(cx, ticks_rect.center().y),
        vec2(2.0 * GRIP + 4.0, TICKS_H),
    )
    .intersect(rect);
    let cursor = handle(ui, grip, "Time cursor");
    if cursor.dragged()
        && let Some(t) = pointer_t(&cursor)
    {
        let mut next = with_cursor(time, t);
        next.playing = false;
        actions.push(Action::SetTime(next));
    }
    let cursor_color = Color32::from_rgb(230, 120, 0);
    painter.vline(
        cx,
        ticks_rect.top()..=rect.bottom(),
        Stroke::new(2.0, cursor_color),
    );
    painter.add(egui::Shape::convex_polygon(
        vec![
            pos2(cx - 6.0, ticks_rect.top()),
            pos2(cx + 6.0, ticks_rect.top()),
            pos2(cx, ticks_rect.top() + 9.0),
        ],
        cursor_color,
        Stroke::NONE,
    ));
    actions
}

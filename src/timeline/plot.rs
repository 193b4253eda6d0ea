//! The plot area: tick strip (the ruler), histogram, the time window's
//! strip, bars and the time cursor, with wheel zoom, and presses handled as
//! in a video editor (see [`grab`](super::grab)): the ruler and histogram
//! scrub, the cursor line is held along its height, the strip moves the
//! window, empty bar area pans.

use egui::{Color32, Id, Rect, Sense, Stroke, pos2, vec2};

use super::axis::{Axis, label_width, ticks};
use super::bars::BarsInput;
use super::grab::{Grab, Zones};
use super::playback::{MIN_WINDOW, with_cursor};
use super::{State, bars, histogram, proposed};
use crate::data::time::{Seconds, from_seconds};
use crate::model::action::Action;

/// Height of the tick strip.
const TICKS_H: f32 = 20.0;
/// Height of the histogram strip.
const HIST_H: f32 = 30.0;
/// Height of the strip showing the time window.
const STRIP_H: f32 = 10.0;
/// Least height of the whole plot, so that bars always have room.
const MIN_HEIGHT: f32 = 150.0;
/// The time cursor's colour.
const CURSOR: Color32 = Color32::from_rgb(230, 120, 0);

/// A named area for screen readers and tests; presses on it reach the plot.
fn region(ui: &egui::Ui, rect: Rect, name: &'static str) -> egui::Response {
    let response = ui.interact(rect, Id::unique(("timeline-region", name)), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, name));
    response
}

/// A time as the scrubbing tooltip shows it.
fn stamp(t: Seconds) -> String {
    from_seconds(t).strftime("%a %-d %b %Y, %H:%M").to_string()
}

/// Draws the plot and returns the actions of the cursor, window and bars.
pub fn show(ui: &mut egui::Ui, input: &BarsInput<'_>, state: &mut State) -> Vec<Action> {
    let view = input.view;
    let time = &view.time;
    let mut actions = Vec::new();
    let size = vec2(ui.available_width(), ui.available_height().max(MIN_HEIGHT));
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    if rect.width() < 20.0 {
        return actions;
    }
    let mut axis = state
        .axis
        .unwrap_or_else(|| Axis::around(time.window.0, time.window.1));
    let (x0, x1) = (rect.left(), rect.right());
    let ticks_rect = Rect::from_min_size(rect.min, vec2(rect.width(), TICKS_H));
    let hist_rect = Rect::from_min_size(pos2(x0, ticks_rect.bottom()), vec2(rect.width(), HIST_H));
    let strip = Rect::from_min_size(pos2(x0, hist_rect.bottom()), vec2(rect.width(), STRIP_H));
    let bars_rect = Rect::from_min_max(pos2(x0, strip.bottom() + 2.0), rect.max);
    let zones = |axis: &Axis| Zones {
        plot: rect,
        ruler: ticks_rect.union(hist_rect),
        strip,
        cursor_x: axis.x(time.cursor as f64, x0, x1),
        window_x: (
            axis.x(time.window.0 as f64, x0, x1),
            axis.x(time.window.1 as f64, x0, x1),
        ),
    };
    // Presses reach the plot a little past either end (see `Zones::reach`).
    let background = ui.interact(
        zones(&axis).reach(),
        Id::unique("timeline-plot"),
        Sense::click_and_drag(),
    );

    // A press takes hold of what it lands on until it is released. The
    // frame of the release still moves what is held: a slow frame may bring
    // the last move and the release together.
    let origin = ui.input(|i| i.pointer.press_origin());
    let released = background.drag_stopped();
    if background.is_pointer_button_down_on() || released {
        if state.grab.is_none() {
            state.grab = origin.and_then(|p| zones(&axis).grab_at(p));
        }
    } else {
        state.grab = None;
    }
    let moving = background.dragged() || released;
    let dx = if moving {
        ui.input(|i| i.pointer.delta().x)
    } else {
        0.0
    };
    if moving && state.grab == Some(Grab::Pan) {
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
    let zones = zones(&axis);
    let pointer = background.interact_pointer_pos();
    let t_at = |x: f32| axis.t(x, x0, x1).round() as Seconds;

    // The cursor follows a press on the ruler at once, and a press on its
    // line once the pointer moves; a click there puts it under the pointer.
    let scrub = match (state.grab, pointer, origin) {
        (Some(Grab::Cursor), Some(p), Some(o)) if zones.ruler.contains(o) => Some(p),
        (Some(Grab::Cursor), Some(p), _) if moving => Some(p),
        (None, Some(p), _) if background.clicked() && zones.grab_at(p) == Some(Grab::Cursor) => {
            Some(p)
        }
        _ => None,
    };
    if let Some(p) = scrub {
        let t = t_at(p.x.clamp(x0, x1 - 1.0));
        let mut next = with_cursor(time, t);
        next.playing = false;
        actions.push(Action::SetTime(next));
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            background.id,
            egui::PopupAnchor::Pointer,
        )
        .show(|ui| ui.label(format!("Time cursor: {}", stamp(t))));
    }
    if moving && let Some(p) = pointer {
        let (wa, wb) = time.window;
        let mut next = time.clone();
        match state.grab {
            Some(Grab::WindowStart) => next.window.0 = t_at(p.x).min(wb - MIN_WINDOW),
            Some(Grab::WindowEnd) => next.window.1 = t_at(p.x).max(wa + MIN_WINDOW),
            Some(Grab::Window) => {
                let dt = (f64::from(dx) * axis.span() / f64::from(rect.width())).round() as Seconds;
                next.window = (wa + dt, wb + dt);
                next.cursor += dt;
            }
            _ => {}
        }
        if next != *time {
            actions.push(Action::SetTime(next));
        }
    }
    let resizing = match state.grab {
        Some(g) => g != Grab::Pan,
        None => ui
            .input(|i| i.pointer.hover_pos())
            .is_some_and(|p| zones.resizes_at(p)),
    };
    if resizing {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }

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

    // The window, shaded over histogram and bars, and its strip.
    let wx = zones.window_x;
    let shade = Rect::from_min_max(pos2(wx.0, hist_rect.top()), pos2(wx.1, rect.bottom()));
    painter.rect_filled(shade, 0.0, accent.gamma_multiply(0.18));
    painter.rect_filled(strip, 0.0, visuals.faint_bg_color);
    let body = Rect::from_x_y_ranges(wx.0..=wx.1, strip.shrink2(vec2(0.0, 2.0)).y_range());
    painter.rect_filled(body, 3.0, accent.gamma_multiply(0.7));

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
    let ruler = region(ui, zones.ruler, "Time ruler");
    if state.grab.is_none()
        && let Some(p) = ruler.hover_pos()
    {
        let b = (((p.x - x0) / histogram::BUCKET_WIDTH) as usize).min(buckets - 1);
        let n = state.histogram.counts().get(b).copied().unwrap_or(0.0);
        let (a, z) = histogram::bucket_time(&axis, buckets, b);
        ruler.on_hover_text_at_pointer(format!(
            "{}\n{n:.1} events from {} to {}\n({})\nClick or drag to move the cursor",
            stamp(t_at(p.x)),
            stamp(a),
            stamp(z),
            histogram::MEANING,
        ));
    }

    let (band, bars_rect) = proposed::split(bars_rect, &axis, &input.proposed);
    if let Some(band) = band {
        actions.extend(proposed::show(ui, band, &axis, &input.proposed));
    }
    let bars = bars::show(ui, bars_rect, &axis, input);
    actions.extend(bars.actions);
    if let Some(t) = bars.zoom_at {
        // A click on a crowded row zooms in eight times about it.
        state.axis = Some(axis.zoom(8.0, t));
    }

    // Window edges, then the cursor over everything.
    region(ui, zones.edge_band(wx.0), "Window start");
    region(ui, zones.edge_band(wx.1), "Window end");
    let inner = Rect::from_x_y_ranges(wx.0 + 6.0..=wx.1 - 6.0, strip.y_range());
    if inner.width() > 2.0 {
        region(ui, inner.intersect(rect), "Time window");
    }
    for (wxx, grab) in [(wx.0, Grab::WindowStart), (wx.1, Grab::WindowEnd)] {
        let w = if state.grab == Some(grab) { 3.0 } else { 1.5 };
        painter.vline(wxx, hist_rect.top()..=rect.bottom(), Stroke::new(w, accent));
        painter.rect_filled(
            Rect::from_center_size(pos2(wxx, strip.center().y), vec2(5.0, STRIP_H)),
            1.0,
            accent,
        );
    }
    let band = zones.cursor_band();
    if band.is_positive() {
        region(ui, band, "Time cursor");
        // Drawn inside the plot even when it sits on either end.
        let cx = zones.cursor_x.clamp(x0 + 1.0, x1 - 1.0);
        let width = if state.grab == Some(Grab::Cursor) {
            3.0
        } else {
            2.0
        };
        painter.vline(
            cx,
            ticks_rect.top()..=rect.bottom(),
            Stroke::new(width, CURSOR),
        );
        let head = cx.clamp(x0 + 6.0, x1 - 6.0);
        painter.add(egui::Shape::convex_polygon(
            vec![
                pos2(head - 6.0, ticks_rect.top()),
                pos2(head + 6.0, ticks_rect.top()),
                pos2(head, ticks_rect.top() + 9.0),
            ],
            CURSOR,
            Stroke::NONE,
        ));
    }
    actions
}

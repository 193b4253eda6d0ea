//! The plot area: tick strip (the ruler), histogram, the time window's
//! strip, bars and the time cursor, with wheel zoom, and presses handled as
//! in a video editor (see [`grab`](super::grab)): the ruler and histogram
//! scrub, the cursor line is held along its height, the strip moves the
//! window, empty bar area pans.
//!
//! [`show`] lays the plot out and calls its parts in order: what the
//! pointer does ([`press`](super::press)), then each mark drawn over the
//! one before ([`marks`](super::marks)), the bars between the histogram and
//! the window's edges.

use egui::{Id, Sense, vec2};

use super::axis::Axis;
use super::bars::BarsInput;
use super::strips::{Layout, Plot};
use super::{State, bars, marks, press, proposed};
use crate::model::action::Action;

/// Least height of the whole plot, so that bars always have room.
const MIN_HEIGHT: f32 = 150.0;

/// Draws the plot and returns the actions of the cursor, window and bars.
pub fn show(ui: &mut egui::Ui, input: &BarsInput<'_>, state: &mut State) -> Vec<Action> {
    let time = &input.view.time;
    let size = vec2(ui.available_width(), ui.available_height().max(MIN_HEIGHT));
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    if rect.width() < 20.0 {
        return Vec::new();
    }
    let layout = Layout::new(rect);
    let held = state
        .axis
        .unwrap_or_else(|| Axis::around(time.window.0, time.window.1));
    // Presses reach the plot a little past either end (see `Zones::reach`).
    let background = ui.interact(
        layout.zones(&held, time).reach(),
        Id::unique("timeline-plot"),
        Sense::click_and_drag(),
    );
    let pressed = press::hold(ui, &background, &layout.zones(&held, time), &mut state.grab);
    let axis = press::moved_axis(ui, &background, &pressed, state.grab, held, rect);
    state.axis = Some(axis);
    let zones = layout.zones(&axis, time);
    let on = Plot {
        layout: &layout,
        zones: &zones,
        axis: &axis,
        time,
    };
    let mut actions: Vec<Action> = press::scrub(ui, &background, &pressed, state.grab, &on)
        .into_iter()
        .collect();
    actions.extend(press::move_window(&background, &pressed, state.grab, &on));
    press::show_resize_cursor(ui, &zones, state.grab);

    let painter = ui.painter_at(rect);
    marks::ticks(ui, &painter, &layout, &axis);
    marks::window(ui, &painter, &layout, zones.window_x);
    let stored = input.data.time_counts.as_deref();
    marks::histogram(ui, &painter, &on, (input.density, stored), state);
    let (band, bars_rect) = proposed::split(layout.bars, &axis, &input.proposed);
    if let Some(band) = band {
        actions.extend(proposed::show(ui, band, &axis, &input.proposed));
    }
    let bars = bars::show(ui, bars_rect, &axis, input);
    actions.extend(bars.actions);
    if let Some(t) = bars.zoom_at {
        // A click on a crowded row zooms in eight times about it.
        state.axis = Some(axis.zoom(8.0, t));
    }
    marks::window_edges(ui, &painter, &layout, &zones, state.grab);
    marks::cursor(ui, &painter, &layout, &zones, state.grab);
    actions
}

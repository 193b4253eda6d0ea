//! What the pointer does on the timeline's plot, each part returning what
//! it asks for: a press takes hold of a part of the plot ([`hold`], from
//! where it lands, see [`grab`](super::grab)); the hold and the wheel move
//! the axis ([`moved_axis`]); the cursor follows a scrub ([`scrub`]); the
//! window is moved or resized ([`move_window`]).

use egui::{Pos2, Rect, Response};

use super::axis::{Axis, stamp};
use super::grab::{Grab, Zones};
use super::playback::{MIN_WINDOW, with_cursor};
use super::strips::Plot;
use crate::data::time::Seconds;
use crate::model::action::Action;

/// What the pointer did on the plot this frame.
#[derive(Clone, Copy, Debug)]
pub struct Pressed {
    /// Where the press that is down (or was just released) started.
    origin: Option<Pos2>,
    /// Whether the pointer moved while held, the release's frame included.
    moving: bool,
    /// How far it moved across, in points.
    dx: f32,
}

/// Keeps `grab`, what a press on `background` took hold of in `zones`,
/// until the press is released. The frame of the release still moves what
/// is held: a slow frame may bring the last move and the release together.
pub fn hold(
    ui: &egui::Ui,
    background: &Response,
    zones: &Zones,
    grab: &mut Option<Grab>,
) -> Pressed {
    let origin = ui.input(|i| i.pointer.press_origin());
    let released = background.drag_stopped();
    if background.is_pointer_button_down_on() || released {
        if grab.is_none() {
            *grab = origin.and_then(|p| zones.grab_at(p));
        }
    } else {
        *grab = None;
    }
    let moving = background.dragged() || released;
    let dx = if moving {
        ui.input(|i| i.pointer.delta().x)
    } else {
        0.0
    };
    Pressed { origin, moving, dx }
}

/// The axis panned by a held pan and zoomed by the wheel or a pinch over
/// the plot at `rect`.
pub fn moved_axis(
    ui: &egui::Ui,
    background: &Response,
    pressed: &Pressed,
    grab: Option<Grab>,
    mut axis: Axis,
    rect: Rect,
) -> Axis {
    let (x0, x1) = (rect.left(), rect.right());
    if pressed.moving && grab == Some(Grab::Pan) {
        axis = axis.shifted(-f64::from(pressed.dx) * axis.span() / f64::from(rect.width()));
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
    axis
}

/// The cursor follows a press on the ruler at once, and a press on its
/// line once the pointer moves; a click there puts it under the pointer.
/// A tooltip tells the time while it moves.
pub fn scrub(
    ui: &egui::Ui,
    background: &Response,
    pressed: &Pressed,
    grab: Option<Grab>,
    on: &Plot<'_>,
) -> Option<Action> {
    let zones = on.zones;
    let pointer = background.interact_pointer_pos();
    let p = match (grab, pointer, pressed.origin) {
        (Some(Grab::Cursor), Some(p), Some(o)) if zones.ruler.contains(o) => p,
        (Some(Grab::Cursor), Some(p), _) if pressed.moving => p,
        (None, Some(p), _) if background.clicked() && zones.grab_at(p) == Some(Grab::Cursor) => p,
        _ => return None,
    };
    let (x0, x1) = (on.layout.rect.left(), on.layout.rect.right());
    let t = on.layout.t(on.axis, p.x.clamp(x0, x1 - 1.0));
    let mut next = with_cursor(on.time, t);
    next.playing = false;
    egui::Tooltip::always_open(
        ui.ctx().clone(),
        ui.layer_id(),
        background.id,
        egui::PopupAnchor::Pointer,
    )
    .show(|ui| ui.label(format!("Time cursor: {}", stamp(t))));
    Some(Action::SetTime(next))
}

/// The window moved by a held strip, or resized by a held edge.
pub fn move_window(
    background: &Response,
    pressed: &Pressed,
    grab: Option<Grab>,
    on: &Plot<'_>,
) -> Option<Action> {
    let p = background
        .interact_pointer_pos()
        .filter(|_| pressed.moving)?;
    let time = on.time;
    let (wa, wb) = time.window;
    let mut next = time.clone();
    match grab {
        Some(Grab::WindowStart) => next.window.0 = on.layout.t(on.axis, p.x).min(wb - MIN_WINDOW),
        Some(Grab::WindowEnd) => next.window.1 = on.layout.t(on.axis, p.x).max(wa + MIN_WINDOW),
        Some(Grab::Window) => {
            let width = f64::from(on.layout.rect.width());
            let dt = (f64::from(pressed.dx) * on.axis.span() / width).round() as Seconds;
            next.window = (wa + dt, wb + dt);
            next.cursor += dt;
        }
        _ => {}
    }
    (next != *time).then_some(Action::SetTime(next))
}

/// A horizontal resize pointer while the cursor or a window edge is held,
/// or hovered.
pub fn show_resize_cursor(ui: &egui::Ui, zones: &Zones, grab: Option<Grab>) {
    let resizing = match grab {
        Some(g) => g != Grab::Pan,
        None => ui
            .input(|i| i.pointer.hover_pos())
            .is_some_and(|p| zones.resizes_at(p)),
    };
    if resizing {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }
}

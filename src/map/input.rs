//! Turns pointer and keyboard input over the map into a new camera.

use egui::{Key, Rect, Response, Ui};

use crate::model::camera::{Camera, Projection};

/// How far one arrow key press pans, in points.
const ARROW_STEP: f32 = 80.0;
/// Zoom factor of one `+`/`-` press or double click.
const KEY_ZOOM: f64 = 1.5;

/// The camera after this frame's input, or `None` when nothing moved it.
/// Keys count only while no widget has the keyboard focus; arrow keys also
/// need the pointer over the map (elsewhere they belong to lists).
pub fn camera_after_input(
    ui: &Ui,
    response: &Response,
    rect: Rect,
    proj: &Projection,
    camera: &Camera,
) -> Option<Camera> {
    let mut cam = *camera;
    if response.dragged() {
        cam = cam.panned(proj, response.drag_delta());
    }
    if response.double_clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        cam = cam.zoomed_about(proj, rect, p, 2.0);
    }
    let hovered = response.hovered() || response.contains_pointer();
    let (scroll, zoom, pointer) = ui.input(|i| {
        (
            i.smooth_scroll_delta(),
            i.zoom_delta(),
            i.pointer.hover_pos(),
        )
    });
    if hovered && let Some(p) = pointer {
        let mut factor = f64::from(zoom);
        if scroll.y != 0.0 {
            factor *= (f64::from(scroll.y) / 200.0).exp();
        }
        if factor != 1.0 {
            cam = cam.zoomed_about(proj, rect, p, factor);
        }
    }
    let keys_free = !ui.ctx().memory(|m| m.focused().is_some());
    if keys_free {
        let (zoom_in, zoom_out, arrows) = ui.input(|i| {
            let zoom_in = i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals);
            let zoom_out = i.key_pressed(Key::Minus);
            let mut d = egui::Vec2::ZERO;
            for (key, step) in [
                (Key::ArrowLeft, egui::vec2(ARROW_STEP, 0.0)),
                (Key::ArrowRight, egui::vec2(-ARROW_STEP, 0.0)),
                (Key::ArrowUp, egui::vec2(0.0, ARROW_STEP)),
                (Key::ArrowDown, egui::vec2(0.0, -ARROW_STEP)),
            ] {
                if i.key_pressed(key) {
                    d += step;
                }
            }
            (zoom_in, zoom_out, d)
        });
        if zoom_in {
            cam = cam.zoomed_about(proj, rect, rect.center(), KEY_ZOOM);
        }
        if zoom_out {
            cam = cam.zoomed_about(proj, rect, rect.center(), 1.0 / KEY_ZOOM);
        }
        if hovered && arrows != egui::Vec2::ZERO {
            cam = cam.panned(proj, arrows);
        }
    }
    (cam != *camera).then_some(cam)
}

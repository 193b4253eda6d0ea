//! The plot's marks, each drawn by one function over those before it:
//! ticks and grid, the time window's shade and strip, the histogram (and
//! the ruler's tooltip), the window's edges and the time cursor. The
//! ruler, the window's edges and the cursor are named areas for screen
//! readers and tests.

use std::borrow::Cow;

use egui::{Color32, Id, Painter, Rect, Sense, Stroke, pos2, vec2};

use super::axis::{Axis, label_width, stamp, ticks as axis_ticks};
use super::density::Density;
use super::grab::{Grab, Zones};
use super::strips::{Layout, Plot, STRIP_H};
use super::{State, histogram as counts};
use crate::data::counts::TimeCounts;

/// The time cursor's colour.
const CURSOR: Color32 = Color32::from_rgb(230, 120, 0);

/// A named area for screen readers and tests; presses on it reach the plot.
fn region(ui: &egui::Ui, rect: Rect, name: &'static str) -> egui::Response {
    let response = ui.interact(rect, Id::unique(("timeline-region", name)), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, name));
    response
}

/// The tick strip, with a grid line down the plot at each tick.
pub fn ticks(ui: &egui::Ui, painter: &Painter, layout: &Layout, axis: &Axis) {
    let visuals = ui.visuals();
    let text = visuals.text_color();
    let (strip, rect) = (layout.ticks, layout.rect);
    painter.rect_filled(strip, 0.0, visuals.faint_bg_color);
    for tick in axis_ticks(axis, rect.width()) {
        let tx = layout.x(axis, tick.t as f64);
        painter.vline(
            tx,
            strip.bottom()..=rect.bottom(),
            Stroke::new(1.0, visuals.faint_bg_color),
        );
        painter.vline(
            tx,
            strip.bottom() - 4.0..=strip.bottom(),
            Stroke::new(1.0, text),
        );
        // A label that would run past the right edge is left out, not cut.
        if tx + 3.0 + label_width(&tick.label) > rect.right() {
            continue;
        }
        painter.text(
            pos2(tx + 3.0, strip.top() + 2.0),
            egui::Align2::LEFT_TOP,
            &tick.label,
            egui::FontId::proportional(12.0),
            text,
        );
    }
}

/// The window between screen x `wx`, shaded over histogram and bars, and
/// its strip.
pub fn window(ui: &egui::Ui, painter: &Painter, layout: &Layout, wx: (f32, f32)) {
    let visuals = ui.visuals();
    let accent = visuals.selection.bg_fill;
    let shade = Rect::from_min_max(
        pos2(wx.0, layout.hist.top()),
        pos2(wx.1, layout.rect.bottom()),
    );
    painter.rect_filled(shade, 0.0, accent.gamma_multiply(0.18));
    painter.rect_filled(layout.strip, 0.0, visuals.faint_bg_color);
    let body = Rect::from_x_y_ranges(wx.0..=wx.1, layout.strip.shrink2(vec2(0.0, 2.0)).y_range());
    painter.rect_filled(body, 3.0, accent.gamma_multiply(0.7));
}

/// The histogram of `density` (its counts kept in `state` until the axis
/// or the events change), or the store's counts in `stored` when the
/// store is asked per view, and the ruler over ticks and histogram telling
/// the time and count under the pointer.
pub fn histogram(
    ui: &egui::Ui,
    painter: &Painter,
    on: &Plot<'_>,
    (density, stored): (&Density, Option<&TimeCounts>),
    state: &mut State,
) {
    let (layout, axis) = (on.layout, on.axis);
    let visuals = ui.visuals();
    let fitting = counts::Bins::fitting(axis, layout.rect.width());
    state.histogram.update(fitting, density);
    let (bins, shares, meaning) = match stored {
        Some(stored) => (
            counts::Bins {
                start: stored.bins.start,
                step: stored.bins.step,
                count: stored.counts.len(),
            },
            Cow::Owned(stored.counts.iter().map(|&n| n as f32).collect()),
            counts::MEANING_STORED,
        ),
        // The timeline's own shares, kept in `state`, are not copied.
        None => (
            fitting,
            Cow::Borrowed(state.histogram.counts()),
            counts::MEANING,
        ),
    };
    counts::paint(
        painter,
        layout.hist,
        (axis, &bins),
        &shares,
        on.zones.window_x,
        (
            visuals.selection.bg_fill,
            visuals.weak_text_color().gamma_multiply(0.5),
        ),
    );
    let ruler = region(ui, on.zones.ruler, "Time ruler");
    if state.grab.is_some() {
        return;
    }
    let Some(p) = ruler.hover_pos() else {
        return;
    };
    let t = layout.t(axis, p.x);
    let Some(b) = bins.at(t) else {
        return;
    };
    let n = shares.get(b).copied().unwrap_or(0.0);
    let n = if stored.is_some() {
        format!("{n:.0}")
    } else {
        format!("{n:.1}")
    };
    let (a, z) = bins.time(b);
    ruler.on_hover_text_at_pointer(format!(
        "{}\n{n} events from {} to {}\n({meaning})\nClick or drag to move the cursor",
        stamp(t),
        stamp(a),
        stamp(z),
    ));
}

/// The window's edges down the plot, thicker while held, with their grips
/// and the window's body in the strip.
pub fn window_edges(
    ui: &egui::Ui,
    painter: &Painter,
    layout: &Layout,
    zones: &Zones,
    grab: Option<Grab>,
) {
    let accent = ui.visuals().selection.bg_fill;
    let wx = zones.window_x;
    let strip = layout.strip;
    region(ui, zones.edge_band(wx.0), "Window start");
    region(ui, zones.edge_band(wx.1), "Window end");
    let inner = Rect::from_x_y_ranges(wx.0 + 6.0..=wx.1 - 6.0, strip.y_range());
    if inner.width() > 2.0 {
        region(ui, inner.intersect(layout.rect), "Time window");
    }
    for (x, edge) in [(wx.0, Grab::WindowStart), (wx.1, Grab::WindowEnd)] {
        let w = if grab == Some(edge) { 3.0 } else { 1.5 };
        painter.vline(
            x,
            layout.hist.top()..=layout.rect.bottom(),
            Stroke::new(w, accent),
        );
        painter.rect_filled(
            Rect::from_center_size(pos2(x, strip.center().y), vec2(5.0, STRIP_H)),
            1.0,
            accent,
        );
    }
}

/// The time cursor over everything: a line down the plot, thicker while
/// held, and a head on the ruler; none when it is out of view.
pub fn cursor(
    ui: &egui::Ui,
    painter: &Painter,
    layout: &Layout,
    zones: &Zones,
    grab: Option<Grab>,
) {
    let band = zones.cursor_band();
    if !band.is_positive() {
        return;
    }
    region(ui, band, "Time cursor");
    let (x0, x1) = (layout.rect.left(), layout.rect.right());
    let top = layout.ticks.top();
    // Drawn inside the plot even when it sits on either end.
    let cx = zones.cursor_x.clamp(x0 + 1.0, x1 - 1.0);
    let width = if grab == Some(Grab::Cursor) { 3.0 } else { 2.0 };
    painter.vline(cx, top..=layout.rect.bottom(), Stroke::new(width, CURSOR));
    let head = cx.clamp(x0 + 6.0, x1 - 6.0);
    painter.add(egui::Shape::convex_polygon(
        vec![
            pos2(head - 6.0, top),
            pos2(head + 6.0, top),
            pos2(head, top + 9.0),
        ],
        CURSOR,
        Stroke::NONE,
    ));
}

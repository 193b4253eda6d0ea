//! Where the parts of the timeline's plot are on screen: its strips, top
//! to bottom, and the plot as drawn this frame, which the parts that act
//! on it ([`press`](super::press)) and draw it ([`marks`](super::marks))
//! read.

use egui::{Rect, pos2, vec2};

use super::axis::Axis;
use super::grab::Zones;
use crate::data::time::Seconds;
use crate::model::view::TimeView;

/// Height of the tick strip.
const TICKS_H: f32 = 20.0;
/// Height of the histogram strip.
const HIST_H: f32 = 30.0;
/// Height of the strip showing the time window.
pub const STRIP_H: f32 = 10.0;

/// Where the plot's strips are on screen, top to bottom.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// The whole plot.
    pub rect: Rect,
    /// The tick strip.
    pub ticks: Rect,
    /// The histogram, under the ticks.
    pub hist: Rect,
    /// The strip showing the time window, under the histogram.
    pub strip: Rect,
    /// The bars, under the strip.
    pub bars: Rect,
}

impl Layout {
    /// The strips of a plot filling `rect`.
    pub fn new(rect: Rect) -> Self {
        let x0 = rect.left();
        let ticks = Rect::from_min_size(rect.min, vec2(rect.width(), TICKS_H));
        let hist = Rect::from_min_size(pos2(x0, ticks.bottom()), vec2(rect.width(), HIST_H));
        let strip = Rect::from_min_size(pos2(x0, hist.bottom()), vec2(rect.width(), STRIP_H));
        let bars = Rect::from_min_max(pos2(x0, strip.bottom() + 2.0), rect.max);
        Self {
            rect,
            ticks,
            hist,
            strip,
            bars,
        }
    }

    /// Screen x of time `t` on `axis`.
    pub fn x(&self, axis: &Axis, t: f64) -> f32 {
        axis.x(t, self.rect.left(), self.rect.right())
    }

    /// The time at screen x on `axis`, to the second.
    pub fn t(&self, axis: &Axis, x: f32) -> Seconds {
        axis.t(x, self.rect.left(), self.rect.right()).round() as Seconds
    }

    /// Where what a press can hold is, with `time` drawn on `axis`.
    pub fn zones(&self, axis: &Axis, time: &TimeView) -> Zones {
        Zones {
            plot: self.rect,
            ruler: self.ticks.union(self.hist),
            strip: self.strip,
            cursor_x: self.x(axis, time.cursor as f64),
            window_x: (
                self.x(axis, time.window.0 as f64),
                self.x(axis, time.window.1 as f64),
            ),
        }
    }
}

/// The plot as drawn this frame, for the parts that act on it.
pub struct Plot<'a> {
    /// Where its strips are.
    pub layout: &'a Layout,
    /// What a press holds where.
    pub zones: &'a Zones,
    /// The axis after this frame's pan and zoom.
    pub axis: &'a Axis,
    /// The time cursor and window.
    pub time: &'a TimeView,
}

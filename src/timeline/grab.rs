//! What a press on the timeline's plot takes hold of, decided from where it
//! lands, as in a video editor: the ruler and the histogram scrub the time
//! cursor; the cursor line is held along its whole height; the window strip
//! moves or resizes the time window; empty bar area pans the axis.

use egui::{Pos2, Rect};

/// Half the width of the band around the time cursor line that holds it,
/// in points.
pub const CURSOR_GRIP: f32 = 6.0;
/// Half the width of the band around a window edge that holds it, in points.
pub const EDGE_GRIP: f32 = 5.0;

/// What a press holds until it is released.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grab {
    /// The time cursor follows the pointer.
    Cursor,
    /// The window's start follows the pointer.
    WindowStart,
    /// The window's end follows the pointer.
    WindowEnd,
    /// The whole window moves with the pointer.
    Window,
    /// The axis pans with the pointer.
    Pan,
}

/// Where the parts of the plot are on screen this frame.
#[derive(Clone, Copy, Debug)]
pub struct Zones {
    /// The whole plot.
    pub plot: Rect,
    /// The tick strip and the histogram under it.
    pub ruler: Rect,
    /// The strip showing the time window.
    pub strip: Rect,
    /// Screen x of the time cursor.
    pub cursor_x: f32,
    /// Screen x of the window's start and end.
    pub window_x: (f32, f32),
}

impl Zones {
    /// The band that holds the cursor line: its whole height, and kept its
    /// full width inside the plot when the cursor sits at either end (none
    /// when the cursor is out of view).
    pub fn cursor_band(&self) -> Rect {
        let (x0, x1) = (self.plot.left(), self.plot.right());
        if self.cursor_x < x0 - CURSOR_GRIP || self.cursor_x > x1 + CURSOR_GRIP {
            return Rect::NOTHING;
        }
        let width = 2.0 * CURSOR_GRIP;
        let left = (self.cursor_x - CURSOR_GRIP).clamp(x0, (x1 - width).max(x0));
        Rect::from_x_y_ranges(left..=left + width, self.plot.y_range())
    }

    /// The band of the window strip that holds the window's edge at `x`.
    pub fn edge_band(&self, x: f32) -> Rect {
        Rect::from_x_y_ranges(x - EDGE_GRIP..=x + EDGE_GRIP, self.strip.y_range())
            .intersect(self.plot)
    }

    /// The plot and a margin of [`CURSOR_GRIP`] on either side: a press
    /// there acts as at the nearest end of the plot, so that a cursor
    /// sitting at an end is held from either side of its line.
    pub fn reach(&self) -> Rect {
        self.plot.expand2(egui::vec2(CURSOR_GRIP, 0.0))
    }

    /// What a press at `p` takes hold of, if it is within [`Self::reach`].
    pub fn grab_at(&self, p: Pos2) -> Option<Grab> {
        if !self.reach().contains(p) {
            return None;
        }
        let p = Pos2::new(p.x.clamp(self.plot.left(), self.plot.right()), p.y);
        let (wa, wb) = self.window_x;
        if self.strip.contains(p) {
            // In the strip the window's edges come first, so that they can
            // be held where the cursor sits on them.
            if self.edge_band(wb).contains(p) {
                return Some(Grab::WindowEnd);
            }
            if self.edge_band(wa).contains(p) {
                return Some(Grab::WindowStart);
            }
            if p.x > wa && p.x < wb {
                return Some(Grab::Window);
            }
        }
        if self.cursor_band().contains(p) || self.ruler.contains(p) {
            return Some(Grab::Cursor);
        }
        Some(Grab::Pan)
    }

    /// Whether the pointer at `p` should show a horizontal resize cursor:
    /// over the cursor line and the window's edges.
    pub fn resizes_at(&self, p: Pos2) -> bool {
        match self.grab_at(p) {
            Some(Grab::WindowStart | Grab::WindowEnd) => true,
            Some(Grab::Cursor) => {
                let x = p.x.clamp(self.plot.left(), self.plot.right());
                self.cursor_band().contains(Pos2::new(x, p.y))
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn zones(cursor_x: f32) -> Zones {
        Zones {
            plot: Rect::from_min_max(pos2(0.0, 0.0), pos2(1000.0, 200.0)),
            ruler: Rect::from_min_max(pos2(0.0, 0.0), pos2(1000.0, 56.0)),
            strip: Rect::from_min_max(pos2(0.0, 56.0), pos2(1000.0, 68.0)),
            cursor_x,
            window_x: (200.0, 1000.0),
        }
    }

    #[test]
    fn the_ruler_and_the_cursor_line_scrub_and_empty_bars_pan() {
        let z = zones(500.0);
        assert_eq!(z.grab_at(pos2(100.0, 10.0)), Some(Grab::Cursor));
        assert_eq!(z.grab_at(pos2(100.0, 40.0)), Some(Grab::Cursor));
        assert_eq!(z.grab_at(pos2(504.0, 150.0)), Some(Grab::Cursor));
        assert_eq!(z.grab_at(pos2(520.0, 150.0)), Some(Grab::Pan));
        assert_eq!(z.grab_at(pos2(1200.0, 150.0)), None);
    }

    #[test]
    fn the_window_is_held_in_its_strip_even_under_the_cursor() {
        let z = zones(1000.0);
        assert_eq!(z.grab_at(pos2(203.0, 60.0)), Some(Grab::WindowStart));
        assert_eq!(z.grab_at(pos2(998.0, 60.0)), Some(Grab::WindowEnd));
        assert_eq!(z.grab_at(pos2(600.0, 60.0)), Some(Grab::Window));
        assert_eq!(z.grab_at(pos2(100.0, 60.0)), Some(Grab::Pan));
    }

    #[test]
    fn the_cursor_at_either_end_of_the_plot_keeps_a_full_grip() {
        for (x, inside) in [(1000.0, 990.0), (1003.0, 989.0), (0.0, 11.0)] {
            let band = zones(x).cursor_band();
            assert!((band.width() - 2.0 * CURSOR_GRIP).abs() < 1e-3);
            assert!(band.contains(pos2(inside, 150.0)), "{x}: {band:?}");
            assert_eq!(zones(x).grab_at(pos2(inside, 150.0)), Some(Grab::Cursor));
        }
        assert_eq!(zones(1400.0).grab_at(pos2(995.0, 150.0)), Some(Grab::Pan));
        // Just past the end of the plot, beside a cursor sitting there.
        assert_eq!(
            zones(999.0).grab_at(pos2(1004.0, 150.0)),
            Some(Grab::Cursor)
        );
        assert!(zones(999.0).resizes_at(pos2(1004.0, 150.0)));
        assert_eq!(zones(500.0).grab_at(pos2(1004.0, 150.0)), Some(Grab::Pan));
        assert_eq!(zones(999.0).grab_at(pos2(1010.0, 150.0)), None);
    }
}

//! How one timeline bar is shaped: its ends fade out over a share of its
//! length that grows as the source dates the event less precisely.

use egui::epaint::Mesh;
use egui::{Color32, pos2};

use crate::data::event::DatePrecision;

/// Fraction of a bar's length faded at each end for a date precision.
pub fn fade_fraction(precision: Option<DatePrecision>) -> f32 {
    match precision {
        None | Some(DatePrecision::Time) => 0.0,
        Some(DatePrecision::Day) => 0.12,
        Some(DatePrecision::Days) => 0.2,
        Some(DatePrecision::Week) => 0.28,
        Some(DatePrecision::Month) => 0.34,
        Some(DatePrecision::Year) => 0.4,
        Some(DatePrecision::Years) => 0.46,
    }
}

/// Adds a horizontal bar to `mesh` spanning `full` (its true ends, which may
/// lie far outside the plot) whose ends fade out over `fade` points, drawn
/// only between `clip` and with `top`/`bottom` as its edges.
pub fn add_faded_bar(
    mesh: &mut Mesh,
    full: (f32, f32),
    clip: (f32, f32),
    y: (f32, f32),
    fade: f32,
    color: Color32,
) {
    let fade = fade.min((full.1 - full.0) / 2.0).max(0.0);
    // Opacity along the bar: 0 at the true ends, 1 once `fade` inside them.
    let alpha = |x: f32| {
        if fade <= 0.0 {
            1.0
        } else {
            ((x - full.0).min(full.1 - x) / fade).clamp(0.0, 1.0)
        }
    };
    let (lo, hi) = (full.0.max(clip.0), full.1.min(clip.1));
    if hi <= lo {
        return;
    }
    let mut xs = vec![lo];
    xs.extend(
        [full.0 + fade, full.1 - fade]
            .into_iter()
            .filter(|x| *x > lo && *x < hi),
    );
    xs.push(hi);
    let base = mesh.vertices.len() as u32;
    for x in &xs {
        let c = color.gamma_multiply(alpha(*x));
        mesh.colored_vertex(pos2(*x, y.0), c);
        mesh.colored_vertex(pos2(*x, y.1), c);
    }
    for k in 0..(xs.len() as u32 - 1) {
        let a = base + 2 * k;
        mesh.add_triangle(a, a + 1, a + 2);
        mesh.add_triangle(a + 1, a + 2, a + 3);
    }
}

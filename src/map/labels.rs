//! Greedy label placement: the most important labels first, each at the
//! first of a few positions around its anchor where it overlaps nothing.

use egui::{Pos2, Rect, Vec2, vec2};

/// A label that wants a place on the map.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    /// The point the label describes (a place's dot).
    pub anchor: Pos2,
    /// The label's size.
    pub size: Vec2,
    /// Higher goes first (e.g. population).
    pub priority: f64,
}

/// Gap between a dot and its label.
const GAP: f32 = 4.0;

/// Places labels without overlaps, inside `bounds`, avoiding `obstacles`.
/// Returns, for each placed candidate, its index and rectangle.
pub fn place(candidates: &[Candidate], bounds: Rect, obstacles: &[Rect]) -> Vec<(usize, Rect)> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| candidates[b].priority.total_cmp(&candidates[a].priority));
    let mut placed: Vec<(usize, Rect)> = Vec::new();
    for i in order {
        let c = candidates[i];
        let half = c.size.y / 2.0;
        let options = [
            Pos2::new(c.anchor.x + GAP, c.anchor.y - half),
            Pos2::new(c.anchor.x - GAP - c.size.x, c.anchor.y - half),
            Pos2::new(c.anchor.x - c.size.x / 2.0, c.anchor.y - GAP - c.size.y),
            Pos2::new(c.anchor.x - c.size.x / 2.0, c.anchor.y + GAP),
        ];
        let free = options
            .into_iter()
            .map(|min| Rect::from_min_size(min, c.size))
            .find(|r| {
                bounds.contains_rect(*r)
                    && !obstacles.iter().any(|o| o.intersects(*r))
                    && !placed.iter().any(|(_, p)| p.expand(1.0).intersects(*r))
            });
        if let Some(rect) = free {
            placed.push((i, rect));
        }
    }
    placed
}

/// The smallest population a place needs to be shown at this zoom.
pub fn min_population(points_per_km: f64) -> u64 {
    if points_per_km < 0.8 {
        200_000
    } else if points_per_km < 2.0 {
        40_000
    } else if points_per_km < 5.0 {
        10_000
    } else if points_per_km < 12.0 {
        3_000
    } else {
        0
    }
}

/// The size of a label box for `chars` characters at `font_size`, used by tests.
pub fn approx_size(chars: usize, font_size: f32) -> Vec2 {
    vec2(chars as f32 * font_size * 0.55, font_size * 1.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placed_labels_never_overlap() {
        let mut candidates = Vec::new();
        // A dense grid of places, many closer than their labels are wide.
        for i in 0..30 {
            for j in 0..20 {
                candidates.push(Candidate {
                    anchor: Pos2::new(20.0 + i as f32 * 23.0, 20.0 + j as f32 * 17.0),
                    size: approx_size(5 + (i * j) % 9, 12.0),
                    priority: ((i * 7 + j * 13) % 31) as f64,
                });
            }
        }
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(700.0, 380.0));
        let obstacle = Rect::from_min_size(Pos2::new(300.0, 100.0), vec2(80.0, 80.0));
        let placed = place(&candidates, bounds, &[obstacle]);
        assert!(placed.len() > 40, "only {} placed", placed.len());
        for (n, (_, a)) in placed.iter().enumerate() {
            assert!(bounds.contains_rect(*a));
            assert!(!a.intersects(obstacle));
            for (_, b) in &placed[n + 1..] {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
            }
        }
        // The most important candidate always gets a place.
        let best = (0..candidates.len())
            .max_by(|&a, &b| candidates[a].priority.total_cmp(&candidates[b].priority))
            .unwrap_or(0);
        assert!(placed.iter().any(|(i, _)| *i == best));
    }
}

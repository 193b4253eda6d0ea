//! Greedy label placement: the most important labels first, each at the
//! first of a few positions around its anchor where it overlaps nothing.

use egui::{Pos2, Rect, Vec2, vec2};
use rstar::{AABB, RTree, primitives::Rectangle};

/// A label that wants a place on the map.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    /// The point the label describes (a place's dot).
    pub anchor: Pos2,
    /// The label's size.
    pub size: Vec2,
    /// Higher goes first (e.g. population).
    pub priority: f64,
    /// Whether the label may move farther from its anchor when everything
    /// near it is taken (capitals, whose names must not vanish under a
    /// crowd of markers); the caller then joins them with a leader line.
    pub insistent: bool,
}

/// Gap between a dot and its label.
const GAP: f32 = 4.0;

/// Gaps tried, after [`GAP`], for an insistent label.
const FARTHER_GAPS: [f32; 4] = [16.0, 30.0, 46.0, 64.0];

/// Where a label of `size` may go around `anchor`, `gap` away: right, left,
/// above, below, then the four corners.
fn positions(anchor: Pos2, size: Vec2, gap: f32) -> [Rect; 8] {
    let half = size.y / 2.0;
    let (left, right) = (anchor.x - gap - size.x, anchor.x + gap);
    let (above, below) = (anchor.y - gap - size.y, anchor.y + gap);
    let middle_x = anchor.x - size.x / 2.0;
    let middle_y = anchor.y - half;
    [
        (right, middle_y),
        (left, middle_y),
        (middle_x, above),
        (middle_x, below),
        (right, above),
        (left, above),
        (right, below),
        (left, below),
    ]
    .map(|(x, y)| Rect::from_min_size(Pos2::new(x, y), size))
}

/// The envelope of a rectangle, for the R-tree of obstacles.
fn envelope(r: Rect) -> AABB<[f32; 2]> {
    AABB::from_corners([r.min.x, r.min.y], [r.max.x, r.max.y])
}

/// Places labels without overlaps, inside `bounds`, avoiding `obstacles`.
/// Returns, for each placed candidate, its index and rectangle. Obstacles
/// (thousands of markers on a crowded map) are looked up in an R-tree.
pub fn place(candidates: &[Candidate], bounds: Rect, obstacles: &[Rect]) -> Vec<(usize, Rect)> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| candidates[b].priority.total_cmp(&candidates[a].priority));
    let tree: RTree<Rectangle<[f32; 2]>> = RTree::bulk_load(
        obstacles
            .iter()
            // As with `Rect::intersects`, an empty or inverted rectangle
            // blocks nothing (nor does one that is not finite).
            .filter(|o| o.is_positive() && o.is_finite())
            .map(|o| Rectangle::from_aabb(envelope(*o)))
            .collect(),
    );
    let blocked = |r: Rect| {
        tree.locate_in_envelope_intersecting(&envelope(r))
            .next()
            .is_some()
    };
    let mut placed: Vec<(usize, Rect)> = Vec::new();
    for i in order {
        let c = candidates[i];
        let farther: &[f32] = if c.insistent { &FARTHER_GAPS } else { &[] };
        let free = std::iter::once(GAP)
            .chain(farther.iter().copied())
            .flat_map(|gap| positions(c.anchor, c.size, gap))
            .find(|r| {
                bounds.contains_rect(*r)
                    && !blocked(*r)
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
                    insistent: false,
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

    #[test]
    fn an_insistent_label_moves_out_of_a_crowd_of_markers() {
        let anchor = Pos2::new(200.0, 200.0);
        // Markers on a ring around the spot, as a spread cluster draws them,
        // and one on the spot.
        let mut markers: Vec<Rect> = (0..8)
            .map(|k| {
                let a = k as f32 * std::f32::consts::TAU / 8.0;
                Rect::from_center_size(anchor + 18.0 * vec2(a.cos(), a.sin()), vec2(14.0, 14.0))
            })
            .collect();
        markers.push(Rect::from_center_size(anchor, vec2(14.0, 14.0)));
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 400.0));
        let label = |insistent| Candidate {
            anchor,
            size: approx_size(7, 14.5),
            priority: 1.0,
            insistent,
        };
        assert!(place(&[label(false)], bounds, &markers).is_empty());
        let placed = place(&[label(true)], bounds, &markers);
        assert_eq!(placed.len(), 1);
        let rect = placed[0].1;
        assert!(!markers.iter().any(|m| m.intersects(rect)));
        assert!(rect.distance_to_pos(anchor) < 70.0, "{rect:?}");
    }
}

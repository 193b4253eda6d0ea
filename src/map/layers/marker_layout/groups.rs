//! How the marker layout groups the events in view: each joins the earliest
//! group within reach of its true position, found through a grid of screen
//! cells, and a group too many for a ring becomes a cluster.

use egui::{Pos2, Rect, vec2};

/// Markers whose true positions are closer than this (or than their symbols'
/// radii together, when larger) share a ring.
pub const GROUP_DISTANCE: f32 = 36.0;
/// Largest number of markers spread on a ring; larger groups become a
/// cluster, unless all of them sit on one spot (zooming in would not part
/// them) and are no more than [`MAX_ONE_SPOT_RING`].
pub const MAX_RING: usize = 10;
/// Largest number of markers on one spot spread on a ring; more become a
/// cluster, since a ring of hundreds would cover the map.
pub const MAX_ONE_SPOT_RING: usize = 30;
/// Side of the grid cells used to find nearby markers: no two markers farther
/// apart than this ever join one group.
pub(super) const CELL: f32 = 48.0;

/// Events read, or placed in groups, between two looks at whether a
/// layout is still wanted.
pub(super) const LOOK_EVERY: usize = 16_384;

/// An event in view, as the grouping reads it.
pub(super) struct Candidate {
    /// Index of the event in `Data::events`.
    pub(super) index: usize,
    /// Its true position on the screen.
    pub(super) anchor: Pos2,
    /// Its symbol's radius.
    pub(super) radius: f32,
    /// Whether it lies outside the time window.
    pub(super) faint: bool,
}

/// A group of markers forming around its first member's position, with
/// what is known of its members gathered as they join.
pub(super) struct Group {
    /// Its first member's true position, around which it forms.
    pub(super) centre: Pos2,
    /// How far its members' symbols reach from the centre.
    pub(super) reach: f32,
    /// How many members it has.
    pub(super) count: u32,
    /// The largest radius among its members.
    pub(super) widest: f32,
    /// The screen box of the members' true positions.
    pub(super) bounds: Rect,
    /// Whether every member lies on the centre.
    pub(super) one_spot: bool,
    /// Whether every member is outside the time window.
    pub(super) all_faint: bool,
}

impl Group {
    pub(super) fn new(c: &Candidate) -> Self {
        Self {
            centre: c.anchor,
            reach: c.radius * 1.2,
            count: 1,
            widest: c.radius,
            bounds: Rect::from_min_max(c.anchor, c.anchor),
            one_spot: true,
            all_faint: c.faint,
        }
    }

    /// Adds a member; returns its place among the members (its rank).
    pub(super) fn join(&mut self, c: &Candidate) -> u32 {
        self.reach = self.reach.max(c.radius * 1.2);
        self.widest = self.widest.max(c.radius);
        self.bounds.extend_with(c.anchor);
        self.one_spot &= self.centre.distance_sq(c.anchor) < 1.0;
        self.all_faint &= c.faint;
        self.count += 1;
        self.count - 1
    }

    /// Whether the group is too many for a ring and becomes a cluster.
    pub(super) fn is_cluster(&self) -> bool {
        let limit = if self.one_spot {
            MAX_ONE_SPOT_RING
        } else {
            MAX_RING
        };
        self.count as usize > limit
    }

    /// Where its member of rank `k` is drawn: on a ring around the centre
    /// when the group is shared, else on its own position.
    pub(super) fn place(&self, k: u32, anchor: Pos2) -> Pos2 {
        if self.count < 2 {
            return anchor;
        }
        let n = self.count as f32;
        // Diamonds and triangles reach past the radius (by a fifth); leave
        // room for the widest shape between neighbours and around the centre.
        let reach = self.widest * crate::ui_kit::symbols::SHAPE_REACH;
        let ring = ((2.0 * reach + 5.0) * n / std::f32::consts::TAU).max(2.0 * reach + 6.0);
        let angle = -std::f32::consts::FRAC_PI_2 + std::f32::consts::TAU * k as f32 / n;
        self.centre + ring * vec2(angle.cos(), angle.sin())
    }
}

/// The groups formed, and each candidate's group and rank in it.
pub(super) type Grouped = (Vec<Group>, Vec<(u32, u32)>);

/// Groups the candidates whose true positions are close, each group around
/// the position of its first member, a candidate joining the earliest
/// group in reach. `area` holds every candidate. Returns the groups and,
/// for each candidate, its group and rank in it; `None` once `stop` says so.
pub(super) fn group(
    candidates: &[Candidate],
    area: Rect,
    stop: &dyn Fn() -> bool,
) -> Option<Grouped> {
    let mut groups: Vec<Group> = Vec::new();
    let mut joined = Vec::with_capacity(candidates.len());
    let mut grid = Grid::new(area);
    for (k, c) in candidates.iter().enumerate() {
        if k % LOOK_EVERY == LOOK_EVERY - 1 && stop() {
            return None;
        }
        let (cx, cy) = grid.cell(c.anchor);
        let mut near: Option<u32> = None;
        for y in cy.saturating_sub(1)..=(cy + 1).min(grid.rows - 1) {
            for x in cx.saturating_sub(1)..=(cx + 1).min(grid.cols - 1) {
                // Each cell lists its groups in the order they formed.
                for &g in &grid.cells[y * grid.cols + x] {
                    if near.is_some_and(|n| n <= g) {
                        break;
                    }
                    let group = &groups[g as usize];
                    let reach = GROUP_DISTANCE.max(group.reach + c.radius * 1.2 + 4.0);
                    if group.centre.distance_sq(c.anchor) < reach * reach {
                        near = Some(g);
                        break;
                    }
                }
            }
        }
        match near {
            Some(g) => joined.push((g, groups[g as usize].join(c))),
            None => {
                let g = groups.len() as u32;
                grid.cells[cy * grid.cols + cx].push(g);
                groups.push(Group::new(c));
                joined.push((g, 0));
            }
        }
    }
    Some((groups, joined))
}

/// Square screen cells over an area, each listing the groups centred in it.
struct Grid {
    origin: Pos2,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
}

impl Grid {
    fn new(area: Rect) -> Self {
        let cols = (area.width() / CELL).ceil().max(1.0) as usize;
        let rows = (area.height() / CELL).ceil().max(1.0) as usize;
        Self {
            origin: area.min,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
        }
    }

    /// The column and row of the cell holding `p` (clamped to the grid).
    fn cell(&self, p: Pos2) -> (usize, usize) {
        let x = ((p.x - self.origin.x) / CELL).floor().max(0.0) as usize;
        let y = ((p.y - self.origin.y) / CELL).floor().max(0.0) as usize;
        (x.min(self.cols - 1), y.min(self.rows - 1))
    }
}

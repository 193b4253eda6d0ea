//! Where markers go on the screen: only events inside the view are laid out,
//! markers that share a spot are spread on a ring, and crowds too large for a
//! ring become one cluster with a count. Work per frame grows with the
//! events in view, never with all events loaded; nearby markers are found
//! through a grid of screen cells, not by comparing every pair.

use std::sync::Arc;

use egui::{Pos2, Rect, Vec2, vec2};

use crate::model::camera::{KmBox, ScreenTransform};
pub use crate::model::positions::EventPositions;

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
const CELL: f32 = 48.0;

/// A marker laid out on the screen.
#[derive(Clone, Debug)]
pub struct Marker {
    /// Index of the event in `Data::events`.
    pub index: usize,
    /// The event's true position on the screen.
    pub anchor: Pos2,
    /// Where the marker is drawn (moved onto a ring when the spot is shared).
    pub pos: Pos2,
    /// Radius in points.
    pub radius: f32,
    /// Whether it lies outside the time window (drawn faint).
    pub faint: bool,
}

/// Many events close together, drawn as one circle with their count.
#[derive(Clone, Debug)]
pub struct Cluster {
    /// Indices of its events in `Data::events` (shared by the moved
    /// copies of a layout).
    pub members: Arc<[usize]>,
    /// Where it is drawn: its first member's position.
    pub pos: Pos2,
    /// The box on the map plane its members span.
    pub extent: KmBox,
    /// Whether every member lies outside the time window (drawn faint).
    pub faint: bool,
    /// Whether all its members sit on one spot.
    pub one_spot: bool,
}

/// What the map draws for the events in view.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// Single markers, biggest first (so smaller ones are drawn on top).
    pub markers: Vec<Marker>,
    /// Clusters of events too many to spread.
    pub clusters: Vec<Cluster>,
}

/// What lies under a point of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A marker: the index of its event in `Data::events`.
    Marker(usize),
    /// A cluster: its index in `Layout::clusters`.
    Cluster(usize),
}

/// The area whose markers are drawn for a map in `rect`: the map and one
/// grid cell around it, so that symbols cut by the edge are still drawn.
pub fn in_view(rect: Rect) -> Rect {
    rect.expand(CELL)
}

impl Layout {
    /// This layout moved on the screen by `delta` (the map was panned), with
    /// only the markers and clusters drawn inside `area`.
    pub fn moved(&self, delta: Vec2, area: Rect) -> Layout {
        Layout {
            markers: self
                .markers
                .iter()
                .filter(|m| area.contains(m.pos + delta))
                .map(|m| Marker {
                    anchor: m.anchor + delta,
                    pos: m.pos + delta,
                    ..m.clone()
                })
                .collect(),
            clusters: self
                .clusters
                .iter()
                .filter(|c| area.contains(c.pos + delta))
                .map(|c| Cluster {
                    pos: c.pos + delta,
                    ..c.clone()
                })
                .collect(),
        }
    }

    /// This layout seen through `t` (the map was zoomed or resized since it
    /// was made): each marker at its event's new place with its offset on
    /// a ring kept, each cluster at its first member's, only those inside
    /// `area`. Shown while the layout for the new view is made.
    pub fn reprojected(
        &self,
        positions: &EventPositions,
        t: &ScreenTransform,
        area: Rect,
    ) -> Layout {
        Layout {
            markers: self
                .markers
                .iter()
                .filter_map(|m| {
                    let anchor = t.apply(positions.get(m.index)?);
                    let pos = anchor + (m.pos - m.anchor);
                    area.contains(pos).then(|| Marker {
                        anchor,
                        pos,
                        ..m.clone()
                    })
                })
                .collect(),
            clusters: self
                .clusters
                .iter()
                .filter_map(|c| {
                    let pos = t.apply(positions.get(*c.members.first()?)?);
                    area.contains(pos).then(|| Cluster { pos, ..c.clone() })
                })
                .collect(),
        }
    }

    /// The marker or cluster drawn on top at `pos`, if any: markers are
    /// drawn over clusters, and later markers over earlier ones. Work grows
    /// with the items on screen, which the grouping keeps few.
    pub fn hit(&self, pos: Pos2) -> Option<Hit> {
        let marker = self
            .markers
            .iter()
            .rev()
            .find(|m| m.pos.distance(pos) <= m.radius + HIT_SLOP);
        if let Some(m) = marker {
            return Some(Hit::Marker(m.index));
        }
        self.clusters
            .iter()
            .rposition(|c| c.pos.distance(pos) <= cluster_radius(c) + HIT_SLOP)
            .map(Hit::Cluster)
    }
}

/// How far outside a symbol a click still hits it, in points.
const HIT_SLOP: f32 = 3.0;

/// A group of markers forming around its first member's position, with
/// what is known of its members gathered as they join.
struct Group {
    centre: Pos2,
    reach: f32,
    members: Vec<usize>,
    /// The screen box of the members' true positions.
    bounds: Rect,
    /// Whether every member lies on the centre.
    one_spot: bool,
    /// Whether every member is outside the time window.
    all_faint: bool,
}

impl Group {
    fn new(index: usize, m: &Marker) -> Self {
        Self {
            centre: m.anchor,
            reach: m.radius * 1.2,
            members: vec![index],
            bounds: Rect::from_min_max(m.anchor, m.anchor),
            one_spot: true,
            all_faint: m.faint,
        }
    }

    fn join(&mut self, index: usize, m: &Marker) {
        self.reach = self.reach.max(m.radius * 1.2);
        self.members.push(index);
        self.bounds.extend_with(m.anchor);
        self.one_spot &= self.centre.distance_sq(m.anchor) < 1.0;
        self.all_faint &= m.faint;
    }
}

/// Lays out the events `items` (index, faint) that fall inside `rect`.
pub fn layout(
    positions: &EventPositions,
    items: impl IntoIterator<Item = (usize, bool)>,
    t: &ScreenTransform,
    rect: Rect,
) -> Layout {
    let area = in_view(rect);
    let mut markers: Vec<Marker> = items
        .into_iter()
        .filter_map(|(index, faint)| {
            let anchor = t.apply(positions.get(index)?);
            if !area.contains(anchor) {
                return None;
            }
            Some(Marker {
                index,
                anchor,
                pos: anchor,
                radius: positions.radius(index),
                faint,
            })
        })
        .collect();
    let groups = group(&markers, area);
    let mut out = Layout::default();
    let mut keep = vec![true; markers.len()];
    for g in groups.iter().filter(|g| g.members.len() > 1) {
        let limit = if g.one_spot {
            MAX_ONE_SPOT_RING
        } else {
            MAX_RING
        };
        if g.members.len() > limit {
            out.clusters.push(cluster(&markers, t, g));
            for &i in &g.members {
                keep[i] = false;
            }
        } else {
            spread(&mut markers, g);
        }
    }
    out.markers = markers
        .into_iter()
        .zip(keep)
        .filter_map(|(m, k)| k.then_some(m))
        .collect();
    out.markers.sort_by(|a, b| b.radius.total_cmp(&a.radius));
    out
}

/// Groups markers whose true positions are close, each group around the
/// position of its first member. `area` holds every marker.
fn group(markers: &[Marker], area: Rect) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut grid = Grid::new(area);
    for (i, m) in markers.iter().enumerate() {
        let (cx, cy) = grid.cell(m.anchor);
        let mut near: Option<usize> = None;
        for y in cy.saturating_sub(1)..=(cy + 1).min(grid.rows - 1) {
            for x in cx.saturating_sub(1)..=(cx + 1).min(grid.cols - 1) {
                for &g in &grid.cells[y * grid.cols + x] {
                    let group = &groups[g];
                    let reach = GROUP_DISTANCE.max(group.reach + m.radius * 1.2 + 4.0);
                    if near.is_none_or(|n| g < n)
                        && group.centre.distance_sq(m.anchor) < reach * reach
                    {
                        near = Some(g);
                    }
                }
            }
        }
        match near {
            Some(g) => groups[g].join(i, m),
            None => {
                grid.cells[cy * grid.cols + cx].push(groups.len());
                groups.push(Group::new(i, m));
            }
        }
    }
    groups
}

/// Square screen cells over an area, each listing the groups centred in it.
struct Grid {
    origin: Pos2,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<usize>>,
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

/// Moves a group's markers onto a ring around its centre.
fn spread(markers: &mut [Marker], g: &Group) {
    let n = g.members.len() as f32;
    let widest = g
        .members
        .iter()
        .map(|&i| markers[i].radius)
        .fold(0.0, f32::max);
    // Diamonds and triangles reach past the radius (by a fifth); leave room
    // for the widest shape between neighbours and around the centre.
    let reach = widest * crate::ui_kit::symbols::SHAPE_REACH;
    let ring = ((2.0 * reach + 5.0) * n / std::f32::consts::TAU).max(2.0 * reach + 6.0);
    for (k, &i) in g.members.iter().enumerate() {
        let angle = -std::f32::consts::FRAC_PI_2 + std::f32::consts::TAU * k as f32 / n;
        markers[i].pos = g.centre + ring * vec2(angle.cos(), angle.sin());
    }
}

/// Turns a group into a cluster.
fn cluster(markers: &[Marker], t: &ScreenTransform, g: &Group) -> Cluster {
    Cluster {
        members: g.members.iter().map(|&i| markers[i].index).collect(),
        pos: g.centre,
        extent: t.visible_box(g.bounds),
        faint: g.all_faint,
        one_spot: g.one_spot,
    }
}

/// The clickable area of a marker.
pub fn marker_rect(m: &Marker) -> Rect {
    Rect::from_center_size(m.pos, vec2(2.0 * m.radius + 6.0, 2.0 * m.radius + 6.0))
}

/// The radius of a cluster's circle: larger for more events.
pub fn cluster_radius(c: &Cluster) -> f32 {
    (9.0 + 3.0 * (c.members.len() as f32).log10() * 2.0).min(24.0)
}

/// The clickable area of a cluster.
pub fn cluster_rect(c: &Cluster) -> Rect {
    let r = cluster_radius(c) + 3.0;
    Rect::from_center_size(c.pos, vec2(2.0 * r, 2.0 * r))
}

#[cfg(test)]
#[path = "marker_layout_tests.rs"]
mod tests;

//! Where markers go on the screen: only events inside the view are laid out,
//! markers that share a spot are spread on a ring, and crowds too large for a
//! ring become one cluster with a count. Work per frame grows with the
//! events in view, never with all events loaded; nearby markers are found
//! through a grid of screen cells, not by comparing every pair.

use std::sync::Arc;

use egui::{Pos2, Rect, Vec2, vec2};

mod groups;

use crate::model::camera::{KmBox, ScreenTransform};
pub use crate::model::positions::EventPositions;
use groups::{CELL, Candidate, Group, LOOK_EVERY, group};
pub use groups::{GROUP_DISTANCE, MAX_ONE_SPOT_RING, MAX_RING};

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

/// Lays out the events `items` (index, faint) that fall inside `rect`.
/// Work and memory grow with the events in view: each is read once into a
/// small record, joins a group found through a grid of screen cells, and
/// only the members of clusters are listed.
pub fn layout(
    positions: &EventPositions,
    items: impl IntoIterator<Item = (usize, bool)>,
    t: &ScreenTransform,
    rect: Rect,
) -> Layout {
    layout_unless(positions, items, t, rect, &|| false).unwrap_or_default()
}

/// [`layout`], given up (`None`) as soon as `stop` says it is no longer
/// wanted: asked every [`LOOK_EVERY`] events, so that a layout made on a
/// thread for a view already left does not delay the next one.
pub fn layout_unless(
    positions: &EventPositions,
    items: impl IntoIterator<Item = (usize, bool)>,
    t: &ScreenTransform,
    rect: Rect,
    stop: &dyn Fn() -> bool,
) -> Option<Layout> {
    let area = in_view(rect);
    let mut candidates: Vec<Candidate> = Vec::new();
    for (k, (index, faint)) in items.into_iter().enumerate() {
        if k % LOOK_EVERY == LOOK_EVERY - 1 && stop() {
            return None;
        }
        let Some(at) = positions.get(index) else {
            continue;
        };
        let anchor = t.apply(at);
        if area.contains(anchor) {
            candidates.push(Candidate {
                index,
                anchor,
                radius: positions.radius(index),
                faint,
            });
        }
    }
    let (groups, joined) = group(&candidates, area, stop)?;
    let mut markers: Vec<Marker> = candidates
        .iter()
        .zip(&joined)
        .filter_map(|(c, &(g, k))| {
            let group = &groups[g as usize];
            (!group.is_cluster()).then(|| Marker {
                index: c.index,
                anchor: c.anchor,
                pos: group.place(k, c.anchor),
                radius: c.radius,
                faint: c.faint,
            })
        })
        .collect();
    markers.sort_by(|a, b| b.radius.total_cmp(&a.radius));
    Some(Layout {
        markers,
        clusters: clusters(&candidates, &groups, &joined, t),
    })
}

/// The groups too many for a ring, as clusters in the order the groups
/// formed, each listing its members in the order they joined.
fn clusters(
    candidates: &[Candidate],
    groups: &[Group],
    joined: &[(u32, u32)],
    t: &ScreenTransform,
) -> Vec<Cluster> {
    // Where each cluster's members start in one list of them all.
    let mut starts: Vec<Option<usize>> = Vec::with_capacity(groups.len());
    let mut total = 0;
    for g in groups {
        starts.push(g.is_cluster().then_some(total));
        if g.is_cluster() {
            total += g.count as usize;
        }
    }
    let mut members = vec![0; total];
    for (c, &(g, k)) in candidates.iter().zip(joined) {
        if let Some(start) = starts[g as usize] {
            members[start + k as usize] = c.index;
        }
    }
    groups
        .iter()
        .zip(&starts)
        .filter_map(|(g, start)| {
            let start = (*start)?;
            Some(Cluster {
                members: members[start..start + g.count as usize]
                    .iter()
                    .copied()
                    .collect(),
                pos: g.centre,
                extent: t.visible_box(g.bounds),
                faint: g.all_faint,
                one_spot: g.one_spot,
            })
        })
        .collect()
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
mod tests;

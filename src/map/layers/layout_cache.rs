//! The marker layout kept between frames. It is made over the map and a
//! margin of half its size on every side, like the base layers' mesh, so
//! that while the map is panned within the margin the markers are only
//! moved, not grouped again; it is made anew when the events shown, the
//! zoom or the map's size change, or the view leaves the margin.

use std::sync::Arc;

use egui::Rect;

use crate::map::layers::marker_layout::{self, EventPositions, Layout};
use crate::map::tessellated::Tessellated;
use crate::model::camera::{Camera, Projection, ScreenTransform};

/// Which events a layout is made of, without listing them: the result of
/// the filters and window they come from (`Visible::serial`) and what the
/// layer toggles and the view let on the map. Equal keys on the same
/// positions mean the same events, so a frame need not list a million
/// events to learn that nothing changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemsKey {
    /// The serial of the visible events they were chosen from.
    pub visible: u64,
    /// Whether incidents and statements are on the map.
    pub events: bool,
    /// Whether background rows are on the map.
    pub context: bool,
    /// Whether events outside the window are drawn faint.
    pub outside: bool,
}

/// What a layout was made from besides where the map is centred.
#[derive(PartialEq)]
struct LayoutKey {
    generation: u64,
    points_per_km: f64,
    size: egui::Vec2,
    items: ItemsKey,
}

/// A layout over the map and its margin.
struct LaidOut {
    key: LayoutKey,
    made_with: ScreenTransform,
    reach: Rect,
    layout: Layout,
}

/// The last layout made and the last one handed out.
#[derive(Default)]
pub struct LayoutCache {
    laid_out: Option<LaidOut>,
    /// The camera and map rectangle of `shown`.
    shown: Option<(Camera, Rect, Arc<Layout>)>,
}

impl LayoutCache {
    /// The markers of the events `make_items` lists (index, faint) in the
    /// map `rect` seen through `camera`, inside the map and a cell around
    /// it. The events are listed only when `items` differs from the last
    /// layout's.
    pub fn get(
        &mut self,
        positions: &EventPositions,
        (items, make_items): (ItemsKey, impl FnOnce() -> Vec<(usize, bool)>),
        proj: &Projection,
        camera: &Camera,
        rect: Rect,
    ) -> Arc<Layout> {
        let key = LayoutKey {
            generation: positions.generation(),
            points_per_km: camera.points_per_km,
            size: rect.size(),
            items,
        };
        let t = camera.transform(proj, rect);
        let covered = self.laid_out.as_ref().is_some_and(|done| {
            done.key == key
                && done
                    .reach
                    .contains_rect(rect.translate(-t.moved_since(&done.made_with)))
        });
        if !covered {
            let reach = Tessellated::reach_for(rect);
            let layout = marker_layout::layout(positions, &make_items(), &t, reach);
            self.laid_out = Some(LaidOut {
                key,
                made_with: t,
                reach,
                layout,
            });
            self.shown = None;
        }
        if let Some((c, r, layout)) = &self.shown
            && c == camera
            && *r == rect
        {
            return layout.clone();
        }
        let Some(done) = &self.laid_out else {
            return Arc::default();
        };
        let moved = done
            .layout
            .moved(t.moved_since(&done.made_with), marker_layout::in_view(rect));
        let moved = Arc::new(moved);
        self.shown = Some((*camera, rect, moved.clone()));
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Data;
    use egui::{Pos2, vec2};

    /// The bundled region's projection.
    fn proj() -> Projection {
        Projection::at(40.5)
    }

    /// A pan by `dx` points of the camera `cam`.
    fn panned(cam: &Camera, dx: f32) -> Camera {
        cam.panned(&proj(), vec2(dx, 0.0))
    }

    #[test]
    fn panning_within_the_margin_moves_the_markers_without_grouping_again() {
        let data = Data::bundled().expect("bundled data");
        let positions = EventPositions::new(&data.events, &proj());
        let items: Vec<(usize, bool)> = (0..data.events.len()).map(|i| (i, false)).collect();
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 700.0));
        let cam = Camera {
            center_lon: 71.5,
            center_lat: 40.3,
            points_per_km: 3.0,
        };
        let key = ItemsKey {
            visible: 1,
            events: true,
            context: true,
            outside: false,
        };
        let all = || (key, || items.clone());
        let mut cache = LayoutCache::default();
        let first = cache.get(&positions, all(), &proj(), &cam, rect);
        assert!(!first.markers.is_empty());
        let made_with = |cache: &LayoutCache| {
            cache
                .laid_out
                .as_ref()
                .map(|d| d.made_with.apply([0.0, 0.0]))
        };
        let origin = made_with(&cache);
        let moved_cam = panned(&cam, 40.0);
        let moved = cache.get(&positions, all(), &proj(), &moved_cam, rect);
        assert_eq!(made_with(&cache), origin, "laid out again while panning");
        // The same markers as a layout made for the new view, in the same places.
        let fresh = marker_layout::layout(
            &positions,
            &items,
            &moved_cam.transform(&proj(), rect),
            Tessellated::reach_for(rect),
        )
        .moved(vec2(0.0, 0.0), marker_layout::in_view(rect));
        let mut a: Vec<(usize, i32, i32)> = moved
            .markers
            .iter()
            .map(|m| (m.index, m.pos.x.round() as i32, m.pos.y.round() as i32))
            .collect();
        let mut b: Vec<(usize, i32, i32)> = fresh
            .markers
            .iter()
            .map(|m| (m.index, m.pos.x.round() as i32, m.pos.y.round() as i32))
            .collect();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
        // Far beyond the margin, or at another zoom, it is laid out again.
        cache.get(&positions, all(), &proj(), &panned(&cam, 900.0), rect);
        assert_ne!(made_with(&cache), origin);
        let origin = made_with(&cache);
        let zoomed = Camera {
            points_per_km: 6.0,
            ..cam
        };
        cache.get(&positions, all(), &proj(), &zoomed, rect);
        assert_ne!(made_with(&cache), origin);
        // Other events (another key) are laid out again: here none; the
        // same key is not, and its events are not even listed.
        let none = ItemsKey { visible: 2, ..key };
        let laid = cache.get(&positions, (none, Vec::new), &proj(), &zoomed, rect);
        assert!(laid.markers.is_empty() && laid.clusters.is_empty());
        let again = cache.get(&positions, all_listed(none, &items), &proj(), &zoomed, rect);
        assert!(again.markers.is_empty() && again.clusters.is_empty());
        let back = cache.get(&positions, all(), &proj(), &zoomed, rect);
        assert!(!back.markers.is_empty());
    }

    /// A key with a list of every event, which must not be asked for.
    fn all_listed(
        key: ItemsKey,
        items: &[(usize, bool)],
    ) -> (ItemsKey, impl FnOnce() -> Vec<(usize, bool)>) {
        let listed = items.to_vec();
        (key, move || {
            panic!("listed {} events for a key already laid out", listed.len())
        })
    }
}

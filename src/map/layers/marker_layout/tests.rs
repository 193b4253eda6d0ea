//! Unit tests of the marker layout on hand-placed events.

use super::*;
use crate::data::event::Event;
use crate::model::camera::{Camera, Projection};

/// The bundled region's projection.
fn proj() -> Projection {
    Projection::at(40.5)
}

/// A 800×600 view centred on Batken at `ppk` points per kilometre.
fn view(ppk: f64) -> (ScreenTransform, Rect) {
    let rect = Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0));
    let cam = Camera {
        center_lon: 70.8,
        center_lat: 40.0,
        points_per_km: ppk,
    };
    (cam.transform(&proj(), rect), rect)
}

/// Events at these longitudes and latitudes, all shown.
fn events_at(points: &[(f64, f64)]) -> (Vec<Event>, Vec<(usize, bool)>) {
    let template = crate::data::Data::bundled().expect("bundled data").events[0].clone();
    let events = points
        .iter()
        .enumerate()
        .map(|(i, &(lon, lat))| Event {
            id: format!("e{i}"),
            geometry: Some(geo::Geometry::Point(geo::Point::new(lon, lat))),
            ..template.clone()
        })
        .collect();
    let items = (0..points.len()).map(|i| (i, false)).collect();
    (events, items)
}

/// The layout of events at `points` (every one shown) in [`view`]`(ppk)`.
fn laid_out(points: &[(f64, f64)], ppk: f64) -> Layout {
    let (events, items) = events_at(points);
    let (t, rect) = view(ppk);
    layout(
        &EventPositions::new(&events, &proj()),
        items.iter().copied(),
        &t,
        rect,
    )
}

#[test]
fn markers_far_apart_stay_where_they_are() {
    let out = laid_out(&[(70.6, 40.0), (71.0, 40.0)], 2.0);
    assert_eq!(out.markers.len(), 2);
    assert!(out.clusters.is_empty());
    assert!(out.markers.iter().all(|m| m.pos == m.anchor));
}

#[test]
fn a_few_markers_on_one_spot_are_spread_on_a_ring() {
    let out = laid_out(&[(70.8, 40.0); 4], 2.0);
    assert_eq!(out.markers.len(), 4);
    let anchor = out.markers[0].anchor;
    let radii: Vec<f32> = out.markers.iter().map(|m| m.pos.distance(anchor)).collect();
    assert!(radii.iter().all(|r| *r > 10.0), "{radii:?}");
    for (i, a) in out.markers.iter().enumerate() {
        for b in &out.markers[i + 1..] {
            assert!(a.pos.distance(b.pos) > a.radius, "markers overlap");
        }
    }
}

#[test]
fn shapes_spread_on_a_ring_do_not_touch() {
    // Nine on one spot, as at Batken: even diamonds, which reach past their
    // radius, keep clear of their neighbours.
    let out = laid_out(&[(70.8, 40.0); 9], 2.0);
    assert_eq!(out.markers.len(), 9);
    let reach = crate::ui_kit::symbols::SHAPE_REACH;
    for (i, a) in out.markers.iter().enumerate() {
        for b in &out.markers[i + 1..] {
            let room = (a.radius + b.radius) * reach;
            let apart = a.pos.distance(b.pos);
            assert!(apart >= room, "{apart} < {room}");
        }
    }
}

#[test]
fn a_crowd_becomes_a_cluster_that_splits_when_zoomed_in() {
    let points: Vec<(f64, f64)> = (0..30)
        .map(|i| {
            (
                70.8 + 0.01 * f64::from(i % 6),
                40.0 + 0.01 * f64::from(i / 6),
            )
        })
        .collect();
    let (events, items) = events_at(&points);
    let positions = EventPositions::new(&events, &proj());
    let (t, rect) = view(0.5);
    let out = layout(&positions, items.iter().copied(), &t, rect);
    assert_eq!(out.clusters.len(), 1);
    assert_eq!(out.clusters[0].members.len(), 30);
    assert!(out.markers.is_empty());
    // Close enough, every event has its own marker again.
    let (t, rect) = view(60.0);
    let out = layout(&positions, items.iter().copied(), &t, rect);
    assert!(out.clusters.is_empty());
    assert_eq!(out.markers.len(), 30);
}

#[test]
fn a_crowd_on_one_exact_spot_stays_a_ring() {
    let out = laid_out(&[(70.8, 40.0); 14], 2.0);
    assert!(out.clusters.is_empty(), "zooming would never split it");
    assert_eq!(out.markers.len(), 14);
}

#[test]
fn events_outside_the_view_are_not_laid_out() {
    let out = laid_out(&[(70.8, 40.0), (37.6, 55.75), (80.0, 30.0)], 2.0);
    assert_eq!(out.markers.len(), 1);
    assert_eq!(out.markers[0].index, 0);
}

#[test]
fn a_large_crowd_on_one_spot_becomes_a_cluster() {
    let out = laid_out(&[(70.8, 40.0); MAX_ONE_SPOT_RING], 2.0);
    assert_eq!(out.markers.len(), MAX_ONE_SPOT_RING, "still spread");
    let out = laid_out(&[(70.8, 40.0); MAX_ONE_SPOT_RING + 1], 2.0);
    assert!(out.markers.is_empty());
    assert_eq!(out.clusters.len(), 1);
    assert!(out.clusters[0].one_spot);
    assert_eq!(out.clusters[0].members.len(), MAX_ONE_SPOT_RING + 1);
}

#[test]
fn a_layout_no_longer_wanted_is_given_up_and_one_wanted_is_made_whole() {
    let points: Vec<(f64, f64)> = (0..40_000)
        .map(|i| {
            (
                70.5 + (i % 200) as f64 * 0.003,
                39.8 + (i / 200) as f64 * 0.002,
            )
        })
        .collect();
    let (events, items) = events_at(&points);
    let positions = EventPositions::new(&events, &proj());
    let (t, rect) = view(2.0);
    // Asked to stop at the first look: nothing is made.
    let looks = std::cell::Cell::new(0);
    let stop = || {
        looks.set(looks.get() + 1);
        true
    };
    assert!(layout_unless(&positions, items.iter().copied(), &t, rect, &stop).is_none());
    assert_eq!(looks.get(), 1);
    // Never asked to stop: the same layout as `layout` makes.
    let whole =
        layout_unless(&positions, items.iter().copied(), &t, rect, &|| false).expect("a layout");
    let plain = layout(&positions, items.iter().copied(), &t, rect);
    assert_eq!(whole.markers.len(), plain.markers.len());
    assert_eq!(whole.clusters.len(), plain.clusters.len());
    let members = |l: &Layout| l.clusters.iter().map(|c| c.members.len()).sum::<usize>();
    assert_eq!(members(&whole) + whole.markers.len(), 40_000);
    assert_eq!(members(&whole), members(&plain));
}

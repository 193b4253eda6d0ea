//! The map acting like a user: markers found by their accessible labels and
//! clicked, keyboard and wheel zoom, drag to pan, the prepared meshes.

mod common;

use border_incidents::data::event::EventKind;
use border_incidents::map::MapView;
use border_incidents::map::markers::{event_lonlat, marker_label};
use border_incidents::view_defaults::initial_view;
use border_incidents::visibility::VisibilityCache;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// A point on the map away from markers, the legend and the status strip.
const EMPTY_SPOT: egui::Pos2 = egui::pos2(420.0, 640.0);

fn scale_label(harness: &egui_kittest::Harness<'_, border_incidents::app::App>) -> String {
    harness
        .get_by_label_contains("Scale: ")
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

#[test]
fn every_located_event_has_a_marker_and_a_click_selects_it() {
    let data = common::data();
    let mut harness = common::harness();
    let located: Vec<_> = data
        .events
        .iter()
        .filter(|e| e.geometry.is_some())
        .collect();
    assert!(located.len() >= 10);
    for event in &located {
        let _ = harness.get_by_label(&marker_label(event));
    }
    for event in data.events.iter().filter(|e| e.geometry.is_none()) {
        assert!(harness.query_by_label(&marker_label(event)).is_none());
    }
    let target = located
        .iter()
        .find(|e| e.id == "shelling-tajik-towns-tj-claim")
        .expect("the shelling claim is located");
    harness.get_by_label(&marker_label(target)).click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().view().selection.as_deref(),
        Some(target.id.as_str())
    );
}

#[test]
fn selecting_a_statement_by_its_marker() {
    let data = common::data();
    let mut harness = common::harness();
    let statement = data
        .events
        .iter()
        .find(|e| e.kind == EventKind::Statement && !e.refers_to.is_empty() && e.geometry.is_some())
        .expect("a located statement that refers to incidents");
    let label = marker_label(statement);
    assert!(label.starts_with("Statement: "));
    harness.get_by_label(&label).click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().view().selection.as_deref(),
        Some(statement.id.as_str())
    );
}

#[test]
fn plus_and_minus_keys_change_the_scale_bar() {
    let mut harness = common::harness();
    let before = scale_label(&harness);
    let ppk = harness.state().view().camera.points_per_km;
    harness.key_press(egui::Key::Plus);
    harness.run_steps(3);
    assert!(harness.state().view().camera.points_per_km > ppk * 1.4);
    let zoomed = scale_label(&harness);
    assert_ne!(before, zoomed);
    harness.key_press(egui::Key::Minus);
    harness.key_press(egui::Key::Minus);
    harness.run_steps(3);
    assert!(harness.state().view().camera.points_per_km < ppk);
    assert_ne!(zoomed, scale_label(&harness));
}

#[test]
fn dragging_pans_the_map() {
    let mut harness = common::harness();
    let before = harness.state().view().camera;
    harness.hover_at(EMPTY_SPOT);
    harness.run_steps(1);
    harness.drag_at(EMPTY_SPOT);
    harness.run_steps(1);
    harness.hover_at(EMPTY_SPOT + egui::vec2(120.0, -60.0));
    harness.run_steps(1);
    harness.drop_at(EMPTY_SPOT + egui::vec2(120.0, -60.0));
    harness.run_steps(2);
    let after = harness.state().view().camera;
    // Dragging right and up moves the view west and south.
    assert!(after.center_lon < before.center_lon - 0.5);
    assert!(after.center_lat < before.center_lat - 0.2);
    assert_eq!(after.points_per_km, before.points_per_km);
    assert!(harness.state().view().selection.is_none());
}

#[test]
fn wheel_zooms_about_the_cursor() {
    let mut harness = common::harness();
    let before = harness.state().view().camera;
    harness.hover_at(EMPTY_SPOT);
    harness.run_steps(1);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(20);
    let after = harness.state().view().camera;
    assert!(after.points_per_km > before.points_per_km * 1.2);
}

#[test]
fn scale_bar_and_cursor_coordinates_are_labelled() {
    let mut harness = common::harness();
    harness.hover_at(EMPTY_SPOT);
    harness.run_steps(2);
    let coords = harness
        .get_by_label_contains("Cursor: ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(coords.contains("° N") && coords.contains("° E"), "{coords}");
    assert!(scale_label(&harness).ends_with(" km"));
    let _ = harness.get_by_label_contains("Kyrgyz–Tajik border (≈ ");
}

#[test]
fn starting_with_a_selection_centres_the_map_on_it() {
    let data = common::data();
    let harness = common::harness_with(border_incidents::app::StartOptions {
        select: Some("shelling-tajik-towns-tj-claim".to_owned()),
        ..Default::default()
    });
    let event = data
        .events
        .iter()
        .find(|e| e.id == "shelling-tajik-towns-tj-claim")
        .and_then(event_lonlat)
        .expect("located");
    let cam = harness.state().view().camera;
    assert!((cam.center_lon - event[0]).abs() < 1e-6);
    assert!((cam.center_lat - event[1]).abs() < 1e-6);
}

#[test]
fn meshes_are_triangulated_once_not_per_frame() {
    let data = common::data();
    let mut map = MapView::new(&data.geo);
    let stats = map.stats().clone();
    assert!(stats.triangulations > 0);
    // Coarser levels of detail have fewer triangles.
    assert!(stats.triangles[0] > stats.triangles[1] && stats.triangles[1] > stats.triangles[2]);
    eprintln!("mesh stats: {stats:?}");
    let view = initial_view(&data);
    let index = border_incidents::timeline::index::TimeIndex::new(&data);
    let visible = VisibilityCache::default().get(&data, &index, &view);
    let ctx = egui::Context::default();
    for zoom in [0.3, 1.5, 8.0, 40.0] {
        let mut view = view.clone();
        view.camera.points_per_km = zoom;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(900.0, 700.0),
            )),
            ..Default::default()
        };
        let _ = ctx.run_ui(input, |ui| {
            let _ = map.show(ui, &data, &view, &visible);
        });
    }
    assert_eq!(map.stats(), &stats);
}

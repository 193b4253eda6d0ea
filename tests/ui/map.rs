//! The map acting like a user: markers found by their accessible labels and
//! clicked, keyboard and wheel zoom, drag to pan, the prepared meshes.

use crate::common;

use border_incidents::data::event::EventKind;
use border_incidents::map::layers::markers::marker_label;
use border_incidents::map::{MapInput, MapView};
use border_incidents::model::positions::EventPositions;
use border_incidents::model::positions::event_lonlat;
use border_incidents::model::view_defaults::initial_view;
use border_incidents::model::visibility::VisibilityCache;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// A point on the map away from markers, the legend and the status strip.
const EMPTY_SPOT: egui::Pos2 = egui::pos2(420.0, 640.0);

/// The bundled region's projection.
fn projection() -> border_incidents::model::camera::Projection {
    border_incidents::model::camera::Projection::at(common::data().region.reference_lat)
}

fn scale_label(harness: &egui_kittest::Harness<'_, border_incidents::app::App>) -> String {
    harness
        .get_by_label_contains("Scale: ")
        .accesskit_node()
        .label()
        .or_else(|| {
            harness
                .get_by_label_contains("Scale: ")
                .accesskit_node()
                .value()
        })
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
    // Events in view have markers; those far outside it (Moscow, Bishkek)
    // are not laid out until the map shows them.
    let map = harness.get_by_label("Map").rect();
    let camera = harness.state().view().camera;
    let mut on_map = 0;
    for event in &located {
        let [lon, lat] = event_lonlat(event).expect("located");
        let at = camera.to_screen(&projection(), map, lon, lat);
        let marker = harness.query_by_label(&marker_label(event)).is_some();
        if map.shrink(30.0).contains(at) {
            assert!(marker, "{} has no marker", event.id);
            on_map += 1;
        } else if !map.expand(100.0).contains(at) {
            assert!(!marker, "{} is far off the map", event.id);
        }
    }
    assert!(on_map >= 8, "only {on_map} markers on the map");
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

/// A marker's label names the dates even where the article's time words are
/// no date ("insists": said over the days up to publication).
#[test]
fn marker_and_bar_labels_give_dates_and_the_hover_card_the_articles_words() {
    let data = common::data();
    let claim = data
        .events
        .iter()
        .find(|e| e.id == "kyrgyz-account")
        .expect("the Kyrgyz account");
    assert_eq!(claim.date_text.as_deref(), Some("insists"));
    assert_eq!(
        marker_label(claim),
        "Statement: Kyrgyzstan: Tajikistan invaded Batken villages, 15–19 Sep 2022"
    );
    let shelling = data
        .events
        .iter()
        .find(|e| e.id == "shelling-tajik-towns-tj-claim")
        .expect("the Tajik account of the shelling");
    // The hover card gives the dates and the article's words for them.
    assert_eq!(
        border_incidents::ui_kit::format::when(shelling),
        "15–18 Sep 2022 · ‘over the course of several days’"
    );
    let harness = common::harness();
    harness.get_by_label(&marker_label(shelling));
    // Its bar shares its days (15–18 Sep) with the fighting and the Kyrgyz
    // account, and at this size the incidents row has lanes for only some
    // of them; the Tajik side's statement keeps its bar, dated.
    harness.get_by_label("Bar: Tajikistan: its towns were shelled first, 15–19 Sep 2022");
}

/// Circles of `radius` painted in the last frame, by centre.
fn circles_of_radius(
    harness: &egui_kittest::Harness<'_, border_incidents::app::App>,
    radius: f32,
) -> Vec<egui::Pos2> {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Circle(circle) if (circle.radius - radius).abs() < 0.01 => {
                Some(circle.center)
            }
            _ => None,
        })
        .collect()
}

/// A statement with no place of its own (videos on social media) still
/// shows on the map what it is about: the incident it refers to is ringed.
#[test]
fn a_statement_without_a_place_rings_what_it_refers_to() {
    let data = common::data();
    let videos = data
        .events
        .iter()
        .find(|e| e.id == "social-media-videos")
        .expect("the videos statement");
    assert!(videos.geometry.is_none());
    assert_eq!(videos.refers_to, ["clashes-2022-09"]);
    let clashes = data
        .events
        .iter()
        .find(|e| e.id == "clashes-2022-09")
        .expect("the clashes");
    let mut harness = common::harness();
    let marker = harness.get_by_label(&marker_label(clashes)).rect().center();
    assert!(circles_of_radius(&harness, 17.0).is_empty());
    harness.get_by_label(&videos.title).click();
    harness.run_steps(3);
    let marker_now = harness.get_by_label(&marker_label(clashes)).rect().center();
    assert_eq!(marker, marker_now, "the map stays where it was");
    let rings = circles_of_radius(&harness, 17.0);
    assert!(
        rings.iter().any(|c| c.distance(marker) < 2.0),
        "no ring at {marker:?}: {rings:?}"
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
    // Zoom out until the statement's marker is on the map, as a user would.
    for _ in 0..8 {
        let map = harness.get_by_label("Map").rect();
        let marker = harness.query_by_label(&label).map(|m| m.rect().center());
        if marker.is_some_and(|c| map.contains(c)) {
            break;
        }
        harness.key_press(egui::Key::Minus);
        harness.run_steps(2);
    }
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
fn arrow_keys_pan_the_map_and_f_fits_it_again() {
    let mut harness = common::harness();
    let fitted = harness.state().view().camera;
    harness.hover_at(EMPTY_SPOT);
    harness.run_steps(1);
    for key in [egui::Key::ArrowRight, egui::Key::ArrowDown] {
        harness.key_press(key);
        harness.run_steps(2);
    }
    let panned = harness.state().view().camera;
    // → and ↓ look further east and south, at the same zoom, selecting nothing.
    assert!(panned.center_lon > fitted.center_lon + 0.1);
    assert!(panned.center_lat < fitted.center_lat - 0.05);
    assert_eq!(panned.points_per_km, fitted.points_per_km);
    assert!(harness.state().view().selection.is_none());
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(2);
    assert!(harness.state().view().camera.center_lon < panned.center_lon);
    harness.key_press(egui::Key::F);
    harness.run_steps(2);
    assert_eq!(harness.state().view().camera, fitted);
}

#[test]
fn double_click_zooms_the_map_in() {
    let mut harness = common::harness();
    let before = harness.state().view().camera;
    harness.hover_at(EMPTY_SPOT);
    harness.run_steps(1);
    // Two presses and releases within one frame (a test step is a quarter
    // of a second, longer than a double click may take).
    for pressed in [true, false, true, false] {
        harness.input_mut().events.push(egui::Event::PointerButton {
            pos: EMPTY_SPOT,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run_steps(3);
    let after = harness.state().view().camera;
    assert!(after.points_per_km > before.points_per_km * 1.4);
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
    let node = harness.get_by_label_contains("Cursor: ");
    let coords = node
        .accesskit_node()
        .label()
        .or_else(|| node.accesskit_node().value())
        .unwrap_or_default();
    assert!(coords.contains("° N") && coords.contains("° E"), "{coords}");
    assert!(scale_label(&harness).ends_with(" km"));
    assert!(
        harness
            .query_by_label_contains("Kyrgyz–Tajik border (≈ ")
            .is_none()
    );
    harness.get_by_label("Legend").click();
    harness.run_steps(3);
    let _ = harness.get_by_label_contains("Kyrgyz–Tajik border (≈ ");
    // Place labels keep out from under the open legend.
    let legend = border_incidents::map::legend::last_rect(&harness.ctx).expect("drawn");
    assert!(legend.height() > 200.0, "the legend is open: {legend:?}");
    // Texts straddling its edge are map labels partly under it (its own
    // texts lie within it).
    let half_covered: Vec<egui::Rect> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t) => Some(t.visual_bounding_rect()),
            _ => None,
        })
        .filter(|r| r.intersects(legend) && !legend.contains_rect(*r))
        .collect();
    assert!(half_covered.is_empty(), "{half_covered:?} under {legend:?}");
}

#[test]
fn starting_with_a_selection_keeps_the_region_in_view() {
    let harness = common::harness_with(border_incidents::start::StartOptions {
        select: Some("shelling-tajik-towns-tj-claim".to_owned()),
        ..Default::default()
    });
    // The event lies in the fitted region, so the map stays fitted to it.
    let fitted = common::harness().state().view().camera;
    assert_eq!(harness.state().view().camera, fitted);
    let map = harness.get_by_label("Map").rect();
    let marker = harness
        .get_by_label_contains("Incident: Tajik towns shelled from across the border")
        .rect();
    assert!(map.contains(marker.center()));
}

#[test]
fn starting_with_a_far_selection_shows_it_and_the_region_together() {
    let data = common::data();
    let harness = common::harness_with(border_incidents::start::StartOptions {
        select: Some("putin-appeal".to_owned()),
        ..Default::default()
    });
    // Said in Moscow, far outside the map's data: the map zooms out to show
    // Moscow and the region it speaks about, not Moscow on a blank plane.
    let moscow = data
        .events
        .iter()
        .find(|e| e.id == "putin-appeal")
        .and_then(event_lonlat)
        .expect("located");
    let map = harness.get_by_label("Map").rect();
    let cam = harness.state().view().camera;
    for [lon, lat] in [moscow, [70.8, 40.06]] {
        let at = cam.to_screen(&projection(), map, lon, lat);
        assert!(map.contains(at), "{lon}, {lat} at {at:?} outside {map:?}");
    }
}

#[test]
fn panning_keeps_part_of_the_map_in_view() {
    let mut harness = common::harness();
    harness.hover_at(EMPTY_SPOT);
    harness.run_steps(1);
    for _ in 0..60 {
        harness.key_press(egui::Key::ArrowRight);
        harness.key_press(egui::Key::ArrowUp);
        harness.run_steps(1);
    }
    harness.run_steps(2);
    // The view stopped where the map's data (which ends around 80° E and
    // 45° N) still reaches into it: more presses move it no farther.
    let stopped = harness.state().view().camera;
    assert!(
        stopped.center_lon < 90.0 && stopped.center_lat < 50.0,
        "{stopped:?}"
    );
    for _ in 0..10 {
        harness.key_press(egui::Key::ArrowRight);
        harness.key_press(egui::Key::ArrowUp);
        harness.run_steps(1);
    }
    assert_eq!(harness.state().view().camera, stopped);
}

#[test]
fn meshes_are_triangulated_once_not_per_frame() {
    let data = common::data();
    let mut map = MapView::new(&data);
    // The full level and the relief arrive from threads; once they have,
    // the default view and a close one are drawn in full.
    let view = initial_view(&data);
    map.wait_for_full_detail();
    assert!(map.is_drawn_in_full(&view.camera));
    let mut close = view.camera;
    close.points_per_km = 40.0;
    assert!(map.is_drawn_in_full(&close));
    let stats = map.stats().clone();
    assert!(stats.triangulations > 0);
    // Coarser levels of detail have fewer triangles.
    assert!(stats.triangles[0] > stats.triangles[1] && stats.triangles[1] > stats.triangles[2]);
    eprintln!("mesh stats: {stats:?}");
    let index = border_incidents::model::event_index::TimeIndex::new(&data);
    let visible = VisibilityCache::default().get(&data, &index, &view.filters, view.time.window);
    let positions = EventPositions::new(&data.events, &projection());
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
        let mut output = ctx.run_ui(input, |ui| {
            let input = MapInput {
                data: &data,
                positions: &positions,
                view: &view,
                visible: &visible,
                overlays: &[],
                proposed: Default::default(),
                note: None,
            };
            let _ = map.draw(ui, &input);
        });
        output.textures_delta.clear();
    }
    assert_eq!(map.stats(), &stats);
}

/// An events file of `n` incidents `step` degrees apart (a few hundred
/// metres, or none), south of Batken in the mountains, where the bundled
/// data has none; event `i` is dated `n - i` days before 16 Sep 2022.
fn crowd_file(n: usize, step: f64) -> std::path::PathBuf {
    let features: Vec<String> = (0..n)
        .map(|i| {
            let lon = 71.2 + step * (i % 8) as f64;
            let lat = 39.6 + step * (i / 8) as f64;
            let day = jiff::civil::date(2022, 9, 16)
                .checked_sub(jiff::Span::new().days((n - i) as i64))
                .unwrap();
            format!(
                r#"{{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [{lon}, {lat}]}},
 "properties": {{"id": "crowd-{i}", "kind": "incident", "title": "Crowd event {i}",
 "start": "{day}", "end": "{day}"}}}}"#
            )
        })
        .collect();
    let path =
        std::env::temp_dir().join(format!("crowd-{}-{n}-{step}.geojson", std::process::id()));
    std::fs::write(
        &path,
        format!(
            r#"{{"type": "FeatureCollection", "features": [{}]}}"#,
            features.join(",\n")
        ),
    )
    .unwrap();
    path
}

/// The app with the events of [`crowd_file`] opened and loaded.
fn crowd_harness(
    n: usize,
    step: f64,
) -> egui_kittest::Harness<'static, border_incidents::app::App> {
    let path = crowd_file(n, step);
    let mut harness = common::harness_with(border_incidents::start::StartOptions {
        events: vec![path.clone()],
        ..Default::default()
    });
    common::wait_loaded(&mut harness);
    harness.run();
    std::fs::remove_file(path).unwrap();
    harness
}

#[test]
fn a_crowd_of_events_is_a_cluster_that_zooms_in_when_clicked() {
    let mut harness = crowd_harness(40, 0.004);
    assert!(
        harness
            .query_by_label_contains("Incident: Crowd event")
            .is_none()
    );
    let before = harness.state().view().camera;
    harness
        .get_by_label("Cluster of 40 events; click to zoom in")
        .click();
    harness.run();
    let after = harness.state().view().camera;
    assert!(after.points_per_km >= 2.0 * before.points_per_km);
    // Close up, the events have markers of their own.
    let markers = harness
        .query_all_by_label_contains("Incident: Crowd event")
        .count();
    assert!(markers > 0, "no single markers after zooming in");
}

#[test]
fn a_crowd_on_one_spot_is_a_cluster_that_selects_its_earliest_event_when_clicked() {
    let mut harness = crowd_harness(40, 0.0);
    let before = harness.state().view().camera;
    let mentions_before = harness.query_all_by_label_contains("Crowd event 0").count();
    harness
        .get_by_label("Cluster of 40 events at one place; click to select the earliest")
        .click();
    harness.run();
    assert_eq!(
        harness.state().view().camera,
        before,
        "the map did not move"
    );
    assert_eq!(harness.state().view().selection.as_deref(), Some("crowd-0"));
    // The detail card shows it: its title is there once more.
    assert!(
        harness
            .query_by_label(border_incidents::panels::details::EMPTY_TEXT)
            .is_none()
    );
    assert_eq!(
        harness.query_all_by_label_contains("Crowd event 0").count(),
        mentions_before + 1
    );
}

/// Saved state kept in memory, as eframe keeps it in a file.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// The app restored from `storage`, as at the next start.
fn restarted(storage: &MemoryStorage) -> border_incidents::app::App {
    let opts = border_incidents::start::StartOptions {
        restore: true,
        ..Default::default()
    };
    border_incidents::app::App::new(Some(storage), common::data(), opts)
}

#[test]
fn the_view_is_remembered_between_runs() {
    let mut harness = common::harness();
    harness.key_press(egui::Key::Plus);
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Dark theme").click();
    harness.run();
    let view = harness.state().view().clone();
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    assert_eq!(restarted(&storage).view(), &view);
}

#[test]
fn a_corrupt_or_old_saved_state_falls_back_to_defaults() {
    let defaults = initial_view(&common::data());
    let key = border_incidents::start::storage_key("fergana");
    let key = key.as_str();
    let sound = ron_of(&defaults);
    let zero_zoom = sound.replace(
        &format!("points_per_km:{}", defaults.camera.points_per_km),
        "points_per_km:0.0",
    );
    assert_ne!(zero_zoom, sound, "the zoom was replaced");
    // A hand-edited window whose span overflows a 64-bit count of seconds.
    let (a, b) = defaults.time.window;
    let overflowing = sound.replace(
        &format!("window:({a},{b})"),
        &format!("window:({},{})", i64::MIN + 1, i64::MAX),
    );
    assert_ne!(overflowing, sound, "the window was replaced");
    for saved in [
        "not a saved state {{{".to_owned(),
        "(camera:(center_lon:70.0))".to_owned(),
        sound[..sound.len() / 2].to_owned(),
        zero_zoom,
        overflowing,
    ] {
        let mut storage = MemoryStorage::default();
        eframe::Storage::set_string(&mut storage, key, saved.clone());
        assert_eq!(restarted(&storage).view(), &defaults, "{saved}");
    }
}

/// A view state as eframe writes it.
fn ron_of(view: &border_incidents::model::view::ViewState) -> String {
    let mut storage = MemoryStorage::default();
    eframe::set_value(
        &mut storage,
        &border_incidents::start::storage_key("fergana"),
        view,
    );
    storage
        .0
        .remove(&border_incidents::start::storage_key("fergana"))
        .unwrap()
}

#[test]
fn in_a_small_window_the_open_legend_wraps_and_stays_within_the_map() {
    let data = common::data();
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(960.0, 600.0))
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| common::app(data.clone(), Default::default()).started_in(cc));
    harness.run_steps(3);
    harness.get_by_label("Legend").click();
    harness.run_steps(4);
    let map = harness.get_by_label("Map").rect();
    let legend = border_incidents::map::legend::last_rect(&harness.ctx).expect("drawn");
    assert!(legend.height() > 150.0, "the legend is open: {legend:?}");
    assert!(
        legend.bottom() <= map.bottom() && legend.right() <= map.right(),
        "the legend {legend:?} runs off the map {map:?}"
    );
    assert!(
        legend.width() <= 300.0,
        "long rows wrap: the legend is {} points wide",
        legend.width()
    );
    // Its long rows are there, wrapped, not cut.
    let _ = harness.get_by_label_contains("Halo: how far off the place may be");
    // Under the pointer, the status strip's reading keeps clear of the
    // scale bar.
    harness.hover_at(map.center() + egui::vec2(-60.0, 40.0));
    harness.run_steps(2);
    let scale = harness.get_by_label_contains("Scale: ").rect();
    let cursor = harness.get_by_label_contains("Cursor: ").rect();
    assert!(
        scale.right() <= cursor.left(),
        "the cursor reading {cursor:?} overlaps the scale bar {scale:?}"
    );
}

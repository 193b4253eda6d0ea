//! Opening files: File → Open…, drag and drop, the command line; the layers
//! window, the problems window, refused events and cancelling a load.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use border_incidents::app::App;
use border_incidents::file_dialog::{FileDialog, Picked};
use border_incidents::start::StartOptions;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// A file dialog that returns the files the test put in it.
#[derive(Clone, Default)]
struct FakeDialog(Arc<Mutex<Vec<PathBuf>>>);

impl FakeDialog {
    fn will_pick(&self, path: &Path) {
        *self.0.lock().unwrap() = vec![path.to_owned()];
    }
}

impl FileDialog for FakeDialog {
    fn pick_files(&self) -> Picked {
        let (send, receive) = std::sync::mpsc::channel();
        send.send(std::mem::take(&mut *self.0.lock().unwrap()))
            .unwrap();
        receive
    }
}

/// A dialog that stays open until the test answers it, as a person who
/// takes their time choosing.
#[derive(Clone, Default)]
struct SlowDialog(Arc<Mutex<Vec<std::sync::mpsc::Sender<Vec<PathBuf>>>>>);

impl FileDialog for SlowDialog {
    fn pick_files(&self) -> Picked {
        let (send, receive) = std::sync::mpsc::channel();
        self.0.lock().unwrap().push(send);
        receive
    }
}

fn data_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/geojson")
        .join(name)
}

fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("border-incidents-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn open_via_menu(harness: &mut Harness<'static, App>, dialog: &FakeDialog, path: &Path) {
    dialog.will_pick(path);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open…").click();
    // One frame asks the dialog, the next receives its answer and starts loading.
    harness.run_steps(2);
}

#[test]
fn the_window_keeps_working_while_the_file_dialog_is_open() {
    let dialog = SlowDialog::default();
    let mut harness =
        common::harness_with_dialog(StartOptions::default(), Box::new(dialog.clone()));
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open…").click();
    harness.run_steps(3);
    assert_eq!(dialog.0.lock().unwrap().len(), 1, "the dialog was asked");
    // While the dialog is open the user can still zoom the map.
    let before = harness.state().view().camera.points_per_km;
    harness.key_press(egui::Key::Plus);
    harness.run_steps(2);
    assert!(harness.state().view().camera.points_per_km > before);
    // Asking again while it is open does not open a second dialog.
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open…").click();
    harness.run_steps(2);
    let send = {
        let mut asked = dialog.0.lock().unwrap();
        assert_eq!(asked.len(), 1, "only one dialog at a time");
        asked.pop().unwrap()
    };
    send.send(vec![data_file("good_feature_collection.geojson")])
        .unwrap();
    harness.run_steps(1);
    common::wait_loaded(&mut harness);
    assert_eq!(harness.state().opened().overlays.len(), 1);
    harness.get_by_label("good_feature_collection.geojson");
}

#[test]
fn open_menu_adds_a_layer_and_a_broken_file_shows_its_problem() {
    let dialog = FakeDialog::default();
    let mut harness =
        common::harness_with_dialog(StartOptions::default(), Box::new(dialog.clone()));
    open_via_menu(
        &mut harness,
        &dialog,
        &data_file("good_feature_collection.geojson"),
    );
    common::wait_loaded(&mut harness);
    harness.get_by_label("good_feature_collection.geojson");
    harness.get_by_label("Zoom to good_feature_collection.geojson");
    let layers = &harness.state().opened().overlays;
    assert_eq!(layers.len(), 1);
    let layer_id = layers[0].layer_id();
    assert!(harness.state().view().layers.shown(&layer_id));
    // A Point and a two-point MultiPoint; a LineString and two lines of a
    // MultiLineString; a Polygon and two of a MultiPolygon; a null geometry.
    assert_eq!(layers[0].features.len(), 6);
    let proj = border_incidents::model::camera::Projection::at(40.5);
    let shapes =
        border_incidents::map::layers::overlay_shapes::Shapes::new(&proj, &layers[0].features);
    assert_eq!(shapes.points.len(), 3);
    assert_eq!(shapes.lines.lods[0].len(), 3);
    assert_eq!(shapes.areas.len(), 3);

    let before = harness.state().view().camera;
    harness
        .get_by_label("Zoom to good_feature_collection.geojson")
        .click();
    harness.run_steps(2);
    assert_ne!(harness.state().view().camera, before);

    harness
        .get_by_label("good_feature_collection.geojson")
        .click();
    harness.run_steps(2);
    assert!(!harness.state().view().layers.shown(&layer_id));

    open_via_menu(&mut harness, &dialog, &data_file("bad_bbox.geojson"));
    common::wait_loaded(&mut harness);
    let expected = std::fs::read_to_string(data_file("bad_bbox.expected")).unwrap();
    harness.get_by_label("Problems opening files");
    harness.get_by_label(expected.trim());
    harness.get_by_label("good_feature_collection.geojson");
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Problems opening files").is_none());

    harness
        .get_by_label("Remove good_feature_collection.geojson")
        .click();
    harness.run_steps(2);
    assert!(harness.state().opened().overlays.is_empty());
}

#[test]
fn events_with_loaded_ids_are_refused_naming_an_id() {
    let dir = temp_dir("clash");
    let copy = dir.join("events-copy.geojson");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/events.geojson"),
        &copy,
    )
    .unwrap();
    copy_article(&dir);
    let loaded = common::data().events.len();
    let first_id = common::data().events[0].id.clone();
    let opts = StartOptions {
        events: vec![copy.clone()],
        ..Default::default()
    };
    let mut harness = common::harness_with_dialog(opts, Box::new(FakeDialog::default()));
    common::wait_loaded(&mut harness);
    harness.get_by_label("Problems opening files");
    harness.get_by_label_contains(&format!(
        "events-copy.geojson: error: refused: event ids already loaded: {first_id}"
    ));
    assert_eq!(harness.state().data().events.len(), loaded);
    std::fs::remove_dir_all(dir).unwrap();
}

/// A file dropped onto the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropped_file_opens_as_a_layer() {
    let mut harness =
        common::harness_with_dialog(StartOptions::default(), Box::new(FakeDialog::default()));
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(data_file("good_single_feature.geojson"))));
    common::wait_loaded(&mut harness);
    harness.get_by_label("good_single_feature.geojson");
    assert_eq!(harness.state().opened().overlays.len(), 1);
}

#[test]
fn a_dropped_gdelt_file_adds_its_events() {
    let mut harness =
        common::harness_with_dialog(StartOptions::default(), Box::new(FakeDialog::default()));
    let before = harness.state().data().events.len();
    let gdelt =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gdelt/good_20220916.export.CSV");
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(gdelt)));
    common::wait_loaded(&mut harness);
    assert_eq!(harness.state().data().events.len(), before + 9);
    assert!(harness.state().opened().overlays.is_empty());
}

#[test]
fn cancel_stops_a_load_without_a_layer_or_a_problem() {
    use std::io::Write as _;
    let dir = temp_dir("cancel");
    let fifo = dir.join("big.geojson");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let dialog = FakeDialog::default();
    let mut harness =
        common::harness_with_dialog(StartOptions::default(), Box::new(dialog.clone()));
    open_via_menu(&mut harness, &dialog, &fifo);
    // The worker blocks in open() until this end is opened, then in read().
    let mut writer = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    writer
        .write_all(br#"{"type":"FeatureCollection","features":["#)
        .unwrap();
    harness.run_steps(2);
    harness.get_by_label("Loading big.geojson");
    harness.get_by_label("Cancel").click();
    harness.run_steps(1);
    // More data wakes the worker; its next read sees the cancel.
    let feature = br#"{"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[70.6,40.1]}},"#;
    for _ in 0..64 {
        if writer.write_all(feature).is_err() {
            break;
        }
    }
    drop(writer);
    common::wait_loaded(&mut harness);
    assert!(harness.state().opened().overlays.is_empty());
    assert!(harness.state().opened().problems.is_empty());
    assert!(harness.query_by_label("Problems opening files").is_none());
    std::fs::remove_dir_all(dir).unwrap();
}

/// Puts the bundled article beside events files copied into `dir`, where
/// their source's `text_file` names it.
fn copy_article(dir: &Path) {
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/article.txt"),
        dir.join("article.txt"),
    )
    .unwrap();
}

/// A copy of the bundled events file keeping only its first event, under a
/// new id, with the article beside it.
fn one_renamed_event(dir: &Path) -> (PathBuf, String) {
    copy_article(dir);
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/events.geojson"),
    )
    .unwrap();
    let mut root: serde_json::Value = serde_json::from_str(&src).unwrap();
    let features = root["features"].as_array_mut().unwrap();
    features.truncate(1);
    let id = format!("{}-copy", features[0]["properties"]["id"].as_str().unwrap());
    features[0]["properties"]["id"] = serde_json::Value::String(id.clone());
    let path = dir.join("one-event.geojson");
    std::fs::write(&path, serde_json::to_string_pretty(&root).unwrap()).unwrap();
    (path, id)
}

#[test]
fn an_events_file_opened_from_the_menu_adds_its_events() {
    let dir = temp_dir("add-events");
    let (path, id) = one_renamed_event(&dir);
    let loaded = common::data().events.len();
    let dialog = FakeDialog::default();
    let mut harness =
        common::harness_with_dialog(StartOptions::default(), Box::new(dialog.clone()));
    open_via_menu(&mut harness, &dialog, &path);
    common::wait_loaded(&mut harness);
    assert!(harness.query_by_label("Problems opening files").is_none());
    assert!(harness.state().opened().overlays.is_empty());
    let data = harness.state().data().clone();
    assert_eq!(data.events.len(), loaded + 1);
    assert!(data.events.iter().any(|e| e.id == id));

    // Opening it again clashes with the events it added.
    open_via_menu(&mut harness, &dialog, &path);
    common::wait_loaded(&mut harness);
    harness.get_by_label_contains(&format!("already loaded: {id}"));
    assert_eq!(harness.state().data().events.len(), loaded + 1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_broken_events_file_shows_what_check_events_prints() {
    let dir = temp_dir("broken-events");
    let (path, _) = one_renamed_event(&dir);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("\"incident\"", "\"skirmish\"")).unwrap();
    let mut out = Vec::new();
    let opts = border_incidents::commands::check::CheckOptions {
        events: true,
        article: None,
    };
    let code =
        border_incidents::commands::check::run_check(std::slice::from_ref(&path), &opts, &mut out);
    assert_eq!(code, 1);
    let printed = String::from_utf8(out).unwrap();
    let first = printed.lines().next().unwrap();
    let (_, after_name) = first.split_once(".geojson:").unwrap();
    let opts = StartOptions {
        events: vec![path],
        ..Default::default()
    };
    let mut harness = common::harness_with_dialog(opts, Box::new(FakeDialog::default()));
    common::wait_loaded(&mut harness);
    harness.get_by_label(&format!("one-event.geojson:{after_name}"));
    assert_eq!(
        harness.state().data().events.len(),
        common::data().events.len()
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn view_menu_opens_the_layers_window() {
    let mut harness =
        common::harness_with_dialog(StartOptions::default(), Box::new(FakeDialog::default()));
    assert!(harness.query_by_label("Layers").is_none());
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Layers…").click();
    harness.run_steps(2);
    harness.get_by_label("Layers");
    harness.get_by_label_contains("No layers opened");
}

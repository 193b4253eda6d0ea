//! Exports from the File menu, driven like a user, with the save dialog
//! answering a path the test chose: the events the filters show written
//! as events GeoJSON and read back, and the map as a PNG at twice its size.

use crate::common;

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::channel;

use border_incidents::app::App;
use border_incidents::data::events::{BundledTexts, read};
use border_incidents::model::derived::Derived;
use border_incidents::model::visibility::VisibilityCache;
use border_incidents::output::dialog::{Chosen, SaveDialog, SaveRequest};
use border_incidents::start::StartOptions;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// A save dialog that answers with a path chosen by the test, and
/// remembers what it was asked.
struct SaveTo {
    path: PathBuf,
    asked: std::sync::Arc<Mutex<Vec<SaveRequest>>>,
}

impl SaveDialog for SaveTo {
    fn save(&self, request: &SaveRequest) -> Chosen {
        self.asked.lock().unwrap().push(request.clone());
        let (send, receive) = channel();
        send.send(Some(self.path.clone())).unwrap();
        receive
    }
}

fn harness_saving_to(path: PathBuf) -> Harness<'static, App> {
    harness_saving_with(path, StartOptions::default())
}

/// The app started with `opts`, its save dialog answering `path`.
fn harness_saving_with(path: PathBuf, opts: StartOptions) -> Harness<'static, App> {
    let data = common::data();
    let dialog = SaveTo {
        path,
        asked: Default::default(),
    };
    let mut dialog = Some(dialog);
    let mut harness = Harness::builder()
        .with_size(common::SIZE)
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| {
            let app = common::app(data.clone(), opts.clone()).started_in(cc);
            match dialog.take() {
                Some(d) => app.with_save_dialog(Box::new(d)),
                None => app,
            }
        });
    harness.run_steps(3);
    harness
}

#[test]
fn exported_events_read_back_as_the_events_the_filters_show() {
    let dir = std::env::temp_dir().join(format!("bi-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("shown.geojson");
    let mut harness = harness_saving_to(path.clone());
    harness.get_by_label("Search").focus();
    harness.run_steps(1);
    harness.get_by_label("Search").type_text("Tajik");
    harness.run_steps(3);
    let data = harness.state().data().clone();
    let derived = Derived::new(&data);
    let view = harness.state().view().clone();
    let shown = VisibilityCache::default()
        .get(&data, &derived.index, &view.filters, view.time.window)
        .shown
        .clone();
    assert!(!shown.is_empty() && shown.len() < data.events.len());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export events…").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Export events…")
        .click();
    let note = wait_for_export(&mut harness);
    harness.run_steps(2);
    assert!(
        harness.query_by_label_contains(&note).is_some(),
        "the note shows: {note}"
    );
    let file = std::fs::File::open(&path).unwrap();
    let loaded = read("shown.geojson", file, &BundledTexts, &[]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let collection = loaded.collection.expect("the file reads back");
    let ids: Vec<&str> = collection.events.iter().map(|e| e.id.as_str()).collect();
    let want: Vec<&str> = shown.iter().map(|&i| data.events[i].id.as_str()).collect();
    assert_eq!(ids, want);
    assert_eq!(collection.sources.len(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn events_exported_as_acled_csv_read_back_as_a_dataset() {
    let dir = std::env::temp_dir().join(format!("bi-export-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("shown.csv");
    let mut harness = harness_saving_to(path.clone());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export events…").click();
    harness.run_steps(2);
    harness.get_by_label("CSV, ACLED columns").click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::Button, "Export events…")
        .click();
    let note = wait_for_export(&mut harness);
    harness.run_steps(2);
    // The bundled events without a point (a country's statement, the
    // airport) cannot be CSV rows: the note says how many were left out.
    let data = harness.state().data().clone();
    let without_point = data.events.iter().filter(|e| e.geometry.is_none()).count();
    assert!(without_point > 0);
    assert!(
        note.contains(&format!("{without_point} without a point left out")),
        "{note}"
    );
    let mut file = std::fs::File::open(&path).unwrap();
    let read = border_incidents::formats::acled::read("shown.csv", &mut file);
    assert_eq!(read.errors, 0, "{:?}", read.loaded.diagnostics);
    let collection = read.loaded.collection.expect("the CSV reads back");
    let with_point = data.events.len() - without_point;
    assert_eq!(collection.events.len(), with_point);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_export_dialog_offers_every_format_and_writes_gdelt_rows_back() {
    let dir = std::env::temp_dir().join(format!("bi-export-gdelt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("shown.export.CSV");
    let gdelt = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/gdelt/good_20220916.export.CSV");
    let opts = StartOptions {
        events: vec![gdelt.clone()],
        ..Default::default()
    };
    let mut harness = harness_saving_with(path.clone(), opts);
    common::wait_loaded(&mut harness);
    let data = harness.state().data().clone();
    let derived = Derived::new(&data);
    let view = harness.state().view().clone();
    let shown: Vec<String> = VisibilityCache::default()
        .get(&data, &derived.index, &view.filters, view.time.window)
        .shown
        .iter()
        .map(|&i| data.events[i].id.clone())
        .collect();
    let from_gdelt = |line: &&str| shown.iter().any(|id| line.starts_with(&format!("{id}\t")));
    let rows = std::fs::read_to_string(&gdelt).unwrap();
    let expected: Vec<&str> = rows.lines().filter(from_gdelt).collect();
    assert!(expected.len() >= 8, "{} GDELT events shown", expected.len());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export events…").click();
    harness.run_steps(2);
    for format in border_incidents::formats::Format::all() {
        harness.get_by_label(format.label());
    }
    harness
        .get_by_label("GDELT 2.0 events (tab-separated)")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::Button, "Export events…")
        .click();
    let note = wait_for_export(&mut harness);
    // The bundled events are no GDELT rows; the GDELT ones are written
    // back as they were read.
    let left_out = shown.len() - expected.len();
    assert!(
        note.contains(&format!("Wrote {} events", expected.len()))
            && note.contains(&format!("{left_out} without a GDELT event code left out")),
        "{note}"
    );
    let written = std::fs::read_to_string(&path).unwrap();
    let mut written: Vec<&str> = written.lines().collect();
    let mut expected = expected;
    written.sort();
    expected.sort();
    assert_eq!(written, expected);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Runs frames until the export running ends; returns its note.
fn wait_for_export(harness: &mut Harness<'static, App>) -> String {
    for _ in 0..3000 {
        harness.step();
        if harness.state().export_outcome().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let outcome = harness.state().export_outcome().cloned();
    outcome
        .expect("the export ended")
        .expect("the export succeeded")
}

#[test]
fn the_map_exports_as_a_png_at_twice_its_size() {
    let dir = std::env::temp_dir().join(format!("bi-export-image-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("map.png");
    let mut harness = harness_saving_to(path.clone());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export image…").click();
    harness.run_steps(2);
    harness.get_by_label("2×").click();
    harness.run_steps(2);
    let map = harness.get_by_label("Map").rect().size();
    harness
        .get_by_role_and_label(Role::Button, "Export image…")
        .click();
    let note = wait_for_export(&mut harness);
    harness.run_steps(2);
    assert!(
        harness.query_by_label_contains(&note).is_some(),
        "the note shows: {note}"
    );
    let image = image::open(&path).expect("a PNG").to_rgba8();
    assert_eq!(
        [image.width(), image.height()],
        [(map.x * 2.0).round() as u32, (map.y * 2.0).round() as u32]
    );
    let first = *image.get_pixel(0, 0);
    assert!(
        image.pixels().any(|p| *p != first),
        "the image is not blank"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

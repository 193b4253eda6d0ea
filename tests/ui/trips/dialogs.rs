//! File dialogs where no desktop portal answers: the app shows its own
//! dialog, says once why, lists the formats each dialog reads or writes,
//! and what is picked in it opens or is written as the system dialog's
//! answer would be.

use std::path::{Path, PathBuf};
use std::time::Duration;

use border_incidents::app::App;
use border_incidents::chooser::Portal;
use border_incidents::start::StartOptions;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common;

/// A folder of its own for one test, with copies of `files` in it.
pub(super) fn folder_with(test: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("border-incidents-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for (from, to) in files {
        std::fs::copy(data.join(from), dir.join(to)).unwrap();
    }
    dir
}

/// The app where no portal answers, its dialogs starting in `folder`.
/// The accessibility check is off: the path and file-name fields of
/// `egui_file`'s dialog carry no accessible name.
pub(super) fn harness_without_portal(folder: &Path) -> Harness<'static, App> {
    let data = common::data();
    let folder = folder.to_owned();
    let mut harness = Harness::builder()
        .with_size(common::SIZE)
        .with_pixels_per_point(1.0)
        .with_accessibility_check(false)
        .build_eframe(move |cc| {
            common::app(data.clone(), StartOptions::default())
                .started_in(cc)
                .with_portal(
                    Portal::Absent("no portal in this test".into()),
                    folder.clone(),
                )
        });
    harness.run_steps(3);
    harness
}

/// The "Files of type" list under the app's own dialog.
fn types_list<'a>(harness: &'a Harness<'static, App>) -> egui_kittest::Node<'a> {
    harness.get_by_role_and_label(Role::ComboBox, "Files of type")
}

pub(super) fn menu(harness: &mut Harness<'static, App>, item: &str) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label(item).click();
    harness.run_steps(2);
}

/// Steps frames until `label` is on screen (the request crosses a thread).
pub(super) fn wait_for(harness: &mut Harness<'static, App>, label: &str) {
    for _ in 0..500 {
        harness.step();
        if harness.query_by_label(label).is_some() {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{label:?} never appeared");
}

#[test]
fn open_shows_the_apps_own_dialog_and_opens_the_csv_picked_in_it() {
    let dir = folder_with(
        "fallback-open",
        &[
            ("csv/good_acled_current.csv", "acled.csv"),
            ("coding/vorukh-clash.txt", "notes.txt"),
        ],
    );
    let mut harness = harness_without_portal(&dir);
    menu(&mut harness, "Open…");
    wait_for(&mut harness, "🗋 acled.csv");
    // Every format File → Open… reads is offered; files of no such type
    // are not listed.
    let types = types_list(&harness);
    let first = "Every format the app reads (.geojson, .json, .csv)";
    assert_eq!(types.accesskit_node().value().as_deref(), Some(first));
    assert!(harness.query_by_label("🗋 notes.txt").is_none());
    // Said once, at the bottom of the window, why.
    let note = harness.get_by_label_contains("No desktop portal shows file dialogs here");
    let said = note.accesskit_node().value().unwrap_or_default();
    assert!(said.contains("no portal in this test"), "{said}");

    harness.get_by_label("🗋 acled.csv").click();
    harness.run_steps(2);
    harness.get_by_label("Open").click();
    harness.run_steps(2);
    common::wait_loaded(&mut harness);
    let events = &harness.state().data().events;
    assert_eq!(events.len(), common::data().events.len() + 4);
    assert!(!harness.state().fallback_dialog().is_open());

    // The note stays until dismissed, and is not said again.
    harness.get_by_label("Dismiss").click();
    harness.run_steps(2);
    menu(&mut harness, "Open…");
    wait_for(&mut harness, "🗋 acled.csv");
    assert!(
        harness
            .query_by_label_contains("No desktop portal")
            .is_none()
    );
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert!(!harness.state().fallback_dialog().is_open());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn choosing_a_type_lists_only_its_files() {
    let dir = folder_with(
        "fallback-types",
        &[
            ("csv/good_acled_current.csv", "acled.csv"),
            ("geojson/good_single_feature.geojson", "layer.geojson"),
        ],
    );
    let mut harness = harness_without_portal(&dir);
    menu(&mut harness, "Open…");
    wait_for(&mut harness, "🗋 acled.csv");
    assert!(harness.query_by_label("🗋 layer.geojson").is_some());
    types_list(&harness).click();
    harness.run_steps(2);
    harness.get_by_label("ACLED CSV (.csv)").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("🗋 acled.csv").is_some());
    assert!(harness.query_by_label("🗋 layer.geojson").is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_coded_article_is_saved_through_the_apps_own_dialog() {
    let dir = folder_with(
        "fallback-save",
        &[("coding/vorukh-clash.txt", "vorukh.txt")],
    );
    let mut harness = harness_without_portal(&dir);
    menu(&mut harness, "Code an article…");
    wait_for(&mut harness, "🗋 vorukh.txt");
    harness.get_by_label("🗋 vorukh.txt").click();
    harness.run_steps(2);
    harness.get_by_label("Open").click();
    for _ in 0..2000 {
        harness.step();
        if harness.state().workspace().session().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(harness.state().workspace().session().is_some(), "not coded");

    menu(&mut harness, "Save events");
    wait_for(&mut harness, "💾  Save events");
    let types = types_list(&harness);
    assert_eq!(
        types.accesskit_node().value().as_deref(),
        Some("Events GeoJSON (.geojson)")
    );
    let dialog = harness.get_by_label("💾  Save events");
    dialog.get_by_role_and_label(Role::Button, "Save").click();
    harness.run_steps(3);
    let saved: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".events.geojson"))
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(!harness.state().workspace().unsaved());
    let _ = std::fs::remove_dir_all(&dir);
}

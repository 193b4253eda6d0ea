//! Sharing a view: File → Save view… writes a view file through the
//! app's own dialog, and opening it (File → Open…) brings back that view
//! exactly; a view that needs a source not loaded says which to open.

use std::path::PathBuf;

use border_incidents::app::App;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::dialogs::{folder_with, harness_without_portal, menu, wait_for};
use crate::common;

/// An event the events list shows by its title.
const AIRPORT: &str = "Regional airport packed with people leaving";

/// The view files in `dir`.
fn view_files(dir: &std::path::Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".view.json"))
        .collect()
}

/// Opens `name` (in the dialog's folder) through File → Open….
fn open_through_the_dialog(harness: &mut Harness<'static, App>, name: &str) {
    menu(harness, "Open…");
    let entry = format!("🗋 {name}");
    wait_for(harness, &entry);
    harness.get_by_label(&entry).click();
    harness.run_steps(2);
    harness.get_by_label("Open").click();
    harness.run_steps(4);
}

/// The app's view set away from its start: an event selected, the dark
/// theme, names in both scripts, the map panned.
fn set_a_view(harness: &mut Harness<'static, App>) {
    harness.get_by_label(AIRPORT).click();
    harness.run_steps(2);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Dark theme").click();
    harness.run_steps(2);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Place names").click();
    harness.run_steps(2);
    harness.get_by_label("Both").click();
    harness.run_steps(2);
    common::drag(harness, egui::pos2(800.0, 400.0), egui::pos2(700.0, 450.0));
}

#[test]
fn a_saved_view_opens_again_as_it_was() {
    let dir = folder_with("views-round-trip", &[]);
    let mut harness = harness_without_portal(&dir);
    set_a_view(&mut harness);
    let saved = harness.state_mut().view_file();
    assert!(saved.timeline.is_some());

    menu(&mut harness, "Save view…");
    wait_for(&mut harness, "💾  Save view");
    let dialog = harness.get_by_label("💾  Save view");
    dialog.get_by_role_and_label(Role::Button, "Save").click();
    harness.run_steps(3);
    let files = view_files(&dir);
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();

    // Leave that view: selection cleared, light theme, map moved.
    harness.key_press(egui::Key::Escape);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Light theme").click();
    common::drag(
        &mut harness,
        egui::pos2(700.0, 450.0),
        egui::pos2(900.0, 300.0),
    );
    assert_ne!(harness.state_mut().view_file(), saved);

    open_through_the_dialog(&mut harness, &name);
    assert_eq!(harness.state_mut().view_file(), saved);
    // What a person sees: the dark theme's menu item, the event's card.
    harness.get_by_label("View").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Light theme").is_some());
    assert!(harness.query_by_label("Problems opening files").is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_view_needing_a_source_not_loaded_says_which_to_open() {
    let dir = folder_with("views-missing-source", &[]);
    let mut harness = harness_without_portal(&dir);
    harness.get_by_label(AIRPORT).click();
    harness.run_steps(2);
    let file = harness.state_mut().view_file();
    let text = border_incidents::view_file::write::to_json(&file);
    let needed = r#""sources": [
    {
      "id": "acled-kg-2022",
      "title": "ACLED Kyrgyzstan 2022"
    },"#;
    let text = text.replacen(r#""sources": ["#, needed, 1);
    std::fs::write(dir.join("shared.view.json"), text).unwrap();
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);

    open_through_the_dialog(&mut harness, "shared.view.json");
    harness.get_by_label("Problems opening files");
    harness.get_by_label_contains(
        "the source “ACLED Kyrgyzstan 2022” (acled-kg-2022), which is not loaded: open it",
    );
    // The rest of the view is shown.
    assert_eq!(harness.state().view().selection, file.view.selection);
    let _ = std::fs::remove_dir_all(&dir);
}

//! Opening dataset files in the app (ACLED and UCDP GED CSV, GDELT 2.0
//! events): their events are added and drawn, and a file with bad rows
//! lists each of them in the Problems window as `check` prints it, while
//! its good rows load.

use crate::common;

use std::path::{Path, PathBuf};

use border_incidents::file_dialog::{FileDialog, Picked};
use border_incidents::start::StartOptions;
use egui_kittest::kittest::Queryable as _;

/// A file dialog that is never used: the files are given at start.
struct NoDialog;

impl FileDialog for NoDialog {
    fn pick_files(&self) -> Picked {
        std::sync::mpsc::channel().1
    }
}

fn csv_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/csv")
        .join(name)
}

fn gdelt_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/gdelt")
        .join(name)
}

fn open(path: PathBuf) -> egui_kittest::Harness<'static, border_incidents::app::App> {
    let opts = StartOptions {
        events: vec![path],
        ..Default::default()
    };
    let mut harness = common::harness_with_dialog(opts, Box::new(NoDialog));
    common::wait_loaded(&mut harness);
    harness
}

#[test]
fn an_acled_file_adds_its_events_and_draws_them() {
    let mut harness = open(csv_file("good_acled_current.csv"));
    let events = &harness.state().data().events;
    assert_eq!(events.len(), common::data().events.len() + 4);
    let clash = events.iter().find(|e| e.id == "XKG101").unwrap().clone();
    harness.run_steps(2);
    let label = border_incidents::map::layers::markers::marker_label(&clash);
    assert!(
        harness.query_all_by_label_contains(&label).next().is_some(),
        "no marker {label:?}"
    );
}

#[test]
fn bad_rows_are_listed_in_the_problems_window_and_good_rows_load() {
    let path = csv_file("bad_acled_rows.csv");
    let expected = std::fs::read_to_string(csv_file("bad_acled_rows.expected")).unwrap();
    let harness = open(path);
    for line in expected.lines() {
        harness.get_by_label(line);
    }
    assert_eq!(
        harness.state().data().events.len(),
        common::data().events.len() + 2
    );
}

#[test]
fn unticking_an_acled_actor_in_the_side_filter_hides_its_events() {
    let mut harness = open(csv_file("good_acled_current.csv"));
    harness.run_steps(2);
    let total = harness.state().data().events.len();
    let marker = |id: &str| {
        let event = harness.state().data().events.iter().find(|e| e.id == id);
        border_incidents::map::layers::markers::marker_label(event.unwrap())
    };
    let (tajik_forces, kyrgyz_forces) = (marker("XKG102"), marker("XKG101"));
    harness.get_by_label(&format!("{total} of {total} events shown"));
    assert!(harness.query_by_label(&tajik_forces).is_some());
    harness.get_by_label("Filters").click();
    harness.run();
    harness.get_by_label("Side").click();
    harness.run();
    harness
        .get_by_label("Military Forces of Tajikistan (1994-)")
        .click();
    harness.run_steps(2);
    harness.get_by_label(&format!("{} of {total} events shown", total - 1));
    assert!(harness.query_by_label(&tajik_forces).is_none());
    assert!(harness.query_by_label(&kyrgyz_forces).is_some());
}

#[test]
fn select_at_start_may_name_an_event_of_a_file_still_loading() {
    let opts = StartOptions {
        events: vec![csv_file("good_acled_current.csv")],
        select: Some("XKG101".to_owned()),
        ..Default::default()
    };
    let mut harness = common::harness_with_dialog(opts, Box::new(NoDialog));
    common::wait_loaded(&mut harness);
    harness.run_steps(3);
    assert_eq!(harness.state().view().selection.as_deref(), Some("XKG101"));
    // The card shows it.
    let _ = harness.get_all_by_label("Armed clash, Sample Village A");

    let opts = StartOptions {
        events: vec![csv_file("good_acled_current.csv")],
        select: Some("XKG999".to_owned()),
        ..Default::default()
    };
    let mut harness = common::harness_with_dialog(opts, Box::new(NoDialog));
    common::wait_loaded(&mut harness);
    harness.run_steps(3);
    assert_eq!(harness.state().view().selection, None);
    assert_eq!(harness.state().missing_selection(), Some("XKG999"));
    let _ = harness.get_by_label_contains("no loaded event has the id \"XKG999\"");
}

#[test]
fn a_gdelt_file_adds_its_events_and_the_card_shows_its_mentions() {
    let opts = StartOptions {
        events: vec![gdelt_file("good_20220916.export.CSV")],
        select: Some("1057361201".to_owned()),
        ..Default::default()
    };
    let mut harness = common::harness_with_dialog(opts, Box::new(NoDialog));
    common::wait_loaded(&mut harness);
    harness.run_steps(3);
    let events = &harness.state().data().events;
    assert_eq!(events.len(), common::data().events.len() + 9);
    let fight = events
        .iter()
        .find(|e| e.id == "1057361201")
        .unwrap()
        .clone();
    let label = border_incidents::map::layers::markers::marker_label(&fight);
    assert!(
        harness.query_all_by_label_contains(&label).next().is_some(),
        "no marker {label:?}"
    );
    // The card shows the row's counts and the article it was coded from.
    let _ = harness.get_all_by_label("Fight, Batken, Batken, Kyrgyzstan");
    harness.get_by_label("NumMentions");
    harness.get_by_label("NumSources");
    harness.get_by_label(
        "https://www.rferl.org/a/kyrgyzstan-tajikistan-border-clashes-batken/32034467.html",
    );
}

#[test]
fn bad_gdelt_rows_are_listed_in_the_problems_window_and_good_rows_load() {
    let path = gdelt_file("bad_rows.export.CSV");
    let expected = std::fs::read_to_string(gdelt_file("bad_rows.export.expected")).unwrap();
    let harness = open(path);
    for line in expected.lines() {
        harness.get_by_label(line);
    }
    assert_eq!(
        harness.state().data().events.len(),
        common::data().events.len() + 2
    );
}

//! Stories as a user meets them: the first-start offer, playing the
//! bundled story to the end and back, writing a story of two steps,
//! saving, reopening and playing it, and a story naming an event that is
//! not loaded. The glide to a step is in `story_glide.rs`.

use crate::common;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use border_incidents::app::App;
use border_incidents::file_dialog::{FileDialog, Picked, SaveTo};
use border_incidents::start::StartOptions;
use border_incidents::story::bundled;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// A file dialog that answers with the paths the test gives it.
#[derive(Clone, Default)]
struct FakeDialog {
    open: Arc<Mutex<Option<PathBuf>>>,
    save: Arc<Mutex<Option<PathBuf>>>,
}

impl FileDialog for FakeDialog {
    fn pick_files(&self) -> Picked {
        let (send, receive) = std::sync::mpsc::channel();
        send.send(self.open.lock().unwrap().take().into_iter().collect())
            .unwrap();
        receive
    }

    fn save_story(&self, _name: &str) -> SaveTo {
        let (send, receive) = std::sync::mpsc::channel();
        send.send(self.save.lock().unwrap().take()).unwrap();
        receive
    }
}

/// Storage kept in memory, as eframe keeps it on disk between runs.
#[derive(Clone, Default)]
struct MemoryStorage(HashMap<String, String>);

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

fn temp_file(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("border-incidents-story-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

pub fn menu(harness: &mut Harness<'static, App>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run_steps(2);
    harness.get_by_label(item).click();
    harness.run_steps(2);
}

/// Frames enough for the view to reach a step (the move takes 0.5 s; a
/// test frame is 0.25 s).
fn settle(harness: &mut Harness<'static, App>) {
    harness.run_steps(4);
}

fn selection(harness: &Harness<'static, App>) -> Option<String> {
    harness.state().view().selection.clone()
}

#[test]
fn the_bundled_story_plays_to_the_end_and_back() {
    let mut harness = common::harness();
    menu(&mut harness, "Story", "Play the September 2022 story");
    settle(&mut harness);
    let story = bundled::story().unwrap();
    let n = story.steps.len();
    harness.get_by_label(&format!("Step 1 of {n}"));
    harness.get_by_label(&story.steps[0].caption);
    assert!(
        harness.query_all_by_label("Imprecise").count() >= 2,
        "bar and card"
    );
    assert_eq!(selection(&harness).as_deref(), Some("clashes-2022-09"));
    for (i, step) in story.steps.iter().enumerate().skip(1) {
        harness.key_press(egui::Key::PageDown);
        settle(&mut harness);
        harness.get_by_label(&format!("Step {} of {n}", i + 1));
        harness.get_by_label(&step.caption);
        let quoted = step.quote.as_ref().map(|q| q.event.clone());
        assert_eq!(selection(&harness), quoted, "step {}", i + 1);
        assert_eq!(
            Some(harness.state().view().time.window),
            step.window,
            "step {}",
            i + 1
        );
    }
    // The last step's events are background rows: not checked.
    assert!(harness.query_all_by_label("Not checked").count() >= 2);
    harness.key_press(egui::Key::PageDown);
    settle(&mut harness);
    harness.get_by_label(&format!("Step {n} of {n}"));
    for i in (1..n).rev() {
        harness.get_by_label("‹ Previous").click();
        settle(&mut harness);
        harness.get_by_label(&format!("Step {i} of {n}"));
    }
    // A dot jumps to its step; leaving keeps the view.
    harness
        .get_by_label_contains(&format!("Step 7 of {n}:"))
        .click();
    settle(&mut harness);
    let view = harness.state().view().clone();
    harness.get_by_label("Leave story").click();
    harness.run_steps(2);
    assert!(harness.query_by_label(&format!("Step 7 of {n}")).is_none());
    assert_eq!(harness.state().view().camera, view.camera);
    assert_eq!(harness.state().view().time.window, view.time.window);
}

#[test]
fn a_story_of_two_steps_is_written_saved_reopened_and_played() {
    let dialog = FakeDialog::default();
    let opts = StartOptions {
        select: Some("truce".to_owned()),
        ..StartOptions::default()
    };
    let mut harness = common::harness_with_dialog(opts, Box::new(dialog.clone()));
    menu(&mut harness, "Story", "New story");
    harness.run_steps(2);
    harness.get_by_label("Story steps");
    harness.get_by_label("Add this view as a step").click();
    harness.run_steps(2);
    // A second view: another event, found by searching.
    harness.get_by_label("Search").focus();
    harness.run_steps(1);
    harness.get_by_label("Search").type_text("136,000");
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "136,000 residents evacuated")
        .click();
    harness.run_steps(3);
    harness.get_by_label("Add this view as a step").click();
    harness.run_steps(2);
    assert_eq!(
        harness
            .state()
            .story()
            .player
            .as_ref()
            .unwrap()
            .story()
            .steps
            .len(),
        2
    );
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Caption of step 1")
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Caption of step 1")
        .type_text("The truce holds");
    harness.run_steps(2);
    // Drag the second step above the first by its handle.
    let from = harness
        .get_by_label("Drag step 2 to another place")
        .rect()
        .center();
    let to = harness
        .get_by_label("Drag step 1 to another place")
        .rect()
        .center();
    drag(&mut harness, from, to);
    let captions = |h: &Harness<'static, App>| -> Vec<String> {
        let player = h.state().story().player.as_ref().unwrap();
        player
            .story()
            .steps
            .iter()
            .map(|s| s.caption.clone())
            .collect()
    };
    assert_eq!(
        captions(&harness),
        ["136,000 residents evacuated", "The truce holds"]
    );
    harness.get_by_label("Undo").click();
    harness.run_steps(2);
    assert_eq!(
        captions(&harness),
        ["The truce holds", "136,000 residents evacuated"]
    );
    harness.get_by_label("Redo").click();
    harness.run_steps(2);
    let path = temp_file("two-steps.json");
    *dialog.save.lock().unwrap() = Some(path.clone());
    harness.get_by_label("Save story as…").click();
    harness.run_steps(3);
    assert!(path.exists(), "the story was written");
    harness.get_by_label_contains("Saved to");
    harness.get_by_label("Leave story").click();
    harness.run_steps(2);
    // Reopen it and play it.
    *dialog.open.lock().unwrap() = Some(path.clone());
    menu(&mut harness, "File", "Open story…");
    settle(&mut harness);
    harness.get_by_label("Step 1 of 2");
    // On the bar, the card and in the list.
    assert!(
        harness
            .query_all_by_label("136,000 residents evacuated")
            .count()
            >= 3
    );
    assert_eq!(selection(&harness).as_deref(), Some("evacuation-batken"));
    harness.key_press(egui::Key::PageDown);
    settle(&mut harness);
    harness.get_by_label("Step 2 of 2");
    harness.get_by_label("The truce holds");
    assert_eq!(selection(&harness).as_deref(), Some("truce"));
}

/// Drags with the mouse from `a` to `b`, releasing over `b`.
fn drag(harness: &mut Harness<'static, App>, a: egui::Pos2, b: egui::Pos2) {
    harness.hover_at(a);
    harness.step();
    harness.drag_at(a);
    harness.step();
    for k in 1..=4 {
        harness.hover_at(a + (b - a) * (k as f32 / 4.0));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: b,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(2);
}

#[test]
fn a_story_naming_a_missing_event_shows_a_note_in_its_place() {
    let path = temp_file("missing.json");
    std::fs::write(
        &path,
        r#"{"version": 1, "title": "Gaps", "sources": [{"id": "other-2023", "title": "Another report"}],
  "steps": [
    {"caption": "The truce, and a clash from another file", "events": ["truce", "clash-elsewhere"]},
    {"caption": "Only the missing one", "events": ["clash-elsewhere"], "panels": {"timeline": false}}
  ]}"#,
    )
    .unwrap();
    let dialog = FakeDialog::default();
    *dialog.open.lock().unwrap() = Some(path.clone());
    let mut harness = common::harness_with_dialog(StartOptions::default(), Box::new(dialog));
    menu(&mut harness, "File", "Open story…");
    settle(&mut harness);
    harness.get_by_label("Step 1 of 2");
    harness.get_by_label_contains(
        "the event “clash-elsewhere” is not loaded: this story uses Another report",
    );
    // The truce's verdict, on the bar (and on the card).
    assert!(harness.query_all_by_label("Consistent").count() >= 2);
    assert_eq!(selection(&harness).as_deref(), Some("truce"));
    // The Problems window says where the file names it.
    harness.get_by_value(&format!(
        "{}:3:81: warning: steps[0].events[1]: no loaded event has the id \"clash-elsewhere\"; \
         the step shows a note in its place",
        path.display()
    ));
    harness.key_press(egui::Key::PageDown);
    settle(&mut harness);
    harness.get_by_label("Step 2 of 2");
    harness.get_by_label_contains("the event “clash-elsewhere” is not loaded");
    assert_eq!(selection(&harness), None);
    // This step closes the timeline.
    assert!(harness.query_by_label("Fit all").is_none());
}

#[test]
fn the_offer_shows_on_a_first_start_and_not_once_answered() {
    let storage = MemoryStorage::default();
    let start = |storage: MemoryStorage| {
        let data = common::data();
        let mut harness = Harness::builder()
            .with_size(common::SIZE)
            .with_pixels_per_point(1.0)
            .build_eframe(move |cc| {
                App::new(Some(&storage), data.clone(), StartOptions::default()).started_in(cc)
            });
        harness.run_steps(3);
        harness
    };
    let mut harness = start(storage.clone());
    harness.get_by_label("Play the story");
    harness.get_by_label("Not now").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Play the story").is_none());
    let mut saved = storage;
    eframe::App::save(harness.state_mut(), &mut saved);
    let mut again = start(saved);
    assert!(again.query_by_label("Play the story").is_none());
    // The story is still under Story in the menu.
    menu(&mut again, "Story", "Play the September 2022 story");
    settle(&mut again);
    let n = bundled::story().unwrap().steps.len();
    again.get_by_label(&format!("Step 1 of {n}"));
}

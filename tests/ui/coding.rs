//! Coding an article in the app, as a reviewer does it: File → Code an
//! article…, accept proposals, place one by clicking the map, add a quote
//! by selecting words, undo and redo, save and reopen; the recovery file
//! after a crash; closing with unsaved changes.

use crate::coding_kit;
use crate::common;

use border_incidents::app::App;
use border_incidents::coding::is_kept;
use border_incidents::data::event::{Event, EventKind};
use border_incidents::extract::Status;
use border_incidents::start::StartOptions;
use border_incidents::timeline::bars::bar_label;
use coding_kit::{FakeDialog, article, code_article, harness, menu, temp_dir};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The proposal whose title is `title`.
fn proposal<'a>(harness: &'a Harness<'static, App>, title: &str) -> &'a Event {
    let session = harness.state().workspace().session().expect("a session");
    &session
        .proposals()
        .iter()
        .find(|p| p.event.title == title)
        .unwrap_or_else(|| panic!("no proposal {title:?}"))
        .event
}

fn select_and_accept(harness: &mut Harness<'static, App>, title: &str) {
    harness.get_by_label_contains(title).click();
    harness.run_steps(2);
    harness.get_by_label("Accept").click();
    harness.run_steps(2);
}

/// The events of the coded article in the app's data.
fn coded_events(app: &App) -> Vec<Event> {
    let data = app.data();
    let Some(source) = data
        .sources
        .iter()
        .position(|s| s.id.starts_with("guards-trade-fire"))
    else {
        return Vec::new();
    };
    data.events
        .iter()
        .filter(|e| e.source == source)
        .cloned()
        .collect()
}

#[test]
fn code_an_article_review_it_save_and_reopen() {
    let dir = temp_dir("review");
    let dialog = FakeDialog::default();
    let mut harness = harness(&dialog, None);
    code_article(&mut harness, &dialog, &article());
    harness.get_by_label("Review");
    harness.get_by_label("Article paragraph 3");

    // Accept two proposals: they show in the events list at once.
    select_and_accept(&mut harness, "Shelling (Batken region)");
    select_and_accept(&mut harness, "Evacuation (Kok-Tash)");
    let kept = coded_events(harness.state());
    assert_eq!(kept.len(), 2);
    assert!(
        harness
            .query_all_by_label_contains("Shelling (Batken region)")
            .count()
            >= 2
    );
    // The one kept last is selected and brought into view on the timeline.
    let last = kept
        .iter()
        .find(|e| e.title == "Evacuation (Kok-Tash)")
        .unwrap();
    assert_eq!(harness.state().view().selection.as_ref(), Some(&last.id));
    harness.get_by_label(&bar_label(last));

    // Place the evacuation by clicking the map.
    harness.get_by_label("Pick on map").click();
    harness.run_steps(2);
    assert!(harness.state().view().picking_place);
    let map = harness.get_by_label("Map").rect();
    let spot = egui::pos2(map.left() + map.width() * 0.5, map.top() + 60.0);
    harness.hover_at(spot);
    harness.run_steps(1);
    harness.drag_at(spot);
    harness.run_steps(1);
    harness.drop_at(spot);
    harness.run_steps(3);
    let placed = proposal(&harness, "Evacuation (Kok-Tash)").clone();
    assert!(
        placed
            .geometry_note
            .as_deref()
            .unwrap_or("")
            .contains("by the reviewer")
    );
    assert!(!harness.state().view().picking_place);
    let on_map = coded_events(harness.state())
        .into_iter()
        .find(|e| e.id == placed.id)
        .unwrap();
    assert_eq!(
        on_map.geometry, placed.geometry,
        "the map shows the new place"
    );

    // Select words of the first paragraph and add them as a quote.
    let para = harness.get_by_label("Article paragraph 3").rect();
    let from = egui::pos2(para.left() + 2.0, para.top() + 8.0);
    let to = egui::pos2(para.left() + 120.0, para.top() + 8.0);
    harness.hover_at(from);
    harness.run_steps(1);
    harness.drag_at(from);
    harness.run_steps(1);
    harness.hover_at(to);
    harness.run_steps(1);
    harness.drop_at(to);
    harness.run_steps(2);
    let selection = harness
        .state()
        .review()
        .text_selection()
        .expect("words selected");
    harness.get_by_label("Add quote to selected").click();
    harness.run_steps(2);
    let quotes = proposal(&harness, "Evacuation (Kok-Tash)").quotes.clone();
    assert_eq!(quotes.len(), 2);
    assert!(
        quotes
            .iter()
            .any(|q| q.start >= selection.0 && q.end <= selection.1)
    );

    // Undo takes the quote away, redo brings it back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(proposal(&harness, "Evacuation (Kok-Tash)").quotes.len(), 1);
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_steps(2);
    assert_eq!(proposal(&harness, "Evacuation (Kok-Tash)").quotes, quotes);

    // Save: the events and the text beside them.
    let target = dir.join("vorukh.events.geojson");
    dialog.will_pick(&target);
    menu(&mut harness, "Save events");
    harness.run_steps(2);
    assert!(target.is_file());
    assert!(dir.join("vorukh.article.txt").is_file());
    assert!(!harness.state().workspace().unsaved());
    let saved = coded_events(harness.state());
    assert_eq!(saved.len(), 2);

    // Reopen in a new window: the same events, with their evidence.
    let dialog = FakeDialog::default();
    let start = saved.iter().map(|e| e.start.first_second()).min().unwrap();
    let end = saved.iter().map(|e| e.end.end_exclusive()).max().unwrap();
    let opts = StartOptions {
        window: Some((start, end)),
        ..StartOptions::default()
    };
    let mut reopened = common::harness_with_dialog(opts, Box::new(dialog.clone()));
    dialog.will_pick(&target);
    menu(&mut reopened, "Open…");
    common::wait_loaded(&mut reopened);
    let mut back = coded_events(reopened.state());
    back.iter_mut().for_each(|e| e.source = 0);
    let mut expected = saved;
    expected.iter_mut().for_each(|e| e.source = 0);
    assert_eq!(back, expected);
    assert!(
        reopened
            .query_all_by_label_contains("Evacuation (Kok-Tash)")
            .count()
            >= 1
    );
}

#[test]
fn unsaved_work_is_offered_back_after_a_crash() {
    let recovery = temp_dir("recovery");
    let dialog = FakeDialog::default();
    let mut harness = harness(&dialog, Some(&recovery));
    code_article(&mut harness, &dialog, &article());
    select_and_accept(&mut harness, "Shelling (Batken region)");
    harness
        .get_by_label_contains("Evacuation (Kok-Tash)")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Reject").click();
    harness.run_steps(3);
    // The app ends without saving: a crash or a kill.
    drop(harness);

    let mut again = self::harness(&FakeDialog::default(), Some(&recovery));
    again.get_by_label("Recover unsaved work");
    again.get_by_label("Recover").click();
    again.run_steps(3);
    let session = again
        .state()
        .workspace()
        .session()
        .expect("the work is back");
    let status = |title: &str| {
        session
            .proposals()
            .iter()
            .find(|p| p.event.title == title)
            .map(|p| p.status)
    };
    assert_eq!(status("Shelling (Batken region)"), Some(Status::Accepted));
    assert_eq!(status("Evacuation (Kok-Tash)"), Some(Status::Rejected));
    assert!(
        again.state().workspace().unsaved(),
        "recovered work is not saved yet"
    );
    let kept = session
        .proposals()
        .iter()
        .filter(|p| is_kept(p.status))
        .count();
    assert_eq!(coded_events(again.state()).len(), kept);
    // In the review list and in the events list.
    assert!(
        again
            .query_all_by_label_contains("Shelling (Batken region)")
            .count()
            >= 2
    );
    // It is selected and in view on the timeline.
    let shelling = coded_events(again.state()).remove(0);
    assert_eq!(again.state().view().selection.as_ref(), Some(&shelling.id));
    again.get_by_label(&bar_label(&shelling));
}

#[test]
fn closing_with_unsaved_changes_asks() {
    let dialog = FakeDialog::default();
    let mut harness = harness(&dialog, None);
    code_article(&mut harness, &dialog, &article());
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run_steps(2);
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Unsaved changes").is_none());
    assert!(harness.state().workspace().session().is_some());
}

#[test]
fn pasted_text_is_coded_a_proposal_accepted_and_saved_to_a_file() {
    let dir = temp_dir("paste-save");
    let dialog = FakeDialog::default();
    let mut harness = harness(&dialog, None);
    let type_into = |harness: &mut Harness<'static, App>, label: &str, text: &str| {
        harness.get_by_label(label).click();
        harness.run_steps(1);
        harness.get_by_label(label).type_text(text);
        harness.run_steps(1);
    };
    menu(&mut harness, "Code pasted text…");
    harness.run_steps(2);
    let text = "About 300 residents of Kok-Tash in the Batken region were evacuated on \
                Sunday evening, the emergencies ministry announced.";
    type_into(&mut harness, "Title", "Evacuation at Kok-Tash");
    type_into(&mut harness, "Published (YYYY-MM-DD)", "2023-03-13");
    type_into(&mut harness, "Article text", text);
    harness.get_by_label("Propose events").click();
    harness.run_steps(2);
    coding_kit::wait_coded(&mut harness);

    // Select the incident the text tells of, and accept it.
    let session = harness.state().workspace().session().expect("coded");
    let incident = session
        .proposals()
        .iter()
        .find(|p| p.event.kind == EventKind::Incident)
        .expect("an incident proposed");
    let title = incident.event.title.clone();
    select_and_accept(&mut harness, &title);
    assert_eq!(
        coded_titles(harness.state(), "evacuation-at-kok-tash"),
        [title.as_str()]
    );
    harness.get_by_label("unsaved changes");

    // Save: the file dialog is asked where, the file appears whole.
    let target = dir.join("kok-tash.events.geojson");
    dialog.will_pick(&target);
    harness.get_by_label("Save").click();
    harness.run_steps(3);
    harness.get_by_label("saved");
    assert!(!harness.state().workspace().unsaved());
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["kok-tash.article.txt", "kok-tash.events.geojson"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("kok-tash.article.txt")).unwrap(),
        text
    );
    let written = std::fs::read_to_string(&target).unwrap();
    let saved = border_incidents::data::events::parse(
        "saved",
        &written,
        &border_incidents::data::events::TextsBeside::file(&target),
        &[],
    )
    .into_result()
    .expect("the saved file reads back");
    let titles: Vec<&str> = saved.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, [title.as_str()]);
    assert_eq!(
        saved.sources[0].title.as_deref(),
        Some("Evacuation at Kok-Tash")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The titles of the events of the source `id` in the app's data.
fn coded_titles(app: &App, id: &str) -> Vec<String> {
    let data = app.data();
    let source = data.sources.iter().position(|s| s.id == id);
    data.events
        .iter()
        .filter(|e| Some(e.source) == source)
        .map(|e| e.title.clone())
        .collect()
}

/// A proposal as the list shows it: confidence, title, id.
type Listed = (f64, String, String);

#[test]
fn proposals_come_surest_first_and_weak_ones_are_folded() {
    let dialog = FakeDialog::default();
    let mut harness = harness(&dialog, None);
    let text = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/coding/weak-and-sure.txt");
    code_article(&mut harness, &dialog, &text);
    let confidence = |e: &Event| e.extraction.as_ref().map_or(1.0, |x| x.confidence);
    let (weak, mut sure): (Vec<Listed>, Vec<Listed>) = harness
        .state()
        .workspace()
        .session()
        .expect("a session")
        .proposals()
        .iter()
        .map(|p| {
            (
                confidence(&p.event),
                p.event.title.clone(),
                p.event.id.clone(),
            )
        })
        .partition(|(c, ..)| *c < border_incidents::extract::WEAK_BELOW);
    assert_eq!(weak.len(), 1, "one weak proposal: {weak:?}");
    let (_, weak_title, weak_id) = weak[0].clone();
    sure.sort_by(|a, b| b.0.total_cmp(&a.0));
    // A row of the list: its title, then its date and confidence.
    let row_label = |title: &str| format!("{title}  ");
    // The sure proposals are listed, surest first; the weak one is folded away.
    let tops: Vec<f32> = sure
        .iter()
        .map(|(_, t, _)| harness.get_by_label_contains(&row_label(t)).rect().top())
        .collect();
    assert!(tops.windows(2).all(|w| w[0] <= w[1]), "{tops:?}");
    assert!(
        harness
            .query_by_label_contains(&row_label(&weak_title))
            .is_none()
    );
    let header = harness.get_by_label("Weak proposals (1)");
    assert!(header.rect().top() > tops[tops.len() - 1]);
    header.click();
    harness.run_steps(3);
    // Unfolded, it shows below the sure ones, and a click selects it.
    let weak_row = row_label(&weak_title);
    let row = harness.get_by_label_contains(&weak_row);
    assert!(row.rect().top() > tops[tops.len() - 1]);
    row.click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().workspace().selected(),
        Some(weak_id.as_str())
    );
}

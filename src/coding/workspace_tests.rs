//! The workspace without a window: a save that lets a waiting close go
//! ahead and clears the recovery file, a failed save that keeps the window
//! open, and the autosave of a long text held back for a few seconds.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::session_tests::session;
use super::{CloseAnswer, Command, Edit, Effect, Session, Workspace};
use crate::data::Data;
use crate::data::source::Source;
use crate::data::vocabulary::Vocabulary;
use crate::extract::Status;

fn accept_first(ws: &mut Workspace, data: &Arc<Data>) -> Vec<Effect> {
    let id = ws.session().unwrap().proposals()[0].event.id.clone();
    let edit = Edit::SetStatus {
        id,
        status: Status::Accepted,
    };
    ws.apply(Command::Edit(edit), data)
}

#[test]
fn saving_clears_the_recovery_file_and_lets_a_waiting_close_go_ahead() {
    let dir = tempfile::tempdir().unwrap();
    let data = Arc::new(Data::default());
    let mut ws = Workspace::default();
    ws.keep_recovery_in(dir.path().join("recovery"));
    assert!(ws.offer().is_none());
    ws.session = Some(session());
    assert_eq!(
        accept_first(&mut ws, &data),
        [Effect::Changed { by_edit: true }]
    );
    assert_eq!(ws.autosave(Instant::now()), None);
    let recovery = ws.recovery_path().unwrap();
    assert!(recovery.is_file(), "unsaved work is kept");

    // The window is closed: held, and the question asked.
    assert!(ws.hold_close());
    assert!(ws.asking_to_close());
    assert!(!ws.close_now());
    // "Save and close" with no file yet asks where.
    let asked = ws.apply(Command::Closing(CloseAnswer::Save), &data);
    assert_eq!(asked, [Effect::ChooseTarget("test.events.geojson".into())]);
    let target = dir.path().join("test.events.geojson");
    ws.save_to(target.clone());
    assert!(target.is_file());
    assert!(!ws.unsaved());
    assert!(!recovery.exists(), "the recovery file goes once saved");
    assert!(ws.close_now(), "the close goes ahead");
    assert!(!ws.close_now(), "once");
    assert!(!ws.hold_close(), "nothing unsaved holds a close");
}

#[test]
fn a_failed_save_says_why_and_keeps_the_window_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = Arc::new(Data::default());
    let mut ws = Workspace::default();
    ws.session = Some(session());
    accept_first(&mut ws, &data);
    assert!(ws.hold_close());
    ws.save_to(dir.path().join("missing/test.events.geojson"));
    assert!(ws.notice().unwrap().starts_with("not saved: "));
    assert!(ws.unsaved());
    assert!(!ws.asking_to_close() && !ws.close_now());
    // Cancelling the save dialog also keeps it open.
    assert!(ws.hold_close());
    ws.save_cancelled();
    assert!(!ws.asking_to_close() && !ws.close_now());
}

#[test]
fn a_long_text_is_autosaved_at_most_every_few_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let data = Arc::new(Data::default());
    let text = "Guards exchanged fire at the border.\n".repeat(80_000);
    let source = Source {
        id: "long".into(),
        text: Some(text.into()),
        ..Source::default()
    };
    let mut ws = Workspace::default();
    ws.keep_recovery_in(dir.path());
    ws.session = Some(Session::new(
        source,
        Vocabulary::default(),
        Vec::new(),
        Vec::new(),
    ));
    let start = Instant::now();
    assert_eq!(ws.autosave(start), None, "written at once the first time");
    let first = ws.session().unwrap().revision();
    assert_eq!(ws.autosaved.0, first);
    let new = Edit::NewEvent { start: 0, end: 6 };
    assert_eq!(
        ws.apply(Command::Edit(new), &data)[0],
        Effect::Changed { by_edit: true }
    );
    assert!(ws.selected().is_some(), "the new event is selected");
    let wait = ws.autosave(start + Duration::from_secs(1));
    assert_eq!(wait, Some(Duration::from_secs(4)));
    assert_eq!(ws.autosaved.0, first, "held back");
    assert_eq!(ws.autosave(start + Duration::from_secs(6)), None);
    assert_eq!(ws.autosaved.0, ws.session().unwrap().revision());
}

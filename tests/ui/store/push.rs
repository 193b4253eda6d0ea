//! File → Push a file into the database…: a dataset's events go into the
//! shared store with a progress window; Cancel leaves the table as it was.

use std::path::{Path, PathBuf};
use std::time::Duration;

use border_incidents::app::App;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::kit::{admin, app_made, fresh_store, online, outbox_dir, person, server, wait_for};
use crate::coding_kit::FakeDialog;
use crate::pg_server::TestServer;

/// An ACLED export of four events.
fn acled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/csv/good_acled_current.csv")
}

/// How many events the database holds.
fn stored_events(server: &TestServer, db: &str) -> i64 {
    admin(server, db)
        .query_one("SELECT count(*) FROM border_incidents.events", &[])
        .expect("a count")
        .get(0)
}

/// A coder's app connected to `db`, its file dialog the test's.
fn coder_app(server: &TestServer, db: &str, dialog: &FakeDialog) -> Harness<'static, App> {
    let url = person(server, db, "pia", "coder");
    let dialog = dialog.clone();
    let mut app = app_made(Some(&url), &outbox_dir(db), move |a| {
        a.with_file_dialog(Box::new(dialog.clone()))
    });
    wait_for(&mut app, "connected", Duration::from_secs(30), online);
    app.run_steps(2);
    app
}

/// Picks `path` through File → Push a file into the database….
fn push_through_the_menu(app: &mut Harness<'static, App>, dialog: &FakeDialog, path: &Path) {
    dialog.will_pick(path);
    app.get_by_label("File").click();
    app.run_steps(2);
    app.get_by_label("Push a file into the database…").click();
    app.run_steps(2);
}

#[test]
fn a_pushed_file_s_events_are_in_the_database_and_on_the_map() {
    let server = server();
    let db = fresh_store(server, "ui_push");
    let dialog = FakeDialog::default();
    let mut app = coder_app(server, &db, &dialog);
    let before = stored_events(server, &db);

    push_through_the_menu(&mut app, &dialog, &acled());
    wait_for(&mut app, "the push's end", Duration::from_secs(30), |h| {
        h.query_by_label_contains("Pushed good_acled_current.csv: 4 events added")
            .is_some()
    });
    assert_eq!(stored_events(server, &db), before + 4);
    // The other coders' notice of the new rows reaches this app too.
    wait_for(
        &mut app,
        "the pushed events",
        Duration::from_secs(10),
        |h| (h.state().data().events.iter()).any(|e| e.title == "Armed clash, Sample Village A"),
    );
    app.get_by_label("OK").click();
    app.run_steps(2);
    assert!(app.query_by_label("Push into the database").is_none());
}

#[test]
fn cancel_during_a_push_leaves_the_table_unchanged() {
    let server = server();
    let db = fresh_store(server, "ui_push_cancel");
    let dialog = FakeDialog::default();
    let mut app = coder_app(server, &db, &dialog);
    let before = stored_events(server, &db);

    // Another session holds the table: the push waits while writing.
    let mut holder = admin(server, &db);
    let mut hold = holder.transaction().expect("a transaction");
    hold.batch_execute("LOCK TABLE border_incidents.events IN ACCESS EXCLUSIVE MODE")
        .expect("the table held");

    push_through_the_menu(&mut app, &dialog, &acled());
    wait_for(&mut app, "the push writing", Duration::from_secs(30), |h| {
        h.query_by_label_contains("Writing 4 events into the table")
            .is_some()
    });
    app.get_by_label("Cancel").click();
    wait_for(&mut app, "the cancel", Duration::from_secs(30), |h| {
        h.query_by_label_contains("was cancelled: the table is as it was")
            .is_some()
    });
    hold.rollback().expect("the table let go");
    assert_eq!(stored_events(server, &db), before);
}

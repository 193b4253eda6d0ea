//! The server goes away mid-session: the app keeps what it shows, says it
//! is offline, keeps an edit in the outbox and shows it, and sends it once
//! the server is back; an edit made offline before quitting is sent by the
//! next start.

use std::time::Duration;

use egui_kittest::kittest::Queryable as _;

use super::kit::{
    AIRPORT, STORE_ONLY, connected, fresh_store, id_of, open_editor, outbox_dir, person, retype,
    shows, stored, wait_for,
};
use crate::pg_server::TestServer;

#[test]
fn edits_made_offline_wait_in_the_outbox_and_are_sent_when_the_server_is_back() {
    // A server of its own: this test stops it.
    let server = TestServer::start();
    let db = fresh_store(&server, "ui_offline");
    let url = person(&server, &db, "olga", "coder");
    let outbox = outbox_dir("offline");
    let mut app = connected(&url, &outbox);

    server.stop_immediately();
    wait_for(&mut app, "offline", Duration::from_secs(15), |h| {
        h.query_by_label_contains("Events from: Offline").is_some()
    });
    assert!(shows(&app, AIRPORT));
    open_editor(&mut app, AIRPORT);
    retype(&mut app, "Title", "Airport packed (edited offline)");
    app.get_by_label("Save").click();
    wait_for(&mut app, "the edit queued", Duration::from_secs(10), |h| {
        h.query_by_label_contains("· 1 edit waiting").is_some()
    });
    assert!(shows(&app, "Airport packed (edited offline)"));

    server.start_again();
    wait_for(&mut app, "the replay", Duration::from_secs(20), |h| {
        h.state().home().live().is_some_and(|l| l.pending() == 0)
            && h.query_by_label_contains("Events from: Offline").is_none()
    });
    let airport = id_of(AIRPORT);
    let title = Some("Airport packed (edited offline)".to_owned());
    assert_eq!(stored(&server, &db, &airport, "title"), (title, 2));

    // Offline again, an edit, and the coder quits.
    server.stop_immediately();
    wait_for(&mut app, "offline again", Duration::from_secs(15), |h| {
        h.query_by_label_contains("Events from: Offline").is_some()
    });
    open_editor(&mut app, STORE_ONLY);
    retype(&mut app, "Summary", "Written offline, sent after a restart");
    app.get_by_label("Save").click();
    wait_for(&mut app, "the edit queued", Duration::from_secs(10), |h| {
        h.query_by_label_contains("· 1 edit waiting").is_some()
    });
    drop(app);

    server.start_again();
    let mut again = connected(&url, &outbox);
    wait_for(
        &mut again,
        "the replay at start",
        Duration::from_secs(10),
        |h| h.state().home().live().is_some_and(|l| l.pending() == 0),
    );
    let summary = stored(&server, &db, "store-only-1", "summary");
    assert_eq!(
        summary,
        (Some("Written offline, sent after a restart".into()), 2)
    );
    again.get_by_label_contains(&format!("Incident: {STORE_ONLY}"));
}

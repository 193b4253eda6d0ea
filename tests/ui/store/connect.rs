//! File → Connect to database…: a refusal in one line with the work left
//! as it was, then the store's events on the map and in the list, where
//! they live in the status strip, and no password in the saved state.

use std::collections::HashMap;
use std::time::Duration;

use egui_kittest::kittest::Queryable as _;

use super::kit::{
    AIRPORT, STORE_ONLY, app, fresh_store, online, outbox_dir, person, retype, server, wait_for,
};
use crate::coding_kit::menu;

/// eframe's saved state, in memory.
#[derive(Default)]
struct Saved(HashMap<String, String>);

impl eframe::Storage for Saved {
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

#[test]
fn connecting_shows_the_store_events_and_a_refusal_says_why_in_one_line() {
    let server = server();
    let db = fresh_store(server, "ui_connect");
    let url = person(server, &db, "carol", "coder");
    let without_password = url.replace(" password=pw", "");
    let mut harness = app(None, &outbox_dir("connect"));
    harness.run_steps(2);

    menu(&mut harness, "Connect to database…");
    retype(
        &mut harness,
        "Connection string",
        &format!("{without_password} password=wrong"),
    );
    harness.get_by_label("Connect").click();
    wait_for(&mut harness, "the refusal", Duration::from_secs(20), |h| {
        h.query_by_label_contains("the server refused role")
            .is_some()
    });
    // The work open stays: the bundled events, no store.
    harness.get_by_label(AIRPORT);
    assert!(harness.query_by_label(STORE_ONLY).is_none());
    assert!(harness.state().home().live().is_none());

    retype(&mut harness, "Connection string", &without_password);
    retype(&mut harness, "Password", "pw");
    harness.get_by_label("Connect").click();
    wait_for(
        &mut harness,
        "the store's events",
        Duration::from_secs(30),
        online,
    );
    harness.run_steps(3);

    let who = url
        .split_whitespace()
        .find_map(|p| p.strip_prefix("user="))
        .unwrap();
    let strip = format!(
        "Events from: {who}@{db} on 127.0.0.1:{} · coder",
        server.port
    );
    harness.get_by_label(&strip);
    harness.get_by_label(AIRPORT);
    // On the map, and in the list once searched for (the list builds only
    // the rows scrolled into view).
    harness.get_by_label_contains(&format!("Incident: {STORE_ONLY}"));
    harness.get_by_label("Search").focus();
    harness.run_steps(1);
    harness.get_by_label("Search").type_text("store only");
    harness.run_steps(2);
    harness.get_by_label(STORE_ONLY);
    assert!(
        harness.query_by_label("Connect to database").is_none(),
        "the dialog closed"
    );

    let mut saved = Saved::default();
    eframe::App::save(harness.state_mut(), &mut saved);
    let remembered = &saved.0[border_incidents::panels::store::STORAGE_KEY];
    assert!(remembered.contains(&format!("dbname={db}")), "{remembered}");
    assert!(
        saved
            .0
            .values()
            .all(|v| !v.contains("password") && !v.contains("=pw")),
        "a password was saved: {:?}",
        saved.0
    );
}

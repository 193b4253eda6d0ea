//! Two app instances edit one event: the second edit, made on the version
//! before the first, is refused by the server and opens the conflict view;
//! the coder keeps their place and the other coder's title, and the
//! database ends with both coders' changes (nothing lost, nothing
//! overwritten without a choice).

use std::time::Duration;

use egui_kittest::kittest::Queryable as _;

use super::kit::{
    AIRPORT, connected, fresh_store, id_of, open_editor, outbox_dir, person, retype, server, shows,
    stored, wait_for,
};

#[test]
fn a_stale_edit_opens_the_conflict_view_and_the_merge_keeps_both_coders_changes() {
    let server = server();
    let db = fresh_store(server, "ui_conflict");
    let mut alice = connected(
        &person(server, &db, "alice", "coder"),
        &outbox_dir("conflict-a"),
    );
    let mut bob = connected(
        &person(server, &db, "bob", "coder"),
        &outbox_dir("conflict-b"),
    );
    let id = id_of(AIRPORT);

    // Bob opens the editor first; Alice changes the event meanwhile.
    open_editor(&mut bob, AIRPORT);
    open_editor(&mut alice, AIRPORT);
    retype(&mut alice, "Title", "Airport packed (Alice)");
    retype(&mut alice, "Summary", "Alice's summary");
    alice.get_by_label("Save").click();
    alice.run_steps(2);
    wait_for(&mut bob, "Alice's change", Duration::from_secs(5), |h| {
        shows(h, "Airport packed (Alice)")
    });
    bob.get_by_label_contains("Another coder changed this event since you opened it");

    // Bob saves his edit, made on the version before Alice's.
    retype(&mut bob, "Title", "Airport packed (Bob)");
    retype(&mut bob, "Place", "Osh airport");
    bob.get_by_label("Save").click();
    wait_for(
        &mut bob,
        "the conflict view",
        Duration::from_secs(10),
        |h| shows(h, "Conflict with another coder"),
    );
    bob.run_steps(2);
    // Mine and theirs, field by field: the title both changed, the place
    // only Bob did; the summary only Alice changed is not asked about.
    let view = bob.get_by_label("Conflict with another coder");
    view.get_by_label("Airport packed (Bob)");
    // Theirs, in the heading and in the title's row.
    assert_eq!(view.query_all_by_label("Airport packed (Alice)").count(), 2);
    view.get_by_label("Osh airport");
    assert!(view.query_by_label("summary").is_none());
    assert_ne!(
        stored(server, &db, &id, "place").0.as_deref(),
        Some("Osh airport"),
        "nothing of the stale edit was written"
    );

    // Keep their title, my place.
    let theirs: Vec<_> = bob.get_all_by_label("theirs").collect();
    assert_eq!(theirs.len(), 2, "a choice per field");
    theirs[1].click();
    bob.run_steps(2);
    bob.get_by_label("Save my choices").click();
    wait_for(
        &mut bob,
        "the merge applied",
        Duration::from_secs(10),
        |h| {
            !shows(h, "Conflict with another coder")
                && h.state()
                    .home()
                    .live()
                    .is_some_and(|l| l.is_idle() && l.version(&id) == Some(3))
        },
    );
    assert_eq!(
        stored(server, &db, &id, "title"),
        (Some("Airport packed (Alice)".into()), 3)
    );
    assert_eq!(
        stored(server, &db, &id, "summary").0.as_deref(),
        Some("Alice's summary")
    );
    assert_eq!(
        stored(server, &db, &id, "place").0.as_deref(),
        Some("Osh airport")
    );
    wait_for(
        &mut alice,
        "Bob's place on Alice's map",
        Duration::from_secs(2),
        |h| {
            h.state()
                .data()
                .events
                .iter()
                .any(|e| e.place.as_deref() == Some("Osh airport"))
        },
    );

    let (a, b) = (
        alice
            .state()
            .home()
            .live()
            .map(|l| l.tally())
            .unwrap_or_default(),
        bob.state()
            .home()
            .live()
            .map(|l| l.tally())
            .unwrap_or_default(),
    );
    let made = a.made + b.made;
    let conflicts = a.conflicts + b.conflicts;
    assert_eq!(
        (made, conflicts),
        (2, 1),
        "Alice's edit and Bob's merge made, Bob's stale edit caught"
    );
    eprintln!("two coders: {made} edits made, {conflicts} conflict caught, 0 updates lost");
}

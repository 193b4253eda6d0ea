//! What a role may do: a viewer sees a read-only store and a disabled
//! Edit…; and since the app never relies on what it shows, a coder whose
//! role is taken away mid-session still gets Edit…, and the server's
//! refusal is what the app then says.

use std::time::Duration;

use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::kit::{
    AIRPORT, admin, connected, fresh_store, id_of, open_editor, outbox_dir, person, retype, select,
    server, shows, stored, wait_for,
};

#[test]
fn a_viewer_reads_only_and_the_server_refuses_an_edit_the_role_may_not_make() {
    let server = server();
    let db = fresh_store(server, "ui_roles");
    let mut viewer = connected(
        &person(server, &db, "vic", "viewer"),
        &outbox_dir("roles-v"),
    );
    viewer.get_by_label_contains("· viewer · read-only");
    select(&mut viewer, AIRPORT);
    assert!(viewer.get_by_label("Edit…").accesskit_node().is_disabled());

    let url = person(server, &db, "dana", "coder");
    let who = url
        .split_whitespace()
        .find_map(|p| p.strip_prefix("user="))
        .unwrap()
        .to_owned();
    let mut coder = connected(&url, &outbox_dir("roles-c"));
    open_editor(&mut coder, AIRPORT);
    // An administrator takes the coder role away while the editor is open.
    admin(server, "postgres")
        .batch_execute(&format!(
            "REVOKE border_incidents_coder FROM {who}; GRANT border_incidents_viewer TO {who}"
        ))
        .unwrap();
    retype(&mut coder, "Title", "Airport (not allowed)");
    coder.get_by_label("Save").click();
    wait_for(
        &mut coder,
        "the server's refusal",
        Duration::from_secs(10),
        |h| shows(h, "Database"),
    );
    coder.get_by_label_contains("the server refused: the edit of");
    coder.get_by_label_contains("permission denied");
    assert_eq!(
        stored(server, &db, &id_of(AIRPORT), "title"),
        (Some(AIRPORT.into()), 1)
    );
    coder.get_by_label("OK").click();
    coder.run_steps(2);
    assert!(!shows(&coder, "Database"));
    assert!(shows(&coder, AIRPORT));
}
